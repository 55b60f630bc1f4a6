-- Concerto schema v1, SQLite dialect. Keep in step with postgresql/001_schema.sql:
-- tests/db compare both schemas table by table and column by column.
-- Every business row: a stable UUID, a version for optimistic locking, who and when.
-- Instants are UTC text "YYYY-MM-DD HH:MM:SS", dates "YYYY-MM-DD", booleans 0/1.

CREATE TABLE consultation (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT '',
    starts_on text, ends_on text,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE theme (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    code text NOT NULL CHECK (code <> ''),
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 0,
    UNIQUE (consultation_id, code)
);

CREATE TABLE commitment (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    theme_id text NOT NULL REFERENCES theme(id),
    ref text NOT NULL CHECK (ref <> ''),
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT '',
    status text NOT NULL CHECK (status IN ('done', 'in_progress', 'planned', 'dropped')),
    origin text NOT NULL DEFAULT 'programme' CHECK (origin IN ('programme', 'restitution')),
    position integer NOT NULL DEFAULT 0,
    UNIQUE (consultation_id, ref)
);
CREATE INDEX commitment_theme ON commitment(theme_id);

CREATE TABLE commitment_status_change (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    commitment_id text NOT NULL REFERENCES commitment(id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('done', 'in_progress', 'planned', 'dropped')),
    effective_on text NOT NULL,
    comment text NOT NULL DEFAULT ''
);
CREATE INDEX commitment_status_change_commitment ON commitment_status_change(commitment_id, effective_on);

CREATE TABLE neighbourhood (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    code text NOT NULL UNIQUE CHECK (code <> ''),
    name text NOT NULL CHECK (name <> ''),
    position integer NOT NULL DEFAULT 0
);

CREATE TABLE channel (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    code text NOT NULL UNIQUE CHECK (code <> ''),
    name text NOT NULL CHECK (name <> ''),
    description text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 0
);

CREATE TABLE card (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    theme_id text REFERENCES theme(id) ON DELETE SET NULL,
    code text NOT NULL CHECK (code <> ''),
    title text NOT NULL CHECK (title <> ''),
    UNIQUE (consultation_id, code)
);

CREATE TABLE meeting (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    channel_id text NOT NULL REFERENCES channel(id),
    ref text NOT NULL CHECK (ref <> ''),
    title text NOT NULL CHECK (title <> ''),
    kind text NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'agora', 'restitution')),
    starts_at text NOT NULL,
    ends_at text CHECK (ends_at IS NULL OR ends_at >= starts_at),
    place text NOT NULL DEFAULT '',
    place_kind text NOT NULL DEFAULT '',
    neighbourhood_id text REFERENCES neighbourhood(id),
    facilitators text NOT NULL DEFAULT '',
    notes text NOT NULL DEFAULT '',
    attendance integer CHECK (attendance IS NULL OR attendance >= 0),
    UNIQUE (consultation_id, ref)
);
CREATE INDEX meeting_channel ON meeting(channel_id);
CREATE INDEX meeting_starts ON meeting(consultation_id, starts_at);

CREATE TABLE contribution (
    id text NOT NULL UNIQUE, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    -- Local entry order: compact key for paging and the full-text index; never a reference.
    -- It is the rowid alias, so VACUUM cannot renumber what the FTS index points to.
    seq integer PRIMARY KEY,
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    channel_id text NOT NULL REFERENCES channel(id),
    meeting_id text REFERENCES meeting(id) ON DELETE SET NULL,
    neighbourhood_id text REFERENCES neighbourhood(id),
    card_id text REFERENCES card(id) ON DELETE SET NULL,
    received_at text NOT NULL,
    profile text NOT NULL DEFAULT '',
    age_bracket text NOT NULL DEFAULT '',
    title text NOT NULL DEFAULT '',
    body text NOT NULL CHECK (body <> ''),
    source_ref text,
    state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'tagged', 'to_review', 'excluded')),
    exclusion_reason text NOT NULL DEFAULT '',
    is_quote integer NOT NULL DEFAULT 0 CHECK (is_quote IN (0, 1)),
    notes text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX contribution_source ON contribution(consultation_id, channel_id, source_ref);
CREATE INDEX contribution_received ON contribution(consultation_id, received_at);
CREATE INDEX contribution_meeting ON contribution(meeting_id);
CREATE INDEX contribution_neighbourhood ON contribution(neighbourhood_id);
CREATE INDEX contribution_channel ON contribution(channel_id);

-- Full-text index over title and body, kept in step by triggers; accents are folded by the
-- tokenizer and queries are stemmed by Concerto (prefix match on the Snowball stem).
CREATE VIRTUAL TABLE contribution_fts USING fts5(
    title, body, content='contribution', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER contribution_fts_insert AFTER INSERT ON contribution BEGIN
    INSERT INTO contribution_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
CREATE TRIGGER contribution_fts_delete AFTER DELETE ON contribution BEGIN
    INSERT INTO contribution_fts(contribution_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER contribution_fts_update AFTER UPDATE OF title, body ON contribution BEGIN
    INSERT INTO contribution_fts(contribution_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO contribution_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TABLE contact_details (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    contribution_id text NOT NULL UNIQUE REFERENCES contribution(id) ON DELETE CASCADE,
    name text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    consent_to_recontact integer NOT NULL DEFAULT 0 CHECK (consent_to_recontact IN (0, 1)),
    purge_on text
);

CREATE TABLE tag (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    contribution_id text NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    commitment_id text REFERENCES commitment(id),
    theme_id text REFERENCES theme(id),
    stance text NOT NULL CHECK (stance IN ('support', 'criticism', 'proposal', 'question', 'observation')),
    coder text NOT NULL DEFAULT '',
    tagged_at text NOT NULL,
    CHECK (commitment_id IS NOT NULL OR theme_id IS NOT NULL)
);
CREATE INDEX tag_contribution ON tag(contribution_id);
CREATE INDEX tag_commitment ON tag(commitment_id);
CREATE INDEX tag_theme ON tag(theme_id);

CREATE TABLE label (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name <> ''),
    UNIQUE (consultation_id, name)
);

CREATE TABLE contribution_label (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    contribution_id text NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    label_id text NOT NULL REFERENCES label(id) ON DELETE CASCADE,
    UNIQUE (contribution_id, label_id)
);
CREATE INDEX contribution_label_label ON contribution_label(label_id);

CREATE TABLE topic (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT ''
);

CREATE TABLE topic_link (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    topic_id text NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
    label_id text REFERENCES label(id) ON DELETE CASCADE,
    commitment_id text REFERENCES commitment(id) ON DELETE CASCADE,
    meeting_id text REFERENCES meeting(id) ON DELETE CASCADE,
    outcome text NOT NULL DEFAULT '',
    CHECK ((label_id IS NOT NULL) + (commitment_id IS NOT NULL) + (meeting_id IS NOT NULL) = 1)
);
CREATE INDEX topic_link_topic ON topic_link(topic_id);

CREATE TABLE reorientation (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (title <> ''),
    rationale text NOT NULL DEFAULT '',
    decision text NOT NULL DEFAULT 'proposed' CHECK (decision IN ('proposed', 'adopted', 'rejected', 'deferred')),
    meeting_id text REFERENCES meeting(id) ON DELETE SET NULL,
    owner text NOT NULL DEFAULT '',
    follow_up text NOT NULL DEFAULT ''
);

CREATE TABLE reorientation_link (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    reorientation_id text NOT NULL REFERENCES reorientation(id) ON DELETE CASCADE,
    commitment_id text REFERENCES commitment(id) ON DELETE CASCADE,
    topic_id text REFERENCES topic(id) ON DELETE CASCADE,
    contribution_id text REFERENCES contribution(id) ON DELETE CASCADE,
    change text CHECK (change IN ('amended', 'new', 'dropped')),
    CHECK ((commitment_id IS NOT NULL) + (topic_id IS NOT NULL) + (contribution_id IS NOT NULL) = 1),
    CHECK (change IS NULL OR commitment_id IS NOT NULL)
);
CREATE INDEX reorientation_link_reorientation ON reorientation_link(reorientation_id);

CREATE TABLE reorientation_note (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    reorientation_id text NOT NULL REFERENCES reorientation(id) ON DELETE CASCADE,
    noted_on text NOT NULL,
    body text NOT NULL CHECK (body <> '')
);

CREATE TABLE report_definition (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    name text NOT NULL UNIQUE CHECK (name <> ''),
    title text NOT NULL DEFAULT '',
    body text NOT NULL
);

CREATE TABLE app_setting (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    key text NOT NULL UNIQUE CHECK (key <> ''),
    value text NOT NULL DEFAULT ''
);
