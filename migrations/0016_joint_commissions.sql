-- Joint commissions (commissions mixtes) and their decisions (issue 15): the sessions Morocco
-- holds with a partner country (or, for triangular cooperation, a partner organisation), the
-- agreements each session reviews, the decisions (recommendations) it takes, who carries each
-- out, what implements it, and every change of a decision's status with its date, user and
-- comment. Same conventions as 0014: dates are ISO 8601 text.

CREATE TABLE joint_commission_sessions (
  id {{id}},
  country_code TEXT NOT NULL REFERENCES countries (code),   -- the partner country
  partner_organisation_id BIGINT REFERENCES organisations (id),  -- a triangular partner
  number INTEGER NOT NULL,          -- the 7th session of the commission with that country
  city TEXT,
  host_country_code TEXT REFERENCES countries (code),      -- which side hosted it
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,
  moroccan_chair_name TEXT, moroccan_chair_title TEXT,
  partner_chair_name TEXT, partner_chair_title TEXT,
  summary_fr TEXT, summary_ar TEXT, summary_en TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE UNIQUE INDEX joint_commission_sessions_by_number ON joint_commission_sessions (country_code, number);
CREATE INDEX joint_commission_sessions_by_start ON joint_commission_sessions (start_on);

-- The agreements a session reviews.
CREATE TABLE joint_commission_agreements (
  session_id BIGINT NOT NULL REFERENCES joint_commission_sessions (id),
  agreement_id BIGINT NOT NULL REFERENCES agreements (id),
  PRIMARY KEY (session_id, agreement_id)
);
CREATE INDEX joint_commission_agreements_by_agreement ON joint_commission_agreements (agreement_id, session_id);

CREATE TABLE joint_commission_decisions (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES joint_commission_sessions (id),
  text_fr TEXT, text_ar TEXT, text_en TEXT,
  domain TEXT NOT NULL REFERENCES cooperation_domains (code),
  responsible_organisation_id BIGINT NOT NULL REFERENCES organisations (id),  -- the Moroccan institution
  partner_organisation_id BIGINT REFERENCES organisations (id),
  partner_institution TEXT,         -- the partner's institution when it is not a registered organisation
  due_on TEXT,
  status TEXT NOT NULL,             -- planned | in_progress | done | dropped
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_key TEXT NOT NULL
);
CREATE INDEX joint_commission_decisions_by_session ON joint_commission_decisions (session_id, id);
CREATE INDEX joint_commission_decisions_by_due ON joint_commission_decisions (status, due_on);
CREATE INDEX joint_commission_decisions_by_responsible ON joint_commission_decisions (responsible_organisation_id);

-- Every status a decision took: the first at its creation, then each change.
CREATE TABLE joint_commission_decision_history (
  id {{id}},
  decision_id BIGINT NOT NULL REFERENCES joint_commission_decisions (id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  changed_on TEXT NOT NULL,         -- the day of the change (the agency's calendar)
  changed_at TEXT NOT NULL,         -- the instant it was recorded
  user_id BIGINT,
  username TEXT NOT NULL,
  comment TEXT
);
CREATE INDEX joint_commission_decision_history_by_decision ON joint_commission_decision_history (decision_id, id);

-- What implements a decision: programmes, actions and cooperation requests.
CREATE TABLE joint_commission_decision_programmes (
  decision_id BIGINT NOT NULL REFERENCES joint_commission_decisions (id),
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  PRIMARY KEY (decision_id, programme_id)
);
CREATE INDEX joint_commission_decision_programmes_by_record ON joint_commission_decision_programmes (programme_id, decision_id);
CREATE TABLE joint_commission_decision_actions (
  decision_id BIGINT NOT NULL REFERENCES joint_commission_decisions (id),
  action_id BIGINT NOT NULL REFERENCES actions (id),
  PRIMARY KEY (decision_id, action_id)
);
CREATE INDEX joint_commission_decision_actions_by_record ON joint_commission_decision_actions (action_id, decision_id);
CREATE TABLE joint_commission_decision_requests (
  decision_id BIGINT NOT NULL REFERENCES joint_commission_decisions (id),
  request_id BIGINT NOT NULL REFERENCES cooperation_requests (id),
  PRIMARY KEY (decision_id, request_id)
);
CREATE INDEX joint_commission_decision_requests_by_record ON joint_commission_decision_requests (request_id, decision_id);
