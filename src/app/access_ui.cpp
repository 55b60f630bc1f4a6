#include "app/access_ui.h"

#include "app/main_frame.h"
#include "app/placeholder_panel.h"

#include <functional>

#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/toolbar.h>

namespace concerto {

namespace {

/// The main frame's status bar, for CheckAllowed's explanation.
void SayInStatusBar(AppContext& context, const wxString& text)
{
    auto* frame = dynamic_cast<wxFrame*>(context.Frame());
    if (frame && frame->GetStatusBar() && frame->GetStatusBar()->GetFieldsCount() > MainFrame::MessageField)
        frame->SetStatusText(text, MainFrame::MessageField);
}

} // namespace

void FollowAccess(AppContext& context, wxWindow* owner, std::function<void()> apply)
{
    apply();
    const int id = context.Subscribe([apply](const std::string& table) {
        if (table == "access")
            apply();
    });
    owner->Bind(wxEVT_DESTROY, [&context, id, owner](wxWindowDestroyEvent& event) {
        event.Skip();
        if (event.GetEventObject() == owner)
            context.Unsubscribe(id);
    });
}

bool Allows(const Access& access, AccessNeed need)
{
    return need == AccessNeed::Edit ? access.CanEdit() : access.CanAdminister();
}

void ShowWhenAllowed(AppContext& context, wxWindow* control, AccessNeed need)
{
    FollowAccess(context, control, [&context, control, need] {
        const bool allowed = Allows(context.GetAccess(), need);
        if (control->IsShown() == allowed)
            return;
        control->Show(allowed);
        if (wxWindow* parent = control->GetParent())
            parent->Layout();
    });
}

void EnableCommandWhenAllowed(AppContext& context, wxFrame* frame, int id, AccessNeed need)
{
    auto apply = [&context, frame, id, need] {
        const bool allowed = Allows(context.GetAccess(), need);
        if (wxMenuBar* bar = frame->GetMenuBar())
            if (bar->FindItem(id))
                bar->Enable(id, allowed);
        if (wxToolBar* tools = frame->GetToolBar())
            if (tools->FindById(id))
                tools->EnableTool(id, allowed);
    };
    // The frame owns the context: both go together, nothing to unsubscribe.
    apply();
    context.Subscribe([apply](const std::string& table) {
        if (table == "access")
            apply();
    });
}

bool CheckAllowed(AppContext& context, AccessNeed need)
{
    const Access& access = context.GetAccess();
    if (Allows(access, need))
        return true;
    SayInStatusBar(context, access.CanEdit()
                                ? _("Your role (editor) does not allow this change: it is reserved to administrators.")
                                : ReadOnlyText(access));
    return false;
}

wxString ReadOnlyText(const Access& access)
{
    if (access.CanEdit())
        return wxString();
    return _("Read-only: your role (reader) does not allow changing the data.");
}

wxWindow* CreateReadOnlyBanner(wxWindow* parent, AppContext& context)
{
    auto* banner = new wxPanel(parent);
    banner->SetName("read-only-banner");
    // A pale blue band: information, not an alarm (the connection banner is the alarm).
    banner->SetBackgroundColour(wxColour(0xE3, 0xEE, 0xF9));
    auto* text = new wxStaticText(banner, wxID_ANY, wxString());
    text->SetForegroundColour(wxColour(0x20, 0x4A, 0x87));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text, wxSizerFlags(1).CenterVertical().Border(wxALL, banner->FromDIP(6)));
    banner->SetSizer(sizer);
    FollowAccess(context, banner, [&context, banner, text] {
        const wxString message = ReadOnlyText(context.GetAccess());
        text->SetLabel(message);
        if (banner->IsShown() == !message.empty())
            return;
        banner->Show(!message.empty());
        if (wxWindow* parent = banner->GetParent())
            parent->Layout();
    });
    return banner;
}

void ReserveForEditors(AppContext& context, wxWindow* page, wxSizer* sizer, wxWindow* content,
                       std::function<void()> onChange)
{
    auto* notice = new PlaceholderPanel(page, _("Coding is reserved to editors"),
                                        _("Your role (reader) lets you read the contributions, the commitments and "
                                          "the synthesis, but not code them."),
                                        _("An administrator can give you the editor role if you need to code."),
                                        wxString(), {});
    notice->SetName("reserved-to-editors");
    sizer->Add(notice, wxSizerFlags(1).Expand());
    FollowAccess(context, page, [&context, page, content, notice, onChange] {
        const bool allowed = context.GetAccess().CanEdit();
        content->Show(allowed);
        notice->Show(!allowed);
        page->Layout();
        if (onChange)
            onChange();
    });
}

} // namespace concerto
