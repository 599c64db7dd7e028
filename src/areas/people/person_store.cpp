// The person as a record kind — SQL ↔ Person, what create and update write, the sorts, the audit
// snapshot, the export columns — and the name index (phonetic tokens and blocking keys) kept
// beside each person, which is the area's own.
#include "areas/people/person_store.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "areas/people/person.hpp"
#include "core/names.hpp"
#include "core/text.hpp"

namespace taawun::people {
namespace {

Person person_from(const db::Row& row, const reference::ReferenceNames& names) {
  Person p;
  p.id = row.integer(0);
  p.latin_name = row.optional_text(1);
  p.arabic_name = row.optional_text(2);
  p.sex = row.optional_text(3);
  p.birth_date = row.optional_text(4);
  p.nationality = row.optional_text(5);
  p.employer_organisation_id = row.optional_integer(6);
  p.position = row.optional_text(7);
  p.category = row.text(8);
  p.expert = row.flag(9);
  p.email = row.optional_text(10);
  p.phone = row.optional_text(11);
  p.passport_number = row.optional_text(12);
  p.passport_expiry = row.optional_text(13);
  p.merged_into_id = row.optional_integer(14);
  p.version = row.integer(15);
  p.created_at = row.text(16);
  p.updated_at = row.text(17);
  p.employer_name = {row.text(18), row.text(19), row.text(20)};
  if (p.nationality) p.nationality_name = names.country(*p.nationality);
  return p;
}

// What the detail shows beyond the row: the records merged into the person, and who the person
// is linked to through the nominations of their whole history (for scoped roles' access).
void complete(db::Connection& connection, Person& person) {
  std::int64_t id = person.id;
  for (const auto& row : connection
                             .query("SELECT p.id, p.latin_name, p.arabic_name, m.merged_at, m.merged_by FROM "
                                    "person_merges m JOIN people p ON p.id = m.merged_id WHERE m.survivor_id = ? AND "
                                    "m.undone_at IS NULL AND p.merged_into_id = ? ORDER BY m.id",
                                    db::Params(id, id))
                             .rows)
    person.merged_records.push_back(
        MergedRecord{row.integer(0), row.optional_text(1), row.optional_text(2), row.text(3), row.text(4)});
  auto ids = history_ids(connection, id);
  std::vector<std::string> marks(ids.size(), "?");
  db::Params params;
  for (auto history_id : ids) params.add(history_id);
  std::string in = fmt::format("({})", fmt::join(marks, ", "));
  for (const auto& row :
       connection.query("SELECT DISTINCT country_code FROM nominations WHERE person_id IN " + in, params).rows)
    person.nominating_countries.push_back(row.text(0));
  for (const auto& row :
       connection
           .query("SELECT DISTINCT a.host_organisation_id FROM nominations n JOIN actions a ON a.id = "
                  "n.action_id WHERE a.host_organisation_id IS NOT NULL AND n.person_id IN " +
                      in,
                  params)
           .rows)
    person.host_organisations.push_back(row.integer(0));
}

kit::Kind<Person> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  kit::Kind<Person> k;
  k.name = "person";
  k.table = "people";
  k.alias = "p";
  // Nationality names come from reference::names (in memory); the employer's name from a join.
  k.select =
      "SELECT p.id, p.latin_name, p.arabic_name, p.sex, p.birth_date, p.nationality, p.employer_organisation_id, "
      "p.position, p.category, p.expert, p.email, p.phone, p.passport_number, p.passport_expiry, p.merged_into_id, "
      "p.version, p.created_at, p.updated_at, e.name_fr, e.name_ar, e.name_en "
      "FROM people p LEFT JOIN organisations e ON e.id = p.employer_organisation_id";
  k.from_row = person_from;
  k.complete = complete;
  // merged_into_id is written by merge and unmerge only; the name index by the use cases.
  k.columns = {column("latin_name", &Person::latin_name),
               column("arabic_name", &Person::arabic_name),
               derived<Person>("sort_name", sort_name_of),
               column("sex", &Person::sex),
               column("birth_date", &Person::birth_date),
               column("nationality", &Person::nationality),
               column("employer_organisation_id", &Person::employer_organisation_id),
               column("position", &Person::position),
               column("category", &Person::category),
               column("expert", &Person::expert),
               column("email", &Person::email),
               column("phone", &Person::phone),
               column("passport_number", &Person::passport_number),
               column("passport_expiry", &Person::passport_expiry),
               derived<Person>("search_key", search_key_of)};
  k.sorts = {{"name", "p.sort_name {0}, p.id {0}"},
             {"created_at", "p.created_at {0}, p.id {0}"},
             {"updated_at", "p.updated_at {0}, p.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Operation::read); };
  k.may_read = [](const accounts::Actor& actor, const Person& p) { return can(actor, Operation::read, p); };
  // The nomination template's person columns first (person_id first), so that an exported list
  // of people can be sent back as a nomination file for an action: each row then names the
  // registered person by number. The passport cells depend on who exports as well as on the
  // person (can_see_passport, person_access.cpp): they are left empty for the others.
  auto passport_shown = [](const accounts::Actor& actor, const Person& p) { return can_see_passport(actor, p); };
  k.export_columns = {
      {"person_id", [](const Person& p, Language) { return std::to_string(p.id); }, true},
      {"latin_name", [](const Person& p, Language) { return cell(p.latin_name); }},
      {"arabic_name", [](const Person& p, Language) { return cell(p.arabic_name); }},
      {"sex", [](const Person& p, Language) { return cell(p.sex); }},
      {"birth_date", [](const Person& p, Language) { return cell(p.birth_date); }},
      {"nationality", [](const Person& p, Language) { return cell(p.nationality); }},
      {"category", [](const Person& p, Language) { return p.category; }},
      {"position", [](const Person& p, Language) { return cell(p.position); }},
      {"email", [](const Person& p, Language) { return cell(p.email); }},
      {"phone", [](const Person& p, Language) { return cell(p.phone); }},
      {"passport_number", [](const Person& p, Language) { return cell(p.passport_number); }, false, passport_shown},
      {"passport_expiry", [](const Person& p, Language) { return cell(p.passport_expiry); }, false, passport_shown},
      {"employer_organisation_id", [](const Person& p, Language) { return cell(p.employer_organisation_id); }, true},
      {"employer", [](const Person& p, Language l) { return p.employer_name.in(l); }},
      {"expert", [](const Person& p, Language) { return cell(p.expert); }},
      {"created_at", [](const Person& p, Language) { return p.created_at; }},
      {"updated_at", [](const Person& p, Language) { return p.updated_at; }}};
  return k;
}

}  // namespace

const kit::Kind<Person>& kind() {
  static const kit::Kind<Person> person_kind = make_kind();
  return person_kind;
}

std::optional<Person> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<Person>& listed, const accounts::Actor& actor, Language language) {
  return kit::export_table(kind(), listed, actor, language);
}

std::vector<Person> read_people(db::Connection& connection, const std::vector<std::int64_t>& ids) {
  std::vector<Person> people;
  if (ids.empty()) return people;
  auto names = reference::names(connection);
  std::map<std::int64_t, Person> by_id;
  // A batch at a time: an export may ask for 100,000 people, and PostgreSQL takes at most
  // 65,535 parameters a statement.
  constexpr std::size_t kBatch = 500;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    std::size_t end = std::min(ids.size(), start + kBatch);
    db::Params params;
    for (std::size_t i = start; i < end; ++i) params.add(ids[i]);
    std::vector<std::string> marks(end - start, "?");
    auto rows = connection.query(fmt::format("{} WHERE p.id IN ({})", kind().select, fmt::join(marks, ", ")), params);
    for (const auto& row : rows.rows) {
      Person person = person_from(row, *names);
      by_id.emplace(person.id, std::move(person));
    }
  }
  for (auto id : ids)
    if (auto at = by_id.find(id); at != by_id.end()) people.push_back(std::move(at->second));
  return people;
}

std::vector<std::int64_t> history_ids(db::Connection& connection, std::int64_t id) {
  std::vector<std::int64_t> ids = {id};
  for (const auto& row :
       connection.query("SELECT id FROM people WHERE merged_into_id = ? ORDER BY id", db::Params(id)).rows)
    ids.push_back(row.integer(0));
  return ids;
}

void write_name_index(db::Connection& connection, std::int64_t id, const std::optional<std::string>& latin,
                      const std::optional<std::string>& arabic, const std::string& sort_name) {
  for (const char* table : {"person_name_tokens", "person_name_pairs", "person_blocking_keys"})
    connection.query(fmt::format("DELETE FROM {} WHERE person_id = ?", table), db::Params(id));
  auto name = names::person_name(latin.value_or(""), arabic.value_or(""));
  auto index = names::search_index(name);
  for (const auto& token : index.tokens)
    connection.query("INSERT INTO person_name_tokens (token, person_id) VALUES (?, ?)", db::Params(token, id));
  for (const auto& pair : index.pairs)
    connection.query("INSERT INTO person_name_pairs (pair, sort_name, person_id) VALUES (?, ?, ?)",
                     db::Params(pair, sort_name, id));
  for (const auto& key : names::blocking_keys(name))
    connection.query("INSERT INTO person_blocking_keys (block_key, person_id) VALUES (?, ?)", db::Params(key, id));
}

void remove_search_index(db::Connection& connection, std::int64_t id) {
  connection.query("DELETE FROM person_name_tokens WHERE person_id = ?", db::Params(id));
  connection.query("DELETE FROM person_name_pairs WHERE person_id = ?", db::Params(id));
}

std::string snapshot_json(const Person& p) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json json = {{"latin_name", optional(p.latin_name)},
                         {"arabic_name", optional(p.arabic_name)},
                         {"sex", optional(p.sex)},
                         {"birth_date", optional(p.birth_date)},
                         {"nationality", optional(p.nationality)},
                         {"employer_organisation_id", optional(p.employer_organisation_id)},
                         {"position", optional(p.position)},
                         {"category", p.category},
                         {"expert", p.expert},
                         {"email", optional(p.email)},
                         {"phone", optional(p.phone)},
                         {"passport_number", optional(p.passport_number)},
                         {"passport_expiry", optional(p.passport_expiry)},
                         {"merged_into_id", optional(p.merged_into_id)},
                         {"version", p.version}};
  return json.dump();
}

std::string search_key_of(const Person& p) {
  return text::search_key(fmt::format("{} {} {} {}", p.latin_name.value_or(""), p.arabic_name.value_or(""),
                                      p.email.value_or(""), p.passport_number.value_or("")));
}

std::string sort_name_of(const Person& p) {
  return text::search_key(p.display_name());
}

}  // namespace taawun::people
