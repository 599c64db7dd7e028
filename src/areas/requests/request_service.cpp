// Cooperation request use cases, each inside one transaction with its audit entry.
#include <fmt/format.h>

#include "areas/audit/audit.hpp"
#include "areas/offers/offer_store.hpp"
#include "areas/organisations/organisation.hpp"
#include "areas/reference/reference.hpp"
#include "areas/requests/request.hpp"
#include "areas/requests/request_store.hpp"
#include "core/clock.hpp"
#include "domain/drafts.hpp"

namespace taawun::requests {
namespace {

bool is_final(std::string_view status) {
  return next_statuses(status).empty();
}

// Applies a draft onto a record (a new one for creation) and checks the result as a whole.
Result<CooperationRequest> apply(db::Connection& connection, const accounts::Actor& actor, CooperationRequest record,
                                 const RequestDraft& draft, bool creating) {
  std::vector<FieldError> problems;
  if (draft.country.present) record.country_code = upper_cased(cleaned(draft.country.value)).value_or("");
  if (draft.domain.present) record.domain = cleaned(draft.domain.value).value_or("");
  if (draft.action_type.present) record.action_type = cleaned(draft.action_type.value);
  if (draft.title.present) record.title = cleaned(draft.title.value).value_or("");
  if (draft.description.present) record.description = cleaned(draft.description.value);
  if (draft.period_start.present) record.period_start = cleaned(draft.period_start.value);
  if (draft.period_end.present) record.period_end = cleaned(draft.period_end.value);
  if (draft.priority.present) record.priority = cleaned(draft.priority.value).value_or("");
  if (draft.channel.present) record.channel = cleaned(draft.channel.value).value_or("");
  if (draft.received_on.present) record.received_on = cleaned(draft.received_on.value).value_or("");
  draft.requesting_organisation_id.apply_to(record.requesting_organisation_id);
  draft.people_count.apply_to(record.people_count);

  if (draft.status.present) {
    std::string wanted = cleaned(draft.status.value).value_or("");
    if (creating)
      problems.push_back({"status", "read_only"});  // every request starts as received
    else if (wanted.empty())
      problems.push_back({"status", "required"});
    else if (!is_one_of(wanted, kStatuses))
      problems.push_back({"status", "invalid_choice", {{"choices", listed(kStatuses)}}});
    else if (wanted != record.status) {
      auto allowed = next_statuses(record.status);
      if (allowed.empty())
        problems.push_back({"status", "status_final", {{"status", record.status}}});
      else if (!is_one_of(wanted, allowed))
        problems.push_back(
            {"status", "transition_not_allowed", {{"from", record.status}, {"allowed", listed(allowed)}}});
      else
        record.status = wanted;
    }
  }

  if (record.country_code.empty())
    problems.push_back({"country", "required"});
  else if (!reference::find_country(connection, record.country_code))
    problems.push_back({"country", "unknown_country"});
  if (record.requesting_organisation_id) {
    // A partner names only organisations it may see: the others read as unknown, as they do
    // everywhere else for it.
    auto organisation = organisations::find(connection, *record.requesting_organisation_id);
    if (!organisation || !organisations::can(actor, organisations::Action::read, *organisation))
      problems.push_back({"requesting_organisation_id", "unknown_organisation"});
  }
  if (record.domain.empty())
    problems.push_back({"domain", "required"});
  else if (!reference_code_exists(connection, ReferenceTable::cooperation_domains, record.domain))
    problems.push_back({"domain", "unknown_code", {{"codelist", "cooperation_domains"}}});
  if (record.action_type && !reference_code_exists(connection, ReferenceTable::action_types, *record.action_type))
    problems.push_back({"action_type", "unknown_code", {{"codelist", "action_types"}}});
  if (record.title.empty()) problems.push_back({"title", "required"});
  check_length(problems, "title", record.title, kMaxTitleLength);
  check_length(problems, "description", record.description, kMaxDescriptionLength);
  check_range(problems, "people_count", record.people_count, 1, kMaxPeopleCount);
  bool has_start = check_date(problems, "period_start", record.period_start);
  bool has_end = check_date(problems, "period_end", record.period_end);
  // Dates in YYYY-MM-DD compare as text.
  if (has_start && has_end && *record.period_end < *record.period_start)
    problems.push_back({"period_end", "before_start"});
  if (record.priority.empty())
    problems.push_back({"priority", "required"});
  else
    check_choice(problems, "priority", record.priority, kPriorities);
  if (record.channel.empty())
    problems.push_back({"channel", "required"});
  else
    check_choice(problems, "channel", record.channel, kChannels);
  if (record.received_on.empty())
    problems.push_back({"received_on", "required"});
  else
    check_date(problems, "received_on", record.received_on);
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

CooperationRequest reloaded(db::Connection& connection, std::int64_t id) {
  return *find(connection, id);
}

}  // namespace

Result<Page<CooperationRequest>> list(db::Connection& connection, const accounts::Actor& actor,
                                      const RequestFilter& filter) {
  kit::Where where;
  where.equals("r.country_code", filter.country)
      .equals("r.status", filter.status)
      .equals("r.domain", filter.domain)
      .equals("r.action_type", filter.action_type)
      .equals("r.priority", filter.priority)
      .equals("r.channel", filter.channel)
      .equals("r.requesting_organisation_id", filter.requesting_organisation_id)
      .text("r.search_key", filter.text);
  Scope scope = visible_scope(actor);
  if (!scope.all) where.in_scope("r.country_code", scope.countries);
  TAAWUN_TRY(page, kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page));
  for (auto& request : page.items) request.detail_included = false;
  return page;
}

Result<CooperationRequest> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<CooperationRequest> create(db::Connection& connection, const accounts::Actor& actor, const RequestDraft& draft) {
  if (!can(actor, Action::create)) return Error::of(ErrorCode::forbidden);
  // A partner asking for another country is refused as such, before anything is checked: the
  // same answer (403) as a host focal point publishing for another institution.
  if (auto country = upper_cased(cleaned(draft.country.value)); country && !can(actor, Action::create, *country))
    return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  CooperationRequest blank;
  blank.received_on = today_iso_date();
  TAAWUN_TRY(record, apply(connection, actor, blank, draft, true));
  if (!can(actor, Action::create, record.country_code)) return Error::of(ErrorCode::forbidden);
  CooperationRequest created = kit::insert(connection, kind(), actor, record);
  transaction.commit();
  return created;
}

Result<CooperationRequest> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                  std::int64_t expected_version, const RequestDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Action::update, current.country_code)) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  TAAWUN_TRY(record, apply(connection, actor, current, draft, false));
  TAAWUN_TRY(updated, kit::update(connection, kind(), actor, current, record));
  transaction.commit();
  return updated;
}

// The ranking: offers of the request's domain come first, and among them those of the action
// type asked for; then offers of that action type in other domains (a seminar on statistics
// may still serve a request for a seminar on public administration). Ties go by title. Offers
// sharing neither are not suggested. The language of instruction does not rank: a request
// does not say which language its people speak, and guessing it from the country would be
// wrong for many partners (Arabic- or English-speaking people in francophone countries).
Result<Page<SuggestedOffer>> suggested_offers(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                              const PageRequest& page_request) {
  TAAWUN_TRY(request, get(connection, actor, id));
  std::string where = " WHERE o.active = 1";
  db::Params params;
  std::string order;
  db::Params order_params;
  if (request.action_type) {
    where += " AND (o.domain = ? OR o.action_type = ?)";
    params.add(request.domain).add(*request.action_type);
    order = "CASE WHEN o.domain = ? THEN 0 ELSE 1 END, CASE WHEN o.action_type = ? THEN 0 ELSE 1 END, ";
    order_params.add(request.domain).add(*request.action_type);
  } else {
    where += " AND o.domain = ?";
    params.add(request.domain);
  }
  Page<SuggestedOffer> page;
  page.total = connection.query("SELECT COUNT(*) FROM offers o" + where, params).front().integer(0);
  if (page.total == 0 || page_request.offset >= page.total) return page;
  for (const auto& value : order_params.values()) params.add(value);
  params.add(page_request.limit).add(page_request.offset);
  auto rows = connection.query(
      fmt::format("{}{} ORDER BY {}o.sort_name, o.id LIMIT ? OFFSET ?", offers::kSelectOfferSummary, where, order),
      params);
  for (const auto& row : rows.rows) {
    SuggestedOffer suggestion{offers::offer_from(row)};
    suggestion.offer.descriptions_included = false;
    suggestion.same_domain = suggestion.offer.domain == request.domain;
    suggestion.same_action_type = request.action_type && suggestion.offer.action_type == *request.action_type;
    for (const auto& matched : request.matched_offers)
      suggestion.linked = suggestion.linked || matched.offer_id == suggestion.offer.id;
    page.items.push_back(std::move(suggestion));
  }
  return page;
}

Result<CooperationRequest> link_offer(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                      std::int64_t offer_id, std::optional<std::int64_t> expected_version) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Action::match, current.country_code)) return Error::of(ErrorCode::forbidden);
  if (expected_version && *expected_version != current.version) return Error::of(ErrorCode::precondition_failed);
  auto offer = offers::find(connection, offer_id);
  if (!offer) return Error::validation({{"offer_id", "unknown_offer"}});
  for (const auto& matched : current.matched_offers)
    if (matched.offer_id == offer_id) {
      transaction.commit();
      return current;  // linking twice is linking once
    }
  if (is_final(current.status)) return Error::of(ErrorCode::conflict, "request_closed", {{"status", current.status}});
  if (!offer->active) return Error::validation({{"offer_id", "offer_inactive"}});
  connection.query(
      "INSERT INTO request_offers (request_id, offer_id, matched_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      db::Params(id, offer_id, clock::now_iso8601()));
  // Matching is what moves a request on from study; later states stay as they are.
  connection.query(
      "UPDATE cooperation_requests SET status = CASE WHEN status IN ('received', 'under_study') THEN 'matched' "
      "ELSE status END, version = version + 1, updated_at = ? WHERE id = ?",
      db::Params(clock::now_iso8601(), id));
  CooperationRequest updated = reloaded(connection, id);
  audit::record(connection, actor, "link_offer", "request", std::to_string(id), snapshot_json(current),
                snapshot_json(updated));
  transaction.commit();
  return updated;
}

Result<CooperationRequest> unlink_offer(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                        std::int64_t offer_id, std::optional<std::int64_t> expected_version) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Action::match, current.country_code)) return Error::of(ErrorCode::forbidden);
  if (expected_version && *expected_version != current.version) return Error::of(ErrorCode::precondition_failed);
  bool linked = false;
  for (const auto& matched : current.matched_offers) linked = linked || matched.offer_id == offer_id;
  if (!linked) return Error::of(ErrorCode::not_found);
  // A served or declined request keeps the record of what it was matched with.
  if (is_final(current.status)) return Error::of(ErrorCode::conflict, "request_closed", {{"status", current.status}});
  connection.query("DELETE FROM request_offers WHERE request_id = ? AND offer_id = ?", db::Params(id, offer_id));
  // The status stays: whether a matched request without offers goes back to study is the
  // officer's decision, and the life cycle has no way back.
  connection.query("UPDATE cooperation_requests SET version = version + 1, updated_at = ? WHERE id = ?",
                   db::Params(clock::now_iso8601(), id));
  CooperationRequest updated = reloaded(connection, id);
  audit::record(connection, actor, "unlink_offer", "request", std::to_string(id), snapshot_json(current),
                snapshot_json(updated));
  transaction.commit();
  return updated;
}

}  // namespace taawun::requests
