// Offer use cases, each inside one transaction with its audit entry.
#include <fmt/format.h>

#include "core/clock.hpp"
#include "areas/audit/audit.hpp"
#include "domain/drafts.hpp"
#include "areas/offers/offer.hpp"
#include "areas/offers/offer_store.hpp"

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
  if (!can(actor, Action::read)) return Error::of(ErrorCode::forbidden);
  std::string field = filter.sort.starts_with('-') ? filter.sort.substr(1) : filter.sort;
  std::string direction = filter.sort.starts_with('-') ? "DESC" : "ASC";
  std::string order;
  if (field == "title")
    order = fmt::format("o.sort_name {0}, o.id {0}", direction);
  else if (field == "created_at")
    order = fmt::format("o.created_at {0}, o.id {0}", direction);
  else if (field == "duration")
    // Offers without a duration come last either way (SQLite and PostgreSQL place NULLs apart).
    order = fmt::format(
        "CASE WHEN o.duration_days IS NULL THEN 1 ELSE 0 END, o.duration_days {0}, o.sort_name {0}, "
        "o.id {0}",
        direction);
  else
    return Error::validation({{"sort", "invalid_choice", {{"choices", "title, created_at, duration"}}}});

  std::string where = " WHERE 1=1";
  db::Params params;
  switch (filter.active) {
    case OfferFilter::Active::only:
      where += " AND o.active = 1";
      break;
    case OfferFilter::Active::inactive:
      where += " AND o.active = 0";
      break;
    case OfferFilter::Active::all:
      break;
  }
  if (filter.host_organisation_id) {
    where += " AND o.host_organisation_id = ?";
    params.add(*filter.host_organisation_id);
  }
  if (filter.action_type) {
    where += " AND o.action_type = ?";
    params.add(*filter.action_type);
  }
  if (filter.domain) {
    where += " AND o.domain = ?";
    params.add(*filter.domain);
  }
  if (filter.language) {
    where += " AND o.language = ?";
    params.add(*filter.language);
  }
  if (filter.text) append_text_filter(where, params, "o.search_key", *filter.text);

  Page<Offer> page;
  page.total = connection.query("SELECT COUNT(*) FROM offers o" + where, params).front().integer(0);
  if (page.total == 0 || filter.page.offset >= page.total) return page;
  params.add(filter.page.limit).add(filter.page.offset);
  auto rows =
      connection.query(fmt::format("{}{} ORDER BY {} LIMIT ? OFFSET ?", kSelectOfferSummary, where, order), params);
  page.items.reserve(rows.rows.size());
  for (const auto& row : rows.rows) {
    page.items.push_back(offer_from(row));
    page.items.back().descriptions_included = false;
  }
  return page;
}

Result<Offer> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  if (!can(actor, Action::read)) return Error::of(ErrorCode::forbidden);
  auto offer = find(connection, id);
  if (!offer) return Error::of(ErrorCode::not_found);
  return *offer;
}

Result<Offer> create(db::Connection& connection, const accounts::Actor& actor, const OfferDraft& draft) {
  if (!can(actor, Action::create)) return Error::of(ErrorCode::forbidden);
  // A host focal point asking for another institution is refused before anything is checked.
  if (draft.host_organisation_id.value && !can(actor, Action::create, *draft.host_organisation_id.value))
    return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(record, apply(connection, Offer{}, draft));
  if (!can(actor, Action::create, record.host_organisation_id)) return Error::of(ErrorCode::forbidden);
  std::string now = clock::now_iso8601();
  auto id = connection
                .query(
                    "INSERT INTO offers (host_organisation_id, action_type, domain, title_fr, title_ar, title_en, "
                    "description_fr, description_ar, description_en, sort_name, level, duration_days, language, "
                    "seats_per_year, cost_per_participant, currency, active, version, created_at, updated_at, "
                    "search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                    db::Params(record.host_organisation_id, record.action_type, record.domain, record.title_fr,
                               record.title_ar, record.title_en, record.description_fr, record.description_ar,
                               record.description_en, sort_name_of(record), record.level, record.duration_days,
                               record.language, record.seats_per_year, record.cost_per_participant, record.currency,
                               record.active, now, now, search_key_of(record)))
                .front()
                .integer(0);
  Offer created = *find(connection, id);
  audit::record(connection, actor, "create", "offer", std::to_string(id), std::nullopt, snapshot_json(created));
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
  if (current.version != expected_version) return Error::of(ErrorCode::precondition_failed);
  TAAWUN_TRY(record, apply(connection, current, draft));
  auto changed = connection.query(
      "UPDATE offers SET host_organisation_id = ?, action_type = ?, domain = ?, title_fr = ?, title_ar = ?, "
      "title_en = ?, description_fr = ?, description_ar = ?, description_en = ?, sort_name = ?, level = ?, "
      "duration_days = ?, language = ?, seats_per_year = ?, cost_per_participant = ?, currency = ?, active = ?, "
      "version = version + 1, updated_at = ?, search_key = ? WHERE id = ? AND version = ?",
      db::Params(record.host_organisation_id, record.action_type, record.domain, record.title_fr, record.title_ar,
                 record.title_en, record.description_fr, record.description_ar, record.description_en,
                 sort_name_of(record), record.level, record.duration_days, record.language, record.seats_per_year,
                 record.cost_per_participant, record.currency, record.active, clock::now_iso8601(),
                 search_key_of(record), id, expected_version));
  if (changed.affected == 0) return Error::of(ErrorCode::precondition_failed);
  Offer updated = *find(connection, id);
  // Archiving and reactivating are named in the trail (as for organisations: archive, restore).
  std::string_view action = current.active == updated.active ? "update" : updated.active ? "restore" : "archive";
  audit::record(connection, actor, action, "offer", std::to_string(id), snapshot_json(current), snapshot_json(updated));
  transaction.commit();
  return updated;
}

}  // namespace taawun::offers
