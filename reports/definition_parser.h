#pragma once
// Internal to the definition parser (definition*.cpp): the validating walk over a toml11
// value tree. Each Read… method checks one part of the format, appends a Diagnostic for each
// problem (file, line, dotted key, French message) and carries on, so that one run reports
// every problem it can.

#include "reports/datasets.h"
#include "reports/definition.h"

#include <initializer_list>
#include <set>
#include <toml.hpp>

namespace concerto::report::detail {

using TomlValue = toml::value;

/// A parameter visible where a text or filter is written: declared, or bound by a repeat.
struct ScopeEntry {
    std::string name;
    ParameterType type = ParameterType::Text;
    std::string dimension; ///< what it designates ("neighbourhood"…); empty for plain values
    std::string dataset;   ///< the dataset whose fields {name.field} may name; empty: none
};

class Parser {
public:
    Parser(std::string file, std::vector<Diagnostic>& diagnostics) : m_file(std::move(file)), m_diagnostics(diagnostics)
    {
    }

    void ReadDefinition(const TomlValue& root, Definition& def);

    // Diagnostics.
    void Report(int line, int column, const std::string& key, const std::string& message);
    void Report(const TomlValue& at, const std::string& key, const std::string& message);

    // Typed access: false (with a diagnostic) when present with the wrong type.
    bool ReadString(const TomlValue& table, const char* key, const std::string& path, std::string& out,
                    bool required = false);
    bool ReadBool(const TomlValue& table, const char* key, const std::string& path, bool& out);
    bool ReadInt(const TomlValue& table, const char* key, const std::string& path, long long& out, long long min,
                 long long max);
    bool ReadNumber(const TomlValue& table, const char* key, const std::string& path, double& out, double min,
                    double max);
    bool ReadStringList(const TomlValue& table, const char* key, const std::string& path,
                        std::vector<std::string>& out);
    /// A scalar as text (strings as is, numbers, booleans, dates in ISO form); false otherwise.
    static bool ScalarText(const TomlValue& value, std::string& out);
    /// Reports every key of `table` not in `allowed`, suggesting the closest allowed one.
    void CheckKeys(const TomlValue& table, const std::string& path, const std::vector<std::string>& allowed);
    static const TomlValue* Find(const TomlValue& table, const char* key);

    /// Checks the {placeholders} of a text written at `at` / `key`.
    void CheckPlaceholders(const std::string& text, const TomlValue& at, const std::string& key);
    /// Checks that "{name}" or a literal is a fitting value for `field` of `dataset` (empty: any dataset).
    void CheckFilterValue(const std::string& value, const FieldInfo& field, const TomlValue& at,
                          const std::string& key);
    std::vector<Filter> ReadFilters(const TomlValue& table, const std::string& path, const std::string& dataset);

    const ScopeEntry* FindInScope(const std::string& name) const;
    std::vector<std::string> ScopeNames() const;

    // Sections (definition_sections.cpp).
    Sections ReadSections(const TomlValue& array, const std::string& path, int depth);
    void ReadSection(const TomlValue& table, const std::string& path, int depth, Section& section);
    void ReadTable(const TomlValue& table, const std::string& path, Section& section);
    void ReadCrossTable(const TomlValue& table, const std::string& path, Section& section);
    void ReadChart(const TomlValue& table, const std::string& path, Section& section);
    void ReadQuotes(const TomlValue& table, const std::string& path, Section& section);
    void ReadBooklet(const TomlValue& table, const std::string& path, Section& section);
    void ReadRepeat(const TomlValue& table, const std::string& path, int depth, Section& section);
    bool ReadMeasure(const TomlValue& at, const std::string& text, const std::string& key, const DatasetInfo& dataset,
                     Measure& out);
    const DatasetInfo* ReadDataset(const TomlValue& table, const std::string& path, std::string& out);
    bool CheckField(const DatasetInfo& dataset, const std::string& field, const TomlValue& at, const std::string& key);

    bool TooMany() const { return m_diagnostics.size() >= 200; }

private:
    void ReadTop(const TomlValue& root, Definition& def);
    void ReadPage(const TomlValue& root, Definition& def);
    void ReadStyles(const TomlValue& root, Definition& def);
    void ReadParameters(const TomlValue& root, Definition& def);
    void ReadParameter(const std::string& name, const TomlValue& table, Parameter& parameter);
    void CheckDefault(const Parameter& parameter, const TomlValue& at, const std::string& key);
    void CheckPlaceholder(const std::string& inner, const TomlValue& at, const std::string& key);

    std::string m_file;
    std::vector<Diagnostic>& m_diagnostics;
    std::vector<ScopeEntry> m_scope; ///< declared parameters, then repeat-bound names (a stack)
    std::set<std::string> m_sectionIds;

    friend struct ScopePush;
};

/// Binds a repeat's item name for the nested sections, and unbinds it on leaving.
struct ScopePush {
    ScopePush(Parser& parser, ScopeEntry entry) : m_parser(parser) { m_parser.m_scope.push_back(std::move(entry)); }
    ~ScopePush() { m_parser.m_scope.pop_back(); }
    Parser& m_parser;
};

/// True for a name usable as a parameter: a lower-case letter, then letters, digits or '_'.
bool IsIdentifier(const std::string& name);
/// The parameter named by a whole "{name}" reference, or empty when `value` is not one.
std::string ParameterReference(const std::string& value);

} // namespace concerto::report::detail
