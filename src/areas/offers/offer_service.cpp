// Offer use cases, each inside one transaction with its audit entry.
#include "areas/offers/offer.hpp"
#include "areas/offers/offer_store.hpp"
#include "domain/drafts.hpp"

namespace taawun::offers {
namespace {

// Applies a draft onto a record (a blank one for creation) and checks the result as a whole.
Result<Offer> apply(db::Connection& connection, Offer record, const OfferDraft& draft) {
  std::vector<FieldError> problems;
  if (draft.host_organisation_id.present) record.host_organisation_id = draft.host_organisation_id.value.value_or(0);
  if (draft.action_type.present) record.action_type = cleaned(draft.action_type.value).value_or("");
  if (draft.domain.present) record.domain = cleaned(draft.domain.value).value_or("");
  if (draft.title_fr.present) record.title_fr = cleaned(draft.title_fr.value);
  if (draft.title_ar.present) record.title_ar = cleaned(draft.title_ar.value);
  if (draft.title_en.present) record.title_en = cleaned(draft.title_en.value);
  if (draft.description_fr.present) record.description_fr = cleaned(draft.description_fr.value);
  if (draft.description_ar.present) record.description_ar = cleaned(draft.description_ar.value);
  if (draft.description_en.present) record.description_en = cleaned(draft.description_en.value);
  if (draft.level.present) record.level = cleaned(draft.level.value);
  if (draft.language.present) record.language = cleaned(draft.language.value);
  if (draft.currency.present) record.currency = upper_cased(cleaned(draft.currency.value));
  draft.duration_days.apply_to(record.duration_days);
  draft.seats_per_year.apply_to(record.seats_per_year);
  draft.cost_per_participant.apply_to(record.cost_per_participant);
  if (draft.active.present) {
    if (draft.active.value)
      record.active = *draft.active.value;
    else
      problems.push_back({"active", "required"});  // an offer is active or not, never unknown
  }

  if (record.host_organisation_id == 0)
    problems.push_back({"host_organisation_id", "required"});
  else if (!organisation_exists(connection, record.host_organisation_id))
    problems.push_back({"host_organisation_id", "unknown_organisation"});
  if (record.action_type.empty())
    problems.push_back({"action_type", "required"});
  else if (!reference_code_exists(connection, ReferenceTable::action_types, record.action_type))
    problems.push_back({"action_type", "unknown_code", {{"codelist", "action_types"}}});
  if (record.domain.empty())
    problems.push_back({"domain", "required"});
  else if (!reference_code_exists(connection, ReferenceTable::cooperation_domains, record.domain))
    problems.push_back({"domain", "unknown_code", {{"codelist", "cooperation_domains"}}});

  if (!record.title_fr && !record.title_ar && !record.title_en) problems.push_back({"title_fr", "one_title_required"});
  check_length(problems, "title_fr", record.title_fr, kMaxTitleLength);
  check_length(problems, "title_ar", record.title_ar, kMaxTitleLength);
  check_length(problems, "title_en", record.title_en, kMaxTitleLength);
  check_length(problems, "description_fr", record.description_fr, kMaxDescriptionLength);
  check_length(problems, "description_ar", record.description_ar, kMaxDescriptionLength);
  check_length(problems, "description_en", record.description_en, kMaxDescriptionLength);
  check_choice(problems, "level", record.level, kLevels);
  check_choice(problems, "language", record.language, kLanguages);
  check_range(problems, "duration_days", record.duration_days, 1, kMaxDurationDays);
  check_range(problems, "seats_per_year", record.seats_per_year, 1, kMaxSeatsPerYear);
  check_range(problems, "cost_per_participant", record.cost_per_participant, 0, kMaxCost);
  // A cost means nothing without its currency (a currency without a cost is harmless).
  if (record.currency) {
    if (!reference_code_exists(connection, ReferenceTable::currencies, *record.currency))
      problems.push_back({"currency", "unknown_code", {{"codelist", "ISO 4217"}}});
  } else if (record.cost_per_participant) {
    problems.push_back({"currency", "required_with_cost"});
  }
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

}  // namespace

Result<Page<Offer>> list(db::Connection& connection, const accounts::Actor& actor, const OfferFilter& filter) {
  kit::Where where;
  switch (filter.active) {
    case OfferFilter::Active::only:
      where.add("o.active = 1");
      break;
    case OfferFilter::Active::inactive:
      where.add("o.active = 0");
      break;
    case OfferFilter::Active::all:
      break;
  }
  where.equals("o.host_organisation_id", filter.host_organisation_id)
      .equals("o.action_type", filter.action_type)
      .equals("o.domain", filter.domain)
      .equals("o.language", filter.language)
      .text("o.search_key", filter.text);
  TAAWUN_TRY(page, kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page));
  for (auto& offer : page.items) offer.descriptions_included = false;
  return page;
}

Result<Offer> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<Offer> create(db::Connection& connection, const accounts::Actor& actor, const OfferDraft& draft) {
  if (!can(actor, Action::create)) return Error::of(ErrorCode::forbidden);
  // A host focal point asking for another institution is refused before anything is checked.
  if (draft.host_organisation_id.value && !can(actor, Action::create, *draft.host_organisation_id.value))
    return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(record, apply(connection, Offer{}, draft));
  if (!can(actor, Action::create, record.host_organisation_id)) return Error::of(ErrorCode::forbidden);
  Offer created = kit::insert(connection, kind(), actor, record);
  transaction.commit();
  return created;
}

Result<Offer> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                     std::int64_t expected_version, const OfferDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  // A host focal point may neither change another institution's offer nor hand its own away.
  if (!can(actor, Action::update, current.host_organisation_id)) return Error::of(ErrorCode::forbidden);
  if (draft.host_organisation_id.value && !can(actor, Action::update, *draft.host_organisation_id.value))
    return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  TAAWUN_TRY(record, apply(connection, current, draft));
  // Archiving and reactivating are named in the trail (as for organisations: archive, restore).
  std::string_view word = current.active == record.active ? "update" : record.active ? "restore" : "archive";
  TAAWUN_TRY(updated, kit::update(connection, kind(), actor, current, record, word));
  transaction.commit();
  return updated;
}

}  // namespace taawun::offers
