-- The agency's eleven action types and its cooperation domains (reference/action_types.csv,
-- reference/cooperation_domains.csv, loaded by `reference load`). Actions, offers and requests
-- will refer to them by code.
CREATE TABLE action_types (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL,        -- the order of the product brief
  name_fr TEXT NOT NULL,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  aid_type TEXT NOT NULL,           -- IATI AidType code (E01, D01, D02)
  place TEXT NOT NULL,              -- morocco | partner_country
  search_key TEXT NOT NULL
);

CREATE TABLE cooperation_domains (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name_fr TEXT NOT NULL,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  search_key TEXT NOT NULL,
  sort_fr TEXT NOT NULL,
  sort_en TEXT NOT NULL,
  sort_ar TEXT NOT NULL
);

CREATE TABLE cooperation_domain_sectors (
  domain_code TEXT NOT NULL REFERENCES cooperation_domains (code),
  sector_code TEXT NOT NULL,        -- OECD DAC 5-digit purpose code (IATI Sector codelist)
  position INTEGER NOT NULL,
  PRIMARY KEY (domain_code, sector_code)
);
