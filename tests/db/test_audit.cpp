// The audit trail on both backends: inserts, updates and deletes of contributions, tags and
// contact details recorded by trigger with the login, the table, the row, the contribution and
// the names of the changed fields but no value (no personal data); nothing left by a rolled back
// transaction; bulk paths (COPY, import) audited; every business table carries the triggers;
// the purge removes only older entries and records itself; the retention setting; the CLI.

#include "cli_run.h"
#include "db/audit.h"
#include "db/demo.h"
#include "test_import_support.h"

#include <algorithm>

using namespace concerto;
using namespace concerto::test;

namespace {

const char* const kName = "Jeanne Secretaire";
const char* const kEmail = "jeanne.secret@example.org";
const char* const kPhone = "06 12 34 56 78";

std::vector<AuditEntry> Entries(Database& db, const std::string& table, const std::string& rowId)
{
    AuditFilter filter;
    filter.table = table;
    filter.rowId = rowId;
    return ListAudit(db, filter);
}

std::vector<std::string> Fields(std::initializer_list<const char*> names) { return {names.begin(), names.end()}; }

bool Has(const std::vector<std::string>& fields, const std::string& name)
{
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

// Every cell of the trail as text, to look for values that must never be there.
std::string WholeTrail(Database& db)
{
    std::string text;
    QueryRows(db,
              "SELECT login, table_name, CAST(row_id AS text), CAST(contribution_id AS text), action, fields "
              "FROM audit_log",
              {}, [&](const soci::row& row) {
                  for (std::size_t i = 0; i < row.size(); ++i)
                      text += Cell::Text(row, i) + "|";
                  text += "\n";
              });
    return text;
}

long long TrailSize(Database& db) { return Scalar(db, "SELECT COUNT(*) FROM audit_log"); }

// The business tables as the database knows them: every table with the bookkeeping columns.
std::set<std::string> AuditedTablesExpected(Database& db)
{
    if (db.GetBackend() == Backend::Postgresql)
        return Texts(db, "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
                         "AND column_name IN ('id', 'version', 'created_by') GROUP BY table_name "
                         "HAVING COUNT(*) = 3");
    std::set<std::string> tables;
    for (const auto& table : Texts(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if (Scalar(db, "SELECT COUNT(*) FROM pragma_table_info(:t) WHERE name IN ('id', 'version', 'created_by')",
                   {{"t", table}}) == 3)
            tables.insert(table);
    return tables;
}

std::set<std::string> TriggerNames(Database& db)
{
    if (db.GetBackend() == Backend::Postgresql)
        return Texts(db, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal");
    return Texts(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'");
}

} // namespace

BOOST_AUTO_TEST_SUITE(audit)

BACKEND_TEST(contribution_changes_are_recorded_with_who_and_which_fields)
{
    Sample s(db);
    Contribution c = s.AddContribution(db, "Plus de bancs au parc");
    auto entries = Entries(db, "contribution", c.id);
    BOOST_TEST_REQUIRE(entries.size() == 1u);
    BOOST_TEST(entries[0].action == 'I');
    BOOST_TEST(entries[0].login == db.UserName());
    BOOST_TEST(entries[0].contributionId == c.id);
    BOOST_TEST(entries[0].at.size() == 19u);
    BOOST_TEST(Has(entries[0].fields, "body"));
    BOOST_TEST(Has(entries[0].fields, "channel_id"));
    BOOST_TEST(!Has(entries[0].fields, "title"));   // empty: not set
    BOOST_TEST(!Has(entries[0].fields, "version")); // bookkeeping
    BOOST_TEST(!Has(entries[0].fields, "id"));

    c.title = "Bancs";
    c.state = ContributionState::ToReview;
    c = ContributionRepository(db).Update(c);
    entries = Entries(db, "contribution", c.id);
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].action == 'U'); // newest first
    BOOST_TEST(entries[0].fields == Fields({"state", "title"}));
    BOOST_TEST(entries[0].id > entries[1].id);

    // Saving the same values changes nothing worth a line.
    c = ContributionRepository(db).Update(c);
    BOOST_TEST(Entries(db, "contribution", c.id).size() == 2u);

    ContributionRepository(db).Remove(c.id, c.version);
    entries = Entries(db, "contribution", c.id);
    BOOST_TEST_REQUIRE(entries.size() == 3u);
    BOOST_TEST(entries[0].action == 'D');
    BOOST_TEST(entries[0].fields.empty());
    BOOST_TEST(entries[0].contributionId == c.id);
}

BACKEND_TEST(tags_and_contact_details_are_recorded_under_their_contribution_without_values)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Le bruit des scooters la nuit");
    ContactDetails contact;
    contact.contributionId = c.id;
    contact.name = kName;
    contact.email = kEmail;
    contact.phone = kPhone;
    contact = ContactRepository(db).Create(contact);
    contact.email = "jeanne.autre.secret@example.org";
    contact = ContactRepository(db).Update(contact);

    Tag tag;
    tag.contributionId = c.id;
    tag.commitmentId = s.commitment.id;
    tag.stance = Stance::Criticism;
    tag.coder = "alice";
    tag.taggedAt = Timestamp::Now();
    tag = TagRepository(db).Create(tag);
    TagRepository(db).Remove(tag.id, tag.version);

    auto entries = Entries(db, "contact_details", contact.id);
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[1].action == 'I');
    BOOST_TEST(entries[1].fields == Fields({"consent_to_recontact", "contribution_id", "email", "name", "phone"}));
    BOOST_TEST(entries[0].action == 'U');
    BOOST_TEST(entries[0].fields == Fields({"email"}));
    BOOST_TEST(entries[0].contributionId == c.id);
    BOOST_TEST(entries[0].login == db.UserName());

    entries = Entries(db, "tag", tag.id);
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].action == 'D');
    BOOST_TEST(entries[1].action == 'I');
    BOOST_TEST(entries[1].contributionId == c.id);
    BOOST_TEST(Has(entries[1].fields, "stance"));

    // The contribution's history gathers its own changes and those of its tags and contact details.
    AuditFilter filter;
    filter.contributionId = c.id;
    std::set<std::string> tables;
    for (const auto& entry : ListAudit(db, filter))
        tables.insert(entry.table);
    BOOST_TEST(tables == (std::set<std::string>{"contribution", "contact_details", "tag"}));
    filter.limit = 2;
    BOOST_TEST(ListAudit(db, filter).size() == 2u);
    filter.contributionId = "pas-un-uuid";
    BOOST_TEST(ListAudit(db, filter).empty());

    const std::string trail = WholeTrail(db);
    for (const char* value : {kName, kEmail, kPhone, "jeanne", "secret", "scooters", "alice"})
        BOOST_TEST(trail.find(value) == std::string::npos, "the trail holds « " << value << " »");
}

BACKEND_TEST(a_rolled_back_transaction_leaves_no_entry)
{
    Sample s(db);
    const long long before = TrailSize(db);
    BOOST_CHECK_THROW(db.InTransaction([&] {
        s.AddContribution(db, "Jamais enregistrée");
        throw ValidationError("abandon");
    }),
                      ValidationError);
    BOOST_TEST(TrailSize(db) == before);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution") == 0);
}

BACKEND_TEST(bulk_insertion_is_audited)
{
    SilentProgress progress;
    const std::string consultation = GenerateDemo(db, DemoOptions{60, 7}, progress); // COPY on PostgreSQL
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM audit_log WHERE table_name = 'contribution' AND action = 'I'") ==
               Scalar(db, "SELECT COUNT(*) FROM contribution"));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM audit_log WHERE table_name = 'tag' AND action = 'I'") ==
               Scalar(db, "SELECT COUNT(*) FROM tag"));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM audit_log a JOIN contribution c ON CAST(c.id AS text) = "
                          "CAST(a.contribution_id AS text) WHERE a.table_name = 'tag'") ==
               Scalar(db, "SELECT COUNT(*) FROM tag"));
    BOOST_TEST(Texts(db, "SELECT DISTINCT login FROM audit_log") == (std::set<std::string>{db.UserName()}));
    BOOST_TEST(!consultation.empty());
}

BACKEND_TEST(an_import_is_audited)
{
    Sample s(db);
    const long long before = TrailSize(db);
    const std::string file = "external_id,received_at,channel,text,tags\n"
                             "A-1,2023-10-02T12:00:00Z,caravane,Premier texte importé,LOG-01:soutien\n"
                             "A-2,2023-10-03T12:00:00Z,caravane,Second texte importé,\n";
    const auto report = ImportText(db, "audit.csv", file, OptionsFor(s, ImportKind::Contributions));
    BOOST_TEST(report.created == 2u);
    const std::string a1 = Text(db, "SELECT CAST(id AS text) FROM contribution WHERE source_ref = 'A-1'");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'I' AND CAST(contribution_id AS text) = :c",
                      {{"c", a1}}) == 2); // the contribution and its tag
    BOOST_TEST(TrailSize(db) >= before + 3);
}

BACKEND_TEST(every_business_table_is_audited)
{
    const auto tables = AuditedTablesExpected(db);
    BOOST_TEST(tables.size() >= 23u);
    BOOST_TEST(tables.count("audit_log") == 0u);
    const auto triggers = TriggerNames(db);
    for (const auto& table : tables)
        for (const char* operation : {"_audit_insert", "_audit_update", "_audit_delete"})
            BOOST_TEST(triggers.count(table + operation) == 1u, table << operation);
}

BACKEND_TEST(purge_removes_only_older_entries_and_records_itself)
{
    Sample s(db);
    s.AddContribution(db, "Ancienne");
    const long long total = TrailSize(db);
    // Age all but the newest three entries (the test connection may update the trail).
    db.Session() << "UPDATE audit_log SET at = '2001-01-01 10:00:00' WHERE id <= (SELECT MAX(id) - 3 FROM audit_log)";
    const long long aged = Scalar(db, "SELECT COUNT(*) FROM audit_log WHERE at < '2002-01-01 00:00:00'");
    BOOST_TEST_REQUIRE(aged == total - 3);

    BOOST_CHECK_THROW(PurgeAudit(db, 0), ValidationError);
    BOOST_TEST(TrailSize(db) == total);
    BOOST_TEST(PurgeAudit(db, 24) == aged);
    BOOST_TEST(TrailSize(db) == 3 + 1);
    AuditFilter filter;
    filter.table = "audit_log";
    const auto purges = ListAudit(db, filter);
    BOOST_TEST_REQUIRE(purges.size() == 1u);
    BOOST_TEST(purges[0].action == 'D');
    BOOST_TEST(purges[0].login == db.UserName());
    BOOST_TEST(purges[0].rowId.empty());
    // Nothing is old enough any more.
    BOOST_TEST(PurgeAudit(db, 1) == 0);
    BOOST_TEST(TrailSize(db) == 3 + 2);
}

BACKEND_TEST(retention_setting_round_trip_and_validation)
{
    BOOST_TEST(AuditRetentionMonths(db) == kDefaultAuditRetentionMonths);
    SetAuditRetentionMonths(db, 36);
    BOOST_TEST(AuditRetentionMonths(db) == 36);
    BOOST_TEST(AuditRetentionMonths(*db.Reopen()) == 36);
    BOOST_CHECK_THROW(SetAuditRetentionMonths(db, 0), ValidationError);
    BOOST_CHECK_THROW(SetAuditRetentionMonths(db, 241), ValidationError);
    BOOST_TEST(AuditRetentionMonths(db) == 36);
    SetAuditRetentionMonths(db, 240);
    BOOST_TEST(AuditRetentionMonths(db) == 240);
    // A value stored by hand that makes no sense falls back to the default.
    db.Session() << "UPDATE app_setting SET value = 'beaucoup' WHERE key = 'audit.retention_months'";
    BOOST_TEST(AuditRetentionMonths(db) == kDefaultAuditRetentionMonths);
    // The setting's own changes are in the trail, by key name only.
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM audit_log WHERE table_name = 'app_setting'") >= 3);
}

BACKEND_TEST(since_filter_uses_local_days)
{
    Sample s(db);
    AuditFilter filter;
    filter.since = "2001-01-01";
    const auto all = ListAudit(db, filter);
    BOOST_TEST(!all.empty());
    filter.since = "2999-01-01";
    BOOST_TEST(ListAudit(db, filter).empty());
    filter.since = "hier";
    BOOST_CHECK_THROW(ListAudit(db, filter), ValidationError);
    filter = {};
    filter.login = db.UserName() + "-personne";
    BOOST_TEST(ListAudit(db, filter).empty());
}

BACKEND_TEST(cli_lists_purges_and_sets_the_retention)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Par la ligne de commande");
    const std::string cli = CliPath() + " audit ";
    const std::string where = " --db '" + db.GetLocation().ToDisplayString() + "' 2>&1";

    auto [out, status] = RunCommand(cli + "list --contribution " + c.id + where);
    BOOST_TEST(status == 0, out);
    BOOST_TEST(Contains(out, "création\tcontribution\t" + c.id), out);
    BOOST_TEST(Contains(out, db.UserName()), out);
    BOOST_TEST(!Contains(out, "Par la ligne"), out);

    std::tie(out, status) = RunCommand(cli + "list --table tag" + where);
    BOOST_TEST(status == 0);
    BOOST_TEST(Contains(out, "Aucune modification"), out);

    std::tie(out, status) = RunCommand(cli + "retention 12" + where);
    BOOST_TEST(status == 0, out);
    BOOST_TEST(AuditRetentionMonths(db) == 12);
    std::tie(out, status) = RunCommand(cli + "retention" + where);
    BOOST_TEST(Contains(out, "12 mois"), out);
    std::tie(out, status) = RunCommand(cli + "retention 0" + where);
    BOOST_TEST(status == 1, out);
    BOOST_TEST(Contains(out, "entre 1 et 240"), out);

    db.Session() << "UPDATE audit_log SET at = '2001-01-01 10:00:00' WHERE table_name = 'theme'";
    std::tie(out, status) = RunCommand(cli + "purge" + where);
    BOOST_TEST(status == 0, out);
    BOOST_TEST(Contains(out, "1 entrée de plus de 12 mois supprimée"), out);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM audit_log WHERE table_name = 'theme'") == 0);
    std::tie(out, status) = RunCommand(cli + "list --table audit_log --limit 5" + where);
    BOOST_TEST(Contains(out, "suppression\taudit_log"), out);

    std::tie(out, status) = RunCommand(cli + "oublie" + where);
    BOOST_TEST(status == 2, out);
    std::tie(out, status) = RunCommand(cli + "list --since demain" + where);
    BOOST_TEST(status == 1, out);
}

BOOST_AUTO_TEST_CASE(both_dialects_have_the_same_audit_columns)
{
    auto columns = [](Database& db) {
        std::set<std::string> names;
        soci::row row;
        soci::statement statement = (db.Session().prepare << "SELECT * FROM audit_log WHERE 1 = 0", soci::into(row));
        statement.execute(true);
        for (std::size_t i = 0; i < row.size(); ++i)
            names.insert(row.get_properties(i).get_name());
        return names;
    };
    auto sqlite = FreshDatabase(Backend::Sqlite);
    auto postgres = FreshDatabase(Backend::Postgresql);
    const auto expected = std::set<std::string>{"id", "at", "login", "table_name", "row_id", "contribution_id",
                                                "action", "fields"};
    BOOST_TEST(columns(*sqlite) == expected);
    BOOST_TEST(columns(*postgres) == expected);
}

BOOST_AUTO_TEST_SUITE_END()
