#pragma once
// The exception types every Concerto library throws. Each carries a sentence meant for the
// user (already in their language when it comes from a translated layer) and, optionally,
// a technical detail for logs. Libraries below the GUI never show dialogs: they throw these.

#include <stdexcept>
#include <string>

namespace concerto {

/// Base of all Concerto errors: what() is a user-facing sentence.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::string detail = {})
        : std::runtime_error(message), m_detail(std::move(detail))
    {
    }
    /// Technical detail (driver message, SQLSTATE…), for logs only; may be empty.
    const std::string& Detail() const { return m_detail; }

private:
    std::string m_detail;
};

/// Invalid input: names the place (file, line, field) in the message.
class ValidationError : public Error {
public:
    using Error::Error;
};

/// The row asked for does not exist (or no longer exists).
class NotFoundError : public Error {
public:
    using Error::Error;
};

/// An update or delete met a row changed by someone else since it was read. Nothing was written.
class ConflictError : public Error {
public:
    ConflictError(const std::string& message, std::string table, std::string id, int expectedVersion,
                  int currentVersion)
        : Error(message), m_table(std::move(table)), m_id(std::move(id)), m_expected(expectedVersion),
          m_current(currentVersion)
    {
    }
    const std::string& Table() const { return m_table; }
    const std::string& Id() const { return m_id; }
    /// The version the caller had read.
    int ExpectedVersion() const { return m_expected; }
    /// The version now stored, or 0 if the row was deleted.
    int CurrentVersion() const { return m_current; }

private:
    std::string m_table, m_id;
    int m_expected, m_current;
};

/// The database cannot be used: unreachable, wrong schema version, refused login…
class DatabaseError : public Error {
public:
    using Error::Error;
};

/// The user cancelled a long operation; whatever it was doing has been rolled back.
class CancelledError : public Error {
public:
    CancelledError() : Error("Opération annulée.") {}
};

} // namespace concerto
