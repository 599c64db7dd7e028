-- Multilateral engagements (issue 15): what Morocco undertakes in and towards international and
-- regional organisations — memberships, presidencies of groups, pledges, trade and debt
-- measures, candidatures, conferences hosted, resolutions sponsored. Same conventions as 0014:
-- ISO 8601 dates as text, money in the currency's minor unit (ADR 0016).

CREATE TABLE engagements (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL,               -- membership | presidency | pledge | trade_measure | debt_measure | candidature | hosting | resolution
  title_fr TEXT, title_ar TEXT, title_en TEXT,
  description_fr TEXT, description_ar TEXT, description_en TEXT,
  sort_name TEXT NOT NULL,
  starts_on TEXT,
  ends_on TEXT,
  renewed_on TEXT,
  themes TEXT NOT NULL,             -- theme codes, space separated (the filter reads engagement_themes)
  sdgs TEXT NOT NULL,               -- Sustainable Development Goals 1..17, space separated
  beneficiary_groups TEXT NOT NULL, -- ldcs | african_ldcs | lldcs | sids | african_union | africa, space separated
  beneficiary_countries TEXT NOT NULL, -- ISO 3166-1 alpha-2, space separated
  amount_minor BIGINT,              -- a pledge's or a measure's amount, in the currency's minor unit
  currency TEXT REFERENCES currencies (code),
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE INDEX engagements_by_organisation ON engagements (organisation_id, starts_on);
CREATE INDEX engagements_by_kind ON engagements (kind, starts_on);
CREATE INDEX engagements_by_sort_name ON engagements (sort_name, id);

-- The themes an engagement serves (the list filter's "theme").
CREATE TABLE engagement_themes (
  engagement_id BIGINT NOT NULL REFERENCES engagements (id),
  theme TEXT NOT NULL,
  PRIMARY KEY (engagement_id, theme)
);
CREATE INDEX engagement_themes_by_theme ON engagement_themes (theme, engagement_id);

-- The countries named as beneficiaries; a group (all LDCs, the African Union...) is matched
-- through the countries' reference flags when read, so that a change of the LDC list follows.
CREATE TABLE engagement_beneficiaries (
  engagement_id BIGINT NOT NULL REFERENCES engagements (id),
  country_code TEXT NOT NULL REFERENCES countries (code),
  PRIMARY KEY (engagement_id, country_code)
);
CREATE INDEX engagement_beneficiaries_by_country ON engagement_beneficiaries (country_code, engagement_id);

CREATE TABLE engagement_groups (
  engagement_id BIGINT NOT NULL REFERENCES engagements (id),
  group_code TEXT NOT NULL,
  PRIMARY KEY (engagement_id, group_code)
);

-- Notifications of the engagement to a body (e.g. "notified to the WTO"), with date and reference.
CREATE TABLE engagement_notifications (
  engagement_id BIGINT NOT NULL REFERENCES engagements (id),
  position INTEGER NOT NULL,
  organisation_id BIGINT REFERENCES organisations (id),
  notified_on TEXT,                 -- to the day, month or year; empty when not known
  reference TEXT,
  note TEXT,
  PRIMARY KEY (engagement_id, position)
);
