#pragma once
// Agreements: the cooperation agreements the agency works under — framework and sectoral
// agreements, memoranda of understanding, executive programmes, triangular and funding
// agreements, and the protocols that amend them — with their parties and what each contributes.
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
#include "domain/imports.hpp"
#include "domain/paging.hpp"

namespace taawun::agreements {

inline constexpr std::array<std::string_view, 7> kKinds = {
    "framework", "sectoral", "memorandum", "executive_programme", "triangular", "protocol", "funding"};
inline constexpr std::array<std::string_view, 3> kModalities = {"bilateral", "triangular", "multilateral"};
inline constexpr std::array<std::string_view, 7> kStatuses = {"draft",     "negotiated", "signed",    "in_force",
                                                              "suspended", "expired",    "terminated"};
// The life cycle: draft → negotiated → signed → in_force → expired | terminated, and
// suspended ↔ in_force; a suspended agreement may also be terminated. expired and terminated
// are final.
std::vector<std::string_view> next_statuses(std::string_view status);
inline constexpr std::array<std::string_view, 2> kRenewals = {"none", "tacit"};
inline constexpr std::array<std::string_view, 2> kRelations = {"amends", "replaces"};
inline constexpr std::array<std::string_view, 4> kRoles = {"signatory", "funder", "beneficiary", "implementer"};
// Morocco, a party of every triangular agreement the agency runs.
inline constexpr std::string_view kMorocco = "MA";

// A party: a country or an organisation, its roles, and what it brings — money, in kind, or both,
// in one currency (amounts in its ISO 4217 minor unit, core/money.hpp).
struct Party {
  std::optional<std::string> country_code;
  std::optional<std::int64_t> organisation_id;
  std::vector<std::string> roles;
  std::optional<std::int64_t> amount_minor, in_kind_value_minor;
  std::optional<std::string> currency, in_kind;
  // Shown, not stored.
  LocalisedName name;
  std::optional<double> funding_share;  // percent of the funders' money, when they give one currency
  bool has_role(std::string_view role) const;
};

// An agreement linked to this one: the one it amends or replaces, or one that amends or replaces it.
struct LinkedAgreement {
  std::int64_t id = 0;
  std::string relation;  // amends | replaces
  std::optional<std::string> reference;
  LocalisedName title;
  std::string status;
};

struct Agreement {
  std::int64_t id = 0;
  std::string kind, modality, status = "draft", renewal = "none";
  std::optional<std::string> title_fr, title_ar, title_en, summary_fr, summary_ar, summary_en;
  std::optional<std::string> reference, signature_place, signed_on, in_force_on, expires_on, notice_on;
  std::optional<std::int64_t> renewal_months, notice_days, parent_agreement_id;
  std::optional<std::string> parent_relation;
  std::vector<std::string> domains, sectors;
  std::vector<Party> parties;  // read on the detail only (lists carry party_countries)
  std::vector<std::string> party_countries;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // On the detail: the chain both ways.
  std::optional<LinkedAgreement> parent;
  std::vector<LinkedAgreement> children;

  LocalisedName title() const { return {title_fr.value_or(""), title_ar.value_or(""), title_en.value_or("")}; }
};

struct PartyDraft {
  std::optional<std::string> country;
  std::optional<std::int64_t> organisation_id;
  std::vector<std::string> roles;
  std::optional<std::string> amount, currency, in_kind, in_kind_value;
};

struct AgreementDraft {
  Field<std::string> kind, modality, status, title_fr, title_ar, title_en, summary_fr, summary_ar, summary_en,
      reference, signature_place, signed_on, in_force_on, expires_on, renewal, parent_relation;
  Field<std::int64_t> renewal_months, notice_days, parent_agreement_id;
  Field<std::vector<std::string>> domains, sectors;
  Field<std::vector<PartyDraft>> parties;
  std::vector<FieldError> input_problems;  // from the request reader, reported with the domain's
};

inline constexpr std::size_t kMaxTitleLength = 300, kMaxSummaryLength = 5000, kMaxReferenceLength = 100,
                             kMaxPlaceLength = 200, kMaxInKindLength = 500, kMaxParties = 30, kMaxDomains = 20,
                             kMaxSectors = 20;
inline constexpr std::int64_t kMaxRenewalMonths = 120, kMaxNoticeDays = 730;

struct AgreementFilter {
  std::optional<std::string> text, country, kind, modality, status, domain;
  std::optional<std::int64_t> signed_year;
  // In force or suspended, and expiring or reaching the notice date within that many days.
  std::optional<std::int64_t> expiring_within;
  std::string sort = "title";  // title | signed_on | expires_on, a leading minus reverses
  PageRequest page;
};
inline constexpr std::int64_t kMaxExpiringWithin = 3650;

// What an agreement produced: the programmes that carry it out, and by year (of their start) the
// actions that name it or belong to those programmes, with the participants who completed them.
struct LinkedProgramme {
  std::int64_t id = 0;
  LocalisedName title;
  std::optional<std::int64_t> start_year, end_year;
};
struct YearOutcome {
  std::int64_t year = 0, actions = 0, participants_completed = 0;
};
struct Outcomes {
  std::vector<LinkedProgramme> programmes;
  std::vector<YearOutcome> by_year;
  std::int64_t actions = 0, participants_completed = 0;
};

// --- access: the one place that says who may see and change agreements ---
// update_contributions: the money of the parties (amount, currency, valued in kind) and nothing
// else, which finance keeps as well as the officers who write the agreement.
enum class Action { read, create, update, update_contributions };
bool can(const accounts::Actor& actor, Action action);
bool can(const accounts::Actor& actor, Action action, const Agreement& agreement);
// The agreements an actor may list: all, or those with a party of some countries.
struct Scope {
  bool all = false;
  std::vector<std::string> countries;
};
Scope visible_scope(const accounts::Actor& actor);

// --- use cases ---
Result<Page<Agreement>> list(db::Connection& connection, const accounts::Actor& actor, const AgreementFilter& filter);
inline constexpr std::int64_t kMaxExportRows = 100'000;
// The list as a spreadsheet, with each agreement's parties in the import's parties cell
// (agreement_import.cpp): an export imports again (its references are then already taken).
spreadsheet::Table export_table(db::Connection& connection, const std::vector<Agreement>& agreements,
                                Language language);
Result<Agreement> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Agreement> create(db::Connection& connection, const accounts::Actor& actor, const AgreementDraft& draft);
// Read by whoever reads the agreement (counts only: no participant is named).
Result<Outcomes> outcomes(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Agreement> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                         std::int64_t expected_version, const AgreementDraft& draft);
// The parties' money, one entry per party in the agreement's order (the version says which
// parties the caller saw): amount, currency and in_kind_value are taken, every other field of the
// party is kept, and the whole agreement is checked again as by update().
Result<Agreement> update_contributions(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                       std::int64_t expected_version, const std::vector<PartyDraft>& contributions,
                                       std::vector<FieldError> input_problems);
// The register from a spreadsheet: one new agreement a row, each through the form's rules, all or
// nothing unless options.keep_valid_only (kit/record_import.hpp); the parties in one cell
// (agreement_import.cpp). A row's reference already taken is that row's problem.
const std::vector<std::string>& import_template_columns();
Result<imports::ImportReport> import_agreements(db::Connection& connection, const accounts::Actor& actor,
                                                const spreadsheet::Table& table, const imports::ImportOptions& options);

// --- store ---
std::optional<Agreement> find(db::Connection& connection, std::int64_t id);
std::optional<std::int64_t> find_by_reference(db::Connection& connection, const std::string& reference);
std::string snapshot_json(const Agreement& agreement);
std::string search_key_of(const Agreement& agreement);
std::string sort_name_of(const Agreement& agreement);

}  // namespace taawun::agreements
