#pragma once
// Runs the same test body on every backend, as SOCI's own tests do: BACKEND_TEST(name)
// registers "<suite>/sqlite/name" and "<suite>/postgresql/name", each on a fresh,
// migrated database (a temporary SQLite file; a new database on the throwaway cluster).

#include "db/database.h"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

namespace concerto::test {

/// A new, empty, migrated database on `backend`. PostgreSQL ones live on SharedPgCluster().
std::unique_ptr<Database> FreshDatabase(Backend backend);
/// The location string of a new empty database (not opened yet) on `backend`.
std::string FreshLocation(Backend backend);
/// A private temporary folder for this test process, removed at exit.
std::string TempFolder();

} // namespace concerto::test

#define CONCERTO_BACKEND_CASE(suite, backend, name)                                                                 \
    BOOST_AUTO_TEST_SUITE(suite)                                                                                   \
    BOOST_AUTO_TEST_CASE(name)                                                                                     \
    {                                                                                                              \
        auto db = concerto::test::FreshDatabase(concerto::Backend::backend);                                       \
        name##_body(*db);                                                                                          \
    }                                                                                                              \
    BOOST_AUTO_TEST_SUITE_END()

/// Defines a test body `void name##_body(concerto::Database& db)` run once per backend.
#define BACKEND_TEST(name)                                                                                         \
    static void name##_body(concerto::Database& db);                                                               \
    CONCERTO_BACKEND_CASE(sqlite, Sqlite, name)                                                                    \
    CONCERTO_BACKEND_CASE(postgresql, Postgresql, name)                                                            \
    static void name##_body(concerto::Database& db)
