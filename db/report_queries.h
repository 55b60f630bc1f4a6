#pragma once
// The SQL behind report datasets: a small query builder over a fixed catalogue of datasets,
// columns and joins (reports/datasets.h documents the same names for definition authors).
// A query names a dataset, the fields to read, optional aggregates (then the fields are the
// grouping), filters and a sort; the builder turns it into one statement with bound
// parameters only — no text from a definition or a user ever becomes SQL. Works the same on
// SQLite and PostgreSQL; Stream() reads rows through a server-side cursor on PostgreSQL and
// a stepping statement on SQLite, so a million rows pass in constant memory.

#include "core/datetime.h"
#include "db/database.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace concerto::reportdb {

/// How a field's values come back.
enum class ValueKind { Text, Integer, Decimal, Date, DateTime, Boolean, Dimension };

/// A field as the query builder knows it.
struct FieldSpec {
    std::string name;
    ValueKind kind = ValueKind::Text;
    std::string dimension; ///< Dimension fields: "neighbourhood", "stance"…
};

/// The datasets the builder serves, in catalogue order.
const std::vector<std::string>& DatasetNames();
/// The fields of `dataset` (empty for an unknown dataset).
std::vector<FieldSpec> Fields(const std::string& dataset);

enum class Aggregate { None, Count, Distinct, Sum, Average, Min, Max };

/// One column of the result: a field, or an aggregate (Count needs no field).
struct QueryColumn {
    std::string field;
    Aggregate aggregate = Aggregate::None;
};

/// A condition on a field. Dimension fields compare their key: an id for references, a code
/// ("support", "done") for enumerations. Values are bound, never spliced.
struct FieldFilter {
    std::string field;
    enum class Op {
        In,       ///< field's key (or value) is one of `values`; an empty list matches everything
        NotIn,    ///< none of `values`
        Range,    ///< from ≤ value ≤ to (inclusive, days for dates); an empty bound is open
        MinLength ///< the text is at least `length` characters long
    } op = Op::In;
    std::vector<std::string> values;
    std::string from, to;
    int length = 0;
};

/// A sort on a result column (index into DatasetQuery::columns).
struct SortColumn {
    std::size_t column = 0;
    bool descending = false;
};

struct DatasetQuery {
    std::string dataset;
    std::string consultationId;       ///< rows of this consultation (reference datasets: counts in it)
    std::vector<QueryColumn> columns; ///< with any aggregate, the field columns are the grouping
    std::vector<FieldFilter> filters;
    std::vector<SortColumn> sort; ///< empty: the natural order of the field columns
    long long limit = 0;          ///< 0: no limit
    bool includeExcluded = false; ///< keep contributions in state "excluded"
    std::optional<Date> statusAt; ///< commitments: status fields as on that day (else: current)
    /// With a field: at most `perGroupLimit` rows for each value of `perGroupField` (after sort).
    std::string perGroupField;
    long long perGroupLimit = 0;
};

/// One cell of a result.
struct QueryValue {
    bool null = true;
    std::string text;      ///< Text, Dimension (its label), Date/DateTime (ISO form)
    std::string key;       ///< Dimension: the id or code
    long long integer = 0; ///< Integer, Boolean, Count/Distinct aggregates
    double real = 0;       ///< Decimal, Sum/Average aggregates (also set for integers)
    Date date;
    Timestamp instant;
};

using QueryRow = std::vector<QueryValue>;

/// The kind of value a result column holds (aggregates: Integer for counts, Decimal for
/// averages, the field's kind for min/max, Integer or Decimal for sums).
ValueKind ColumnKind(const DatasetQuery& query, std::size_t column);

/// Runs the query, calling `onRow` for each row. Throws ValidationError for an unknown dataset
/// or field (the parser prevents both), Error from the database.
void Run(Database& db, const DatasetQuery& query, const std::function<void(const QueryRow&)>& onRow);

/// The same in constant memory (a cursor fetched in pages on PostgreSQL), for exports.
void Stream(Database& db, const DatasetQuery& query, const std::function<void(const QueryRow&)>& onRow);

/// One member of a dimension, in its natural order.
struct Member {
    std::string key;   ///< id or code
    std::string label; ///< French label
    std::string code;  ///< code/ref (references), code (enumerations)
};

/// Every member of `dimension` ("neighbourhood", "channel", "theme", "commitment", "meeting",
/// "topic", "label", "reorientation", "consultation", and the enumerations "stance", "status", "state",
/// "meeting_kind", "decision", "origin", "change"), for `consultationId` when the dimension
/// belongs to a consultation. Throws ValidationError for an unknown dimension.
std::vector<Member> Members(Database& db, const std::string& dimension, const std::string& consultationId);

/// The members of an enumeration dimension ("stance", "status", "state", "meeting_kind",
/// "decision", "origin", "change"), code and French label; empty for any other dimension.
std::vector<Member> EnumerationMembers(const std::string& dimension);

/// The most recent consultation's id (latest start date, then latest created), or empty.
std::string LatestConsultation(Database& db);

} // namespace concerto::reportdb
