#pragma once
// Helpers shared by the GUI tests: letting the event loop run as a user's pause would, a demo
// database to show (and a main window on it, as a fixture), and answering the modal dialogs a
// view opens.

#include "db/database.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/evtloop.h>
#include <wx/timer.h>

namespace concerto {
class ContributionPanel;
class MainFrame;
}

namespace concerto::test {

/// Processes pending UI events for about `milliseconds`.
void Settle(int milliseconds = 150);
/// Processes UI events until `done` holds (worker results arrive through the event loop) or
/// `timeoutMs` passes; returns whether it holds.
bool WaitUntil(const std::function<bool()>& done, int timeoutMs = 30000);
/// A fresh database on `backend` holding the demo consultation with `contributions` contributions.
std::unique_ptr<Database> DemoDatabase(Backend backend, std::uint64_t contributions);
/// A main frame on DemoDatabase(backend, contributions) at 1366×768, the team's laptops' screen,
/// shown, raised and settled. The test destroys it (Destroy(), then Settle()).
MainFrame* ShowDemoFrame(Backend backend, std::uint64_t contributions);

/// A main frame on `db` at the laptops' size, shown and settled; destroyed at the end of the test.
struct ShownFrame {
    MainFrame* frame;
    explicit ShownFrame(std::unique_ptr<Database> db);
    ~ShownFrame();
    ShownFrame(const ShownFrame&) = delete;
    ShownFrame& operator=(const ShownFrame&) = delete;
    MainFrame* operator->() const { return frame; }
};

/// Lets the event loop run until the contributions view has nothing left to load, at most
/// `seconds`; false when it is still busy then.
bool WaitUntilIdle(ContributionPanel& view, double seconds = 20);

/// A test's main window, as the program has it: ShowDemoFrame(backend, contributions) run inside
/// an event loop of the test's own, made the active loop as the program's main loop is (without
/// one, a progress dialog makes a temporary loop and deletes it while the test's wxYield is inside
/// it). Destroys the frame at the end. Test fixtures derive from it.
class DemoFrameFixture {
public:
    explicit DemoFrameFixture(Backend backend = Backend::Sqlite, std::uint64_t contributions = 100);
    ~DemoFrameFixture();
    DemoFrameFixture(const DemoFrameFixture&) = delete;
    DemoFrameFixture& operator=(const DemoFrameFixture&) = delete;

    /// The frame's (UI-thread) connection.
    Database& Db();
    /// The consultation the frame shows.
    std::string ConsultationId();

private:
    wxGUIEventLoop m_loop;
    wxEventLoopActivator m_activeLoop{&m_loop}; // before the frame, which may open progress dialogs

public:
    MainFrame* frame = nullptr; ///< the window under test
};

/// Shows the Synthèse area of `frame` on its notebook page `index` (built then, as a click on its
/// tab builds it) and returns the window named `pageName` there; fails the test if there is none.
wxWindow* ShowSynthesisPage(MainFrame* frame, int index, const wxString& pageName);

/// Whether a static text below `root` reads `text` and is shown on screen.
bool AnyShownText(wxWindow* root, const wxString& text);

/// Runs `action` once on the first modal dialog of type D, as soon as it shows (from a timer,
/// which also fires inside the dialog's modal loop); gives up after `seconds`. Keep it alive
/// until the dialog has been answered; Done() says whether it was.
template <class D> class WhenShown : public wxTimer {
public:
    explicit WhenShown(std::function<void(D&)> action, double seconds = 15)
        : m_action(std::move(action)),
          m_deadline(std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000)))
    {
        Start(30);
    }
    void Notify() override
    {
        for (wxWindow* window : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<D*>(window); dialog && dialog->IsModal() && dialog->IsShown()) {
                Stop();
                m_done = true;
                m_action(*dialog);
                return;
            }
        if (std::chrono::steady_clock::now() > m_deadline)
            Stop();
    }
    bool Done() const { return m_done; }

private:
    std::function<void(D&)> m_action;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_done = false;
};

/// Runs `act` on the modal dialog of type D that the next call opens (from inside its modal
/// loop), then cancels the dialog if `act` left it open, so that a failing test never hangs.
template <class D> void AnswerModal(std::function<void(D&)> act)
{
    wxTheApp->CallAfter([act] {
        for (wxWindow* window : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<D*>(window); dialog && dialog->IsModal()) {
                act(*dialog);
                if (dialog->IsModal())
                    dialog->EndModal(wxID_CANCEL);
                return;
            }
        BOOST_ERROR("the expected dialog did not show");
    });
}

/// Clicks the button `id` of `dialog` as a user would: the event starts at the button.
void Click(wxDialog& dialog, int id);
/// Clicks OK (validation and transfer included, as a click does).
void PressOk(wxDialog& dialog);

} // namespace concerto::test
