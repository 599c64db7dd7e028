#pragma once
// Cooperation requests: the demand side of the catalogue. A partner country (through its
// embassy, a joint commission, one of its agencies, or directly) asks for training or expertise
// in a domain; the agency studies the request, matches it with offers of the catalogue, and
// serves it with actions — or declines it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "areas/offers/offer.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "core/spreadsheet.hpp"
#include "db/database.hpp"
#include "domain/drafts.hpp"
#include "domain/paging.hpp"

namespace taawun::requests {

inline constexpr std::array<std::string_view, 3> kPriorities = {"high", "medium", "low"};
inline constexpr std::array<std::string_view, 5> kChannels = {"embassy", "joint_commission", "partner_agency", "direct",
                                                              "other"};
inline constexpr std::array<std::string_view, 5> kStatuses = {"received", "under_study", "matched", "served",
                                                              "declined"};
// The life cycle: received → under_study → matched → served, and declined from any state that
// is not final. served and declined are final: nothing follows them.
std::vector<std::string_view> next_statuses(std::string_view status);

struct MatchedOffer {
  std::int64_t offer_id = 0;
  LocalisedName title;
  std::int64_t host_organisation_id = 0;
  LocalisedName host_name;
  bool active = true;
  std::string matched_at;
};

// An action that serves the request (table action_requests, filled by the actions area).
struct ServingAction {
  std::int64_t action_id = 0;
  LocalisedName title;
};

struct CooperationRequest {
  std::int64_t id = 0;
  std::string country_code;
  std::optional<std::int64_t> requesting_organisation_id;
  std::string domain;
  std::optional<std::string> action_type;
  std::string title;
  std::optional<std::string> description;
  std::optional<std::int64_t> people_count;
  std::optional<std::string> period_start, period_end;
  std::string priority = "medium", channel, status = "received", received_on;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Joined for display, in the three languages.
  LocalisedName country_name, requesting_organisation_name, domain_name, action_type_name;
  // The detail carries the description and the links; list items leave them out.
  bool detail_included = true;
  std::vector<MatchedOffer> matched_offers;
  std::vector<ServingAction> served_by_actions;
};

struct RequestDraft {
  Field<std::string> country, domain, action_type, title, description, period_start, period_end, priority, channel,
      status, received_on;
  Field<std::int64_t> requesting_organisation_id, people_count;
  std::vector<FieldError> input_problems;  // from the request reader, reported with the domain's
};

inline constexpr std::size_t kMaxTitleLength = 300, kMaxDescriptionLength = 5000;
inline constexpr std::int64_t kMaxPeopleCount = 10'000;

struct RequestFilter {
  std::optional<std::string> text, country, status, domain, action_type, priority, channel;
  std::optional<std::int64_t> requesting_organisation_id;
  std::string sort = "-received_on";  // received_on | priority | created_at, a leading minus reverses
  PageRequest page;
};

// An active offer proposed for a request, and why it ranks where it does.
struct SuggestedOffer {
  offers::Offer offer;
  bool same_domain = false, same_action_type = false;
  bool linked = false;  // already matched with the request
};

// --- access: the one place that says who may see and change requests ---
enum class Action { read, create, update, match };
bool can(const accounts::Actor& actor, Action action);
// For a request of (or, on creation, for) this country.
bool can(const accounts::Actor& actor, Action action, const std::string& country_code);
// The requests an actor may list: all, or those of some countries.
struct Scope {
  bool all = false;
  std::vector<std::string> countries;
};
Scope visible_scope(const accounts::Actor& actor);

// --- use cases ---
Result<Page<CooperationRequest>> list(db::Connection& connection, const accounts::Actor& actor,
                                      const RequestFilter& filter);
// A list as a spreadsheet, one row a request.
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<CooperationRequest>& requests, Language language);
Result<CooperationRequest> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<CooperationRequest> create(db::Connection& connection, const accounts::Actor& actor, const RequestDraft& draft);
// Changes fields and moves the status (only along next_statuses).
Result<CooperationRequest> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                  std::int64_t expected_version, const RequestDraft& draft);
Result<Page<SuggestedOffer>> suggested_offers(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                              const PageRequest& page);
// Idempotent: linking a linked offer changes nothing. Moves a received or under_study request to matched.
// Links and unlinks change a set (linking twice is linking once) and move the status only
// forward, so two officers cannot undo each other's work without If-Match; when the client
// sends the version it read (expected_version), a request changed since is a 412.
Result<CooperationRequest> link_offer(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                      std::int64_t offer_id,
                                      std::optional<std::int64_t> expected_version = std::nullopt);
Result<CooperationRequest> unlink_offer(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                        std::int64_t offer_id,
                                        std::optional<std::int64_t> expected_version = std::nullopt);

// --- store ---
std::optional<CooperationRequest> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const CooperationRequest& request);
std::string search_key_of(const CooperationRequest& request);

}  // namespace taawun::requests
