#pragma once
// The report definitions the Rapports area lists: those shipped with Concerto (read-only,
// embedded in the program) and those stored in the database (report_definition), which
// anyone can edit and which every user of the database shares.

#include "core/model.h"
#include "reports/definition.h"

#include <string>
#include <vector>

namespace concerto {

class Database;

/// One definition in the list.
struct ReportEntry {
    enum class Origin { Shipped, Stored };
    Origin origin = Origin::Shipped;
    std::string name;        ///< "livrable-2024"
    std::string title;       ///< from the definition (the name when it does not parse)
    std::string description; ///< from the definition; may be empty
    std::string text;        ///< the TOML
    ReportDefinition stored; ///< Stored: the row as read (id and version for saving)

    bool IsShipped() const { return origin == Origin::Shipped; }
    /// The file name diagnostics name: "livrable-2024.toml".
    std::string FileName() const { return name + ".toml"; }
    /// A key unique in the list: the origin and the name.
    std::string Key() const { return (IsShipped() ? "shipped:" : "stored:") + name; }
};

/// The shipped definitions, in name order.
std::vector<ReportEntry> ShippedEntries();
/// The stored definitions, in name order (reads the database: call it on a worker).
std::vector<ReportEntry> StoredEntries(Database& db);
/// An entry for a stored row (title and description read from its text).
ReportEntry EntryFor(const ReportDefinition& stored);

/// `text` with its top-level `title = "…"` replaced by `title` (unchanged when it has none).
std::string RetitledDefinition(const std::string& text, const std::string& title);

/// The text of a new, blank definition called `name`: a title, the consultation parameter
/// and one table, valid as it is, to start from.
std::string BlankDefinitionText(const std::string& name);

} // namespace concerto
