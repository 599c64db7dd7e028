-- What an agreement produced (issue 15): programmes and actions name the agreement they carry
-- out. A programme's free-text agreement_number stays, as the note it was: the demo and the
-- agency's registers link it where it matches an agreement's reference.
ALTER TABLE programmes ADD COLUMN agreement_id BIGINT REFERENCES agreements (id);
CREATE INDEX programmes_by_agreement ON programmes (agreement_id);
ALTER TABLE actions ADD COLUMN agreement_id BIGINT REFERENCES agreements (id);
CREATE INDEX actions_by_agreement ON actions (agreement_id);
