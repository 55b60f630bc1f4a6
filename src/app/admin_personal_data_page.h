#pragma once
// The "Personal data" page of the Administration area (GDPR), for editors and administrators:
// the purge of the contact details past their purge date, and for one person found by e-mail or
// phone the access report (what is held on them, to save and send) and the erasure of their
// contact data everywhere. The work runs on the worker through db/personal_data.h. Readers see
// a sentence saying that it is reserved to editors and administrators.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/background_jobs.h"
#include "db/personal_data.h"

#include <optional>
#include <wx/panel.h>

class wxButton;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

class PersonalDataPage final : public wxPanel, public AreaView {
public:
    PersonalDataPage(wxWindow* parent, AppContext& context);
    ~PersonalDataPage() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// True when the page offers its commands (editors and administrators).
    bool OffersCommands() const;
    /// True while a purge, search or erasure runs.
    bool IsBusy() const { return m_jobs.Busy(); }
    /// The result/problem line, as shown.
    wxString StatusText() const;
    /// The access report shown (empty before a search).
    wxString ReportText() const;
    /// The person last found, if any.
    const std::optional<PersonalDataReport>& Found() const { return m_found; }

    /// Asks for confirmation, then purges the contact details past their purge date.
    void PurgeExpired();
    /// Purges without asking, on the worker.
    void StartPurge();
    /// Looks for the person typed in the e-mail and phone fields (Enter in them).
    void Find();
    /// Types `email` and `phone` in the fields and looks for that person.
    void FindPerson(const wxString& email, const wxString& phone);
    /// Asks where to save the report, then writes it as a text file.
    void SaveReport();
    /// Writes the report shown to `path` (UTF-8 text); false when it could not (said why).
    bool SaveReportTo(const wxString& path);
    /// Asks for a strong confirmation, then erases the person found.
    void EraseFound();
    /// Erases the person found without asking, on the worker.
    void StartErase();

private:
    wxWindow* BuildPurge(wxWindow* parent);
    wxWindow* BuildSearch(wxWindow* parent);
    /// Looks for the person typed; once shown, says `thenSay` instead of what was found when not empty.
    void Search(const wxString& thenSay);
    void ShowReport(PersonalDataReport report, std::string text);
    void UpdateButtons();
    void SetStatus(const wxString& message, bool problem);
    void ShowFailure(const Error& error);
    void UpdateAccess();
    static std::string Today();

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    BackgroundJobs m_jobs{m_context, m_lifetime, [this](const Error& error) { ShowFailure(error); }};
    int m_subscription = 0;
    std::optional<PersonalDataReport> m_found;

    wxSimplebook* m_pages = nullptr;
    wxButton* m_purge = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxButton* m_find = nullptr;
    wxSimplebook* m_reportBook = nullptr;
    wxTextCtrl* m_report = nullptr;
    wxButton* m_save = nullptr;
    wxButton* m_erase = nullptr;
    wxStaticText* m_status = nullptr;
};

} // namespace concerto
