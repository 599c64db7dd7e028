#pragma once
// Offers: the catalogue of what Moroccan host institutions can offer partner countries — a
// training, an internship, a study visit, experts — in one cooperation domain.
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

namespace taawun::offers {

inline constexpr std::array<std::string_view, 4> kLevels = {"introductory", "intermediate", "advanced", "expert"};
// Languages of instruction: the agency's three, and those of its Spanish- and Portuguese-speaking
// partners in Africa and Latin America.
inline constexpr std::array<std::string_view, 5> kLanguages = {"fr", "ar", "en", "es", "pt"};

struct Offer {
  std::int64_t id = 0;
  std::int64_t host_organisation_id = 0;
  std::string action_type, domain;
  std::optional<std::string> title_fr, title_ar, title_en, description_fr, description_ar, description_en;
  std::optional<std::string> level, language, currency;
  std::optional<std::int64_t> duration_days, seats_per_year, cost_per_participant;
  bool active = true;
  bool descriptions_included = true;  // false on list items, which leave the long descriptions out
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Joined for display, in the three languages.
  LocalisedName host_name, action_type_name, domain_name;

  LocalisedName title() const { return {title_fr.value_or(""), title_ar.value_or(""), title_en.value_or("")}; }
};

struct OfferDraft {
  Field<std::string> action_type, domain, title_fr, title_ar, title_en, description_fr, description_ar, description_en,
      level, language, currency;
  Field<std::int64_t> host_organisation_id, duration_days, seats_per_year, cost_per_participant;
  Field<bool> active;
  std::vector<FieldError> input_problems;  // from the request reader, reported with the domain's
};

inline constexpr std::size_t kMaxTitleLength = 300, kMaxDescriptionLength = 5000;
inline constexpr std::int64_t kMaxDurationDays = 730, kMaxSeatsPerYear = 10'000;
inline constexpr std::int64_t kMaxCost = 1'000'000'000;  // whole units; a typo guard, not a budget rule

struct OfferFilter {
  std::optional<std::string> text, action_type, domain, language;
  std::optional<std::int64_t> host_organisation_id;
  enum class Active { only, inactive, all } active = Active::only;
  std::string sort = "title";  // title | created_at | duration, a leading minus reverses
  PageRequest page;
};

// --- access: the one place that says who may see and change offers ---
enum class Action { read, create, update };
bool can(const accounts::Actor& actor, Action action);
// For create and update, `host_organisation_id` is the host the offer belongs to (before and
// after the change): a host focal point works only on its own institutions' offers.
bool can(const accounts::Actor& actor, Action action, std::int64_t host_organisation_id);

// --- use cases ---
Result<Page<Offer>> list(db::Connection& connection, const accounts::Actor& actor, const OfferFilter& filter);
// A list as a spreadsheet, one row an offer (the long descriptions left out, as on list items).
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<Offer>& offers, Language language);
Result<Offer> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Offer> create(db::Connection& connection, const accounts::Actor& actor, const OfferDraft& draft);
Result<Offer> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                     std::int64_t expected_version, const OfferDraft& draft);

// --- store ---
std::optional<Offer> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Offer& offer);
std::string search_key_of(const Offer& offer);
std::string sort_name_of(const Offer& offer);

}  // namespace taawun::offers
