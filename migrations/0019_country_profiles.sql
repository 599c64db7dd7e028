-- A country's whole picture (issue 15) sums the country's nominations per action, then per year
-- and domain: this index lets that read only index entries, in action order, however many
-- nominations the database holds (src/areas/country_profiles).
CREATE INDEX nominations_by_country_action ON nominations (country_code, action_id, state, person_id);
