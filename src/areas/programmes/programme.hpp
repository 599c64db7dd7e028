#pragma once
// Programmes: named sets of actions. A country programme is the annual cooperation programme
// agreed with one partner country (often by a joint commission); a triangular programme has a
// funder (donor country's agency, international organisation, multilateral fund); a joint
// programme is run with another agency.
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

namespace taawun::programmes {

inline constexpr std::array<std::string_view, 3> kKinds = {"country_programme", "triangular", "joint"};

struct Programme {
  std::int64_t id = 0;
  std::string kind;
  std::optional<std::string> title_fr, title_ar, title_en, country_code;
  std::optional<std::int64_t> funder_organisation_id, start_year, end_year;
  std::optional<std::string> agreement_number, commission_session;
  std::optional<std::int64_t> agreement_id;  // the agreement the programme carries out
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Joined for display, in the three languages.
  LocalisedName country_name, funder_name;
  std::optional<std::string> agreement_reference;

  LocalisedName title() const { return {title_fr.value_or(""), title_ar.value_or(""), title_en.value_or("")}; }
};

struct ProgrammeDraft {
  Field<std::string> kind, title_fr, title_ar, title_en, country, agreement_number, commission_session;
  Field<std::int64_t> funder_organisation_id, start_year, end_year, agreement_id;
  std::vector<FieldError> input_problems;  // from the request reader, reported with the domain's
};

inline constexpr std::size_t kMaxTitleLength = 300, kMaxAgreementNumberLength = 100, kMaxCommissionSessionLength = 200;
// Years a programme may cover: the agency's archives start in the 1990s.
inline constexpr std::int64_t kFirstYear = 1990, kLastYear = 2100;

struct ProgrammeFilter {
  std::optional<std::string> text, kind, country;
  std::optional<std::int64_t> year;  // programmes running that year
  std::optional<std::int64_t> agreement_id;
  std::string sort = "title";  // title | start_year, a leading minus reverses
  PageRequest page;
};

// --- access: the one place that says who may see and change programmes ---
enum class Action { read, create, update };
bool can(const accounts::Actor& actor, Action action);
bool can(const accounts::Actor& actor, Action action, const Programme& programme);
// The programmes an actor may list: all, or those of some countries.
struct Scope {
  bool all = false;
  std::vector<std::string> countries;
};
Scope visible_scope(const accounts::Actor& actor);

// --- use cases ---
Result<Page<Programme>> list(db::Connection& connection, const accounts::Actor& actor, const ProgrammeFilter& filter);
// A list as a spreadsheet, one row a programme.
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<Programme>& programmes, Language language);
Result<Programme> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Programme> create(db::Connection& connection, const accounts::Actor& actor, const ProgrammeDraft& draft);
Result<Programme> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                         std::int64_t expected_version, const ProgrammeDraft& draft);

// --- store ---
std::optional<Programme> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Programme& programme);
std::string search_key_of(const Programme& programme);
std::string sort_name_of(const Programme& programme);

}  // namespace taawun::programmes
