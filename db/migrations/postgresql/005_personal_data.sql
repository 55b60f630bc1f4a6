-- Personal data written inside contribution texts (e-mail addresses, phone numbers): a flag
-- kept in step by every write from title, body and notes (core/personal_data.h), so that the
-- lists can show it, the access report and the erasure read only the flagged rows, and the
-- team can review them. Existing rows are flagged by AfterMigration (db/migration_steps.cpp).

ALTER TABLE contribution ADD COLUMN mentions_contact boolean NOT NULL DEFAULT false;
-- Few rows are flagged: a partial index finds them without growing with the consultation.
CREATE INDEX contribution_mentions_contact ON contribution(consultation_id) WHERE mentions_contact;
