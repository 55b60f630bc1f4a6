#pragma once
// Fast insertion of many rows, for the demo generator and imports: libpq COPY on
// PostgreSQL, one prepared statement reused on SQLite. Callers hold the transaction.

#include "db/database.h"
#include "db/entities.h"
#include "db/row_io.h"

#include <optional>
#include <string>
#include <vector>

namespace concerto {

/// Receives the rows of one table; Row values are text (nullopt for NULL) in column order.
class BulkSink {
public:
    virtual ~BulkSink() = default;
    virtual void Row(const std::vector<std::optional<std::string>>& values) = 0;
    /// Sends what is left; the rows are in the table once it returns. Errors throw Concerto errors.
    virtual void Finish() = 0;
    /// A sink for `table` and `columns` on the backend of `db`.
    static std::unique_ptr<BulkSink> Open(Database& db, const std::string& table,
                                          const std::vector<std::string>& columns);
    /// A sink for a temporary staging table (imports): no trigger silencing and no notice on
    /// PostgreSQL. `deferred`: the rows are kept in memory and copied at Finish, so that several
    /// staging sinks can be filled at once (PostgreSQL runs one COPY at a time per connection).
    static std::unique_ptr<BulkSink> OpenStaging(Database& db, const std::string& table,
                                                 const std::vector<std::string>& columns, bool deferred = false);
};

/// Appends one row in PostgreSQL COPY text format (tab-separated, \\N for NULL, escaped, newline-terminated).
void AppendCopyRow(std::string& out, const std::vector<std::optional<std::string>>& values);

/// Collects an entity's fields as text, in column order, for a BulkSink.
class TextFields {
public:
    std::vector<std::optional<std::string>> values;
    void Field(const char*, const std::string& v) { values.emplace_back(v); }
    void Field(const char*, const int& v) { values.emplace_back(std::to_string(v)); }
    void Field(const char*, const bool& v) { values.emplace_back(v ? "1" : "0"); }
    void Field(const char*, const Timestamp& v) { values.emplace_back(v.ToIso()); }
    void Field(const char*, const Date& v) { values.emplace_back(v.ToIso()); }
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>> void Field(const char*, const E& v)
    {
        values.emplace_back(ToCode(v));
    }
    template <class M> void Field(const char* name, const std::optional<M>& v)
    {
        if (v)
            Field(name, *v);
        else
            values.emplace_back(std::nullopt);
    }
    void Ref(const char*, const std::string& v)
    {
        if (v.empty())
            values.emplace_back(std::nullopt);
        else
            values.emplace_back(v);
    }
};

/// Inserts complete entities (id, version and stamps already set) of one type.
template <class T> void BulkInsert(Database& db, const std::vector<T>& items)
{
    if (items.empty())
        return;
    std::vector<std::string> columns = {"id", "version", "created_at", "updated_at", "created_by", "updated_by"};
    {
        ColumnNames names;
        T sample;
        Entity<T>::Visit(sample, names);
        columns.insert(columns.end(), names.names.begin(), names.names.end());
    }
    auto sink = BulkSink::Open(db, Entity<T>::table, columns);
    TextFields fields;
    for (const T& item : items) {
        fields.values.clear();
        fields.values.emplace_back(item.id);
        fields.values.emplace_back(std::to_string(item.version));
        fields.values.emplace_back(item.createdAt.ToIso());
        fields.values.emplace_back(item.updatedAt.ToIso());
        fields.values.emplace_back(item.createdBy);
        fields.values.emplace_back(item.updatedBy);
        Entity<T>::Visit(item, fields);
        sink->Row(fields.values);
    }
    sink->Finish();
}

} // namespace concerto
