#include "db/row_io.h"

#include <cstdio>
#include <cstdlib>

namespace concerto {

std::string Cell::Text(const soci::row& row, std::size_t i)
{
    if (IsNull(row, i))
        return {};
    switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
        return row.get<std::string>(i);
    case soci::dt_integer:
        return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
        return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
        return std::to_string(row.get<unsigned long long>(i));
    case soci::dt_double: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.15g", row.get<double>(i));
        return buf;
    }
    case soci::dt_date:
        return Timestamp::FromTm(row.get<std::tm>(i)).ToIso();
    }
    return {};
}

long long Cell::Integer(const soci::row& row, std::size_t i, long long fallback)
{
    if (IsNull(row, i))
        return fallback;
    switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
        return row.get<int>(i);
    case soci::dt_long_long:
        return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
        return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double:
        return static_cast<long long>(row.get<double>(i));
    default: {
        const std::string text = Text(row, i);
        if (text == "t" || text == "true")
            return 1;
        if (text == "f" || text == "false")
            return 0;
        return std::strtoll(text.c_str(), nullptr, 10);
    }
    }
}

double Cell::Real(const soci::row& row, std::size_t i, double fallback)
{
    if (IsNull(row, i))
        return fallback;
    if (row.get_properties(i).get_data_type() == soci::dt_double)
        return row.get<double>(i);
    return std::strtod(Text(row, i).c_str(), nullptr);
}

Timestamp Cell::Instant(const soci::row& row, std::size_t i)
{
    if (IsNull(row, i))
        return {};
    if (row.get_properties(i).get_data_type() == soci::dt_date)
        return Timestamp::FromTm(row.get<std::tm>(i));
    return Timestamp::Parse(Text(row, i)).value_or(Timestamp{});
}

std::optional<Date> Cell::Day(const soci::row& row, std::size_t i)
{
    if (IsNull(row, i))
        return std::nullopt;
    if (row.get_properties(i).get_data_type() == soci::dt_date)
        return Timestamp::FromTm(row.get<std::tm>(i)).Day();
    return Date::Parse(Text(row, i));
}

} // namespace concerto
