#pragma once
// The audit trail: every insert, update and delete on the business tables is written by a
// trigger into audit_log with the login (session_user on PostgreSQL, the system user on
// SQLite), the time, the table, the row id, the contribution concerned when there is one, and
// the NAMES of the changed fields, never their values (no personal data in the trail). No
// application role may change or delete it; only the purge (admin) removes old entries.

#include <string>
#include <vector>

namespace concerto {

class Database;

/// One audited change.
struct AuditEntry {
    long long id = 0;
    std::string at;              ///< "YYYY-MM-DD HH:MM:SS", local time
    std::string login;           ///< who
    std::string table;           ///< e.g. "contribution", "tag"
    std::string rowId;           ///< the changed row's id
    std::string contributionId;  ///< the contribution concerned (its own id, or the tag's…), or empty
    char action = 'U';           ///< 'I' insert, 'U' update, 'D' delete
    std::vector<std::string> fields; ///< changed columns (all set columns on insert; none on delete)
};

/// Which entries to list; empty members do not filter.
struct AuditFilter {
    std::string table;
    std::string rowId;
    std::string contributionId; ///< the contribution's own changes and those of its tags, labels, contact details
    std::string login;
    std::string since; ///< "YYYY-MM-DD"
    int limit = 1000;  ///< newest first
};

/// The entries matching `filter`, newest first.
std::vector<AuditEntry> ListAudit(Database& db, const AuditFilter& filter);

/// Default retention of the audit trail, in months, until an admin sets another.
inline constexpr int kDefaultAuditRetentionMonths = 24;
/// The configured retention (app_setting "audit.retention_months").
int AuditRetentionMonths(Database& db);
/// Sets the retention; ValidationError unless 1 ≤ months ≤ 240.
void SetAuditRetentionMonths(Database& db, int months);
/// Deletes the entries older than `months` months (admin only on a server); returns how many.
/// The purge itself is recorded in the trail.
long long PurgeAudit(Database& db, int months);

} // namespace concerto
