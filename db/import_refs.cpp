// Reference data of an import, held in memory: the consultation's themes, meetings, cards,
// commitments and labels and the shared channels and neighbourhoods are small tables, read once,
// so that a million rows resolve their references without a query each. Names match whatever
// their case and accents (Fold); the exact texts already seen are cached so that the common case
// costs one hash lookup.

#include "core/text.h"
#include "db/coding_support.h"
#include "db/import_internal.h"
#include "db/repositories.h"

#include <type_traits>

namespace concerto::import_detail {

void NameIndex::Add(const std::string& name, const std::string& id)
{
    if (!name.empty())
        m_ids.try_emplace(Fold(coding::TrimmedName(name)), id);
}

const std::string* NameIndex::Find(const std::string& name) const
{
    // The same few texts come back on every row: they are remembered as written.
    if (const auto seen = m_exact.find(name); seen != m_exact.end())
        return &seen->second;
    const auto it = m_ids.find(Fold(coding::TrimmedName(name)));
    if (it == m_ids.end())
        return nullptr;
    return &m_exact.emplace(name, it->second).first->second;
}

std::string NameIndex::Display(const std::string& id) const
{
    const auto it = m_display.find(id);
    return it == m_display.end() ? id : it->second;
}

namespace {

/// Fills `index` from `sql` (id, then the names it matches by; the first name is displayed).
void Load(Database& db, NameIndex& index, const std::string& sql, const std::string& consultationId)
{
    Params params;
    if (sql.find(":c") != std::string::npos)
        params.emplace_back("c", consultationId);
    QueryRows(db, sql, params, [&](const soci::row& row) {
        const std::string id = Cell::Text(row, 0);
        index.SetDisplay(id, Cell::Text(row, 1));
        for (std::size_t i = 1; i < row.size(); ++i)
            index.Add(Cell::Text(row, i), id);
    });
}

const char* FrenchField(const std::string& field)
{
    if (field == "theme")
        return "Thème inconnu";
    if (field == "channel")
        return "Canal inconnu";
    if (field == "neighbourhood")
        return "Quartier inconnu";
    if (field == "meeting")
        return "Rencontre inconnue";
    if (field == "card")
        return "Carte inconnue";
    return "Étiquette inconnue";
}

/// Creates the row of `pending` (a theme, channel, neighbourhood or label), named after the text
/// the file gave: its code and its name or title are that text; a consultation's own table gets
/// the consultation; an ordered list puts it at `position` (then advanced). Labels have no code
/// nor position. Returns how the import summary names it, e.g. « Thème « Mobilité » ».
template <class Entity>
std::string CreateNamed(Database& db, const PendingReference& pending, const std::string& consultationId,
                        int& position, const char* noun)
{
    constexpr bool kOfConsultation = std::is_same_v<Entity, Theme> || std::is_same_v<Entity, Label>;
    Entity entity;
    entity.id = pending.id;
    if constexpr (kOfConsultation)
        entity.consultationId = consultationId;
    if constexpr (std::is_same_v<Entity, Theme>)
        entity.title = pending.name;
    else
        entity.name = pending.name;
    if constexpr (!std::is_same_v<Entity, Label>) {
        entity.code = pending.name;
        entity.position = position++;
    }
    Repository<Entity>(db).Create(entity);
    return std::string(noun) + " " + QuoteFrench(pending.name);
}

} // namespace

References::References(Database& db, const std::string& consultationId, ImportKind kind, bool createMissing)
    : m_consultationId(consultationId), m_createMissing(createMissing)
{
    Load(db, m_channels, "SELECT CAST(id AS text), code, name FROM channel", {});
    Load(db, m_neighbourhoods, "SELECT CAST(id AS text), code, name FROM neighbourhood", {});
    Load(db, m_themes, "SELECT CAST(id AS text), code, title FROM theme WHERE consultation_id = :c", consultationId);
    if (kind != ImportKind::Contributions)
        return;
    Load(db, m_meetings, "SELECT CAST(id AS text), ref FROM meeting WHERE consultation_id = :c", consultationId);
    Load(db, m_cards, "SELECT CAST(id AS text), code FROM card WHERE consultation_id = :c", consultationId);
    Load(db, m_commitments, "SELECT CAST(id AS text), ref FROM commitment WHERE consultation_id = :c", consultationId);
    Load(db, m_labels, "SELECT CAST(id AS text), name FROM label WHERE consultation_id = :c", consultationId);
}

NameIndex& References::IndexOf(const std::string& field)
{
    return const_cast<NameIndex&>(*static_cast<const References*>(this)->IndexOf(field));
}

const NameIndex* References::IndexOf(const std::string& field) const
{
    if (field == "theme")
        return &m_themes;
    if (field == "channel")
        return &m_channels;
    if (field == "neighbourhood")
        return &m_neighbourhoods;
    if (field == "meeting")
        return &m_meetings;
    if (field == "card")
        return &m_cards;
    if (field == "tags")
        return &m_commitments;
    return &m_labels;
}

std::string References::Resolve(const std::string& field, const std::string& text, std::string& error)
{
    auto& index = IndexOf(field);
    if (const std::string* id = index.Find(text))
        return *id;
    const std::string name = coding::TrimmedName(text);
    const bool creatable = field == "theme" || field == "channel" || field == "neighbourhood" || field == "labels";
    if (m_createMissing && creatable && !name.empty()) {
        PendingReference pending{field == "theme"     ? PendingReference::Table::Theme
                                 : field == "channel" ? PendingReference::Table::Channel
                                 : field == "labels"  ? PendingReference::Table::Label
                                                      : PendingReference::Table::Neighbourhood,
                                 NewUuid(), name};
        index.Add(name, pending.id);
        index.SetDisplay(pending.id, name);
        m_pending.push_back(pending);
        return pending.id;
    }
    error = std::string(FrenchField(field)) + " : " + QuoteFrench(text) + ".";
    if (creatable)
        error += " Créez-le d'abord, ou importez en créant les références manquantes.";
    return {};
}

std::string References::ResolveTag(const std::string& ref, bool& isTheme, std::string& error)
{
    isTheme = false;
    if (const std::string* id = m_commitments.Find(ref))
        return *id;
    if (const std::string* id = m_themes.Find(ref)) {
        isTheme = true;
        return *id;
    }
    error = "Engagement ou thème inconnu : " + QuoteFrench(ref) + " (ni une référence d'engagement ni un code de thème).";
    return {};
}

void References::CreatePending(Database& db, std::vector<std::string>& created)
{
    int position = 1000;
    for (const auto& pending : m_pending) {
        switch (pending.table) {
        case PendingReference::Table::Theme:
            created.push_back(CreateNamed<Theme>(db, pending, m_consultationId, position, "Thème"));
            break;
        case PendingReference::Table::Channel:
            created.push_back(CreateNamed<Channel>(db, pending, m_consultationId, position, "Canal"));
            break;
        case PendingReference::Table::Neighbourhood:
            created.push_back(CreateNamed<Neighbourhood>(db, pending, m_consultationId, position, "Quartier"));
            break;
        case PendingReference::Table::Label:
            created.push_back(CreateNamed<Label>(db, pending, m_consultationId, position, "Étiquette"));
            break;
        }
    }
}

std::string References::Display(const std::string& field, const std::string& id) const
{
    return IndexOf(field)->Display(id);
}

} // namespace concerto::import_detail
