// The Administration area: a notebook of three pages — the users of the shared server, the
// change log (audit trail), personal data. Each page is built when first opened (at its real
// size, reading nothing before it is needed) and reloaded when the database changes. The users
// page is offered to administrators only (and on a database file, where it explains that a file
// has no accounts); the others adapt to the role themselves.

#include "app/admin_audit_page.h"
#include "app/admin_personal_data_page.h"
#include "app/admin_users_page.h"
#include "app/area_views.h"

#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include <array>

namespace concerto {

namespace {

class AdministrationView : public wxPanel, public AreaView {
public:
    AdministrationView(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
    {
        SetName("administration-view");
        m_notebook = new wxNotebook(this, wxID_ANY);
        m_notebook->SetName("administration-pages");
        for (std::size_t i = 0; i < kPageCount; ++i) {
            m_hosts[i] = new wxPanel(m_notebook);
            m_hosts[i]->SetSizer(new wxBoxSizer(wxVERTICAL));
        }
        ArrangePages();
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(m_notebook, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(4)));
        SetSizer(sizer);
        m_notebook->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
            event.Skip();
            ShowSelected();
        });
        m_subscription = context.Subscribe([this](const std::string& table) {
            if (table != "access")
                return;
            ArrangePages();
            if (m_pages[UsersPageIndex])
                m_pages[UsersPageIndex]->Reload();
        });
    }

    ~AdministrationView() override { m_context.Unsubscribe(m_subscription); }

    wxWindow* Window() override { return this; }

    void Reload() override
    {
        ArrangePages();
        for (AreaView* page : m_pages)
            if (page)
                page->Reload();
    }

    void OnShown() override { ShowSelected(); }

private:
    enum PageIndex : std::size_t { UsersPageIndex, AuditPageIndex, PersonalDataPageIndex, kPageCount };

    /// The users page is offered to whoever may manage users (on a database file, everyone: the
    /// page then says why there are none); it is the first page then.
    bool OffersUsers() const { return m_context.GetAccess().CanAdminister(); }

    void ArrangePages()
    {
        const std::array<wxString, kPageCount> titles = {_("Users"), _("Change log"), _("Personal data")};
        const bool users = OffersUsers();
        const bool shown = m_notebook->GetPageCount() == kPageCount;
        if (m_notebook->GetPageCount() != 0 && users == shown)
            return;
        wxWindow* selected = m_notebook->GetCurrentPage();
        while (m_notebook->GetPageCount() > 0)
            m_notebook->RemovePage(0);
        for (std::size_t i = 0; i < kPageCount; ++i) {
            const bool offered = i != UsersPageIndex || users;
            m_hosts[i]->Show(offered);
            if (offered)
                m_notebook->AddPage(m_hosts[i], titles[i], m_hosts[i] == selected);
        }
        if (m_notebook->GetSelection() == wxNOT_FOUND && m_notebook->GetPageCount() > 0)
            m_notebook->ChangeSelection(0);
        if (IsShownOnScreen())
            ShowSelected();
    }

    void ShowSelected()
    {
        wxWindow* current = m_notebook->GetCurrentPage();
        for (std::size_t i = 0; i < kPageCount; ++i)
            if (m_hosts[i] == current)
                ShowPage(i);
    }

    void ShowPage(std::size_t index)
    {
        if (!m_pages[index]) {
            m_hosts[index]->SetSize(m_notebook->GetClientSize());
            switch (index) {
            case UsersPageIndex:
                m_pages[index] = new UsersPage(m_hosts[index], m_context);
                break;
            case AuditPageIndex:
                m_pages[index] = new AuditPage(m_hosts[index], m_context);
                break;
            default:
                m_pages[index] = new PersonalDataPage(m_hosts[index], m_context);
                break;
            }
            m_hosts[index]->GetSizer()->Add(m_pages[index]->Window(), wxSizerFlags(1).Expand());
            m_hosts[index]->Layout();
            m_pages[index]->Reload();
        }
        m_pages[index]->OnShown();
    }

    AppContext& m_context;
    int m_subscription = 0;
    wxNotebook* m_notebook = nullptr;
    std::array<wxPanel*, kPageCount> m_hosts{};
    std::array<AreaView*, kPageCount> m_pages{};
};

} // namespace

AreaView* CreateAdministrationView(wxWindow* parent, AppContext& context)
{
    return new AdministrationView(parent, context);
}

} // namespace concerto
