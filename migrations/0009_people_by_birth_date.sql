-- Duplicate checks compare first the people born the same day as the one described (a few
-- dozen a day in a million), whatever the cap on a common name's candidates leaves out; a bulk
-- import settles most rows there.
CREATE INDEX people_by_birth_date ON people (birth_date);
