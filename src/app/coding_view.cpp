#include "app/coding_view.h"

#include "app/access_ui.h"
#include "app/area_views.h"
#include "app/coding_keys.h"
#include "app/coding_progress_panel.h"
#include "app/coding_queue_page.h"
#include "app/double_coding_panel.h"
#include "core/text.h"

#include <wx/choicdlg.h>
#include <wx/control.h>
#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/sizer.h>

namespace concerto {

namespace {

// Away from the frame's ids (7001…7020, areas from 7100, consultations 7200…7699).
constexpr int kFirstCommandId = wxID_HIGHEST + 7800;
constexpr int kUndoId = wxID_HIGHEST + 7850;
constexpr int kRedoId = wxID_HIGHEST + 7851;

wxFrame* FrameOf(AppContext& context)
{
    return dynamic_cast<wxFrame*>(context.Frame());
}

/// The same coder's name, ignoring case, accents and surrounding spaces.
bool SameCoder(const std::string& a, const std::string& b)
{
    return Fold(wxString::FromUTF8(a).Strip(wxString::both).utf8_string()) ==
           Fold(wxString::FromUTF8(b).Strip(wxString::both).utf8_string());
}

} // namespace

AreaView* CreateCodingView(wxWindow* parent, AppContext& context)
{
    return new CodingView(parent, context);
}

CodingView::CodingView(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("coding-view");
    m_notebook = new wxNotebook(this, wxID_ANY);
    m_queue = new CodingQueuePage(m_notebook, context);
    m_notebook->AddPage(m_queue, _("Coding queue"), true);
    // The other two pages are built when first opened: at their real size (GTK complains about
    // lists and scrollbars laid out in a page never shown), and no reading before it is needed.
    for (wxPanel** host : {&m_progressHost, &m_doubleHost}) {
        *host = new wxPanel(m_notebook);
        (*host)->SetSizer(new wxBoxSizer(wxVERTICAL));
    }
    m_notebook->AddPage(m_progressHost, _("Progress"));
    m_notebook->AddPage(m_doubleHost, _("Double coding"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_notebook, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(4)));
    SetSizer(sizer);
    // Coding writes tags: a reader sees a notice instead, and the coding keys do nothing.
    ReserveForEditors(context, this, sizer, m_notebook, [this] { UpdateMenus(); });

    m_queue->SetHistoryListener([this] { UpdateMenus(); });
    m_queue->SetBlindListener([this] {
        if (m_double)
            m_double->Reload();
    });
    m_notebook->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        UpdateMenus();
        wxWindow* page = m_notebook->GetCurrentPage();
        if (page == m_queue)
            m_queue->OnShown();
        else if (page == m_progressHost)
            ShowProgress();
        else if (page == m_doubleHost)
            ShowDoubleCoding();
    });
    // The area is hidden by the frame's book when another area is chosen: the menu items stop
    // acting (a bare J typed elsewhere must never move the queue).
    Bind(wxEVT_SHOW, [this](wxShowEvent& event) {
        event.Skip();
        m_shown = event.IsShown();
        UpdateMenus();
    });
    InstallMenus();
}

CodingView::~CodingView()
{
    RemoveMenus();
}

void CodingView::Reload()
{
    m_queue->Reload();
    if (m_progress)
        m_progress->Reload();
    if (m_double)
        m_double->Reload();
}

CodingProgressPanel& CodingView::ShowProgress()
{
    if (!m_progress) {
        m_progressHost->SetSize(m_queue->GetSize()); // built at the page's real size, not GTK's 1×1
        m_progress = new CodingProgressPanel(m_progressHost, m_context);
        m_progressHost->GetSizer()->Add(m_progress, wxSizerFlags(1).Expand());
        m_progressHost->Layout();
    }
    if (m_notebook->GetCurrentPage() != m_progressHost)
        m_notebook->ChangeSelection(1);
    m_progress->Reload();
    return *m_progress;
}

DoubleCodingPanel& CodingView::ShowDoubleCoding()
{
    if (!m_double) {
        m_doubleHost->SetSize(m_queue->GetSize());
        m_double =
            new DoubleCodingPanel(m_doubleHost, m_context, [this](const CodingSample& sample) { CodeBlind(sample); });
        m_doubleHost->GetSizer()->Add(m_double, wxSizerFlags(1).Expand());
        m_doubleHost->Layout();
    }
    if (m_notebook->GetCurrentPage() != m_doubleHost)
        m_notebook->ChangeSelection(2);
    m_double->Reload();
    return *m_double;
}

void CodingView::OnShown()
{
    m_shown = true;
    if (m_notebook->GetCurrentPage() == m_queue && m_context.GetAccess().CanEdit())
        m_queue->OnShown();
    UpdateMenus();
}

void CodingView::InstallMenus()
{
    wxFrame* frame = FrameOf(m_context);
    wxMenuBar* bar = frame ? frame->GetMenuBar() : nullptr;
    if (!bar)
        return;
    // A complete menu enters the bar, before Help: wxGTK does not draw separators added to a
    // menu already there.
    m_menu = BuildCodingMenu(kFirstCommandId);
    const int help = bar->FindMenu(_("&Help"));
    const size_t at = help == wxNOT_FOUND ? bar->GetMenuCount() : static_cast<size_t>(help);
    bar->Insert(at, m_menu, _("Co&ding"));

    wxMenu* edit = nullptr;
    bar->FindItem(wxID_PREFERENCES, &edit);
    for (size_t i = 0; edit && i < bar->GetMenuCount(); ++i) {
        if (bar->GetMenu(i) != edit)
            continue;
        // A new Edit menu, undo and redo first, then the frame's items moved over: a separator
        // inserted into the menu already in the bar would not be drawn.
        m_editMenu = new wxMenu;
        m_undo = m_editMenu->Append(kUndoId, _("&Undo") + "\tCtrl+Z");
        m_redo = m_editMenu->Append(kRedoId, _("&Redo") + "\tCtrl+Y");
        m_separator = m_editMenu->AppendSeparator();
        while (edit->GetMenuItemCount() > 0)
            m_editMenu->Append(edit->Remove(edit->FindItemByPosition(0)));
        delete bar->Replace(i, m_editMenu, bar->GetMenuLabel(i));
        break;
    }
    frame->Bind(wxEVT_MENU, &CodingView::OnMenu, this, kFirstCommandId,
                kFirstCommandId + static_cast<int>(CodingCommand::Count) - 1);
    frame->Bind(wxEVT_MENU, &CodingView::OnMenu, this, kUndoId, kRedoId);
    UpdateMenus();
}

void CodingView::RemoveMenus()
{
    wxFrame* frame = FrameOf(m_context);
    wxMenuBar* bar = frame ? frame->GetMenuBar() : nullptr;
    if (!bar || !m_menu)
        return;
    frame->Unbind(wxEVT_MENU, &CodingView::OnMenu, this, kFirstCommandId,
                  kFirstCommandId + static_cast<int>(CodingCommand::Count) - 1);
    frame->Unbind(wxEVT_MENU, &CodingView::OnMenu, this, kUndoId, kRedoId);
    for (size_t i = 0; i < bar->GetMenuCount(); ++i)
        if (bar->GetMenu(i) == m_menu) {
            delete bar->Remove(i);
            break;
        }
    m_menu = nullptr;
    if (m_editMenu) {
        for (wxMenuItem* item : {m_undo, m_redo, m_separator})
            if (item)
                m_editMenu->Destroy(item);
        m_undo = m_redo = m_separator = nullptr;
    }
}

bool CodingView::IsActive() const
{
    return m_shown && m_notebook->GetCurrentPage() == m_queue && m_context.GetAccess().CanEdit();
}

void CodingView::OnMenu(wxCommandEvent& event)
{
    if (!IsActive())
        return;
    if (event.GetId() == kUndoId)
        m_queue->Run(CodingCommand::Undo);
    else if (event.GetId() == kRedoId)
        m_queue->Run(CodingCommand::Redo);
    else
        m_queue->Run(static_cast<CodingCommand>(event.GetId() - kFirstCommandId));
}

void CodingView::UpdateMenus()
{
    if (!m_menu)
        return;
    // Enabled only while the queue is on screen: a disabled item's key does nothing, so the
    // single-key accelerators never reach another area.
    const bool active = IsActive();
    for (int i = 0; i < static_cast<int>(CodingCommand::Count); ++i)
        if (wxMenuItem* item = m_menu->FindItem(kFirstCommandId + i))
            item->Enable(active);
    wxFrame* frame = FrameOf(m_context);
    if (wxMenuBar* bar = frame ? frame->GetMenuBar() : nullptr)
        for (size_t i = 0; i < bar->GetMenuCount(); ++i)
            if (bar->GetMenu(i) == m_menu)
                bar->EnableTop(i, active);
    if (!m_undo || !m_redo)
        return;
    // Long descriptions are cut: the menu keeps a sensible width.
    auto shortened = [](wxString text) { return text.length() > 48 ? text.Left(47) + wxString::FromUTF8("…") : text; };
    const wxString undo = shortened(m_queue->UndoDescription()), redo = shortened(m_queue->RedoDescription());
    m_undo->SetItemLabel(
        (undo.empty() ? _("&Undo") : wxString::Format(_("&Undo “%s”"), wxControl::EscapeMnemonics(undo))) + "\tCtrl+Z");
    m_redo->SetItemLabel(
        (redo.empty() ? _("&Redo") : wxString::Format(_("&Redo “%s”"), wxControl::EscapeMnemonics(redo))) + "\tCtrl+Y");
    m_undo->Enable(active && m_queue->CanUndo());
    m_redo->Enable(active && m_queue->CanRedo());
}

void CodingView::CodeBlind(const CodingSample& sample)
{
    const std::string me = m_context.Db().UserName();
    std::string coder;
    if (SameCoder(me, sample.coderA))
        coder = sample.coderA;
    else if (SameCoder(me, sample.coderB))
        coder = sample.coderB;
    else {
        // On a database file shared by turns on one computer, the system user is neither coder.
        const wxString names[] = {wxString::FromUTF8(sample.coderA), wxString::FromUTF8(sample.coderB)};
        wxSingleChoiceDialog dialog(this,
                                    wxString::Format(_("You are signed in as %s, who is not one of this sample's "
                                                       "coders. Code as:"),
                                                     wxString::FromUTF8(me)),
                                    _("Blind double coding"), 2, names);
        if (dialog.ShowModal() != wxID_OK)
            return;
        coder = dialog.GetSelection() == 0 ? sample.coderA : sample.coderB;
    }
    m_notebook->SetSelection(0);
    m_queue->StartBlind(sample, coder);
}

} // namespace concerto
