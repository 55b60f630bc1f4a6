// The report engine's filters, {placeholders}, figures and light text markup.

#include "core/errors.h"
#include "core/personal_data.h"
#include "core/text.h"
#include "reports/engine_context.h"
#include "reports/french.h"

#include <algorithm>
#include <cmath>

namespace concerto::report::detail {

namespace {

using reportdb::ValueKind;

bool IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Splits "**bold** and *italic*" into spans; unmatched markers stay as written.
void ParseInline(const std::string& text, bool bold, bool italic, std::vector<Span>& spans)
{
    std::string plain;
    auto flush = [&] {
        if (!plain.empty())
            spans.push_back({french::Typography(plain), bold, italic});
        plain.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "**") == 0) {
            const std::size_t close = text.find("**", i + 2);
            if (close != std::string::npos && close > i + 2) {
                flush();
                ParseInline(text.substr(i + 2, close - i - 2), true, italic, spans);
                i = close + 1;
                continue;
            }
        } else if (text[i] == '*') {
            std::size_t close = i + 1;
            while ((close = text.find('*', close)) != std::string::npos && text.compare(close, 2, "**") == 0)
                close += 2;
            if (close != std::string::npos && close > i + 1) {
                flush();
                ParseInline(text.substr(i + 1, close - i - 1), bold, true, spans);
                i = close;
                continue;
            }
        }
        plain += text[i];
    }
    flush();
}

std::string Trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// "- item", "* item", "1. item", "2) item": the list kind and the item's text.
Paragraph::Kind ListMarker(const std::string& line, std::string& rest)
{
    if (line.size() > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
        rest = Trim(line.substr(2));
        return Paragraph::Kind::Bullet;
    }
    if (line.rfind("• ", 0) == 0) {
        rest = Trim(line.substr(std::string("• ").size()));
        return Paragraph::Kind::Bullet;
    }
    std::size_t i = 0;
    while (i < line.size() && IsDigit(line[i]))
        ++i;
    if (i > 0 && i < 4 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ') {
        rest = Trim(line.substr(i + 2));
        return Paragraph::Kind::Numbered;
    }
    rest = line;
    return Paragraph::Kind::Body;
}

} // namespace

std::size_t Utf8Length(const std::string& text)
{
    std::size_t n = 0;
    for (const unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string Shorten(const std::string& text, std::size_t maxChars)
{
    if (Utf8Length(text) <= maxChars)
        return text;
    std::size_t chars = 0, cut = 0, lastSpace = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) {
            if (chars == maxChars)
                break;
            ++chars;
            if (c == ' ')
                lastSpace = i;
        }
        cut = i + 1;
    }
    if (lastSpace > cut / 2)
        cut = lastSpace;
    std::string out = text.substr(0, cut);
    while (!out.empty() && std::string(" ,;:.-").find(out.back()) != std::string::npos)
        out.pop_back();
    return out + " […]";
}

std::string Anonymise(const std::string& text)
{
    // One detector for the whole program (core/personal_data.h): what the lists flag is what the
    // reports mask.
    return MaskContactMentions(text);
}

ValueType ToValueType(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Integer:
        return ValueType::Integer;
    case ValueKind::Decimal:
        return ValueType::Decimal;
    case ValueKind::Date:
        return ValueType::Date;
    case ValueKind::DateTime:
        return ValueType::DateTime;
    default:
        return ValueType::Text;
    }
}

Value ToValue(const reportdb::QueryValue& value, ValueKind kind)
{
    if (value.null && kind != ValueKind::Text && kind != ValueKind::Dimension)
        return Value::Blank();
    switch (kind) {
    case ValueKind::Integer:
        return Value::Integer(value.integer);
    case ValueKind::Decimal:
        return Value::Decimal(value.real);
    case ValueKind::Date:
        return Value::Day(value.date);
    case ValueKind::DateTime:
        return Value::Instant(value.instant);
    case ValueKind::Boolean:
        return Value::Of(value.integer ? "oui" : "non");
    default:
        // Every text that reaches a report is masked, whatever the definition says: a citizen's
        // e-mail or phone never leaves the database in a deliverable.
        return Value::Of(MaskContactMentions(value.text));
    }
}

std::string Engine::FormatValue(const reportdb::QueryValue& value, ValueKind kind) const
{
    if (value.null)
        return {};
    switch (kind) {
    case ValueKind::Integer:
        return french::Number(value.integer);
    case ValueKind::Decimal:
        return french::Decimal(value.real, std::fabs(value.real - std::round(value.real)) < 1e-9 ? 0 : 1);
    case ValueKind::Date:
        return french::LongDate(value.date);
    case ValueKind::DateTime: {
        const std::int64_t seconds = ((value.instant.seconds % 86400) + 86400) % 86400;
        char time[32];
        std::snprintf(time, sizeof time, " à %d h %02d", static_cast<int>(seconds / 3600),
                      static_cast<int>(seconds % 3600 / 60));
        return french::LongDate(value.instant.Day()) + time;
    }
    case ValueKind::Boolean:
        return value.integer ? "oui" : "non";
    default:
        return value.text;
    }
}

std::optional<Date> Engine::DateValue(const std::string& text)
{
    if (text.empty() || text == "today")
        return Timestamp::Now().Day();
    const std::string reference =
        text.size() > 2 && text.front() == '{' && text.back() == '}' ? text.substr(1, text.size() - 2) : std::string();
    if (!reference.empty()) {
        const BoundValue* bound = Bound(reference);
        return bound && bound->date ? bound->date : Timestamp::Now().Day();
    }
    return Date::Parse(text);
}

std::vector<reportdb::FieldFilter> Engine::FiltersFor(const std::string& datasetName, const Section* section)
{
    const DatasetInfo* dataset = FindDataset(datasetName);
    if (!dataset)
        return {};
    // Later sources replace earlier ones on the same field: common, then repeat items, then the section.
    std::vector<std::pair<std::string, reportdb::FieldFilter>> chosen;
    auto put = [&](const std::string& field, reportdb::FieldFilter filter) {
        const auto found = std::find_if(chosen.begin(), chosen.end(), [&](const auto& c) { return c.first == field; });
        if (found != chosen.end())
            found->second = std::move(filter);
        else
            chosen.emplace_back(field, std::move(filter));
    };
    auto convert = [&](const Filter& filter, const FieldInfo& field) {
        const std::string what = "Filtre « " + (filter.pos.key.empty() ? filter.field : filter.pos.key) + " »";
        reportdb::FieldFilter out;
        out.field = filter.field;
        auto literal = [&](const std::string& value) -> std::string {
            if (field.type == FieldType::Dimension)
                return ResolveMember(field.dimension, value, what);
            if (field.type == FieldType::Boolean)
                return value == "true" ? "1" : "0";
            if ((field.type == FieldType::Date || field.type == FieldType::DateTime) && value == "today")
                return Timestamp::Now().Day().ToIso();
            return value;
        };
        auto resolve = [&](const std::string& value, std::vector<std::string>& into) {
            const std::string reference = value.size() > 2 && value.front() == '{' && value.back() == '}'
                                              ? value.substr(1, value.size() - 2)
                                              : std::string();
            if (reference.empty()) {
                into.push_back(literal(value));
                return;
            }
            const BoundValue* bound = Bound(reference);
            if (!bound || (bound->keys.empty() && bound->raw.empty()))
                return; // an empty parameter does not filter
            if (!bound->keys.empty() && bound->dimension == field.dimension)
                into.insert(into.end(), bound->keys.begin(), bound->keys.end());
            else
                into.push_back(literal(bound->raw));
        };
        switch (filter.op) {
        case Filter::Op::In:
        case Filter::Op::NotIn:
            out.op = filter.op == Filter::Op::In ? reportdb::FieldFilter::Op::In : reportdb::FieldFilter::Op::NotIn;
            for (const auto& value : filter.values)
                resolve(value, out.values);
            break;
        case Filter::Op::Range: {
            out.op = reportdb::FieldFilter::Op::Range;
            std::vector<std::string> bound;
            if (!filter.from.empty())
                resolve(filter.from, bound);
            out.from = bound.empty() ? std::string() : bound.front();
            bound.clear();
            if (!filter.to.empty())
                resolve(filter.to, bound);
            out.to = bound.empty() ? std::string() : bound.front();
            break;
        }
        }
        return out;
    };
    for (const auto& filter : m_def.filters)
        if (const FieldInfo* field = dataset->FindField(filter.field))
            put(filter.field, convert(filter, *field));
    for (const auto& item : m_items)
        if (dataset->FindField(item.dimension)) {
            reportdb::FieldFilter filter;
            filter.field = item.dimension;
            filter.values = {item.key};
            put(item.dimension, filter);
        }
    if (section)
        for (const auto& filter : section->filters)
            if (const FieldInfo* field = dataset->FindField(filter.field))
                put(filter.field, convert(filter, *field));
    std::vector<reportdb::FieldFilter> filters;
    for (auto& [field, filter] : chosen) {
        const bool empty = filter.op == reportdb::FieldFilter::Op::Range ? filter.from.empty() && filter.to.empty()
                                                                         : filter.values.empty();
        if (!empty)
            filters.push_back(std::move(filter));
    }
    return filters;
}

reportdb::DatasetQuery Engine::Query(const std::string& dataset, const Section* section)
{
    reportdb::DatasetQuery query;
    query.dataset = dataset;
    query.consultationId = m_consultationId;
    query.filters = FiltersFor(dataset, section);
    query.includeExcluded = section && section->includeExcluded;
    if (dataset == "commitments" && section && !section->at.empty())
        query.statusAt = DateValue(section->at);
    return query;
}

std::string Engine::Expand(const std::string& text, const Section* section)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        const std::size_t close = c == '{' ? text.find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            out += c;
            continue;
        }
        const std::string inner = text.substr(i + 1, close - i - 1);
        i = close;
        const std::size_t colon = inner.find(':');
        if (colon != std::string::npos) {
            const std::string function = inner.substr(0, colon), argument = inner.substr(colon + 1);
            const std::size_t dot = argument.find('.');
            reportdb::DatasetQuery query = Query(argument.substr(0, dot), section);
            const std::string field = dot == std::string::npos ? std::string() : argument.substr(dot + 1);
            const auto aggregate = function == "sum"        ? reportdb::Aggregate::Sum
                                   : function == "distinct" ? reportdb::Aggregate::Distinct
                                                            : reportdb::Aggregate::Count;
            query.columns = {{field, aggregate}};
            reportdb::QueryValue value;
            reportdb::Run(m_db, query, [&](const reportdb::QueryRow& row) { value = row[0]; });
            value.null = false;
            out += FormatValue(value, reportdb::ColumnKind(query, 0));
            continue;
        }
        const std::size_t dot = inner.find('.');
        const std::string name = inner.substr(0, dot);
        if (dot == std::string::npos && name == "today") {
            out += french::LongDate(Timestamp::Now().Day());
            continue;
        }
        const BoundValue* bound = Bound(name);
        if (!bound) {
            out += "{" + inner + "}";
            continue;
        }
        if (dot == std::string::npos) {
            out += bound->display;
            continue;
        }
        const std::string field = inner.substr(dot + 1);
        const auto value = bound->fields.find(field);
        if (value != bound->fields.end())
            out += FormatValue(value->second, bound->kinds.count(field) ? bound->kinds.at(field) : ValueKind::Text);
    }
    return out;
}

TextBlock Engine::Markup(const std::string& text, const Section* section)
{
    TextBlock block;
    const std::string expanded = Expand(text, section);
    Paragraph::Kind kind = Paragraph::Kind::Body;
    std::string current;
    auto flush = [&] {
        if (!Trim(current).empty()) {
            Paragraph paragraph;
            paragraph.kind = kind;
            ParseInline(Trim(current), false, false, paragraph.spans);
            block.paragraphs.push_back(std::move(paragraph));
        }
        current.clear();
        kind = Paragraph::Kind::Body;
    };
    std::size_t start = 0;
    while (start <= expanded.size()) {
        std::size_t end = expanded.find('\n', start);
        if (end == std::string::npos)
            end = expanded.size();
        const std::string line = Trim(expanded.substr(start, end - start));
        start = end + 1;
        if (line.empty()) {
            flush();
            continue;
        }
        std::string rest;
        const Paragraph::Kind marker = ListMarker(line, rest);
        if (marker != Paragraph::Kind::Body) {
            flush();
            kind = marker;
            current = rest;
        } else {
            current += (current.empty() ? "" : " ") + line;
        }
    }
    flush();
    return block;
}

} // namespace concerto::report::detail
