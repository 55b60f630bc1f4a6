// Repository behaviour, identical on SQLite and PostgreSQL: create/read/update/delete,
// optimistic locking, filters, keyset paging, full-text search, status history.

#include "sample.h"
#include "support/backends.h"

#include <set>

using namespace concerto;
using concerto::test::Sample;

BOOST_AUTO_TEST_SUITE(repositories)

BACKEND_TEST(create_read_update_delete_keep_every_field)
{
    Sample s(db);
    ContributionRepository contributions(db);
    Contribution c;
    c.consultationId = s.consultation.id;
    c.channelId = s.channel.id;
    c.meetingId = s.meeting.id;
    c.neighbourhoodId = s.neighbourhood.id;
    c.cardId = s.card.id;
    c.receivedAt = Timestamp::At({2023, 9, 23}, 10, 15, 7);
    c.profile = "habitant·e";
    c.ageBracket = "26-40 ans";
    c.title = "Cour d'école";
    c.body = "Il faudrait végétaliser la cour de l'école, « vraiment » ;\nmerci !";
    c.sourceRef = "CAR-1-12";
    c.state = ContributionState::ToReview;
    c.isQuote = true;
    c.notes = "fiche papier";
    const Contribution created = contributions.Create(c);
    BOOST_TEST(IsUuid(created.id));
    BOOST_TEST(created.version == 1);

    Contribution read = contributions.Get(created.id);
    BOOST_TEST(read.body == c.body);
    BOOST_TEST(read.title == c.title);
    BOOST_TEST(read.meetingId == s.meeting.id);
    BOOST_TEST(read.cardId == s.card.id);
    BOOST_TEST(read.receivedAt.ToIso() == "2023-09-23 10:15:07");
    BOOST_TEST(read.sourceRef == "CAR-1-12");
    BOOST_TEST((read.state == ContributionState::ToReview));
    BOOST_TEST(read.isQuote);
    BOOST_TEST(read.profile == "habitant·e");
    BOOST_TEST(read.createdBy == db.UserName());

    read.meetingId.clear(); // NULL reference
    read.isQuote = false;
    read.state = ContributionState::Tagged;
    const Contribution updated = contributions.Update(read);
    BOOST_TEST(updated.version == 2);
    const Contribution reread = contributions.Get(created.id);
    BOOST_TEST(reread.meetingId.empty());
    BOOST_TEST(!reread.isQuote);
    BOOST_TEST(reread.version == 2);
    BOOST_TEST((reread.state == ContributionState::Tagged));

    contributions.Remove(created.id, 2);
    BOOST_TEST(!contributions.Find(created.id).has_value());
    BOOST_TEST(!contributions.Find("not-a-uuid").has_value());
    BOOST_CHECK_THROW(contributions.Get(created.id), NotFoundError);
}

BACKEND_TEST(every_aggregate_round_trips)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Plus de bancs au square");
    ContactDetails contact;
    contact.contributionId = c.id;
    contact.name = "Nadia Exemple";
    contact.email = "nadia@example.org";
    contact.consentToRecontact = true;
    contact.purgeOn = Date{2024, 12, 31};
    ContactRepository(db).Create(contact);
    const auto contactBack = ContactRepository(db).FindBy("contribution_id", c.id);
    BOOST_REQUIRE(contactBack.has_value());
    BOOST_TEST(contactBack->consentToRecontact);
    BOOST_TEST(contactBack->purgeOn->ToIso() == "2024-12-31");

    Tag tag;
    tag.contributionId = c.id;
    tag.commitmentId = s.commitment.id;
    tag.stance = Stance::Proposal;
    tag.coder = "camille";
    tag.taggedAt = Timestamp::At({2023, 10, 3}, 9);
    TagRepository(db).Create(tag);
    Tag themeOnly = tag;
    themeOnly.id.clear();
    themeOnly.commitmentId.clear();
    themeOnly.themeId = s.theme.id;
    TagRepository(db).Create(themeOnly);
    const auto tags = TagRepository(db).ListBy("contribution_id", c.id);
    BOOST_TEST(tags.size() == 2u);

    Label label;
    label.consultationId = s.consultation.id;
    label.name = "propreté";
    label = LabelRepository(db).Create(label);
    ContributionLabel link;
    link.contributionId = c.id;
    link.labelId = label.id;
    ContributionLabelRepository(db).Create(link);

    Topic topic;
    topic.consultationId = s.consultation.id;
    topic.title = "Vivre ensemble";
    topic = TopicRepository(db).Create(topic);
    TopicLink agora;
    agora.topicId = topic.id;
    agora.meetingId = s.meeting.id;
    agora.outcome = "Trois pistes retenues";
    TopicLinkRepository(db).Create(agora);

    Reorientation point;
    point.consultationId = s.consultation.id;
    point.title = "Plan propreté";
    point.decision = Decision::Adopted;
    point.meetingId = s.meeting.id;
    point = ReorientationRepository(db).Create(point);
    ReorientationLink change;
    change.reorientationId = point.id;
    change.commitmentId = s.commitment.id;
    change.change = ChangeKind::Amended;
    ReorientationLinkRepository(db).Create(change);
    ReorientationNote note;
    note.reorientationId = point.id;
    note.notedOn = Date{2024, 1, 16};
    note.body = "Budget voté";
    ReorientationNoteRepository(db).Create(note);
    const auto links = ReorientationLinkRepository(db).ListBy("reorientation_id", point.id);
    BOOST_REQUIRE(links.size() == 1u);
    BOOST_TEST((links[0].change == ChangeKind::Amended));
    BOOST_TEST(ReorientationNoteRepository(db).ListBy("reorientation_id", point.id)[0].notedOn.ToIso() ==
               "2024-01-16");

    ReportDefinition definition;
    definition.name = "livret";
    definition.body = "title = \"Livret\"";
    ReportDefinitionRepository(db).Create(definition);
    BOOST_TEST(ReportDefinitionRepository(db).FindBy("name", "livret")->body == definition.body);

    SettingRepository settings(db);
    BOOST_TEST(settings.Value("language", "fr") == "fr");
    settings.SetValue("language", "en");
    settings.SetValue("language", "de");
    BOOST_TEST(settings.Value("language") == "de");
    BOOST_TEST(settings.Count() == 1);

    // Deleting a contribution takes its tags, labels and contact details with it.
    ContributionRepository(db).Remove(c.id, 1);
    BOOST_TEST(TagRepository(db).Count() == 0);
    BOOST_TEST(ContactRepository(db).Count() == 0);
    BOOST_TEST(ContributionLabelRepository(db).Count() == 0);
}

BACKEND_TEST(stale_update_is_a_conflict_and_changes_nothing)
{
    Sample s(db);
    CommitmentRepository commitments(db);
    Commitment mine = commitments.Get(s.commitment.id);
    Commitment theirs = commitments.Get(s.commitment.id);
    theirs.title = "Leur titre";
    commitments.Update(theirs);
    mine.title = "Mon titre";
    try {
        commitments.Update(mine);
        BOOST_FAIL("a stale update must throw");
    } catch (const ConflictError& e) {
        BOOST_TEST(e.ExpectedVersion() == 1);
        BOOST_TEST(e.CurrentVersion() == 2);
        BOOST_TEST(e.Table() == "commitment");
        BOOST_TEST(std::string(e.what()).find("a changé") != std::string::npos);
    }
    BOOST_TEST(commitments.Get(s.commitment.id).title == "Leur titre");
    BOOST_CHECK_THROW(commitments.Remove(s.commitment.id, 1), ConflictError);
    BOOST_TEST(commitments.Find(s.commitment.id).has_value());

    // Updating a row someone deleted reports the deletion (current version 0).
    Neighbourhood n = NeighbourhoodRepository(db).Get(s.neighbourhood.id);
    Neighbourhood other;
    other.code = "centre";
    other.name = "Centre-ville";
    other = NeighbourhoodRepository(db).Create(other);
    NeighbourhoodRepository(db).Remove(other.id, 1);
    try {
        NeighbourhoodRepository(db).Update(other);
        BOOST_FAIL("updating a deleted row must throw");
    } catch (const ConflictError& e) {
        BOOST_TEST(e.CurrentVersion() == 0);
    }
    BOOST_TEST(n.version == 1);
}

BACKEND_TEST(constraint_violations_become_sentences)
{
    Sample s(db);
    Channel duplicate;
    duplicate.code = s.channel.code;
    duplicate.name = "Doublon";
    BOOST_CHECK_THROW(ChannelRepository(db).Create(duplicate), ValidationError);
    // A neighbourhood still used by a meeting and contributions cannot be deleted.
    s.AddContribution(db, "Texte");
    BOOST_CHECK_THROW(NeighbourhoodRepository(db).Remove(s.neighbourhood.id, 1), ValidationError);
    BOOST_TEST(NeighbourhoodRepository(db).Find(s.neighbourhood.id).has_value());
    Contribution empty;
    empty.consultationId = s.consultation.id;
    empty.channelId = s.channel.id;
    empty.receivedAt = Timestamp::Now();
    BOOST_CHECK_THROW(ContributionRepository(db).Create(empty), ValidationError); // body is required
    // A failed statement inside a transaction rolls the whole transaction back.
    BOOST_CHECK_THROW(db.InTransaction([&] {
        Channel ok;
        ok.code = "plateforme";
        ok.name = "Plateforme";
        ChannelRepository(db).Create(ok);
        ChannelRepository(db).Create(duplicate);
    }),
                      ValidationError);
    BOOST_TEST(!ChannelRepository(db).FindBy("code", "plateforme").has_value());
}

BACKEND_TEST(keyset_paging_visits_every_row_once_in_order)
{
    Sample s(db);
    db.InTransaction([&] {
        for (int i = 0; i < 250; ++i)
            s.AddContribution(db, "Contribution numéro " + std::to_string(i), Date{2023, 9, 1 + i % 30});
    });
    ContributionRepository contributions(db);
    for (const bool descending : {false, true}) {
        PageRequest request;
        request.sortColumn = "received_at";
        request.descending = descending;
        request.limit = 60;
        std::vector<Contribution> all;
        int pages = 0;
        for (;;) {
            auto page = contributions.Search({}, request);
            ++pages;
            all.insert(all.end(), page.items.begin(), page.items.end());
            if (!page.more)
                break;
            request.afterKey = page.nextKey;
            request.afterId = page.nextId;
        }
        BOOST_TEST(pages == 5);
        BOOST_TEST(all.size() == 250u);
        std::set<std::string> ids;
        for (std::size_t i = 0; i < all.size(); ++i) {
            ids.insert(all[i].id);
            if (i > 0) {
                const auto& a = all[i - 1];
                const auto& b = all[i];
                const bool ordered = descending ? (b.receivedAt < a.receivedAt ||
                                                   (b.receivedAt == a.receivedAt && b.id < a.id))
                                                : (a.receivedAt < b.receivedAt ||
                                                   (a.receivedAt == b.receivedAt && a.id < b.id));
                BOOST_TEST(ordered);
            }
        }
        BOOST_TEST(ids.size() == 250u);
    }
    PageRequest bySeq;
    bySeq.sortColumn = "seq";
    bySeq.limit = 10;
    BOOST_TEST(contributions.Search({}, bySeq).items.front().body == "Contribution numéro 0");
    PageRequest invalid;
    invalid.sortColumn = "body; DROP TABLE contribution";
    BOOST_CHECK_THROW(contributions.Search({}, invalid), ValidationError);
}

BACKEND_TEST(filters_combine)
{
    Sample s(db);
    const auto a = s.AddContribution(db, "Rénover la piscine", {2023, 9, 10});
    auto b = s.AddContribution(db, "Plus de pistes cyclables", {2023, 10, 10});
    s.AddContribution(db, "Des arbres rue Marat", {2023, 11, 10});
    b.isQuote = true;
    b.state = ContributionState::Tagged;
    ContributionRepository(db).Update(b);
    Tag tag;
    tag.contributionId = a.id;
    tag.commitmentId = s.commitment.id;
    tag.stance = Stance::Support;
    tag.taggedAt = Timestamp::Now();
    TagRepository(db).Create(tag);

    ContributionRepository contributions(db);
    ContributionFilter f;
    f.consultationId = s.consultation.id;
    BOOST_TEST(contributions.CountMatching(f) == 3);
    f.tagged = true;
    BOOST_TEST(contributions.CountMatching(f) == 1);
    f.tagged = false;
    BOOST_TEST(contributions.CountMatching(f) == 2);
    f.tagged.reset();
    f.isQuote = true;
    BOOST_TEST(contributions.CountMatching(f) == 1);
    f.isQuote.reset();
    f.from = Date{2023, 10, 1};
    f.to = Date{2023, 10, 10};
    BOOST_TEST(contributions.CountMatching(f) == 1);
    f.from.reset();
    f.to.reset();
    f.commitmentId = s.commitment.id;
    BOOST_TEST(contributions.CountMatching(f) == 1);
    f.commitmentId.clear();
    f.themeId = s.theme.id;
    BOOST_TEST(contributions.CountMatching(f) == 1);
    f.themeId.clear();
    f.state = ContributionState::Tagged;
    BOOST_TEST(contributions.CountMatching(f) == 1);
}

BACKEND_TEST(full_text_ignores_accents_and_endings)
{
    Sample s(db);
    auto school = s.AddContribution(db, "Il faut rénover l'école Einstein avant l'hiver.");
    s.AddContribution(db, "Plus de pistes cyclables rue Marat.");
    s.AddContribution(db, "Les commerces ferment trop tôt.");
    ContributionRepository contributions(db);
    auto search = [&](const std::string& words) {
        ContributionFilter f;
        f.search = words;
        std::vector<std::string> bodies;
        for (const auto& c : contributions.Search(f, {}).items)
            bodies.push_back(c.body);
        return bodies;
    };
    BOOST_TEST(search("ecoles").size() == 1u);
    BOOST_TEST(search("ecoles")[0] == school.body);
    BOOST_TEST(search("ÉCOLE").size() == 1u);
    BOOST_TEST(search("renovation ecole").size() == 1u);
    BOOST_TEST(search("cyclable").size() == 1u);
    BOOST_TEST(search("piscine").empty());
    BOOST_TEST(search("\" OR 1=1 --").empty());
    BOOST_TEST(search("!!!").size() == 3u); // nothing searchable: no filter
    // The index follows edits and deletions.
    school.body = "Il faut une piscine.";
    school = contributions.Update(school);
    BOOST_TEST(search("ecole").empty());
    BOOST_TEST(search("piscines").size() == 1u);
    contributions.Remove(school.id, school.version);
    BOOST_TEST(search("piscine").empty());
}

BACKEND_TEST(status_history_gives_the_status_at_any_date)
{
    Sample s(db);
    CommitmentRepository commitments(db);
    Commitment c = commitments.Get(s.commitment.id);
    c = commitments.ChangeStatus(c, CommitmentStatus::Planned, {2020, 7, 4}, "Inscrit au programme");
    c = commitments.ChangeStatus(c, CommitmentStatus::InProgress, {2022, 3, 1}, "Chantier lancé");
    c = commitments.ChangeStatus(c, CommitmentStatus::Done, {2023, 6, 30}, "Livré");
    BOOST_TEST(c.version == 4);
    BOOST_TEST((commitments.Get(c.id).status == CommitmentStatus::Done));
    const auto history = commitments.History(c.id);
    BOOST_REQUIRE(history.size() == 3u);
    BOOST_TEST(history[1].comment == "Chantier lancé");
    BOOST_TEST(commitments.StatusAt(s.consultation.id, {2020, 1, 1}).empty());
    BOOST_TEST((commitments.StatusAt(s.consultation.id, {2021, 1, 1}).at(c.id) == CommitmentStatus::Planned));
    BOOST_TEST((commitments.StatusAt(s.consultation.id, {2022, 3, 1}).at(c.id) == CommitmentStatus::InProgress));
    BOOST_TEST((commitments.StatusAt(s.consultation.id, {2023, 12, 1}).at(c.id) == CommitmentStatus::Done));
    // A stale status change records nothing.
    Commitment stale = c;
    stale.version = 1;
    BOOST_CHECK_THROW(commitments.ChangeStatus(stale, CommitmentStatus::Dropped, {2024, 1, 1}, ""), ConflictError);
    BOOST_TEST(commitments.History(c.id).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
