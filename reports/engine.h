#pragma once
// The report engine: a validated Definition, parameter values and a database become a
// report::Document (reports/document.h) that the PDF and XLSX writers render. Everything the
// database holds is read here, through db/report_queries.h; the writers never query.
//
// Listing tables (table sections without measures) are streamed: their TableBlock::stream
// reads the database when a writer pulls the rows, in constant memory, and may be pulled more
// than once. So keep `db` open, on the same thread, until the document has been written.

#include "core/progress.h"
#include "db/database.h"
#include "reports/definition.h"
#include "reports/document.h"

#include <map>
#include <string>
#include <vector>

namespace concerto::report {

/// Parameter values as the user typed them (`--param name=value`, or the form): name → text.
/// Missing names take the parameter's default. Lists are comma-separated ("centre,port").
struct ParameterValues {
    std::map<std::string, std::string> values;
    /// "pdf" or "xlsx": sections restricted to other formats (Section::formats) are left out.
    /// Empty: every section is kept.
    std::string format;

    void Set(const std::string& name, const std::string& value) { values[name] = value; }
    /// The value given for `name`, or nullptr.
    const std::string* Find(const std::string& name) const;
    /// Parses "name=value" (as after --param); false when there is no '=' or no name.
    bool SetFromAssignment(const std::string& assignment);
};

/// A parameter as the form shows it.
struct ParameterInfo {
    std::string name, label, description;
    ParameterType type = ParameterType::Text;
    std::string defaultValue; ///< as text (the form pre-fills it)
    bool multiple = false;    ///< several values (a checklist)
    bool required = false;
    bool hasChoices = false; ///< the value is picked from ParameterChoices()
};

/// The parameters of `def` the form must ask for, in order (the implicit consultation first).
std::vector<ParameterInfo> DescribeParameters(const Definition& def);

/// One value a parameter can take: `value` is what to put in ParameterValues, `label` what to show.
struct Choice {
    std::string value, label;
};

/// The values `parameterName` can take in `db` (consultations; neighbourhoods, channels; themes,
/// commitments and meetings of `consultationId`, or of the latest consultation when empty; the
/// statuses; a Choice parameter's own choices). Empty for free parameters (text, date…).
/// Throws NotFoundError for an unknown parameter name.
std::vector<Choice> ParameterChoices(Database& db, const Definition& def, const std::string& parameterName,
                                     const std::string& consultationId = {});

/// Checks `values` against `def` and the database without building anything: ValidationError
/// naming the parameter ("Paramètre « quartiers » : quartier inconnu « xyz »…") on the first
/// bad value. The form calls it before running.
void CheckParameterValues(Database& db, const Definition& def, const ParameterValues& values);

/// Builds the document. Throws ValidationError naming the parameter for a bad value, or naming
/// the section for a problem only the data reveals; CancelledError when `progress` asks to stop.
Document BuildDocument(Database& db, const Definition& def, const ParameterValues& values,
                       Progress* progress = nullptr);

} // namespace concerto::report
