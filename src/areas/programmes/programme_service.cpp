// Programme use cases, each inside one transaction with its audit entry.
#include "areas/programmes/programme.hpp"
#include "areas/programmes/programme_store.hpp"
#include "areas/reference/reference.hpp"
#include "domain/drafts.hpp"

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
  draft.agreement_id.apply_to(record.agreement_id);

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

  if (record.agreement_id &&
      connection.query("SELECT 1 FROM agreements WHERE id = ?", db::Params(*record.agreement_id)).empty())
    problems.push_back({"agreement_id", "unknown_record"});
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
  kit::Where where;
  where.equals("p.kind", filter.kind)
      .equals("p.agreement_id", filter.agreement_id)
      .equals("p.country_code", filter.country)
      .text("p.search_key", filter.text);
  // Running that year: started by then and not ended before (no end year: still running).
  if (filter.year)
    where.add("p.start_year <= ? AND (p.end_year IS NULL OR p.end_year >= ?)", *filter.year, *filter.year);
  Scope scope = visible_scope(actor);
  if (!scope.all) where.in_scope("p.country_code", scope.countries);
  return kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<Programme> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<Programme> create(db::Connection& connection, const accounts::Actor& actor, const ProgrammeDraft& draft) {
  return kit::plain_create(connection, kind(), actor, can(actor, Action::create),
                           [&](Programme blank) { return apply(connection, std::move(blank), draft); });
}

Result<Programme> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                         std::int64_t expected_version, const ProgrammeDraft& draft) {
  return kit::plain_update(
      connection, kind(), actor, id, expected_version,
      [&](const Programme& current) { return can(actor, Action::update, current); },
      [&](Programme current) { return apply(connection, std::move(current), draft); });
}

}  // namespace taawun::programmes
