-- The audit trail (see db/audit.h): every insert, update and delete on the business tables
-- is written here by the triggers below, with who (concerto_user(): the system user, an SQL
-- function Concerto registers on each connection), when (UTC), the table, the row id, the
-- contribution concerned, and the NAMES of the changed fields, never their values: the trail
-- holds no personal data. Keep the columns in step with postgresql/004_audit.sql.
-- fields: comma-separated, sorted; on insert the columns set (not NULL, not ''); on update the
-- columns changed (an update that changes none of them is not recorded); empty on delete.
-- Bookkeeping columns (id, version, created_*/updated_*, seq) are never listed, nor derived ones
-- (mentions_contact, added by 005: the triggers name the columns of 004 only, as intended).
-- The sqlite3 shell reads this file as usual, but its writes to an audited table fail with
-- "no such function: concerto_user": changes go through Concerto, which records who made them.
-- The triggers were generated from the schema (one insert, update and delete trigger per table);
-- a table added later gets its three triggers in the migration that creates it.

CREATE TABLE audit_log (
    id integer PRIMARY KEY AUTOINCREMENT,
    at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    login text NOT NULL DEFAULT '',
    table_name text NOT NULL,
    row_id text,
    contribution_id text,
    action text NOT NULL CHECK (action IN ('I', 'U', 'D')),
    fields text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_contribution ON audit_log(contribution_id, at);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER consultation_audit_insert AFTER INSERT ON consultation BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'consultation', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.description IS NOT NULL AND NEW.description <> '' THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.ends_on IS NOT NULL AND NEW.ends_on <> '' THEN 'ends_on,' ELSE '' END ||
        CASE WHEN NEW.starts_on IS NOT NULL AND NEW.starts_on <> '' THEN 'starts_on,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER consultation_audit_update AFTER UPDATE ON consultation BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'consultation', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.description IS NOT OLD.description THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.ends_on IS NOT OLD.ends_on THEN 'ends_on,' ELSE '' END ||
        CASE WHEN NEW.starts_on IS NOT OLD.starts_on THEN 'starts_on,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER consultation_audit_delete AFTER DELETE ON consultation BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'consultation', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER theme_audit_insert AFTER INSERT ON theme BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'theme', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.code IS NOT NULL AND NEW.code <> '' THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT NULL AND NEW.description <> '' THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT NULL AND NEW.position <> '' THEN 'position,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER theme_audit_update AFTER UPDATE ON theme BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'theme', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.code IS NOT OLD.code THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT OLD.description THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT OLD.position THEN 'position,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER theme_audit_delete AFTER DELETE ON theme BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'theme', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER commitment_audit_insert AFTER INSERT ON commitment BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'commitment', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT NULL AND NEW.description <> '' THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.origin IS NOT NULL AND NEW.origin <> '' THEN 'origin,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT NULL AND NEW.position <> '' THEN 'position,' ELSE '' END ||
        CASE WHEN NEW.ref IS NOT NULL AND NEW.ref <> '' THEN 'ref,' ELSE '' END ||
        CASE WHEN NEW.status IS NOT NULL AND NEW.status <> '' THEN 'status,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT NULL AND NEW.theme_id <> '' THEN 'theme_id,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER commitment_audit_update AFTER UPDATE ON commitment BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'commitment', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT OLD.description THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.origin IS NOT OLD.origin THEN 'origin,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT OLD.position THEN 'position,' ELSE '' END ||
        CASE WHEN NEW.ref IS NOT OLD.ref THEN 'ref,' ELSE '' END ||
        CASE WHEN NEW.status IS NOT OLD.status THEN 'status,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT OLD.theme_id THEN 'theme_id,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER commitment_audit_delete AFTER DELETE ON commitment BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'commitment', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER commitment_status_change_audit_insert AFTER INSERT ON commitment_status_change BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'commitment_status_change', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.comment IS NOT NULL AND NEW.comment <> '' THEN 'comment,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT NULL AND NEW.commitment_id <> '' THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.effective_on IS NOT NULL AND NEW.effective_on <> '' THEN 'effective_on,' ELSE '' END ||
        CASE WHEN NEW.status IS NOT NULL AND NEW.status <> '' THEN 'status,' ELSE '' END, ','));
END;
CREATE TRIGGER commitment_status_change_audit_update AFTER UPDATE ON commitment_status_change BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'commitment_status_change', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.comment IS NOT OLD.comment THEN 'comment,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT OLD.commitment_id THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.effective_on IS NOT OLD.effective_on THEN 'effective_on,' ELSE '' END ||
        CASE WHEN NEW.status IS NOT OLD.status THEN 'status,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER commitment_status_change_audit_delete AFTER DELETE ON commitment_status_change BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'commitment_status_change', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER neighbourhood_audit_insert AFTER INSERT ON neighbourhood BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'neighbourhood', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.code IS NOT NULL AND NEW.code <> '' THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT NULL AND NEW.name <> '' THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT NULL AND NEW.position <> '' THEN 'position,' ELSE '' END, ','));
END;
CREATE TRIGGER neighbourhood_audit_update AFTER UPDATE ON neighbourhood BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'neighbourhood', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.code IS NOT OLD.code THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT OLD.name THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT OLD.position THEN 'position,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER neighbourhood_audit_delete AFTER DELETE ON neighbourhood BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'neighbourhood', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER channel_audit_insert AFTER INSERT ON channel BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'channel', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.code IS NOT NULL AND NEW.code <> '' THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT NULL AND NEW.description <> '' THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT NULL AND NEW.name <> '' THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT NULL AND NEW.position <> '' THEN 'position,' ELSE '' END, ','));
END;
CREATE TRIGGER channel_audit_update AFTER UPDATE ON channel BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'channel', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.code IS NOT OLD.code THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT OLD.description THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT OLD.name THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT OLD.position THEN 'position,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER channel_audit_delete AFTER DELETE ON channel BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'channel', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER card_audit_insert AFTER INSERT ON card BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'card', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.code IS NOT NULL AND NEW.code <> '' THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT NULL AND NEW.theme_id <> '' THEN 'theme_id,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER card_audit_update AFTER UPDATE ON card BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'card', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.code IS NOT OLD.code THEN 'code,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT OLD.theme_id THEN 'theme_id,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER card_audit_delete AFTER DELETE ON card BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'card', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER meeting_audit_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'meeting', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.attendance IS NOT NULL AND NEW.attendance <> '' THEN 'attendance,' ELSE '' END ||
        CASE WHEN NEW.channel_id IS NOT NULL AND NEW.channel_id <> '' THEN 'channel_id,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.ends_at IS NOT NULL AND NEW.ends_at <> '' THEN 'ends_at,' ELSE '' END ||
        CASE WHEN NEW.facilitators IS NOT NULL AND NEW.facilitators <> '' THEN 'facilitators,' ELSE '' END ||
        CASE WHEN NEW.kind IS NOT NULL AND NEW.kind <> '' THEN 'kind,' ELSE '' END ||
        CASE WHEN NEW.neighbourhood_id IS NOT NULL AND NEW.neighbourhood_id <> '' THEN 'neighbourhood_id,' ELSE '' END ||
        CASE WHEN NEW.notes IS NOT NULL AND NEW.notes <> '' THEN 'notes,' ELSE '' END ||
        CASE WHEN NEW.place IS NOT NULL AND NEW.place <> '' THEN 'place,' ELSE '' END ||
        CASE WHEN NEW.place_kind IS NOT NULL AND NEW.place_kind <> '' THEN 'place_kind,' ELSE '' END ||
        CASE WHEN NEW.ref IS NOT NULL AND NEW.ref <> '' THEN 'ref,' ELSE '' END ||
        CASE WHEN NEW.starts_at IS NOT NULL AND NEW.starts_at <> '' THEN 'starts_at,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER meeting_audit_update AFTER UPDATE ON meeting BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'meeting', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.attendance IS NOT OLD.attendance THEN 'attendance,' ELSE '' END ||
        CASE WHEN NEW.channel_id IS NOT OLD.channel_id THEN 'channel_id,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.ends_at IS NOT OLD.ends_at THEN 'ends_at,' ELSE '' END ||
        CASE WHEN NEW.facilitators IS NOT OLD.facilitators THEN 'facilitators,' ELSE '' END ||
        CASE WHEN NEW.kind IS NOT OLD.kind THEN 'kind,' ELSE '' END ||
        CASE WHEN NEW.neighbourhood_id IS NOT OLD.neighbourhood_id THEN 'neighbourhood_id,' ELSE '' END ||
        CASE WHEN NEW.notes IS NOT OLD.notes THEN 'notes,' ELSE '' END ||
        CASE WHEN NEW.place IS NOT OLD.place THEN 'place,' ELSE '' END ||
        CASE WHEN NEW.place_kind IS NOT OLD.place_kind THEN 'place_kind,' ELSE '' END ||
        CASE WHEN NEW.ref IS NOT OLD.ref THEN 'ref,' ELSE '' END ||
        CASE WHEN NEW.starts_at IS NOT OLD.starts_at THEN 'starts_at,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER meeting_audit_delete AFTER DELETE ON meeting BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'meeting', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER contribution_audit_insert AFTER INSERT ON contribution BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'contribution', NEW.id, NEW.id, 'I', rtrim(
        CASE WHEN NEW.age_bracket IS NOT NULL AND NEW.age_bracket <> '' THEN 'age_bracket,' ELSE '' END ||
        CASE WHEN NEW.body IS NOT NULL AND NEW.body <> '' THEN 'body,' ELSE '' END ||
        CASE WHEN NEW.card_id IS NOT NULL AND NEW.card_id <> '' THEN 'card_id,' ELSE '' END ||
        CASE WHEN NEW.channel_id IS NOT NULL AND NEW.channel_id <> '' THEN 'channel_id,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.exclusion_reason IS NOT NULL AND NEW.exclusion_reason <> '' THEN 'exclusion_reason,' ELSE '' END ||
        CASE WHEN NEW.is_quote IS NOT NULL AND NEW.is_quote <> '' THEN 'is_quote,' ELSE '' END ||
        CASE WHEN NEW.meeting_id IS NOT NULL AND NEW.meeting_id <> '' THEN 'meeting_id,' ELSE '' END ||
        CASE WHEN NEW.neighbourhood_id IS NOT NULL AND NEW.neighbourhood_id <> '' THEN 'neighbourhood_id,' ELSE '' END ||
        CASE WHEN NEW.notes IS NOT NULL AND NEW.notes <> '' THEN 'notes,' ELSE '' END ||
        CASE WHEN NEW.profile IS NOT NULL AND NEW.profile <> '' THEN 'profile,' ELSE '' END ||
        CASE WHEN NEW.received_at IS NOT NULL AND NEW.received_at <> '' THEN 'received_at,' ELSE '' END ||
        CASE WHEN NEW.source_ref IS NOT NULL AND NEW.source_ref <> '' THEN 'source_ref,' ELSE '' END ||
        CASE WHEN NEW.state IS NOT NULL AND NEW.state <> '' THEN 'state,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER contribution_audit_update AFTER UPDATE ON contribution BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'contribution', NEW.id, NEW.id, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.age_bracket IS NOT OLD.age_bracket THEN 'age_bracket,' ELSE '' END ||
        CASE WHEN NEW.body IS NOT OLD.body THEN 'body,' ELSE '' END ||
        CASE WHEN NEW.card_id IS NOT OLD.card_id THEN 'card_id,' ELSE '' END ||
        CASE WHEN NEW.channel_id IS NOT OLD.channel_id THEN 'channel_id,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.exclusion_reason IS NOT OLD.exclusion_reason THEN 'exclusion_reason,' ELSE '' END ||
        CASE WHEN NEW.is_quote IS NOT OLD.is_quote THEN 'is_quote,' ELSE '' END ||
        CASE WHEN NEW.meeting_id IS NOT OLD.meeting_id THEN 'meeting_id,' ELSE '' END ||
        CASE WHEN NEW.neighbourhood_id IS NOT OLD.neighbourhood_id THEN 'neighbourhood_id,' ELSE '' END ||
        CASE WHEN NEW.notes IS NOT OLD.notes THEN 'notes,' ELSE '' END ||
        CASE WHEN NEW.profile IS NOT OLD.profile THEN 'profile,' ELSE '' END ||
        CASE WHEN NEW.received_at IS NOT OLD.received_at THEN 'received_at,' ELSE '' END ||
        CASE WHEN NEW.source_ref IS NOT OLD.source_ref THEN 'source_ref,' ELSE '' END ||
        CASE WHEN NEW.state IS NOT OLD.state THEN 'state,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER contribution_audit_delete AFTER DELETE ON contribution BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'contribution', OLD.id, OLD.id, 'D', '');
END;

CREATE TRIGGER contact_details_audit_insert AFTER INSERT ON contact_details BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'contact_details', NEW.id, NEW.contribution_id, 'I', rtrim(
        CASE WHEN NEW.consent_to_recontact IS NOT NULL AND NEW.consent_to_recontact <> '' THEN 'consent_to_recontact,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT NULL AND NEW.contribution_id <> '' THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.email IS NOT NULL AND NEW.email <> '' THEN 'email,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT NULL AND NEW.name <> '' THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.phone IS NOT NULL AND NEW.phone <> '' THEN 'phone,' ELSE '' END ||
        CASE WHEN NEW.purge_on IS NOT NULL AND NEW.purge_on <> '' THEN 'purge_on,' ELSE '' END, ','));
END;
CREATE TRIGGER contact_details_audit_update AFTER UPDATE ON contact_details BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'contact_details', NEW.id, NEW.contribution_id, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.consent_to_recontact IS NOT OLD.consent_to_recontact THEN 'consent_to_recontact,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT OLD.contribution_id THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.email IS NOT OLD.email THEN 'email,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT OLD.name THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.phone IS NOT OLD.phone THEN 'phone,' ELSE '' END ||
        CASE WHEN NEW.purge_on IS NOT OLD.purge_on THEN 'purge_on,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER contact_details_audit_delete AFTER DELETE ON contact_details BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'contact_details', OLD.id, OLD.contribution_id, 'D', '');
END;

CREATE TRIGGER tag_audit_insert AFTER INSERT ON tag BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'tag', NEW.id, NEW.contribution_id, 'I', rtrim(
        CASE WHEN NEW.coder IS NOT NULL AND NEW.coder <> '' THEN 'coder,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT NULL AND NEW.commitment_id <> '' THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT NULL AND NEW.contribution_id <> '' THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.stance IS NOT NULL AND NEW.stance <> '' THEN 'stance,' ELSE '' END ||
        CASE WHEN NEW.tagged_at IS NOT NULL AND NEW.tagged_at <> '' THEN 'tagged_at,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT NULL AND NEW.theme_id <> '' THEN 'theme_id,' ELSE '' END, ','));
END;
CREATE TRIGGER tag_audit_update AFTER UPDATE ON tag BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'tag', NEW.id, NEW.contribution_id, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.coder IS NOT OLD.coder THEN 'coder,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT OLD.commitment_id THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT OLD.contribution_id THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.stance IS NOT OLD.stance THEN 'stance,' ELSE '' END ||
        CASE WHEN NEW.tagged_at IS NOT OLD.tagged_at THEN 'tagged_at,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT OLD.theme_id THEN 'theme_id,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER tag_audit_delete AFTER DELETE ON tag BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'tag', OLD.id, OLD.contribution_id, 'D', '');
END;

CREATE TRIGGER label_audit_insert AFTER INSERT ON label BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'label', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT NULL AND NEW.name <> '' THEN 'name,' ELSE '' END, ','));
END;
CREATE TRIGGER label_audit_update AFTER UPDATE ON label BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'label', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT OLD.name THEN 'name,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER label_audit_delete AFTER DELETE ON label BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'label', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER contribution_label_audit_insert AFTER INSERT ON contribution_label BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'contribution_label', NEW.id, NEW.contribution_id, 'I', rtrim(
        CASE WHEN NEW.contribution_id IS NOT NULL AND NEW.contribution_id <> '' THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.label_id IS NOT NULL AND NEW.label_id <> '' THEN 'label_id,' ELSE '' END, ','));
END;
CREATE TRIGGER contribution_label_audit_update AFTER UPDATE ON contribution_label BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'contribution_label', NEW.id, NEW.contribution_id, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.contribution_id IS NOT OLD.contribution_id THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.label_id IS NOT OLD.label_id THEN 'label_id,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER contribution_label_audit_delete AFTER DELETE ON contribution_label BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'contribution_label', OLD.id, OLD.contribution_id, 'D', '');
END;

CREATE TRIGGER topic_audit_insert AFTER INSERT ON topic BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'topic', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT NULL AND NEW.description <> '' THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER topic_audit_update AFTER UPDATE ON topic BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'topic', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.description IS NOT OLD.description THEN 'description,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER topic_audit_delete AFTER DELETE ON topic BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'topic', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER topic_link_audit_insert AFTER INSERT ON topic_link BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'topic_link', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.commitment_id IS NOT NULL AND NEW.commitment_id <> '' THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.label_id IS NOT NULL AND NEW.label_id <> '' THEN 'label_id,' ELSE '' END ||
        CASE WHEN NEW.meeting_id IS NOT NULL AND NEW.meeting_id <> '' THEN 'meeting_id,' ELSE '' END ||
        CASE WHEN NEW.outcome IS NOT NULL AND NEW.outcome <> '' THEN 'outcome,' ELSE '' END ||
        CASE WHEN NEW.topic_id IS NOT NULL AND NEW.topic_id <> '' THEN 'topic_id,' ELSE '' END, ','));
END;
CREATE TRIGGER topic_link_audit_update AFTER UPDATE ON topic_link BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'topic_link', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.commitment_id IS NOT OLD.commitment_id THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.label_id IS NOT OLD.label_id THEN 'label_id,' ELSE '' END ||
        CASE WHEN NEW.meeting_id IS NOT OLD.meeting_id THEN 'meeting_id,' ELSE '' END ||
        CASE WHEN NEW.outcome IS NOT OLD.outcome THEN 'outcome,' ELSE '' END ||
        CASE WHEN NEW.topic_id IS NOT OLD.topic_id THEN 'topic_id,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER topic_link_audit_delete AFTER DELETE ON topic_link BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'topic_link', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER reorientation_audit_insert AFTER INSERT ON reorientation BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'reorientation', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.decision IS NOT NULL AND NEW.decision <> '' THEN 'decision,' ELSE '' END ||
        CASE WHEN NEW.follow_up IS NOT NULL AND NEW.follow_up <> '' THEN 'follow_up,' ELSE '' END ||
        CASE WHEN NEW.meeting_id IS NOT NULL AND NEW.meeting_id <> '' THEN 'meeting_id,' ELSE '' END ||
        CASE WHEN NEW.owner IS NOT NULL AND NEW.owner <> '' THEN 'owner,' ELSE '' END ||
        CASE WHEN NEW.rationale IS NOT NULL AND NEW.rationale <> '' THEN 'rationale,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER reorientation_audit_update AFTER UPDATE ON reorientation BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'reorientation', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.decision IS NOT OLD.decision THEN 'decision,' ELSE '' END ||
        CASE WHEN NEW.follow_up IS NOT OLD.follow_up THEN 'follow_up,' ELSE '' END ||
        CASE WHEN NEW.meeting_id IS NOT OLD.meeting_id THEN 'meeting_id,' ELSE '' END ||
        CASE WHEN NEW.owner IS NOT OLD.owner THEN 'owner,' ELSE '' END ||
        CASE WHEN NEW.rationale IS NOT OLD.rationale THEN 'rationale,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER reorientation_audit_delete AFTER DELETE ON reorientation BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'reorientation', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER reorientation_link_audit_insert AFTER INSERT ON reorientation_link BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'reorientation_link', NEW.id, NEW.contribution_id, 'I', rtrim(
        CASE WHEN NEW.change IS NOT NULL AND NEW.change <> '' THEN 'change,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT NULL AND NEW.commitment_id <> '' THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT NULL AND NEW.contribution_id <> '' THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.reorientation_id IS NOT NULL AND NEW.reorientation_id <> '' THEN 'reorientation_id,' ELSE '' END ||
        CASE WHEN NEW.topic_id IS NOT NULL AND NEW.topic_id <> '' THEN 'topic_id,' ELSE '' END, ','));
END;
CREATE TRIGGER reorientation_link_audit_update AFTER UPDATE ON reorientation_link BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'reorientation_link', NEW.id, NEW.contribution_id, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.change IS NOT OLD.change THEN 'change,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT OLD.commitment_id THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT OLD.contribution_id THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.reorientation_id IS NOT OLD.reorientation_id THEN 'reorientation_id,' ELSE '' END ||
        CASE WHEN NEW.topic_id IS NOT OLD.topic_id THEN 'topic_id,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER reorientation_link_audit_delete AFTER DELETE ON reorientation_link BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'reorientation_link', OLD.id, OLD.contribution_id, 'D', '');
END;

CREATE TRIGGER reorientation_note_audit_insert AFTER INSERT ON reorientation_note BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'reorientation_note', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.body IS NOT NULL AND NEW.body <> '' THEN 'body,' ELSE '' END ||
        CASE WHEN NEW.noted_on IS NOT NULL AND NEW.noted_on <> '' THEN 'noted_on,' ELSE '' END ||
        CASE WHEN NEW.reorientation_id IS NOT NULL AND NEW.reorientation_id <> '' THEN 'reorientation_id,' ELSE '' END, ','));
END;
CREATE TRIGGER reorientation_note_audit_update AFTER UPDATE ON reorientation_note BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'reorientation_note', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.body IS NOT OLD.body THEN 'body,' ELSE '' END ||
        CASE WHEN NEW.noted_on IS NOT OLD.noted_on THEN 'noted_on,' ELSE '' END ||
        CASE WHEN NEW.reorientation_id IS NOT OLD.reorientation_id THEN 'reorientation_id,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER reorientation_note_audit_delete AFTER DELETE ON reorientation_note BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'reorientation_note', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER report_definition_audit_insert AFTER INSERT ON report_definition BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'report_definition', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.body IS NOT NULL AND NEW.body <> '' THEN 'body,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT NULL AND NEW.name <> '' THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT NULL AND NEW.title <> '' THEN 'title,' ELSE '' END, ','));
END;
CREATE TRIGGER report_definition_audit_update AFTER UPDATE ON report_definition BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'report_definition', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.body IS NOT OLD.body THEN 'body,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT OLD.name THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.title IS NOT OLD.title THEN 'title,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER report_definition_audit_delete AFTER DELETE ON report_definition BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'report_definition', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER app_setting_audit_insert AFTER INSERT ON app_setting BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'app_setting', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.key IS NOT NULL AND NEW.key <> '' THEN 'key,' ELSE '' END ||
        CASE WHEN NEW.value IS NOT NULL AND NEW.value <> '' THEN 'value,' ELSE '' END, ','));
END;
CREATE TRIGGER app_setting_audit_update AFTER UPDATE ON app_setting BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'app_setting', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.key IS NOT OLD.key THEN 'key,' ELSE '' END ||
        CASE WHEN NEW.value IS NOT OLD.value THEN 'value,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER app_setting_audit_delete AFTER DELETE ON app_setting BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'app_setting', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER coding_sample_audit_insert AFTER INSERT ON coding_sample BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'coding_sample', NEW.id, NULL, 'I', rtrim(
        CASE WHEN NEW.coder_a IS NOT NULL AND NEW.coder_a <> '' THEN 'coder_a,' ELSE '' END ||
        CASE WHEN NEW.coder_b IS NOT NULL AND NEW.coder_b <> '' THEN 'coder_b,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT NULL AND NEW.consultation_id <> '' THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT NULL AND NEW.name <> '' THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.seed IS NOT NULL AND NEW.seed <> '' THEN 'seed,' ELSE '' END, ','));
END;
CREATE TRIGGER coding_sample_audit_update AFTER UPDATE ON coding_sample BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'coding_sample', NEW.id, NULL, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.coder_a IS NOT OLD.coder_a THEN 'coder_a,' ELSE '' END ||
        CASE WHEN NEW.coder_b IS NOT OLD.coder_b THEN 'coder_b,' ELSE '' END ||
        CASE WHEN NEW.consultation_id IS NOT OLD.consultation_id THEN 'consultation_id,' ELSE '' END ||
        CASE WHEN NEW.name IS NOT OLD.name THEN 'name,' ELSE '' END ||
        CASE WHEN NEW.seed IS NOT OLD.seed THEN 'seed,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER coding_sample_audit_delete AFTER DELETE ON coding_sample BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'coding_sample', OLD.id, NULL, 'D', '');
END;

CREATE TRIGGER coding_sample_item_audit_insert AFTER INSERT ON coding_sample_item BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'coding_sample_item', NEW.id, NEW.contribution_id, 'I', rtrim(
        CASE WHEN NEW.adjudicated_at IS NOT NULL AND NEW.adjudicated_at <> '' THEN 'adjudicated_at,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT NULL AND NEW.contribution_id <> '' THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.done_by_a IS NOT NULL AND NEW.done_by_a <> '' THEN 'done_by_a,' ELSE '' END ||
        CASE WHEN NEW.done_by_b IS NOT NULL AND NEW.done_by_b <> '' THEN 'done_by_b,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT NULL AND NEW.position <> '' THEN 'position,' ELSE '' END ||
        CASE WHEN NEW.sample_id IS NOT NULL AND NEW.sample_id <> '' THEN 'sample_id,' ELSE '' END, ','));
END;
CREATE TRIGGER coding_sample_item_audit_update AFTER UPDATE ON coding_sample_item BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'coding_sample_item', NEW.id, NEW.contribution_id, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.adjudicated_at IS NOT OLD.adjudicated_at THEN 'adjudicated_at,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT OLD.contribution_id THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.done_by_a IS NOT OLD.done_by_a THEN 'done_by_a,' ELSE '' END ||
        CASE WHEN NEW.done_by_b IS NOT OLD.done_by_b THEN 'done_by_b,' ELSE '' END ||
        CASE WHEN NEW.position IS NOT OLD.position THEN 'position,' ELSE '' END ||
        CASE WHEN NEW.sample_id IS NOT OLD.sample_id THEN 'sample_id,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER coding_sample_item_audit_delete AFTER DELETE ON coding_sample_item BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'coding_sample_item', OLD.id, OLD.contribution_id, 'D', '');
END;

CREATE TRIGGER sample_tag_audit_insert AFTER INSERT ON sample_tag BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'sample_tag', NEW.id, NEW.contribution_id, 'I', rtrim(
        CASE WHEN NEW.coder IS NOT NULL AND NEW.coder <> '' THEN 'coder,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT NULL AND NEW.commitment_id <> '' THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT NULL AND NEW.contribution_id <> '' THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.sample_id IS NOT NULL AND NEW.sample_id <> '' THEN 'sample_id,' ELSE '' END ||
        CASE WHEN NEW.stance IS NOT NULL AND NEW.stance <> '' THEN 'stance,' ELSE '' END ||
        CASE WHEN NEW.tagged_at IS NOT NULL AND NEW.tagged_at <> '' THEN 'tagged_at,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT NULL AND NEW.theme_id <> '' THEN 'theme_id,' ELSE '' END, ','));
END;
CREATE TRIGGER sample_tag_audit_update AFTER UPDATE ON sample_tag BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    SELECT concerto_user(), 'sample_tag', NEW.id, NEW.contribution_id, 'U', changed FROM (SELECT rtrim(
        CASE WHEN NEW.coder IS NOT OLD.coder THEN 'coder,' ELSE '' END ||
        CASE WHEN NEW.commitment_id IS NOT OLD.commitment_id THEN 'commitment_id,' ELSE '' END ||
        CASE WHEN NEW.contribution_id IS NOT OLD.contribution_id THEN 'contribution_id,' ELSE '' END ||
        CASE WHEN NEW.sample_id IS NOT OLD.sample_id THEN 'sample_id,' ELSE '' END ||
        CASE WHEN NEW.stance IS NOT OLD.stance THEN 'stance,' ELSE '' END ||
        CASE WHEN NEW.tagged_at IS NOT OLD.tagged_at THEN 'tagged_at,' ELSE '' END ||
        CASE WHEN NEW.theme_id IS NOT OLD.theme_id THEN 'theme_id,' ELSE '' END, ',') AS changed) WHERE changed <> '';
END;
CREATE TRIGGER sample_tag_audit_delete AFTER DELETE ON sample_tag BEGIN
    INSERT INTO audit_log (login, table_name, row_id, contribution_id, action, fields)
    VALUES (concerto_user(), 'sample_tag', OLD.id, OLD.contribution_id, 'D', '');
END;

