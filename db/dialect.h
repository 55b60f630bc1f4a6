#pragma once
// What differs between SQLite and PostgreSQL, behind one interface, so that repositories
// never test which backend they run on.

#include <memory>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace concerto {

/// The database engines Concerto runs on.
enum class Backend { Sqlite, Postgresql };

/// One numbered schema migration.
struct Migration {
    int version;
    std::string name;
    std::string sql;
};

/// Backend-specific behaviour. One instance per backend, stateless, shared.
class Dialect {
public:
    virtual ~Dialect() = default;
    virtual Backend Kind() const = 0;
    /// "SQLite" or "PostgreSQL", for messages.
    virtual const char* DisplayName() const = 0;
    /// The migrations of this dialect, ordered by version.
    virtual const std::vector<Migration>& Migrations() const = 0;
    /// Session settings applied right after connecting (pragmas, time zone…).
    virtual void Configure(soci::session& session) const = 0;
    /// Runs a script of several statements with no parameters.
    virtual void ExecuteScript(soci::session& session, const std::string& script) const = 0;
    /// An SQL condition true when contribution alias `c` matches the bound parameter `:fts`.
    virtual std::string FullTextCondition() const = 0;
    /// The value to bind to `:fts` for the given search stems (see SearchStems); empty stems: no condition.
    virtual std::string FullTextQuery(const std::vector<std::string>& stems) const = 0;
    /// Turns a driver exception into a Concerto Error with a sentence for the user; rethrows as is otherwise.
    [[noreturn]] virtual void Translate(const std::exception& error) const = 0;

    static const Dialect& For(Backend backend);
};

} // namespace concerto
