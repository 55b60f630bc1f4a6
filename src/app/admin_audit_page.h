#pragma once
// The "Change log" page of the Administration area: the audit trail, newest first, filtered by
// table, login and date, read through the worker; and for administrators the retention of the
// trail in months and the purge of older entries.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/background_jobs.h"
#include "db/audit.h"

#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxSimplebook;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

class AuditPage final : public wxPanel, public AreaView {
public:
    AuditPage(wxWindow* parent, AppContext& context);
    ~AuditPage() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// True while the trail is read or a change saved.
    bool IsBusy() const { return m_jobs.Busy() || m_reloadTimer.IsRunning(); }
    /// The entries as last read (list order).
    const std::vector<AuditEntry>& Entries() const { return m_entries; }
    /// The text of a cell of the list.
    wxString CellText(int row, int column) const;
    /// The count line and the result/problem line, as shown.
    wxString CountText() const;
    wxString StatusText() const;
    /// The retention as last read or saved, in months.
    int RetentionMonths() const { return m_retention; }
    /// True when the retention and purge controls are offered (administrators).
    bool OffersPurge() const;

    /// Filters on a table ("" for every table), a login, a day ("YYYY-MM-DD", "" for none).
    void SetFilter(const std::string& table, const wxString& login, const std::string& since);
    /// Saves the retention shown in the spin control (its Save button).
    void SaveRetention();
    /// Sets the spin control to `months` and saves it.
    void SetRetention(int months);
    /// Asks for confirmation, then purges the entries older than the retention.
    void PurgeOld();
    /// Purges without asking, on the worker.
    void StartPurge(int months);

    /// The list's columns, left to right.
    enum Column { TimeColumn, LoginColumn, WhatColumn, ActionColumn, FieldsColumn, ColumnCount };

private:
    struct Data {
        std::vector<AuditEntry> entries;
        int retention = kDefaultAuditRetentionMonths;
    };

    wxWindow* BuildFilters(wxWindow* parent);
    wxWindow* BuildRetention(wxWindow* parent);
    wxWindow* BuildList(wxWindow* parent);
    AuditFilter CurrentFilter() const;
    void ScheduleReload();
    void Loaded(Data data);
    void SetStatus(const wxString& message, bool problem);
    void ShowFailure(const Error& error);
    void UpdateAccess();

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    BackgroundJobs m_jobs{m_context, m_lifetime, [this](const Error& error) { ShowFailure(error); }};
    int m_subscription = 0;
    bool m_dirty = true; ///< changes happened while hidden
    std::vector<AuditEntry> m_entries;
    int m_retention = kDefaultAuditRetentionMonths;
    bool m_retentionRead = false;
    wxTimer m_reloadTimer; ///< gathers a burst of changes and typing into one reading

    wxChoice* m_table = nullptr;
    wxTextCtrl* m_login = nullptr;
    wxCheckBox* m_useSince = nullptr;
    wxDatePickerCtrl* m_since = nullptr;
    wxStaticText* m_count = nullptr;
    wxSimplebook* m_book = nullptr;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_empty = nullptr;
    wxWindow* m_retentionBar = nullptr;
    wxStaticText* m_retentionText = nullptr;
    wxSpinCtrl* m_months = nullptr;
    wxButton* m_saveRetention = nullptr;
    wxButton* m_purge = nullptr;
    wxStaticText* m_status = nullptr;
};

} // namespace concerto
