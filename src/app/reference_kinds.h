#pragma once
// The kinds of reference data the "Reference data" area edits — neighbourhoods, channels,
// thematic cards, themes, consultations — each described once: its words, its columns, the
// fields of its dialog, and how its rows are read, saved, deleted and put in order.

#include "db/database.h"
#include "dialogs/reference_item_dialog.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace concerto {

/// One row of a reference list: its identity, version and position, and its values by key
/// (the dialog's field keys, plus display-only ones such as a card's theme title).
struct ReferenceRow {
    std::string id;
    int version = 0;
    int position = 0;
    std::string updatedBy; ///< who saved it last (named when a save meets a conflict)
    ReferenceValues values;
};

/// What a kind's list loads in one worker job.
struct ReferenceList {
    std::vector<ReferenceRow> rows;                          ///< in display order
    std::vector<std::pair<std::string, std::string>> themes; ///< id and "code — title", for cards
};

/// One kind of reference data. Stateless: Load() may run on the worker thread while the UI
/// thread uses the same object.
class ReferenceKind {
public:
    /// A column of the list: its header, the value key it shows, its width in DIPs.
    struct Column {
        wxString label;
        std::string key;
        int width;
    };

    virtual ~ReferenceKind() = default;
    /// The kind as listed on the left ("Neighbourhoods").
    virtual wxString Name() const = 0;
    /// One sentence under the heading: what these are and whom they belong to.
    virtual wxString Explanation() const = 0;
    /// Dialog titles.
    virtual wxString NewTitle() const = 0;
    virtual wxString EditTitle() const = 0;
    /// What the list says while it has no row.
    virtual wxString EmptyText() const = 0;
    /// The question asked before deleting `name`.
    virtual wxString DeleteQuestion(const wxString& name) const = 0;
    /// The table, for NotifyChanged().
    virtual std::string Table() const = 0;
    /// True when rows belong to the current consultation (themes, cards).
    virtual bool PerConsultation() const = 0;
    /// True when the rows have a position the user orders (Move up / Move down).
    virtual bool Ordered() const = 0;
    /// False when rows cannot be deleted from this view.
    virtual bool Deletable() const { return true; }
    /// False when rows are not created from this view.
    virtual bool Creatable() const { return true; }
    virtual std::vector<Column> Columns() const = 0;
    /// The dialog's fields; `list` gives the choices (a card's theme).
    virtual std::vector<ReferenceField> Fields(const ReferenceList& list) const = 0;
    /// What a cell shows (dates in JJ/MM/AAAA).
    virtual wxString Cell(const ReferenceRow& row, const std::string& key) const;
    /// How messages name a row (its name or title).
    virtual wxString RowName(const ReferenceRow& row) const = 0;
    /// Checks beyond required fields: a message naming the field and the field's key, or nullopt.
    virtual std::optional<std::pair<wxString, std::string>> Check(const ReferenceValues&) const { return std::nullopt; }

    /// Reads the rows (and choices) of this kind; `consultationId` scopes per-consultation kinds.
    virtual ReferenceList Load(Database& db, const std::string& consultationId) const = 0;
    /// Creates a row (`row` null, at `position`) or saves `values` over `row`, version-checked
    /// (ConflictError when it changed or went meanwhile). Returns the row's id.
    virtual std::string Save(Database& db, const std::string& consultationId, const ReferenceRow* row,
                             const ReferenceValues& values, int position) const = 0;
    /// Deletes `row`, version-checked; ValidationError when other data still refers to it.
    virtual void Remove(Database& db, const ReferenceRow& row) const = 0;
    /// Gives `rows` the positions 1, 2, 3… in this order, in one transaction, version-checked.
    virtual void Reorder(Database& db, const std::vector<ReferenceRow>& rows) const = 0;
    /// The row as stored now, or nullopt when it was deleted.
    virtual std::optional<ReferenceRow> Stored(Database& db, const std::string& id) const = 0;
};

/// The kinds, in the order of the list: neighbourhoods, channels, cards, themes, consultations.
std::vector<std::unique_ptr<ReferenceKind>> MakeReferenceKinds();

} // namespace concerto
