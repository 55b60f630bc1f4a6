#pragma once
// The dataset catalogue: what a report definition can read from the database, as named
// datasets with typed, documented fields (never raw SQL). Used by the parser (to check names
// and types), the engine (to build queries through db/report_queries.h), the documentation
// and the definition editor's completion.

#include <string>
#include <vector>

namespace concerto::report {

/// The type of a field's values.
enum class FieldType {
    Text,
    Integer,
    Decimal,
    Date,
    DateTime,
    Boolean,
    Dimension ///< a reference (neighbourhood, channel…) or an enumeration (stance, status…):
              ///< shown by its label, sorted in its natural order, filtered by code, name or id
};

/// The definition-file / documentation spelling of a type ("texte", "entier"…).
const char* ToName(FieldType type);

/// One field of a dataset.
struct FieldInfo {
    std::string name;        ///< as written in definitions: "neighbourhood"
    std::string label;       ///< French column title: "Quartier"
    std::string description; ///< one French sentence for the docs and the editor
    FieldType type = FieldType::Text;
    std::string dimension; ///< for Dimension fields: "neighbourhood", "channel", "theme",
                           ///< "commitment", "meeting", "stance", "status", "state"…
};

/// One dataset.
struct DatasetInfo {
    std::string name;        ///< "contributions"
    std::string label;       ///< "Contributions"
    std::string description; ///< what one row is, in French
    std::string countLabel;  ///< title of the default "count" measure: "Contributions", "Codages"…
    std::vector<FieldInfo> fields;

    /// The field called `name`, or nullptr.
    const FieldInfo* FindField(const std::string& name) const;
};

/// Every dataset, in documentation order.
const std::vector<DatasetInfo>& Datasets();
/// The dataset called `name`, or nullptr.
const DatasetInfo* FindDataset(const std::string& name);

/// The items a `repeat` section can go over ("neighbourhoods", "channels", "themes",
/// "commitments", "meetings", "topics", "reorientations"), each with the dataset that lists them.
struct RepeatSource {
    std::string over;      ///< "neighbourhoods"
    std::string dataset;   ///< the dataset listing the items ("neighbourhoods")
    std::string dimension; ///< the dimension of the bound parameter ("neighbourhood")
};
const std::vector<RepeatSource>& RepeatSources();
const RepeatSource* FindRepeatSource(const std::string& over);

/// The closest name to `word` among `candidates` (for "did you mean"), or empty when none is close.
std::string ClosestName(const std::string& word, const std::vector<std::string>& candidates);

} // namespace concerto::report
