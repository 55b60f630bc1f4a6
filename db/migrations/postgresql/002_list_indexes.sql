-- Indexes for the contributions list: the date-sorted key load becomes an index-only scan,
-- and the state and neighbourhood sorts read only an index.
CREATE INDEX contribution_received_seq ON contribution(consultation_id, received_at, seq);
CREATE INDEX contribution_state ON contribution(consultation_id, state);
CREATE INDEX contribution_consultation_neighbourhood ON contribution(consultation_id, neighbourhood_id);
