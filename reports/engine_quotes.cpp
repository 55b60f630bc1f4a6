// The report engine's quotes (citizens' words per commitment or theme) and commitment booklet.

#include "core/text.h"
#include "reports/engine_context.h"
#include "reports/french.h"

#include <algorithm>
#include <map>
#include <set>

namespace concerto::report::detail {

namespace {

using reportdb::Aggregate;
using reportdb::QueryRow;

// Columns of the quotes query, in this order.
enum QuoteColumn { QGroup, QNumber, QBody, QFlagged, QChannel, QMeeting, QNeighbourhood, QDate, QStance };

std::string Plural(long long n, const std::string& singular, const std::string& plural)
{
    return french::Number(n) + " " + (n > 1 ? plural : singular);
}

// "87 contributions : 31 soutiens, 12 critiques…" from counts per stance code.
std::string CountsSentence(long long total, const std::map<std::string, long long>& byStance)
{
    static const std::pair<const char*, std::pair<const char*, const char*>> kStances[] = {
        {"support", {"soutien", "soutiens"}},
        {"criticism", {"critique", "critiques"}},
        {"proposal", {"proposition", "propositions"}},
        {"question", {"question", "questions"}},
        {"observation", {"constat", "constats"}}};
    std::string parts;
    for (const auto& [code, words] : kStances) {
        const auto found = byStance.find(code);
        if (found != byStance.end() && found->second > 0)
            parts += (parts.empty() ? "" : ", ") + Plural(found->second, words.first, words.second);
    }
    std::string sentence = Plural(total, "contribution", "contributions");
    if (!parts.empty())
        sentence += " : " + parts;
    return sentence + ".";
}

std::string LowerFirst(std::string text)
{
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

} // namespace

void Engine::Quotes(const Section& section, const QuotesSection& quotes, int level)
{
    const std::string groupField = quotes.per == QuotesSection::Per::Commitment ? "commitment"
                                   : quotes.per == QuotesSection::Per::Theme    ? "theme"
                                                                                : "";
    // Datasets without stances (a point's evidence) count contributions only.
    const std::string dataset = quotes.dataset.empty() ? std::string("tags") : quotes.dataset;
    const DatasetInfo* info = FindDataset(dataset);
    const bool stanced = info && info->FindField("stance");
    const std::string stance = stanced ? "stance" : "contribution";
    const reportdb::DatasetQuery base = Query(dataset, &section);
    // Stance counts per group, over every contribution in scope (quotable or not).
    std::map<std::string, std::map<std::string, long long>> byStance;
    std::map<std::string, long long> totals;
    {
        reportdb::DatasetQuery q = base;
        if (stanced) {
            q.columns = {{groupField.empty() ? "stance" : groupField, Aggregate::None},
                         {"stance", Aggregate::None},
                         {"contribution", Aggregate::Distinct}};
            reportdb::Run(m_db, q, [&](const QueryRow& row) {
                byStance[groupField.empty() ? "" : row[0].key][row[1].key] = row[2].integer;
            });
        }
        q.columns = {{groupField, Aggregate::None}, {"contribution", Aggregate::Distinct}};
        if (groupField.empty())
            q.columns = {{"contribution", Aggregate::Distinct}};
        reportdb::Run(m_db, q, [&](const QueryRow& row) {
            totals[groupField.empty() ? "" : row[0].key] = groupField.empty() ? row[0].integer : row[1].integer;
        });
    }
    reportdb::DatasetQuery q = base;
    q.columns = {{groupField.empty() ? stance : groupField, Aggregate::None},
                 {"contribution", Aggregate::None},
                 {"body", Aggregate::None},
                 {"is_quote", Aggregate::None},
                 {"channel", Aggregate::None},
                 {"meeting", Aggregate::None},
                 {"neighbourhood", Aggregate::None},
                 {"date", Aggregate::None},
                 {stance, Aggregate::None}};
    reportdb::FieldFilter length;
    length.field = "body";
    length.op = reportdb::FieldFilter::Op::MinLength;
    length.length = quotes.minLength;
    q.filters.push_back(length);
    if (quotes.onlyFlagged) {
        reportdb::FieldFilter flagged;
        flagged.field = "is_quote";
        flagged.values = {"1"};
        q.filters.push_back(flagged);
    }
    if (quotes.flaggedFirst)
        q.sort.push_back({QFlagged, true});
    q.sort.push_back({QNumber, false});
    // A few spare candidates per group: anonymising may shorten some below the minimum.
    if (groupField.empty())
        q.limit = quotes.max * 4L;
    else {
        q.perGroupField = groupField;
        q.perGroupLimit = quotes.max * 4L;
    }
    std::map<std::string, std::vector<QueryRow>> candidates;
    reportdb::Run(m_db, q,
                  [&](const QueryRow& row) { candidates[groupField.empty() ? "" : row[QGroup].key].push_back(row); });
    std::vector<std::pair<std::string, std::string>> groups;
    if (groupField.empty())
        groups = {{"", ""}};
    else
        for (const auto& member : AxisMembers(dataset, groupField, &section))
            groups.emplace_back(member.key, member.label);
    for (const auto& [key, label] : groups) {
        CheckCancelled();
        std::vector<QuoteBlock> chosen;
        std::set<long long> seen;
        std::set<std::string> stances;
        auto take = [&](const QueryRow& row) {
            if (static_cast<int>(chosen.size()) >= quotes.max || seen.count(row[QNumber].integer))
                return;
            const std::string text = Anonymise(row[QBody].text); // masked even when the definition says not to
            if (static_cast<int>(Utf8Length(text)) < quotes.minLength)
                return;
            seen.insert(row[QNumber].integer);
            if (stanced)
                stances.insert(row[QStance].key);
            QuoteBlock quote;
            quote.text = french::Typography(Shorten(text, static_cast<std::size_t>(quotes.maxLength)));
            std::string source = row[QMeeting].key.empty() ? row[QChannel].text : row[QMeeting].text;
            if (!row[QNeighbourhood].key.empty() && row[QNeighbourhood].text != "Non renseigné" &&
                source.find(row[QNeighbourhood].text) == std::string::npos)
                source += ", " + row[QNeighbourhood].text;
            source += " — " + french::LongDate(row[QDate].date);
            quote.source = french::Typography(source);
            if (stanced)
                quote.stance = LowerFirst(row[QStance].text);
            chosen.push_back(std::move(quote));
        };
        const auto& rows = candidates[key];
        // Flagged quotes first, then one of each stance not yet heard, then the rest.
        if (quotes.flaggedFirst)
            for (const auto& row : rows)
                if (row[QFlagged].integer)
                    take(row);
        if (stanced)
            for (const auto& row : rows)
                if (!stances.count(row[QStance].key))
                    take(row);
        for (const auto& row : rows)
            take(row);
        if (chosen.empty() && quotes.skipEmpty)
            continue;
        if (!groupField.empty())
            Heading(label, level, section.inContents);
        if (quotes.showCounts) {
            TextBlock counts;
            Paragraph paragraph;
            paragraph.spans.push_back({french::Typography(CountsSentence(totals[key], byStance[key])), false, true});
            counts.paragraphs.push_back(std::move(paragraph));
            m_doc.blocks.push_back(std::move(counts));
        }
        if (chosen.empty()) {
            TextBlock none;
            none.paragraphs.push_back({Paragraph::Kind::Body, {{"Aucune contribution citable.", false, true}}});
            m_doc.blocks.push_back(std::move(none));
        }
        for (auto& quote : chosen)
            m_doc.blocks.push_back(std::move(quote));
    }
}

ChangeLines Engine::PointsByCommitment(const Section& section)
{
    // The points decided on or before the booklet's date (every point without one).
    reportdb::DatasetQuery q = Query("commitment_changes", &section);
    enum { PRef, PTitle, PDecision, PChange, PDay };
    q.columns = {{"commitment_ref", Aggregate::None},
                 {"title", Aggregate::None},
                 {"decision", Aggregate::None},
                 {"change", Aggregate::None},
                 {"decided_on", Aggregate::None}};
    if (const auto at = DateValue(section.at)) {
        reportdb::FieldFilter until;
        until.field = "decided_on";
        until.op = reportdb::FieldFilter::Op::Range;
        until.to = at->ToIso();
        q.filters.push_back(until);
    }
    static const std::map<std::string, std::string> kDecided = {
        {"adopted", "adoptée"}, {"proposed", "proposée"}, {"rejected", "rejetée"}, {"deferred", "reportée"}};
    ChangeLines lines;
    reportdb::Run(m_db, q, [&](const QueryRow& row) {
        const auto decided = kDecided.find(row[PDecision].key);
        std::string line = "Réorientation " + (decided == kDecided.end() ? row[PDecision].text : decided->second);
        if (!row[PDay].null)
            line += " le " + french::ShortDate(row[PDay].date);
        line += " : " + row[PTitle].text;
        if (!row[PChange].null && !row[PChange].text.empty())
            line += " (" + LowerFirst(row[PChange].text) + ")";
        lines[row[PRef].text].push_back(line);
    });
    return lines;
}

void Engine::Booklet(const Section& section, const BookletSection& booklet)
{
    reportdb::DatasetQuery q = Query("commitments", &section);
    q.statusAt = DateValue(section.at);
    enum { CRef, CTitle, CDescription, CTheme, CStatus, CComment, CDate, COrigin };
    q.columns = {{"ref", Aggregate::None},         {"title", Aggregate::None},  {"description", Aggregate::None},
                 {"theme", Aggregate::None},       {"status", Aggregate::None}, {"status_comment", Aggregate::None},
                 {"status_date", Aggregate::None}, {"origin", Aggregate::None}};
    std::vector<QueryRow> rows;
    reportdb::Run(m_db, q, [&](const QueryRow& row) {
        if (!row[CStatus].null) // not yet a commitment at that date
            rows.push_back(row);
    });
    const auto changes = booklet.showReorientations ? PointsByCommitment(section) : ChangeLines{};
    std::vector<std::string> statuses = booklet.statuses;
    if (statuses.empty())
        statuses = {"done", "in_progress", "planned", "dropped"};
    auto rank = [&](const std::string& status) {
        return static_cast<std::size_t>(std::find(statuses.begin(), statuses.end(), status) - statuses.begin());
    };
    auto entry = [&](const QueryRow& row) {
        CommitmentEntry e;
        e.ref = row[CRef].text;
        e.title = french::Typography(row[CTitle].text);
        if (booklet.showDescription)
            e.description = french::Typography(row[CDescription].text);
        e.status = row[CStatus].text;
        e.statusCode = row[CStatus].key;
        if (booklet.showComment && !row[CComment].text.empty()) {
            e.detail = row[CComment].text;
            if (!row[CDate].null)
                e.detail += " (" + french::LongDate(row[CDate].date) + ")";
        }
        if (row[COrigin].key == "restitution")
            e.detail += std::string(e.detail.empty() ? "" : " — ") + "Né à la soirée de restitution";
        if (const auto found = changes.find(row[CRef].text); found != changes.end())
            for (const auto& line : found->second)
                e.detail += (e.detail.empty() ? "" : "\n") + line;
        e.detail = french::Typography(e.detail);
        return e;
    };
    if (booklet.groupBy == BookletSection::GroupBy::Status) {
        for (const auto& status : statuses) {
            CommitmentListBlock block;
            for (const auto& row : rows)
                if (row[CStatus].key == status) {
                    if (block.title.empty())
                        block.title = row[CStatus].text;
                    block.entries.push_back(entry(row));
                }
            if (block.entries.empty())
                continue;
            block.title +=
                " (" + Plural(static_cast<long long>(block.entries.size()), "engagement", "engagements") + ")";
            m_doc.blocks.push_back(std::move(block));
        }
        return;
    }
    std::vector<std::string> themes;
    for (const auto& row : rows)
        if (std::find(themes.begin(), themes.end(), row[CTheme].key) == themes.end())
            themes.push_back(row[CTheme].key);
    for (const auto& theme : themes) {
        std::vector<const QueryRow*> members;
        for (const auto& row : rows)
            if (row[CTheme].key == theme && rank(row[CStatus].key) < statuses.size())
                members.push_back(&row);
        if (members.empty())
            continue;
        std::stable_sort(members.begin(), members.end(), [&](const QueryRow* a, const QueryRow* b) {
            return rank((*a)[CStatus].key) < rank((*b)[CStatus].key);
        });
        CommitmentListBlock block;
        block.title = french::Typography(members.front()->at(CTheme).text);
        for (const QueryRow* row : members)
            block.entries.push_back(entry(*row));
        m_doc.blocks.push_back(std::move(block));
    }
}

} // namespace concerto::report::detail
