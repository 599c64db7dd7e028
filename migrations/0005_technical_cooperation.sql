-- Technical cooperation: programmes, the catalogue of offers, partner requests, actions, people
-- and their participation from nomination to certificate. Same conventions as 0001: dates are
-- ISO 8601 text (YYYY-MM-DD), amounts are whole units of the row's currency, flags 0/1.

CREATE TABLE programmes (
  id {{id}},
  kind TEXT NOT NULL,               -- country_programme | triangular | joint
  title_fr TEXT, title_ar TEXT, title_en TEXT,
  sort_name TEXT NOT NULL,
  country_code TEXT REFERENCES countries (code),
  funder_organisation_id BIGINT REFERENCES organisations (id),
  start_year INTEGER,
  end_year INTEGER,
  agreement_number TEXT,            -- free text until agreements are records of their own
  commission_session TEXT,          -- the joint-commission session that decided it
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE INDEX programmes_by_country ON programmes (country_code, start_year);

CREATE TABLE offers (
  id {{id}},
  host_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  action_type TEXT NOT NULL REFERENCES action_types (code),
  domain TEXT NOT NULL REFERENCES cooperation_domains (code),
  title_fr TEXT, title_ar TEXT, title_en TEXT,
  description_fr TEXT, description_ar TEXT, description_en TEXT,
  sort_name TEXT NOT NULL,
  level TEXT,                       -- introductory | intermediate | advanced | expert
  duration_days INTEGER,
  language TEXT,                    -- language of instruction: fr | ar | en | es | pt
  seats_per_year INTEGER,
  cost_per_participant BIGINT,
  currency TEXT REFERENCES currencies (code),
  active INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE INDEX offers_by_host ON offers (host_organisation_id);
CREATE INDEX offers_by_domain ON offers (domain, action_type);

CREATE TABLE cooperation_requests (
  id {{id}},
  country_code TEXT NOT NULL REFERENCES countries (code),
  requesting_organisation_id BIGINT REFERENCES organisations (id),
  domain TEXT NOT NULL REFERENCES cooperation_domains (code),
  action_type TEXT REFERENCES action_types (code),
  title TEXT NOT NULL,
  description TEXT,
  people_count INTEGER,
  period_start TEXT,
  period_end TEXT,
  priority TEXT NOT NULL,           -- high | medium | low
  channel TEXT NOT NULL,            -- embassy | joint_commission | partner_agency | direct | other
  status TEXT NOT NULL,             -- received | under_study | matched | served | declined
  received_on TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE INDEX cooperation_requests_by_country ON cooperation_requests (country_code, status);

-- Offers an officer proposed in answer to a request.
CREATE TABLE request_offers (
  request_id BIGINT NOT NULL REFERENCES cooperation_requests (id),
  offer_id BIGINT NOT NULL REFERENCES offers (id),
  matched_at TEXT NOT NULL,
  PRIMARY KEY (request_id, offer_id)
);

CREATE TABLE actions (
  id {{id}},
  action_type TEXT NOT NULL REFERENCES action_types (code),
  domain TEXT NOT NULL REFERENCES cooperation_domains (code),
  title_fr TEXT, title_ar TEXT, title_en TEXT,
  sort_name TEXT NOT NULL,
  modality TEXT NOT NULL,           -- bilateral | triangular
  programme_id BIGINT REFERENCES programmes (id),
  offer_id BIGINT REFERENCES offers (id),
  host_organisation_id BIGINT REFERENCES organisations (id),
  city TEXT,
  country_code TEXT NOT NULL REFERENCES countries (code),  -- where it happens
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  start_year INTEGER NOT NULL,      -- from start_date: the year filter of every list
  language TEXT,
  seats INTEGER NOT NULL,
  status TEXT NOT NULL,             -- planned | open | selection_closed | ongoing | completed | cancelled
  estimated_cost BIGINT,
  actual_cost BIGINT,
  currency TEXT REFERENCES currencies (code),
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE INDEX actions_by_year ON actions (start_year, start_date, id);
CREATE INDEX actions_by_place ON actions (country_code, start_year);
CREATE INDEX actions_by_status ON actions (status, start_year);

CREATE TABLE action_sectors (
  action_id BIGINT NOT NULL REFERENCES actions (id),
  sector_code TEXT NOT NULL,        -- DAC 5-digit purpose code
  percentage INTEGER NOT NULL,      -- the percentages of an action sum to 100
  PRIMARY KEY (action_id, sector_code)
);

CREATE TABLE action_funders (
  action_id BIGINT NOT NULL REFERENCES actions (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  share INTEGER NOT NULL,           -- percent of the cost; the shares of an action sum to 100
  PRIMARY KEY (action_id, organisation_id)
);

-- The partner countries an action is for, with the seats each may fill.
CREATE TABLE action_quotas (
  action_id BIGINT NOT NULL REFERENCES actions (id),
  country_code TEXT NOT NULL REFERENCES countries (code),
  seats INTEGER NOT NULL,
  PRIMARY KEY (action_id, country_code)
);
CREATE INDEX action_quotas_by_country ON action_quotas (country_code, action_id);

CREATE TABLE action_sdg_targets (
  action_id BIGINT NOT NULL REFERENCES actions (id),
  target_code TEXT NOT NULL,        -- IATI SDG target code, e.g. 4.c
  PRIMARY KEY (action_id, target_code)
);

CREATE TABLE action_requests (
  action_id BIGINT NOT NULL REFERENCES actions (id),
  request_id BIGINT NOT NULL REFERENCES cooperation_requests (id),
  PRIMARY KEY (action_id, request_id)
);
CREATE INDEX action_requests_by_request ON action_requests (request_id);

CREATE TABLE people (
  id {{id}},
  latin_name TEXT,                  -- as written in Latin script; at least one of the two names
  arabic_name TEXT,
  sort_name TEXT NOT NULL,
  sex TEXT,                         -- female | male
  birth_date TEXT,
  nationality TEXT REFERENCES countries (code),
  employer_organisation_id BIGINT REFERENCES organisations (id),
  position TEXT,
  category TEXT NOT NULL,           -- manager | researcher | technician | student | other
  expert INTEGER NOT NULL DEFAULT 0,
  email TEXT,
  phone TEXT,
  passport_number TEXT,
  passport_expiry TEXT,
  merged_into_id BIGINT REFERENCES people (id),  -- set while this record is merged into another
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE INDEX people_by_name ON people (merged_into_id, sort_name, id);
CREATE INDEX people_by_nationality ON people (nationality, sort_name, id);
CREATE INDEX people_by_merge ON people (merged_into_id);

-- Phonetic skeletons of each word of a person's names (src/core/names.hpp), for fuzzy search
-- in either script, and the pair keys that block duplicate detection.
CREATE TABLE person_name_tokens (
  token TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people (id),
  PRIMARY KEY (token, person_id)
);
CREATE INDEX person_name_tokens_by_person ON person_name_tokens (person_id);
CREATE TABLE person_blocking_keys (
  block_key TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people (id),
  PRIMARY KEY (block_key, person_id)
);
CREATE INDEX person_blocking_keys_by_person ON person_blocking_keys (person_id);

CREATE TABLE person_merges (
  id {{id}},
  survivor_id BIGINT NOT NULL REFERENCES people (id),
  merged_id BIGINT NOT NULL REFERENCES people (id),
  merged_at TEXT NOT NULL,
  merged_by TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT
);
CREATE INDEX person_merges_by_survivor ON person_merges (survivor_id);

CREATE TABLE alumni_follow_ups (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people (id),
  recorded_on TEXT NOT NULL,
  position TEXT,
  organisation_name TEXT,
  contact_consent INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX alumni_follow_ups_by_person ON alumni_follow_ups (person_id);

CREATE TABLE nominations (
  id {{id}},
  action_id BIGINT NOT NULL REFERENCES actions (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  country_code TEXT NOT NULL REFERENCES countries (code),  -- the nominating country, whose quota it uses
  state TEXT NOT NULL,
  nominated_by BIGINT REFERENCES users (id),
  nominated_at TEXT NOT NULL,
  state_changed_at TEXT NOT NULL,
  waitlisted_at TEXT,               -- order of promotion from the waiting list
  note TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (action_id, person_id)
);
CREATE INDEX nominations_by_action ON nominations (action_id, state, country_code);
CREATE INDEX nominations_by_country ON nominations (country_code, state, id);
CREATE INDEX nominations_by_person ON nominations (person_id);

-- Every state change, timestamped: the nomination's own history (the audit trail has it too).
CREATE TABLE nomination_events (
  id {{id}},
  nomination_id BIGINT NOT NULL REFERENCES nominations (id),
  from_state TEXT,
  to_state TEXT NOT NULL,
  reason TEXT,                      -- e.g. promoted_from_waitlist
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL
);
CREATE INDEX nomination_events_by_nomination ON nomination_events (nomination_id, id);

CREATE TABLE logistics_items (
  nomination_id BIGINT NOT NULL REFERENCES nominations (id),
  item TEXT NOT NULL,               -- invitation_letter | visa | ticket | lodging | insurance | per_diem
  status TEXT NOT NULL,             -- to_do | in_progress | done | not_needed
  cost BIGINT,
  currency TEXT REFERENCES currencies (code),
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (nomination_id, item)
);

CREATE TABLE attendance (
  nomination_id BIGINT NOT NULL REFERENCES nominations (id),
  day TEXT NOT NULL,
  present INTEGER NOT NULL,
  PRIMARY KEY (nomination_id, day)
);

CREATE TABLE certificates (
  code TEXT PRIMARY KEY,            -- printed on the PDF, checked by the public endpoint
  nomination_id BIGINT NOT NULL UNIQUE REFERENCES nominations (id),
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL
);

CREATE TABLE evaluations (
  nomination_id BIGINT PRIMARY KEY REFERENCES nominations (id),
  overall INTEGER NOT NULL,         -- scores 1..5
  content INTEGER,
  organisation INTEGER,
  usefulness INTEGER,
  comment TEXT,
  submitted_at TEXT NOT NULL
);
