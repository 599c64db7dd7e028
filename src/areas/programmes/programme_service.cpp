// Programme use cases, each inside one transaction with its audit entry.
#include <fmt/format.h>

#include "core/clock.hpp"
#include "areas/audit/audit.hpp"
#include "domain/drafts.hpp"
#include "areas/programmes/programme.hpp"
#include "areas/programmes/programme_store.hpp"
#include "areas/reference/reference.hpp"

namespace taawun::programmes {
namespace {

// Applies a draft onto a record (a blank one for creation) and checks the result as a whole.
Result<Programme> apply(db::Connection& connection, Programme record, const ProgrammeDraft& draft) {
  std::vector<FieldError> problems;
  if (draft.kind.present) record.kind = cleaned(draft.kind.value).value_or("");
  if (draft.title_fr.present) record.title_fr = cleaned(draft.title_fr.value);
  if (draft.title_ar.present) record.title_ar = cleaned(draft.title_ar.value);
  if (draft.title_en.present) record.title_en = cleaned(draft.title_en.value);
  if (draft.country.present) record.country_code = upper_cased(cleaned(draft.country.value));
  if (draft.agreement_number.present) record.agreement_number = cleaned(draft.agreement_number.value);
  if (draft.commission_session.present) record.commission_session = cleaned(draft.commission_session.value);
  draft.funder_organisation_id.apply_to(record.funder_organisation_id);
  draft.start_year.apply_to(record.start_year);
  draft.end_year.apply_to(record.end_year);

  if (record.kind.empty())
    problems.push_back({"kind", "required"});
  else
    check_choice(problems, "kind", record.kind, kKinds);
  if (!record.title_fr && !record.title_ar && !record.title_en) problems.push_back({"title_fr", "one_title_required"});
  check_length(problems, "title_fr", record.title_fr, kMaxTitleLength);
  check_length(problems, "title_ar", record.title_ar, kMaxTitleLength);
  check_length(problems, "title_en", record.title_en, kMaxTitleLength);
  check_length(problems, "agreement_number", record.agreement_number, kMaxAgreementNumberLength);
  check_length(problems, "commission_session", record.commission_session, kMaxCommissionSessionLength);

  // A country programme is agreed with one country; a triangular one needs its funder.
  if (record.country_code) {
    if (!reference::find_country(connection, *record.country_code)) problems.push_back({"country", "unknown_country"});
  } else if (record.kind == "country_programme") {
    problems.push_back({"country", "required_for_kind"});
  }
  if (record.funder_organisation_id) {
    if (!organisation_exists(connection, *record.funder_organisation_id))
      problems.push_back({"funder_organisation_id", "unknown_organisation"});
  } else if (record.kind == "triangular") {
    problems.push_back({"funder_organisation_id", "required_for_kind"});
  }

  if (!record.start_year) problems.push_back({"start_year", "required"});
  check_range(problems, "start_year", record.start_year, kFirstYear, kLastYear);
  check_range(problems, "end_year", record.end_year, kFirstYear, kLastYear);
  if (record.start_year && record.end_year && *record.end_year < *record.start_year)
    problems.push_back({"end_year", "before_start"});
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

}  // namespace

Result<Page<Programme>> list(db::Connection& connection, const accounts::Actor& actor, const ProgrammeFilter& filter) {
  if (!can(actor, Action::read)) return Error::of(ErrorCode::forbidden);
  std::string field = filter.sort.starts_with('-') ? filter.sort.substr(1) : filter.sort;
  std::string direction = filter.sort.starts_with('-') ? "DESC" : "ASC";
  std::string order;
  if (field == "title")
    order = fmt::format("p.sort_name {0}, p.id {0}", direction);
  else if (field == "start_year")
    order = fmt::format("p.start_year {0}, p.sort_name {0}, p.id {0}", direction);
  else
    return Error::validation({{"sort", "invalid_choice", {{"choices", "title, start_year"}}}});

  std::string where = " WHERE 1=1";
  db::Params params;
  if (filter.kind) {
    where += " AND p.kind = ?";
    params.add(*filter.kind);
  }
  if (filter.country) {
    where += " AND p.country_code = ?";
    params.add(*filter.country);
  }
  if (filter.year) {
    // Running that year: started by then and not ended before (no end year: still running).
    where += " AND p.start_year <= ? AND (p.end_year IS NULL OR p.end_year >= ?)";
    params.add(*filter.year).add(*filter.year);
  }
  if (filter.text) append_text_filter(where, params, "p.search_key", *filter.text);
  Scope scope = visible_scope(actor);
  if (!scope.all) append_in_scope(where, params, "p.country_code", scope.countries);

  Page<Programme> page;
  page.total = connection.query("SELECT COUNT(*) FROM programmes p" + where, params).front().integer(0);
  if (page.total == 0 || filter.page.offset >= page.total) return page;
  params.add(filter.page.limit).add(filter.page.offset);
  auto rows =
      connection.query(fmt::format("{}{} ORDER BY {} LIMIT ? OFFSET ?", kSelectProgramme, where, order), params);
  auto names = reference::names(connection);
  page.items.reserve(rows.rows.size());
  for (const auto& row : rows.rows) page.items.push_back(programme_from(row, *names));
  return page;
}

Result<Programme> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  auto programme = find(connection, id);
  // Out of scope reads as not found: a partner learns nothing of other countries' programmes.
  if (!programme || !can(actor, Action::read, *programme)) {
    if (programme && !can(actor, Action::read)) return Error::of(ErrorCode::forbidden);
    return Error::of(ErrorCode::not_found);
  }
  return *programme;
}

Result<Programme> create(db::Connection& connection, const accounts::Actor& actor, const ProgrammeDraft& draft) {
  if (!can(actor, Action::create)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(record, apply(connection, Programme{}, draft));
  std::string now = clock::now_iso8601();
  auto id = connection
                .query(
                    "INSERT INTO programmes (kind, title_fr, title_ar, title_en, sort_name, country_code, "
                    "funder_organisation_id, start_year, end_year, agreement_number, commission_session, version, "
                    "created_at, updated_at, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
                    "RETURNING id",
                    db::Params(record.kind, record.title_fr, record.title_ar, record.title_en, sort_name_of(record),
                               record.country_code, record.funder_organisation_id, record.start_year, record.end_year,
                               record.agreement_number, record.commission_session, now, now, search_key_of(record)))
                .front()
                .integer(0);
  Programme created = *find(connection, id);
  audit::record(connection, actor, "create", "programme", std::to_string(id), std::nullopt, snapshot_json(created));
  transaction.commit();
  return created;
}

Result<Programme> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                         std::int64_t expected_version, const ProgrammeDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Action::update, current)) return Error::of(ErrorCode::forbidden);
  if (current.version != expected_version) return Error::of(ErrorCode::precondition_failed);
  TAAWUN_TRY(record, apply(connection, current, draft));
  // The version in the WHERE clause makes the check and the write one step.
  auto changed = connection.query(
      "UPDATE programmes SET kind = ?, title_fr = ?, title_ar = ?, title_en = ?, sort_name = ?, country_code = ?, "
      "funder_organisation_id = ?, start_year = ?, end_year = ?, agreement_number = ?, commission_session = ?, "
      "version = version + 1, updated_at = ?, search_key = ? WHERE id = ? AND version = ?",
      db::Params(record.kind, record.title_fr, record.title_ar, record.title_en, sort_name_of(record),
                 record.country_code, record.funder_organisation_id, record.start_year, record.end_year,
                 record.agreement_number, record.commission_session, clock::now_iso8601(), search_key_of(record), id,
                 expected_version));
  if (changed.affected == 0) return Error::of(ErrorCode::precondition_failed);
  Programme updated = *find(connection, id);
  audit::record(connection, actor, "update", "programme", std::to_string(id), snapshot_json(current),
                snapshot_json(updated));
  transaction.commit();
  return updated;
}

}  // namespace taawun::programmes
