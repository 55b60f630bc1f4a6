// The Administration area on a demo database: on a file, the users page explains that a file has
// no accounts; the change log lists an edit and keeps the retention chosen; the personal data
// page purges, finds, reports and erases (read back from the database); a reader sees only what
// they may use; a contribution's history shows an edit made here. On PostgreSQL, after
// InitServer, a user added through the page's dialog is a real login of the group chosen, and
// removing it drops it.

#include "gui_support.h"
#include "app/admin_audit_page.h"
#include "app/admin_personal_data_page.h"
#include "app/admin_users_page.h"
#include "app/areas.h"
#include "app/contribution_history.h"
#include "app/main_frame.h"
#include "db/audit.h"
#include "db/repositories.h"
#include "db/repository.h"
#include "db/server_admin.h"
#include "dialogs/audit_history_dialog.h"
#include "dialogs/user_dialog.h"
#include "support/backends.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/filename.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

using concerto::test::AnyShownText;
using concerto::test::Settle;
using concerto::test::WaitUntil;
using concerto::test::WhenShown;

using namespace concerto;

namespace {

/// A frame on a demo database with the Administration area shown.
struct Shown : test::DemoFrameFixture {
    explicit Shown(Backend backend = Backend::Sqlite) : DemoFrameFixture(backend, 60)
    {
        frame->ShowArea(AdministrationArea);
        Settle();
    }
    wxNotebook* Pages()
    {
        auto* pages = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("administration-pages", frame));
        BOOST_REQUIRE(pages);
        return pages;
    }
    /// Shows the notebook page `index` and returns the page named `name` there.
    template <class Page> Page* Show(std::size_t index, const wxString& name)
    {
        Pages()->SetSelection(index);
        Settle();
        auto* page = dynamic_cast<Page*>(wxWindow::FindWindowByName(name, frame));
        BOOST_REQUIRE(page);
        return page;
    }
    UsersPage* Users() { return Show<UsersPage>(0, "users-page"); }
    AuditPage* Audit()
    {
        auto* page = Show<AuditPage>(1, "audit-page");
        BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy(); }));
        return page;
    }
    PersonalDataPage* PersonalData() { return Show<PersonalDataPage>(2, "personal-data-page"); }

    /// Changes the title of the first contribution of the consultation; returns it as saved.
    Contribution EditAContribution(const std::string& title)
    {
        ContributionRepository contributions(Db());
        auto listed = contributions.ListBy("consultation_id", ConsultationId(), "seq");
        BOOST_REQUIRE(!listed.empty());
        Contribution contribution = listed.front();
        contribution.title = title;
        contributions.Update(contribution);
        frame->Context().NotifyChanged("contribution");
        return contributions.Get(contribution.id);
    }
};

long long Scalar(Database& db, const std::string& sql, const Params& params)
{
    long long value = -1;
    QueryRows(db, sql, params, [&](const soci::row& row) { value = Cell::Integer(row, 0); });
    return value;
}

std::string TodayIso()
{
    return wxDateTime::Today().FormatISODate().utf8_string();
}

/// A login name of this test, unique in the shared cluster.
std::string UniqueLogin(const std::string& stem)
{
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    return "test_administration_" + stem + "_" + std::to_string(ticks % 100000000);
}

} // namespace

BOOST_AUTO_TEST_SUITE(administration)

BOOST_AUTO_TEST_CASE(on_a_file_the_users_page_explains_that_there_are_no_accounts)
{
    Shown shown;
    BOOST_TEST(shown.Pages()->GetPageCount() == 3u);
    UsersPage* page = shown.Users();
    BOOST_TEST(page->ShownState() == UsersPage::LocalFileShown);
    BOOST_TEST(AnyShownText(page, _("A database file has no user accounts")));
    // Ctrl+N on the explanation adds nobody and opens nothing.
    page->AddUser();
    BOOST_TEST(page->ShownState() == UsersPage::LocalFileShown);
}

BOOST_AUTO_TEST_CASE(the_change_log_lists_an_edit_newest_first)
{
    Shown shown;
    AuditPage* page = shown.Audit();
    const Contribution edited = shown.EditAContribution("Titre changé pour le journal");
    BOOST_REQUIRE(WaitUntil([&] {
        return !page->IsBusy() && !page->Entries().empty() && page->Entries().front().rowId == edited.id;
    }));
    const AuditEntry& newest = page->Entries().front();
    BOOST_TEST(newest.table == "contribution");
    BOOST_TEST(newest.action == 'U');
    BOOST_TEST((std::find(newest.fields.begin(), newest.fields.end(), "title") != newest.fields.end()));
    BOOST_TEST(page->CellText(0, AuditPage::WhatColumn) == AuditTableText("contribution"));
    BOOST_TEST(page->CellText(0, AuditPage::ActionColumn) == AuditActionText('U'));
    BOOST_TEST(page->CellText(0, AuditPage::FieldsColumn).Contains(_("title")));
    BOOST_TEST(page->CellText(0, AuditPage::TimeColumn) == AuditTimeText(newest.at));
    BOOST_TEST(page->CellText(0, AuditPage::TimeColumn).Contains(wxDateTime::Today().Format("%d/%m/%Y")));

    // Filtered on another table, the edit is not listed; on the contributions, it is.
    page->SetFilter("meeting", wxString(), std::string());
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy(); }));
    for (const auto& entry : page->Entries())
        BOOST_TEST(entry.table == "meeting");
    page->SetFilter("contribution", wxString::FromUTF8(newest.login), TodayIso());
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy(); }));
    BOOST_REQUIRE(!page->Entries().empty());
    BOOST_TEST(page->Entries().front().rowId == edited.id);
}

BOOST_AUTO_TEST_CASE(the_retention_is_saved_and_the_purge_keeps_recent_entries)
{
    Shown shown;
    AuditPage* page = shown.Audit();
    BOOST_TEST(page->OffersPurge()); // a file's user may do everything
    page->SetRetention(7);
    BOOST_TEST(AuditRetentionMonths(shown.Db()) == 7);
    BOOST_TEST(page->RetentionMonths() == 7);

    shown.EditAContribution("Avant la purge");
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy() && !page->Entries().empty(); }));
    const std::size_t before = ListAudit(shown.Db(), AuditFilter{}).size();
    page->StartPurge(7);
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy(); }));
    // Nothing is 7 months old in a fresh database: the entries stay (plus the purge's own).
    BOOST_TEST(ListAudit(shown.Db(), AuditFilter{}).size() >= before);
    BOOST_TEST(!page->StatusText().empty());
}

BOOST_AUTO_TEST_CASE(personal_data_purge_deletes_the_expired_contact_details)
{
    Shown shown;
    const std::string today = TodayIso();
    const long long expired = Scalar(shown.Db(), "SELECT COUNT(*) FROM contact_details WHERE purge_on < :today",
                                     {{"today", today}});
    BOOST_REQUIRE(expired > 0); // the demo's contact details expire at the end of 2024
    PersonalDataPage* page = shown.PersonalData();
    BOOST_TEST(page->OffersCommands());
    page->StartPurge();
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy(); }));
    BOOST_TEST(Scalar(shown.Db(), "SELECT COUNT(*) FROM contact_details WHERE purge_on < :today",
                      {{"today", today}}) == 0);
    BOOST_TEST(page->StatusText().Contains(wxString::Format("%lld", expired)), page->StatusText());
}

BOOST_AUTO_TEST_CASE(personal_data_finds_reports_and_erases_one_person)
{
    Shown shown;
    std::string email, contributionId;
    QueryRows(shown.Db(), "SELECT email, contribution_id FROM contact_details WHERE email <> '' ORDER BY email", {},
              [&](const soci::row& row) {
                  if (email.empty()) {
                      email = Cell::Text(row, 0);
                      contributionId = Cell::Text(row, 1);
                  }
              });
    BOOST_REQUIRE(!email.empty());
    PersonalDataPage* page = shown.PersonalData();
    page->FindPerson(wxString::FromUTF8(email), wxString());
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy() && page->Found().has_value(); }));
    BOOST_TEST(page->Found()->contacts.size() == 1u);
    BOOST_TEST(page->ReportText().Contains(wxString::FromUTF8(email)));

    const wxString path = wxFileName::CreateTempFileName("concerto-access-report");
    BOOST_REQUIRE(page->SaveReportTo(path));
    std::ifstream in(path.fn_str(), std::ios::binary);
    std::stringstream saved;
    saved << in.rdbuf();
    BOOST_TEST(saved.str() == page->ReportText().utf8_string());
    wxRemoveFile(path);

    page->StartErase();
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy() && page->Found() && page->Found()->contacts.empty(); }));
    BOOST_TEST(Scalar(shown.Db(), "SELECT COUNT(*) FROM contact_details WHERE email = :email", {{"email", email}}) == 0);
    // What the person said stays.
    BOOST_TEST(ContributionRepository(shown.Db()).Find(contributionId).has_value());
}

BOOST_AUTO_TEST_CASE(a_reader_sees_only_what_they_may_use)
{
    Shown shown;
    Access reader;
    reader.level = AccessLevel::Reader;
    reader.unmanaged = false;
    shown.frame->Context().SetAccess(reader);
    Settle();
    BOOST_TEST(shown.Pages()->GetPageCount() == 2u); // no users page
    auto* audit = shown.Show<AuditPage>(0, "audit-page");
    BOOST_REQUIRE(WaitUntil([&] { return !audit->IsBusy(); }));
    BOOST_TEST(!audit->OffersPurge());
    auto* personal = shown.Show<PersonalDataPage>(1, "personal-data-page");
    BOOST_TEST(!personal->OffersCommands());
    BOOST_TEST(AnyShownText(personal, _("Personal data is reserved to editors and administrators")));

    Access admin; // back to everything: the users page returns
    shown.frame->Context().SetAccess(admin);
    Settle();
    BOOST_TEST(shown.Pages()->GetPageCount() == 3u);
    BOOST_TEST(personal->OffersCommands());
}

BOOST_AUTO_TEST_CASE(the_history_of_a_contribution_shows_an_edit)
{
    Shown shown;
    const Contribution edited = shown.EditAContribution("Titre changé pour l'historique");
    const long long seq = Scalar(shown.Db(), "SELECT seq FROM contribution WHERE id = :id", {{"id", edited.id}});
    int listed = -1;
    wxString action, what, fields;
    WhenShown<AuditHistoryDialog> answer([&](AuditHistoryDialog& dialog) {
        listed = dialog.ListedCount();
        if (listed > 0) {
            action = dialog.CellText(0, AuditHistoryDialog::ActionColumn);
            what = dialog.CellText(0, AuditHistoryDialog::WhatColumn);
            fields = dialog.CellText(0, AuditHistoryDialog::FieldsColumn);
        }
        dialog.EndModal(wxID_CLOSE);
    });
    ShowContributionHistory(shown.frame, shown.frame->Context(), edited.id, seq);
    BOOST_REQUIRE(WaitUntil([&] { return answer.Done(); }));
    Settle();
    BOOST_TEST(listed > 0);
    BOOST_TEST(action == AuditActionText('U'));
    BOOST_TEST(what == AuditTableText("contribution"));
    BOOST_TEST(fields.Contains(_("title")));
}

BOOST_AUTO_TEST_CASE(on_a_server_a_user_added_through_the_page_is_a_login_of_its_group)
{
    Shown shown(Backend::Postgresql);
    InitServer(shown.Db());
    shown.frame->Context().SetAccess(AccessOf(shown.Db()));
    Settle();
    UsersPage* page = shown.Users();
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy(); }));
    BOOST_REQUIRE(page->ShownState() == UsersPage::NoUserShown || page->ShownState() == UsersPage::ListShown);

    const std::string login = UniqueLogin("editor");
    // A first try with passwords that differ is refused in the dialog, then corrected.
    wxString firstProblem;
    WhenShown<UserDialog> answer([&](UserDialog& dialog) {
        dialog.LoginField()->ChangeValue(wxString::FromUTF8(login));
        dialog.PasswordField()->ChangeValue("motdepasse-123");
        dialog.RepeatField()->ChangeValue("motdepasse-124");
        dialog.SetLevel(AccessLevel::Editor);
        BOOST_TEST(!dialog.Submit());
        firstProblem = dialog.ProblemText();
        dialog.RepeatField()->ChangeValue("motdepasse-123");
        BOOST_TEST(dialog.Submit()); // saved on the worker; the dialog closes when done
    });
    page->AddUser();
    BOOST_TEST(answer.Done());
    BOOST_TEST(!firstProblem.empty());
    BOOST_REQUIRE_MESSAGE(WaitUntil([&] { return !page->IsBusy() && page->Select(login); }), page->StatusText());

    BOOST_TEST(Scalar(shown.Db(), "SELECT COUNT(*) FROM pg_roles WHERE rolname = :login AND rolcanlogin",
                      {{"login", login}}) == 1);
    BOOST_TEST(Scalar(shown.Db(),
                      "SELECT COUNT(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                      "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :login AND g.rolname = 'concerto_editor'",
                      {{"login", login}}) == 1);
    const auto at = std::find_if(page->Users().begin(), page->Users().end(),
                                 [&](const UserAccount& user) { return user.login == login; });
    BOOST_REQUIRE(at != page->Users().end());
    const int row = static_cast<int>(at - page->Users().begin());
    BOOST_TEST(page->CellText(row, UsersPage::RoleColumn) == UserDialog::LevelText(AccessLevel::Editor));

    page->RemoveLogin(login);
    BOOST_REQUIRE(WaitUntil([&] { return !page->IsBusy() && !page->Select(login); }));
    BOOST_TEST(Scalar(shown.Db(), "SELECT COUNT(*) FROM pg_roles WHERE rolname = :login", {{"login", login}}) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
