#pragma once
// Internal to the report engine (engine*.cpp): the state of one BuildDocument run — bound
// parameters (declared ones, then the items of enclosing repeats), the filters that apply
// where a section sits, and the document being filled.

#include "db/report_queries.h"
#include "reports/datasets.h"
#include "reports/engine.h"

#include <map>

namespace concerto::report::detail {

/// A parameter's value once checked and resolved.
struct BoundValue {
    ParameterType type = ParameterType::Text;
    std::string dimension;         ///< "neighbourhood"… for references; empty otherwise
    std::vector<std::string> keys; ///< resolved ids or codes; empty: none given (all)
    std::string raw;               ///< as given (dates in ISO form)
    std::string display;           ///< as shown in texts and on the "Paramètres" sheet
    std::optional<Date> date;
    /// {name.field}: the fields of the bound item (consultation, repeat item, single reference).
    std::map<std::string, reportdb::QueryValue> fields;
    std::map<std::string, reportdb::ValueKind> kinds;
};

/// A repeat's current item: datasets with a field named like the dimension are narrowed to it.
struct ItemFilter {
    std::string dimension;
    std::string key;
};

/// Lines of text by commitment ref.
using ChangeLines = std::map<std::string, std::vector<std::string>>;

class Engine {
public:
    Engine(Database& db, const Definition& def, const ParameterValues& values, Progress* progress);

    Document Build();

    // Parameters (engine.cpp).
    void BindParameters();
    BoundValue BindParameter(const Parameter& parameter, const std::string& value);
    const BoundValue* Bound(const std::string& name) const;
    std::string ResolveMember(const std::string& dimension, const std::string& text, const std::string& what);
    const std::vector<reportdb::Member>& MembersOf(const std::string& dimension);

    // Filters and figures (engine_text.cpp).
    std::vector<reportdb::FieldFilter> FiltersFor(const std::string& dataset, const Section* section);
    reportdb::DatasetQuery Query(const std::string& dataset, const Section* section);
    std::string Expand(const std::string& text, const Section* section);
    TextBlock Markup(const std::string& text, const Section* section);
    std::string FormatValue(const reportdb::QueryValue& value, reportdb::ValueKind kind) const;
    std::optional<Date> DateValue(const std::string& text);

    // Sections (engine.cpp, engine_tables.cpp, engine_quotes.cpp).
    void Sections(const report::Sections& sections, int level);
    void EmitSection(const Section& section, int level);
    void Heading(const std::string& text, int level, bool inContents);
    void Table(const Section& section, const TableSection& table);
    void CrossTable(const Section& section, const CrossTableSection& cross);
    void Chart(const Section& section, const ChartSection& chart);
    void Quotes(const Section& section, const QuotesSection& quotes, int level);
    void Booklet(const Section& section, const BookletSection& booklet);
    /// « Réorientation adoptée le JJ/MM/AAAA : titre (modifié) » for each point touching a
    /// commitment, by commitment ref, decided on or before the section's date.
    ChangeLines PointsByCommitment(const Section& section);
    void Repeat(const Section& section, const RepeatSection& repeat, int level);

    /// The members a cross-table or chart lists for `field` of `dataset`, in natural order,
    /// narrowed like the section's data (empty for fields that are not dimensions).
    std::vector<reportdb::Member> AxisMembers(const std::string& dataset, const std::string& field,
                                              const Section* section);
    std::string SheetName(const std::string& wanted);
    void CheckCancelled();

    Database& m_db;
    const Definition& m_def;
    const ParameterValues& m_values;
    Progress* m_progress;
    std::string m_consultationId;
    std::vector<std::pair<std::string, BoundValue>> m_scope; ///< a stack: repeats push their item
    std::vector<ItemFilter> m_items;
    std::map<std::string, std::vector<reportdb::Member>> m_members;
    std::vector<std::string> m_sheets;
    std::string m_itemSuffix; ///< " — Centre-ville" inside a repeat, for sheet names
    Document m_doc;
};

/// Removes e-mail addresses and phone numbers from a citizen's words.
std::string Anonymise(const std::string& text);
/// Cuts `text` to at most `maxChars` characters at a word boundary, adding " […]".
std::string Shorten(const std::string& text, std::size_t maxChars);
/// The number of characters (code points) of UTF-8 text.
std::size_t Utf8Length(const std::string& text);
/// A report Value from a query value of `kind`.
Value ToValue(const reportdb::QueryValue& value, reportdb::ValueKind kind);
ValueType ToValueType(reportdb::ValueKind kind);

} // namespace concerto::report::detail
