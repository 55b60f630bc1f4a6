#include "reports/engine.h"

#include "core/errors.h"
#include "core/text.h"
#include "db/repositories.h"
#include "reports/engine_context.h"
#include "reports/french.h"

#include <algorithm>

namespace concerto::report {

using detail::BoundValue;
using detail::Engine;

const std::string* ParameterValues::Find(const std::string& name) const
{
    const auto found = values.find(name);
    return found == values.end() ? nullptr : &found->second;
}

bool ParameterValues::SetFromAssignment(const std::string& assignment)
{
    const std::size_t equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0)
        return false;
    std::string name = assignment.substr(0, equals);
    while (!name.empty() && name.back() == ' ')
        name.pop_back();
    if (name.empty())
        return false;
    Set(name, assignment.substr(equals + 1));
    return true;
}

std::vector<ParameterInfo> DescribeParameters(const Definition& def)
{
    std::vector<ParameterInfo> infos;
    for (const auto& p : def.parameters) {
        ParameterInfo info;
        info.name = p.name;
        info.label = p.label;
        info.description = p.description;
        info.type = p.type;
        info.defaultValue = p.defaultValue;
        info.multiple = IsMultiple(p.type);
        info.required = p.required;
        info.hasChoices = !DimensionOf(p.type).empty() || p.type == ParameterType::Choice;
        infos.push_back(std::move(info));
    }
    return infos;
}

std::vector<Choice> ParameterChoices(Database& db, const Definition& def, const std::string& parameterName,
                                     const std::string& consultationId)
{
    const Parameter* parameter = def.FindParameter(parameterName);
    if (!parameter)
        throw NotFoundError("Paramètre inconnu : « " + parameterName + " ».");
    std::vector<Choice> choices;
    if (parameter->type == ParameterType::Choice) {
        for (const auto& choice : parameter->choices)
            choices.push_back({choice, choice});
        return choices;
    }
    const std::string dimension = DimensionOf(parameter->type);
    if (dimension.empty())
        return choices;
    const std::string consultation = consultationId.empty() ? reportdb::LatestConsultation(db) : consultationId;
    for (const auto& member : reportdb::Members(db, dimension, consultation))
        choices.push_back({member.code.empty() ? member.key : member.code, member.label});
    return choices;
}

void CheckParameterValues(Database& db, const Definition& def, const ParameterValues& values)
{
    Engine engine(db, def, values, nullptr);
    engine.BindParameters();
}

Document BuildDocument(Database& db, const Definition& def, const ParameterValues& values, Progress* progress)
{
    Engine engine(db, def, values, progress);
    return engine.Build();
}

namespace detail {

namespace {

std::optional<Date> ParseDay(const std::string& text)
{
    if (text == "today" || text == "aujourd'hui")
        return Timestamp::Now().Day();
    if (auto iso = Date::Parse(text); iso && text.size() == 10 && text[4] == '-')
        return iso;
    // JJ/MM/AAAA, as the French write it.
    int d = 0, m = 0, y = 0;
    char s1 = 0, s2 = 0;
    if (text.size() == 10 && std::sscanf(text.c_str(), "%2d%c%2d%c%4d", &d, &s1, &m, &s2, &y) == 5 && s1 == '/' &&
        s2 == '/' && IsValidDay(y, m, d))
        return Date{y, m, d};
    return std::nullopt;
}

std::vector<std::string> SplitList(const std::string& text)
{
    std::vector<std::string> items;
    std::string current;
    auto flush = [&] {
        const auto first = current.find_first_not_of(' ');
        if (first != std::string::npos)
            items.push_back(current.substr(first, current.find_last_not_of(' ') - first + 1));
        current.clear();
    };
    for (const char c : text) {
        if (c == ',')
            flush();
        else
            current += c;
    }
    flush();
    return items;
}

} // namespace

Engine::Engine(Database& db, const Definition& def, const ParameterValues& values, Progress* progress)
    : m_db(db), m_def(def), m_values(values), m_progress(progress)
{
}

void Engine::CheckCancelled()
{
    if (m_progress && m_progress->IsCancelled())
        throw CancelledError();
}

const BoundValue* Engine::Bound(const std::string& name) const
{
    for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it)
        if (it->first == name)
            return &it->second;
    return nullptr;
}

const std::vector<reportdb::Member>& Engine::MembersOf(const std::string& dimension)
{
    auto found = m_members.find(dimension);
    if (found == m_members.end())
        found = m_members.emplace(dimension, reportdb::Members(m_db, dimension, m_consultationId)).first;
    return found->second;
}

std::string Engine::ResolveMember(const std::string& dimension, const std::string& text, const std::string& what)
{
    const std::string folded = Fold(text);
    for (const auto& member : MembersOf(dimension))
        if (member.key == text || (!member.code.empty() && Fold(member.code) == folded) || Fold(member.label) == folded)
            return member.key;
    std::string known;
    std::size_t shown = 0;
    for (const auto& member : MembersOf(dimension)) {
        if (shown++ == 12) {
            known += "…";
            break;
        }
        known += (known.empty() ? "" : ", ") + (member.code.empty() ? member.label : member.code);
    }
    throw ValidationError(what + " : « " + text + " » est inconnu (valeurs possibles : " +
                          (known.empty() ? "aucune dans cette base" : known) + ").");
}

BoundValue Engine::BindParameter(const Parameter& p, const std::string& value)
{
    const std::string what = "Paramètre « " + p.name + " »";
    BoundValue bound;
    bound.type = p.type;
    bound.dimension = DimensionOf(p.type);
    bound.raw = value;
    bound.display = value;
    if (value.empty() && p.type != ParameterType::Consultation) {
        if (p.required)
            throw ValidationError(what + " : une valeur est obligatoire.");
        bound.display = IsMultiple(p.type) ? "tous" : "";
        return bound;
    }
    switch (p.type) {
    case ParameterType::Consultation:
        break; // bound first, by BindParameters
    case ParameterType::Date:
        bound.date = ParseDay(value);
        if (!bound.date)
            throw ValidationError(what + " : date invalide « " + value + " » (AAAA-MM-JJ ou JJ/MM/AAAA).");
        bound.raw = bound.date->ToIso();
        bound.display = french::LongDate(*bound.date);
        break;
    case ParameterType::Integer: {
        char* end = nullptr;
        const long long n = std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0')
            throw ValidationError(what + " : nombre entier attendu, pas « " + value + " ».");
        bound.display = french::Number(n);
        break;
    }
    case ParameterType::Boolean: {
        const std::string v = Fold(value);
        if (v == "true" || v == "oui" || v == "1" || v == "vrai")
            bound.raw = "true";
        else if (v == "false" || v == "non" || v == "0" || v == "faux")
            bound.raw = "false";
        else
            throw ValidationError(what + " : true ou false attendu, pas « " + value + " ».");
        bound.display = bound.raw == "true" ? "oui" : "non";
        break;
    }
    case ParameterType::Choice:
        if (std::find(p.choices.begin(), p.choices.end(), value) == p.choices.end())
            throw ValidationError(what + " : « " + value + " » ne fait pas partie des choix possibles.");
        break;
    case ParameterType::Text:
        break;
    default: {
        std::vector<std::string> items = IsMultiple(p.type) ? SplitList(value) : std::vector<std::string>{value};
        std::string display;
        for (const auto& item : items) {
            bound.keys.push_back(ResolveMember(bound.dimension, item, what));
            for (const auto& member : MembersOf(bound.dimension))
                if (member.key == bound.keys.back())
                    display += (display.empty() ? "" : ", ") + member.label;
        }
        bound.display = display;
        break;
    }
    }
    return bound;
}

void Engine::BindParameters()
{
    m_scope.clear();
    // The consultation comes first: the other references are looked up within it.
    for (const auto& p : m_def.parameters) {
        if (p.type != ParameterType::Consultation)
            continue;
        const std::string* given = m_values.Find(p.name);
        const std::string value = given && !given->empty() ? *given : p.defaultValue;
        if (value.empty() || value == "latest") {
            m_consultationId = reportdb::LatestConsultation(m_db);
            if (m_consultationId.empty())
                throw ValidationError(
                    "La base ne contient aucune consultation : créez-en une (ou la démonstration avec "
                    "concerto-cli demo) avant de produire un rapport.");
        } else {
            m_consultationId = ResolveMember("consultation", value, "Paramètre « consultation »");
        }
        const Consultation consultation = ConsultationRepository(m_db).Get(m_consultationId);
        BoundValue bound;
        bound.type = ParameterType::Consultation;
        bound.dimension = "consultation";
        bound.keys = {m_consultationId};
        bound.raw = value;
        bound.display = consultation.title;
        auto text = [](const std::string& s) {
            reportdb::QueryValue v;
            v.null = false;
            v.text = s;
            return v;
        };
        auto day = [](const std::optional<Date>& d) {
            reportdb::QueryValue v;
            v.null = !d;
            if (d) {
                v.date = *d;
                v.text = d->ToIso();
            }
            return v;
        };
        bound.fields = {{"title", text(consultation.title)},
                        {"description", text(consultation.description)},
                        {"starts_on", day(consultation.startsOn)},
                        {"ends_on", day(consultation.endsOn)}};
        bound.kinds = {{"title", reportdb::ValueKind::Text},
                       {"description", reportdb::ValueKind::Text},
                       {"starts_on", reportdb::ValueKind::Date},
                       {"ends_on", reportdb::ValueKind::Date}};
        m_scope.emplace_back(p.name, std::move(bound));
    }
    for (const auto& [name, value] : m_values.values)
        if (!m_def.FindParameter(name)) {
            std::string known;
            for (const auto& p : m_def.parameters)
                known += (known.empty() ? "" : ", ") + p.name;
            throw ValidationError("Paramètre inconnu « " + name + " » pour la définition « " + m_def.name +
                                  " » (paramètres : " + known + ").");
        }
    for (const auto& p : m_def.parameters) {
        if (p.type == ParameterType::Consultation)
            continue;
        const std::string* given = m_values.Find(p.name);
        m_scope.emplace_back(p.name, BindParameter(p, given ? *given : p.defaultValue));
    }
}

Document Engine::Build()
{
    BindParameters();
    DocumentInfo& info = m_doc.info;
    info.title = Expand(m_def.title, nullptr);
    info.subtitle = Expand(m_def.subtitle, nullptr);
    info.author = m_def.author.empty() ? Expand(m_def.organisation, nullptr) : m_def.author;
    info.subject = m_def.description;
    info.keywords = "consultation citoyenne, concertation, " + Bound("consultation")->display;
    info.definitionName = m_def.name;
    for (const auto& p : m_def.parameters)
        if (const BoundValue* bound = Bound(p.name))
            info.parameters.emplace_back(p.label, bound->display.empty() ? "—" : bound->display);
    info.database = m_db.GetLocation().ToDisplayString();
    info.generatedAt = Timestamp::Now();
    m_doc.page.landscape = m_def.page.landscape;
    m_doc.page.marginTopMm = m_def.page.marginTopMm;
    m_doc.page.marginBottomMm = m_def.page.marginBottomMm;
    m_doc.page.marginLeftMm = m_def.page.marginLeftMm;
    m_doc.page.marginRightMm = m_def.page.marginRightMm;
    m_doc.styles.fontFamily = m_def.styles.font;
    m_doc.styles.baseSizePt = m_def.styles.sizePt;
    m_doc.styles.accentColour = m_def.styles.accent;
    m_doc.styles.headerText = Expand(m_def.styles.header, nullptr);
    m_doc.styles.footerText = Expand(m_def.styles.footer, nullptr);
    if (m_progress)
        m_progress->Begin("Préparation du rapport", m_def.sections.size());
    std::uint64_t done = 0;
    for (const auto& section : m_def.sections) {
        CheckCancelled();
        EmitSection(section, 1);
        if (m_progress)
            m_progress->Advance(++done);
    }
    return std::move(m_doc);
}

void Engine::Heading(const std::string& text, int level, bool inContents)
{
    if (text.empty())
        return;
    HeadingBlock heading;
    heading.level = std::clamp(level, 1, 3);
    heading.text = french::Typography(text);
    heading.inContents = inContents;
    m_doc.blocks.push_back(heading);
}

void Engine::Sections(const report::Sections& sections, int level)
{
    for (const auto& section : sections) {
        CheckCancelled();
        EmitSection(section, level);
    }
}

void Engine::EmitSection(const Section& section, int level)
{
    if (!m_values.format.empty() && !section.formats.empty() &&
        std::find(section.formats.begin(), section.formats.end(), m_values.format) == section.formats.end())
        return;
    if (section.level > 0)
        level = section.level;
    if (!section.heading.empty()) {
        Heading(Expand(section.heading, &section), level, section.inContents);
        level = std::min(level + 1, 3);
    }
    const std::string title = Expand(section.title, &section);
    std::visit(
        [&](const auto& body) {
            using T = std::decay_t<decltype(body)>;
            if constexpr (std::is_same_v<T, CoverSection>) {
                CoverBlock cover;
                cover.title = title.empty() ? m_doc.info.title : title;
                cover.subtitle = body.subtitle.empty() ? m_doc.info.subtitle : Expand(body.subtitle, &section);
                cover.organisation =
                    Expand(body.organisation.empty() ? m_def.organisation : body.organisation, &section);
                cover.dateText =
                    body.date.empty() ? french::LongDate(Timestamp::Now().Day()) : Expand(body.date, &section);
                if (!m_def.logo.empty()) {
                    const std::size_t slash = m_def.fileName.find_last_of('/');
                    cover.logoPath = m_def.logo[0] == '/' || slash == std::string::npos
                                         ? m_def.logo
                                         : m_def.fileName.substr(0, slash + 1) + m_def.logo;
                }
                m_doc.blocks.push_back(cover);
            } else if constexpr (std::is_same_v<T, ContentsSection>) {
                ContentsBlock contents;
                contents.title = title.empty() ? body.title : title;
                m_doc.blocks.push_back(contents);
            } else if constexpr (std::is_same_v<T, TextSection>) {
                Heading(title, level, section.inContents);
                m_doc.blocks.push_back(Markup(body.text, &section));
            } else if constexpr (std::is_same_v<T, PageBreakSection>) {
                m_doc.blocks.push_back(PageBreakBlock{});
            } else if constexpr (std::is_same_v<T, TableSection>) {
                Table(section, body);
            } else if constexpr (std::is_same_v<T, CrossTableSection>) {
                CrossTable(section, body);
            } else if constexpr (std::is_same_v<T, ChartSection>) {
                Chart(section, body);
            } else if constexpr (std::is_same_v<T, QuotesSection>) {
                Heading(title, level, section.inContents);
                Quotes(section, body, std::min(level + 1, 3));
            } else if constexpr (std::is_same_v<T, BookletSection>) {
                Heading(title, level, section.inContents);
                Booklet(section, body);
            } else if constexpr (std::is_same_v<T, RepeatSection>) {
                Repeat(section, body, level);
            }
        },
        section.body);
}

void Engine::Repeat(const Section& section, const RepeatSection& repeat, int level)
{
    const RepeatSource* source = FindRepeatSource(repeat.over);
    const DatasetInfo* dataset = source ? FindDataset(source->dataset) : nullptr;
    if (!source || !dataset)
        return;
    // Every field of each item, so that {item.field} can show any of them.
    reportdb::DatasetQuery query = Query(source->dataset, &section);
    for (const auto& field : dataset->fields)
        query.columns.push_back({field.name, reportdb::Aggregate::None});
    std::vector<reportdb::QueryRow> items;
    reportdb::Run(m_db, query, [&](const reportdb::QueryRow& row) { items.push_back(row); });
    std::size_t self = 0;
    for (std::size_t i = 0; i < dataset->fields.size(); ++i)
        if (dataset->fields[i].name == source->dimension)
            self = i;
    const std::string saved = m_itemSuffix;
    for (const auto& row : items) {
        CheckCancelled();
        BoundValue item;
        item.dimension = source->dimension;
        item.keys = {row[self].key};
        item.raw = row[self].key;
        item.display = row[self].text;
        for (std::size_t i = 0; i < dataset->fields.size(); ++i) {
            item.fields[dataset->fields[i].name] = row[i];
            item.kinds[dataset->fields[i].name] = reportdb::ColumnKind(query, i);
        }
        m_scope.emplace_back(repeat.as, item);
        m_items.push_back({source->dimension, row[self].key});
        m_itemSuffix = saved + " " + row[self].text;
        bool skip = false;
        if (repeat.skipEmpty) {
            const std::string counted =
                FindDataset("contributions")->FindField(source->dimension) ? "contributions" : "tags";
            if (FindDataset(counted)->FindField(source->dimension)) {
                reportdb::DatasetQuery count = Query(counted, nullptr);
                count.columns = {{"", reportdb::Aggregate::Count}};
                long long n = 0;
                reportdb::Run(m_db, count, [&](const reportdb::QueryRow& r) { n = r[0].integer; });
                skip = n == 0;
            }
        }
        if (!skip) {
            Heading(Expand(section.title.empty() ? "{" + repeat.as + "}" : section.title, &section), level,
                    section.inContents);
            Sections(repeat.sections, std::min(level + 1, 3));
        }
        m_items.pop_back();
        m_scope.pop_back();
    }
    m_itemSuffix = saved;
}

std::string Engine::SheetName(const std::string& wanted)
{
    // Excel: at most 31 characters, none of []:*?/\, unique within the workbook.
    std::string name;
    for (const char c : wanted)
        name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    if (name.empty())
        name = "Tableau";
    auto cut = [](const std::string& text, std::size_t max) {
        std::string out = TruncateUtf8(text, max);
        while (!out.empty() && (out.back() == ' ' || out.back() == '-'))
            out.pop_back();
        return out;
    };
    auto taken = [&](const std::string& candidate) {
        return std::any_of(m_sheets.begin(), m_sheets.end(),
                           [&](const std::string& s) { return Fold(s) == Fold(candidate); });
    };
    std::string candidate = cut(name, 31);
    for (int n = 2; taken(candidate) || Fold(candidate) == Fold("Paramètres"); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        candidate = cut(name, 31 - suffix.size()) + suffix;
    }
    m_sheets.push_back(candidate);
    return candidate;
}

} // namespace detail

} // namespace concerto::report
