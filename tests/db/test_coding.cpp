// The coding actions on one contribution, on both backends, read back with SQL: tags (final
// and blind) with undo/redo, two coders on one contribution, labels created on the fly and
// removed on undo, version-checked edits whose undo meets others' changes, "done" in final and
// sample coding, what the coding view loads, and failures that leave nothing written.

#include "coding_fixture.h"
#include "core/text.h"

#include <map>

using namespace concerto;
using namespace concerto::test;

namespace {

const char* const kNbsp = "\u00A0";

TagSpec Support(const std::string& commitmentId)
{
    return TagSpec{commitmentId, "", Stance::Support};
}

long long TagsOf(Database& db, const std::string& contributionId)
{
    return Scalar(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :c", {{"c", contributionId}});
}

} // namespace

BACKEND_TEST(coding_add_tag_undo_redo)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Les logements du Port sont vétustes.");
    CodingHistory history;
    history.Do(db, MakeAddTag(c.id, Support(s.commitment.id), {"", "alice"}));
    BOOST_TEST(history.UndoDescription() == "soutien à LOG-01 Rénover les logements anciens");
    BOOST_TEST(Scalar(db,
                      "SELECT COUNT(*) FROM tag WHERE contribution_id = :c AND coder = :coder AND stance = 'support' "
                      "AND commitment_id = :m AND theme_id IS NULL",
                      {{"c", c.id}, {"coder", "alice"}, {"m", s.commitment.id}}) == 1);
    const std::string tagId = Text(db, "SELECT id FROM tag WHERE contribution_id = :c", {{"c", c.id}});
    BOOST_TEST(IsUuid(tagId));
    // A tag leaves the contribution as it was: "new" until marked done, same version.
    const Contribution after = ContributionRepository(db).Get(c.id);
    BOOST_TEST(after.version == c.version);
    BOOST_TEST(ToCode(after.state) == "new");

    // The same tag again from the same coder: nothing, and nothing to undo.
    auto duplicate = MakeAddTag(c.id, Support(s.commitment.id), {"", "alice"});
    duplicate->Apply(db);
    BOOST_TEST(!duplicate->ChangedAnything());
    BOOST_TEST(TagsOf(db, c.id) == 1);
    duplicate->Revert(db);
    BOOST_TEST(TagsOf(db, c.id) == 1);

    // Another stance on the same commitment is another tag; a theme-only tag stores its theme.
    history.Do(db, MakeAddTag(c.id, {s.commitment.id, "", Stance::Criticism}, {"", "alice"}));
    history.Do(db, MakeAddTag(c.id, {"", s.theme.id, Stance::Question}, {"", "alice"}));
    BOOST_TEST(history.UndoDescription() == "question sur le thème Logement");
    BOOST_TEST(TagsOf(db, c.id) == 3);
    BOOST_TEST(Scalar(db,
                      "SELECT COUNT(*) FROM tag WHERE contribution_id = :c AND commitment_id IS NULL AND theme_id = :t",
                      {{"c", c.id}, {"t", s.theme.id}}) == 1);

    BOOST_TEST(history.Undo(db) != nullptr);
    BOOST_TEST(history.Undo(db) != nullptr);
    BOOST_TEST(history.Undo(db) != nullptr);
    BOOST_TEST(TagsOf(db, c.id) == 0);
    BOOST_TEST(!history.CanUndo());
    BOOST_TEST(history.RedoDescription() == "soutien à LOG-01 Rénover les logements anciens");
    history.Redo(db);
    BOOST_TEST(TagsOf(db, c.id) == 1);
    BOOST_TEST(Text(db, "SELECT id FROM tag WHERE contribution_id = :c", {{"c", c.id}}) == tagId);
    // A new action drops what could be redone.
    history.Do(db, MakeSetQuote(c.id, true));
    BOOST_TEST(!history.CanRedo());
    BOOST_TEST(history.Undo(db)->Describe() == "citation");
}

BACKEND_TEST(coding_two_coders_keep_their_own_tags)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Rénover les logements anciens, vite.");
    CodingHistory alice, bruno;
    alice.Do(db, MakeAddTag(c.id, Support(s.commitment.id), {"", "alice"}));
    bruno.Do(db, MakeAddTag(c.id, Support(s.commitment.id), {"", "bruno"}));
    BOOST_TEST(TagsOf(db, c.id) == 2);
    alice.Undo(db);
    BOOST_TEST(Texts(db, "SELECT coder FROM tag WHERE contribution_id = :c", {{"c", c.id}}) ==
               std::set<std::string>{"bruno"});
    // Without a coder, the database user codes.
    auto mine = MakeAddTag(c.id, Support(s.commitment.id), {});
    mine->Apply(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :c AND coder = :me",
                      {{"c", c.id}, {"me", db.UserName()}}) == 1);
}

BACKEND_TEST(coding_remove_tag_restores_the_same_row)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Des logements trop chers.");
    CodingHistory history;
    history.Do(db, MakeAddTag(c.id, {s.commitment.id, "", Stance::Observation}, {"", "alice"}));
    const std::string tagId = Text(db, "SELECT id FROM tag WHERE contribution_id = :c", {{"c", c.id}});
    const Tag before = TagRepository(db).Get(tagId);
    history.Do(db, MakeRemoveTag(tagId, {}));
    BOOST_TEST(TagsOf(db, c.id) == 0);
    BOOST_TEST(history.UndoDescription() ==
               std::string("retrait de «") + kNbsp + "constat sur LOG-01 Rénover les logements anciens" + kNbsp + "»");
    history.Undo(db);
    const Tag restored = TagRepository(db).Get(tagId);
    BOOST_TEST(restored.coder == before.coder);
    BOOST_TEST(restored.commitmentId == before.commitmentId);
    BOOST_TEST(ToCode(restored.stance) == ToCode(before.stance));
    BOOST_TEST(restored.taggedAt.seconds == before.taggedAt.seconds);
    BOOST_TEST(restored.createdAt.seconds == before.createdAt.seconds);
    BOOST_TEST(restored.createdBy == before.createdBy);
    history.Undo(db); // the tag itself
    BOOST_TEST(TagsOf(db, c.id) == 0);
    history.Redo(db); // tagged again, under the same id…
    history.Redo(db); // …so that removing it again finds it
    BOOST_TEST(TagsOf(db, c.id) == 0);
    BOOST_TEST(!history.CanRedo());

    auto missing = MakeRemoveTag(NewUuid(), {});
    BOOST_CHECK_THROW(missing->Apply(db), NotFoundError);
}

BACKEND_TEST(coding_labels_created_on_the_fly_and_removed_on_undo)
{
    Sample s(db);
    const Contribution first = s.AddContribution(db, "Plus de pistes pour les vélos.");
    const Contribution second = s.AddContribution(db, "Un garage à vélos à la gare.");
    const Params consultation{{"k", s.consultation.id}};
    CodingHistory history;
    history.Do(db, MakeAddLabel(first.id, "  Vélo\u00A0 "));
    BOOST_TEST(history.UndoDescription() == std::string("étiquette «") + kNbsp + "Vélo" + kNbsp + "»");
    BOOST_TEST(Texts(db, "SELECT name FROM label WHERE consultation_id = :k", consultation) ==
               std::set<std::string>{"Vélo"});
    const std::string labelId = Text(db, "SELECT id FROM label WHERE consultation_id = :k", consultation);
    // Another spelling finds the same label.
    history.Do(db, MakeAddLabel(second.id, "VELO"));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE consultation_id = :k", consultation) == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label WHERE label_id = :l", {{"l", labelId}}) == 2);
    // Undo of the second keeps the label (it did not create it)…
    history.Undo(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label WHERE label_id = :l", {{"l", labelId}}) == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE id = :l", {{"l", labelId}}) == 1);
    // …undo of the first removes the link and the label it created, redo brings back both.
    history.Undo(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE consultation_id = :k", consultation) == 0);
    history.Redo(db);
    BOOST_TEST(Text(db, "SELECT id FROM label WHERE consultation_id = :k", consultation) == labelId);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label WHERE contribution_id = :c", {{"c", first.id}}) ==
               1);

    // A label someone else uses meanwhile survives the undo of its creation.
    history.Redo(db);
    history.Undo(db);
    history.Undo(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE consultation_id = :k", consultation) == 0);
    history.Redo(db);
    auto other = MakeAddLabel(second.id, "vélo");
    other->Apply(db);
    history.Undo(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE id = :l", {{"l", labelId}}) == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label WHERE contribution_id = :c", {{"c", first.id}}) ==
               0);

    // Removing a label from a contribution, and putting it back.
    history.Do(db, MakeRemoveLabel(second.id, labelId));
    BOOST_TEST(history.UndoDescription() == std::string("retrait de l'étiquette «") + kNbsp + "Vélo" + kNbsp + "»");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label WHERE contribution_id = :c", {{"c", second.id}}) ==
               0);
    history.Undo(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label WHERE contribution_id = :c", {{"c", second.id}}) ==
               1);

    // An empty name is refused and writes nothing.
    auto blank = MakeAddLabel(first.id, " \t ");
    BOOST_CHECK_THROW(blank->Apply(db), ValidationError);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE consultation_id = :k", consultation) == 1);
}

BACKEND_TEST(coding_edits_are_version_checked)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Une citation forte sur le logement.");
    CodingHistory history;
    history.Do(db, MakeSetQuote(c.id, true));
    Contribution stored = ContributionRepository(db).Get(c.id);
    BOOST_TEST(stored.isQuote);
    BOOST_TEST(stored.version == c.version + 1);
    history.Do(db, MakeSetState(c.id, ContributionState::Excluded));
    BOOST_TEST(history.UndoDescription() == "exclue (hors sujet)");
    stored = ContributionRepository(db).Get(c.id);
    BOOST_TEST(ToCode(stored.state) == "excluded");
    BOOST_TEST(stored.exclusionReason == kDefaultExclusionReason);
    history.Do(db, MakeSetNote(c.id, "À relire avec l'équipe"));
    BOOST_TEST(ContributionRepository(db).Get(c.id).notes == "À relire avec l'équipe");
    history.Undo(db);
    BOOST_TEST(ContributionRepository(db).Get(c.id).notes.empty());
    history.Undo(db);
    stored = ContributionRepository(db).Get(c.id);
    BOOST_TEST(ToCode(stored.state) == "new");
    BOOST_TEST(stored.exclusionReason.empty());
    BOOST_TEST(stored.isQuote);

    // Someone else changes the contribution: the undo refuses, writes nothing, keeps its place.
    const Contribution theirs = EditElsewhere(db, c.id, "Note d'une collègue");
    BOOST_CHECK_THROW(history.Undo(db), ConflictError);
    stored = ContributionRepository(db).Get(c.id);
    BOOST_TEST(stored.isQuote);
    BOOST_TEST(stored.notes == "Note d'une collègue");
    BOOST_TEST(stored.version == theirs.version);
    BOOST_TEST(history.CanUndo());
    BOOST_TEST(history.UndoDescription() == "citation");
    try {
        history.Undo(db);
    } catch (const ConflictError& e) {
        BOOST_TEST(std::string(e.what()).rfind("Annulation impossible", 0) == 0);
        BOOST_TEST(e.Table() == "contribution");
        BOOST_TEST(e.CurrentVersion() == theirs.version);
    }

    // A redo after an undo meets the same check.
    auto note = MakeSetNote(c.id, "Première note");
    note->Apply(db);
    note->Revert(db);
    EditElsewhere(db, c.id, "Encore une autre note");
    BOOST_CHECK_THROW(note->Apply(db), ConflictError);
    BOOST_TEST(ContributionRepository(db).Get(c.id).notes == "Encore une autre note");

    // Setting what is already there changes nothing, not even the version.
    const int version = ContributionRepository(db).Get(c.id).version;
    auto same = MakeSetQuote(c.id, true);
    same->Apply(db);
    BOOST_TEST(!same->ChangedAnything());
    BOOST_TEST(ContributionRepository(db).Get(c.id).version == version);
    BOOST_CHECK_THROW(MakeSetQuote(NewUuid(), true)->Apply(db), NotFoundError);
}

BACKEND_TEST(coding_note_never_overwrites_a_note_changed_meanwhile)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Plus de bancs place Carnot.");
    // The coder starts from an empty note; a colleague saves theirs first.
    EditElsewhere(db, c.id, "Appeler le comité de quartier");
    const int version = ContributionRepository(db).Get(c.id).version;
    BOOST_CHECK_THROW(MakeSetNote(c.id, "Voir avec la voirie", std::string())->Apply(db), ConflictError);
    BOOST_TEST(ContributionRepository(db).Get(c.id).notes == "Appeler le comité de quartier");
    BOOST_TEST(ContributionRepository(db).Get(c.id).version == version);
    // From the colleague's note, or to the very same text, it goes through.
    MakeSetNote(c.id, "Appeler le comité de quartier", std::string())->Apply(db);
    MakeSetNote(c.id, "Appeler le comité de quartier\n\nVoir avec la voirie", "Appeler le comité de quartier")
        ->Apply(db);
    BOOST_TEST(ContributionRepository(db).Get(c.id).notes == "Appeler le comité de quartier\n\nVoir avec la voirie");
}

BACKEND_TEST(coding_mark_done_final)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Des logements sociaux au Port.");
    CodingHistory history;
    history.Do(db, MakeMarkDone(c.id, {}));
    BOOST_TEST(ToCode(ContributionRepository(db).Get(c.id).state) == "new"); // no tag: not done
    history.Do(db, MakeAddTag(c.id, Support(s.commitment.id), {"", "alice"}));
    BOOST_TEST(!LoadCodingItem(db, c.id, {}).done);
    history.Do(db, MakeMarkDone(c.id, {}));
    BOOST_TEST(ToCode(ContributionRepository(db).Get(c.id).state) == "tagged");
    BOOST_TEST(LoadCodingItem(db, c.id, {}).done);
    history.Undo(db);
    BOOST_TEST(ToCode(ContributionRepository(db).Get(c.id).state) == "new");
    // A contribution to review stays so: "done" moves only new ones.
    history.Do(db, MakeSetState(c.id, ContributionState::ToReview));
    auto done = MakeMarkDone(c.id, {});
    done->Apply(db);
    BOOST_TEST(!done->ChangedAnything());
    BOOST_TEST(ToCode(ContributionRepository(db).Get(c.id).state) == "to_review");
}

BACKEND_TEST(coding_sample_is_blind_and_done_per_coder)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Rénover avant de construire.");
    const Contribution outside = s.AddContribution(db, "Hors de l'échantillon.");
    CodingSample sample;
    sample.consultationId = s.consultation.id;
    sample.name = "Échantillon 1";
    sample.coderA = "alice";
    sample.coderB = "bruno";
    sample = CodingSampleRepository(db).Create(sample);
    SampleItem item;
    item.sampleId = sample.id;
    item.contributionId = c.id;
    item = SampleItemRepository(db).Create(item);
    const CodingTarget alice{sample.id, "alice"}, bruno{sample.id, "bruno"};

    CodingHistory history;
    history.Do(db, MakeAddTag(c.id, Support(s.commitment.id), alice));
    history.Do(db, MakeAddTag(c.id, {s.commitment.id, "", Stance::Criticism}, bruno));
    history.Do(db, MakeAddTag(c.id, {"", s.theme.id, Stance::Proposal}, bruno));
    BOOST_TEST(TagsOf(db, c.id) == 0); // blind tags stay out of the final ones
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM sample_tag WHERE sample_id = :s AND contribution_id = :c",
                      {{"s", sample.id}, {"c", c.id}}) == 3);

    const CodingItem seenByAlice = LoadCodingItem(db, c.id, alice);
    BOOST_TEST(seenByAlice.tags.size() == 1u);
    BOOST_TEST(seenByAlice.tags.at(0).coder == "alice");
    BOOST_TEST(ToCode(seenByAlice.tags.at(0).stance) == "support");
    BOOST_TEST(LoadCodingItem(db, c.id, bruno).tags.size() == 2u);
    BOOST_TEST(LoadCodingItem(db, c.id, {}).tags.empty());

    // Done: each coder's own column, cleared again by the undo.
    history.Do(db, MakeMarkDone(c.id, alice));
    BOOST_TEST(Scalar(db,
                      "SELECT COUNT(*) FROM coding_sample_item WHERE id = :i AND done_by_a IS NOT NULL AND "
                      "done_by_b IS NULL",
                      {{"i", item.id}}) == 1);
    BOOST_TEST(LoadCodingItem(db, c.id, alice).done);
    BOOST_TEST(!LoadCodingItem(db, c.id, bruno).done);
    history.Do(db, MakeMarkDone(c.id, bruno));
    history.Undo(db); // bruno's done…
    history.Undo(db); // …then alice's, although bruno changed the item in between
    BOOST_TEST(Scalar(db,
                      "SELECT COUNT(*) FROM coding_sample_item WHERE id = :i AND done_by_a IS NULL AND "
                      "done_by_b IS NULL",
                      {{"i", item.id}}) == 1);

    // Removing a blind tag, and undoing the removal.
    const std::string aliceTag = seenByAlice.tags.at(0).id;
    history.Do(db, MakeRemoveTag(aliceTag, alice));
    BOOST_TEST(LoadCodingItem(db, c.id, alice).tags.empty());
    history.Undo(db);
    BOOST_TEST(LoadCodingItem(db, c.id, alice).tags.at(0).id == aliceTag);
    BOOST_CHECK_THROW(MakeRemoveTag(aliceTag, bruno)->Apply(db), ValidationError); // not bruno's

    // Only the sample's coders, only on the sample's contributions.
    BOOST_CHECK_THROW(MakeMarkDone(c.id, {sample.id, "chloé"})->Apply(db), ValidationError);
    BOOST_CHECK_THROW(MakeAddTag(c.id, Support(s.commitment.id), {sample.id, "chloé"})->Apply(db), ValidationError);
    BOOST_CHECK_THROW(MakeAddTag(outside.id, Support(s.commitment.id), alice)->Apply(db), ValidationError);
    BOOST_CHECK_THROW(MakeMarkDone(outside.id, alice)->Apply(db), ValidationError);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM sample_tag WHERE contribution_id = :c", {{"c", outside.id}}) == 0);
}

BACKEND_TEST(coding_item_shows_context_tags_and_sorted_labels)
{
    Sample s(db);
    Contribution c;
    c.consultationId = s.consultation.id;
    c.channelId = s.channel.id;
    c.meetingId = s.meeting.id;
    c.neighbourhoodId = s.neighbourhood.id;
    c.cardId = s.card.id;
    c.receivedAt = Timestamp::At({2023, 9, 23}, 10);
    c.profile = "habitant·e";
    c.body = "Les cantines bio, c'est bien.";
    c = ContributionRepository(db).Create(c);
    for (const char* name : {"vélo", "Zoo", "école", "Arbres"})
        MakeAddLabel(c.id, name)->Apply(db);
    MakeAddTag(c.id, Support(s.commitment.id), {"", "alice"})->Apply(db);
    MakeAddTag(c.id, {"", s.theme.id, Stance::Question}, {"", "bruno"})->Apply(db);

    const CodingItem item = LoadCodingItem(db, c.id, {});
    BOOST_TEST(item.contribution.id == c.id);
    BOOST_TEST(item.contribution.body == c.body);
    BOOST_TEST(item.seq > 0);
    BOOST_TEST(item.channel == "Caravane citoyenne");
    BOOST_TEST(item.meeting == "Caravane — marché");
    BOOST_TEST(item.neighbourhood == "Ivry-Port");
    BOOST_TEST(item.card == "Carte logement");
    BOOST_TEST(!item.done);
    std::vector<std::string> names;
    for (const auto& label : item.labels)
        names.push_back(label.name);
    BOOST_TEST(names == (std::vector<std::string>{"Arbres", "école", "vélo", "Zoo"}), boost::test_tools::per_element());
    BOOST_REQUIRE(item.tags.size() == 2u);
    std::map<std::string, CodingTag> byCoder;
    for (const auto& tag : item.tags)
        byCoder[tag.coder] = tag;
    const CodingTag& commitmentTag = byCoder.at("alice");
    BOOST_TEST(commitmentTag.commitmentId == s.commitment.id);
    BOOST_TEST(commitmentTag.commitmentRef == "LOG-01");
    BOOST_TEST(commitmentTag.commitmentTitle == "Rénover les logements anciens");
    BOOST_TEST(commitmentTag.themeId == s.theme.id); // implied by the commitment
    BOOST_TEST(commitmentTag.themeCode == "LOG");
    const CodingTag& themeTag = byCoder.at("bruno");
    BOOST_TEST(themeTag.commitmentId.empty());
    BOOST_TEST(themeTag.commitmentRef.empty());
    BOOST_TEST(themeTag.themeTitle == "Logement");
    BOOST_TEST(ToCode(themeTag.stance) == "question");

    BOOST_CHECK_THROW(LoadCodingItem(db, NewUuid(), {}), NotFoundError);
    BOOST_CHECK_THROW(LoadCodingItem(db, "pas un identifiant", {}), NotFoundError);
}

BACKEND_TEST(coding_failure_leaves_nothing_written)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Des arbres devant l'école.");
    const Params consultation{{"k", s.consultation.id}};

    // The label is created, then the link fails: the label goes with the rollback.
    MakeFail(db, "contribution_label", "INSERT");
    auto label = MakeAddLabel(c.id, "Arbres");
    CodingHistory history;
    BOOST_CHECK_THROW(history.Do(db, std::move(label)), Error);
    BOOST_TEST(!history.CanUndo());
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE consultation_id = :k", consultation) == 0);
    StopFailing(db, "contribution_label");
    // The action object is unchanged by its failure: it can be applied again.
    auto retried = MakeAddLabel(c.id, "Arbres");
    MakeFail(db, "contribution_label", "INSERT");
    BOOST_CHECK_THROW(retried->Apply(db), Error);
    StopFailing(db, "contribution_label");
    retried->Apply(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label WHERE contribution_id = :c", {{"c", c.id}}) == 1);
    retried->Revert(db);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE consultation_id = :k", consultation) == 0);

    // Undo of a removal whose contribution is gone: the foreign key refuses, nothing is written.
    history.Do(db, MakeAddTag(c.id, Support(s.commitment.id), {"", "alice"}));
    const std::string tagId = Text(db, "SELECT id FROM tag WHERE contribution_id = :c", {{"c", c.id}});
    history.Do(db, MakeRemoveTag(tagId, {}));
    ContributionRepository(db).Remove(c.id, ContributionRepository(db).Get(c.id).version);
    BOOST_CHECK_THROW(history.Undo(db), Error);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE id = :t", {{"t", tagId}}) == 0);
    BOOST_TEST(history.CanUndo());

    // A tag for a commitment or a theme that does not exist.
    const Contribution other = s.AddContribution(db, "Encore une contribution.");
    BOOST_CHECK_THROW(MakeAddTag(other.id, Support(NewUuid()), {})->Apply(db), NotFoundError);
    BOOST_CHECK_THROW(MakeAddTag(other.id, TagSpec{}, {})->Apply(db), ValidationError);
    BOOST_TEST(TagsOf(db, other.id) == 0);
}
