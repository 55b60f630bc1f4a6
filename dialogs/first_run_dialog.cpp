#include "dialogs/first_run_dialog.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

FirstRunDialog::FirstRunDialog(wxWindow* parent, const wxString& databaseDisplay, const wxString& demoTitle)
    : StandardDialog(parent, _("Welcome to Concerto"))
{
    AddHeading(_("Welcome to Concerto"));
    AddParagraph(_("Concerto keeps its data in a database file on this computer: there is nothing to install "
                   "or configure. Your colleagues can later share a database on a server."));
    auto* where = AddParagraph(wxString::Format(_("Database: %s"), databaseDisplay));
    where->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    ContentSizer()->AddSpacer(LargeGap());

    auto* question = new wxStaticText(this, wxID_ANY, _("How would you like to start?"));
    question->SetFont(question->GetFont().Bold());
    ContentSizer()->Add(question, wxSizerFlags().Border(wxBOTTOM, SmallGap()));

    m_demo = AddChoice(wxString::Format(_("Load the demo consultation “%s”"), demoTitle),
                       _("Recommended to discover Concerto: a fictitious mid-term review with its programme "
                         "commitments, meetings and about 3,500 contributions, to try every area without risk."),
                       true);
    m_empty = AddChoice(_("Start with an empty database"),
                        _("Create your first consultation now and enter its reference data and contributions "
                          "yourself."),
                        false);

    m_title = new wxTextCtrl(this, wxID_ANY);
    m_title->SetHint(_("e.g. Mid-term review 2026"));
    auto* grid = new wxFlexGridSizer(2, wxSize(LargeGap(), SmallGap()));
    grid->AddGrowableCol(1, 1);
    m_titleLabel = new wxStaticText(this, wxID_ANY, _("Consultation title:"));
    grid->Add(m_titleLabel, wxSizerFlags().CenterVertical());
    grid->Add(m_title, wxSizerFlags().Expand());
    // Indented under its radio button, as it belongs to that choice only.
    ContentSizer()->Add(grid, WideFlags().Border(wxLEFT, FromDIP(28)));
    m_server = AddChoice(_("Connect to the team's shared server"),
                         _("When IT has set up a Concerto server for the team: its address, your login and, "
                           "if given, its certificate are asked next."),
                         false);

    SetAffirmativeLabel(_("Start"));
    FinishLayout();

    m_demo->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateEnabling(); });
    m_empty->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
        UpdateEnabling();
        m_title->SetFocus();
    });
    m_server->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateEnabling(); });
}

wxRadioButton* FirstRunDialog::AddChoice(const wxString& label, const wxString& explanation, bool first)
{
    auto* button = new wxRadioButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, first ? wxRB_GROUP : 0);
    ContentSizer()->Add(button, wxSizerFlags().Border(wxTOP, SmallGap()));
    auto* text = new wxStaticText(this, wxID_ANY, explanation);
    text->Wrap(FromDIP(452)); // the paragraph width less the indent
    text->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    ContentSizer()->Add(text, wxSizerFlags().Border(wxLEFT, FromDIP(28)).Border(wxBOTTOM, SmallGap()));
    return button;
}

void FirstRunDialog::UpdateEnabling()
{
    const bool empty = m_empty->GetValue();
    m_title->Enable(empty);
    m_titleLabel->Enable(empty);
}

void FirstRunDialog::Choose(Start start, const wxString& title)
{
    m_start = start;
    m_consultationTitle = title;
    TransferDataToWindow();
}

bool FirstRunDialog::TransferDataToWindow()
{
    m_demo->SetValue(m_start == Start::Demo);
    m_empty->SetValue(m_start == Start::Empty);
    m_server->SetValue(m_start == Start::Server);
    m_title->ChangeValue(m_consultationTitle);
    UpdateEnabling();
    return true;
}

bool FirstRunDialog::TransferDataFromWindow()
{
    const Start start = m_empty->GetValue() ? Start::Empty : m_server->GetValue() ? Start::Server : Start::Demo;
    wxString title = m_title->GetValue();
    title.Trim(true).Trim(false);
    if (start == Start::Empty && title.empty()) {
        wxMessageBox(_("Give the consultation a title, for example the name of the campaign."), _("Title missing"),
                     wxOK | wxICON_INFORMATION, this);
        m_title->SetFocus();
        return false;
    }
    m_start = start;
    m_consultationTitle = title;
    return true;
}

} // namespace concerto
