#pragma once
// Moving entity fields to and from SOCI: Binder fills soci::values for INSERT/UPDATE,
// Reader fills an entity from a soci::row whatever type each backend reports
// (PostgreSQL gives dates as std::tm and booleans as integers; SQLite gives text).

#include "core/model.h"

#include <soci/soci.h>

#include <deque>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace concerto {

/// Reads one column of a row as text, integer, instant…, tolerant of each backend's types.
/// Every getter returns its fallback when the column is NULL.
struct Cell {
    static bool IsNull(const soci::row& row, std::size_t i) { return row.get_indicator(i) == soci::i_null; }
    static std::string Text(const soci::row& row, std::size_t i);
    static long long Integer(const soci::row& row, std::size_t i, long long fallback = 0);
    static double Real(const soci::row& row, std::size_t i, double fallback = 0);
    static Timestamp Instant(const soci::row& row, std::size_t i);
    static std::optional<Date> Day(const soci::row& row, std::size_t i);
};

/// Collects the column names of an entity, in order.
struct ColumnNames {
    std::vector<std::string> names;
    std::vector<bool> nullable;
    template <class M> void Field(const char* name, M&) { Add(name, IsOptional<M>::value); }
    void Ref(const char* name, std::string&) { Add(name, true); }

private:
    template <class M> struct IsOptional : std::false_type {};
    template <class M> struct IsOptional<std::optional<M>> : std::true_type {};
    void Add(const char* name, bool canBeNull)
    {
        names.emplace_back(name);
        nullable.push_back(canBeNull);
    }
};

/// Named parameters for one statement, kept at stable addresses while SOCI binds them.
/// (soci::values does not honour a NULL indicator for every type, hence this small class.)
class Bindings {
public:
    void Text(const std::string& name, const std::string& value, bool isNull = false)
    {
        m_slots.push_back(Slot{name, value, 0, 0, isNull ? soci::i_null : soci::i_ok, TextKind});
    }
    /// A text that is NULL when the optional is empty.
    void OptionalText(const std::string& name, const std::optional<std::string>& value)
    {
        Text(name, value.value_or(std::string()), !value.has_value());
    }
    void Integer(const std::string& name, int value) { m_slots.push_back(Slot{name, {}, value, 0, soci::i_ok, Int}); }
    void BigInteger(const std::string& name, long long value)
    {
        m_slots.push_back(Slot{name, {}, 0, value, soci::i_ok, Int64});
    }
    /// Named text values, as conditions carry them.
    template <class Pairs> void Texts(const Pairs& pairs)
    {
        for (const auto& [name, value] : pairs)
            Text(name, value);
    }
    /// Binds keys[first, first + count) as :k0, :k1… and returns that placeholder list for an IN (…).
    std::string Keys(const std::vector<long long>& keys, std::size_t first, std::size_t count)
    {
        std::string list;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string name = "k" + std::to_string(m_keyCount++);
            list += (i ? ", :" : ":") + name;
            BigInteger(name, keys[first + i]);
        }
        return list;
    }
    /// Adds every parameter to `statement` (before it is prepared).
    void ExchangeInto(soci::statement& statement)
    {
        for (auto& slot : m_slots) {
            if (slot.kind == Int)
                statement.exchange(soci::use(slot.integer, slot.indicator, slot.name));
            else if (slot.kind == Int64)
                statement.exchange(soci::use(slot.bigInteger, slot.indicator, slot.name));
            else
                statement.exchange(soci::use(slot.text, slot.indicator, slot.name));
        }
    }

private:
    enum Kind { TextKind, Int, Int64 };
    struct Slot {
        std::string name, text;
        int integer;
        long long bigInteger;
        soci::indicator indicator;
        Kind kind;
    };
    std::deque<Slot> m_slots; // a deque never moves its elements when it grows
    std::size_t m_keyCount = 0;
};

/// Puts an entity's fields into Bindings, by column name.
class Binder {
public:
    explicit Binder(Bindings& bindings) : m_bindings(bindings) {}
    void Field(const char* name, const std::string& value) { m_bindings.Text(name, value); }
    void Field(const char* name, const int& value) { m_bindings.Integer(name, value); }
    void Field(const char* name, const long long& value) { m_bindings.BigInteger(name, value); }
    void Field(const char* name, const bool& value) { m_bindings.Integer(name, value ? 1 : 0); }
    void Field(const char* name, const Timestamp& value) { m_bindings.Text(name, value.ToIso()); }
    void Field(const char* name, const Date& value) { m_bindings.Text(name, value.ToIso()); }
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>> void Field(const char* name, const E& value)
    {
        m_bindings.Text(name, ToCode(value));
    }
    template <class M> void Field(const char* name, const std::optional<M>& value)
    {
        if (value)
            Field(name, *value);
        else
            m_bindings.Text(name, {}, true);
    }
    void Ref(const char* name, const std::string& value) { m_bindings.Text(name, value, value.empty()); }

private:
    Bindings& m_bindings;
};

/// Fills an entity's fields from a row whose columns follow the entity's column order,
/// starting at `first`.
class Reader {
public:
    Reader(const soci::row& row, std::size_t first) : m_row(row), m_index(first) {}
    void Field(const char*, std::string& value) { value = Cell::Text(m_row, m_index++); }
    void Field(const char*, int& value) { value = static_cast<int>(Cell::Integer(m_row, m_index++)); }
    void Field(const char*, long long& value) { value = Cell::Integer(m_row, m_index++); }
    void Field(const char*, bool& value) { value = Cell::Integer(m_row, m_index++) != 0; }
    void Field(const char*, Timestamp& value) { value = Cell::Instant(m_row, m_index++); }
    void Field(const char*, Date& value) { value = Cell::Day(m_row, m_index++).value_or(Date{}); }
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>> void Field(const char*, E& value)
    {
        FromCode(Cell::Text(m_row, m_index++), value);
    }
    template <class M> void Field(const char* name, std::optional<M>& value)
    {
        if (Cell::IsNull(m_row, m_index)) {
            value.reset();
            ++m_index;
            return;
        }
        M inner{};
        Field(name, inner);
        value = inner;
    }
    void Ref(const char*, std::string& value) { value = Cell::Text(m_row, m_index++); }
    std::size_t Next() const { return m_index; }

private:
    const soci::row& m_row;
    std::size_t m_index;
};

} // namespace concerto
