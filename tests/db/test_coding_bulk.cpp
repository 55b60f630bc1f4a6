// Bulk coding on both backends, read back with SQL: a tag on a filtered set (as many rows as
// an SQL count says, "new" ones moved to "tagged", undo removing exactly those rows and
// restoring the states, redo with the same ids), a conflict on undo, a failure half-way that
// leaves nothing, a bulk label, the single notice on PostgreSQL, and 100,000 contributions.

#include "coding_fixture.h"
#include "core/text.h"
#include "db/bulk.h"
#include "notice_log.h"

#include <chrono>

using namespace concerto;
using namespace concerto::test;

namespace {

const char* const kNbsp = "\u00A0";

/// Twelve contributions over two channels: the even ones in the sample's channel, every fourth
/// one to review, every third one about school canteens. Contribution 2 already carries alice's
/// support of the commitment, contribution 4 bruno's.
struct BulkFixture {
    Sample s;
    Channel other;
    std::vector<Contribution> items;

    explicit BulkFixture(Database& db) : s(db)
    {
        other.code = "plateforme";
        other.name = "Plateforme en ligne";
        other = ChannelRepository(db).Create(other);
        ContributionRepository repository(db);
        for (int i = 0; i < 12; ++i) {
            Contribution c;
            c.consultationId = s.consultation.id;
            c.channelId = i % 2 == 0 ? s.channel.id : other.id;
            c.receivedAt = Timestamp::At({2023, 10, 2}, 8 + i);
            c.body = i % 3 == 0 ? "La cantine de l'école devrait servir du bio." : "Des logements pour les jeunes.";
            if (i % 4 == 0)
                c.state = ContributionState::ToReview;
            items.push_back(repository.Create(c));
        }
        for (const auto& [index, coder] : {std::pair<int, const char*>{2, "alice"}, {4, "bruno"}}) {
            Tag tag;
            tag.contributionId = items[static_cast<std::size_t>(index)].id;
            tag.commitmentId = s.commitment.id;
            tag.stance = Stance::Support;
            tag.coder = coder;
            tag.taggedAt = Timestamp::Now();
            TagRepository(db).Create(tag);
        }
    }

    ContributionFilter InSampleChannel() const
    {
        ContributionFilter filter;
        filter.consultationId = s.consultation.id;
        filter.channelId = s.channel.id;
        return filter;
    }

    std::string State(Database& db, std::size_t index) const
    {
        return Text(db, "SELECT state FROM contribution WHERE id = :c", {{"c", items.at(index).id}});
    }
};

long long AliceTags(Database& db, const std::string& commitmentId)
{
    return Scalar(db, "SELECT COUNT(*) FROM tag WHERE coder = 'alice' AND commitment_id = :m", {{"m", commitmentId}});
}

} // namespace

BACKEND_TEST(coding_bulk_tag_filtered_set_and_undo)
{
    BulkFixture f(db);
    const TagSpec spec{f.s.commitment.id, "", Stance::Support};
    const long long expected =
        Scalar(db,
               "SELECT COUNT(*) FROM contribution c WHERE c.consultation_id = :k AND c.channel_id = :ch AND NOT EXISTS "
               "(SELECT 1 FROM tag t WHERE t.contribution_id = c.id AND t.coder = 'alice' AND t.commitment_id = :m AND "
               "t.stance = 'support')",
               {{"k", f.s.consultation.id}, {"ch", f.s.channel.id}, {"m", f.s.commitment.id}});
    BOOST_TEST(expected == 5);
    const std::set<std::string> before = Texts(db, "SELECT id FROM tag");

    CodingHistory history;
    history.Do(db, MakeBulkTag(f.InSampleChannel(), spec, {"", "alice"}));
    BOOST_TEST(history.UndoDescription() ==
               std::string("codage en masse") + kNbsp + ": soutien à LOG-01 sur 5 contributions");
    BOOST_TEST(AliceTags(db, f.s.commitment.id) == expected + 1);
    BOOST_TEST(history.Undo(db) != nullptr);
    history.Redo(db);
    const std::set<std::string> added = [&] {
        std::set<std::string> all = Texts(db, "SELECT id FROM tag"), fresh;
        for (const auto& id : all)
            if (!before.count(id))
                fresh.insert(id);
        return fresh;
    }();
    BOOST_TEST(added.size() == 5u);
    for (const auto& id : added)
        BOOST_TEST(IsUuid(id));
    // New ones became tagged; those to review stayed; the one alice had already tagged was skipped.
    BOOST_TEST(f.State(db, 6) == "tagged");
    BOOST_TEST(f.State(db, 10) == "tagged");
    BOOST_TEST(f.State(db, 0) == "to_review");
    BOOST_TEST(f.State(db, 8) == "to_review");
    BOOST_TEST(f.State(db, 2) == "new");
    BOOST_TEST(f.State(db, 1) == "new"); // other channel
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :c", {{"c", f.items[2].id}}) == 1);

    // Undo removes exactly those rows and puts the states back.
    history.Undo(db);
    BOOST_TEST(Texts(db, "SELECT id FROM tag") == before);
    BOOST_TEST(f.State(db, 6) == "new");
    BOOST_TEST(f.State(db, 10) == "new");
    BOOST_TEST(f.State(db, 0) == "to_review");
    // Redo gives each contribution the same tag id as before.
    history.Redo(db);
    std::set<std::string> again = Texts(db, "SELECT id FROM tag");
    for (const auto& id : before)
        again.erase(id);
    BOOST_TEST(again == added);

    // Someone excludes one of the moved contributions: the undo refuses and writes nothing.
    auto theirs = ContributionRepository(db).Get(f.items[6].id);
    theirs.state = ContributionState::Excluded;
    ContributionRepository(db).Update(theirs);
    BOOST_CHECK_THROW(history.Undo(db), ConflictError);
    BOOST_TEST(AliceTags(db, f.s.commitment.id) == expected + 1);
    BOOST_TEST(f.State(db, 10) == "tagged");
    BOOST_TEST(history.CanUndo());
    // A note added elsewhere does not block it: the undo writes only the state.
    theirs = ContributionRepository(db).Get(f.items[6].id);
    theirs.state = ContributionState::Tagged;
    theirs.notes = "Vu en réunion";
    ContributionRepository(db).Update(theirs);
    history.Undo(db);
    BOOST_TEST(Texts(db, "SELECT id FROM tag") == before);
    BOOST_TEST(f.State(db, 6) == "new");
    BOOST_TEST(ContributionRepository(db).Get(f.items[6].id).notes == "Vu en réunion");

    // The default queue (untagged, new) with a theme-only tag.
    ContributionFilter queue;
    queue.consultationId = f.s.consultation.id;
    queue.tagged = false;
    queue.state = ContributionState::New;
    const long long untagged = ContributionRepository(db).CountMatching(queue);
    auto themed = MakeBulkTag(queue, {"", f.s.theme.id, Stance::Observation}, {"", "chloé"});
    themed->Apply(db);
    BOOST_TEST(themed->Contributions().size() == static_cast<std::size_t>(untagged));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE coder = 'chloé' AND commitment_id IS NULL AND theme_id = :t",
                      {{"t", f.s.theme.id}}) == untagged);
    BOOST_TEST(ContributionRepository(db).CountMatching(queue) == 0);
}

BACKEND_TEST(coding_bulk_needs_a_consultation_and_final_tags)
{
    BulkFixture f(db);
    const TagSpec spec{f.s.commitment.id, "", Stance::Support};
    BOOST_CHECK_THROW(MakeBulkTag(ContributionFilter{}, spec)->Apply(db), ValidationError);
    BOOST_CHECK_THROW(MakeBulkLabel(ContributionFilter{}, "vélo")->Apply(db), ValidationError);
    BOOST_CHECK_THROW(MakeBulkTag(f.InSampleChannel(), spec, {NewUuid(), "alice"})->Apply(db), ValidationError);
    BOOST_CHECK_THROW(MakeBulkLabel(f.InSampleChannel(), "  ")->Apply(db), ValidationError);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag") == 2);
}

BACKEND_TEST(coding_bulk_failure_half_way_leaves_nothing)
{
    BulkFixture f(db);
    const std::set<std::string> before = Texts(db, "SELECT id FROM tag");
    // The tags go in, then moving the states fails: the tags go with the rollback.
    MakeFail(db, "contribution", "UPDATE");
    auto action = MakeBulkTag(f.InSampleChannel(), {f.s.commitment.id, "", Stance::Support}, {"", "alice"});
    BOOST_CHECK_THROW(action->Apply(db), Error);
    BOOST_TEST(Texts(db, "SELECT id FROM tag") == before);
    BOOST_TEST(f.State(db, 6) == "new");
    BOOST_TEST(action->Contributions().empty());
    StopFailing(db, "contribution");
    action->Apply(db);
    BOOST_TEST(AliceTags(db, f.s.commitment.id) == 6);
    BOOST_TEST(f.State(db, 6) == "tagged");
}

BACKEND_TEST(coding_bulk_label_on_a_search)
{
    BulkFixture f(db);
    ContributionFilter filter;
    filter.consultationId = f.s.consultation.id;
    filter.search = "cantine";
    const long long matching = ContributionRepository(db).CountMatching(filter);
    BOOST_TEST(matching == 4);
    // One of them already carries the label (under another spelling).
    MakeAddLabel(f.items[3].id, "Restauration scolaire")->Apply(db);
    CodingHistory history;
    history.Do(db, MakeBulkLabel(filter, "restauration SCOLAIRE"));
    BOOST_TEST(history.UndoDescription() == std::string("étiquetage en masse") + kNbsp + ": «" + kNbsp +
                                                "Restauration scolaire" + kNbsp + "» sur 3 contributions");
    const Params label{{"n", "Restauration scolaire"}};
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label") == 1);
    BOOST_TEST(Scalar(db,
                      "SELECT COUNT(*) FROM contribution_label l JOIN label b ON b.id = l.label_id WHERE b.name = :n",
                      label) == matching);
    history.Undo(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label") == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label") == 1); // it was there before

    // A label created by the bulk action goes with its undo.
    history.Do(db, MakeBulkLabel(filter, "Bio"));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label") == 2);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label") == 1 + matching);
    history.Undo(db);
    BOOST_TEST(Texts(db, "SELECT name FROM label") == std::set<std::string>{"Restauration scolaire"});
    history.Redo(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label") == 1 + matching);
}

BACKEND_TEST(coding_bulk_tag_sends_one_notice)
{
    BulkFixture f(db);
    const TagSpec spec{f.s.commitment.id, "", Stance::Support};
    if (db.GetBackend() != Backend::Postgresql) {
        MakeBulkTag(f.InSampleChannel(), spec, {"", "alice"})->Apply(db); // no one to tell on SQLite
        BOOST_TEST(AliceTags(db, f.s.commitment.id) == 6);
        return;
    }
    test::NoticeLog notices(db);
    CodingHistory history;
    history.Do(db, MakeBulkTag(f.InSampleChannel(), spec, {"", "alice"}));
    history.Undo(db);
    const auto heard = notices.HeardSoFar();
    const auto count = [&](const std::string& prefix) {
        return std::count_if(heard.begin(), heard.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
    };
    // One "tag:*" and one "contribution:*" per transaction (the apply, the undo), no row notice.
    BOOST_TEST(count("tag:") == 2);
    BOOST_TEST(count("tag:*") == 2);
    BOOST_TEST(count("contribution:") == 2);
    BOOST_TEST(count("contribution:*") == 2);
}

// Enough rows to cross every batch boundary many times; the speed at 100,000 is measured
// by tests/bench (a test never asserts a duration).
BACKEND_TEST(coding_bulk_tag_many_contributions)
{
    Sample s(db);
    constexpr int kCount = 12000;
    std::vector<Contribution> rows(kCount);
    const Timestamp when = Timestamp::At({2023, 10, 2}, 12);
    for (auto& c : rows) {
        c.id = NewUuid();
        c.version = 1;
        c.createdAt = c.updatedAt = c.receivedAt = when;
        c.createdBy = c.updatedBy = "test";
        c.consultationId = s.consultation.id;
        c.channelId = s.channel.id;
        c.body = "Plus d'arbres rue Marat";
    }
    db.InTransaction([&] { BulkInsert(db, rows); });
    ContributionFilter filter;
    filter.consultationId = s.consultation.id;
    CodingHistory history;
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    history.Do(db, MakeBulkTag(filter, {s.commitment.id, "", Stance::Support}, {"", "alice"}));
    const auto applied = Clock::now();
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag") == kCount);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution WHERE state = 'tagged'") == kCount);
    const auto checked = Clock::now();
    history.Undo(db);
    const auto undone = Clock::now();
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag") == 0);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution WHERE state = 'new'") == kCount);
    const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    BOOST_TEST_MESSAGE(db.GetDialect().DisplayName()
                       << ": bulk tag of " << kCount << " contributions in " << ms(applied - start) << " ms, undo in "
                       << ms(undone - checked) << " ms");
}
