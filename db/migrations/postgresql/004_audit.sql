-- The audit trail (see db/audit.h): every insert, update and delete on the business tables
-- is written here by trigger, with who (session_user: the login, not current_user, which the
-- SECURITY DEFINER function below changes), when, the table, the row id, the contribution
-- concerned, and the NAMES of the changed fields, never their values: the trail holds no
-- personal data. Keep the columns in step with sqlite/004_audit.sql.
-- fields: comma-separated, sorted; on insert the columns set (not NULL, not ''); on update the
-- columns changed (an update that changes none of them is not recorded); empty on delete.
-- Bookkeeping columns (id, version, created_*/updated_*, seq, search) are never listed.
-- No application role may write here: the trigger function and the purge run as the owner
-- (SECURITY DEFINER, search_path pinned); concerto-cli server init grants SELECT only.

CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    login text NOT NULL DEFAULT '',
    table_name text NOT NULL,
    row_id uuid,
    contribution_id uuid,
    action text NOT NULL CHECK (action IN ('I', 'U', 'D')),
    fields text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_contribution ON audit_log(contribution_id, at);
CREATE INDEX audit_log_at ON audit_log(at);

-- One statement-level trigger per table and operation, reading the transition tables: a COPY
-- of fifty thousand contributions writes its audit rows in one INSERT … SELECT, not in fifty
-- thousand function calls. One function serves every table: from the catalogue it builds the
-- table's chain of CASE WHEN per column (as the SQLite triggers do) and runs it once per
-- statement, so a column added later is audited with no change here. (Comparing whole rows as
-- jsonb was about twice as slow on large imports.) Derived columns are not listed: search (the
-- tsvector) and mentions_contact (the flag migration 005 derives from the texts).
CREATE FUNCTION concerto_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    bookkeeping CONSTANT name[] := ARRAY['id', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by',
                                         'seq', 'search', 'mentions_contact'];
    link text := 'NULL::uuid';
    chain text := quote_literal('');
    col record;
BEGIN
    IF TG_TABLE_NAME = 'contribution' THEN
        link := 'r.id';
    ELSIF EXISTS (SELECT 1 FROM pg_attribute
                  WHERE attrelid = TG_RELID AND attname = 'contribution_id' AND attnum > 0 AND NOT attisdropped) THEN
        link := 'r.contribution_id';
    END IF;
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields) '
                       'SELECT session_user, $1, r.id, %s, ''D'', '''' FROM old_rows r', link)
            USING TG_TABLE_NAME;
        RETURN NULL;
    END IF;
    FOR col IN SELECT a.attname, a.atttypid FROM pg_attribute a
               WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> ALL (bookkeeping)
               ORDER BY a.attname COLLATE "C" LOOP
        IF TG_OP = 'INSERT' THEN
            -- The columns set: not NULL, and not '' for text.
            chain := chain || format(' || CASE WHEN r.%1$I IS NOT NULL%2$s THEN %3$L ELSE '''' END', col.attname,
                                     CASE WHEN col.atttypid = 'text'::regtype
                                          THEN format(' AND r.%I <> ''''', col.attname) ELSE '' END,
                                     col.attname || ',');
        ELSE
            chain := chain || format(' || CASE WHEN r.%1$I IS DISTINCT FROM o.%1$I THEN %2$L ELSE '''' END',
                                     col.attname, col.attname || ',');
        END IF;
    END LOOP;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields) '
                       'SELECT session_user, $1, r.id, %s, ''I'', rtrim(%s, '','') FROM new_rows r', link, chain)
            USING TG_TABLE_NAME;
    ELSE
        -- An update that changes no audited column (a save of the same values) is not recorded.
        EXECUTE format('INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields) '
                       'SELECT session_user, $1, c.id, c.link, ''U'', c.changed FROM '
                       '(SELECT r.id, %s AS link, rtrim(%s, '','') AS changed '
                       'FROM new_rows r JOIN old_rows o ON o.id = r.id) c WHERE c.changed <> ''''', link, chain)
            USING TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE EXECUTE ON FUNCTION concerto_audit() FROM PUBLIC;

-- Puts the three audit triggers on a table (PostgreSQL allows transition tables only on
-- single-event triggers). A later migration that adds a business table calls it too.
CREATE FUNCTION concerto_audit_attach(target text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION concerto_audit()', target || '_audit_insert', target);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION concerto_audit()', target || '_audit_update', target);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION concerto_audit()', target || '_audit_delete', target);
END;
$$;
REVOKE EXECUTE ON FUNCTION concerto_audit_attach(text) FROM PUBLIC;

DO $$
DECLARE
    target text;
BEGIN
    FOREACH target IN ARRAY ARRAY[
        'consultation', 'theme', 'commitment', 'commitment_status_change', 'neighbourhood', 'channel', 'card',
        'meeting', 'contribution', 'contact_details', 'tag', 'label', 'contribution_label', 'topic', 'topic_link',
        'reorientation', 'reorientation_link', 'reorientation_note', 'report_definition', 'app_setting',
        'coding_sample', 'coding_sample_item', 'sample_tag'] LOOP
        PERFORM concerto_audit_attach(target);
    END LOOP;
END;
$$;

-- Removes the entries older than `months` months and records the purge itself (table
-- audit_log, action D). Runs as the owner so that concerto_admin needs no DELETE on the trail;
-- server init grants EXECUTE to concerto_admin only.
CREATE FUNCTION concerto_purge_audit(months integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    removed bigint;
BEGIN
    IF months IS NULL OR months < 1 THEN
        RAISE EXCEPTION 'audit retention must be at least one month' USING ERRCODE = '22023';
    END IF;
    DELETE FROM audit_log WHERE at < now() - make_interval(months => months);
    GET DIAGNOSTICS removed = ROW_COUNT;
    INSERT INTO audit_log (login, table_name, action, fields) VALUES (session_user, 'audit_log', 'D', '');
    RETURN removed;
END;
$$;
REVOKE EXECUTE ON FUNCTION concerto_purge_audit(integer) FROM PUBLIC;

-- The search_path pinned above names public; a server set up in another schema gets that one
-- instead. pg_temp comes last, so that no one's temporary table can stand in for audit_log.
DO $$
BEGIN
    IF current_schema() <> 'public' THEN
        EXECUTE format('ALTER FUNCTION concerto_audit() SET search_path = pg_catalog, %I, pg_temp', current_schema());
        EXECUTE format('ALTER FUNCTION concerto_purge_audit(integer) SET search_path = pg_catalog, %I, pg_temp',
                       current_schema());
    END IF;
END;
$$;
