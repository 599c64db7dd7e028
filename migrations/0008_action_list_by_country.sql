-- The actions list filtered by year and partner country (the actions screen's commonest view)
-- counts from indexes alone: each quota carries its action's start year, kept equal by the
-- application (quotas are rewritten with the action), and the actions' year index covers the
-- place, so neither side reads an action's row to count it.
ALTER TABLE action_quotas ADD COLUMN start_year INTEGER;
UPDATE action_quotas SET start_year = (SELECT a.start_year FROM actions a WHERE a.id = action_quotas.action_id);
CREATE INDEX action_quotas_by_country_year ON action_quotas (country_code, start_year, action_id);
CREATE INDEX actions_by_year_place ON actions (start_year, country_code);
