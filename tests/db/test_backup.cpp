// "Save a copy" of an embedded database while it is open: the copy opens, holds the same
// rows, passes SQLite's integrity check, and ignores what is not committed yet. A PostgreSQL
// database is refused with a sentence that says what to do instead.

#include "core/errors.h"
#include "db/backup.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "support/backends.h"

#include <filesystem>
#include <fstream>
#include <soci/soci.h>

using namespace concerto;
namespace fs = std::filesystem;

namespace {
std::string CopyPath(const std::string& name)
{
    return test::TempFolder() + "/" + name;
}

std::string IntegrityCheck(Database& db)
{
    std::string result;
    db.Session() << "PRAGMA integrity_check", soci::into(result);
    return result;
}

/// Row counts of the tables a consultation is made of, in one string to compare at once.
std::string Counts(Database& db)
{
    return std::to_string(ConsultationRepository(db).Count()) + "/" + std::to_string(MeetingRepository(db).Count()) +
           "/" + std::to_string(ContributionRepository(db).Count()) + "/" +
           std::to_string(CommitmentRepository(db).Count()) + "/" + std::to_string(TagRepository(db).Count());
}
} // namespace

BOOST_AUTO_TEST_SUITE(backup)

BACKEND_TEST(a_copy_of_an_open_database_opens_with_the_same_rows)
{
    const std::string path = CopyPath("copy-" + std::string(db.GetDialect().DisplayName()) + ".concerto");
    if (db.GetBackend() == Backend::Postgresql) {
        try {
            BackupSqlite(db, path);
            BOOST_FAIL("a PostgreSQL database must be refused");
        } catch (const ValidationError& e) {
            BOOST_TEST(std::string(e.what()).find("pg_dump") != std::string::npos, e.what());
        }
        BOOST_TEST(!fs::exists(path));
        return;
    }
    SilentProgress progress;
    GenerateDemo(db, DemoOptions{300, 2023}, progress);
    BackupSqlite(db, path);
    BOOST_TEST_REQUIRE(fs::exists(path));
    BOOST_TEST(!fs::exists(path + ".partial"));
    BOOST_TEST(!fs::exists(path + "-wal"));

    auto copy = Database::Open("sqlite:" + path);
    BOOST_TEST(IntegrityCheck(*copy) == "ok");
    BOOST_TEST(Counts(*copy) == Counts(db));
    BOOST_TEST(ContributionRepository(*copy).Count() == 300);
    BOOST_TEST(copy->SchemaVersion() == db.SchemaVersion());
    // The original is still open and usable after the copy.
    BOOST_TEST(IntegrityCheck(db) == "ok");
}

BACKEND_TEST(a_copy_ignores_what_another_connection_has_not_committed)
{
    if (db.GetBackend() != Backend::Sqlite)
        return;
    SilentProgress progress;
    GenerateDemo(db, DemoOptions{50, 7}, progress);
    auto writer = db.Reopen();
    const std::string before = Counts(db);
    soci::transaction pending(writer->Session());
    Consultation draft;
    draft.title = "Brouillon non validé";
    ConsultationRepository(*writer).Create(draft);

    const std::string path = CopyPath("while-writing.concerto");
    BackupSqlite(db, path);
    pending.rollback();
    auto copy = Database::Open("sqlite:" + path);
    BOOST_TEST(Counts(*copy) == before);
    BOOST_TEST(IntegrityCheck(*copy) == "ok");
}

BACKEND_TEST(a_copy_replaces_an_older_one_but_never_the_database_itself)
{
    if (db.GetBackend() != Backend::Sqlite)
        return;
    const std::string path = CopyPath("older.concerto");
    std::ofstream(path) << "an older copy";
    BackupSqlite(db, path);
    auto copy = Database::Open("sqlite:" + path);
    BOOST_TEST(IntegrityCheck(*copy) == "ok");

    BOOST_CHECK_THROW(BackupSqlite(db, db.GetLocation().target), ValidationError);
    BOOST_TEST(IntegrityCheck(db) == "ok");
    BOOST_CHECK_THROW(BackupSqlite(db, CopyPath("no/such/folder/copy.concerto")), ValidationError);
}

BOOST_AUTO_TEST_SUITE_END()
