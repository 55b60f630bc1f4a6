#include "app/demo_generation.h"

#include "core/errors.h"
#include "core/progress.h"
#include "db/database.h"
#include "db/demo.h"

#include <algorithm>
#include <chrono>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/timer.h>

namespace concerto {

namespace {
// The gauge counts in thousandths so that phases of any size share one dialog.
constexpr int kGaugeRange = 1000;
// Posting every step would flood the event queue; the eye needs no more than this.
constexpr std::chrono::milliseconds kPostInterval(50);
} // namespace

/// The Progress the worker reports to. Its members belong to the worker thread, except
/// m_owner.m_cancelled, which is atomic; everything shown goes through CallAfter.
class DemoGeneration::Bridge final : public Progress {
public:
    explicit Bridge(DemoGeneration& owner) : m_owner(owner) {}

    void Begin(const std::string& phase, std::uint64_t total) override
    {
        m_lastPost = {};
        m_owner.CallAfter(&DemoGeneration::OnPhase, wxString::FromUTF8(phase), static_cast<unsigned long long>(total));
    }

    void Advance(std::uint64_t done) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastPost < kPostInterval)
            return;
        m_lastPost = now;
        m_owner.CallAfter(&DemoGeneration::OnAdvance, static_cast<unsigned long long>(done));
    }

    bool IsCancelled() const override { return m_owner.m_cancelled.load(); }

private:
    DemoGeneration& m_owner;
    std::chrono::steady_clock::time_point m_lastPost;
};

DemoGeneration::DemoGeneration(wxWindow* parent, const Database& source, Done onDone)
    : m_parent(parent), m_source(source), m_onDone(std::move(onDone))
{
    Bind(wxEVT_TIMER, &DemoGeneration::OnPoll, this);
}

DemoGeneration::~DemoGeneration()
{
    m_cancelled = true;
    if (m_worker.joinable())
        m_worker.join();
    CloseDialog();
}

void DemoGeneration::Start()
{
    if (IsRunning())
        return;
    // Reopened here, not on the worker, so that a connection failure is reported before any
    // dialog appears; the worker then owns this connection alone.
    std::shared_ptr<Database> db = m_source.Reopen();
    m_cancelled = false;
    m_bridge = std::make_unique<Bridge>(*this);
    m_dialog = std::make_unique<wxProgressDialog>(_("Demo consultation"),
                                                  _("Creating the demo consultation, this takes a few seconds…"),
                                                  kGaugeRange, m_parent, wxPD_APP_MODAL | wxPD_CAN_ABORT);
    // Its stock "Cancel" comes from wxWidgets' own catalog, which is often not installed.
    if (auto* cancel = wxDynamicCast(m_dialog->FindWindow(wxID_CANCEL), wxButton))
        cancel->SetLabel(_("Cancel"));
    m_poll = std::make_unique<wxTimer>(this);
    m_poll->Start(100);

    m_worker = std::thread([this, db]() {
        std::string id;
        std::string error;
        try {
            id = GenerateDemo(*db, DemoOptions{}, *m_bridge);
        } catch (const CancelledError&) {
            // Nothing to report: the user asked for it and nothing was left behind.
        } catch (const std::exception& e) {
            error = e.what();
        }
        CallAfter([this, id, error]() { OnFinished(id, wxString::FromUTF8(error)); });
    });
}

void DemoGeneration::OnPhase(const wxString& phase, unsigned long long total)
{
    m_phase = phase;
    m_total = total;
    if (!m_dialog || m_cancelled)
        return;
    const wxString message = wxString::Format(_("Creating the demo consultation — %s"), phase);
    const bool goOn = total == 0 ? m_dialog->Pulse(message) : m_dialog->Update(0, message);
    if (!goOn)
        m_cancelled = true;
}

void DemoGeneration::OnAdvance(unsigned long long done)
{
    if (!m_dialog || m_cancelled)
        return;
    bool goOn = true;
    if (m_total == 0) {
        goOn = m_dialog->Pulse();
    } else {
        // Stop one short of the end: a generic progress dialog at its maximum turns into a
        // "Close" dialog waiting for the user, whereas this one closes itself when done.
        const auto value =
            static_cast<int>(std::min<unsigned long long>(done * kGaugeRange / m_total, kGaugeRange - 1));
        goOn = m_dialog->Update(value);
    }
    if (!goOn)
        m_cancelled = true;
}

void DemoGeneration::OnPoll(wxTimerEvent&)
{
    // Cancel is noticed here too, for phases that report no steps for a while.
    if (m_dialog && !m_cancelled && m_dialog->WasCancelled()) {
        m_cancelled = true;
        m_dialog->Pulse(_("Cancelling…"));
    }
}

void DemoGeneration::OnFinished(const std::string& consultationId, const wxString& error)
{
    if (m_worker.joinable())
        m_worker.join();
    m_bridge.reset();
    CloseDialog();
    if (!error.empty())
        wxMessageBox(error, _("The demo consultation was not created"), wxOK | wxICON_ERROR, m_parent);
    // Called last, on a copy: the callback may start another run that replaces m_onDone.
    const Done done = m_onDone;
    done(consultationId);
}

void DemoGeneration::CloseDialog()
{
    if (m_poll)
        m_poll->Stop();
    m_poll.reset();
    m_dialog.reset();
}

} // namespace concerto
