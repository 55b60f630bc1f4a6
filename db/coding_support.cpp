#include "db/coding_support.h"

#include "core/text.h"

#include <cctype>

namespace concerto::coding {

namespace {
// French typography: no-break space before a colon and inside guillemets, narrow one before
// a semicolon and between groups of digits.
const char* const kNbsp = "\u00A0";
const char* const kNarrowNbsp = "\u202F";

int StoredVersion(Database& db, const std::string& table, const std::string& id)
{
    int version = 0;
    if (!IsUuid(id))
        return 0;
    Bindings params;
    params.Text("id", id);
    QueryRows(db, "SELECT version FROM " + table + " WHERE id = :id", params,
              [&](const soci::row& row) { version = static_cast<int>(Cell::Integer(row, 0)); });
    return version;
}
} // namespace

std::string CoderOf(Database& db, const CodingTarget& target)
{
    return target.coder.empty() ? db.UserName() : target.coder;
}

Contribution ReadContribution(Database& db, const std::string& id)
{
    auto found = ContributionRepository(db).Find(id);
    if (!found)
        throw NotFoundError("La contribution n'existe plus dans la base (suppression faite entre-temps par "
                            "quelqu'un d'autre).");
    return std::move(*found);
}

void ThrowConflict(Step step, const std::string& what, const std::string& table, const std::string& id, int expected,
                   int current)
{
    const std::string colon = std::string(kNbsp) + ": ";
    const std::string semicolon = std::string(kNarrowNbsp) + "; ";
    std::string head, tail;
    switch (step) {
    case Step::Apply:
        head = "Enregistrement impossible" + colon;
        tail = semicolon + "rien n'a été enregistré.";
        break;
    case Step::Redo:
        head = "Rétablissement impossible" + colon;
        tail = semicolon + "rien n'a été rétabli.";
        break;
    case Step::Undo:
        head = "Annulation impossible" + colon;
        tail = semicolon + "rien n'a été annulé.";
        break;
    }
    const std::string body = current == 0
                                 ? what + " n'existe plus dans la base (suppression faite entre-temps par quelqu'un "
                                          "d'autre)"
                                 : what + " a changé entre-temps (modification faite par quelqu'un d'autre)";
    throw ConflictError(head + body + tail + " Rechargez pour voir la version enregistrée.", table, id, expected,
                        current);
}

int UpdateContribution(Database& db, Step step, const std::string& id, int expected, const std::string& assignments,
                       Bindings& values)
{
    values.Text("u_id", id);
    values.Integer("u_version", expected);
    values.Text("u_at", Timestamp::Now().ToIso());
    values.Text("u_by", db.UserName());
    const long long affected = Execute(db,
                                       "UPDATE contribution SET " + assignments +
                                           ", version = version + 1, updated_at = :u_at, updated_by = :u_by "
                                           "WHERE id = :u_id AND version = :u_version",
                                       values);
    if (affected != 1)
        ThrowConflict(step, "la contribution", "contribution", id, expected, StoredVersion(db, "contribution", id));
    return expected + 1;
}

bool DeleteRow(Database& db, Step step, const char* table, const char* what, const std::string& id, int version)
{
    Bindings keys;
    keys.Text("id", id);
    keys.Integer("version", version);
    if (Execute(db, std::string("DELETE FROM ") + table + " WHERE id = :id AND version = :version", keys) == 1)
        return true;
    const int current = StoredVersion(db, table, id);
    if (current != 0)
        ThrowConflict(step, what, table, id, version, current);
    return false; // already gone: what the step wanted
}

TagSubject ReadSubject(Database& db, const TagSpec& spec)
{
    const bool isTheme = spec.commitmentId.empty();
    const std::string id = isTheme ? spec.themeId : spec.commitmentId;
    if (id.empty())
        throw ValidationError("Choisissez un engagement ou un thème pour coder la contribution.");
    TagSubject subject;
    subject.isTheme = isTheme;
    bool found = false;
    if (IsUuid(id)) {
        Bindings params;
        params.Text("id", id);
        QueryRows(db,
                  isTheme ? "SELECT consultation_id, code, title FROM theme WHERE id = :id"
                          : "SELECT consultation_id, ref, title FROM commitment WHERE id = :id",
                  params, [&](const soci::row& row) {
                      subject.consultationId = Cell::Text(row, 0);
                      subject.ref = Cell::Text(row, 1);
                      subject.title = Cell::Text(row, 2);
                      found = true;
                  });
    }
    if (!found)
        throw NotFoundError(isTheme ? "Le thème choisi n'existe plus dans la base."
                                    : "L'engagement choisi n'existe plus dans la base.");
    return subject;
}

std::string DescribeTag(Stance stance, const TagSubject& subject, bool brief)
{
    // The preposition each stance takes in French, alone and contracted with "le thème".
    static const char* const kBefore[] = {"à", "de", "pour", "sur", "sur"};
    static const char* const kBeforeTheme[] = {"au thème", "du thème", "pour le thème", "sur le thème", "sur le thème"};
    const auto index = static_cast<std::size_t>(stance) % 5;
    std::string text = FrenchName(stance);
    if (subject.isTheme)
        return text + " " + kBeforeTheme[index] + " " + subject.title;
    text += std::string(" ") + kBefore[index] + " " + subject.ref;
    if (!brief && !subject.title.empty())
        text += " " + subject.title;
    return text;
}

std::string SameSubjectCondition(const TagSpec& spec, Bindings& params, const std::string& prefix)
{
    if (!spec.commitmentId.empty()) {
        params.Text(prefix + "commitment", spec.commitmentId);
        return "t.commitment_id = :" + prefix + "commitment";
    }
    params.Text(prefix + "theme", spec.themeId);
    return "t.commitment_id IS NULL AND t.theme_id = :" + prefix + "theme";
}

std::string Quoted(const std::string& text)
{
    return std::string("«") + kNbsp + text + kNbsp + "»";
}

std::string FormatCount(long long count)
{
    const std::string digits = std::to_string(count < 0 ? -count : count);
    std::string text = count < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            text += kNarrowNbsp;
        text += digits[i];
    }
    return text;
}

std::string TrimmedName(const std::string& name)
{
    // Besides ASCII white space, the no-break spaces a copy from a word processor brings.
    static const std::string kSpaces[] = {"\u00A0", "\u202F"};
    std::size_t begin = 0, end = name.size();
    bool moved = true;
    while (moved && begin < end) {
        moved = false;
        if (std::isspace(static_cast<unsigned char>(name[begin]))) {
            ++begin;
            moved = true;
        }
        for (const auto& space : kSpaces)
            if (name.compare(begin, space.size(), space) == 0) {
                begin += space.size();
                moved = true;
            }
    }
    moved = true;
    while (moved && end > begin) {
        moved = false;
        if (std::isspace(static_cast<unsigned char>(name[end - 1]))) {
            --end;
            moved = true;
        }
        for (const auto& space : kSpaces)
            if (end - begin >= space.size() && name.compare(end - space.size(), space.size(), space) == 0) {
                end -= space.size();
                moved = true;
            }
    }
    return name.substr(begin, end - begin);
}

std::optional<Label> FindLabel(Database& db, const std::string& consultationId, const std::string& name)
{
    // A consultation has tens of labels, not thousands: folding them here is simpler than a
    // folded column, and the same on both backends.
    const auto labels = LabelRepository(db).ListBy("consultation_id", consultationId, "name");
    for (const auto& label : labels)
        if (label.name == name)
            return label;
    const std::string folded = Fold(name);
    for (const auto& label : labels)
        if (Fold(label.name) == folded)
            return label;
    return std::nullopt;
}

bool RemoveLabelIfUnused(Database& db, const std::string& id, int version)
{
    Bindings params;
    params.Text("id", id);
    params.Integer("version", version);
    params.Text("used_by_link", id);
    params.Text("used_by_topic", id);
    return Execute(db,
                   "DELETE FROM label WHERE id = :id AND version = :version "
                   "AND NOT EXISTS (SELECT 1 FROM contribution_label l WHERE l.label_id = :used_by_link) "
                   "AND NOT EXISTS (SELECT 1 FROM topic_link k WHERE k.label_id = :used_by_topic)",
                   params) == 1;
}

std::string BindTexts(Bindings& params, const std::vector<std::string>& values, std::size_t first, std::size_t count,
                      const std::string& prefix)
{
    std::string list;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string name = prefix + std::to_string(i);
        list += (i ? ", :" : ":") + name;
        params.Text(name, values[first + i]);
    }
    return list;
}

// The only backend test of the coding code: notifications exist on PostgreSQL alone, and the
// Dialect interface has no notion of them.
void BeginBulkWrite(Database& db)
{
    if (db.GetBackend() == Backend::Postgresql)
        db.Guarded([&] { db.Session() << "SET LOCAL concerto.bulk = 'on'"; });
}

void Announce(Database& db, const std::string& payload)
{
    if (db.GetBackend() != Backend::Postgresql)
        return;
    Bindings params;
    params.Text("payload", payload);
    // Execute, not QueryRows: a dynamic row cannot hold pg_notify's void result.
    Execute(db, "SELECT pg_notify('concerto_changes', :payload)", params);
}

const char* DoneColumn(Database& db, const std::string& sampleId, const std::string& coder)
{
    std::string coderA, coderB;
    bool found = false;
    if (IsUuid(sampleId)) {
        Bindings params;
        params.Text("id", sampleId);
        QueryRows(db, "SELECT coder_a, coder_b FROM coding_sample WHERE id = :id", params, [&](const soci::row& row) {
            coderA = Cell::Text(row, 0);
            coderB = Cell::Text(row, 1);
            found = true;
        });
    }
    if (!found)
        throw NotFoundError("L'échantillon de double codage n'existe plus dans la base.");
    if (coder == coderA)
        return "done_by_a";
    if (coder == coderB)
        return "done_by_b";
    throw ValidationError(Quoted(coder) + " ne code pas cet échantillon" + kNbsp + ": ses codeurs sont " +
                          Quoted(coderA) + " et " + Quoted(coderB) + ".");
}

void RequireSampleItem(Database& db, const std::string& sampleId, const std::string& contributionId)
{
    Bindings params;
    params.Text("sample", sampleId);
    params.Text("contribution", contributionId);
    bool found = false;
    QueryRows(db, "SELECT 1 FROM coding_sample_item WHERE sample_id = :sample AND contribution_id = :contribution",
              params, [&](const soci::row&) { found = true; });
    if (!found)
        throw ValidationError("Cette contribution ne fait pas partie de l'échantillon de double codage.");
}

} // namespace concerto::coding
