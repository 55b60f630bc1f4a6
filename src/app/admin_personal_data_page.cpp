#include "app/admin_personal_data_page.h"

#include "app/localization.h"
#include "app/main_frame.h"
#include "app/placeholder_panel.h"

#include <algorithm>
#include <fstream>
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

enum Page { ReservedPage, CommandsPage };
enum ReportPage { HintReport, ShownReport };

wxStaticText* SectionHeading(wxWindow* parent, const wxString& text)
{
    auto* heading = new wxStaticText(parent, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold().Scaled(1.15f));
    return heading;
}

wxStaticText* Explanation(wxWindow* parent, const wxString& text, int width)
{
    auto* paragraph = new wxStaticText(parent, wxID_ANY, text);
    paragraph->Wrap(width);
    return paragraph;
}

// For wxPLURAL's count, which gettext takes as an int.
int PluralCount(long long n)
{
    return static_cast<int>(std::min<long long>(n, 1000000));
}

// `format` (a wxPLURAL for `n`) with `n` written as the interface writes numbers.
wxString Counted(const wxString& format, long long n)
{
    return wxString::Format(format, FormatCount(n));
}

} // namespace

PersonalDataPage::PersonalDataPage(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("personal-data-page");
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("Personal data is reserved to editors and administrators"),
                                          _("The purge of contact details, the access report on one person and the "
                                            "erasure of their data are done by an editor or an administrator of "
                                            "Concerto. Your role reads everything else, without personal data."),
                                          wxString(), wxString(), {}),
                     wxString());
    auto* content = new wxPanel(m_pages);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(BuildPurge(content), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    column->Add(new wxStaticLine(content), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    column->Add(BuildSearch(content), wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
    m_status = new wxStaticText(content, wxID_ANY, wxString());
    m_status->SetName("personal-data-status");
    column->Add(m_status, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    content->SetSizer(column);
    m_pages->AddPage(content, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    m_subscription = context.Subscribe([this](const std::string& table) {
        if (table == "access")
            UpdateAccess();
    });
    UpdateAccess();
    UpdateButtons();
}

PersonalDataPage::~PersonalDataPage()
{
    m_context.Unsubscribe(m_subscription);
}

wxWindow* PersonalDataPage::BuildPurge(wxWindow* parent)
{
    auto* panel = new wxPanel(parent);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(SectionHeading(panel, _("Contact details past their purge date")));
    text->Add(Explanation(panel,
                          _("Each contributor's name, e-mail and phone are kept until their purge date. The purge "
                            "deletes those whose date has passed; the contributions themselves stay."),
                          FromDIP(720)),
              wxSizerFlags().Border(wxTOP, FromDIP(4)));
    row->Add(text, wxSizerFlags(1).CenterVertical());
    m_purge = new wxButton(panel, wxID_ANY, _("P&urge the expired contact details…"));
    m_purge->SetName("purge-contacts");
    m_purge->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PurgeExpired(); });
    row->Add(m_purge, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(12)));
    panel->SetSizer(row);
    return panel;
}

wxWindow* PersonalDataPage::BuildSearch(wxWindow* parent)
{
    auto* panel = new wxPanel(parent);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(SectionHeading(panel, _("What is held on one person")));
    column->Add(Explanation(panel,
                            _("When someone asks what Concerto holds on them, or asks to be forgotten: find them by "
                              "e-mail address or phone number, save the report to send it to them, and erase their "
                              "contact data if they ask."),
                            FromDIP(900)),
                wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(4)));

    auto* fields = new wxBoxSizer(wxHORIZONTAL);
    const int gap = FromDIP(6);
    fields->Add(new wxStaticText(panel, wxID_ANY, _("&E-mail:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_email = new wxTextCtrl(panel, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(280, -1)),
                             wxTE_PROCESS_ENTER);
    m_email->SetName("person-email");
    m_email->SetHint(_("e.g. jeanne.martin@example.org"));
    fields->Add(m_email, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(14)));
    fields->Add(new wxStaticText(panel, wxID_ANY, _("P&hone:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_phone = new wxTextCtrl(panel, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(170, -1)),
                             wxTE_PROCESS_ENTER);
    m_phone->SetName("person-phone");
    m_phone->SetHint(_("e.g. 06 12 34 56 78"));
    fields->Add(m_phone, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(14)));
    m_find = new wxButton(panel, wxID_ANY, _("&Find"));
    m_find->SetName("find-person");
    m_find->SetToolTip(_("Look for this person in the contact details and in the contributions' texts (Enter)"));
    fields->Add(m_find, wxSizerFlags().CenterVertical());
    column->Add(fields, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(6)));

    m_reportBook = new wxSimplebook(panel);
    auto* hintPanel = new wxPanel(m_reportBook);
    auto* hint = new wxStaticText(hintPanel, wxID_ANY,
                                  _("Type an e-mail address or a phone number above, then press Enter: the report "
                                    "of what is held on the person appears here."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    hint->Wrap(FromDIP(640));
    auto* hintSizer = new wxBoxSizer(wxVERTICAL);
    hintSizer->Add(hint, wxSizerFlags().Border(wxALL, FromDIP(12)));
    hintPanel->SetSizer(hintSizer);
    m_reportBook->AddPage(hintPanel, wxString());
    m_report = new wxTextCtrl(m_reportBook, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
    m_report->SetName("access-report");
    m_reportBook->AddPage(m_report, wxString());
    column->Add(m_reportBook, wxSizerFlags(1).Expand());

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    m_save = new wxButton(panel, wxID_ANY, _("&Save the report…"));
    m_save->SetName("save-report");
    m_save->SetToolTip(_("Save the report as a text file, to send to the person"));
    actions->Add(m_save, wxSizerFlags().CenterVertical());
    actions->AddStretchSpacer();
    m_erase = new wxButton(panel, wxID_ANY, _("E&rase their contact details…"));
    m_erase->SetName("erase-person");
    m_erase->SetToolTip(_("Delete their contact details and mask their e-mail and phone in the contributions' texts"));
    actions->Add(m_erase, wxSizerFlags().CenterVertical());
    column->Add(actions, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
    panel->SetSizer(column);

    m_find->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Find(); });
    m_email->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Find(); });
    m_phone->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Find(); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveReport(); });
    m_erase->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EraseFound(); });
    return panel;
}

std::string PersonalDataPage::Today()
{
    return wxDateTime::Today().FormatISODate().utf8_string();
}

void PersonalDataPage::UpdateAccess()
{
    m_pages->ChangeSelection(m_context.GetAccess().CanSeePersonalData() ? CommandsPage : ReservedPage);
}

bool PersonalDataPage::OffersCommands() const
{
    return m_pages->GetSelection() == CommandsPage;
}

void PersonalDataPage::Reload()
{
    // Another database or another role: what was found belongs to the former.
    m_jobs.Forget();
    m_found.reset();
    m_report->Clear();
    m_reportBook->ChangeSelection(HintReport);
    SetStatus(wxString(), false);
    UpdateAccess();
    UpdateButtons();
}

void PersonalDataPage::OnShown()
{
    if (OffersCommands() && !m_found)
        m_email->SetFocus();
}

void PersonalDataPage::UpdateButtons()
{
    const bool found = m_found.has_value();
    m_save->Enable(found);
    m_erase->Enable(found && (!m_found->contacts.empty() || !m_found->mentions.empty()));
}

wxString PersonalDataPage::StatusText() const
{
    return m_status->GetLabel();
}

wxString PersonalDataPage::ReportText() const
{
    return m_report->GetValue();
}

void PersonalDataPage::SetStatus(const wxString& message, bool problem)
{
    m_status->SetForegroundColour(problem ? wxColour(0xA4, 0x00, 0x00)
                                          : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    m_status->SetLabel(message);
    m_status->Wrap(std::max(FromDIP(300), GetClientSize().GetWidth() - FromDIP(16)));
    Layout();
}

void PersonalDataPage::ShowFailure(const Error& error)
{
    if (!ReportConnectionTrouble(this, error))
        SetStatus(wxString::FromUTF8(error.what()), true);
}

void PersonalDataPage::PurgeExpired()
{
    const wxString today = wxDateTime::Today().Format("%d/%m/%Y");
    wxMessageDialog confirm(this,
                            wxString::Format(_("Delete every contact detail (name, e-mail, phone) whose purge date is "
                                               "before today, %s? The contributions stay; the deleted details "
                                               "cannot be recovered."),
                                             today),
                            _("Purge the expired contact details"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("Purge"), _("Cancel"));
    if (confirm.ShowModal() == wxID_YES)
        StartPurge();
}

void PersonalDataPage::StartPurge()
{
    SetStatus(_("Purging…"), false);
    const std::string today = Today();
    m_jobs.Run<int>([today](Database& db) { return PurgeExpiredContacts(db, today); },
                    [this](int purged) {
                        SetStatus(purged == 0
                                      ? _("No contact detail had passed its purge date: nothing was deleted.")
                                      : Counted(wxPLURAL("%s contact detail past its purge date was deleted.",
                                                         "%s contact details past their purge date were deleted.",
                                                         PluralCount(purged)),
                                                purged),
                                  false);
                        m_context.NotifyChanged("contact_details");
                    });
}

void PersonalDataPage::FindPerson(const wxString& email, const wxString& phone)
{
    m_email->ChangeValue(email);
    m_phone->ChangeValue(phone);
    Find();
}

void PersonalDataPage::Find()
{
    Search(wxString());
}

void PersonalDataPage::Search(const wxString& thenSay)
{
    PersonQuery query;
    query.email = wxString(m_email->GetValue()).Trim(true).Trim(false).utf8_string();
    query.phone = wxString(m_phone->GetValue()).Trim(true).Trim(false).utf8_string();
    if (query.email.empty() && query.phone.empty()) {
        SetStatus(_("E-mail: type the person's e-mail address or phone number first."), true);
        m_email->SetFocus();
        return;
    }
    SetStatus(_("Searching…"), false);
    using Result = std::pair<PersonalDataReport, std::string>;
    const std::string today = Today();
    m_jobs.Run<Result>(
        [query, today](Database& db) {
            PersonalDataReport report = concerto::FindPerson(db, query);
            std::string text = FormatAccessReport(report, today);
            return Result(std::move(report), std::move(text));
        },
        [this, thenSay](Result result) {
            const auto contacts = static_cast<long long>(result.first.contacts.size());
            const auto mentions = static_cast<long long>(result.first.mentions.size());
            ShowReport(std::move(result.first), std::move(result.second));
            if (!thenSay.empty())
                SetStatus(thenSay, false);
            else if (contacts == 0 && mentions == 0)
                SetStatus(_("Nothing is held on this person: no contact detail and no contribution text mention "
                            "this e-mail or phone."),
                          false);
            else
                SetStatus(wxString::Format(_("Found: %s, %s."),
                                           Counted(wxPLURAL("%s contact detail", "%s contact details",
                                                            PluralCount(contacts)),
                                                   contacts),
                                           Counted(wxPLURAL("%s mention in the contributions' texts",
                                                            "%s mentions in the contributions' texts",
                                                            PluralCount(mentions)),
                                                   mentions)),
                          false);
        },
        "find-person");
}

void PersonalDataPage::ShowReport(PersonalDataReport report, std::string text)
{
    m_found = std::move(report);
    m_report->ChangeValue(wxString::FromUTF8(text));
    m_reportBook->ChangeSelection(ShownReport);
    UpdateButtons();
}

void PersonalDataPage::SaveReport()
{
    if (!m_found)
        return;
    const std::string who = !m_found->query.email.empty() ? m_found->query.email : m_found->query.phone;
    wxFileDialog dialog(this, _("Save the access report"), wxString(),
                        wxString::Format(_("personal-data-%s.txt"), wxString::FromUTF8(who)),
                        _("Text files (*.txt)|*.txt"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() == wxID_OK)
        SaveReportTo(dialog.GetPath());
}

bool PersonalDataPage::SaveReportTo(const wxString& path)
{
    std::ofstream out(path.fn_str(), std::ios::binary | std::ios::trunc);
    const std::string text = m_report->GetValue().utf8_string();
    out << text;
    out.close();
    if (!out) {
        SetStatus(wxString::Format(_("The report could not be written to %s: check the folder and the free space."),
                                   path),
                  true);
        return false;
    }
    SetStatus(wxString::Format(_("Report saved to %s."), path), false);
    return true;
}

void PersonalDataPage::EraseFound()
{
    if (!m_found)
        return;
    const wxString who = wxString::FromUTF8(!m_found->query.email.empty() ? m_found->query.email : m_found->query.phone);
    const auto contacts = static_cast<long long>(m_found->contacts.size());
    const auto mentions = static_cast<long long>(m_found->mentions.size());
    const wxString what =
        Counted(wxPLURAL("%s contact detail (name, e-mail, phone, consent) will be deleted;",
                         "%s contact details (name, e-mail, phone, consent) will be deleted;", PluralCount(contacts)),
                contacts) +
        "\n" +
        Counted(wxPLURAL("%s mention of this e-mail or phone in the contributions' texts will be masked.",
                         "%s mentions of this e-mail or phone in the contributions' texts will be masked.",
                         PluralCount(mentions)),
                mentions);
    wxMessageDialog confirm(
        this,
        wxString::Format(_("Erase the personal data of %s?\n\n%s\n\nThe contributions themselves stay: what the person "
                           "said is kept, without their contact data. This cannot be undone."),
                         who, what),
        _("Erase a person's data"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("Erase for good"), _("Cancel"));
    if (confirm.ShowModal() == wxID_YES)
        StartErase();
}

void PersonalDataPage::StartErase()
{
    if (!m_found)
        return;
    const PersonQuery query = m_found->query;
    SetStatus(_("Erasing…"), false);
    m_jobs.Run<ErasureResult>([query](Database& db) { return ErasePerson(db, query); },
                              [this](ErasureResult result) {
                                  m_context.NotifyChanged("contact_details");
                                  if (result.contributionsMasked > 0)
                                      m_context.NotifyChanged("contribution");
                                  // The report, read again, shows what is left: nothing.
                                  Search(wxString::Format(
                                      _("Erased: %s, %s. The report below shows what is left."),
                                      Counted(wxPLURAL("%s contact detail deleted", "%s contact details deleted",
                                                       PluralCount(result.contactsErased)),
                                              result.contactsErased),
                                      Counted(wxPLURAL("%s contribution text masked", "%s contribution texts masked",
                                                       PluralCount(result.contributionsMasked)),
                                              result.contributionsMasked)));
                              });
}

} // namespace concerto
