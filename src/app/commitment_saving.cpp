// The saves of the commitments view: a commitment (new or edited) and a status change, each
// version-checked, with the user's choice on a conflict (never a silent overwrite).

#include "app/commitment_detail.h"
#include "app/commitment_panel.h"
#include "app/commitment_tree_model.h"
#include "core/errors.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"

#include <wx/intl.h>

namespace concerto {

namespace {

wxString Utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

wxString OriginLabel(const std::string& origin)
{
    return origin == "restitution" ? _("Born at the restitution evening") : _("Municipal programme");
}

wxString ThemeLabel(const CommitmentTreeModel& model, const std::string& themeId)
{
    for (const Theme& theme : model.Themes())
        if (theme.id == themeId)
            return Utf8(theme.code) + L" \u2014 " + Utf8(theme.title);
    return wxString();
}

/// Both versions of a commitment, field by field, for AskConflict.
std::vector<FieldVersions> Versions(const CommitmentTreeModel& model, const Commitment& mine,
                                    const std::optional<Commitment>& theirs)
{
    const Commitment none;
    const Commitment& other = theirs ? *theirs : none;
    return {
        {_("Theme"), ThemeLabel(model, mine.themeId), theirs ? ThemeLabel(model, other.themeId) : wxString()},
        {_("Reference"), Utf8(mine.ref), Utf8(other.ref)},
        {_("Title"), Utf8(mine.title), Utf8(other.title)},
        {_("Description"), Utf8(mine.description), Utf8(other.description)},
        {_("Status"), CommitmentStatusLabel(mine.status), theirs ? CommitmentStatusLabel(other.status) : wxString()},
        {_("Origin"), OriginLabel(mine.origin), theirs ? OriginLabel(other.origin) : wxString()},
    };
}

/// Names the field when the database refused a reference already used in the consultation.
void Explain(const ValidationError& error, SaveOutcome& outcome)
{
    const std::string& detail = error.Detail();
    outcome.onReference = detail.find("ref") != std::string::npos &&
                          (detail.find("UNIQUE") != std::string::npos || detail.find("unique") != std::string::npos);
    wxString sentence = Utf8(error.what());
    if (outcome.onReference && !sentence.empty()) {
        sentence[0] = wxTolower(sentence[0]); // continued after "Réf. :"
        sentence = wxString::Format(_("%s: %s"), _("Reference"), sentence);
    }
    outcome.error = sentence;
}

/// Creates `commitment` with the first entry of its status history, dated today.
Commitment CreateWithHistory(Database& db, Commitment commitment)
{
    db.InTransaction([&] {
        commitment = CommitmentRepository(db).Create(commitment);
        StatusChange first;
        first.commitmentId = commitment.id;
        first.status = commitment.status;
        first.effectiveOn = LocalToday();
        first.comment = _("Commitment created").utf8_string();
        StatusChangeRepository(db).Create(first);
    });
    return commitment;
}

} // namespace

SaveOutcome CommitmentsPanel::SaveCommitment(const Commitment* original, const CommitmentValues& values,
                                             wxWindow* parent)
{
    SaveOutcome outcome;
    Commitment mine = original ? *original : Commitment();
    mine.themeId = values.themeId;
    mine.ref = values.ref;
    mine.title = values.title;
    mine.description = values.description;
    mine.origin = values.origin;
    try {
        if (original) {
            if (!UpdateResolvingConflicts(mine, values.status, parent, outcome))
                return outcome;
        } else {
            mine.consultationId = m_context.ConsultationId();
            mine.status = values.status;
            int last = 0; // placed after every other one, so that it shows at the end of its theme
            for (const Commitment& other : m_model->Commitments())
                last = std::max(last, other.position);
            mine.position = last + 1;
            mine = CreateWithHistory(m_context.Db(), mine);
        }
    } catch (const ValidationError& error) {
        Explain(error, outcome);
        return outcome;
    } catch (const Error& error) {
        outcome.error = Utf8(error.what());
        return outcome;
    }
    outcome.saved = outcome.closeDialog = true;
    m_selectAfterLoad = mine.id;
    m_context.NotifyChanged("commitment");
    return outcome;
}

bool CommitmentsPanel::UpdateResolvingConflicts(Commitment& mine, CommitmentStatus status, wxWindow* parent,
                                                SaveOutcome& outcome)
{
    Database& db = m_context.Db();
    CommitmentRepository commitments(db);
    for (;;) {
        try {
            // The other fields first, then a new status through ChangeStatus, into the history.
            db.InTransaction([&] {
                Commitment saved = commitments.Update(mine);
                if (status != saved.status)
                    saved = commitments.ChangeStatus(saved, status, LocalToday(), std::string());
                mine = saved;
            });
            return true;
        } catch (const ConflictError&) {
            const std::optional<Commitment> theirs = commitments.Find(mine.id);
            Commitment shown = mine;
            shown.status = status;
            const wxString what = wxString::Format(_("The commitment %s"), Utf8(mine.ref));
            switch (AskConflict(parent, what, Versions(*m_model, shown, theirs), !theirs,
                                theirs ? Utf8(theirs->updatedBy) : wxString())) {
            case ConflictChoice::KeepMine:
                if (!theirs) { // deleted meanwhile: recreated as this user sees it, under the same id
                    shown.version = 0;
                    mine = CreateWithHistory(db, shown);
                    return true;
                }
                mine.version = theirs->version;
                mine.status = theirs->status;
                continue;
            case ConflictChoice::TakeTheirs:
                outcome.closeDialog = true;
                m_selectAfterLoad = mine.id;
                Reload();
                return false;
            case ConflictChoice::Cancel:
                return false;
            }
            return false;
        }
    }
}

SaveOutcome CommitmentsPanel::ChangeStatus(const Commitment& original, const StatusChangeValues& values,
                                           wxWindow* parent)
{
    SaveOutcome outcome;
    CommitmentRepository commitments(m_context.Db());
    Commitment base = original;
    try {
        for (;;) {
            try {
                base = commitments.ChangeStatus(base, values.status, values.effectiveOn, values.comment);
                break;
            } catch (const ConflictError&) {
                const std::optional<Commitment> theirs = commitments.Find(base.id);
                if (!theirs) {
                    outcome.error = _("Nothing was recorded: this commitment was deleted by someone else meanwhile.");
                    Reload();
                    return outcome;
                }
                Commitment mine = base;
                mine.status = values.status;
                const wxString what = wxString::Format(_("The commitment %s"), Utf8(base.ref));
                switch (AskConflict(parent, what, Versions(*m_model, mine, theirs), false, Utf8(theirs->updatedBy))) {
                case ConflictChoice::KeepMine: // the change goes on top of theirs: the history keeps both
                    base = *theirs;
                    continue;
                case ConflictChoice::TakeTheirs:
                    outcome.closeDialog = true;
                    m_selectAfterLoad = base.id;
                    Reload();
                    return outcome;
                case ConflictChoice::Cancel:
                    return outcome;
                }
            }
        }
    } catch (const Error& error) {
        outcome.error = Utf8(error.what());
        return outcome;
    }
    outcome.saved = outcome.closeDialog = true;
    m_selectAfterLoad = base.id;
    m_context.NotifyChanged("commitment");
    return outcome;
}

} // namespace concerto
