#include "core/text.h"
#include "db/coding_support.h"
#include "db/evidence_row.h"
#include "db/restitution_internal.h"

#include <cctype>

namespace concerto::restitution {

std::vector<std::string> Distinct(const std::vector<std::string>& values)
{
    std::vector<std::string> result;
    std::set<std::string> seen;
    for (const auto& value : values)
        if (!value.empty() && seen.insert(value).second)
            result.push_back(value);
    return result;
}

void RequireUuids(const std::vector<std::string>& ids, const std::string& what)
{
    for (const auto& id : ids)
        if (!IsUuid(id))
            throw ValidationError(what + " n'existe pas ou appartient à une autre consultation.");
}

std::set<std::string> IdsInConsultation(Database& db, const char* table, const std::string& consultationId,
                                        const std::vector<std::string>& ids)
{
    std::set<std::string> found;
    // Bound in slices: SQLite caps the number of parameters of one statement.
    const std::size_t slice = 500;
    for (std::size_t first = 0; first < ids.size(); first += slice) {
        const std::size_t count = std::min(slice, ids.size() - first);
        Bindings params;
        params.Text("consultation", consultationId);
        const std::string list = coding::BindTexts(params, ids, first, count, "id");
        QueryRows(db,
                  std::string("SELECT x.id FROM ") + table +
                      " x WHERE x.consultation_id = :consultation AND x.id IN (" + list + ")",
                  params, [&](const soci::row& row) { found.insert(Cell::Text(row, 0)); });
    }
    return found;
}

void RequireInConsultation(Database& db, const char* table, const std::string& consultationId,
                           const std::vector<std::string>& ids, const std::string& what)
{
    RequireUuids(ids, what);
    const auto found = IdsInConsultation(db, table, consultationId, ids);
    for (const auto& id : ids)
        if (!found.count(id))
            throw ValidationError(what + " n'existe pas ou appartient à une autre consultation.");
}

std::string RequiredTitle(const std::string& title, const std::string& field)
{
    std::string trimmed = coding::TrimmedName(title);
    if (trimmed.empty())
        throw ValidationError(field + " est obligatoire.");
    return trimmed;
}

void RequireConsultation(Database& db, const std::string& consultationId)
{
    if (!IsUuid(consultationId) || !ConsultationRepository(db).Find(consultationId))
        throw ValidationError("La consultation n'existe pas (ou plus) dans la base.");
}

std::string EvidenceColumns()
{
    return "c.id, c.seq, c.received_at, ch.name, n.name, c.title, SUBSTR(c.body, 1, 200), c.is_quote, ch.code, "
           "c.neighbourhood_id, c.profile";
}

std::string EvidenceJoins()
{
    return " LEFT JOIN channel ch ON ch.id = c.channel_id LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id";
}

EvidenceItem EvidenceFromRow(const soci::row& row, std::size_t first)
{
    EvidenceItem item = ReadEvidenceLine<EvidenceItem>(row, first, &EvidenceItem::excerpt);
    // SUBSTR counts characters on both backends; the cut here only guards against odd bytes.
    item.excerpt = FirstCharacters(item.excerpt, 200);
    return item;
}

void ThrowDeleted(const char* table, const std::string& what, const std::string& id, int version)
{
    throw ConflictError("Enregistrement impossible : " + what +
                            " n'existe plus dans la base (suppression faite entre-temps par quelqu'un d'autre).",
                        table, id, version, 0);
}

std::string FirstCharacters(const std::string& text, std::size_t count)
{
    std::size_t pos = 0;
    for (std::size_t n = 0; n < count && pos < text.size(); ++n)
        DecodeUtf8(text, pos);
    return text.substr(0, pos);
}

bool FrenchLess(const std::string& a, const std::string& b)
{
    const std::string fa = Fold(a), fb = Fold(b);
    return fa != fb ? fa < fb : a < b;
}

bool RefLess(const std::string& a, const std::string& b)
{
    // Runs of digits compare by value, everything else character by character.
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
        const bool dbb = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
        if (da && dbb) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei])))
                ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej])))
                ++ej;
            std::string na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
            na.erase(0, std::min(na.find_first_not_of('0'), na.size()));
            nb.erase(0, std::min(nb.find_first_not_of('0'), nb.size()));
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (na != nb)
                return na < nb;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return a.size() - i < b.size() - j;
    return a < b;
}

} // namespace concerto::restitution
