#pragma once
// People: the beneficiaries of training and the experts the agency sends. Names in Latin and
// Arabic script; likely duplicates proposed on creation; merges that keep both histories and
// can be undone.
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

namespace taawun::people {

struct MergedRecord {
  std::int64_t id = 0;
  std::optional<std::string> latin_name, arabic_name;
  std::string merged_at, merged_by;
};

struct Person {
  std::int64_t id = 0;
  std::optional<std::string> latin_name, arabic_name, sex, birth_date, nationality;
  std::optional<std::int64_t> employer_organisation_id;
  std::optional<std::string> position;
  std::string category = "other";
  bool expert = false;
  std::optional<std::string> email, phone, passport_number, passport_expiry;
  std::optional<std::int64_t> merged_into_id;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Joined for display.
  LocalisedName nationality_name, employer_name;
  std::vector<MergedRecord> merged_records;  // detail only: the records merged into this one
  // Who the person is linked to, for scoped roles (detail only): the countries that nominated
  // them and the institutions hosting actions they were nominated to.
  std::vector<std::string> nominating_countries;
  std::vector<std::int64_t> host_organisations;

  std::string display_name() const { return latin_name ? *latin_name : arabic_name.value_or(""); }
};

struct PersonDraft {
  Field<std::string> latin_name, arabic_name, sex, birth_date, nationality, position, category, email, phone,
      passport_number, passport_expiry;
  Field<std::int64_t> employer_organisation_id;
  Field<bool> expert;
  std::vector<FieldError> input_problems;
};

inline constexpr std::size_t kMaxNameLength = 200, kMaxPositionLength = 200, kMaxPassportLength = 30;
inline constexpr std::string_view kCategories[] = {"manager", "researcher", "technician", "student", "other"};

struct PersonFilter {
  std::optional<std::string> text;  // fuzzy, either script
  std::optional<std::string> nationality, category, sex;
  std::optional<std::int64_t> employer_organisation_id;
  std::optional<bool> expert;
  std::string sort = "name";
  PageRequest page;
};

// A record that may be the same person, with why.
struct Candidate {
  Person person;
  double score = 0;
  double name_score = 0;
  bool same_birth_date = false, same_nationality = false;
};

// --- access: the one place that says who may see and change people ---
enum class Operation { read, create, update, merge };
bool can(const accounts::Actor& actor, Operation operation);
bool can(const accounts::Actor& actor, Operation operation, const Person& person);
// Passport data: for the roles that handle logistics (visas, tickets) and partners of the
// person's nationality (not of the countries that nominated them).
bool can_see_passport(const accounts::Actor& actor, const Person& person);
// Kind-level: whether the actor sees some people's passports (the permission registry; a
// creation form shows the passport fields from it).
bool can_see_passports(const accounts::Actor& actor);
// Whether the actor sees the passport of anyone: what the audit trail, which shows every
// person's snapshots, asks before showing the fields of kPassportFields.
bool can_see_every_passport(const accounts::Actor& actor);
inline constexpr std::string_view kPassportFields[] = {"passport_number", "passport_expiry"};

// --- use cases ---
Result<Page<Person>> list(db::Connection& connection, const accounts::Actor& actor, const PersonFilter& filter);
// A list as a spreadsheet (the nomination template's person columns first); passport data only
// where the actor may see it.
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<Person>& people, const accounts::Actor& actor, Language language);
Result<Person> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
struct Created {
  Person person;
  std::vector<Candidate> duplicates;  // likely duplicates already in the registry, best first
};
Result<Created> create(db::Connection& connection, const accounts::Actor& actor, const PersonDraft& draft);
Result<Person> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                      std::int64_t expected_version, const PersonDraft& draft);
// Records that may be the same person as the one described (exclude_id: the person itself),
// best first, at most ten. `best_only` (bulk import): only the best candidate, and a likely
// match born the same day ends the search at once.
enum class DuplicateCheck { all, best_only };
Result<std::vector<Candidate>> duplicates(db::Connection& connection, const accounts::Actor& actor,
                                          const Person& described, std::optional<std::int64_t> exclude_id,
                                          DuplicateCheck check = DuplicateCheck::all);
// Merges `duplicate_id` into `survivor_id`: the duplicate stays, hidden from lists, with its own
// nominations; the survivor's history shows both. survivor_version is the survivor's If-Match.
// duplicate_version is the version of the duplicate the user compared (412 duplicate_changed).
Result<Person> merge(db::Connection& connection, const accounts::Actor& actor, std::int64_t survivor_id,
                     std::int64_t survivor_version, std::int64_t duplicate_id, std::int64_t duplicate_version);
// Undoes the merge of `merged_id` (its own If-Match): it is a record of its own again.
Result<Person> unmerge(db::Connection& connection, const accounts::Actor& actor, std::int64_t merged_id,
                       std::int64_t expected_version);

// A new person's record from a draft, checked (every problem at once) but not written.
Result<Person> prepare(db::Connection& connection, const accounts::Actor& actor, const PersonDraft& draft);
// Writes a prepared person with their name index inside the caller's transaction, with the audit
// entry (`word`: "create", or "import" for the bulk import); answers the person as stored.
Person insert(db::Connection& connection, const accounts::Actor& actor, const Person& record, std::string_view word);

// --- store ---
// The derived columns: text search key and sort key (also used by the demo generator).
std::string search_key_of(const Person& record);
std::string sort_name_of(const Person& record);
std::optional<Person> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Person& person);
// The person and the records merged into them: their history is one.
std::vector<std::int64_t> history_ids(db::Connection& connection, std::int64_t id);
// The people of `ids` in batches of a few hundred per query, in the order of `ids` (those not
// found left out). Their nominations are not read: what depends on the person alone
// (can_see_passport) may be asked of them, not the scope.
std::vector<Person> read_people(db::Connection& connection, const std::vector<std::int64_t>& ids);

}  // namespace taawun::people
