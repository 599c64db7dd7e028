-- Agreements: the cooperation agreements, memoranda, executive programmes and funding
-- agreements the agency works under (issue 15). Same conventions as 0001 and 0005: dates are ISO
-- 8601 text; money is held in the currency's minor unit (ISO 4217 exponent: centimes for MAD,
-- whole units for XOF, thousandths for TND), so that no amount is ever rounded.

CREATE TABLE agreements (
  id {{id}},
  kind TEXT NOT NULL,               -- framework | sectoral | memorandum | executive_programme | triangular | protocol | funding
  modality TEXT NOT NULL,           -- bilateral | triangular | multilateral
  title_fr TEXT, title_ar TEXT, title_en TEXT,
  summary_fr TEXT, summary_ar TEXT, summary_en TEXT,
  sort_name TEXT NOT NULL,
  reference TEXT,                   -- the agreement's number, unique when given
  signature_place TEXT,
  signed_on TEXT,
  in_force_on TEXT,
  expires_on TEXT,
  renewal TEXT NOT NULL,            -- none | tacit
  renewal_months INTEGER,           -- tacit renewal: for how long each time
  notice_days INTEGER,              -- tacit renewal: notice to give before the expiry
  notice_on TEXT,                   -- expires_on minus notice_days: the last day to denounce
  status TEXT NOT NULL,             -- draft | negotiated | signed | in_force | suspended | expired | terminated
  parent_agreement_id BIGINT REFERENCES agreements (id),
  parent_relation TEXT,             -- amends | replaces (the parent)
  domains TEXT NOT NULL,            -- cooperation domain codes, space separated, for display and export
  sectors TEXT NOT NULL,            -- DAC 5-digit sector codes, space separated
  party_countries TEXT NOT NULL,    -- the parties' countries, space separated, for display and export
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE UNIQUE INDEX agreements_by_reference ON agreements (reference);
CREATE INDEX agreements_by_status ON agreements (status, expires_on);
CREATE INDEX agreements_by_notice ON agreements (notice_on);
CREATE INDEX agreements_by_parent ON agreements (parent_agreement_id);

-- The parties: a country or an organisation, each once, with its roles and its contribution.
CREATE TABLE agreement_parties (
  agreement_id BIGINT NOT NULL REFERENCES agreements (id),
  position INTEGER NOT NULL,        -- the order the parties were given in
  country_code TEXT REFERENCES countries (code),
  organisation_id BIGINT REFERENCES organisations (id),
  roles TEXT NOT NULL,              -- signatory funder beneficiary implementer, space separated
  amount_minor BIGINT,              -- money contributed, in the currency's minor unit
  currency TEXT REFERENCES currencies (code),
  in_kind TEXT,                     -- what is contributed in kind (training seats, expert-days, hosting)
  in_kind_value_minor BIGINT,       -- its value, in the same currency
  PRIMARY KEY (agreement_id, position)
);
CREATE INDEX agreement_parties_by_country ON agreement_parties (country_code, agreement_id);
CREATE INDEX agreement_parties_by_organisation ON agreement_parties (organisation_id, agreement_id);

-- The cooperation domains an agreement covers (the list filter's "domain").
CREATE TABLE agreement_domains (
  agreement_id BIGINT NOT NULL REFERENCES agreements (id),
  domain TEXT NOT NULL REFERENCES cooperation_domains (code),
  PRIMARY KEY (agreement_id, domain)
);
CREATE INDEX agreement_domains_by_domain ON agreement_domains (domain, agreement_id);
