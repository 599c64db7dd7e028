#pragma once
// Multilateral engagements (issue 15): what Morocco undertakes in and towards international and
// regional organisations — memberships, presidencies of groups, pledges, trade and debt measures,
// candidatures, conferences hosted, resolutions sponsored — with the themes they serve, the
// countries or groups of countries they benefit, and their notifications to other bodies.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "core/spreadsheet.hpp"
#include "db/database.hpp"
#include "domain/drafts.hpp"
#include "domain/paging.hpp"

namespace taawun::engagements {

inline constexpr std::array<std::string_view, 8> kKinds = {"membership",   "presidency",  "pledge",  "trade_measure",
                                                           "debt_measure", "candidature", "hosting", "resolution"};
// The seed's topics of multilateral cooperation; the Sustainable Development Goals are a list of
// their own (1..17).
inline constexpr std::array<std::string_view, 8> kThemes = {"economic_governance", "environmental_governance",
                                                            "trading_system",      "financing_for_development",
                                                            "climate_change",      "biodiversity",
                                                            "desertification",     "developing_countries_needs"};
// Groups of beneficiary countries, matched through the countries' reference flags when read
// (all LDCs, Africa's LDCs, landlocked developing countries, small island developing states,
// the African Union's members, Africa as UN M49 region 002).
inline constexpr std::array<std::string_view, 6> kGroups = {"ldcs", "african_ldcs",  "lldcs",
                                                            "sids", "african_union", "africa"};
inline constexpr std::int64_t kSdgCount = 17;

// A notification of the engagement to a body: "notified to the WTO", with its date and reference.
struct Notification {
  std::optional<std::int64_t> organisation_id;
  std::optional<std::string> notified_on, reference, note;
  LocalisedName organisation_name;  // shown, not stored
};

struct Engagement {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string kind;
  std::optional<std::string> title_fr, title_ar, title_en, description_fr, description_ar, description_en;
  // ISO 8601 dates, to the day, the month or the year ("2003" for a presidency of that year):
  // history is often known no better.
  std::optional<std::string> starts_on, ends_on, renewed_on;
  std::vector<std::string> themes, beneficiary_groups, beneficiary_countries;
  std::vector<std::int64_t> sdgs;
  std::optional<std::int64_t> amount_minor;
  std::optional<std::string> currency;
  std::vector<Notification> notifications;  // read on the detail only
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Shown, not stored.
  LocalisedName organisation_name;
  std::vector<std::string> covered_countries;  // on the detail: the groups' members and the countries named

  LocalisedName title() const { return {title_fr.value_or(""), title_ar.value_or(""), title_en.value_or("")}; }
};

struct NotificationDraft {
  std::optional<std::int64_t> organisation_id;
  std::optional<std::string> notified_on, reference, note;
};

struct EngagementDraft {
  Field<std::int64_t> organisation_id;
  Field<std::string> kind, title_fr, title_ar, title_en, description_fr, description_ar, description_en, starts_on,
      ends_on, renewed_on, amount, currency;
  Field<std::vector<std::string>> themes, beneficiary_groups, beneficiary_countries;
  Field<std::vector<std::int64_t>> sdgs;
  Field<std::vector<NotificationDraft>> notifications;
  std::vector<FieldError> input_problems;  // from the request reader, reported with the domain's
};

inline constexpr std::size_t kMaxTitleLength = 300, kMaxDescriptionLength = 5000, kMaxReferenceLength = 100,
                             kMaxNoteLength = 500, kMaxCountries = 250, kMaxNotifications = 20;

struct EngagementFilter {
  std::optional<std::string> text, kind, theme, benefits;  // benefits: a country, named or in a group
  std::optional<std::int64_t> organisation_id, sdg;
  std::optional<std::int64_t> year;  // under way at some time of that year
  std::string sort = "-starts_on";   // title | starts_on, a leading minus reverses
  PageRequest page;
};

// --- access: the one place that says who may see and change engagements ---
enum class Action { read, create, update };
bool can(const accounts::Actor& actor, Action action);
bool can(const accounts::Actor& actor, Action action, const Engagement& engagement);
// The engagements an actor may list: all, or those benefiting some countries.
struct Scope {
  bool all = false;
  std::vector<std::string> countries;
};
Scope visible_scope(const accounts::Actor& actor);

// --- use cases ---
Result<Page<Engagement>> list(db::Connection& connection, const accounts::Actor& actor, const EngagementFilter& filter);
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<Engagement>& engagements, Language language);
Result<Engagement> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Engagement> create(db::Connection& connection, const accounts::Actor& actor, const EngagementDraft& draft);
Result<Engagement> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                          std::int64_t expected_version, const EngagementDraft& draft);

// The SQL condition "the engagement whose id is `engagement_id` (an SQL expression) benefits the
// country of the row `c` of countries", named or through one of its groups: for the list's
// filter, the partner scope and a country's page.
std::string benefits_condition(std::string_view engagement_id);

// --- store ---
std::optional<Engagement> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Engagement& engagement);
std::string search_key_of(const Engagement& engagement);
std::string sort_name_of(const Engagement& engagement);

}  // namespace taawun::engagements
