#include "reports/document.h"

namespace concerto::report {

Value Value::Of(std::string text)
{
    Value v;
    v.text = std::move(text);
    return v;
}

Value Value::Integer(long long n)
{
    Value v;
    v.type = ValueType::Integer;
    v.number = static_cast<double>(n);
    return v;
}

Value Value::Decimal(double x)
{
    Value v;
    v.type = ValueType::Decimal;
    v.number = x;
    return v;
}

Value Value::Percent(double fraction)
{
    Value v;
    v.type = ValueType::Percent;
    v.number = fraction;
    return v;
}

Value Value::Day(const Date& day)
{
    Value v;
    v.type = ValueType::Date;
    v.date = day;
    return v;
}

Value Value::Instant(const Timestamp& instant)
{
    Value v;
    v.type = ValueType::DateTime;
    v.instant = instant;
    return v;
}

} // namespace concerto::report
