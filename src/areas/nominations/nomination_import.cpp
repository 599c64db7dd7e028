// Bulk nomination: a file of people for one action, in the documented template, every row
// checked before anything is written; and the export of nominations in the same columns, so
// that an exported file imports again without loss.
#include <fmt/format.h>

#include <charconv>
#include <map>
#include <set>

#include "areas/actions/action.hpp"
#include "areas/audit/audit.hpp"
#include "areas/nominations/nomination.hpp"
#include "areas/people/person.hpp"
#include "areas/reference/reference.hpp"
#include "core/names.hpp"
#include "core/text.hpp"
#include "domain/drafts.hpp"

namespace taawun::nominations {
namespace {

// The template, in order. person_id nominates someone already registered; the other person
// columns describe a new person (or find them: see the duplicate rule below).
const std::vector<std::string> kTemplate = {"person_id",       "latin_name",  "arabic_name", "sex",
                                            "birth_date",      "nationality", "country",     "category",
                                            "position",        "email",       "phone",       "passport_number",
                                            "passport_expiry", "note",        "new_person"};
// Columns an export adds for reading (the nominations export, and the people export, which can
// be sent back as a nomination file); an import ignores them.
const std::set<std::string> kInformational = {
    "nomination_id", "state",  "action_id",  "action_title", "country_name", "employer_organisation_id",
    "employer",      "expert", "created_at", "updated_at"};
constexpr std::size_t kMaxRows = 20'000;

// A date cell as typed in a spreadsheet (a day number) or as text.
std::string date_cell(std::string value) {
  if (auto date = spreadsheet::date_from_serial(value)) return *date;
  return value;
}

bool yes(std::string_view value) {
  auto key = text::search_key(value);
  return key == "yes" || key == "oui" || key == "1" || key == "true" || key == "نعم";
}

std::optional<std::string> optional_cell(std::string value) {
  if (value.empty()) return std::nullopt;
  return value;
}

using imports::at_row;

struct PlannedRow {
  std::size_t number = 0;
  std::optional<std::int64_t> person_id;  // existing person
  std::optional<people::Person> new_person;
  std::string country;
  std::optional<std::string> note;
  bool matched = false;  // found in the registry by name and birth date
};

// The people already nominated to the action (and those their merged records were merged into).
std::set<std::int64_t> nominated_people(db::Connection& connection, std::int64_t action_id) {
  std::set<std::int64_t> already;
  for (const auto& row :
       connection
           .query("SELECT n.person_id, p.merged_into_id FROM nominations n JOIN people p ON p.id = n.person_id "
                  "WHERE n.action_id = ?",
                  db::Params(action_id))
           .rows) {
    already.insert(row.integer(0));
    if (auto survivor = row.optional_integer(1)) already.insert(*survivor);
  }
  return already;
}

}  // namespace

const std::vector<std::string>& import_template_columns() {
  return kTemplate;
}

Result<ImportReport> import_nominations(db::Connection& connection, const accounts::Actor& actor,
                                        std::int64_t action_id, const spreadsheet::Table& table,
                                        const ImportOptions& options) {
  // Every row is checked outside the write transaction (thousands of rows take seconds, and
  // the database's write lock would keep every other write in the product waiting); the write
  // then takes one short transaction that checks again what could have changed meanwhile.
  TAAWUN_CHECK(may_import(connection, actor, action_id));
  TAAWUN_TRY(action, actions::get(connection, actor, action_id));
  ImportReport report;
  report.rows = table.rows.size();
  std::vector<FieldError> problems;

  // The file as a whole: known columns, a name or an id column, not too many rows.
  imports::ImportColumns index(table, kTemplate, kInformational, problems);
  if (!table.columns.empty() && !index.has("person_id") && !index.has("latin_name") && !index.has("arabic_name"))
    problems.push_back({"file", "missing_name_columns"});
  if (table.rows.size() > kMaxRows) problems.push_back({"file", "too_many_rows", {{"max", std::to_string(kMaxRows)}}});
  if (action.status != "open") problems.push_back({"action_id", "action_not_open", {{"status", action.status}}});
  if (!problems.empty()) return Error::validation(std::move(problems));

  std::set<std::string> quota_countries;
  for (const auto& quota : action.quotas) quota_countries.insert(quota.country);
  std::set<std::int64_t> already = nominated_people(connection, action_id);
  std::map<std::string, std::size_t> seen_in_file;  // person key → first row
  std::vector<PlannedRow> planned;
  std::set<std::size_t> bad_rows;

  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r];
    std::size_t number = r + 2;
    std::vector<FieldError> row_problems;
    auto cell = [&](const std::string& column) { return index.cell(cells, column); };
    PlannedRow plan;
    plan.number = number;
    plan.note = optional_cell(cell("note"));
    if (plan.note && text::code_point_count(*plan.note) > 1000)
      row_problems.push_back(at_row(number, "note", {"", "too_long", {{"max", "1000"}}}));
    std::optional<std::string> nationality;
    std::string person_key;

    if (std::string id_text = cell("person_id"); !id_text.empty()) {
      std::int64_t id = 0;
      auto [end, error] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
      auto person =
          error == std::errc{} && end == id_text.data() + id_text.size() ? people::find(connection, id) : std::nullopt;
      if (!person || !people::can(actor, people::Operation::read, *person)) {
        row_problems.push_back(at_row(number, "person_id", {"", "unknown_person"}));
      } else if (person->merged_into_id) {
        row_problems.push_back(
            at_row(number, "person_id", {"", "merged_person", {{"into", std::to_string(*person->merged_into_id)}}}));
      } else {
        plan.person_id = id;
        nationality = person->nationality;
        person_key = "#" + std::to_string(id);
      }
    } else {
      people::PersonDraft draft;
      auto set = [&](Field<std::string>& field, const std::string& column, bool date = false) {
        std::string value = cell(column);
        if (!value.empty()) field.set(date ? date_cell(value) : value);
      };
      set(draft.latin_name, "latin_name");
      set(draft.arabic_name, "arabic_name");
      set(draft.sex, "sex");
      set(draft.birth_date, "birth_date", true);
      set(draft.nationality, "nationality");
      set(draft.category, "category");
      set(draft.position, "position");
      set(draft.email, "email");
      set(draft.phone, "phone");
      set(draft.passport_number, "passport_number");
      set(draft.passport_expiry, "passport_expiry", true);
      auto prepared = people::prepare(connection, actor, draft);
      if (!prepared) {
        // The country still defaults to the nationality written, so its checks are reported too.
        nationality = upper_cased(cleaned(cell("nationality")));
        for (const auto& problem : prepared.error().field_errors) {
          std::string column = problem.field == "latin_name" && problem.code == "one_person_name_required"
                                   ? "latin_name"
                                   : problem.field;
          row_problems.push_back(at_row(number, column, {"", problem.code, problem.params}));
        }
      } else {
        people::Person person = *prepared;
        nationality = person.nationality;
        person_key = text::search_key(person.display_name()) + "|" + person.birth_date.value_or("");
        // The registry may know this person already: the same names and birth date is them;
        // a likely match without a birth date to confirm it needs the user's word (person_id,
        // or new_person = yes).
        if (!yes(cell("new_person"))) {
          auto candidates =
              people::duplicates(connection, actor, person, std::nullopt, people::DuplicateCheck::best_only);
          if (candidates && !candidates->empty()) {
            const auto& best = candidates->front();
            if (best.same_birth_date && best.score >= names::kLikelyDuplicate) {
              plan.person_id = best.person.id;
              plan.matched = true;
            } else if (best.score >= names::kLikelyDuplicate) {
              row_problems.push_back(
                  at_row(number, person.latin_name ? "latin_name" : "arabic_name",
                         {"",
                          "possible_duplicate",
                          {{"person_id", std::to_string(best.person.id)}, {"name", best.person.display_name()}}}));
            }
          }
        }
        if (!plan.person_id) plan.new_person = std::move(person);
      }
    }

    // The nominating country: the cell, else the person's nationality.
    std::string country = upper_cased(cleaned(cell("country"))).value_or(nationality.value_or(""));
    if (country.empty())
      row_problems.push_back(at_row(number, "country", {"", "required"}));
    else if (!reference::find_country(connection, country))
      row_problems.push_back(at_row(number, "country", {"", "unknown_country"}));
    else if (!can_nominate(actor, country))
      row_problems.push_back(at_row(number, "country", {"", "outside_scope"}));
    else if (!quota_countries.empty() && !quota_countries.contains(country))
      row_problems.push_back(at_row(number, "country", {"", "no_quota_for_country", {{"country", country}}}));
    plan.country = country;

    if (!person_key.empty()) {
      auto [first, inserted] = seen_in_file.emplace(person_key, number);
      if (!inserted)
        row_problems.push_back(
            at_row(number, index.has("person_id") && plan.person_id && !plan.matched ? "person_id" : "latin_name",
                   {"", "duplicate_in_file", {{"first_row", std::to_string(first->second)}}}));
    }
    if (plan.person_id && already.contains(*plan.person_id))
      row_problems.push_back(at_row(number, "person_id", {"", "already_nominated"}));

    if (row_problems.empty()) {
      planned.push_back(std::move(plan));
    } else {
      bad_rows.insert(number);
      for (auto& problem : row_problems) problems.push_back(std::move(problem));
    }
  }

  bool write = !options.dry_run && (problems.empty() || options.keep_valid_only);
  if (!problems.empty() && !options.keep_valid_only && !options.dry_run) return Error::validation(std::move(problems));
  auto count_planned = [&] {
    report.problems = problems;
    report.rejected_rows = bad_rows.size();
    report.created = report.people_created = report.people_matched = 0;
    for (const auto& plan : planned) {
      if (plan.matched) ++report.people_matched;
      if (plan.new_person) ++report.people_created;
      ++report.created;
    }
  };
  count_planned();
  if (!write) return report;

  db::Transaction transaction(connection, db::TransactionKind::write);
  actions::lock(connection, action_id);
  // What may have changed while the rows were checked: the action's status and quotas, the
  // people nominated meanwhile, a registered person merged into another.
  TAAWUN_TRY(current, actions::get(connection, actor, action_id));
  if (current.status != "open")
    return Error::validation({{"action_id", "action_not_open", {{"status", current.status}}}});
  std::set<std::string> current_quotas;
  for (const auto& quota : current.quotas) current_quotas.insert(quota.country);
  already = nominated_people(connection, action_id);
  std::vector<FieldError> changed;
  std::erase_if(planned, [&](const PlannedRow& plan) {
    std::optional<FieldError> problem;
    if (!current_quotas.empty() && !current_quotas.contains(plan.country))
      problem = at_row(plan.number, "country", {"", "no_quota_for_country", {{"country", plan.country}}});
    else if (plan.person_id && already.contains(*plan.person_id))
      problem = at_row(plan.number, "person_id", {"", "already_nominated"});
    else if (plan.person_id) {
      auto rows = connection.query("SELECT merged_into_id FROM people WHERE id = ?", db::Params(*plan.person_id));
      if (rows.empty())
        problem = at_row(plan.number, "person_id", {"", "unknown_person"});
      else if (auto into = rows.front().optional_integer(0))
        problem = at_row(plan.number, "person_id", {"", "merged_person", {{"into", std::to_string(*into)}}});
    }
    if (!problem) return false;
    changed.push_back(std::move(*problem));
    bad_rows.insert(plan.number);
    return true;
  });
  if (!changed.empty()) {
    if (!options.keep_valid_only) return Error::validation(std::move(changed));
    for (auto& problem : changed) problems.push_back(std::move(problem));
    count_planned();
  }

  for (const auto& plan : planned) {
    std::int64_t person_id = 0;
    if (plan.new_person) {
      person_id = people::insert(connection, actor, *plan.new_person, "import").id;
    } else {
      person_id = *plan.person_id;
    }
    auto id = insert(connection, actor, action_id, person_id, plan.country, plan.note);
    audit::record(connection, actor, "import", "nomination", std::to_string(id), std::nullopt,
                  snapshot_json(*find(connection, id)));
  }
  report.written = true;
  transaction.commit();
  return report;
}

spreadsheet::Table export_table(const std::vector<Nomination>& nominations, db::Connection& connection,
                                const accounts::Actor& actor) {
  spreadsheet::Table table;
  table.columns = kTemplate;
  table.columns.insert(table.columns.end(), {"nomination_id", "state", "action_id", "action_title"});
  table.mark_numeric({"person_id", "nomination_id", "action_id"});
  // The person's fields come from their record, passport data only for those who may see it.
  // People are read in batches (read_people), not one query per row.
  std::vector<std::int64_t> ids;
  ids.reserve(nominations.size());
  for (const auto& n : nominations) ids.push_back(n.person_id);
  std::map<std::int64_t, people::Person> by_id;
  for (auto& person : people::read_people(connection, ids)) by_id.emplace(person.id, std::move(person));
  for (const auto& n : nominations) {
    auto found = by_id.find(n.person_id);
    if (found == by_id.end()) continue;
    const people::Person* person = &found->second;
    bool passport = people::can_see_passport(actor, *person);
    table.rows.push_back(
        {std::to_string(person->id), spreadsheet::cell(person->latin_name), spreadsheet::cell(person->arabic_name),
         spreadsheet::cell(person->sex), spreadsheet::cell(person->birth_date), spreadsheet::cell(person->nationality),
         n.country_code, person->category, spreadsheet::cell(person->position), spreadsheet::cell(person->email),
         spreadsheet::cell(person->phone), passport ? spreadsheet::cell(person->passport_number) : "",
         passport ? spreadsheet::cell(person->passport_expiry) : "", spreadsheet::cell(n.note), "",
         std::to_string(n.id), n.state, std::to_string(n.action_id), n.action_title.in(actor.language)});
  }
  return table;
}

}  // namespace taawun::nominations
