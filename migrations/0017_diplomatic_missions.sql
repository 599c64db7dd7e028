-- The diplomatic network (issue 15): embassies, consulates, permanent missions and liaison
-- offices — Morocco's abroad, the foreign ones accredited in Morocco, and partner countries'
-- missions elsewhere. Loaded from a Wikidata extract (the QID kept, unique when present, so that a
-- reload updates the same row) and corrected by staff: `edited_fields` lists the fields a person
-- changed, which a reload leaves as they are.
CREATE TABLE diplomatic_missions (
  id {{id}},
  kind TEXT NOT NULL,                 -- embassy | consulate_general | consulate | honorary_consulate | permanent_mission | liaison_office
  status TEXT NOT NULL,               -- active | closed
  sending_country TEXT REFERENCES countries (code),
  sending_organisation_id BIGINT REFERENCES organisations (id),
  receiving_country TEXT REFERENCES countries (code),
  receiving_organisation_id BIGINT REFERENCES organisations (id),  -- a permanent mission to an organisation
  name TEXT,                          -- its own name when it has one; else shown from kind, sender and city
  city TEXT,
  address TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  telephone TEXT,
  email TEXT,
  website TEXT,
  head_name TEXT,
  head_title TEXT,
  jurisdiction TEXT NOT NULL,         -- ISO 3166-1 alpha-2 codes it covers, space separated (also in the table below)
  opened_on TEXT,
  closed_on TEXT,
  wikidata_qid TEXT,
  edited_fields TEXT NOT NULL,        -- fields staff changed, space separated: never overwritten by a reload
  sort_name TEXT NOT NULL,
  search_key TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX diplomatic_missions_by_qid ON diplomatic_missions (wikidata_qid);
CREATE INDEX diplomatic_missions_by_sending ON diplomatic_missions (sending_country, receiving_country);
CREATE INDEX diplomatic_missions_by_receiving ON diplomatic_missions (receiving_country, sending_country);
CREATE INDEX diplomatic_missions_by_sort_name ON diplomatic_missions (sort_name, id);

-- The countries each mission covers, for the "covers" filter and the missions between two states.
CREATE TABLE diplomatic_mission_jurisdictions (
  mission_id BIGINT NOT NULL REFERENCES diplomatic_missions (id),
  country_code TEXT NOT NULL REFERENCES countries (code),
  PRIMARY KEY (mission_id, country_code)
);
CREATE INDEX diplomatic_mission_jurisdictions_by_country ON diplomatic_mission_jurisdictions (country_code, mission_id);

INSERT INTO record_generations (kind, generation) VALUES ('diplomatic_mission', 0);
