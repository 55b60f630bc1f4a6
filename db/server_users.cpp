// The personal accounts of a shared server. An admin manages them through SECURITY DEFINER
// functions owned by concerto_owner (the only role with CREATEROLE): they check every input
// again on the server, because an admin could call them from psql with anything, and they
// never touch a superuser, the owner, a group or a login outside the Concerto groups.
// Passwords leave this program only as SCRAM-SHA-256 verifiers computed by libpq.

#include "db/server_admin.h"

#include "core/errors.h"
#include "db/database.h"
#include "db/server_internal.h"

#include <libpq-fe.h>

#include <memory>

namespace concerto {
namespace server {

void RequirePostgres(Database& db, const std::string& what)
{
    if (db.GetBackend() != Backend::Postgresql)
        throw ValidationError(what + " n'existe que sur un serveur PostgreSQL partagé : une base SQLite n'a ni rôles "
                                     "ni comptes (ses droits sont ceux du fichier).");
}

namespace {
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string Field(const PGresult* result, int code)
{
    const char* value = PQresultErrorField(result, code);
    return value ? value : "";
}

[[noreturn]] void ThrowServerError(const PGresult* result, const std::string& fallback)
{
    const std::string state = Field(result, PG_DIAG_SQLSTATE);
    const std::string primary = Field(result, PG_DIAG_MESSAGE_PRIMARY);
    const std::string detail = result ? PQresultErrorMessage(result) : fallback;
    if (state == "CN404")
        throw NotFoundError(primary);
    if (state.rfind("CN", 0) == 0)
        throw ValidationError(primary);
    if (state == "42501")
        throw DatabaseError("Votre rôle sur le serveur ne permet pas cette opération (lecture seule ou réservée aux "
                            "administrateurs). Rien n'a été enregistré.",
                            detail);
    if (state == "42883")
        throw DatabaseError("Ce serveur n'a pas été préparé pour Concerto, ou pas par cette version : le service "
                            "informatique doit lancer « concerto-cli server init --db … ».",
                            detail);
    throw DatabaseError("Erreur du serveur PostgreSQL.", detail.empty() ? fallback : detail);
}
} // namespace

std::vector<std::vector<std::string>> Query(Database& db, const std::string& sql,
                                            const std::vector<std::string>& params)
{
    PGconn* conn = db.NativePostgres();
    std::vector<const char*> values;
    for (const std::string& param : params)
        values.push_back(param.c_str());
    // PQexec accepts several statements; parameters need PQexecParams (one statement).
    Result result(params.empty() ? PQexec(conn, sql.c_str())
                                 : PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                                values.data(), nullptr, nullptr, 0),
                  &PQclear);
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        ThrowServerError(result.get(), PQerrorMessage(conn));
    std::vector<std::vector<std::string>> rows;
    for (int r = 0; r < PQntuples(result.get()); ++r) {
        std::vector<std::string>& row = rows.emplace_back();
        for (int c = 0; c < PQnfields(result.get()); ++c)
            row.emplace_back(PQgetvalue(result.get(), r, c));
    }
    return rows;
}

const std::vector<std::string> kUserFunctions = {
    "concerto_list_users()",
    "concerto_add_user(text, text, text)",
    "concerto_remove_user(text)",
    "concerto_set_user_role(text, text)",
    "concerto_set_user_password(text, text)",
};

// Raised errors use SQLSTATE class CN (Concerto): CN404 for an unknown account, CN400 for a
// refused input; their messages reach the user as they are.
std::string UserFunctionsSql(const std::string& schema)
{
    std::string sql = R"SQL(
CREATE OR REPLACE FUNCTION @S.concerto_check_group(grp text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF grp IS NULL OR grp NOT IN ('concerto_admin', 'concerto_editor', 'concerto_reader') THEN
        RAISE EXCEPTION 'Groupe inconnu : « % ». Les groupes sont concerto_admin, concerto_editor et concerto_reader.',
            grp USING ERRCODE = 'CN400';
    END IF;
    RETURN grp;
END $f$;

CREATE OR REPLACE FUNCTION @S.concerto_check_verifier(verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    -- Only a SCRAM verifier, never a clear-text password, is accepted.
    IF verifier IS NULL OR verifier NOT LIKE 'SCRAM-SHA-256$%' OR position('''' IN verifier) > 0 THEN
        RAISE EXCEPTION 'Le mot de passe doit être transmis sous forme de vérificateur SCRAM-SHA-256.'
            USING ERRCODE = 'CN400';
    END IF;
END $f$;

-- A login Concerto may manage: exists, member of a Concerto group, and none of superuser,
-- owner, group, CREATEROLE (IT's own accounts), BYPASSRLS or replication.
CREATE OR REPLACE FUNCTION @S.concerto_check_login(login text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM pg_roles WHERE rolname = login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Le compte « % » n''existe pas sur ce serveur.', login USING ERRCODE = 'CN404';
    END IF;
    IF r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication
       OR login IN ('concerto_owner', 'concerto_admin', 'concerto_editor', 'concerto_reader')
       OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                      WHERE m.member = r.oid
                        AND g.rolname IN ('concerto_admin', 'concerto_editor', 'concerto_reader')) THEN
        RAISE EXCEPTION 'Le compte « % » n''est pas un compte personnel Concerto : il se gère sur le serveur, par le '
            'service informatique.', login USING ERRCODE = 'CN400';
    END IF;
END $f$;

CREATE OR REPLACE FUNCTION @S.concerto_list_users()
RETURNS TABLE (login text, grp text, can_login boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT r.rolname::text,
           (SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid AND g.rolname IN ('concerto_admin', 'concerto_editor', 'concerto_reader')
             ORDER BY CASE g.rolname WHEN 'concerto_admin' THEN 1 WHEN 'concerto_editor' THEN 2 ELSE 3 END
             LIMIT 1),
           r.rolcanlogin
      FROM pg_roles r
     WHERE r.rolname NOT IN ('concerto_owner', 'concerto_admin', 'concerto_editor', 'concerto_reader')
       AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                    WHERE m.member = r.oid
                      AND g.rolname IN ('concerto_admin', 'concerto_editor', 'concerto_reader'))
     ORDER BY r.rolname
$f$;

CREATE OR REPLACE FUNCTION @S.concerto_add_user(login text, verifier text, grp text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF login IS NULL OR login !~ '^[a-z][a-z0-9_.-]{0,62}$' OR login LIKE 'pg\_%' OR login LIKE 'concerto\_%' THEN
        RAISE EXCEPTION 'Identifiant invalide : « % ». Utilisez des minuscules sans accent, des chiffres, « . », '
            '« - » ou « _ », en commençant par une lettre (63 caractères au plus).', login USING ERRCODE = 'CN400';
    END IF;
    PERFORM @S.concerto_check_verifier(verifier);
    PERFORM @S.concerto_check_group(grp);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'Le compte « % » existe déjà sur ce serveur : choisissez un autre identifiant.', login
            USING ERRCODE = 'CN400';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT '
                   'PASSWORD %L IN ROLE %I', login, verifier, grp);
END $f$;

CREATE OR REPLACE FUNCTION @S.concerto_remove_user(login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    PERFORM @S.concerto_check_login(login);
    IF login = session_user THEN
        RAISE EXCEPTION 'Vous ne pouvez pas supprimer votre propre compte : demandez-le à un autre administrateur.'
            USING ERRCODE = 'CN400';
    END IF;
    EXECUTE format('DROP ROLE %I', login);
END $f$;

CREATE OR REPLACE FUNCTION @S.concerto_set_user_role(login text, grp text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    other text;
BEGIN
    PERFORM @S.concerto_check_login(login);
    PERFORM @S.concerto_check_group(grp);
    IF login = session_user THEN
        RAISE EXCEPTION 'Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.'
            USING ERRCODE = 'CN400';
    END IF;
    IF NOT pg_has_role(login, grp, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', grp, login);
    END IF;
    FOREACH other IN ARRAY ARRAY['concerto_admin', 'concerto_editor', 'concerto_reader'] LOOP
        IF other <> grp AND EXISTS (SELECT 1 FROM pg_auth_members m
                                     WHERE m.member = login::regrole AND m.roleid = other::regrole) THEN
            EXECUTE format('REVOKE %I FROM %I', other, login);
        END IF;
    END LOOP;
END $f$;

CREATE OR REPLACE FUNCTION @S.concerto_set_user_password(login text, verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    PERFORM @S.concerto_check_login(login);
    PERFORM @S.concerto_check_verifier(verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, verifier);
END $f$;
)SQL";
    for (std::size_t at = sql.find("@S"); at != std::string::npos; at = sql.find("@S", at + schema.size()))
        sql.replace(at, 2, schema);
    return sql;
}

} // namespace server

namespace {
using server::Query;

void CheckLogin(const std::string& login)
{
    bool valid = !login.empty() && login.size() <= 63 && login[0] >= 'a' && login[0] <= 'z';
    for (char c : login)
        valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-');
    if (!valid || login.rfind("pg_", 0) == 0 || login.rfind("concerto_", 0) == 0)
        throw ValidationError("Identifiant invalide : « " + login +
                              " ». Utilisez des minuscules sans accent, des chiffres, « . », « - » ou « _ », en "
                              "commençant par une lettre (63 caractères au plus ; ni « pg_ » ni « concerto_ » au "
                              "début).");
}

// The SCRAM verifier of `password`, computed here so that the password itself never reaches
// the server, its statements or its logs.
std::string Verifier(Database& db, const std::string& login, const std::string& password)
{
    if (password.size() < 8)
        throw ValidationError("Le mot de passe doit compter au moins 8 caractères.");
    PGconn* conn = db.NativePostgres();
    char* verifier = PQencryptPasswordConn(conn, password.c_str(), login.c_str(), "scram-sha-256");
    if (!verifier)
        throw DatabaseError("Le mot de passe n'a pas pu être chiffré.", PQerrorMessage(conn));
    std::string text = verifier;
    PQfreemem(verifier);
    return text;
}
} // namespace

std::vector<UserAccount> ListUsers(Database& db)
{
    server::RequirePostgres(db, "La liste des comptes");
    std::vector<UserAccount> users;
    for (const auto& row : Query(db, "SELECT login, grp, can_login FROM concerto_list_users()")) {
        UserAccount& user = users.emplace_back();
        user.login = row[0];
        user.level = ParseAccessLevel(row[1]);
        user.canLogin = row[2] == "t";
    }
    return users;
}

void AddUser(Database& db, const std::string& login, const std::string& password, AccessLevel level)
{
    server::RequirePostgres(db, "La création de comptes");
    CheckLogin(login);
    const std::string verifier = Verifier(db, login, password);
    Query(db, "SELECT concerto_add_user($1, $2, $3)", {login, verifier, GroupRoleName(level)});
}

void RemoveUser(Database& db, const std::string& login)
{
    server::RequirePostgres(db, "La suppression de comptes");
    Query(db, "SELECT concerto_remove_user($1)", {login});
}

void SetUserRole(Database& db, const std::string& login, AccessLevel level)
{
    server::RequirePostgres(db, "Le changement de rôle");
    Query(db, "SELECT concerto_set_user_role($1, $2)", {login, GroupRoleName(level)});
}

void SetUserPassword(Database& db, const std::string& login, const std::string& password)
{
    server::RequirePostgres(db, "Le changement de mot de passe");
    const std::string verifier = Verifier(db, login, password);
    Query(db, "SELECT concerto_set_user_password($1, $2)", {login, verifier});
}

} // namespace concerto
