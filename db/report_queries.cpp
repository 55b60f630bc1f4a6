#include "db/report_queries.h"

#include "core/errors.h"
#include "db/report_catalogue.h"
#include "db/repository.h"

#include <atomic>
#include <cstdlib>

namespace concerto::reportdb {

using detail::DatasetSql;
using detail::FieldSql;

namespace {

const DatasetSql& FindDataset(Backend backend, bool statusAt, const std::string& name)
{
    for (const auto& dataset : detail::Catalogue(backend, statusAt))
        if (dataset.name == name)
            return dataset;
    throw ValidationError("Jeu de données inconnu : « " + name + " ».");
}

const FieldSql& FindField(const DatasetSql& dataset, const std::string& name)
{
    if (const FieldSql* field = dataset.Find(name))
        return *field;
    throw ValidationError("Champ inconnu dans le jeu de données « " + dataset.name + " » : « " + name + " ».");
}

// Builds one statement: every value travels as a fresh named placeholder (:p0, :p1…), since a
// name used twice is not portable across SOCI backends.
class Builder {
public:
    Builder(Database& db, const DatasetQuery& query)
        : m_query(query), m_dataset(FindDataset(db.GetBackend(), query.statusAt.has_value(), query.dataset))
    {
    }

    std::string Bind(const std::string& value)
    {
        const std::string name = "p" + std::to_string(m_count++);
        m_bindings.Text(name, value);
        return ":" + name;
    }

    // Numbers travel as numbers: SQLite ranks any text above any number when comparing an
    // expression (LENGTH(…), a subquery) with a text parameter.
    std::string BindNumber(long long value)
    {
        const std::string name = "p" + std::to_string(m_count++);
        m_bindings.BigInteger(name, value);
        return ":" + name;
    }

    std::string BindFor(const FieldSql& field, const std::string& value)
    {
        const bool numeric = field.spec.kind == ValueKind::Integer || field.spec.kind == ValueKind::Boolean;
        char* end = nullptr;
        const long long n = numeric && !value.empty() ? std::strtoll(value.c_str(), &end, 10) : 0;
        if (numeric && end && *end == '\0')
            return BindNumber(n);
        return Bind(value);
    }

    // Replaces the {CONSULTATION}/{AT}/{AT_END} tokens with bound placeholders.
    std::string Expand(std::string sql)
    {
        const std::string at = m_query.statusAt ? m_query.statusAt->ToIso() : std::string();
        const std::pair<const char*, std::string> tokens[] = {
            {"{CONSULTATION}", m_query.consultationId}, {"{AT_END}", at + " 23:59:59"}, {"{AT}", at}};
        for (const auto& [token, value] : tokens) {
            for (std::size_t at = sql.find(token); at != std::string::npos; at = sql.find(token)) {
                const std::string placeholder = Bind(value);
                sql.replace(at, std::string(token).size(), placeholder);
            }
        }
        return sql;
    }

    bool Aggregated() const
    {
        for (const auto& column : m_query.columns)
            if (column.aggregate != Aggregate::None)
                return true;
        return false;
    }

    // The SQL of result column `i`: one expression, or label and key for a dimension field.
    std::vector<std::string> ColumnSql(std::size_t i)
    {
        const QueryColumn& column = m_query.columns[i];
        if (column.aggregate == Aggregate::Count)
            return {"COUNT(*)"};
        // Each Expand binds fresh values: expand only what the statement will use.
        const FieldSql& field = FindField(m_dataset, column.field);
        const bool dimension = field.spec.kind == ValueKind::Dimension;
        switch (column.aggregate) {
        case Aggregate::None: {
            const std::string value = Expand(field.value);
            if (dimension)
                return {value, Expand(field.key)};
            return {value};
        }
        case Aggregate::Distinct:
            return {"COUNT(DISTINCT " + Expand(dimension ? field.key : field.value) + ")"};
        case Aggregate::Sum:
            return {"SUM(" + Expand(field.value) + ")"};
        case Aggregate::Average:
            return {"AVG(" + Expand(field.value) + ")"};
        case Aggregate::Min:
            return {"MIN(" + Expand(field.value) + ")"};
        case Aggregate::Max:
            return {"MAX(" + Expand(field.value) + ")"};
        case Aggregate::Count:
            break;
        }
        return {"COUNT(*)"};
    }

    std::string OrderSql(const QueryColumn& column)
    {
        if (column.aggregate != Aggregate::None)
            return ColumnSql(IndexOf(column)).front();
        const FieldSql& field = FindField(m_dataset, column.field);
        return Expand(field.order.empty() ? field.value : field.order);
    }

    std::size_t IndexOf(const QueryColumn& column) const
    {
        return static_cast<std::size_t>(&column - &m_query.columns[0]);
    }

    std::string Where()
    {
        std::vector<std::string> conditions;
        if (!m_dataset.consultation.empty())
            conditions.push_back(m_dataset.consultation + " = " + Bind(m_query.consultationId));
        if (!m_dataset.state.empty() && !m_query.includeExcluded)
            conditions.push_back(m_dataset.state + " <> 'excluded'");
        // At a date, a commitment that did not exist yet has no status: it is not listed.
        if (m_query.statusAt && m_dataset.name == "commitments")
            conditions.push_back(Expand(FindField(m_dataset, "status").key) + " IS NOT NULL");
        for (const auto& filter : m_query.filters)
            if (auto condition = Condition(filter); !condition.empty())
                conditions.push_back(condition);
        std::string where;
        for (const auto& condition : conditions)
            where += (where.empty() ? " WHERE (" : " AND (") + condition + ")";
        return where;
    }

    std::string Condition(const FieldFilter& filter)
    {
        const FieldSql& field = FindField(m_dataset, filter.field);
        const std::string target = Expand(field.spec.kind == ValueKind::Dimension ? field.key : field.value);
        switch (filter.op) {
        case FieldFilter::Op::In:
        case FieldFilter::Op::NotIn: {
            if (filter.values.empty())
                return {};
            std::string list;
            for (const auto& value : filter.values)
                list += (list.empty() ? "" : ", ") + BindFor(field, value);
            if (filter.op == FieldFilter::Op::In)
                return target + " IN (" + list + ")";
            return target + " IS NULL OR " + target + " NOT IN (" + list + ")";
        }
        case FieldFilter::Op::Range:
            return RangeCondition(field, filter);
        case FieldFilter::Op::MinLength:
            return "LENGTH(" + Expand(field.value) + ") >= " + BindNumber(filter.length);
        }
        return {};
    }

    std::string RangeCondition(const FieldSql& field, const FieldFilter& filter)
    {
        const std::string target = Expand(field.range.empty() ? field.value : field.range);
        std::string condition;
        if (!filter.from.empty()) {
            std::string from = filter.from;
            if (field.rangeIsInstant)
                from = from.substr(0, 10) + " 00:00:00";
            condition = target + " >= " + (field.rangeIsInstant ? Bind(from) : BindFor(field, from));
        }
        if (!filter.to.empty()) {
            std::string to = filter.to;
            std::string op = " <= ";
            if (field.rangeIsInstant) {
                // Up to the end of the day: before the next day's midnight.
                const auto day = Date::Parse(to);
                if (day) {
                    to = Date::FromDaysSinceEpoch(day->DaysSinceEpoch() + 1).ToIso() + " 00:00:00";
                    op = " < ";
                }
            }
            condition += (condition.empty() ? "" : " AND ") + target + op +
                         (field.rangeIsInstant ? Bind(to) : BindFor(field, to));
        }
        return condition;
    }

    std::string Sql()
    {
        if (m_query.columns.empty())
            throw ValidationError("Requête de rapport sans colonne.");
        if (Aggregated())
            return AggregatedSql();
        std::string order;
        for (const auto& sort : m_query.sort)
            if (sort.column < m_query.columns.size())
                order += (order.empty() ? "" : ", ") + OrderSql(m_query.columns[sort.column]) +
                         (sort.descending ? " DESC" : " ASC");
        order += (order.empty() ? "" : ", ") + m_dataset.defaultOrder;
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < m_query.columns.size(); ++i)
            for (const auto& part : ColumnSql(i))
                parts.push_back(part);
        const std::string where = Where();
        if (!m_query.perGroupField.empty() && m_query.perGroupLimit > 0) {
            // At most N rows per group: number the rows within each group, keep the first N.
            const FieldSql& group = FindField(m_dataset, m_query.perGroupField);
            const std::string key = Expand(group.spec.kind == ValueKind::Dimension ? group.key : group.value);
            const std::string groupOrder = Expand(group.order.empty() ? group.value : group.order);
            std::string numbered, outer;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                numbered += (i ? ", " : "") + parts[i] + " AS v" + std::to_string(i);
                outer += (i ? ", q.v" : "q.v") + std::to_string(i);
            }
            return "SELECT " + outer + " FROM (SELECT " + numbered + ", " + groupOrder +
                   " AS group_order, ROW_NUMBER() OVER (PARTITION BY " + key + " ORDER BY " + order + ") AS rn " +
                   m_dataset.from + where + ") q WHERE q.rn <= " + BindNumber(m_query.perGroupLimit) +
                   " ORDER BY q.group_order, q.rn";
        }
        std::string select;
        for (const auto& part : parts)
            select += (select.empty() ? "" : ", ") + part;
        std::string sql = "SELECT " + select + " " + m_dataset.from + where + " ORDER BY " + order;
        if (m_query.limit > 0)
            sql += " LIMIT " + std::to_string(m_query.limit);
        return sql;
    }

    // Grouping and ordering refer to select-list positions, so that every expression (and the
    // values it binds) appears once: PostgreSQL would not match two copies with distinct parameters.
    std::string AggregatedSql()
    {
        std::vector<std::string> parts, hidden;
        std::vector<std::size_t> firstPart, orderPosition(m_query.columns.size(), 0);
        std::string groupBy;
        for (std::size_t i = 0; i < m_query.columns.size(); ++i) {
            firstPart.push_back(parts.size() + 1);
            for (const auto& part : ColumnSql(i)) {
                parts.push_back(part);
                if (m_query.columns[i].aggregate == Aggregate::None)
                    groupBy += (groupBy.empty() ? "" : ", ") + std::to_string(parts.size());
            }
        }
        for (std::size_t i = 0; i < m_query.columns.size(); ++i) {
            if (m_query.columns[i].aggregate != Aggregate::None) {
                orderPosition[i] = firstPart[i];
                continue;
            }
            const FieldSql& field = FindField(m_dataset, m_query.columns[i].field);
            hidden.push_back(Expand(field.order.empty() ? field.value : field.order));
            orderPosition[i] = parts.size() + hidden.size();
            groupBy += ", " + std::to_string(orderPosition[i]);
        }
        std::string order;
        for (const auto& sort : m_query.sort)
            if (sort.column < m_query.columns.size())
                order += (order.empty() ? "" : ", ") + std::to_string(orderPosition[sort.column]) +
                         (sort.descending ? " DESC" : " ASC");
        for (std::size_t i = 0; i < m_query.columns.size(); ++i)
            if (m_query.columns[i].aggregate == Aggregate::None)
                order += (order.empty() ? "" : ", ") + std::to_string(orderPosition[i]) + ", " +
                         std::to_string(firstPart[i]);
        std::string select;
        for (const auto& part : parts)
            select += (select.empty() ? "" : ", ") + part;
        for (const auto& part : hidden)
            select += ", " + part;
        std::string sql = "SELECT " + select + " " + m_dataset.from + Where();
        if (!groupBy.empty())
            sql += " GROUP BY " + groupBy;
        if (!order.empty())
            sql += " ORDER BY " + order;
        if (m_query.limit > 0)
            sql += " LIMIT " + std::to_string(m_query.limit);
        return sql;
    }

    Bindings& GetBindings() { return m_bindings; }

private:
    const DatasetQuery& m_query;
    const DatasetSql& m_dataset;
    Bindings m_bindings;
    int m_count = 0;
};

QueryValue ReadCell(const soci::row& row, std::size_t& index, ValueKind kind, bool dimension)
{
    QueryValue value;
    value.null = Cell::IsNull(row, index);
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Boolean:
        value.integer = Cell::Integer(row, index);
        value.real = static_cast<double>(value.integer);
        break;
    case ValueKind::Decimal:
        value.real = Cell::Real(row, index);
        value.integer = static_cast<long long>(value.real);
        break;
    case ValueKind::Date:
        if (auto day = Cell::Day(row, index))
            value.date = *day;
        value.text = value.null ? std::string() : value.date.ToIso();
        break;
    case ValueKind::DateTime:
        value.instant = Cell::Instant(row, index);
        value.date = value.instant.Day();
        value.text = value.null ? std::string() : value.instant.ToIso();
        break;
    case ValueKind::Text:
    case ValueKind::Dimension:
        value.text = Cell::Text(row, index);
        break;
    }
    ++index;
    if (dimension)
        value.key = Cell::Text(row, index++);
    return value;
}

struct ColumnShape {
    ValueKind kind;
    bool dimension;
};

std::vector<ColumnShape> Shapes(Database& db, const DatasetQuery& query)
{
    const DatasetSql& dataset = FindDataset(db.GetBackend(), query.statusAt.has_value(), query.dataset);
    std::vector<ColumnShape> shapes;
    for (std::size_t i = 0; i < query.columns.size(); ++i) {
        const bool dimension = query.columns[i].aggregate == Aggregate::None &&
                               FindField(dataset, query.columns[i].field).spec.kind == ValueKind::Dimension;
        shapes.push_back({ColumnKind(query, i), dimension});
    }
    return shapes;
}

void Emit(const soci::row& row, const std::vector<ColumnShape>& shapes, QueryRow& values,
          const std::function<void(const QueryRow&)>& onRow)
{
    values.clear();
    std::size_t index = 0;
    for (const auto& shape : shapes)
        values.push_back(ReadCell(row, index, shape.kind, shape.dimension));
    onRow(values);
}

std::atomic<int> g_cursorCount{0};

} // namespace

const std::vector<std::string>& DatasetNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list;
        for (const auto& dataset : detail::Catalogue(Backend::Sqlite, false))
            list.push_back(dataset.name);
        return list;
    }();
    return names;
}

std::vector<FieldSpec> Fields(const std::string& dataset)
{
    std::vector<FieldSpec> fields;
    for (const auto& candidate : detail::Catalogue(Backend::Sqlite, false))
        if (candidate.name == dataset)
            for (const auto& field : candidate.fields)
                fields.push_back(field.spec);
    return fields;
}

ValueKind ColumnKind(const DatasetQuery& query, std::size_t column)
{
    const QueryColumn& c = query.columns.at(column);
    if (c.aggregate == Aggregate::Count || c.aggregate == Aggregate::Distinct)
        return ValueKind::Integer;
    const DatasetSql& dataset = FindDataset(Backend::Sqlite, false, query.dataset);
    const ValueKind kind = FindField(dataset, c.field).spec.kind;
    switch (c.aggregate) {
    case Aggregate::Average:
        return ValueKind::Decimal;
    case Aggregate::Sum:
        return kind == ValueKind::Integer || kind == ValueKind::Boolean ? ValueKind::Integer : ValueKind::Decimal;
    default:
        return kind;
    }
}

void Run(Database& db, const DatasetQuery& query, const std::function<void(const QueryRow&)>& onRow)
{
    Builder builder(db, query);
    const std::string sql = builder.Sql();
    const auto shapes = Shapes(db, query);
    QueryRow values;
    QueryRows(db, sql, builder.GetBindings(), [&](const soci::row& row) { Emit(row, shapes, values, onRow); });
}

void Stream(Database& db, const DatasetQuery& query, const std::function<void(const QueryRow&)>& onRow)
{
    if (db.GetBackend() == Backend::Sqlite) {
        Run(db, query, onRow); // SQLite steps through the rows: memory stays constant
        return;
    }
    // PostgreSQL would hand over the whole result at once: read it through a cursor, in pages.
    Builder builder(db, query);
    const std::string sql = builder.Sql();
    const auto shapes = Shapes(db, query);
    const std::string cursor = "concerto_report_" + std::to_string(++g_cursorCount);
    db.InTransaction([&] {
        Execute(db, "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql, builder.GetBindings());
        QueryRow values;
        for (;;) {
            long long fetched = 0;
            QueryRows(db, "FETCH FORWARD 2000 FROM " + cursor, Params{}, [&](const soci::row& row) {
                ++fetched;
                Emit(row, shapes, values, onRow);
            });
            if (fetched == 0)
                break;
        }
        Bindings none;
        Execute(db, "CLOSE " + cursor, none);
    });
}

std::vector<Member> EnumerationMembers(const std::string& dimension)
{
    std::vector<Member> members;
    for (const auto& [code, label] : detail::EnumMembers(dimension))
        members.push_back({code, label, code});
    return members;
}

std::vector<Member> Members(Database& db, const std::string& dimension, const std::string& consultationId)
{
    std::vector<Member> members = EnumerationMembers(dimension);
    if (!members.empty())
        return members;
    const bool postgres = db.GetBackend() == Backend::Postgresql;
    const std::string id = postgres ? "CAST(x.id AS text)" : "x.id";
    std::string sql;
    if (dimension == "neighbourhood" || dimension == "channel")
        sql = "SELECT " + id + ", x.name, x.code FROM " + dimension + " x ORDER BY x.position, x.name";
    else if (dimension == "theme")
        sql =
            "SELECT " + id + ", x.title, x.code FROM theme x WHERE x.consultation_id = :c ORDER BY x.position, x.code";
    else if (dimension == "commitment")
        sql = "SELECT " + id +
              ", x.ref || ' — ' || x.title, x.ref FROM commitment x WHERE x.consultation_id = :c "
              "ORDER BY x.position, x.ref";
    else if (dimension == "meeting")
        sql =
            "SELECT " + id + ", x.title, x.ref FROM meeting x WHERE x.consultation_id = :c ORDER BY x.starts_at, x.ref";
    else if (dimension == "topic")
        sql = "SELECT " + id + ", x.title, '' FROM topic x WHERE x.consultation_id = :c ORDER BY x.created_at, x.title";
    else if (dimension == "reorientation")
        sql = "SELECT " + id +
              ", x.title, '' FROM reorientation x WHERE x.consultation_id = :c ORDER BY CASE x.decision WHEN "
              "'adopted' THEN 1 WHEN 'proposed' THEN 2 WHEN 'deferred' THEN 3 ELSE 4 END, x.title";
    else if (dimension == "label")
        sql = "SELECT " + id + ", x.name, '' FROM label x WHERE x.consultation_id = :c ORDER BY x.name";
    else if (dimension == "consultation")
        sql = "SELECT " + id + ", x.title, '' FROM consultation x ORDER BY x.starts_on DESC, x.created_at DESC";
    else
        throw ValidationError("Dimension inconnue : « " + dimension + " ».");
    Params params;
    if (sql.find(":c") != std::string::npos)
        params.emplace_back("c", consultationId);
    QueryRows(db, sql, params, [&](const soci::row& row) {
        members.push_back({Cell::Text(row, 0), Cell::Text(row, 1), Cell::Text(row, 2)});
    });
    return members;
}

std::string LatestConsultation(Database& db)
{
    const bool postgres = db.GetBackend() == Backend::Postgresql;
    const std::string sql =
        std::string("SELECT ") + (postgres ? "CAST(id AS text)" : "id") + " FROM consultation ORDER BY " +
        (postgres ? "starts_on DESC NULLS LAST" : "starts_on IS NULL, starts_on DESC") + ", created_at DESC LIMIT 1";
    std::string id;
    QueryRows(db, sql, Params{}, [&](const soci::row& row) { id = Cell::Text(row, 0); });
    return id;
}

} // namespace concerto::reportdb
