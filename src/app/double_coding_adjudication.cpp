#include "app/double_coding_adjudication.h"

#include "dialogs/domain_labels.h"
#include "dialogs/meeting_dialog.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {
enum Page { EmptyPage, ContributionPage };

const wxString kCheck = wxString::FromUTF8("\u2713");
} // namespace

AdjudicationPane::AdjudicationPane(wxWindow* parent, Validator onValidate)
    : wxPanel(parent), m_onValidate(std::move(onValidate))
{
    m_pages = new wxSimplebook(this);

    auto* empty = new wxPanel(m_pages);
    auto* hint = new wxStaticText(empty, wxID_ANY, _("Select a disagreement in the list to adjudicate it."),
                                  wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* emptySizer = new wxBoxSizer(wxVERTICAL);
    emptySizer->AddStretchSpacer();
    emptySizer->Add(hint, wxSizerFlags().Center().Border(wxALL, FromDIP(12)));
    emptySizer->AddStretchSpacer();
    empty->SetSizer(emptySizer);
    m_pages->AddPage(empty, wxString());

    auto* page = new wxPanel(m_pages);
    m_heading = new wxStaticText(page, wxID_ANY, wxString());
    m_heading->SetFont(m_heading->GetFont().Bold());
    m_text = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(90)),
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    auto* prompt = new wxStaticText(page, wxID_ANY, _("Tick the tags to keep as final tags:"));
    m_tags = new wxDataViewListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_ROW_LINES | wxDV_SINGLE | wxDV_HORIZ_RULES);
    m_tags->SetName("adjudication-tags");
    m_tags->AppendToggleColumn(_("Keep"), wxDATAVIEW_CELL_ACTIVATABLE, FromDIP(66), wxALIGN_CENTER);
    m_tags->AppendTextColumn(_("Commitment or theme"), wxDATAVIEW_CELL_INERT, FromDIP(270), wxALIGN_LEFT,
                             wxDATAVIEW_COL_RESIZABLE);
    m_tags->AppendTextColumn(_("Stance"), wxDATAVIEW_CELL_INERT, FromDIP(85));
    m_tags->AppendTextColumn("A", wxDATAVIEW_CELL_INERT, FromDIP(75), wxALIGN_CENTER);
    m_tags->AppendTextColumn("B", wxDATAVIEW_CELL_INERT, FromDIP(75), wxALIGN_CENTER);
    m_tags->AppendTextColumn(_("Final"), wxDATAVIEW_CELL_INERT, FromDIP(70), wxALIGN_CENTER);
    m_validate = new wxButton(page, wxID_ANY, _("&Validate the adjudication"));
    m_validate->SetToolTip(_("Adds the ticked tags to the contribution's final tags (none is removed) and marks "
                             "the contribution adjudicated."));
    m_validate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Validate(); });
    m_message = new wxStaticText(page, wxID_ANY, wxString());

    const int gap = FromDIP(6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_heading, wxSizerFlags().Border(wxBOTTOM, gap));
    sizer->Add(m_text, wxSizerFlags().Expand().Border(wxBOTTOM, gap));
    sizer->Add(prompt, wxSizerFlags().Border(wxBOTTOM, gap / 2));
    sizer->Add(m_tags, wxSizerFlags(1).Expand().Border(wxBOTTOM, gap));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(m_validate, wxSizerFlags().CenterVertical());
    row->Add(m_message, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(10)));
    sizer->Add(row, wxSizerFlags().Expand());
    page->SetSizer(sizer);
    m_pages->AddPage(page, wxString());

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(m_pages, wxSizerFlags(1).Expand().Border(wxLEFT | wxTOP | wxRIGHT, FromDIP(8)));
    SetSizer(outer);
}

void AdjudicationPane::Show(const ContributionComparison& comparison, const std::string& coderA,
                            const std::string& coderB)
{
    const bool sameContribution = comparison.contributionId == m_comparison.contributionId;
    m_comparison = comparison;
    wxString heading =
        wxString::Format(_("Contribution no. %lld (item %d of the sample)"), comparison.seq, comparison.position);
    if (comparison.adjudicatedAt)
        heading += " — " + wxString::Format(_("adjudicated on %s"), FormatDay(*comparison.adjudicatedAt));
    m_heading->SetLabel(heading);
    wxString text = wxString::FromUTF8(comparison.title);
    if (!text.empty())
        text += "\n\n";
    m_text->ChangeValue(text + wxString::FromUTF8(comparison.body));
    m_tags->GetColumn(CoderAColumn)->SetTitle(wxString::Format(_("A (%s)"), wxString::FromUTF8(coderA)));
    m_tags->GetColumn(CoderBColumn)->SetTitle(wxString::Format(_("B (%s)"), wxString::FromUTF8(coderB)));
    m_tags->DeleteAllItems();
    for (const auto& proposed : comparison.tags) {
        wxVector<wxVariant> values;
        values.push_back(wxVariant(proposed.Agreed() || proposed.isFinal));
        wxString target = wxString::FromUTF8(proposed.ref + "  " + proposed.title);
        if (proposed.tag.commitmentId.empty())
            target += " " + _("(theme only)");
        values.push_back(wxVariant(target));
        values.push_back(wxVariant(StanceName(proposed.tag.stance)));
        values.push_back(wxVariant(proposed.byA ? kCheck : wxString()));
        values.push_back(wxVariant(proposed.byB ? kCheck : wxString()));
        values.push_back(wxVariant(proposed.isFinal ? kCheck : wxString()));
        m_tags->AppendItem(values);
    }
    if (!sameContribution)
        ShowMessage(comparison.tags.empty() ? _("Neither coder tagged this contribution.") : wxString(), false);
    m_pages->SetSelection(ContributionPage);
    Layout();
}

void AdjudicationPane::Clear()
{
    m_comparison = ContributionComparison();
    m_tags->DeleteAllItems();
    m_pages->SetSelection(EmptyPage);
}

int AdjudicationPane::TagCount() const
{
    return m_tags->GetItemCount();
}

bool AdjudicationPane::IsKept(int row) const
{
    return row >= 0 && row < TagCount() && m_tags->GetToggleValue(static_cast<unsigned>(row), KeepColumn);
}

void AdjudicationPane::SetKept(int row, bool keep)
{
    if (row >= 0 && row < TagCount())
        m_tags->SetToggleValue(keep, static_cast<unsigned>(row), KeepColumn);
}

std::vector<TagChoice> AdjudicationPane::Chosen() const
{
    std::vector<TagChoice> chosen;
    for (int row = 0; row < TagCount() && row < static_cast<int>(m_comparison.tags.size()); ++row)
        if (IsKept(row))
            chosen.push_back(m_comparison.tags[static_cast<std::size_t>(row)].tag);
    return chosen;
}

bool AdjudicationPane::Validate()
{
    if (m_comparison.contributionId.empty() || !m_onValidate)
        return false;
    const wxString error = m_onValidate(m_comparison, Chosen());
    if (!error.empty()) {
        ShowMessage(error, true);
        return false;
    }
    ShowMessage(_("Adjudication saved."), false);
    return true;
}

wxString AdjudicationPane::MessageText() const
{
    return m_message->GetLabel();
}

void AdjudicationPane::ShowMessage(const wxString& message, bool isError)
{
    m_message->SetForegroundColour(isError ? wxColour(0xA4, 0x00, 0x00)
                                           : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_message->SetLabel(message);
    m_message->Wrap(std::max(FromDIP(200), m_message->GetSize().GetWidth()));
    Layout();
}

} // namespace concerto
