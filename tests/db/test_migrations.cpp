// Schema creation and upgrade on both backends, and the two dialects kept in step.

#include "db/repository.h"
#include "support/backends.h"
#include "support/dump.h"

#include <soci/soci.h>

#include <map>
#include <set>

using namespace concerto;

namespace {
// Column names of every business table, as the database itself reports them.
std::map<std::string, std::set<std::string>> Columns(Database& db)
{
    std::map<std::string, std::set<std::string>> columns;
    for (const auto& table : test::BusinessTables()) {
        soci::row row;
        soci::statement statement = (db.Session().prepare << "SELECT * FROM " + table + " WHERE 1 = 0", soci::into(row));
        statement.execute(true);
        for (std::size_t i = 0; i < row.size(); ++i)
            columns[table].insert(row.get_properties(i).get_name());
    }
    return columns;
}
} // namespace

BOOST_AUTO_TEST_SUITE(migrations)

BACKEND_TEST(empty_database_is_migrated_to_latest)
{
    BOOST_TEST(db.SchemaVersion() == db.LatestSchemaVersion());
    BOOST_TEST(db.LatestSchemaVersion() >= 1);
    for (const auto& [table, names] : Columns(db)) {
        for (const char* common : {"id", "version", "created_at", "updated_at", "created_by", "updated_by"})
            BOOST_TEST(names.count(common) == 1u, table << "." << common);
    }
}

BACKEND_TEST(reopening_applies_nothing_twice)
{
    const int before = db.SchemaVersion();
    auto again = db.Reopen();
    BOOST_TEST(again->SchemaVersion() == before);
    long long rows = 0;
    QueryRows(*again, "SELECT COUNT(*) FROM schema_version", {}, [&](const soci::row& r) { rows = Cell::Integer(r, 0); });
    BOOST_TEST(rows == before);
}

BACKEND_TEST(a_newer_schema_is_refused_with_a_clear_message)
{
    db.Session() << "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01')";
    try {
        db.Reopen();
        BOOST_FAIL("opening a newer schema must fail");
    } catch (const DatabaseError& e) {
        const std::string message = e.what();
        BOOST_TEST(message.find("plus récente") != std::string::npos, message);
        BOOST_TEST(message.find("999") != std::string::npos, message);
    }
}

BOOST_AUTO_TEST_CASE(both_dialects_have_the_same_tables_and_columns)
{
    auto sqlite = test::FreshDatabase(Backend::Sqlite);
    auto postgres = test::FreshDatabase(Backend::Postgresql);
    auto sqliteColumns = Columns(*sqlite);
    auto postgresColumns = Columns(*postgres);
    postgresColumns["contribution"].erase("search"); // PostgreSQL's stored tsvector; SQLite uses FTS5
    for (const auto& table : test::BusinessTables()) {
        BOOST_TEST(sqliteColumns[table] == postgresColumns[table], "table " << table);
    }
}

BOOST_AUTO_TEST_CASE(locations_are_recognised)
{
    BOOST_TEST((Location::Parse("sqlite:/tmp/a b.db").backend == Backend::Sqlite));
    BOOST_TEST(Location::Parse("sqlite:/tmp/a b.db").target == "/tmp/a b.db");
    BOOST_TEST((Location::Parse("/home/x/ville.concerto").backend == Backend::Sqlite));
    BOOST_TEST((Location::Parse("postgresql://u@h/db").backend == Backend::Postgresql));
    BOOST_TEST((Location::Parse("host=h dbname=d").backend == Backend::Postgresql));
    BOOST_CHECK_THROW(Location::Parse("ville.txt"), ValidationError);
    BOOST_CHECK_THROW(Location::Parse("sqlite:"), ValidationError);
    BOOST_TEST(Location::Parse("postgresql://u:secret@h/db").ToDisplayString() == "postgresql://u@h/db");
    BOOST_TEST(Location::Parse("host=h password=secret dbname=d").ToDisplayString() == "postgresql://h/d");
    BOOST_TEST(Location::Parse("host=h password='a secret' dbname=d").ToDisplayString().find("secret") ==
               std::string::npos);
    BOOST_TEST(Location::Parse("postgresql://h:5433/d?password=secret").ToDisplayString() == "postgresql://h:5433/d");
}

BOOST_AUTO_TEST_CASE(paths_with_spaces_and_accents_open)
{
    const std::string location = "sqlite:" + test::TempFolder() + "/Démo consultation.concerto";
    auto db = Database::Open(location);
    BOOST_TEST(db->SchemaVersion() == db->LatestSchemaVersion());
    BOOST_CHECK_THROW(Database::Open("sqlite:/nonexistent-folder/x.db"), DatabaseError);
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_is_a_sentence_not_a_crash)
{
    try {
        Database::Open("postgresql://nobody@127.0.0.1:1/nothing?connect_timeout=2");
        BOOST_FAIL("must not connect");
    } catch (const DatabaseError& e) {
        BOOST_TEST(std::string(e.what()).find("Impossible d'ouvrir") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
