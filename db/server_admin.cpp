// `server init`: the roles, ownership, grants and row-level security of a shared server.
// Every step is written to be run again: roles are created when missing, ownership moved
// when wrong, and each table's grants are rebuilt from the model below (revoke all, grant
// what the model says), so that a second run changes nothing and a run after an upgrade
// extends the model to the new tables.

#include "db/server_admin.h"

#include "core/errors.h"
#include "db/database.h"
#include "db/server_internal.h"

#include <algorithm>

namespace concerto {

namespace {
using server::Exec;
using server::Query;

// The roles model (docs/shared-server.md). Tables named nowhere here are read by the three
// groups and written by admins only: a new table is never writable by editors by accident.
const std::vector<std::string> kPersonalTables = {"contact_details"};
const std::vector<std::string> kEditorTables = {
    "contribution", "contact_details", "tag",          "label",
    "contribution_label", "meeting", "topic",          "topic_link",
    "reorientation", "reorientation_link", "reorientation_note", "coding_sample",
    "coding_sample_item", "sample_tag"};
// Written only by the owner (migrations, the audit trigger and purge).
const std::vector<std::string> kReadOnlyTables = {"audit_log", "schema_version"};

bool Contains(const std::vector<std::string>& list, const std::string& name)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

// Objects of the schema that belong to an extension (unaccent's functions…) stay as they are.
std::string NotExtension(const std::string& oid, const std::string& catalog)
{
    return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '" + catalog +
           "'::regclass AND d.objid = " + oid + " AND d.deptype = 'e')";
}

// Replaces the @NOT_EXT_* marks of a script by NotExtension conditions.
std::string WithoutExtensions(std::string sql)
{
    const std::pair<std::string, std::string> marks[] = {
        {"@NOT_EXT_PROC", NotExtension("p.oid", "pg_catalog.pg_proc")},
        {"@NOT_EXT_CFG", NotExtension("t.oid", "pg_catalog.pg_ts_config")},
        {"@NOT_EXT_TYPE", NotExtension("t.oid", "pg_catalog.pg_type")},
    };
    for (const auto& [mark, text] : marks)
        for (auto at = sql.find(mark); at != std::string::npos; at = sql.find(mark, at + text.size()))
            sql.replace(at, mark.size(), text);
    return sql;
}

void CheckPrivileges(Database& db)
{
    const auto rows = Query(db, "SELECT session_user, rolsuper, rolcreaterole FROM pg_catalog.pg_roles "
                                "WHERE rolname = session_user");
    if (rows.empty() || (rows[0][1] != "t" && rows[0][2] != "t"))
        throw DatabaseError("Le compte « " + (rows.empty() ? std::string() : rows[0][0]) +
                            " » ne peut pas préparer le serveur : il faut un superutilisateur PostgreSQL (par "
                            "exemple postgres), ou à défaut un compte CREATEROLE propriétaire de la base.");
}

std::vector<std::string> CreateRoles(Database& db, bool superuser)
{
    std::vector<std::string> created;
    std::vector<std::string> roles = {kOwnerRole};
    roles.insert(roles.end(), std::begin(server::kGroupRoles), std::end(server::kGroupRoles));
    for (const std::string& role : roles) {
        const bool owner = role == kOwnerRole;
        if (Query(db, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", {role}).empty()) {
            // The owner creates the personal logins through its SECURITY DEFINER functions.
            Exec(db, "CREATE ROLE " + role + (owner ? " NOLOGIN CREATEROLE" : " NOLOGIN"));
            created.push_back(role);
        }
        // Put right a role someone changed by hand (only a superuser may touch these attributes).
        if (superuser)
            Exec(db, "ALTER ROLE " + role + " NOLOGIN NOSUPERUSER NOCREATEDB NOREPLICATION NOBYPASSRLS " +
                         (owner ? "CREATEROLE" : "NOCREATEROLE"));
    }
    if (!superuser && !Query(db, "SELECT 1 WHERE NOT pg_catalog.pg_has_role(session_user, 'concerto_owner', "
                                 "'MEMBER')")
                           .empty())
        Exec(db, "GRANT concerto_owner TO " + Query(db, "SELECT quote_ident(session_user)")[0][0]);
    // From PostgreSQL 16 on, granting a group needs ADMIN OPTION on it, CREATEROLE no longer suffices.
    if (std::stoi(Query(db, "SHOW server_version_num")[0][0]) >= 160000)
        Exec(db, "GRANT concerto_admin, concerto_editor, concerto_reader TO concerto_owner WITH ADMIN OPTION");
    return created;
}

// Hands every object of the schema that Concerto made to concerto_owner.
void TransferOwnership(Database& db)
{
    Exec(db, WithoutExtensions(R"SQL(
DO $$
DECLARE
    o record;
BEGIN
    FOR o IN SELECT c.relkind, format('%I.%I', n.nspname, c.relname) AS name
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE n.oid = pg_catalog.current_schema()::regnamespace
                AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                AND c.relowner <> 'concerto_owner'::regrole
                -- identity and serial sequences follow their table
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_class'::regclass
                                   AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO concerto_owner',
                       CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.name);
    END LOOP;
    FOR o IN SELECT p.oid::regprocedure AS name FROM pg_catalog.pg_proc p
              WHERE p.pronamespace = pg_catalog.current_schema()::regnamespace AND p.prokind IN ('f', 'p')
                AND p.proowner <> 'concerto_owner'::regrole AND @NOT_EXT_PROC
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO concerto_owner', o.name);
    END LOOP;
    FOR o IN SELECT format('%I.%I', n.nspname, t.cfgname) AS name
               FROM pg_catalog.pg_ts_config t JOIN pg_catalog.pg_namespace n ON n.oid = t.cfgnamespace
              WHERE n.oid = pg_catalog.current_schema()::regnamespace AND t.cfgowner <> 'concerto_owner'::regrole
                AND @NOT_EXT_CFG
    LOOP
        EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %s OWNER TO concerto_owner', o.name);
    END LOOP;
    FOR o IN SELECT format('%I.%I', n.nspname, t.typname) AS name, t.typtype
               FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
              WHERE n.oid = pg_catalog.current_schema()::regnamespace AND t.typtype IN ('e', 'd')
                AND t.typowner <> 'concerto_owner'::regrole AND @NOT_EXT_TYPE
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO concerto_owner', CASE o.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                       o.name);
    END LOOP;
END $$)SQL"));
}

// What PUBLIC could do in the schema goes; the owner may create (migrations run as it), the
// groups may look up names. Then schema_version, the mark of a server set up by us.
void PrepareSchema(Database& db, const std::string& schema)
{
    // Migration 001 needs it, and the owner role may not create extensions.
    Exec(db, "CREATE EXTENSION IF NOT EXISTS unaccent");
    Exec(db, "REVOKE CREATE ON SCHEMA " + schema + " FROM PUBLIC");
    Exec(db, "GRANT USAGE, CREATE ON SCHEMA " + schema + " TO concerto_owner");
    Exec(db, "GRANT USAGE ON SCHEMA " + schema + " TO concerto_admin, concerto_editor, concerto_reader");
    Exec(db, "SET LOCAL ROLE concerto_owner");
    Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, "
             "applied_at text NOT NULL)");
    Exec(db, "RESET ROLE");
}

void GrantTables(Database& db)
{
    std::string sql;
    const auto tables = Query(db, "SELECT c.relname, quote_ident(c.relname), c.relkind IN ('r', 'p') "
                                  "FROM pg_catalog.pg_class c "
                                  "WHERE c.relnamespace = pg_catalog.current_schema()::regnamespace "
                                  "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " +
                                      NotExtension("c.oid", "pg_catalog.pg_class") + " ORDER BY c.relname");
    for (const auto& row : tables) {
        const std::string& name = row[0];
        const std::string& quoted = row[1];
        sql += "REVOKE ALL ON TABLE " + quoted + " FROM PUBLIC, concerto_admin, concerto_editor, concerto_reader;\n";
        sql += "GRANT SELECT ON TABLE " + quoted + " TO concerto_admin, concerto_editor" +
               (Contains(kPersonalTables, name) ? "" : ", concerto_reader") + ";\n";
        if (row[2] == "t" && !Contains(kReadOnlyTables, name))
            sql += "GRANT INSERT, UPDATE, DELETE ON TABLE " + quoted + " TO concerto_admin" +
                   (Contains(kEditorTables, name) ? ", concerto_editor" : "") + ";\n";
    }
    // A serial column needs USAGE on its sequence from whoever inserts (identity columns do not).
    const auto sequences = Query(db, "SELECT quote_ident(s.relname), coalesce(t.relname, '') "
                                     "FROM pg_catalog.pg_class s "
                                     "LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_class'::regclass "
                                     "AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass "
                                     "AND d.deptype IN ('a', 'i') "
                                     "LEFT JOIN pg_catalog.pg_class t ON t.oid = d.refobjid "
                                     "WHERE s.relkind = 'S' "
                                     "AND s.relnamespace = pg_catalog.current_schema()::regnamespace");
    for (const auto& row : sequences) {
        const std::string& table = row[1];
        sql += "REVOKE ALL ON SEQUENCE " + row[0] + " FROM PUBLIC, concerto_admin, concerto_editor, concerto_reader;\n";
        if (!Contains(kReadOnlyTables, table))
            sql += "GRANT USAGE ON SEQUENCE " + row[0] + " TO concerto_admin" +
                   (table.empty() || Contains(kEditorTables, table) ? ", concerto_editor" : "") + ";\n";
    }
    Exec(db, sql);
}

// Row-level security, enabled and forced (the owner too is bound by the policies): personal
// data for admins and editors only; the audit trail readable by the groups and written only by
// the owner, i.e. by its SECURITY DEFINER trigger and purge functions.
void ApplyRowSecurity(Database& db)
{
    std::string sql;
    for (const std::string& table : kPersonalTables) {
        if (Query(db, "SELECT 1 WHERE to_regclass($1) IS NOT NULL", {table}).empty())
            continue;
        sql += "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n";
        sql += "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY;\n";
        sql += "DROP POLICY IF EXISTS concerto_personal_data ON " + table + ";\n";
        sql += "CREATE POLICY concerto_personal_data ON " + table +
               " FOR ALL TO concerto_owner, concerto_admin, concerto_editor USING (true) WITH CHECK (true);\n";
    }
    if (!Query(db, "SELECT 1 WHERE to_regclass('audit_log') IS NOT NULL").empty()) {
        sql += "ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;\n"
               "ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;\n"
               "DROP POLICY IF EXISTS concerto_audit_read ON audit_log;\n"
               "CREATE POLICY concerto_audit_read ON audit_log FOR SELECT "
               "TO concerto_admin, concerto_editor, concerto_reader USING (true);\n"
               "DROP POLICY IF EXISTS concerto_audit_owner ON audit_log;\n"
               "CREATE POLICY concerto_audit_owner ON audit_log FOR ALL TO concerto_owner "
               "USING (true) WITH CHECK (true);\n";
    }
    Exec(db, sql);
}

// No function of the schema is executable by PUBLIC, now or later (triggers need no EXECUTE);
// SECURITY DEFINER ones without a pinned search_path get one; then admins get the user
// management and the audit purge.
void SecureFunctions(Database& db)
{
    Exec(db, WithoutExtensions(R"SQL(
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS name, p.prosecdef,
                    EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%') AS pinned
               FROM pg_catalog.pg_proc p
              WHERE p.pronamespace = pg_catalog.current_schema()::regnamespace AND p.prokind IN ('f', 'p')
                AND p.proowner = 'concerto_owner'::regrole AND @NOT_EXT_PROC
    LOOP
        EXECUTE format('REVOKE ALL ON ROUTINE %s FROM PUBLIC, concerto_admin, concerto_editor, concerto_reader',
                       f.name);
        IF f.prosecdef AND NOT f.pinned THEN
            EXECUTE format('ALTER ROUTINE %s SET search_path = %I, pg_temp', f.name, pg_catalog.current_schema());
        END IF;
    END LOOP;
END $$)SQL"));
    Exec(db, "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");
    std::string grants;
    for (const std::string& function : server::kUserFunctions)
        grants += "GRANT EXECUTE ON FUNCTION " + function + " TO concerto_admin;\n";
    if (!Query(db, "SELECT 1 WHERE to_regprocedure('concerto_purge_audit(integer)') IS NOT NULL").empty())
        grants += "GRANT EXECUTE ON FUNCTION concerto_purge_audit(integer) TO concerto_admin;\n";
    Exec(db, grants);
}

} // namespace

ServerInitReport InitServer(Database& db)
{
    server::RequirePostgres(db, "La préparation d'un serveur (server init)");
    CheckPrivileges(db);
    const bool superuser = Query(db, "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user")[0][0] == "t";
    const auto schemaRows = Query(db, "SELECT quote_ident(current_schema())");
    if (schemaRows.empty() || schemaRows[0][0].empty())
        throw DatabaseError("Aucun schéma utilisable sur ce serveur (search_path vide).");
    const std::string schema = schemaRows[0][0];

    ServerInitReport report;
    db.InTransaction([&] {
        report.rolesCreated = CreateRoles(db, superuser);
        TransferOwnership(db);
        PrepareSchema(db, schema);
    });
    report.migrationsApplied = db.ApplyMigrations();
    db.InTransaction([&] {
        TransferOwnership(db); // anything an older Concerto or a superuser made meanwhile
        Exec(db, "SET LOCAL ROLE concerto_owner");
        Exec(db, server::UserFunctionsSql(schema));
        GrantTables(db);
        ApplyRowSecurity(db);
        SecureFunctions(db);
    });
    report.schemaVersion = db.SchemaVersion();
    return report;
}

} // namespace concerto
