// Action use cases, each inside one transaction with its audit entry.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "areas/actions/action.hpp"
#include "areas/actions/action_store.hpp"
#include "areas/audit/audit.hpp"
#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace taawun::actions {

std::vector<std::string_view> next_statuses(std::string_view status) {
  if (status == "planned") return {"open", "cancelled"};
  if (status == "open") return {"selection_closed", "cancelled"};
  // Reopening lets an officer take late nominations when seats are left.
  if (status == "selection_closed") return {"ongoing", "open", "cancelled"};
  if (status == "ongoing") return {"completed", "cancelled"};
  return {};  // completed and cancelled are final
}

namespace {

bool exists(db::Connection& connection, std::string_view sql, const db::Params& params) {
  return !connection.query(sql, params).empty();
}

const std::set<std::string_view> kLanguages = {"fr", "ar", "en", "es", "pt"};

void check_sectors(db::Connection& connection, std::vector<FieldError>& problems,
                   const std::vector<SectorShare>& sectors) {
  if (sectors.empty()) {
    problems.push_back({"sectors", "required"});
    return;
  }
  if (sectors.size() > kMaxSectors) {
    problems.push_back({"sectors", "too_many", {{"max", std::to_string(kMaxSectors)}}});
    return;
  }
  std::int64_t sum = 0;
  bool out_of_range = false;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    std::string at = fmt::format("sectors[{}].", i);
    const auto& sector = sectors[i];
    auto entry = reference::find_code(connection, "Sector", sector.code);
    if (!entry || entry->withdrawn)
      problems.push_back({at + "code", "unknown_code", {{"codelist", "Sector"}}});
    else if (!seen.insert(sector.code).second)
      problems.push_back({at + "code", "duplicate"});
    // Only shares within range are summed: a sum of arbitrary 64-bit numbers could overflow
    // (undefined behaviour), and an out-of-range share is reported on its own.
    if (sector.percentage < 1 || sector.percentage > 100) {
      problems.push_back({at + "percentage", "out_of_range", {{"min", "1"}, {"max", "100"}}});
      out_of_range = true;
    } else {
      sum += sector.percentage;
    }
  }
  if (!out_of_range && sum != 100)
    problems.push_back({"sectors", "percentages_not_100", {{"sum", std::to_string(sum)}}});
}

void check_funders(db::Connection& connection, std::vector<FieldError>& problems, const Action& action) {
  const auto& funders = action.funders;
  if (action.modality == "triangular" && funders.empty()) problems.push_back({"funders", "required_for_triangular"});
  if (funders.empty()) return;
  if (funders.size() > kMaxFunders) {
    problems.push_back({"funders", "too_many", {{"max", std::to_string(kMaxFunders)}}});
    return;
  }
  std::int64_t sum = 0;
  bool out_of_range = false;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < funders.size(); ++i) {
    std::string at = fmt::format("funders[{}].", i);
    if (!exists(connection, "SELECT 1 FROM organisations WHERE id = ?", db::Params(funders[i].organisation_id)))
      problems.push_back({at + "organisation_id", "unknown_organisation"});
    else if (!seen.insert(funders[i].organisation_id).second)
      problems.push_back({at + "organisation_id", "duplicate"});
    if (funders[i].share < 1 || funders[i].share > 100) {
      problems.push_back({at + "share", "out_of_range", {{"min", "1"}, {"max", "100"}}});
      out_of_range = true;
    } else {
      sum += funders[i].share;
    }
  }
  if (!out_of_range && sum != 100)
    problems.push_back({"funders", "percentages_not_100", {{"sum", std::to_string(sum)}}});
}

void check_quotas(db::Connection& connection, std::vector<FieldError>& problems, const Action& action,
                  const Action& before) {
  if (action.quotas.size() > kMaxQuotas) {
    problems.push_back({"quotas", "too_many", {{"max", std::to_string(kMaxQuotas)}}});
    return;
  }
  std::int64_t sum = 0;
  bool out_of_range = false;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < action.quotas.size(); ++i) {
    std::string at = fmt::format("quotas[{}].", i);
    const auto& quota = action.quotas[i];
    if (!reference::find_country(connection, quota.country))
      problems.push_back({at + "country", "unknown_country"});
    else if (!seen.insert(quota.country).second)
      problems.push_back({at + "country", "duplicate"});
    if (quota.seats < 1 || quota.seats > kMaxSeats) {
      problems.push_back({at + "seats", "out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxSeats)}}});
      out_of_range = true;
    } else {
      sum += quota.seats;
    }
    // A quota cannot drop below the seats its country already holds.
    for (const auto& old : before.quotas)
      if (old.country == quota.country && quota.seats < old.filled)
        problems.push_back({at + "seats", "below_filled", {{"filled", std::to_string(old.filled)}}});
  }
  if (!out_of_range && sum > action.seats)
    problems.push_back(
        {"quotas", "quotas_exceed_seats", {{"sum", std::to_string(sum)}, {"seats", std::to_string(action.seats)}}});
  for (const auto& old : before.quotas)
    if (old.filled > 0 && !seen.contains(old.country))
      problems.push_back({"quotas", "quota_in_use", {{"country", old.country}}});
}

// Applies a draft onto a record (a blank one for creation) and checks the result as a whole.
Result<Action> apply(db::Connection& connection, const Action& before, const ActionDraft& draft) {
  Action record = before;
  std::vector<FieldError> problems;
  auto names = reference::names(connection);
  if (draft.action_type.present) record.action_type = cleaned(draft.action_type.value).value_or("");
  if (draft.domain.present) record.domain = cleaned(draft.domain.value).value_or("");
  if (draft.title_fr.present) record.title_fr = cleaned(draft.title_fr.value);
  if (draft.title_ar.present) record.title_ar = cleaned(draft.title_ar.value);
  if (draft.title_en.present) record.title_en = cleaned(draft.title_en.value);
  if (draft.modality.present) record.modality = cleaned(draft.modality.value).value_or("");
  if (draft.city.present) record.city = cleaned(draft.city.value);
  if (draft.country.present) record.country_code = upper_cased(cleaned(draft.country.value)).value_or("");
  if (draft.start_date.present) record.start_date = cleaned(draft.start_date.value).value_or("");
  if (draft.end_date.present) record.end_date = cleaned(draft.end_date.value).value_or("");
  if (draft.language.present) record.language = cleaned(draft.language.value);
  if (draft.currency.present) record.currency = upper_cased(cleaned(draft.currency.value));
  draft.programme_id.apply_to(record.programme_id);
  draft.agreement_id.apply_to(record.agreement_id);
  draft.offer_id.apply_to(record.offer_id);
  draft.host_organisation_id.apply_to(record.host_organisation_id);
  draft.estimated_cost.apply_to(record.estimated_cost);
  draft.actual_cost.apply_to(record.actual_cost);
  if (draft.seats.present) record.seats = draft.seats.value.value_or(0);
  if (draft.sectors.present) record.sectors = draft.sectors.value.value_or(std::vector<SectorShare>{});
  if (draft.funders.present) record.funders = draft.funders.value.value_or(std::vector<FunderShare>{});
  if (draft.quotas.present) {
    record.quotas = draft.quotas.value.value_or(std::vector<Quota>{});
    for (auto& quota : record.quotas) quota.country = upper_cased(quota.country).value_or("");
  }
  if (draft.sdg_targets.present) record.sdg_targets = draft.sdg_targets.value.value_or(std::vector<std::string>{});
  if (draft.request_ids.present) record.request_ids = draft.request_ids.value.value_or(std::vector<std::int64_t>{});

  if (record.action_type.empty())
    problems.push_back({"action_type", "required"});
  else if (!names->action_types.contains(record.action_type))
    problems.push_back({"action_type", "unknown_code", {{"codelist", "action-types"}}});
  if (record.domain.empty())
    problems.push_back({"domain", "required"});
  else if (!names->cooperation_domains.contains(record.domain))
    problems.push_back({"domain", "unknown_code", {{"codelist", "cooperation-domains"}}});
  // A new action with no sectors takes its domain's first DAC sector, whole.
  if (record.id == 0 && !draft.sectors.present && names->cooperation_domains.contains(record.domain)) {
    auto rows = connection.query(
        "SELECT sector_code FROM cooperation_domain_sectors WHERE domain_code = ? ORDER BY position LIMIT 1",
        db::Params(record.domain));
    if (!rows.empty()) record.sectors = {SectorShare{rows.front().text(0), 100, {}}};
  }
  if (!record.title_fr && !record.title_ar && !record.title_en) problems.push_back({"title_fr", "one_name_required"});
  check_length(problems, "title_fr", record.title_fr, kMaxTitleLength);
  check_length(problems, "title_ar", record.title_ar, kMaxTitleLength);
  check_length(problems, "title_en", record.title_en, kMaxTitleLength);
  check_length(problems, "city", record.city, kMaxCityLength);
  if (record.modality != "bilateral" && record.modality != "triangular")
    problems.push_back({"modality", "invalid_choice", {{"choices", "bilateral, triangular"}}});

  // Where it happens follows the type: training in Morocco is in Morocco, in-situ work abroad.
  auto place = names->action_type_places.find(record.action_type);
  if (record.country_code.empty() && place != names->action_type_places.end() && place->second == "morocco")
    record.country_code = "MA";
  if (record.country_code.empty())
    problems.push_back({"country", "required"});
  else if (!reference::find_country(connection, record.country_code))
    problems.push_back({"country", "unknown_country"});
  else if (place != names->action_type_places.end()) {
    if (place->second == "morocco" && record.country_code != "MA")
      problems.push_back({"country", "place_must_be_morocco"});
    else if (place->second == "partner_country" && record.country_code == "MA")
      problems.push_back({"country", "place_must_be_abroad"});
  }

  if (record.start_date.empty())
    problems.push_back({"start_date", "required"});
  else
    check_date(problems, "start_date", record.start_date);
  if (record.end_date.empty())
    problems.push_back({"end_date", "required"});
  else
    check_date(problems, "end_date", record.end_date);
  if (is_date(record.start_date) && is_date(record.end_date) && record.end_date < record.start_date)
    problems.push_back({"end_date", "before_start"});
  if (record.language && !kLanguages.contains(*record.language))
    problems.push_back({"language", "invalid_choice", {{"choices", "fr, ar, en, es, pt"}}});
  if (record.seats < 1 || record.seats > kMaxSeats)
    problems.push_back({"seats", "out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxSeats)}}});
  else if (record.seats < before.filled)
    problems.push_back({"seats", "below_filled", {{"filled", std::to_string(before.filled)}}});
  check_range(problems, "estimated_cost", record.estimated_cost, 0, 1'000'000'000'000);
  check_range(problems, "actual_cost", record.actual_cost, 0, 1'000'000'000'000);
  if ((record.estimated_cost || record.actual_cost) && !record.currency) record.currency = "MAD";
  if (record.currency && !exists(connection, "SELECT 1 FROM currencies WHERE code = ?", db::Params(*record.currency)))
    problems.push_back({"currency", "unknown_code", {{"codelist", "currencies"}}});
  if (record.programme_id &&
      !exists(connection, "SELECT 1 FROM programmes WHERE id = ?", db::Params(*record.programme_id)))
    problems.push_back({"programme_id", "unknown_record"});
  if (record.agreement_id &&
      !exists(connection, "SELECT 1 FROM agreements WHERE id = ?", db::Params(*record.agreement_id)))
    problems.push_back({"agreement_id", "unknown_record"});
  if (record.offer_id && !exists(connection, "SELECT 1 FROM offers WHERE id = ?", db::Params(*record.offer_id)))
    problems.push_back({"offer_id", "unknown_record"});
  if (record.host_organisation_id &&
      !exists(connection, "SELECT 1 FROM organisations WHERE id = ?", db::Params(*record.host_organisation_id)))
    problems.push_back({"host_organisation_id", "unknown_organisation"});

  check_sectors(connection, problems, record.sectors);
  check_funders(connection, problems, record);
  check_quotas(connection, problems, record, before);
  if (record.sdg_targets.size() > kMaxSdgTargets)
    problems.push_back({"sdg_targets", "too_many", {{"max", std::to_string(kMaxSdgTargets)}}});
  else
    for (std::size_t i = 0; i < record.sdg_targets.size(); ++i)
      if (!reference::find_code(connection, "SDGTarget", record.sdg_targets[i]))
        problems.push_back({fmt::format("sdg_targets[{}]", i), "unknown_code", {{"codelist", "SDGTarget"}}});
  if (record.request_ids.size() > kMaxRequests)
    problems.push_back({"request_ids", "too_many", {{"max", std::to_string(kMaxRequests)}}});
  else
    for (std::size_t i = 0; i < record.request_ids.size(); ++i)
      if (!exists(connection, "SELECT 1 FROM cooperation_requests WHERE id = ?", db::Params(record.request_ids[i])))
        problems.push_back({fmt::format("request_ids[{}]", i), "unknown_record"});
  std::sort(record.sdg_targets.begin(), record.sdg_targets.end());
  record.sdg_targets.erase(std::unique(record.sdg_targets.begin(), record.sdg_targets.end()), record.sdg_targets.end());
  std::sort(record.request_ids.begin(), record.request_ids.end());
  record.request_ids.erase(std::unique(record.request_ids.begin(), record.request_ids.end()), record.request_ids.end());

  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

void append_scope(const accounts::Actor& actor, std::string& where, db::Params& params) {
  auto marks = [&](const auto& values) {
    std::vector<std::string> out;
    for (const auto& value : values) {
      out.push_back("?");
      params.add(value);
    }
    return fmt::format("({})", fmt::join(out, ", "));
  };
  if (actor.role == accounts::Role::partner) {
    if (actor.countries.empty()) {
      where += " AND 1=0";
      return;
    }
    std::string place = marks(actor.countries);
    std::string quota = marks(actor.countries);
    where += fmt::format(
        " AND (a.country_code IN {} OR NOT EXISTS (SELECT 1 FROM action_quotas q WHERE q.action_id = a.id) OR "
        "EXISTS (SELECT 1 FROM action_quotas q WHERE q.action_id = a.id AND q.country_code IN {}))",
        place, quota);
  } else if (actor.role == accounts::Role::host) {
    if (actor.organisations.empty()) {
      where += " AND 1=0";
      return;
    }
    where += " AND a.host_organisation_id IN " + marks(actor.organisations);
  }
}

}  // namespace

std::string search_key_of(const Action& a) {
  return text::search_key(fmt::format("{} {} {} {}", a.title_fr.value_or(""), a.title_ar.value_or(""),
                                      a.title_en.value_or(""), a.city.value_or("")));
}

std::string sort_name_of(const Action& a) {
  return text::search_key(a.title_fr ? *a.title_fr : a.title_en ? *a.title_en : a.title_ar.value_or(""));
}

constexpr std::int64_t kFewActions = 1000;

Result<Page<Action>> list(db::Connection& connection, const accounts::Actor& actor, const ActionFilter& filter) {
  if (!can(actor, Operation::read)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(order, kit::order_by(kind(), filter.sort));

  // The year's condition comes first, on its own: the page may read it differently from the count
  // (see below). The other conditions follow, their parameters in the same order.
  std::string year = filter.year ? " AND a.start_year = ?" : "";
  std::string where;
  db::Params params;
  if (filter.year) params.add(*filter.year);
  auto equal = [&](const char* column, const auto& value) {
    if (!value) return;
    where += fmt::format(" AND {} = ?", column);
    params.add(*value);
  };
  equal("a.action_type", filter.action_type);
  equal("a.domain", filter.domain);
  equal("a.status", filter.status);
  equal("a.modality", filter.modality);
  equal("a.programme_id", filter.programme_id);
  equal("a.agreement_id", filter.agreement_id);
  equal("a.host_organisation_id", filter.host_organisation_id);
  equal("a.offer_id", filter.offer_id);
  if (filter.country) {
    // The actions of a partner country: held there, or with a quota for it (the quotas of the
    // year only, from their index, when a year is asked: migration 0008).
    where += " AND (a.country_code = ? OR a.id IN (SELECT q.action_id FROM action_quotas q WHERE q.country_code = ?";
    params.add(*filter.country).add(*filter.country);
    if (filter.year) {
      where += " AND q.start_year = ?";
      params.add(*filter.year);
    }
    where += "))";
  }
  if (filter.text) append_text_filter(where, params, "a.search_key", *filter.text);
  append_scope(actor, where, params);

  Page<Action> page;
  page.total = connection.query("SELECT COUNT(*) FROM actions a WHERE 1=1" + year + where, params).front().integer(0);
  if (page.total == 0 || filter.page.offset >= page.total) return page;
  params.add(filter.page.limit).add(filter.page.offset);
  // A country with few actions that year: walking the year's actions in date order would read
  // thousands to find them; reading them from the country's indexes and sorting the few is
  // cheaper (unary + keeps SQLite's planner off the year index; PostgreSQL plans by itself).
  if (filter.country && filter.year && page.total <= kFewActions) year = " AND +a.start_year = ?";
  auto rows = connection.query(
      fmt::format("{} WHERE 1=1{}{} ORDER BY {} LIMIT ? OFFSET ?", kSelectAction, year, where, order), params);
  auto names = reference::names(connection);
  page.items.reserve(rows.rows.size());
  for (const auto& row : rows.rows) {
    page.items.push_back(action_from(row, *names));
    page.items.back().details_included = false;
  }
  std::vector<Action*> pointers;
  for (auto& item : page.items) pointers.push_back(&item);
  load_quotas(connection, pointers, *names);
  return page;
}

Result<Action> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<Action> create(db::Connection& connection, const accounts::Actor& actor, const ActionDraft& draft) {
  if (!can(actor, Operation::create)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(record, apply(connection, Action{}, draft));
  Action created = kit::insert(connection, kind(), actor, record);
  transaction.commit();
  return created;
}

Result<Action> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                      std::int64_t expected_version, const ActionDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  lock(connection, id);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Operation::update, current)) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  TAAWUN_TRY(record, apply(connection, current, draft));
  TAAWUN_TRY(updated, kit::update(connection, kind(), actor, current, record));
  transaction.commit();
  return updated;
}

Result<Action> change_status(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                             std::int64_t expected_version, const std::string& status) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  lock(connection, id);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Operation::change_status, current)) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  auto allowed = next_statuses(current.status);
  if (std::find(allowed.begin(), allowed.end(), status) == allowed.end()) {
    std::vector<std::string> choices(allowed.begin(), allowed.end());
    return Error::validation({{"status",
                               "transition_not_allowed",
                               {{"from", current.status},
                                {"allowed", choices.empty() ? "-" : fmt::format("{}", fmt::join(choices, ", "))}}}});
  }
  Action record = current;
  record.status = status;
  TAAWUN_TRY(updated, kit::update(connection, kind(), actor, current, record, "status"));
  transaction.commit();
  return updated;
}

}  // namespace taawun::actions
