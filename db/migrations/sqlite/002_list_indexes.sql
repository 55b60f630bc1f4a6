-- Indexes for the contributions list: its state and neighbourhood sorts read only an index.
CREATE INDEX contribution_state ON contribution(consultation_id, state);
CREATE INDEX contribution_consultation_neighbourhood ON contribution(consultation_id, neighbourhood_id);
