// The roles of a shared server, enforced by PostgreSQL itself: each check runs through a plain
// libpq connection as a personal login (TLS + SCRAM, as Concerto connects), the way anyone with
// a login could use psql. Logins and groups are cluster-wide, so each test names its logins
// after itself and works on a database of its own.

#include "sample.h"

#include "core/errors.h"
#include "core/progress.h"
#include "core/text.h"
#include "db/access.h"
#include "db/bulk.h"
#include "db/demo.h"
#include "db/server_admin.h"
#include "db/stats.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <libpq-fe.h>
#include <soci/soci.h>

#include <memory>

using namespace concerto;

namespace {

constexpr const char* kPassword = "correct horse battery";

/// A plain libpq session as one login.
class Login {
public:
    Login(const std::string& user, const std::string& database)
        : m_conn(PQconnectdb(test::SharedPgCluster().LoginKeyValue(user, kPassword, database).c_str()), &PQfinish)
    {
        BOOST_REQUIRE_MESSAGE(PQstatus(m_conn.get()) == CONNECTION_OK, PQerrorMessage(m_conn.get()));
    }
    /// "" when `sql` succeeded, else its SQLSTATE.
    std::string State(const std::string& sql)
    {
        std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(m_conn.get(), sql.c_str()), &PQclear);
        const auto status = PQresultStatus(result.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            return "";
        const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
        return state ? state : "?";
    }
    /// The first cell of `sql`'s result; fails the test when the statement fails.
    std::string Value(const std::string& sql)
    {
        std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(m_conn.get(), sql.c_str()), &PQclear);
        BOOST_REQUIRE_MESSAGE(PQresultStatus(result.get()) == PGRES_TUPLES_OK, PQresultErrorMessage(result.get()));
        BOOST_REQUIRE(PQntuples(result.get()) > 0);
        return PQgetvalue(result.get(), 0, 0);
    }

private:
    std::unique_ptr<PGconn, decltype(&PQfinish)> m_conn;
};

/// A server database set up by InitServer, with a sample consultation, a contribution with
/// contact details, and one login per group named PREFIX_reader / _editor / _admin.
struct Server {
    explicit Server(const std::string& prefix)
        : db(test::FreshDatabase(Backend::Postgresql)), sample(*db), prefix(prefix)
    {
        InitServer(*db);
        contribution = sample.AddContribution(*db, "Plus de bancs place Carnot");
        db->Session() << "INSERT INTO contact_details (id, contribution_id, name, email) VALUES "
                         "(gen_random_uuid(), '" + contribution.id + "', 'Awa Diallo', 'awa@example.org')";
        db->Session() << "SELECT current_database()", soci::into(name);
        AddUser(*db, prefix + "_reader", kPassword, AccessLevel::Reader);
        AddUser(*db, prefix + "_editor", kPassword, AccessLevel::Editor);
        AddUser(*db, prefix + "_admin", kPassword, AccessLevel::Admin);
    }
    Login As(const std::string& group) { return Login(prefix + "_" + group, name); }
    std::string Location(const std::string& group) const
    {
        return test::SharedPgCluster().LoginKeyValue(prefix + "_" + group, kPassword, name);
    }

    std::unique_ptr<Database> db;
    test::Sample sample;
    std::string prefix;
    std::string name;
    Contribution contribution;
};

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

// The catalog facts server init decides, as one text: owners, grants, row security, policies,
// functions' settings and privileges, roles' attributes and memberships.
std::string CatalogState(Database& db)
{
    std::string state;
    soci::rowset<std::string> rows = db.Session().prepare << R"SQL(
SELECT format('%s %s %s %s %s %s', c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relacl::text,
              c.relrowsecurity, c.relforcerowsecurity)
  FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'S', 'v')
UNION ALL
SELECT format('policy %s %s %s %s %s', tablename, policyname, cmd, roles::text, qual) FROM pg_policies
UNION ALL
SELECT format('function %s %s %s %s %s', p.oid::regprocedure, pg_get_userbyid(p.proowner), p.prosecdef,
              p.proconfig::text, p.proacl::text)
  FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
UNION ALL
SELECT format('role %s %s %s %s %s', rolname, rolsuper, rolcanlogin, rolcreaterole, rolbypassrls)
  FROM pg_roles WHERE rolname LIKE 'concerto\_%'
UNION ALL
SELECT format('member %s %s', pg_get_userbyid(roleid), pg_get_userbyid(member)) FROM pg_auth_members
UNION ALL
SELECT format('schema %s', nspacl::text) FROM pg_namespace WHERE oid = current_schema()::regnamespace
UNION ALL
SELECT format('default %s %s', defaclobjtype, defaclacl::text) FROM pg_default_acl
ORDER BY 1)SQL";
    for (const std::string& row : rows)
        state += row + "\n";
    return state;
}

bool HasAuditLog(Database& db)
{
    int found = 0;
    db.Session() << "SELECT CASE WHEN to_regclass('audit_log') IS NULL THEN 0 ELSE 1 END", soci::into(found);
    return found == 1;
}

} // namespace

BOOST_AUTO_TEST_SUITE(server_roles)

BOOST_AUTO_TEST_CASE(reader_reads_everything_but_personal_data_and_writes_nothing)
{
    Server server("sr_read");
    Login reader = server.As("reader");
    BOOST_TEST(reader.Value("SELECT count(*) FROM contribution") == "1");
    BOOST_TEST(reader.Value("SELECT count(*) FROM commitment") == "1");
    BOOST_TEST(reader.State("SELECT * FROM report_definition") == "");
    BOOST_TEST(reader.State("SELECT name, email FROM contact_details") == "42501");
    const std::string id = Quoted(server.contribution.id);
    BOOST_TEST(reader.State("UPDATE contribution SET notes = 'x' WHERE id = " + id) == "42501");
    BOOST_TEST(reader.State("DELETE FROM contribution WHERE id = " + id) == "42501");
    BOOST_TEST(reader.State("INSERT INTO tag (id, contribution_id, theme_id, stance, tagged_at) VALUES "
                            "(gen_random_uuid(), " + id + ", " + Quoted(server.sample.theme.id) +
                            ", 'support', now())") == "42501");
    BOOST_TEST(reader.State("UPDATE meeting SET notes = 'x'") == "42501");
    BOOST_TEST(reader.State("UPDATE commitment SET title = 'x'") == "42501");
    BOOST_TEST(reader.State("INSERT INTO app_setting (id, key, value) VALUES (gen_random_uuid(), 'k', 'v')") ==
               "42501");
    BOOST_TEST(reader.State("DELETE FROM schema_version") == "42501");
    BOOST_TEST(reader.State("CREATE TABLE sneaky (id int)") == "42501");
    BOOST_TEST(reader.State("SELECT concerto_add_user('sr_read_x', 'SCRAM-SHA-256$x', 'concerto_admin')") ==
               "42501");
    // Nothing changed, read back as the superuser.
    std::string notes;
    server.db->Session() << "SELECT notes FROM contribution WHERE id = :id", soci::use(server.contribution.id),
        soci::into(notes);
    BOOST_TEST(notes == "");
}

BOOST_AUTO_TEST_CASE(a_reader_gets_the_counts_without_the_personal_data)
{
    Server server("sr_stats");
    auto entry = [](const Stats& stats, const std::string& table) {
        for (const auto& [name, count] : stats.perEntity)
            if (name == table)
                return count;
        return -1LL;
    };
    const Stats asReader = CollectStats(*Database::Open(server.Location("reader")));
    BOOST_TEST(entry(asReader, "contribution") == 1);
    BOOST_TEST(entry(asReader, "contact_details") == -1); // left out, not an error
    const Stats asEditor = CollectStats(*Database::Open(server.Location("editor")));
    BOOST_TEST(entry(asEditor, "contact_details") == 1);
}

BOOST_AUTO_TEST_CASE(bulk_writes_go_through_row_level_security)
{
    // COPY is refused on a table whose row security applies (contact_details): the demo, as an
    // administrator, writes those rows otherwise, and every row arrives.
    Server server("sr_bulk");
    auto admin = Database::Open(server.Location("admin"));
    SilentProgress progress;
    GenerateDemo(*admin, DemoOptions{120, 11}, progress);
    long long contacts = 0, contributions = 0;
    server.db->Session() << "SELECT COUNT(*) FROM contact_details", soci::into(contacts);
    server.db->Session() << "SELECT COUNT(*) FROM contribution", soci::into(contributions);
    BOOST_TEST(contacts >= 1);
    BOOST_TEST(contributions == 121); // the demo's, beside the one the fixture made
    // An editor's bulk insert of contact details, row security and all.
    auto editor = Database::Open(server.Location("editor"));
    ContactDetails details;
    details.id = NewUuid();
    details.version = 1;
    details.createdAt = details.updatedAt = Timestamp::Now();
    details.contributionId = server.sample.AddContribution(*server.db, "Rappeler Lou pour l'atelier").id;
    details.name = "Lou Martin";
    details.email = "lou@example.org";
    editor->InTransaction([&] { BulkInsert(*editor, std::vector<ContactDetails>{details}); });
    std::string email;
    server.db->Session() << "SELECT email FROM contact_details WHERE id = :id", soci::use(details.id), soci::into(email);
    BOOST_TEST(email == "lou@example.org");
}

BOOST_AUTO_TEST_CASE(editor_codes_contributions_but_not_reference_data)
{
    Server server("sr_edit");
    Login editor = server.As("editor");
    const std::string id = Quoted(server.contribution.id);
    const std::string consultation = Quoted(server.sample.consultation.id);
    BOOST_TEST(editor.Value("SELECT email FROM contact_details") == "awa@example.org");
    BOOST_TEST(editor.State("UPDATE contact_details SET phone = '0601020304'") == "");
    BOOST_TEST(editor.State("UPDATE contribution SET notes = 'relu' WHERE id = " + id) == "");
    BOOST_TEST(editor.State("INSERT INTO tag (id, contribution_id, theme_id, stance, tagged_at) VALUES "
                            "(gen_random_uuid(), " + id + ", " + Quoted(server.sample.theme.id) +
                            ", 'support', now())") == "");
    BOOST_TEST(editor.State("INSERT INTO meeting (id, consultation_id, channel_id, ref, title, starts_at) VALUES "
                            "(gen_random_uuid(), " + consultation + ", " + Quoted(server.sample.channel.id) +
                            ", 'R9', 'Réunion', now())") == "");
    BOOST_TEST(editor.State("INSERT INTO topic (id, consultation_id, title) VALUES (gen_random_uuid(), " +
                            consultation + ", 'Bancs')") == "");
    BOOST_TEST(editor.State("INSERT INTO contribution (id, consultation_id, channel_id, received_at, body) VALUES "
                            "(gen_random_uuid(), " + consultation + ", " + Quoted(server.sample.channel.id) +
                            ", now(), 'Encore des bancs')") == "");
    BOOST_TEST(editor.State("UPDATE commitment SET title = 'x'") == "42501");
    BOOST_TEST(editor.State("INSERT INTO theme (id, consultation_id, code, title) VALUES (gen_random_uuid(), " +
                            consultation + ", 'Z', 'Z')") == "42501");
    BOOST_TEST(editor.State("UPDATE channel SET name = 'x'") == "42501");
    BOOST_TEST(editor.State("INSERT INTO report_definition (id, name, body) VALUES (gen_random_uuid(), 'r', 'b')") ==
               "42501");
    BOOST_TEST(editor.State("INSERT INTO app_setting (id, key, value) VALUES (gen_random_uuid(), 'k', 'v')") ==
               "42501");
    BOOST_TEST(editor.State("UPDATE consultation SET title = 'x'") == "42501");
    BOOST_TEST(editor.State("SELECT concerto_set_user_role('sr_edit_reader', 'concerto_admin')") == "42501");
    BOOST_TEST(editor.State("GRANT concerto_admin TO sr_edit_editor") == "42501");
    BOOST_TEST(editor.State("DELETE FROM contribution WHERE id = " + id) == "");
    int left = -1;
    server.db->Session() << "SELECT count(*) FROM contact_details", soci::into(left);
    BOOST_TEST(left == 0); // removed with its contribution
}

BOOST_AUTO_TEST_CASE(admin_edits_reference_data_and_manages_users)
{
    Server server("sr_adm");
    Login admin = server.As("admin");
    BOOST_TEST(admin.State("UPDATE commitment SET title = 'Nouveau titre'") == "");
    BOOST_TEST(admin.State("INSERT INTO theme (id, consultation_id, code, title) VALUES (gen_random_uuid(), " +
                           Quoted(server.sample.consultation.id) + ", 'Z', 'Zones')") == "");
    BOOST_TEST(admin.State("INSERT INTO report_definition (id, name, body) VALUES (gen_random_uuid(), 'r', 'b')") ==
               "");
    BOOST_TEST(admin.State("INSERT INTO app_setting (id, key, value) VALUES (gen_random_uuid(), 'k', 'v')") == "");
    BOOST_TEST(admin.Value("SELECT count(*) FROM contact_details") == "1");
    // Still no owner: the schema is not the admin's to change.
    BOOST_TEST(admin.State("DELETE FROM schema_version") == "42501");
    BOOST_TEST(admin.State("ALTER TABLE contribution DISABLE ROW LEVEL SECURITY") == "42501");
    BOOST_TEST(admin.State("DROP TABLE app_setting") == "42501");

    auto adminDb = Database::Open(server.Location("admin"));
    AddUser(*adminDb, "sr_adm_new", kPassword, AccessLevel::Reader);
    BOOST_TEST(Login("sr_adm_new", server.name).Value("SELECT count(*) FROM contribution") == "1");
    auto users = ListUsers(*adminDb);
    const auto find = [&](const std::string& login) {
        for (const UserAccount& user : users)
            if (user.login == login)
                return static_cast<int>(user.level);
        return -1;
    };
    BOOST_TEST(find("sr_adm_new") == static_cast<int>(AccessLevel::Reader));
    BOOST_TEST(find("sr_adm_admin") == static_cast<int>(AccessLevel::Admin));
    SetUserRole(*adminDb, "sr_adm_new", AccessLevel::Editor);
    users = ListUsers(*adminDb);
    BOOST_TEST(find("sr_adm_new") == static_cast<int>(AccessLevel::Editor));
    BOOST_TEST(AccessOf(*Database::Open(test::SharedPgCluster().LoginKeyValue("sr_adm_new", kPassword,
                                                                              server.name)))
                   .CanEdit());
    SetUserPassword(*adminDb, "sr_adm_new", "another good one");
    RemoveUser(*adminDb, "sr_adm_new");
    users = ListUsers(*adminDb);
    BOOST_TEST(find("sr_adm_new") == -1);

    // Not a superuser, not IT's accounts, not the groups, not oneself.
    BOOST_CHECK_THROW(RemoveUser(*adminDb, "postgres"), ValidationError);
    BOOST_CHECK_THROW(RemoveUser(*adminDb, "concerto_owner"), ValidationError);
    BOOST_CHECK_THROW(SetUserRole(*adminDb, "concerto_reader", AccessLevel::Admin), ValidationError);
    BOOST_CHECK_THROW(RemoveUser(*adminDb, "sr_adm_admin"), ValidationError);
    BOOST_CHECK_THROW(RemoveUser(*adminDb, "sr_adm_nobody"), NotFoundError);
    BOOST_CHECK_THROW(AddUser(*adminDb, "sr_adm_reader", kPassword, AccessLevel::Reader), ValidationError);
    BOOST_CHECK_THROW(AddUser(*adminDb, "Bad Name", kPassword, AccessLevel::Reader), ValidationError);
    BOOST_CHECK_THROW(AddUser(*adminDb, "sr_adm_short", "short", AccessLevel::Reader), ValidationError);
    // The server refuses a clear-text password and a made-up group even from psql.
    BOOST_TEST(admin.State("SELECT concerto_add_user('sr_adm_clear', 'clear text password', 'concerto_reader')") ==
               "CN400");
    BOOST_TEST(admin.State("SELECT concerto_add_user('sr_adm_x', 'SCRAM-SHA-256$x', 'pg_read_all_data')") ==
               "CN400");
    BOOST_TEST(admin.State("SELECT concerto_add_user('x\"; DROP ROLE postgres; --', 'SCRAM-SHA-256$x', "
                           "'concerto_reader')") == "CN400");

    // A reader sees no admin buttons; an editor's refused statement is a French sentence.
    BOOST_TEST(!AccessOf(*Database::Open(server.Location("reader"))).CanEdit());
    BOOST_TEST(!AccessOf(*Database::Open(server.Location("reader"))).unmanaged);
    auto editorDb = Database::Open(server.Location("editor"));
    try {
        editorDb->Guarded([&] { editorDb->Session() << "UPDATE channel SET name = 'x'"; });
        BOOST_FAIL("an editor changed a channel");
    } catch (const DatabaseError& e) {
        BOOST_TEST(std::string(e.what()).find("Votre rôle sur le serveur") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(passwords_are_stored_as_scram_verifiers)
{
    Server server("sr_pwd");
    std::string stored;
    server.db->Session() << "SELECT rolpassword FROM pg_authid WHERE rolname = 'sr_pwd_reader'", soci::into(stored);
    BOOST_TEST(stored.rfind("SCRAM-SHA-256$", 0) == 0);
    BOOST_TEST(stored.find(kPassword) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(nobody_changes_the_audit_trail)
{
    Server server("sr_audit");
    if (!HasAuditLog(*server.db)) {
        BOOST_TEST_MESSAGE("audit_log not in the schema yet: nothing to check");
        return;
    }
    Login editor = server.As("editor");
    BOOST_TEST(editor.State("UPDATE contribution SET notes = 'audité'") == ""); // the trigger may write the trail
    for (const char* group : {"reader", "editor", "admin"}) {
        Login login = server.As(group);
        BOOST_TEST(login.State("SELECT count(*) FROM audit_log") == "");
        BOOST_TEST(login.State("UPDATE audit_log SET login = login") == "42501");
        BOOST_TEST(login.State("DELETE FROM audit_log") == "42501");
        BOOST_TEST(login.State("TRUNCATE audit_log") == "42501");
    }
    Login admin = server.As("admin");
    BOOST_TEST(admin.State("INSERT INTO audit_log DEFAULT VALUES") == "42501");
    BOOST_TEST(admin.State("SELECT concerto_purge_audit(1200)") == "");
    BOOST_TEST(editor.State("SELECT concerto_purge_audit(0)") == "42501");
    int rls = 0;
    server.db->Session() << "SELECT count(*) FROM pg_class WHERE relname = 'audit_log' AND relrowsecurity "
                            "AND relforcerowsecurity",
        soci::into(rls);
    BOOST_TEST(rls == 1);
}

BOOST_AUTO_TEST_CASE(catalog_holds_the_promises)
{
    Server server("sr_cat");
    Database& db = *server.db;
    int count = -1;
    db.Session() << "SELECT count(*) FROM pg_roles WHERE (rolname LIKE 'concerto\\_%' OR rolname LIKE 'sr\\_cat\\_%') "
                    "AND (rolsuper OR rolbypassrls)",
        soci::into(count);
    BOOST_TEST(count == 0);
    db.Session() << "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'concerto\\_%' AND rolcanlogin", soci::into(count);
    BOOST_TEST(count == 0);
    db.Session() << "SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
                    "AND relkind IN ('r', 'S', 'v') AND pg_get_userbyid(relowner) <> 'concerto_owner'",
        soci::into(count);
    BOOST_TEST(count == 0);
    db.Session() << "SELECT count(*) FROM pg_class WHERE relname = 'contact_details' AND relrowsecurity "
                    "AND relforcerowsecurity",
        soci::into(count);
    BOOST_TEST(count == 1);
    // Every SECURITY DEFINER function of the schema pins its search_path and is not PUBLIC's.
    db.Session() << "SELECT count(*) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND prosecdef",
        soci::into(count);
    BOOST_TEST(count >= 4);
    db.Session() << "SELECT count(*) FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
                    "AND p.prosecdef AND (NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c "
                    "WHERE c LIKE 'search\\_path=%') OR has_function_privilege('public', p.oid, 'EXECUTE') "
                    "OR has_function_privilege('concerto_editor', p.oid, 'EXECUTE') "
                    "OR pg_get_userbyid(p.proowner) <> 'concerto_owner')",
        soci::into(count);
    BOOST_TEST(count == 0);
    db.Session() << "SELECT count(*) FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
                    "AND has_function_privilege('public', p.oid, 'EXECUTE') AND NOT EXISTS (SELECT 1 FROM pg_depend d "
                    "WHERE d.objid = p.oid AND d.deptype = 'e')",
        soci::into(count);
    BOOST_TEST(count == 0);
    // A login that is not a member of concerto_owner may not create in the schema.
    db.Session() << "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'sr\\_cat\\_%' "
                    "AND has_schema_privilege(oid, current_schema(), 'CREATE')",
        soci::into(count);
    BOOST_TEST(count == 0);
}

BOOST_AUTO_TEST_CASE(server_init_twice_changes_nothing)
{
    auto db = test::FreshDatabase(Backend::Postgresql);
    const ServerInitReport first = InitServer(*db);
    BOOST_TEST(first.schemaVersion == db->LatestSchemaVersion());
    const std::string before = CatalogState(*db);
    const ServerInitReport second = InitServer(*db);
    BOOST_TEST(second.rolesCreated.empty());
    BOOST_TEST(second.migrationsApplied == 0);
    BOOST_TEST(CatalogState(*db) == before);
}

BOOST_AUTO_TEST_CASE(server_init_migrates_an_empty_database_as_the_owner)
{
    const std::string location = test::FreshLocation(Backend::Postgresql);
    auto db = Database::OpenUnmigrated(location);
    const ServerInitReport report = InitServer(*db);
    BOOST_TEST(report.migrationsApplied == db->LatestSchemaVersion());
    BOOST_TEST(report.schemaVersion == db->LatestSchemaVersion());
    int foreign = -1;
    db->Session() << "SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
                     "AND relkind IN ('r', 'S') AND pg_get_userbyid(relowner) <> 'concerto_owner'",
        soci::into(foreign);
    BOOST_TEST(foreign == 0);
    // And the schema works: a contribution can be written by an editor.
    AddUser(*db, "sr_empty_editor", kPassword, AccessLevel::Editor);
    std::string name;
    db->Session() << "SELECT current_database()", soci::into(name);
    auto editor = Database::Open(test::SharedPgCluster().LoginKeyValue("sr_empty_editor", kPassword, name));
    test::Sample sample(*db);
    BOOST_CHECK_NO_THROW(sample.AddContribution(*editor, "Un banc de plus"));
}

BOOST_AUTO_TEST_CASE(an_outdated_server_asks_for_it_instead_of_creating)
{
    Server server("sr_old");
    // Up to date: an editor opens it (Open creates nothing, or it would fail).
    BOOST_CHECK_NO_THROW(Database::Open(server.Location("editor")));
    server.db->Session() << "DELETE FROM schema_version WHERE version = (SELECT max(version) FROM schema_version)";
    try {
        Database::Open(server.Location("editor"));
        BOOST_FAIL("an editor opened an outdated server");
    } catch (const DatabaseError& e) {
        const std::string message = e.what();
        BOOST_TEST(message.find("server init") != std::string::npos);
        BOOST_TEST(message.find(std::to_string(server.db->LatestSchemaVersion())) != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(access_of_each_kind_of_connection)
{
    auto sqlite = test::FreshDatabase(Backend::Sqlite);
    BOOST_TEST(AccessOf(*sqlite).unmanaged);
    BOOST_TEST(AccessOf(*sqlite).CanAdminister());
    BOOST_CHECK_THROW(InitServer(*sqlite), ValidationError);
    BOOST_CHECK_THROW(AddUser(*sqlite, "someone", kPassword, AccessLevel::Reader), ValidationError);

    Server server("sr_acc");
    const Access super = AccessOf(*server.db);
    BOOST_TEST(!super.unmanaged);
    BOOST_TEST(super.CanAdminister());
    const Access reader = AccessOf(*Database::Open(server.Location("reader")));
    BOOST_TEST(!reader.CanEdit());
    BOOST_TEST(!reader.CanSeePersonalData());
    const Access editor = AccessOf(*Database::Open(server.Location("editor")));
    BOOST_TEST(editor.CanEdit());
    BOOST_TEST(!editor.CanAdminister());
    BOOST_TEST(AccessOf(*Database::Open(server.Location("admin"))).CanAdminister());
}

BOOST_AUTO_TEST_CASE(access_levels_parse_from_every_spelling)
{
    BOOST_TEST(static_cast<int>(ParseAccessLevel("admin")) == static_cast<int>(AccessLevel::Admin));
    BOOST_TEST(static_cast<int>(ParseAccessLevel("Administrateur")) == static_cast<int>(AccessLevel::Admin));
    BOOST_TEST(static_cast<int>(ParseAccessLevel("Éditeur")) == static_cast<int>(AccessLevel::Editor));
    BOOST_TEST(static_cast<int>(ParseAccessLevel("editor")) == static_cast<int>(AccessLevel::Editor));
    BOOST_TEST(static_cast<int>(ParseAccessLevel("concerto_reader")) == static_cast<int>(AccessLevel::Reader));
    BOOST_TEST(static_cast<int>(ParseAccessLevel("lecteur")) == static_cast<int>(AccessLevel::Reader));
    BOOST_CHECK_THROW(ParseAccessLevel("owner"), ValidationError);
    BOOST_CHECK_THROW(ParseAccessLevel(""), ValidationError);
}

BOOST_AUTO_TEST_SUITE_END()
