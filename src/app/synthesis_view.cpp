// The Synthèse area: a notebook of three pages — insights, salient topics, reorientation
// points. Each page is built when first opened (at its real size, and no reading before it is
// needed) and reloaded when the database or the consultation changes.

#include "app/area_views.h"
#include "app/synthesis_pages.h"

#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include <array>

namespace concerto {

namespace {

class SynthesisView : public wxPanel, public AreaView {
public:
    SynthesisView(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
    {
        SetName("synthesis-view");
        m_notebook = new wxNotebook(this, wxID_ANY);
        m_notebook->SetName("synthesis-pages");
        const std::array<wxString, kPageCount> titles = {_("Insights"), _("Salient topics"),
                                                         _("Reorientation points")};
        for (std::size_t i = 0; i < kPageCount; ++i) {
            m_hosts[i] = new wxPanel(m_notebook);
            m_hosts[i]->SetSizer(new wxBoxSizer(wxVERTICAL));
            m_notebook->AddPage(m_hosts[i], titles[i], i == 0);
        }
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(m_notebook, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(4)));
        SetSizer(sizer);
        m_notebook->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
            event.Skip();
            ShowPage(static_cast<std::size_t>(event.GetSelection()));
        });
    }

    wxWindow* Window() override { return this; }

    void Reload() override
    {
        for (AreaView* page : m_pages)
            if (page)
                page->Reload();
    }

    void OnShown() override
    {
        const int selection = m_notebook->GetSelection();
        if (selection != wxNOT_FOUND)
            ShowPage(static_cast<std::size_t>(selection));
    }

private:
    static constexpr std::size_t kPageCount = 3;

    void ShowPage(std::size_t index)
    {
        if (index >= kPageCount)
            return;
        if (!m_pages[index]) {
            using Factory = AreaView* (*)(wxWindow*, AppContext&);
            static const std::array<Factory, kPageCount> factories = {&CreateInsightsPage, &CreateTopicsPage,
                                                                     &CreateReorientationsPage};
            m_hosts[index]->SetSize(m_notebook->GetClientSize());
            m_pages[index] = factories[index](m_hosts[index], m_context);
            m_hosts[index]->GetSizer()->Add(m_pages[index]->Window(), wxSizerFlags(1).Expand());
            m_hosts[index]->Layout();
            m_pages[index]->Reload();
        }
        m_pages[index]->OnShown();
    }

    AppContext& m_context;
    wxNotebook* m_notebook = nullptr;
    std::array<wxPanel*, kPageCount> m_hosts{};
    std::array<AreaView*, kPageCount> m_pages{};
};

} // namespace

AreaView* CreateSynthesisView(wxWindow* parent, AppContext& context)
{
    return new SynthesisView(parent, context);
}

} // namespace concerto
