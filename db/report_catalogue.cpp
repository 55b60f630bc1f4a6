#include "db/report_catalogue.h"

#include <map>
#include <mutex>

namespace concerto::reportdb::detail {

namespace {

using EnumList = std::vector<std::pair<std::string, std::string>>;

const std::map<std::string, EnumList>& Enums()
{
    static const std::map<std::string, EnumList> enums = {
        {"stance",
         {{"support", "Soutien"},
          {"criticism", "Critique"},
          {"proposal", "Proposition"},
          {"question", "Question"},
          {"observation", "Constat"}}},
        {"status",
         {{"done", "Fait"}, {"in_progress", "En cours"}, {"planned", "Reste à faire"}, {"dropped", "Abandonné"}}},
        {"state", {{"new", "Nouvelle"}, {"tagged", "Codée"}, {"to_review", "À revoir"}, {"excluded", "Exclue"}}},
        {"meeting_kind", {{"ordinary", "Rencontre"}, {"agora", "Agora"}, {"restitution", "Restitution"}}},
        {"decision", {{"proposed", "Proposé"}, {"adopted", "Adopté"}, {"rejected", "Rejeté"}, {"deferred", "Reporté"}}},
        {"origin", {{"programme", "Programme"}, {"restitution", "Restitution"}}},
        {"change", {{"amended", "Modifié"}, {"new", "Nouveau"}, {"dropped", "Abandonné"}}},
    };
    return enums;
}

// CASE expressions giving an enumeration's label (lower-cased on demand) or its rank.
std::string EnumCase(const std::string& dimension, const std::string& expr, bool rank, bool lower = false)
{
    std::string sql = "CASE " + expr;
    int position = 0;
    for (const auto& [code, label] : Enums().at(dimension)) {
        std::string shown = label;
        if (lower && !shown.empty() && shown[0] >= 'A' && shown[0] <= 'Z')
            shown[0] = static_cast<char>(shown[0] - 'A' + 'a');
        sql += " WHEN '" + code + "' THEN " + (rank ? std::to_string(++position) : "'" + shown + "'");
    }
    return sql + (rank ? " ELSE 99 END" : " ELSE " + expr + " END");
}

// What differs between the two dialects inside expressions.
struct Dialects {
    Backend backend;
    bool Lite() const { return backend == Backend::Sqlite; }
    std::string Day(const std::string& e) const
    {
        return Lite() ? "substr(" + e + ", 1, 10)" : "CAST(" + e + " AS date)";
    }
    std::string Month(const std::string& e) const
    {
        return Lite() ? "substr(" + e + ", 1, 7)" : "to_char(" + e + ", 'YYYY-MM')";
    }
    std::string Text(const std::string& e) const { return Lite() ? e : "CAST(" + e + " AS text)"; }
    /// "a, b, c": the values of `expr` over `fromWhere`, in `order`.
    std::string List(const std::string& expr, const std::string& fromWhere, const std::string& order,
                     bool distinct = false) const
    {
        if (Lite())
            return "(SELECT group_concat(x, ', ') FROM (SELECT " + std::string(distinct ? "DISTINCT " : "") + expr +
                   " AS x " + fromWhere + " ORDER BY " + (distinct ? "1" : order) + "))";
        return "(SELECT string_agg(" + std::string(distinct ? "DISTINCT " : "") + expr + ", ', ' ORDER BY " +
               (distinct ? expr : order) + ") " + fromWhere + ")";
    }
};

FieldSql Plain(const char* name, ValueKind kind, std::string value, std::string order = {})
{
    FieldSql f;
    f.spec = {name, kind, ""};
    f.value = std::move(value);
    f.order = std::move(order);
    return f;
}

FieldSql Dim(const char* name, const char* dimension, std::string label, std::string key, std::string order)
{
    FieldSql f;
    f.spec = {name, ValueKind::Dimension, dimension};
    f.value = std::move(label);
    f.key = std::move(key);
    f.order = std::move(order);
    return f;
}

FieldSql Enum(const char* name, const char* dimension, const std::string& column)
{
    return Dim(name, dimension, EnumCase(dimension, column, false), column, EnumCase(dimension, column, true));
}

FieldSql Instant(const char* name, const std::string& column)
{
    FieldSql f = Plain(name, ValueKind::DateTime, column);
    f.range = column;
    f.rangeIsInstant = true;
    return f;
}

FieldSql DayOf(const Dialects& d, const char* name, const std::string& column)
{
    FieldSql f = Plain(name, ValueKind::Date, d.Day(column), column);
    f.range = column;
    f.rangeIsInstant = true;
    return f;
}

const char* const kNotExcluded = "state <> 'excluded'";

// The fields of a contribution (alias c, joins ch, m, n, cd), shared by contributions and tags.
std::vector<FieldSql> ContributionFields(const Dialects& d)
{
    return {
        Plain("number", ValueKind::Integer, "c.seq"),
        Instant("received_at", "c.received_at"),
        DayOf(d, "date", "c.received_at"),
        Plain("month", ValueKind::Text, d.Month("c.received_at")),
        Dim("channel", "channel", "ch.name", d.Text("c.channel_id"), "ch.position"),
        Dim("meeting", "meeting", "COALESCE(m.title, 'Hors rencontre')", d.Text("c.meeting_id"),
            d.Lite() ? "COALESCE(m.starts_at, '9999')" : "COALESCE(m.starts_at, CAST('9999-12-31' AS timestamptz))"),
        Dim("neighbourhood", "neighbourhood", "COALESCE(n.name, 'Non renseigné')", d.Text("c.neighbourhood_id"),
            "COALESCE(n.position, 1000000)"),
        Plain("card", ValueKind::Text, "COALESCE(cd.title, '')"),
        Plain("profile", ValueKind::Text, "c.profile"),
        Plain("age_bracket", ValueKind::Text, "c.age_bracket"),
        Plain("title", ValueKind::Text, "c.title"),
        Plain("body", ValueKind::Text, "c.body"),
        Plain("source_ref", ValueKind::Text, "COALESCE(c.source_ref, '')"),
        Enum("state", "state", "c.state"),
        Plain("exclusion_reason", ValueKind::Text, "c.exclusion_reason"),
        Plain("is_quote", ValueKind::Boolean, d.Lite() ? "c.is_quote" : "CAST(c.is_quote AS integer)"),
    };
}

/// A contribution's coded commitments with their stance (« LOG-01 (soutien) ») and its labels.
void AddCodingFields(const Dialects& d, std::vector<FieldSql>& fields)
{
    fields.push_back(Plain("commitments", ValueKind::Text,
                           d.List("cm2.ref || ' (' || " + EnumCase("stance", "t2.stance", false, true) + " || ')'",
                                  "FROM tag t2 JOIN commitment cm2 ON cm2.id = t2.commitment_id WHERE "
                                  "t2.contribution_id = c.id",
                                  "cm2.position, cm2.ref, t2.stance")));
    fields.push_back(Plain("labels", ValueKind::Text,
                           d.List("lb2.name",
                                  "FROM contribution_label cl2 JOIN label lb2 ON lb2.id = cl2.label_id WHERE "
                                  "cl2.contribution_id = c.id",
                                  "lb2.name")));
}

const char* const kContributionJoins = " JOIN channel ch ON ch.id = c.channel_id"
                                       " LEFT JOIN meeting m ON m.id = c.meeting_id"
                                       " LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id"
                                       " LEFT JOIN card cd ON cd.id = c.card_id";

DatasetSql Contributions(const Dialects& d)
{
    DatasetSql s{"contributions",        std::string("FROM contribution c") + kContributionJoins,
                 "c.consultation_id",    "c.state",
                 "c.received_at, c.seq", ContributionFields(d)};
    s.fields.push_back(
        Plain("themes", ValueKind::Text,
              d.List("th2.title",
                     "FROM tag t2 LEFT JOIN commitment cm2 ON cm2.id = t2.commitment_id JOIN theme th2 ON "
                     "th2.id = COALESCE(t2.theme_id, cm2.theme_id) WHERE t2.contribution_id = c.id",
                     "", true)));
    AddCodingFields(d, s.fields);
    s.fields.push_back(
        Plain("tag_count", ValueKind::Integer, "(SELECT COUNT(*) FROM tag t2 WHERE t2.contribution_id = c.id)"));
    return s;
}

DatasetSql Tags(const Dialects& d)
{
    DatasetSql s{"tags",
                 std::string("FROM tag t JOIN contribution c ON c.id = t.contribution_id") + kContributionJoins +
                     " LEFT JOIN commitment cm ON cm.id = t.commitment_id"
                     " LEFT JOIN theme th ON th.id = COALESCE(t.theme_id, cm.theme_id)",
                 "c.consultation_id",
                 "c.state",
                 "c.received_at, c.seq, cm.position, t.stance",
                 {Plain("contribution", ValueKind::Integer, "c.seq"),
                  Dim("commitment", "commitment", "COALESCE(cm.ref || ' — ' || cm.title, 'Thème seul')",
                      d.Text("t.commitment_id"), "COALESCE(cm.position, 1000000)"),
                  Plain("commitment_ref", ValueKind::Text, "COALESCE(cm.ref, '')", "COALESCE(cm.position, 1000000)"),
                  Dim("theme", "theme", "th.title", d.Text("th.id"), "th.position"),
                  Enum("stance", "stance", "t.stance"), Plain("coder", ValueKind::Text, "t.coder"),
                  Instant("tagged_at", "t.tagged_at")}};
    for (auto& field : ContributionFields(d))
        if (field.spec.name != "number")
            s.fields.push_back(std::move(field));
    return s;
}

std::string StatusSubquery(const char* column, bool at)
{
    return std::string("(SELECT s.") + column + " FROM commitment_status_change s WHERE s.commitment_id = cm.id" +
           (at ? " AND s.effective_on <= {AT}" : "") + " ORDER BY s.effective_on DESC, s.created_at DESC LIMIT 1)";
}

DatasetSql Commitments(const Dialects& d, bool at)
{
    // At a date: the latest change on or before it; a commitment with no history at all (born
    // at the restitution) has its current status once it exists.
    const std::string status =
        at ? "COALESCE(" + StatusSubquery("status", true) +
                 ", CASE WHEN cm.created_at <= {AT_END} AND NOT EXISTS (SELECT 1 FROM commitment_status_change s3 "
                 "WHERE s3.commitment_id = cm.id) THEN cm.status END)"
           : std::string("cm.status");
    FieldSql statusField = Enum("status", "status", status);
    return {"commitments",
            "FROM commitment cm JOIN theme th ON th.id = cm.theme_id",
            "cm.consultation_id",
            "",
            "th.position, cm.position, cm.ref",
            {Dim("commitment", "commitment", "cm.ref || ' — ' || cm.title", d.Text("cm.id"), "cm.position"),
             Plain("ref", ValueKind::Text, "cm.ref", "cm.position"), Plain("title", ValueKind::Text, "cm.title"),
             Plain("description", ValueKind::Text, "cm.description"),
             Dim("theme", "theme", "th.title", d.Text("th.id"), "th.position"), statusField,
             Plain("status_date", ValueKind::Date, StatusSubquery("effective_on", at)),
             Plain("status_comment", ValueKind::Text, "COALESCE(" + StatusSubquery("comment", at) + ", '')"),
             Enum("origin", "origin", "cm.origin"),
             Plain("contributions", ValueKind::Integer,
                   "(SELECT COUNT(DISTINCT t2.contribution_id) FROM tag t2 JOIN contribution c2 ON c2.id = "
                   "t2.contribution_id WHERE t2.commitment_id = cm.id AND c2." +
                       std::string(kNotExcluded) + ")")}};
}

DatasetSql StatusChanges(const Dialects& d)
{
    return {"status_changes",
            "FROM commitment_status_change s JOIN commitment cm ON cm.id = s.commitment_id JOIN theme th ON th.id = "
            "cm.theme_id",
            "cm.consultation_id",
            "",
            "s.effective_on, cm.position",
            {Dim("commitment", "commitment", "cm.ref || ' — ' || cm.title", d.Text("cm.id"), "cm.position"),
             Plain("commitment_ref", ValueKind::Text, "cm.ref", "cm.position"),
             Dim("theme", "theme", "th.title", d.Text("th.id"), "th.position"), Enum("status", "status", "s.status"),
             Plain("effective_on", ValueKind::Date, "s.effective_on"), Plain("comment", ValueKind::Text, "s.comment")}};
}

DatasetSql Meetings(const Dialects& d)
{
    return {
        "meetings",
        "FROM meeting m JOIN channel ch ON ch.id = m.channel_id LEFT JOIN neighbourhood n ON n.id = "
        "m.neighbourhood_id",
        "m.consultation_id",
        "",
        "m.starts_at, m.ref",
        {Dim("meeting", "meeting", "m.title", d.Text("m.id"), "m.starts_at"), Plain("ref", ValueKind::Text, "m.ref"),
         Plain("title", ValueKind::Text, "m.title"), Enum("kind", "meeting_kind", "m.kind"),
         Dim("channel", "channel", "ch.name", d.Text("m.channel_id"), "ch.position"),
         Dim("neighbourhood", "neighbourhood", "COALESCE(n.name, 'Non renseigné')", d.Text("m.neighbourhood_id"),
             "COALESCE(n.position, 1000000)"),
         Instant("starts_at", "m.starts_at"), Instant("ends_at", "m.ends_at"), DayOf(d, "date", "m.starts_at"),
         Plain("month", ValueKind::Text, d.Month("m.starts_at")), Plain("place", ValueKind::Text, "m.place"),
         Plain("place_kind", ValueKind::Text, "m.place_kind"), Plain("facilitators", ValueKind::Text, "m.facilitators"),
         Plain("attendance", ValueKind::Integer, "m.attendance"), Plain("notes", ValueKind::Text, "m.notes"),
         Plain("contributions", ValueKind::Integer,
               "(SELECT COUNT(*) FROM contribution c2 WHERE c2.meeting_id = m.id AND c2." + std::string(kNotExcluded) +
                   ")"),
         Plain("topics", ValueKind::Text,
               d.List("tp2.title",
                      "FROM topic_link tl2 JOIN topic tp2 ON tp2.id = tl2.topic_id WHERE tl2.meeting_id = m.id",
                      "tp2.title")),
         Plain("outcome", ValueKind::Text,
               d.List("tl2.outcome", "FROM topic_link tl2 WHERE tl2.meeting_id = m.id AND tl2.outcome <> ''",
                      "tl2.outcome"))}};
}

// Neighbourhoods and channels are shared by every consultation; their counts are the consultation's.
DatasetSql Reference(const Dialects& d, const char* name, const char* table, const char* alias, const char* dimension,
                     const char* column)
{
    const std::string a = alias;
    DatasetSql s{name,
                 std::string("FROM ") + table + " " + a,
                 "",
                 "",
                 a + ".position, " + a + ".name",
                 {Dim(dimension, dimension, a + ".name", d.Text(a + ".id"), a + ".position"),
                  Plain("code", ValueKind::Text, a + ".code"), Plain("name", ValueKind::Text, a + ".name")}};
    if (std::string(table) == "channel")
        s.fields.push_back(Plain("description", ValueKind::Text, a + ".description"));
    s.fields.push_back(Plain("contributions", ValueKind::Integer,
                             "(SELECT COUNT(*) FROM contribution c2 WHERE c2." + std::string(column) + " = " + a +
                                 ".id AND c2.consultation_id = {CONSULTATION} AND c2." + kNotExcluded + ")"));
    s.fields.push_back(Plain("meetings", ValueKind::Integer,
                             "(SELECT COUNT(*) FROM meeting m2 WHERE m2." + std::string(column) + " = " + a +
                                 ".id AND m2.consultation_id = {CONSULTATION})"));
    s.fields.push_back(Plain("attendance", ValueKind::Integer,
                             "(SELECT COALESCE(SUM(m2.attendance), 0) FROM meeting m2 WHERE m2." + std::string(column) +
                                 " = " + a + ".id AND m2.consultation_id = {CONSULTATION})"));
    return s;
}

DatasetSql Themes(const Dialects& d)
{
    return {
        "themes",
        "FROM theme th",
        "th.consultation_id",
        "",
        "th.position, th.code",
        {Dim("theme", "theme", "th.title", d.Text("th.id"), "th.position"), Plain("code", ValueKind::Text, "th.code"),
         Plain("title", ValueKind::Text, "th.title"), Plain("description", ValueKind::Text, "th.description"),
         Plain("commitments", ValueKind::Integer, "(SELECT COUNT(*) FROM commitment cm2 WHERE cm2.theme_id = th.id)"),
         Plain("contributions", ValueKind::Integer,
               "(SELECT COUNT(DISTINCT t2.contribution_id) FROM tag t2 JOIN contribution c2 ON c2.id = "
               "t2.contribution_id LEFT JOIN commitment cm2 ON cm2.id = t2.commitment_id WHERE COALESCE(t2.theme_id, "
               "cm2.theme_id) = th.id AND c2." +
                   std::string(kNotExcluded) + ")")}};
}

// Points in the order the restitution reads them: adopted, proposed, deferred, rejected; then by title.
const char* const kPointRank = "CASE r.decision WHEN 'adopted' THEN '1' WHEN 'proposed' THEN '2' WHEN 'deferred' "
                               "THEN '3' ELSE '4' END || r.title";

// The point itself (alias r, meeting m), shared by the datasets that list points.
FieldSql PointField(const Dialects& d)
{
    return Dim("reorientation", "reorientation", "r.title", d.Text("r.id"), kPointRank);
}

// The day a point was decided: its meeting's, else the day it was recorded.
FieldSql DecidedOn(const Dialects& d, const char* name)
{
    return DayOf(d, name, "COALESCE(m.starts_at, r.created_at)");
}

// Contributions (not excluded) behind topic tp: carrying one of its labels or tagged on one of
// its commitments (db/restitution.h, TopicEvidence).
const char* const kTopicEvidence =
    "(EXISTS (SELECT 1 FROM topic_link tl3 JOIN contribution_label cl3 ON cl3.label_id = tl3.label_id WHERE "
    "tl3.topic_id = tp.id AND cl3.contribution_id = c.id) OR EXISTS (SELECT 1 FROM topic_link tl3 JOIN tag t3 ON "
    "t3.commitment_id = tl3.commitment_id WHERE tl3.topic_id = tp.id AND t3.contribution_id = c.id))";

DatasetSql Topics(const Dialects& d)
{
    return {
        "topics",
        "FROM topic tp",
        "tp.consultation_id",
        "",
        "tp.created_at, tp.title",
        {Dim("topic", "topic", "tp.title", d.Text("tp.id"), "tp.created_at"),
         Plain("title", ValueKind::Text, "tp.title"), Plain("description", ValueKind::Text, "tp.description"),
         Plain("labels", ValueKind::Text,
               d.List("lb2.name",
                      "FROM topic_link tl2 JOIN label lb2 ON lb2.id = tl2.label_id WHERE tl2.topic_id = tp.id",
                      "lb2.name")),
         Plain(
             "commitments", ValueKind::Text,
             d.List("cm2.ref",
                    "FROM topic_link tl2 JOIN commitment cm2 ON cm2.id = tl2.commitment_id WHERE tl2.topic_id = tp.id",
                    "cm2.position, cm2.ref")),
         Plain("agoras", ValueKind::Text,
               d.List("m2.title",
                      "FROM topic_link tl2 JOIN meeting m2 ON m2.id = tl2.meeting_id WHERE tl2.topic_id = tp.id",
                      "m2.starts_at")),
         Plain("outcome", ValueKind::Text,
               d.List("tl2.outcome", "FROM topic_link tl2 WHERE tl2.topic_id = tp.id AND tl2.outcome <> ''",
                      "tl2.outcome")),
         Plain("contributions", ValueKind::Integer,
               "(SELECT COUNT(*) FROM contribution c WHERE c.consultation_id = tp.consultation_id AND c." +
                   std::string(kNotExcluded) + " AND " + kTopicEvidence + ")")}};
}

DatasetSql Reorientations(const Dialects& d)
{
    return {
        "reorientations",
        "FROM reorientation r LEFT JOIN meeting m ON m.id = r.meeting_id",
        "r.consultation_id",
        "",
        std::string(kPointRank) + ", r.created_at",
        {PointField(d), Plain("title", ValueKind::Text, "r.title", kPointRank),
         Plain("rationale", ValueKind::Text, "r.rationale"), Enum("decision", "decision", "r.decision"),
         Dim("meeting", "meeting", "COALESCE(m.title, 'Hors rencontre')", d.Text("r.meeting_id"),
             d.Lite() ? "COALESCE(m.starts_at, '9999')" : "COALESCE(m.starts_at, CAST('9999-12-31' AS timestamptz))"),
         DecidedOn(d, "decided_on"), Plain("owner", ValueKind::Text, "r.owner"),
         Plain("follow_up", ValueKind::Text, "r.follow_up"),
         Plain("commitments", ValueKind::Text,
               d.List("cm2.ref || COALESCE(' (' || " + EnumCase("change", "rl2.change", false, true) + " || ')', '')",
                      "FROM reorientation_link rl2 JOIN commitment cm2 ON cm2.id = rl2.commitment_id WHERE "
                      "rl2.reorientation_id = r.id",
                      "cm2.position, cm2.ref")),
         Plain("commitment_titles", ValueKind::Text,
               d.List("cm2.ref || ' — ' || cm2.title || COALESCE(' (' || " +
                          EnumCase("change", "rl2.change", false, true) + " || ')', '')",
                      "FROM reorientation_link rl2 JOIN commitment cm2 ON cm2.id = rl2.commitment_id WHERE "
                      "rl2.reorientation_id = r.id",
                      "cm2.position, cm2.ref")),
         Plain("topics", ValueKind::Text,
               d.List("tp2.title",
                      "FROM reorientation_link rl2 JOIN topic tp2 ON tp2.id = rl2.topic_id WHERE rl2.reorientation_id "
                      "= r.id",
                      "tp2.title")),
         Plain("evidence", ValueKind::Integer,
               "(SELECT COUNT(*) FROM reorientation_link rl2 WHERE rl2.reorientation_id = r.id AND "
               "rl2.contribution_id IS NOT NULL)"),
         Plain("notes", ValueKind::Integer,
               "(SELECT COUNT(*) FROM reorientation_note rn2 WHERE rn2.reorientation_id = r.id)"),
         Plain("latest_note", ValueKind::Text,
               "COALESCE((SELECT rn2.body FROM reorientation_note rn2 WHERE rn2.reorientation_id = r.id ORDER BY "
               "rn2.noted_on DESC, rn2.created_at DESC LIMIT 1), '')"),
         Plain("latest_note_on", ValueKind::Date,
               "(SELECT rn2.noted_on FROM reorientation_note rn2 WHERE rn2.reorientation_id = r.id ORDER BY "
               "rn2.noted_on DESC, rn2.created_at DESC LIMIT 1)")}};
}

// One row per point × cited contribution, with the contribution's fields.
DatasetSql Evidence(const Dialects& d)
{
    DatasetSql s{"evidence",
                 std::string("FROM reorientation_link el JOIN reorientation r ON r.id = el.reorientation_id "
                             "JOIN contribution c ON c.id = el.contribution_id") +
                     kContributionJoins,
                 "r.consultation_id",
                 "c.state",
                 std::string(kPointRank) + ", c.seq",
                 {PointField(d), Enum("decision", "decision", "r.decision"),
                  Plain("contribution", ValueKind::Integer, "c.seq")}};
    for (auto& field : ContributionFields(d))
        if (field.spec.name != "number")
            s.fields.push_back(std::move(field));
    AddCodingFields(d, s.fields);
    return s;
}

// One row per topic × evidence contribution (kTopicEvidence), with the contribution's fields.
DatasetSql TopicEvidence(const Dialects& d)
{
    DatasetSql s{"topic_evidence",
                 std::string("FROM topic tp JOIN contribution c ON c.consultation_id = tp.consultation_id AND ") +
                     kTopicEvidence + kContributionJoins,
                 "tp.consultation_id",
                 "c.state",
                 "tp.created_at, tp.title, c.seq",
                 {Dim("topic", "topic", "tp.title", d.Text("tp.id"), "tp.created_at"),
                  Plain("contribution", ValueKind::Integer, "c.seq")}};
    for (auto& field : ContributionFields(d))
        if (field.spec.name != "number")
            s.fields.push_back(std::move(field));
    return s;
}

// One row per point × commitment it touches: the booklet's « Réorientation adoptée le … ».
DatasetSql CommitmentChanges(const Dialects& d)
{
    return {"commitment_changes",
            "FROM reorientation_link rl JOIN reorientation r ON r.id = rl.reorientation_id JOIN commitment cm ON "
            "cm.id = rl.commitment_id JOIN theme th ON th.id = cm.theme_id LEFT JOIN meeting m ON m.id = r.meeting_id",
            "r.consultation_id",
            "",
            "th.position, cm.position, cm.ref, " + std::string(kPointRank),
            {Dim("commitment", "commitment", "cm.ref || ' — ' || cm.title", d.Text("cm.id"), "cm.position"),
             Plain("commitment_ref", ValueKind::Text, "cm.ref", "cm.position"),
             Dim("theme", "theme", "th.title", d.Text("th.id"), "th.position"),
             Enum("origin", "origin", "cm.origin"), PointField(d), Plain("title", ValueKind::Text, "r.title"),
             Enum("decision", "decision", "r.decision"), Enum("change", "change", "rl.change"),
             DecidedOn(d, "decided_on"), Plain("owner", ValueKind::Text, "r.owner")}};
}

DatasetSql Labels(const Dialects& d)
{
    return {"labels",
            "FROM label lb",
            "lb.consultation_id",
            "",
            "lb.name",
            {Dim("label", "label", "lb.name", d.Text("lb.id"), "lb.name"), Plain("name", ValueKind::Text, "lb.name"),
             Plain("contributions", ValueKind::Integer,
                   "(SELECT COUNT(*) FROM contribution_label cl2 JOIN contribution c2 ON c2.id = cl2.contribution_id "
                   "WHERE cl2.label_id = lb.id AND c2." +
                       std::string(kNotExcluded) + ")"),
             Plain("topics", ValueKind::Text,
                   d.List("tp2.title",
                          "FROM topic_link tl2 JOIN topic tp2 ON tp2.id = tl2.topic_id WHERE tl2.label_id = lb.id",
                          "tp2.title"))}};
}

std::vector<DatasetSql> Build(Backend backend, bool at)
{
    const Dialects d{backend};
    return {Contributions(d),
            Tags(d),
            Commitments(d, at),
            StatusChanges(d),
            Meetings(d),
            Reference(d, "neighbourhoods", "neighbourhood", "n", "neighbourhood", "neighbourhood_id"),
            Reference(d, "channels", "channel", "ch", "channel", "channel_id"),
            Themes(d),
            Topics(d),
            TopicEvidence(d),
            Reorientations(d),
            Evidence(d),
            CommitmentChanges(d),
            Labels(d)};
}

} // namespace

const FieldSql* DatasetSql::Find(const std::string& field) const
{
    for (const auto& f : fields)
        if (f.spec.name == field)
            return &f;
    return nullptr;
}

const std::vector<DatasetSql>& Catalogue(Backend backend, bool statusAt)
{
    static std::once_flag once;
    static std::vector<DatasetSql> catalogues[4];
    std::call_once(once, [] {
        catalogues[0] = Build(Backend::Sqlite, false);
        catalogues[1] = Build(Backend::Sqlite, true);
        catalogues[2] = Build(Backend::Postgresql, false);
        catalogues[3] = Build(Backend::Postgresql, true);
    });
    return catalogues[(backend == Backend::Postgresql ? 2 : 0) + (statusAt ? 1 : 0)];
}

const std::vector<std::pair<std::string, std::string>>& EnumMembers(const std::string& dimension)
{
    static const EnumList none;
    const auto found = Enums().find(dimension);
    return found == Enums().end() ? none : found->second;
}

} // namespace concerto::reportdb::detail
