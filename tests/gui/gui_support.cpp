#include "gui_support.h"

#include "app/areas.h"
#include "app/contribution_panel.h"
#include "app/main_frame.h"
#include "db/demo.h"
#include "support/backends.h"

#include <wx/app.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace concerto::test {

void Settle(int milliseconds)
{
    for (int i = 0; i < milliseconds / 10; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

bool WaitUntil(const std::function<bool()>& done, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 20) {
        if (done())
            return true;
        Settle(20);
    }
    return done();
}

std::unique_ptr<Database> DemoDatabase(Backend backend, std::uint64_t contributions)
{
    auto db = FreshDatabase(backend);
    SilentProgress progress;
    GenerateDemo(*db, DemoOptions{contributions, 2023}, progress);
    return db;
}

MainFrame* ShowDemoFrame(Backend backend, std::uint64_t contributions)
{
    auto* frame = new MainFrame(DemoDatabase(backend, contributions));
    frame->SetSize(1366, 768);
    frame->Show();
    frame->Raise();
    Settle();
    return frame;
}

ShownFrame::ShownFrame(std::unique_ptr<Database> db) : frame(new MainFrame(std::move(db)))
{
    frame->SetSize(1366, 768);
    frame->Show();
    Settle();
}

ShownFrame::~ShownFrame()
{
    frame->Destroy();
    Settle();
}

bool WaitUntilIdle(ContributionPanel& view, double seconds)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    Settle(50);
    while (view.IsBusy() && std::chrono::steady_clock::now() < deadline) {
        wxYield();
        wxMilliSleep(10);
    }
    Settle(60);
    return !view.IsBusy();
}

DemoFrameFixture::DemoFrameFixture(Backend backend, std::uint64_t contributions)
    : frame(ShowDemoFrame(backend, contributions))
{
}

DemoFrameFixture::~DemoFrameFixture()
{
    frame->Destroy();
    Settle();
}

Database& DemoFrameFixture::Db()
{
    return frame->GetDatabase();
}

std::string DemoFrameFixture::ConsultationId()
{
    return frame->Context().ConsultationId();
}

wxWindow* ShowSynthesisPage(MainFrame* frame, int index, const wxString& pageName)
{
    frame->ShowArea(SynthesisArea);
    auto* pages = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("synthesis-pages", frame));
    BOOST_REQUIRE(pages);
    pages->SetSelection(static_cast<std::size_t>(index));
    Settle();
    wxWindow* page = wxWindow::FindWindowByName(pageName, frame);
    BOOST_REQUIRE(page);
    return page;
}

bool AnyShownText(wxWindow* root, const wxString& text)
{
    if (auto* label = dynamic_cast<wxStaticText*>(root); label && label->GetLabel() == text && label->IsShownOnScreen())
        return true;
    for (wxWindow* child : root->GetChildren())
        if (AnyShownText(child, text))
            return true;
    return false;
}

void Click(wxDialog& dialog, int id)
{
    wxWindow* button = dialog.FindWindow(id);
    BOOST_REQUIRE(button);
    wxCommandEvent click(wxEVT_BUTTON, id);
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
}

void PressOk(wxDialog& dialog)
{
    Click(dialog, wxID_OK);
}

} // namespace concerto::test
