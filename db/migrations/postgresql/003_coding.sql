-- Double coding: a sample of contributions that two named coders tag blind to each other.
-- Their tags live apart from the final tags (sample_tag), so that the counts, the lists and
-- the reports never see them; adjudication writes the agreed tags into tag.

CREATE TABLE coding_sample (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name <> ''),
    coder_a text NOT NULL CHECK (coder_a <> ''),
    coder_b text NOT NULL CHECK (coder_b <> '' AND coder_b <> coder_a),
    seed bigint NOT NULL DEFAULT 0,
    UNIQUE (consultation_id, name)
);

CREATE TABLE coding_sample_item (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    sample_id uuid NOT NULL REFERENCES coding_sample(id) ON DELETE CASCADE,
    contribution_id uuid NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    done_by_a timestamptz, done_by_b timestamptz, adjudicated_at timestamptz,
    UNIQUE (sample_id, contribution_id)
);
CREATE INDEX coding_sample_item_contribution ON coding_sample_item(contribution_id);

CREATE TABLE sample_tag (
    id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    sample_id uuid NOT NULL REFERENCES coding_sample(id) ON DELETE CASCADE,
    contribution_id uuid NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    commitment_id uuid REFERENCES commitment(id),
    theme_id uuid REFERENCES theme(id),
    stance text NOT NULL CHECK (stance IN ('support', 'criticism', 'proposal', 'question', 'observation')),
    coder text NOT NULL CHECK (coder <> ''),
    tagged_at timestamptz NOT NULL,
    CHECK (commitment_id IS NOT NULL OR theme_id IS NOT NULL)
);
CREATE INDEX sample_tag_sample ON sample_tag(sample_id, coder, contribution_id);
CREATE INDEX sample_tag_contribution ON sample_tag(contribution_id);

-- Coding progress per coder reads only this index.
CREATE INDEX tag_coder ON tag(coder, contribution_id);

-- Other clients learn of coding work through NOTIFY on channel concerto_changes. The payload
-- is "table:id" and carries ids only: the id of the contribution concerned for the coding
-- tables, the row's own id otherwise. Identical payloads of one transaction arrive once.
-- Bulk paths set concerto.bulk to 'on' for their transaction and send one "table:*" instead.
CREATE FUNCTION concerto_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_data record;
    key text;
BEGIN
    IF coalesce(current_setting('concerto.bulk', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        row_data := OLD;
    ELSE
        row_data := NEW;
    END IF;
    IF TG_TABLE_NAME IN ('tag', 'contribution_label', 'sample_tag', 'coding_sample_item') THEN
        key := row_data.contribution_id::text;
    ELSE
        key := row_data.id::text;
    END IF;
    PERFORM pg_notify('concerto_changes', TG_TABLE_NAME || ':' || key);
    RETURN NULL;
END;
$$;

CREATE TRIGGER contribution_notify AFTER INSERT OR UPDATE OR DELETE ON contribution
    FOR EACH ROW EXECUTE FUNCTION concerto_notify_change();
CREATE TRIGGER tag_notify AFTER INSERT OR UPDATE OR DELETE ON tag
    FOR EACH ROW EXECUTE FUNCTION concerto_notify_change();
CREATE TRIGGER contribution_label_notify AFTER INSERT OR UPDATE OR DELETE ON contribution_label
    FOR EACH ROW EXECUTE FUNCTION concerto_notify_change();
CREATE TRIGGER label_notify AFTER INSERT OR UPDATE OR DELETE ON label
    FOR EACH ROW EXECUTE FUNCTION concerto_notify_change();
CREATE TRIGGER sample_tag_notify AFTER INSERT OR UPDATE OR DELETE ON sample_tag
    FOR EACH ROW EXECUTE FUNCTION concerto_notify_change();
CREATE TRIGGER coding_sample_item_notify AFTER INSERT OR UPDATE OR DELETE ON coding_sample_item
    FOR EACH ROW EXECUTE FUNCTION concerto_notify_change();
