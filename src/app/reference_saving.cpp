// The writes of the reference data view: save (version-checked, the user's choice on a
// conflict), delete (the database refuses what is still used) and reorder.

#include "app/reference_panel.h"
#include "core/errors.h"

#include <wx/intl.h>

namespace concerto {

namespace {

wxString Utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

/// A database sentence continued after a colon: "Cet élément…" becomes "cet élément…".
wxString Continued(const char* sentence)
{
    wxString text = Utf8(sentence);
    if (!text.empty())
        text[0] = wxTolower(text[0]);
    return text;
}

bool IsUniqueViolation(const Error& error)
{
    const std::string& detail = error.Detail();
    return detail.find("UNIQUE") != std::string::npos || detail.find("unique") != std::string::npos;
}

/// What a field's value looks like to the user (a choice's label, a date as JJ/MM/AAAA).
wxString Shown(const ReferenceField& field, const std::string& value)
{
    if (field.kind == ReferenceField::Kind::Choice) {
        for (const auto& [choice, label] : field.choices)
            if (choice == value)
                return label;
        return wxString();
    }
    if (field.kind == ReferenceField::Kind::Date) {
        const auto day = Date::Parse(value);
        return day ? wxString::Format("%02d/%02d/%04d", day->day, day->month, day->year) : wxString();
    }
    return Utf8(value);
}

} // namespace

std::vector<FieldVersions> ReferenceDataPanel::Versions(const ReferenceValues& mine,
                                                        const std::optional<ReferenceRow>& theirs) const
{
    std::vector<FieldVersions> fields;
    for (const ReferenceField& field : Kind().Fields(m_data)) {
        auto value = [&field](const ReferenceValues& values) {
            auto found = values.find(field.key);
            return found == values.end() ? std::string() : found->second;
        };
        fields.push_back({field.label, Shown(field, value(mine)), theirs ? Shown(field, value(theirs->values)) : ""});
    }
    return fields;
}

ReferenceSaveOutcome ReferenceDataPanel::SaveRow(const ReferenceRow* row, const ReferenceValues& values,
                                                 wxWindow* parent)
{
    ReferenceSaveOutcome outcome;
    const ReferenceKind& kind = Kind();
    if (auto problem = kind.Check(values)) {
        outcome.error = problem->first;
        outcome.field = problem->second;
        return outcome;
    }
    if (kind.PerConsultation() && m_context.ConsultationId().empty()) {
        outcome.error = _("No consultation is open: open or create one first.");
        return outcome;
    }
    int position = 0; // a new row goes last
    for (const ReferenceRow& existing : m_data.rows)
        position = std::max(position, existing.position);
    ++position;

    std::optional<ReferenceRow> base = row ? std::optional<ReferenceRow>(*row) : std::nullopt;
    std::string id;
    try {
        for (;;) {
            try {
                id = kind.Save(m_context.Db(), m_context.ConsultationId(), base ? &*base : nullptr, values, position);
                break;
            } catch (const ConflictError&) {
                const auto theirs = kind.Stored(m_context.Db(), base->id);
                const wxString what = wxString::Format(L"\u201C%s\u201D", kind.RowName(*base));
                switch (AskConflict(parent, what, Versions(values, theirs), !theirs,
                                    theirs ? Utf8(theirs->updatedBy) : wxString())) {
                case ConflictChoice::KeepMine:
                    if (theirs)
                        base->version = theirs->version;
                    else
                        base.reset(); // deleted meanwhile: created again from this user's values
                    continue;
                case ConflictChoice::TakeTheirs:
                    outcome.closeDialog = true;
                    Reload();
                    return outcome;
                case ConflictChoice::Cancel:
                    return outcome;
                }
            }
        }
    } catch (const ValidationError& error) {
        if (IsUniqueViolation(error)) {
            outcome.field = "code";
            outcome.error = wxString::Format(_("%s: %s"), _("Code"), Continued(error.what()));
        } else {
            outcome.error = Utf8(error.what());
        }
        return outcome;
    } catch (const Error& error) {
        outcome.error = Utf8(error.what());
        return outcome;
    }
    outcome.saved = outcome.closeDialog = true;
    HideMessage();
    m_selectAfterLoad = id;
    m_context.NotifyChanged(kind.Table());
    return outcome;
}

bool ReferenceDataPanel::DeleteRow(int index)
{
    if (index < 0 || index >= static_cast<int>(m_data.rows.size()) || !Kind().Deletable())
        return false;
    const ReferenceKind& kind = Kind();
    const ReferenceRow row = m_data.rows[index];
    const wxString name = kind.RowName(row);
    try {
        kind.Remove(m_context.Db(), row);
    } catch (const ConflictError&) {
        ShowMessage(wxString::Format(_("“%s” was changed or deleted by someone else meanwhile: nothing was deleted. "
                                       "The list now shows the current data."),
                                     name));
        Reload();
        return false;
    } catch (const Error& error) {
        ShowMessage(wxString::Format(_("“%s” could not be deleted: %s"), name, Continued(error.what())));
        return false;
    }
    HideMessage();
    // The neighbour takes the selection, so that several deletions follow each other.
    if (index + 1 < static_cast<int>(m_data.rows.size()))
        m_selectAfterLoad = m_data.rows[index + 1].id;
    else if (index > 0)
        m_selectAfterLoad = m_data.rows[index - 1].id;
    m_context.NotifyChanged(kind.Table());
    return true;
}

bool ReferenceDataPanel::MoveRow(int index, int delta)
{
    const int target = index + delta;
    const int count = static_cast<int>(m_data.rows.size());
    if (!Kind().Ordered() || index < 0 || index >= count || target < 0 || target >= count)
        return false;
    std::vector<ReferenceRow> order = m_data.rows;
    std::swap(order[index], order[target]);
    try {
        Kind().Reorder(m_context.Db(), order);
    } catch (const ConflictError&) {
        ShowMessage(_("Someone else changed this list meanwhile: nothing was moved. The list now shows the current "
                      "order."));
        Reload();
        return false;
    } catch (const Error& error) {
        ShowMessage(Utf8(error.what()));
        return false;
    }
    HideMessage();
    m_selectAfterLoad = order[target].id;
    m_context.NotifyChanged(Kind().Table());
    return true;
}

} // namespace concerto
