#pragma once
// Reference data: countries (ISO 3166-1 with UN M49 regions and groupings), currencies
// (ISO 4217) and IATI codelists. Loaded from the files under reference/ compiled into the
// binary; read-only for every authenticated user.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/language.hpp"
#include "db/database.hpp"
#include "domain/paging.hpp"

namespace taawun::reference {

struct LoadCounts {
  std::int64_t countries = 0, currencies = 0, codelist_entries = 0, action_types = 0, cooperation_domains = 0;
};
// Inserts or updates every reference row; never deletes (organisations point at countries).
LoadCounts load(db::Connection& connection);

// Names of countries and organisation types, held in memory: every organisation row shows them,
// and two joins per row were a third of a list's database time (bench/README.md). Reference
// data changes only through load(), which every command runs at start-up and which drops this
// copy, so a server always answers with what its database holds.
struct ReferenceNames {
  std::unordered_map<std::string, LocalisedName> countries;           // by ISO alpha-2
  std::unordered_map<std::string, LocalisedName> organisation_types;  // by IATI code
  std::unordered_map<std::string, LocalisedName> action_types, cooperation_domains, sectors;
  std::unordered_map<std::string, std::string> action_type_places;  // morocco | partner_country
  const LocalisedName& country(const std::string& code) const;
  const LocalisedName& organisation_type(const std::string& code) const;
  const LocalisedName& action_type(const std::string& code) const;
  const LocalisedName& cooperation_domain(const std::string& code) const;
  const LocalisedName& sector(const std::string& code) const;
};
std::shared_ptr<const ReferenceNames> names(db::Connection& connection);
bool is_loaded(db::Connection& connection);

struct Country {
  std::string code, alpha3, numeric_code;
  LocalisedName name;
  std::optional<std::string> region_code, subregion_code;
  LocalisedName region, subregion;
  bool ldc = false, lldc = false, sids = false, african_union = false;
};

struct CountryFilter {
  std::optional<std::string> text;
  std::optional<std::string> region, subregion;
  std::optional<bool> ldc, african_union;
  std::string sort = "name";  // name, -name, code, -code, region, -region
  Language language = Language::fr;
  PageRequest page;
};

Result<Page<Country>> list_countries(db::Connection& connection, const CountryFilter& filter);
std::optional<Country> find_country(db::Connection& connection, std::string_view code);

struct Currency {
  std::string code, numeric_code;
  LocalisedName name;
};
struct CurrencyFilter {
  std::optional<std::string> text;
  std::string sort = "code";
  Language language = Language::fr;
  PageRequest page;
};
Result<Page<Currency>> list_currencies(db::Connection& connection, const CurrencyFilter& filter);

struct CodelistSummary {
  std::string name;
  std::int64_t count = 0;
};
std::vector<CodelistSummary> list_codelists(db::Connection& connection);

struct CodelistEntry {
  std::string code;
  std::optional<std::string> category;
  LocalisedName name;  // Arabic falls back to French (IATI has no Arabic names)
  bool withdrawn = false;
};
struct CodelistFilter {
  std::optional<std::string> text;
  std::optional<std::string> category;
  bool include_withdrawn = false;
  PageRequest page;
};
// not_found when the codelist does not exist.
Result<Page<CodelistEntry>> list_codelist(db::Connection& connection, std::string_view codelist,
                                          const CodelistFilter& filter);
std::optional<CodelistEntry> find_code(db::Connection& connection, std::string_view codelist, std::string_view code);

// The agency's action types (the eleven categories of the product brief, in its order).
struct ActionType {
  std::string code;
  LocalisedName name;
  std::string aid_type;  // IATI AidType code
  LocalisedName aid_type_name;
  std::string place;  // morocco | partner_country
};
std::vector<ActionType> list_action_types(db::Connection& connection, const std::optional<std::string>& text);

// Cooperation domains with the DAC purpose codes each covers.
struct CooperationDomain {
  std::string code;
  LocalisedName name;
  std::vector<CodelistEntry> sectors;
};
struct CooperationDomainFilter {
  std::optional<std::string> text;
  std::optional<std::string> sector;  // domains covering this DAC 5-digit code
  std::string sort = "position";      // position | name, a leading minus reverses
  Language language = Language::fr;
};
Result<std::vector<CooperationDomain>> list_cooperation_domains(db::Connection& connection,
                                                                const CooperationDomainFilter& filter);

}  // namespace taawun::reference
