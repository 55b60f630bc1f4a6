#pragma once
// Helpers of the coding tests (test_coding.cpp, test_coding_bulk.cpp): reading the database back
// with plain SQL, and a trigger that makes writes to one table fail on either backend.

#include "db/coding.h"
#include "sample.h"
#include "support/backends.h"

#include <set>
#include <string>

namespace concerto::test {

/// The integer the query returns (its first column of its first row).
inline long long Scalar(Database& db, const std::string& sql, const Params& params = {})
{
    long long value = 0;
    QueryRows(db, sql, params, [&](const soci::row& row) { value = Cell::Integer(row, 0); });
    return value;
}

/// The text the query returns (first column, first row), empty when no row.
inline std::string Text(Database& db, const std::string& sql, const Params& params = {})
{
    std::string value;
    QueryRows(db, sql, params, [&](const soci::row& row) { value = Cell::Text(row, 0); });
    return value;
}

/// The first column of every row, as a set.
inline std::set<std::string> Texts(Database& db, const std::string& sql, const Params& params = {})
{
    std::set<std::string> values;
    QueryRows(db, sql, params, [&](const soci::row& row) { values.insert(Cell::Text(row, 0)); });
    return values;
}

/// From now on, every `operation` ("INSERT", "UPDATE") on `table` fails with a database error.
inline void MakeFail(Database& db, const std::string& table, const std::string& operation)
{
    if (db.GetBackend() == Backend::Sqlite) {
        db.Session() << "CREATE TRIGGER test_fail_" + table + " BEFORE " + operation + " ON " + table +
                            " BEGIN SELECT RAISE(ABORT, 'test failure'); END";
    } else {
        db.Session() << "CREATE OR REPLACE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS "
                        "$$ BEGIN RAISE EXCEPTION 'test failure'; END $$";
        db.Session() << "CREATE TRIGGER test_fail_" + table + " BEFORE " + operation + " ON " + table +
                            " FOR EACH ROW EXECUTE FUNCTION test_fail()";
    }
}

/// Undoes MakeFail.
inline void StopFailing(Database& db, const std::string& table)
{
    if (db.GetBackend() == Backend::Sqlite)
        db.Session() << "DROP TRIGGER test_fail_" + table;
    else
        db.Session() << "DROP TRIGGER test_fail_" + table + " ON " + table;
}

/// Changes the contribution's note through the repository, as another person would.
inline Contribution EditElsewhere(Database& db, const std::string& contributionId, const std::string& notes)
{
    auto c = ContributionRepository(db).Get(contributionId);
    c.notes = notes;
    return ContributionRepository(db).Update(c);
}

} // namespace concerto::test
