// LISTEN/NOTIFY: a ChangeListener hears what other connections commit (ids only), a bulk
// write as one "table:*", and after its server connection is killed it reconnects, says
// ("*", "") and hears the next change. On SQLite it does nothing. Absence is proved with a
// sentinel notice (Fence, notice_log.h), never by sleeping.

#include "notice_log.h"
#include "sample.h"

#include "core/text.h"
#include "db/bulk.h"
#include "db/change_listener.h"
#include "db/repository.h"
#include "support/backends.h"

#include <soci/soci.h>

#include <optional>

using namespace concerto;

namespace {

using test::Fence;
using test::HeardNotices;
using test::StartListening;

Tag NewTag(const test::Sample& sample, const std::string& contributionId)
{
    Tag tag;
    tag.contributionId = contributionId;
    tag.commitmentId = sample.commitment.id;
    tag.stance = Stance::Support;
    tag.coder = "Awa";
    tag.taggedAt = Timestamp::Now();
    return tag;
}

std::vector<Contribution> NewContributions(const test::Sample& sample, int count)
{
    std::vector<Contribution> rows(static_cast<std::size_t>(count));
    for (auto& c : rows) {
        c.id = NewUuid();
        c.version = 1;
        c.createdAt = c.updatedAt = c.receivedAt = Timestamp::At({2023, 10, 2}, 12);
        c.createdBy = c.updatedBy = "test";
        c.consultationId = sample.consultation.id;
        c.channelId = sample.channel.id;
        c.body = "Plus d'arbres rue Marat";
    }
    return rows;
}

int ListenerPid(Database& db)
{
    int pid = 0;
    soci::indicator indicator = soci::i_null;
    const std::string name = ChangeListener::kApplicationName; // bound by reference: it must outlive the statement
    db.Session() << "SELECT pid FROM pg_stat_activity WHERE application_name = :a AND datname = current_database()",
        soci::use(name), soci::into(pid, indicator);
    return indicator == soci::i_ok ? pid : 0;
}

/// A fresh PostgreSQL database holding the sample, and what a listener on it hears.
struct OnPostgresql {
    std::unique_ptr<Database> db = test::FreshDatabase(Backend::Postgresql);
    test::Sample sample{*db};
    HeardNotices heard;
    std::optional<ChangeListener> listening;

    /// Starts the listener (once listening, it hears what is committed from then on).
    ChangeListener& Listen()
    {
        listening.emplace(db->GetLocation(), heard.Recorder());
        StartListening(*listening);
        return *listening;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(change_listener)

BOOST_FIXTURE_TEST_CASE(hears_a_tag_once_committed_and_not_before, OnPostgresql)
{
    const Contribution contribution = sample.AddContribution(*db, "Des bancs au parc");
    ChangeListener& listener = Listen();

    auto writer = db->Reopen();
    const std::string expected = "tag:" + contribution.id;
    writer->InTransaction([&] {
        TagRepository(*writer).Create(NewTag(sample, contribution.id));
        Fence(*db, heard, "before-commit");
        BOOST_TEST(heard.Count(expected) == 0);
    });
    BOOST_TEST(heard.WaitFor(expected));
    Fence(*db, heard, "after-commit");
    BOOST_TEST(heard.Count(expected) == 1);
    BOOST_TEST(heard.CountStartingWith("*") == 0); // no reconnection happened

    listener.Stop();
    BOOST_TEST(!listener.IsListening());
}

BOOST_FIXTURE_TEST_CASE(a_bulk_write_is_one_notice_per_table, OnPostgresql)
{
    Listen();

    auto writer = db->Reopen();
    const auto rows = NewContributions(sample, 3000);
    std::string later;
    writer->InTransaction([&] {
        // In batches, as the demo generator and imports write.
        for (std::size_t start = 0; start < rows.size(); start += 1000)
            BulkInsert(*writer, std::vector<Contribution>(rows.begin() + start, rows.begin() + start + 1000));
        std::vector<Tag> tags;
        for (const auto& c : rows) {
            Tag tag = NewTag(sample, c.id);
            tag.id = NewUuid();
            tag.version = 1;
            tag.createdAt = tag.updatedAt = tag.taggedAt;
            tags.push_back(tag);
        }
        BulkInsert(*writer, tags);
        // A plain write after the bulk one, in the same transaction, is announced as usual.
        later = sample.AddContribution(*writer, "Écrit après la copie").id;
    });
    BOOST_TEST(heard.WaitFor("contribution:*"));
    Fence(*db, heard, "after-bulk");
    BOOST_TEST(heard.Count("contribution:*") == 1);
    BOOST_TEST(heard.Count("tag:*") == 1);
    BOOST_TEST(heard.Count("contribution:" + later) == 1);
    BOOST_TEST(heard.CountStartingWith("contribution:") == 2);
    BOOST_TEST(heard.CountStartingWith("tag:") == 1);
    // The rows are there, and the setting did not outlive the transaction.
    long long copied = 0;
    db->Session() << "SELECT COUNT(*) FROM tag", soci::into(copied);
    BOOST_TEST(copied == 3000);
    std::string setting;
    writer->Session() << "SELECT coalesce(current_setting('concerto.bulk', true), '')", soci::into(setting);
    BOOST_TEST(setting != "on");
}

BOOST_FIXTURE_TEST_CASE(a_bulk_write_outside_a_transaction_leaves_the_session_as_it_was, OnPostgresql)
{
    Listen();
    auto writer = db->Reopen();
    BulkInsert(*writer, NewContributions(sample, 50));
    std::string setting;
    writer->Session() << "SELECT coalesce(current_setting('concerto.bulk', true), '')", soci::into(setting);
    BOOST_TEST(setting != "on");
    const std::string later = sample.AddContribution(*writer, "Après").id;
    BOOST_TEST(heard.WaitFor("contribution:" + later));
    BOOST_TEST(heard.Count("contribution:*") == 1);
    BOOST_TEST(heard.CountStartingWith("contribution:") == 2);
}

BOOST_AUTO_TEST_CASE(a_bulk_write_keeps_the_callers_bulk_mode)
{
    auto db = test::FreshDatabase(Backend::Postgresql);
    test::Sample sample(*db);
    auto setting = [&] {
        std::string value;
        db->Session() << "SELECT coalesce(current_setting('concerto.bulk', true), '')", soci::into(value);
        return value;
    };
    // A transaction already in bulk mode (as the bulk coding actions are) stays in it after the copy.
    db->InTransaction([&] {
        db->Session() << "SET LOCAL concerto.bulk = 'on'";
        BulkInsert(*db, NewContributions(sample, 20));
        BOOST_TEST(setting() == "on");
    });
    BOOST_TEST(setting() != "on");
    // So does a session in bulk mode, outside any transaction.
    std::string set;
    db->Session() << "SELECT set_config('concerto.bulk', 'on', false)", soci::into(set);
    BulkInsert(*db, NewContributions(sample, 20));
    BOOST_TEST(setting() == "on");
    BOOST_TEST(ContributionRepository(*db).Count() >= 40);
}

BOOST_FIXTURE_TEST_CASE(reconnects_after_its_connection_is_killed, OnPostgresql)
{
    const Contribution contribution = sample.AddContribution(*db, "Un marché le dimanche");
    ChangeListener& listener = Listen();
    const int first = ListenerPid(*db);
    BOOST_REQUIRE(first != 0);

    int killed = 0;
    db->Session() << "SELECT CAST(pg_terminate_backend(:pid) AS integer)", soci::use(first), soci::into(killed);
    BOOST_REQUIRE(killed == 1);
    BOOST_TEST(heard.WaitFor("*:"));
    BOOST_TEST(listener.IsListening());
    const int second = ListenerPid(*db);
    BOOST_TEST(second != 0);
    BOOST_TEST(second != first);

    TagRepository(*db).Create(NewTag(sample, contribution.id));
    BOOST_TEST(heard.WaitFor("tag:" + contribution.id));
    BOOST_TEST(heard.Count("*:") == 1);
}

BOOST_AUTO_TEST_CASE(stops_while_the_server_is_unreachable)
{
    // Nothing listens on port 1: the listener keeps trying (with pauses) until stopped.
    Location nowhere = Location::Parse("host=127.0.0.1 port=1 dbname=none user=nobody");
    HeardNotices heard;
    ChangeListener listener(nowhere, heard.Recorder());
    BOOST_REQUIRE(listener.Start());
    BOOST_TEST(listener.Start()); // already running
    BOOST_TEST(!listener.WaitUntilListening(300));
    listener.Stop();
    listener.Stop(); // idempotent
    BOOST_TEST(!listener.IsListening());
    BOOST_TEST(heard.Notices().empty());
}

BOOST_AUTO_TEST_CASE(does_nothing_on_sqlite)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    HeardNotices heard;
    ChangeListener listener(db->GetLocation(), heard.Recorder());
    BOOST_TEST(!listener.Start());
    BOOST_TEST(!listener.IsListening());
    listener.Stop();
}

BOOST_AUTO_TEST_SUITE_END()
