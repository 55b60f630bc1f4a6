#pragma once
// Internal to report_queries.cpp: the fixed catalogue of report datasets as SQL — for each
// dataset its FROM clause with every (to-one) join, and for each field the expressions that
// give its value, its key, its sort order and what a range filter compares. Tokens in
// expressions are replaced by fresh bound placeholders: {CONSULTATION} (the consultation id),
// {AT} (the status date), {AT_END} (the last instant of that date).

#include "db/dialect.h"
#include "db/report_queries.h"

#include <string>
#include <vector>

namespace concerto::reportdb::detail {

struct FieldSql {
    FieldSpec spec;
    std::string value;           ///< the value (a Dimension: its label)
    std::string key;             ///< Dimension: the id or code, as text
    std::string order;           ///< sort expression; empty: value
    std::string range;           ///< what Range filters compare; empty: value
    bool rangeIsInstant = false; ///< range compares a timestamp against whole days
};

struct DatasetSql {
    std::string name;
    std::string from;         ///< "FROM contribution c JOIN channel ch ON …"
    std::string consultation; ///< the column holding the consultation id; empty: reference data
    std::string state;        ///< the contribution state column (excluded rows left out by default)
    std::string defaultOrder; ///< the order of a listing
    std::vector<FieldSql> fields;

    const FieldSql* Find(const std::string& field) const;
};

/// The catalogue for `backend`; with `statusAt`, the status fields of commitments read the
/// history at {AT} instead of the current status.
const std::vector<DatasetSql>& Catalogue(Backend backend, bool statusAt);

/// French labels of an enumeration dimension, code → label, in natural order.
const std::vector<std::pair<std::string, std::string>>& EnumMembers(const std::string& dimension);

} // namespace concerto::reportdb::detail
