// The audit trail: reading it, its retention setting and its purge. The entries themselves are
// written by the triggers of migration 004 (db/migrations/*/004_audit.sql), never from here.

#include "db/audit.h"

#include "core/errors.h"
#include "core/import_spec.h"
#include "db/repositories.h"
#include "db/repository.h"

#include <soci/soci.h>

namespace concerto {

namespace {

constexpr const char* kRetentionKey = "audit.retention_months";
constexpr int kMinRetentionMonths = 1;
constexpr int kMaxRetentionMonths = 240;

std::vector<std::string> SplitFields(const std::string& text)
{
    std::vector<std::string> fields;
    std::string::size_type start = 0;
    while (start < text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        if (end > start)
            fields.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return fields;
}

// Instants are stored in UTC; the trail shows them in this computer's local time, as the
// import and export files do (FormatImportInstant without its offset).
std::string LocalTime(const Timestamp& when) { return FormatImportInstant(when).substr(0, 19); }

// The start of the local day "YYYY-MM-DD", as the UTC text the at column compares with.
std::string LocalDayStart(const std::string& day)
{
    const auto date = Date::Parse(day);
    if (!date || day.size() != 10)
        throw ValidationError("Date de début invalide : « " + day + " » (attendu AAAA-MM-JJ).");
    const auto start = ParseImportInstant(date->ToIso() + " 00:00:00");
    if (!start)
        throw ValidationError("Date de début invalide : « " + day + " » (attendu AAAA-MM-JJ).");
    return start->ToIso();
}

void CheckMonths(int months)
{
    if (months < kMinRetentionMonths || months > kMaxRetentionMonths)
        throw ValidationError("La durée de conservation du journal des modifications doit être comprise entre " +
                              std::to_string(kMinRetentionMonths) + " et " + std::to_string(kMaxRetentionMonths) +
                              " mois (" + std::to_string(months) + " demandé).");
}

} // namespace

std::vector<AuditEntry> ListAudit(Database& db, const AuditFilter& filter)
{
    std::string sql = "SELECT a.id, a.at, a.login, a.table_name, a.row_id, a.contribution_id, a.action, a.fields "
                      "FROM audit_log a WHERE 1 = 1";
    Bindings bindings;
    // Ids are uuid columns on PostgreSQL: a text that is no UUID matches nothing (and must not
    // reach the server, which would refuse the cast).
    const std::pair<const char*, const std::string*> ids[] = {{"row_id", &filter.rowId},
                                                               {"contribution_id", &filter.contributionId}};
    for (const auto& [column, value] : ids) {
        if (value->empty())
            continue;
        if (!IsUuid(*value))
            return {};
        sql += std::string(" AND a.") + column + " = :" + column;
        bindings.Text(column, *value);
    }
    if (!filter.table.empty()) {
        sql += " AND a.table_name = :table_name";
        bindings.Text("table_name", filter.table);
    }
    if (!filter.login.empty()) {
        sql += " AND a.login = :login";
        bindings.Text("login", filter.login);
    }
    if (!filter.since.empty()) {
        sql += " AND a.at >= :since";
        bindings.Text("since", LocalDayStart(filter.since));
    }
    sql += " ORDER BY a.at DESC, a.id DESC";
    if (filter.limit > 0) {
        sql += " LIMIT :limit";
        bindings.Integer("limit", filter.limit);
    }
    std::vector<AuditEntry> entries;
    QueryRows(db, sql, bindings, [&](const soci::row& row) {
        AuditEntry entry;
        entry.id = Cell::Integer(row, 0);
        entry.at = LocalTime(Cell::Instant(row, 1));
        entry.login = Cell::Text(row, 2);
        entry.table = Cell::Text(row, 3);
        entry.rowId = Cell::Text(row, 4);
        entry.contributionId = Cell::Text(row, 5);
        const std::string action = Cell::Text(row, 6);
        entry.action = action.empty() ? 'U' : action[0];
        entry.fields = SplitFields(Cell::Text(row, 7));
        entries.push_back(std::move(entry));
    });
    return entries;
}

int AuditRetentionMonths(Database& db)
{
    const std::string text = SettingRepository(db).Value(kRetentionKey);
    try {
        std::size_t used = 0;
        const int months = std::stoi(text, &used);
        if (used == text.size() && months >= kMinRetentionMonths && months <= kMaxRetentionMonths)
            return months;
    } catch (const std::exception&) {
        // unset or not a number: the default applies
    }
    return kDefaultAuditRetentionMonths;
}

void SetAuditRetentionMonths(Database& db, int months)
{
    CheckMonths(months);
    SettingRepository(db).SetValue(kRetentionKey, std::to_string(months));
}

long long PurgeAudit(Database& db, int months)
{
    CheckMonths(months);
    long long removed = 0;
    db.InTransaction([&] {
        Bindings bindings;
        bindings.Integer("months", months);
        if (db.GetBackend() == Backend::Postgresql) {
            // The function runs as the owner: an admin may purge without any right on the table.
            QueryRows(db, "SELECT concerto_purge_audit(:months)", bindings,
                      [&](const soci::row& row) { removed = Cell::Integer(row, 0); });
            return;
        }
        removed = Execute(db, "DELETE FROM audit_log WHERE at < datetime('now', '-' || :months || ' months')",
                          bindings);
        Bindings entry;
        entry.Text("login", db.UserName());
        Execute(db,
                "INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields) "
                "VALUES (:login, 'audit_log', NULL, NULL, 'D', '')",
                entry);
    });
    return removed;
}

} // namespace concerto
