-- Double coding: a sample of contributions that two named coders tag blind to each other.
-- Their tags live apart from the final tags (sample_tag), so that the counts, the lists and
-- the reports never see them; adjudication writes the agreed tags into tag.

CREATE TABLE coding_sample (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    consultation_id text NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name <> ''),
    coder_a text NOT NULL CHECK (coder_a <> ''),
    coder_b text NOT NULL CHECK (coder_b <> '' AND coder_b <> coder_a),
    seed integer NOT NULL DEFAULT 0,
    UNIQUE (consultation_id, name)
);

CREATE TABLE coding_sample_item (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    sample_id text NOT NULL REFERENCES coding_sample(id) ON DELETE CASCADE,
    contribution_id text NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    done_by_a text, done_by_b text, adjudicated_at text,
    UNIQUE (sample_id, contribution_id)
);
CREATE INDEX coding_sample_item_contribution ON coding_sample_item(contribution_id);

CREATE TABLE sample_tag (
    id text PRIMARY KEY NOT NULL, version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by text NOT NULL DEFAULT '', updated_by text NOT NULL DEFAULT '',
    sample_id text NOT NULL REFERENCES coding_sample(id) ON DELETE CASCADE,
    contribution_id text NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    commitment_id text REFERENCES commitment(id),
    theme_id text REFERENCES theme(id),
    stance text NOT NULL CHECK (stance IN ('support', 'criticism', 'proposal', 'question', 'observation')),
    coder text NOT NULL CHECK (coder <> ''),
    tagged_at text NOT NULL,
    CHECK (commitment_id IS NOT NULL OR theme_id IS NOT NULL)
);
CREATE INDEX sample_tag_sample ON sample_tag(sample_id, coder, contribution_id);
CREATE INDEX sample_tag_contribution ON sample_tag(contribution_id);

-- Coding progress per coder reads only this index.
CREATE INDEX tag_coder ON tag(coder, contribution_id);
