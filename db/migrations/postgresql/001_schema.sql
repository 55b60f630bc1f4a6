-- Concerto schema v1, PostgreSQL dialect. Keep in step with sqlite/001_schema.sql:
-- tests/db compare both schemas table by table and column by column.
-- Every business row: a stable UUID, a version for optimistic locking, who and when.

CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'concerto_fr') THEN
        CREATE TEXT SEARCH CONFIGURATION concerto_fr (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION concerto_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END $$;

CREATE TABLE consultation (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT '',
    starts_on date, ends_on date,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE theme (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    code text NOT NULL CHECK (code <> ''),
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 0,
    UNIQUE (consultation_id, code)
);

CREATE TABLE commitment (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    theme_id uuid NOT NULL REFERENCES theme(id),
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
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    commitment_id uuid NOT NULL REFERENCES commitment(id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('done', 'in_progress', 'planned', 'dropped')),
    effective_on date NOT NULL,
    comment text NOT NULL DEFAULT ''
);
CREATE INDEX commitment_status_change_commitment ON commitment_status_change(commitment_id, effective_on);

CREATE TABLE neighbourhood (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    code text NOT NULL UNIQUE CHECK (code <> ''),
    name text NOT NULL CHECK (name <> ''),
    position integer NOT NULL DEFAULT 0
);

CREATE TABLE channel (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    code text NOT NULL UNIQUE CHECK (code <> ''),
    name text NOT NULL CHECK (name <> ''),
    description text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 0
);

CREATE TABLE card (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    theme_id uuid REFERENCES theme(id) ON DELETE SET NULL,
    code text NOT NULL CHECK (code <> ''),
    title text NOT NULL CHECK (title <> ''),
    UNIQUE (consultation_id, code)
);

CREATE TABLE meeting (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    channel_id uuid NOT NULL REFERENCES channel(id),
    ref text NOT NULL CHECK (ref <> ''),
    title text NOT NULL CHECK (title <> ''),
    kind text NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'agora', 'restitution')),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz CHECK (ends_at IS NULL OR ends_at >= starts_at),
    place text NOT NULL DEFAULT '',
    place_kind text NOT NULL DEFAULT '',
    neighbourhood_id uuid REFERENCES neighbourhood(id),
    facilitators text NOT NULL DEFAULT '',
    notes text NOT NULL DEFAULT '',
    attendance integer CHECK (attendance IS NULL OR attendance >= 0),
    UNIQUE (consultation_id, ref)
);
CREATE INDEX meeting_channel ON meeting(channel_id);
CREATE INDEX meeting_starts ON meeting(consultation_id, starts_at);

CREATE TABLE contribution (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    -- Local entry order: compact key for paging and the full-text index; never a reference.
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    channel_id uuid NOT NULL REFERENCES channel(id),
    meeting_id uuid REFERENCES meeting(id) ON DELETE SET NULL,
    neighbourhood_id uuid REFERENCES neighbourhood(id),
    card_id uuid REFERENCES card(id) ON DELETE SET NULL,
    received_at timestamptz NOT NULL,
    profile text NOT NULL DEFAULT '',
    age_bracket text NOT NULL DEFAULT '',
    title text NOT NULL DEFAULT '',
    body text NOT NULL CHECK (body <> ''),
    source_ref text,
    state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'tagged', 'to_review', 'excluded')),
    exclusion_reason text NOT NULL DEFAULT '',
    is_quote boolean NOT NULL DEFAULT false,
    notes text NOT NULL DEFAULT '',
    search tsvector GENERATED ALWAYS AS (to_tsvector('concerto_fr'::regconfig, title || ' ' || body)) STORED
);
CREATE UNIQUE INDEX contribution_source ON contribution(consultation_id, channel_id, source_ref);
CREATE INDEX contribution_received ON contribution(consultation_id, received_at);
CREATE INDEX contribution_meeting ON contribution(meeting_id);
CREATE INDEX contribution_neighbourhood ON contribution(neighbourhood_id);
CREATE INDEX contribution_channel ON contribution(channel_id);
CREATE INDEX contribution_search ON contribution USING gin(search);

CREATE TABLE contact_details (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    contribution_id uuid NOT NULL UNIQUE REFERENCES contribution(id) ON DELETE CASCADE,
    name text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    consent_to_recontact boolean NOT NULL DEFAULT false,
    purge_on date
);

CREATE TABLE tag (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    contribution_id uuid NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    commitment_id uuid REFERENCES commitment(id),
    theme_id uuid REFERENCES theme(id),
    stance text NOT NULL CHECK (stance IN ('support', 'criticism', 'proposal', 'question', 'observation')),
    coder text NOT NULL DEFAULT '',
    tagged_at timestamptz NOT NULL,
    CHECK (commitment_id IS NOT NULL OR theme_id IS NOT NULL)
);
CREATE INDEX tag_contribution ON tag(contribution_id);
CREATE INDEX tag_commitment ON tag(commitment_id);
CREATE INDEX tag_theme ON tag(theme_id);

CREATE TABLE label (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name <> ''),
    UNIQUE (consultation_id, name)
);

CREATE TABLE contribution_label (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    contribution_id uuid NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    label_id uuid NOT NULL REFERENCES label(id) ON DELETE CASCADE,
    UNIQUE (contribution_id, label_id)
);
CREATE INDEX contribution_label_label ON contribution_label(label_id);

CREATE TABLE topic (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT ''
);

CREATE TABLE topic_link (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    topic_id uuid NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
    label_id uuid REFERENCES label(id) ON DELETE CASCADE,
    commitment_id uuid REFERENCES commitment(id) ON DELETE CASCADE,
    meeting_id uuid REFERENCES meeting(id) ON DELETE CASCADE,
    outcome text NOT NULL DEFAULT '',
    CHECK ((label_id IS NOT NULL)::int + (commitment_id IS NOT NULL)::int + (meeting_id IS NOT NULL)::int = 1)
);
CREATE INDEX topic_link_topic ON topic_link(topic_id);

CREATE TABLE reorientation (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (title <> ''),
    rationale text NOT NULL DEFAULT '',
    decision text NOT NULL DEFAULT 'proposed' CHECK (decision IN ('proposed', 'adopted', 'rejected', 'deferred')),
    meeting_id uuid REFERENCES meeting(id) ON DELETE SET NULL,
    owner text NOT NULL DEFAULT '',
    follow_up text NOT NULL DEFAULT ''
);

CREATE TABLE reorientation_link (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    reorientation_id uuid NOT NULL REFERENCES reorientation(id) ON DELETE CASCADE,
    commitment_id uuid REFERENCES commitment(id) ON DELETE CASCADE,
    topic_id uuid REFERENCES topic(id) ON DELETE CASCADE,
    contribution_id uuid REFERENCES contribution(id) ON DELETE CASCADE,
    change text CHECK (change IN ('amended', 'new', 'dropped')),
    CHECK ((commitment_id IS NOT NULL)::int + (topic_id IS NOT NULL)::int + (contribution_id IS NOT NULL)::int = 1),
    CHECK (change IS NULL OR commitment_id IS NOT NULL)
);
CREATE INDEX reorientation_link_reorientation ON reorientation_link(reorientation_id);

CREATE TABLE reorientation_note (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    reorientation_id uuid NOT NULL REFERENCES reorientation(id) ON DELETE CASCADE,
    noted_on date NOT NULL,
    body text NOT NULL CHECK (body <> '')
);

CREATE TABLE report_definition (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    name text NOT NULL UNIQUE CHECK (name <> ''),
    title text NOT NULL DEFAULT '',
    body text NOT NULL
);

CREATE TABLE app_setting (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    key text NOT NULL UNIQUE CHECK (key <> ''),
    value text NOT NULL DEFAULT ''
);
