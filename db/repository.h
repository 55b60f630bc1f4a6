#pragma once
// The generic repository: create, read, version-checked update and delete, filtered lists
// with keyset paging, for any entity described in entities.h. Concrete repositories
// (repositories.h) add the queries particular to their aggregate.

#include "core/errors.h"
#include "core/text.h"
#include "db/database.h"
#include "db/entities.h"
#include "db/row_io.h"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace concerto {

/// Named text parameters of a query.
using Params = std::vector<std::pair<std::string, std::string>>;

/// One SQL condition on the entity's table (alias `c`) with its bound parameters. The SQL
/// comes from code, never from user input; user values travel only as parameters.
struct Condition {
    std::string sql;
    Params params;
};

/// A keyset page request: rows after the cursor (afterKey, afterId) in sortColumn order.
struct PageRequest {
    std::string sortColumn = "id"; ///< a non-null column of the entity
    bool descending = false;
    std::string afterKey, afterId; ///< the cursor from the previous Page; empty for the first page
    int limit = 200;
};

/// One page of results and the cursor to the next.
template <class T> struct Page {
    std::vector<T> items;
    std::string nextKey, nextId; ///< pass as afterKey/afterId for the next page
    bool more = false;           ///< true when a next page exists
};

/// True for a canonical UUID string (8-4-4-4-12 hexadecimal digits).
bool IsUuid(const std::string& text);

/// Runs a parameterised SQL statement returning rows; `onRow` is called for each.
void QueryRows(Database& db, const std::string& sql, const Params& params,
               const std::function<void(const soci::row&)>& onRow);
/// The same, with typed parameters (NULLs, integers, key lists).
void QueryRows(Database& db, const std::string& sql, Bindings& bindings,
               const std::function<void(const soci::row&)>& onRow);

/// Runs a parameterised SQL statement that returns no rows; returns the number of rows it changed.
long long Execute(Database& db, const std::string& sql, Bindings& bindings);

template <class T> class Repository {
public:
    explicit Repository(Database& db) : m_db(db) {}
    virtual ~Repository() = default;

    /// Inserts `item` (a new UUID if its id is empty; stamps who and when unless preset) and
    /// returns it as stored, version 1.
    T Create(T item)
    {
        if (item.id.empty())
            item.id = NewUuid();
        const Timestamp now = Timestamp::Now();
        if (item.createdAt.seconds == 0)
            item.createdAt = now;
        if (item.updatedAt.seconds == 0)
            item.updatedAt = item.createdAt;
        if (item.createdBy.empty())
            item.createdBy = m_db.UserName();
        if (item.updatedBy.empty())
            item.updatedBy = item.createdBy;
        item.version = 1;
        Bindings values;
        BindAll(item, values);
        std::string columns = "id, version, created_at, updated_at, created_by, updated_by";
        std::string placeholders = ":id, :version, :created_at, :updated_at, :created_by, :updated_by";
        for (const auto& name : Columns().names) {
            columns += ", " + name;
            placeholders += ", :" + name;
        }
        Execute(m_db, std::string("INSERT INTO ") + Entity<T>::table + " (" + columns + ") VALUES (" + placeholders + ")",
                values);
        return item;
    }

    /// The row with this id, or nullopt.
    std::optional<T> Find(const std::string& id)
    {
        if (!IsUuid(id))
            return std::nullopt;
        auto rows = List({Condition{"c.id = :id", {{"id", id}}}}, 1);
        if (rows.empty())
            return std::nullopt;
        return std::move(rows.front());
    }

    /// The row with this id; throws NotFoundError when there is none.
    T Get(const std::string& id)
    {
        auto found = Find(id);
        if (!found)
            throw NotFoundError(std::string("Élément introuvable (") + Entity<T>::display +
                                ") : il n'existe pas ou plus dans la base.");
        return std::move(*found);
    }

    /// The first row whose `column` equals `value`, or nullopt (for unique keys: code, ref, name).
    std::optional<T> FindBy(const std::string& column, const std::string& value)
    {
        auto rows = List({Equals(column, value)}, 1);
        if (rows.empty())
            return std::nullopt;
        return std::move(rows.front());
    }

    /// Every row whose `column` equals `value`, in `sortColumn` order.
    std::vector<T> ListBy(const std::string& column, const std::string& value, const std::string& sortColumn = "id")
    {
        return List({Equals(column, value)}, 0, sortColumn);
    }

    /// Saves `item` if the stored version is still item.version; returns it with the new version.
    /// Throws ConflictError (nothing written) when someone else changed or deleted it meanwhile.
    T Update(T item)
    {
        const int expected = item.version;
        item.updatedAt = Timestamp::Now();
        item.updatedBy = m_db.UserName();
        Bindings values;
        BindAll(item, values, false);
        std::string assignments = "version = version + 1, updated_at = :updated_at, updated_by = :updated_by";
        for (const auto& name : Columns().names)
            assignments += ", " + name + " = :" + name;
        const long long affected = Execute(m_db, std::string("UPDATE ") + Entity<T>::table + " SET " + assignments +
                                                     " WHERE id = :id AND version = :version",
                                           values);
        if (affected != 1)
            ThrowConflict(item.id, expected);
        item.version = expected + 1;
        return item;
    }

    /// Deletes the row if its stored version is still `version`; ConflictError otherwise.
    void Remove(const std::string& id, int version)
    {
        if (!IsUuid(id))
            ThrowConflict(id, version);
        Bindings keys;
        keys.Text("id", id);
        keys.Integer("version", version);
        const long long affected =
            Execute(m_db, std::string("DELETE FROM ") + Entity<T>::table + " WHERE id = :id AND version = :version", keys);
        if (affected != 1)
            ThrowConflict(id, version);
    }

    /// Rows matching every condition, in sortColumn order, at most `limit` (0: no limit).
    std::vector<T> List(const std::vector<Condition>& conditions = {}, int limit = 0,
                        const std::string& sortColumn = "id")
    {
        PageRequest request;
        request.sortColumn = sortColumn;
        request.limit = limit;
        return ListPage(conditions, request).items;
    }

    /// One keyset page of the rows matching every condition.
    Page<T> ListPage(const std::vector<Condition>& conditions, const PageRequest& request)
    {
        const std::string sort = CheckedSortColumn(request.sortColumn);
        Params params;
        std::string where = WhereClause(conditions, params);
        const char* direction = request.descending ? "DESC" : "ASC";
        if (!request.afterId.empty()) {
            const char* op = request.descending ? "<" : ">";
            where += where.empty() ? " WHERE " : " AND ";
            if (sort == "c.id") {
                where += std::string("c.id ") + op + " :after_id";
            } else {
                where += "(" + sort + ", c.id) " + op + " (:after_key, :after_id)";
                params.emplace_back("after_key", request.afterKey);
            }
            params.emplace_back("after_id", request.afterId);
        }
        std::string sql = "SELECT " + SelectList() + ", CAST(" + sort + " AS text) FROM " + Entity<T>::table +
                          " c" + where + " ORDER BY " + sort + " " + direction + ", c.id " + direction;
        if (request.limit > 0)
            sql += " LIMIT " + std::to_string(request.limit + 1);
        Page<T> page;
        std::string lastKey;
        QueryRows(m_db, sql, params, [&](const soci::row& row) {
            if (request.limit > 0 && static_cast<int>(page.items.size()) == request.limit) {
                page.more = true;
                return;
            }
            page.items.push_back(FromRow(row, 0));
            lastKey = Cell::Text(row, row.size() - 1);
        });
        if (page.more) {
            page.nextKey = lastKey;
            page.nextId = page.items.back().id;
        }
        return page;
    }

    /// Number of rows matching every condition.
    long long Count(const std::vector<Condition>& conditions = {})
    {
        Params params;
        const std::string sql =
            std::string("SELECT COUNT(*) FROM ") + Entity<T>::table + " c" + WhereClause(conditions, params);
        long long count = 0;
        QueryRows(m_db, sql, params, [&](const soci::row& row) { count = Cell::Integer(row, 0); });
        return count;
    }

    /// A condition "column = value" on one of the entity's columns (checked against the entity).
    static Condition Equals(const std::string& column, const std::string& value)
    {
        CheckedColumn(column);
        return Condition{"c." + column + " = :" + column, {{column, value}}};
    }

    /// The column list of the entity (without the common Record columns).
    static const ColumnNames& Columns()
    {
        static const ColumnNames names = [] {
            ColumnNames collected;
            T sample;
            Entity<T>::Visit(sample, collected);
            return collected;
        }();
        return names;
    }

    /// "c.id, c.version, …, c.<each column>" — the order FromRow reads.
    static std::string SelectList()
    {
        std::string list = "c.id, c.version, c.created_at, c.updated_at, c.created_by, c.updated_by";
        for (const auto& name : Columns().names)
            list += ", c." + name;
        return list;
    }

    /// An entity from a row laid out as SelectList(), starting at column `first`.
    static T FromRow(const soci::row& row, std::size_t first)
    {
        T item;
        item.id = Cell::Text(row, first);
        item.version = static_cast<int>(Cell::Integer(row, first + 1));
        item.createdAt = Cell::Instant(row, first + 2);
        item.updatedAt = Cell::Instant(row, first + 3);
        item.createdBy = Cell::Text(row, first + 4);
        item.updatedBy = Cell::Text(row, first + 5);
        Reader reader(row, first + 6);
        Entity<T>::Visit(item, reader);
        return item;
    }

protected:
    Database& m_db;

private:
    // An UPDATE binds only what it sets; an INSERT binds the creation stamps too.
    static void BindAll(const T& item, Bindings& values, bool forInsert = true)
    {
        values.Text("id", item.id);
        values.Integer("version", item.version);
        if (forInsert) {
            values.Text("created_at", item.createdAt.ToIso());
            values.Text("created_by", item.createdBy);
        }
        values.Text("updated_at", item.updatedAt.ToIso());
        values.Text("updated_by", item.updatedBy);
        Binder binder(values);
        Entity<T>::Visit(item, binder);
    }

    static std::string WhereClause(const std::vector<Condition>& conditions,
                                   Params& params)
    {
        std::string where;
        for (const auto& condition : conditions) {
            where += where.empty() ? " WHERE " : " AND ";
            where += "(" + condition.sql + ")";
            params.insert(params.end(), condition.params.begin(), condition.params.end());
        }
        return where;
    }

    static bool IsCommonColumn(const std::string& column)
    {
        return column == "id" || column == "version" || column == "created_at" || column == "updated_at" ||
               column == "created_by" || column == "updated_by";
    }

    static void CheckedColumn(const std::string& column)
    {
        if (IsCommonColumn(column))
            return;
        for (const auto& name : Columns().names)
            if (name == column)
                return;
        throw ValidationError("Colonne inconnue pour " + std::string(Entity<T>::display) + " : " + column);
    }

    static std::string CheckedSortColumn(const std::string& column)
    {
        if (IsCommonColumn(column) || (column == "seq" && std::string(Entity<T>::table) == "contribution"))
            return "c." + column;
        const auto& columns = Columns();
        for (std::size_t i = 0; i < columns.names.size(); ++i)
            if (columns.names[i] == column && !columns.nullable[i])
                return "c." + column;
        throw ValidationError("Tri impossible sur la colonne « " + column + " ».");
    }

    [[noreturn]] void ThrowConflict(const std::string& id, int expected)
    {
        int current = 0;
        soci::indicator indicator = soci::i_null;
        if (IsUuid(id))
            m_db.Session() << "SELECT version FROM " << Entity<T>::table << " WHERE id = :id", soci::use(id),
                soci::into(current, indicator);
        if (indicator != soci::i_ok)
            current = 0;
        const std::string what = Entity<T>::display;
        throw ConflictError(current == 0 ? "Enregistrement impossible : " + what +
                                               " n'existe plus dans la base (suppression faite entre-temps par "
                                               "quelqu'un d'autre)."
                                         : "Enregistrement impossible : " + what +
                                               " a changé entre-temps (modification faite par quelqu'un d'autre). Rechargez "
                                               "pour voir la version enregistrée.",
                            Entity<T>::table, id, expected, current);
    }
};

} // namespace concerto
