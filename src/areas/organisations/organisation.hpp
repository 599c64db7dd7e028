#pragma once
// Organisations: partner ministries and agencies, Moroccan host institutions, donors,
// international and regional organisations.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "core/spreadsheet.hpp"
#include "db/database.hpp"
#include "domain/drafts.hpp"
#include "domain/paging.hpp"

namespace taawun::organisations {

struct Contact {
  std::string name, role, email, phone;
};

struct Organisation {
  std::int64_t id = 0;
  std::string
      kind;  // IATI OrganisationType code, https://iatistandard.org/en/iati-standard/203/codelists/organisationtype/
  std::optional<std::string> name_fr, name_ar, name_en, acronym, country_code, iati_identifier;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> website, address;
  std::vector<Contact> contacts;
  bool contacts_included = true;  // false on list items, which leave contacts out
  bool archived = false;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Joined for display, in the three languages.
  LocalisedName kind_name, country_name, parent_name;

  LocalisedName name() const { return {name_fr.value_or(""), name_ar.value_or(""), name_en.value_or("")}; }
};

struct OrganisationDraft {
  Field<std::string> kind, name_fr, name_ar, name_en, acronym, country, iati_identifier, website, address;
  Field<std::int64_t> parent_id;
  Field<std::vector<Contact>> contacts;
  // Problems the reader of the request already found (a field of the wrong type or too long,
  // an unknown field): reported with the domain's own, never written.
  std::vector<FieldError> input_problems;
};

inline constexpr std::size_t kMaxNameLength = 200, kMaxAcronymLength = 30, kMaxWebsiteLength = 300,
                             kMaxAddressLength = 500, kMaxContacts = 20;

struct OrganisationFilter {
  std::optional<std::string> text, kind, country;
  std::optional<std::int64_t> parent_id;
  enum class Archived { exclude, only, include } archived = Archived::exclude;
  std::string sort = "name";
  PageRequest page;
};

// --- access: the one place that says who may see and change organisations ---
enum class Action { read, create, update, archive };
bool can(const accounts::Actor& actor, Action action);
bool can(const accounts::Actor& actor, Action action, const Organisation& organisation);
// Contacts are personal data: shown to the roles that work with the organisation.
bool can_see_contacts(const accounts::Actor& actor, const Organisation& organisation);
// The organisations an actor may list: all, or those of some countries, or some ids.
struct Scope {
  bool all = false;
  std::vector<std::string> countries;
  std::vector<std::int64_t> ids;
};
Scope visible_scope(const accounts::Actor& actor);

// --- use cases ---
Result<Page<Organisation>> list(db::Connection& connection, const accounts::Actor& actor,
                                const OrganisationFilter& filter);
// A list as a spreadsheet (contacts left out, as on list items).
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<Organisation>& organisations, Language language);
Result<Organisation> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Organisation> create(db::Connection& connection, const accounts::Actor& actor, const OrganisationDraft& draft);
// expected_version comes from the client's If-Match: a stale one is precondition_failed and changes nothing.
Result<Organisation> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                            std::int64_t expected_version, const OrganisationDraft& draft);
Result<Organisation> set_archived(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                  std::int64_t expected_version, bool archived);

// --- store (SQL ↔ types), used by the use cases and the demo generator ---
std::optional<Organisation> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Organisation& organisation);
std::string contacts_json(const std::vector<Contact>& contacts);
// The derived columns: text search key over names, acronym and identifier, and the sort key.
std::string search_key_of(const Organisation& organisation);
std::string sort_name_of(const Organisation& organisation);

}  // namespace taawun::organisations
