#include "app/admin_audit_page.h"

#include "app/localization.h"
#include "app/main_frame.h"
#include "dialogs/audit_history_dialog.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dateevt.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

constexpr int kReloadDelayMs = 300;
constexpr int kLimit = 1000; // the newest entries; filters reach older ones

wxString DayText(const wxDateTime& day)
{
    return day.Format("%d/%m/%Y");
}

} // namespace

AuditPage::AuditPage(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("audit-page");
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(BuildFilters(this), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    column->Add(BuildList(this), wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    column->Add(BuildRetention(this), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetName("audit-status");
    column->Add(m_status, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    SetSizer(column);

    m_reloadTimer.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Reload(); });
    m_subscription = context.Subscribe([this](const std::string& table) {
        if (table == "access") {
            UpdateAccess();
            return;
        }
        // Every business table is audited: any change adds entries.
        if (IsShownOnScreen())
            ScheduleReload();
        else
            m_dirty = true;
    });
    UpdateAccess();
}

AuditPage::~AuditPage()
{
    m_context.Unsubscribe(m_subscription);
}

wxWindow* AuditPage::BuildFilters(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    auto* row = new wxBoxSizer(wxHORIZONTAL); // the filters, under the heading: both need the width
    auto* heading = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(bar, wxID_ANY, _("Change log"));
    title->SetFont(title->GetFont().Bold().Scaled(1.3f));
    heading->Add(title);
    m_count = new wxStaticText(bar, wxID_ANY, wxString());
    m_count->SetName("audit-count");
    m_count->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    heading->Add(m_count, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));

    const int gap = FromDIP(6);
    row->Add(new wxStaticText(bar, wxID_ANY, _("&What:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_table = new wxChoice(bar, wxID_ANY);
    m_table->SetName("audit-table");
    m_table->Append(_("Everything"));
    for (const auto& table : AuditedTables())
        m_table->Append(AuditTableText(table));
    m_table->SetSelection(0);
    row->Add(m_table, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(14)));

    row->Add(new wxStaticText(bar, wxID_ANY, _("&Who:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_login = new wxTextCtrl(bar, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(140, -1)));
    m_login->SetName("audit-login");
    m_login->SetHint(_("any login"));
    row->Add(m_login, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(14)));

    m_useSince = new wxCheckBox(bar, wxID_ANY, _("&Since:"));
    m_useSince->SetName("audit-use-since");
    row->Add(m_useSince, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_since = new wxDatePickerCtrl(bar, wxID_ANY, wxDateTime::Today().Subtract(wxDateSpan::Month()),
                                   wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_since->SetName("audit-since");
    m_since->Disable();
    row->Add(m_since, wxSizerFlags().CenterVertical());
    heading->Add(row);
    bar->SetSizer(heading);

    m_table->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ScheduleReload(); });
    m_login->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { ScheduleReload(); });
    m_useSince->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        m_since->Enable(m_useSince->GetValue());
        ScheduleReload();
    });
    m_since->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { ScheduleReload(); });
    return bar;
}

wxWindow* AuditPage::BuildList(wxWindow* parent)
{
    m_book = new wxSimplebook(parent);
    m_list = new wxListCtrl(m_book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("audit-entries");
    const wxString headers[ColumnCount] = {_("Date"), _("Who"), _("What"), _("Action"), _("Fields changed")};
    const int widths[ColumnCount] = {130, 140, 200, 110, 420};
    for (int column = 0; column < ColumnCount; ++column)
        m_list->AppendColumn(headers[column], wxLIST_FORMAT_LEFT, FromDIP(widths[column]));
    m_book->AddPage(m_list, wxString());

    auto* empty = new wxPanel(m_book);
    m_empty = new wxStaticText(empty, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxALIGN_CENTRE_HORIZONTAL);
    m_empty->SetName("audit-empty");
    m_empty->SetFont(m_empty->GetFont().Scaled(1.1f));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer(2);
    sizer->Add(m_empty, wxSizerFlags().CentreHorizontal().Border(wxLEFT | wxRIGHT, FromDIP(24)));
    sizer->AddStretchSpacer(3);
    empty->SetSizer(sizer);
    m_book->AddPage(empty, wxString());
    return m_book;
}

wxWindow* AuditPage::BuildRetention(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    m_retentionBar = bar;
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_retentionText = new wxStaticText(bar, wxID_ANY, _("Keep the entries for"));
    row->Add(m_retentionText, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    m_months = new wxSpinCtrl(bar, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(110, -1)),
                              wxSP_ARROW_KEYS, 1, 240, kDefaultAuditRetentionMonths);
    m_months->SetName("audit-retention");
    row->Add(m_months, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    row->Add(new wxStaticText(bar, wxID_ANY, _("months")), wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    m_saveRetention = new wxButton(bar, wxID_ANY, _("Sa&ve"));
    m_saveRetention->SetToolTip(_("Keep this retention for the next purges"));
    row->Add(m_saveRetention, wxSizerFlags().CenterVertical());
    row->AddStretchSpacer();
    m_purge = new wxButton(bar, wxID_ANY, wxString());
    m_purge->SetName("audit-purge");
    row->Add(m_purge, wxSizerFlags().CenterVertical());
    bar->SetSizer(row);

    m_saveRetention->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveRetention(); });
    m_purge->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PurgeOld(); });
    m_months->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) {
        m_purge->SetLabel(wxString::Format(_("&Purge the entries older than %d months…"), m_months->GetValue()));
        Layout();
    });
    return bar;
}

void AuditPage::UpdateAccess()
{
    const bool admin = m_context.GetAccess().CanAdminister();
    m_months->Show(admin);
    m_saveRetention->Show(admin);
    m_purge->Show(admin);
    m_retentionBar->GetSizer()->GetItem(2)->Show(admin); // "months"
    m_retentionText->SetLabel(admin ? _("Keep the entries for")
                                    : wxString::Format(_("Entries are kept %d months; an administrator purges the "
                                                         "older ones."),
                                                       m_retention));
    m_purge->SetLabel(wxString::Format(_("&Purge the entries older than %d months…"), m_months->GetValue()));
    Layout();
}

bool AuditPage::OffersPurge() const
{
    return m_purge->IsShown();
}

AuditFilter AuditPage::CurrentFilter() const
{
    AuditFilter filter;
    const int table = m_table->GetSelection();
    if (table > 0)
        filter.table = AuditedTables()[static_cast<std::size_t>(table - 1)];
    filter.login = wxString(m_login->GetValue()).Trim(true).Trim(false).utf8_string();
    if (m_useSince->GetValue() && m_since->GetValue().IsValid())
        filter.since = m_since->GetValue().FormatISODate().utf8_string();
    filter.limit = kLimit;
    return filter;
}

void AuditPage::SetFilter(const std::string& table, const wxString& login, const std::string& since)
{
    const auto& tables = AuditedTables();
    const auto at = std::find(tables.begin(), tables.end(), table);
    m_table->SetSelection(at == tables.end() ? 0 : static_cast<int>(at - tables.begin()) + 1);
    m_login->ChangeValue(login);
    wxDateTime day;
    m_useSince->SetValue(!since.empty() && day.ParseISODate(since));
    if (m_useSince->GetValue())
        m_since->SetValue(day);
    m_since->Enable(m_useSince->GetValue());
    Reload();
}

void AuditPage::ScheduleReload()
{
    m_reloadTimer.StartOnce(kReloadDelayMs);
}

void AuditPage::OnShown()
{
    if (m_dirty)
        Reload();
}

void AuditPage::Reload()
{
    m_reloadTimer.Stop();
    m_dirty = false;
    m_jobs.Forget();
    UpdateAccess();
    m_count->SetLabel(_("Loading…"));
    const AuditFilter filter = CurrentFilter();
    m_jobs.Run<Data>(
        [filter](Database& db) {
            Data data;
            data.entries = ListAudit(db, filter);
            data.retention = AuditRetentionMonths(db);
            return data;
        },
        [this](Data data) { Loaded(std::move(data)); }, "audit-list",
        [this](const Error& error) {
            m_count->SetLabel(wxString());
            ShowFailure(error);
        });
}

void AuditPage::Loaded(Data data)
{
    m_entries = std::move(data.entries);
    if (data.retention != m_retention || !m_retentionRead)
        m_months->SetValue(data.retention); // a retention typed and not saved yet stays
    m_retention = data.retention;
    m_retentionRead = true;
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const AuditEntry& entry = m_entries[i];
        const long item = m_list->InsertItem(static_cast<long>(i), AuditTimeText(entry.at));
        m_list->SetItem(item, LoginColumn, wxString::FromUTF8(entry.login));
        m_list->SetItem(item, WhatColumn, AuditTableText(entry.table));
        m_list->SetItem(item, ActionColumn, AuditActionText(entry.action));
        m_list->SetItem(item, FieldsColumn, AuditFieldsText(entry.fields));
    }
    m_list->Thaw();
    const auto count = static_cast<long long>(m_entries.size());
    const AuditFilter filter = CurrentFilter();
    const bool filtered = !filter.table.empty() || !filter.login.empty() || !filter.since.empty();
    if (count >= kLimit)
        m_count->SetLabel(wxString::Format(_("The newest %s entries: narrow the filters to see older ones"),
                                           FormatCount(count)));
    else
        m_count->SetLabel(wxString::Format(wxPLURAL("%s entry", "%s entries", static_cast<int>(count)),
                                           FormatCount(count)));
    if (m_entries.empty())
        m_empty->SetLabel(filtered ? _("No entry matches these filters: choose “Everything”, clear the login or "
                                       "an earlier date.")
                                   : _("No change recorded yet. Every creation, change and deletion of a "
                                       "contribution, a coding, a meeting… will be listed here, with who made it "
                                       "and when."));
    m_empty->Wrap(FromDIP(560));
    m_book->ChangeSelection(m_entries.empty() ? 1 : 0);
    UpdateAccess();
    m_empty->GetParent()->Layout();
}

wxString AuditPage::CellText(int row, int column) const
{
    return m_list->GetItemText(row, column);
}

wxString AuditPage::CountText() const
{
    return m_count->GetLabel();
}

wxString AuditPage::StatusText() const
{
    return m_status->GetLabel();
}

void AuditPage::SetStatus(const wxString& message, bool problem)
{
    m_status->SetForegroundColour(problem ? wxColour(0xA4, 0x00, 0x00)
                                          : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    m_status->SetLabel(message);
    m_status->Wrap(std::max(FromDIP(300), GetClientSize().GetWidth() - FromDIP(16)));
    Layout();
}

void AuditPage::ShowFailure(const Error& error)
{
    if (!ReportConnectionTrouble(this, error))
        SetStatus(wxString::FromUTF8(error.what()), true);
}

void AuditPage::SetRetention(int months)
{
    m_months->SetValue(months);
    SaveRetention();
}

void AuditPage::SaveRetention()
{
    const int months = m_months->GetValue();
    try {
        // One setting on the UI thread, as a single-row save may be.
        SetAuditRetentionMonths(m_context.Db(), months);
    } catch (const Error& error) {
        ShowFailure(error);
        return;
    }
    m_retention = months;
    SetStatus(wxString::Format(_("The change log now keeps its entries %d months."), months), false);
    UpdateAccess();
}

void AuditPage::PurgeOld()
{
    const int months = m_months->GetValue();
    const wxDateTime before = wxDateTime::Today().Subtract(wxDateSpan::Months(months));
    wxMessageDialog confirm(this,
                            wxString::Format(_("Delete the change log entries older than %d months, that is from "
                                               "before %s? They cannot be recovered; the purge itself is recorded "
                                               "in the log."),
                                             months, DayText(before)),
                            _("Purge the change log"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("Purge"), _("Keep them"));
    if (confirm.ShowModal() == wxID_YES)
        StartPurge(months);
}

void AuditPage::StartPurge(int months)
{
    SetStatus(_("Purging…"), false);
    m_jobs.Run<long long>([months](Database& db) { return PurgeAudit(db, months); },
                          [this](long long purged) {
                              SetStatus(wxString::Format(wxPLURAL("%s entry was purged.", "%s entries were purged.",
                                                                  static_cast<int>(std::min<long long>(purged, 1000))),
                                                         FormatCount(purged)),
                                        false);
                              Reload();
                          });
}

} // namespace concerto
