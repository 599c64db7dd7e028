// People use cases, each inside one transaction with its audit entry.
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "areas/audit/audit.hpp"
#include "areas/people/person.hpp"
#include "areas/people/person_store.hpp"
#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "core/names.hpp"

namespace taawun::people {
namespace {

const std::regex kEmail("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
const std::regex kPhone("^[0-9+() .-]{3,40}$");
const std::regex kPassport("^[A-Za-z0-9]{5,30}$");

Result<Person> apply(db::Connection& connection, const accounts::Actor& actor, Person record,
                     const PersonDraft& draft) {
  std::vector<FieldError> problems;
  if (draft.latin_name.present) record.latin_name = cleaned(draft.latin_name.value);
  if (draft.arabic_name.present) record.arabic_name = cleaned(draft.arabic_name.value);
  if (draft.sex.present) record.sex = cleaned(draft.sex.value);
  if (draft.birth_date.present) record.birth_date = cleaned(draft.birth_date.value);
  if (draft.nationality.present) record.nationality = upper_cased(cleaned(draft.nationality.value));
  if (draft.position.present) record.position = cleaned(draft.position.value);
  if (draft.category.present) record.category = cleaned(draft.category.value).value_or("other");
  if (draft.email.present) record.email = cleaned(draft.email.value);
  if (draft.phone.present) record.phone = cleaned(draft.phone.value);
  if (draft.passport_number.present) record.passport_number = upper_cased(cleaned(draft.passport_number.value));
  if (draft.passport_expiry.present) record.passport_expiry = cleaned(draft.passport_expiry.value);
  draft.employer_organisation_id.apply_to(record.employer_organisation_id);
  if (draft.expert.present) record.expert = draft.expert.value.value_or(false);

  if (!record.latin_name && !record.arabic_name) problems.push_back({"latin_name", "one_person_name_required"});
  check_length(problems, "latin_name", record.latin_name, kMaxNameLength);
  check_length(problems, "arabic_name", record.arabic_name, kMaxNameLength);
  check_length(problems, "position", record.position, kMaxPositionLength);
  if (record.sex && *record.sex != "female" && *record.sex != "male")
    problems.push_back({"sex", "invalid_choice", {{"choices", "female, male"}}});
  check_date(problems, "birth_date", record.birth_date);
  if (record.birth_date && is_date(*record.birth_date) &&
      (*record.birth_date < "1920-01-01" || *record.birth_date > today_iso_date()))
    problems.push_back({"birth_date", "implausible_birth_date"});
  if (record.nationality && !reference::find_country(connection, *record.nationality))
    problems.push_back({"nationality", "unknown_country"});
  else if (actor.role == accounts::Role::partner &&
           (!record.nationality ||
            std::find(actor.countries.begin(), actor.countries.end(), *record.nationality) == actor.countries.end()))
    problems.push_back({"nationality", "outside_scope"});
  if (std::find(std::begin(kCategories), std::end(kCategories), record.category) == std::end(kCategories))
    problems.push_back(
        {"category", "invalid_choice", {{"choices", "manager, researcher, technician, student, other"}}});
  if (record.email && (record.email->size() > 254 || !std::regex_match(*record.email, kEmail)))
    problems.push_back({"email", "invalid_email"});
  if (record.phone && !std::regex_match(*record.phone, kPhone)) problems.push_back({"phone", "invalid_phone"});
  if (record.passport_number && !std::regex_match(*record.passport_number, kPassport))
    problems.push_back({"passport_number", "invalid_passport_number"});
  check_date(problems, "passport_expiry", record.passport_expiry);
  if (record.employer_organisation_id &&
      connection.query("SELECT 1 FROM organisations WHERE id = ?", db::Params(*record.employer_organisation_id))
          .empty())
    problems.push_back({"employer_organisation_id", "unknown_organisation"});
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

// The smallest string above every string that starts with `prefix` (skeletons are a-z).
std::string prefix_end(std::string prefix) {
  while (!prefix.empty()) {
    if (static_cast<unsigned char>(prefix.back()) < 0x7f) {
      ++prefix.back();
      return prefix;
    }
    prefix.pop_back();
  }
  return "\x7f";
}

void append_scope(const accounts::Actor& actor, std::string& where, db::Params& params) {
  auto marks = [&](const auto& values) {
    std::vector<std::string> out;
    for (const auto& value : values) {
      out.push_back("?");
      params.add(value);
    }
    return fmt::format("({})", fmt::join(out, ", "));
  };
  if (actor.role == accounts::Role::partner) {
    if (actor.countries.empty()) {
      where += " AND 1=0";
      return;
    }
    std::string nationals = marks(actor.countries);
    where += fmt::format(
        " AND (p.nationality IN {} OR EXISTS (SELECT 1 FROM nominations n WHERE n.person_id = p.id AND "
        "n.country_code IN {}))",
        nationals, marks(actor.countries));
  } else if (actor.role == accounts::Role::host) {
    if (actor.organisations.empty()) {
      where += " AND 1=0";
      return;
    }
    where +=
        " AND EXISTS (SELECT 1 FROM nominations n JOIN actions a ON a.id = n.action_id WHERE n.person_id = p.id AND "
        "a.host_organisation_id IN " +
        marks(actor.organisations) + ")";
  }
}

}  // namespace

Result<Person> prepare(db::Connection& connection, const accounts::Actor& actor, const PersonDraft& draft) {
  return apply(connection, actor, Person{}, draft);
}

// Above this many people for one word, a page is found by walking the registry in name order.
constexpr std::int64_t kManyMatches = 2000;

Result<Page<Person>> list(db::Connection& connection, const accounts::Actor& actor, const PersonFilter& filter) {
  if (!can(actor, Operation::read)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(order, kit::order_by(kind(), filter.sort));
  bool by_name = filter.sort == "name" || filter.sort == "-name";
  std::string_view direction = filter.sort.starts_with('-') ? "DESC" : "ASC";

  // Each word of the query, as a phonetic skeleton, must begin one word of the person's names
  // in either script: "mohammed" and "محمد" both find "Mohamed". Two words or more are first
  // looked up in the pair index (first word whole, last word begun), which also holds the sort
  // name: the count, the order and the page come from the index, and only the page's people are
  // read. A first word still being typed finds nothing there, and the words are then matched
  // one by one against the registry, more slowly.
  // Particles (ould, ben, el…) take part in the pair lookup, where they narrow it ("Zeinab Ben"),
  // not word by word, where "ben" alone would begin too many words.
  std::vector<std::string> words, pair_tokens;
  if (filter.text) {
    words = names::search_tokens(*filter.text);
    pair_tokens = names::search_tokens(*filter.text, true);
  }
  // Conditions on the person's row (filters, scope), written once and appended after those on
  // the words by each way of searching.
  std::string on_person;
  db::Params person_params;
  auto equal = [&](const char* column, const auto& value) {
    if (!value) return;
    on_person += fmt::format(" AND {} = ?", column);
    person_params.add(*value);
  };
  equal("p.nationality", filter.nationality);
  equal("p.category", filter.category);
  equal("p.sex", filter.sex);
  equal("p.employer_organisation_id", filter.employer_organisation_id);
  equal("p.expert", filter.expert);
  append_scope(actor, on_person, person_params);
  auto append_on_person = [&](std::string& where, db::Params& params) {
    where += on_person;
    for (const auto& value : person_params.values()) params.add(value);
  };

  // By pair: the pair index lists only people not merged; their row is read only when a filter,
  // the actor's scope or the order needs it. The few people found are each checked for the
  // other words (their own handful of tokens).
  if (pair_tokens.size() >= 2) {
    db::Params params;
    auto pair = names::search_pair(pair_tokens.front(), pair_tokens.back());
    std::string where = " WHERE k.pair >= ? AND k.pair < ?";
    params.add(pair).add(prefix_end(pair));
    for (std::size_t i = 1; i + 1 < pair_tokens.size(); ++i) {
      where +=
          " AND EXISTS (SELECT 1 FROM person_name_tokens t WHERE t.person_id = k.person_id AND t.token >= ? AND "
          "t.token < ?)";
      params.add(pair_tokens[i]).add(prefix_end(pair_tokens[i]));
    }
    append_on_person(where, params);
    std::string from = on_person.empty() && by_name ? " FROM person_name_pairs k"
                                                    : " FROM person_name_pairs k JOIN people p ON p.id = k.person_id";
    Page<Person> page;
    page.total = connection.query("SELECT COUNT(DISTINCT k.person_id)" + from + where, params).front().integer(0);
    if (page.total > 0) {
      if (filter.page.offset >= page.total) return page;
      params.add(filter.page.limit).add(filter.page.offset);
      std::string page_order = by_name ? fmt::format("MIN(k.sort_name) {0}, k.person_id {0}", direction) : order;
      auto found = connection.query(fmt::format("SELECT k.person_id{}{} GROUP BY {} ORDER BY {} LIMIT ? OFFSET ?", from,
                                                where, by_name ? "k.person_id" : "k.person_id, p.id", page_order),
                                    params);
      std::vector<std::int64_t> ids;
      for (const auto& row : found.rows) ids.push_back(row.integer(0));
      page.items = read_people(connection, ids);
      return page;
    }
  }

  if (words.size() == 1 && on_person.empty() && by_name) {
    // One word, no filter: counted from the token index alone (it holds living records only;
    // a person counts once even with two words that the prefix begins). When many match
    // ("Mohamed": 93,000 in a million), the page walks the registry in name order and stops
    // at the page's end; when few do, they are read from the index and sorted.
    Page<Person> page;
    db::Params range;
    range.add(words.front()).add(prefix_end(words.front()));
    auto bounds = connection.query(
        "SELECT MIN(t.token), MAX(t.token) FROM person_name_tokens t WHERE t.token >= ? AND t.token < ?", range);
    if (bounds.empty() || !bounds.front().optional_text(0)) return page;
    bool one_token = bounds.front().optional_text(0) == bounds.front().optional_text(1);
    page.total = connection
                     .query(fmt::format("SELECT COUNT({}t.person_id) FROM person_name_tokens t WHERE t.token >= ? "
                                        "AND t.token < ?",
                                        one_token ? "" : "DISTINCT "),
                            range)
                     .front()
                     .integer(0);
    if (page.total == 0 || filter.page.offset >= page.total) return page;
    bool many = page.total > kManyMatches;
    range.add(filter.page.limit).add(filter.page.offset);
    auto rows = connection.query(
        fmt::format("{} WHERE {} ORDER BY {} LIMIT ? OFFSET ?", kind().select,
                    many ? "p.merged_into_id IS NULL AND EXISTS (SELECT 1 FROM person_name_tokens t WHERE "
                           "t.person_id = p.id AND t.token >= ? AND t.token < ?)"
                         : "+p.merged_into_id IS NULL AND p.id IN (SELECT t.person_id FROM person_name_tokens t "
                           "WHERE t.token >= ? AND t.token < ?)",
                    order),
        range);
    auto reference_names = reference::names(connection);
    for (const auto& row : rows.rows) page.items.push_back(kind().from_row(row, *reference_names));
    return page;
  }

  // Word by word (each word's people listed from the token index), or no words: the living
  // registry, filtered, counted and paged by the kernel.
  kit::Where where;
  where.add("p.merged_into_id IS NULL");
  if (filter.text && words.empty()) where.add("1=0");
  for (const auto& word : words)
    where.add("p.id IN (SELECT t.person_id FROM person_name_tokens t WHERE t.token >= ? AND t.token < ?)", word,
              prefix_end(word));
  where.append(append_on_person);
  return kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<Person> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<std::vector<Candidate>> duplicates(db::Connection& connection, const accounts::Actor& actor,
                                          const Person& described, std::optional<std::int64_t> exclude_id,
                                          DuplicateCheck check) {
  if (!can(actor, Operation::create)) return Error::of(ErrorCode::forbidden);
  auto name = names::person_name(described.latin_name.value_or(""), described.arabic_name.value_or(""));
  auto keys = names::blocking_keys(name);
  std::vector<Candidate> candidates;
  if (keys.empty()) return candidates;
  std::vector<std::string> marks(keys.size(), "?");
  std::string columns = "SELECT p.id, p.latin_name, p.arabic_name, p.birth_date, p.nationality FROM people p";
  auto score_row = [&](const db::Row& row) {
    auto latin = row.optional_text(1), arabic = row.optional_text(2), birth_date = row.optional_text(3),
         nationality = row.optional_text(4);
    Candidate candidate;
    candidate.person.id = row.integer(0);
    candidate.name_score = names::similarity(name, names::person_name(latin.value_or(""), arabic.value_or("")));
    double score = candidate.name_score;
    // Birth date and nationality confirm or contradict what the names suggest.
    if (described.birth_date && birth_date) {
      candidate.same_birth_date = *described.birth_date == *birth_date;
      if (candidate.same_birth_date)
        score += 0.05;
      else
        score -= described.birth_date->substr(0, 4) == birth_date->substr(0, 4) ? 0.05 : 0.2;
    }
    if (described.nationality && nationality) {
      candidate.same_nationality = *described.nationality == *nationality;
      if (!candidate.same_nationality) score -= 0.1;
    }
    candidate.score = std::clamp(score, 0.0, 1.0);
    if (candidate.score >= names::kPossibleDuplicate) candidates.push_back(std::move(candidate));
  };
  // Those born the same day first, from the birth-date index (a few dozen people a day in a
  // million), whatever the cap below leaves out: they are the likeliest.
  std::set<std::int64_t> seen;
  bool settled = false;
  if (described.birth_date) {
    db::Params params;
    params.add(*described.birth_date).add(exclude_id.value_or(0));
    for (const auto& key : keys) params.add(key);
    std::string where = fmt::format(
        " WHERE p.birth_date = ? AND p.merged_into_id IS NULL AND p.id <> ? AND EXISTS (SELECT 1 FROM "
        "person_blocking_keys k WHERE k.person_id = p.id AND k.block_key IN ({}))",
        fmt::join(marks, ", "));
    append_scope(actor, where, params);  // a scoped role learns only of records it may see
    auto rows = connection.query(columns + where, params);
    for (const auto& row : rows.rows) {
      seen.insert(row.integer(0));
      score_row(row);
    }
    settled = check == DuplicateCheck::best_only &&
              std::any_of(candidates.begin(), candidates.end(),
                          [](const Candidate& c) { return c.same_birth_date && c.score >= names::kLikelyDuplicate; });
  }
  // Blocking: only records sharing a pair of name skeletons are compared; a cap keeps a very
  // common pair ("Mohamed Diallo") from turning one check into a scan. Only what the score needs
  // is read for each; whole records only for the candidates kept.
  if (!settled) {
    db::Params params;
    for (const auto& key : keys) params.add(key);
    params.add(exclude_id.value_or(0));
    std::string where = fmt::format(
        " WHERE p.id IN (SELECT k.person_id FROM person_blocking_keys k WHERE k.block_key IN ({})) AND "
        "p.merged_into_id IS NULL AND p.id <> ?",
        fmt::join(marks, ", "));
    append_scope(actor, where, params);
    auto rows = connection.query(columns + where + " LIMIT 2000", params);
    for (const auto& row : rows.rows)
      if (!seen.contains(row.integer(0))) score_row(row);
  }
  // Best first; of equal scores, the one born the same day (a namesake without a birth date
  // scores as high, but is less likely the same person).
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.same_birth_date != b.same_birth_date) return a.same_birth_date;
    return a.person.id < b.person.id;
  });
  // The best ten (the best one for an import), as whole records read in one query.
  candidates.resize(std::min<std::size_t>(candidates.size(), check == DuplicateCheck::best_only ? 1 : 10));
  std::vector<std::int64_t> ids;
  for (const auto& candidate : candidates) ids.push_back(candidate.person.id);
  auto people = read_people(connection, ids);  // in the candidates' order, a vanished one left out
  std::vector<Candidate> shown;
  auto person = people.begin();
  for (auto& candidate : candidates) {
    if (person == people.end() || person->id != candidate.person.id) continue;
    candidate.person = std::move(*person++);
    shown.push_back(std::move(candidate));
  }
  return shown;
}

Person insert(db::Connection& connection, const accounts::Actor& actor, const Person& record, std::string_view word) {
  Person created = kit::insert(connection, kind(), actor, record, word);
  write_name_index(connection, created.id, record.latin_name, record.arabic_name, sort_name_of(record));
  return created;
}

Result<Created> create(db::Connection& connection, const accounts::Actor& actor, const PersonDraft& draft) {
  if (!can(actor, Operation::create)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(record, apply(connection, actor, Person{}, draft));
  TAAWUN_TRY(candidates, duplicates(connection, actor, record, std::nullopt));
  Person created = insert(connection, actor, record, "create");
  transaction.commit();
  return Created{std::move(created), std::move(candidates)};
}

Result<Person> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                      std::int64_t expected_version, const PersonDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Operation::update, current)) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  TAAWUN_TRY(record, apply(connection, actor, current, draft));
  TAAWUN_TRY(updated, kit::update(connection, kind(), actor, current, record));
  // The name index follows the names; a merged record keeps its blocking keys only.
  if (record.latin_name != current.latin_name || record.arabic_name != current.arabic_name) {
    write_name_index(connection, id, record.latin_name, record.arabic_name, sort_name_of(record));
    if (current.merged_into_id) remove_search_index(connection, id);
  }
  transaction.commit();
  return updated;
}

Result<Person> merge(db::Connection& connection, const accounts::Actor& actor, std::int64_t survivor_id,
                     std::int64_t survivor_version, std::int64_t duplicate_id, std::int64_t duplicate_version) {
  if (!can(actor, Operation::merge)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(survivor, get(connection, actor, survivor_id));
  TAAWUN_CHECK(kit::expect_version(survivor, survivor_version));
  if (survivor.merged_into_id)
    return Error::validation({{"id", "merged_person", {{"into", std::to_string(*survivor.merged_into_id)}}}});
  if (duplicate_id == survivor_id) return Error::validation({{"duplicate_id", "same_person"}});
  auto duplicate = find(connection, duplicate_id);
  if (!duplicate) return Error::validation({{"duplicate_id", "unknown_person"}});
  if (duplicate->merged_into_id)
    return Error::validation(
        {{"duplicate_id", "merged_person", {{"into", std::to_string(*duplicate->merged_into_id)}}}});
  if (!duplicate->merged_records.empty()) return Error::validation({{"duplicate_id", "merge_chain"}});
  // The duplicate is changed too (hidden from lists): merging a record edited since the user
  // compared the two would hide an edit they never saw.
  if (duplicate->version != duplicate_version) return Error::of(ErrorCode::precondition_failed, "duplicate_changed");
  std::string now = clock::now_iso8601();
  connection.query("UPDATE people SET merged_into_id = ?, version = version + 1, updated_at = ? WHERE id = ?",
                   db::Params(survivor_id, now, duplicate_id));
  remove_search_index(connection, duplicate_id);
  connection.query("UPDATE people SET version = version + 1, updated_at = ? WHERE id = ?",
                   db::Params(now, survivor_id));
  connection.query("INSERT INTO person_merges (survivor_id, merged_id, merged_at, merged_by) VALUES (?, ?, ?, ?)",
                   db::Params(survivor_id, duplicate_id, now, actor.username));
  Person merged = *find(connection, duplicate_id);
  Person updated = *find(connection, survivor_id);
  audit::record(connection, actor, "merge", "person", std::to_string(duplicate_id), snapshot_json(*duplicate),
                snapshot_json(merged));
  audit::record(connection, actor, "merge", "person", std::to_string(survivor_id), snapshot_json(survivor),
                snapshot_json(updated));
  transaction.commit();
  return updated;
}

Result<Person> unmerge(db::Connection& connection, const accounts::Actor& actor, std::int64_t merged_id,
                       std::int64_t expected_version) {
  if (!can(actor, Operation::merge)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, merged_id));
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  if (!current.merged_into_id) return Error::validation({{"id", "not_merged"}});
  std::int64_t survivor_id = *current.merged_into_id;
  auto survivor_before = find(connection, survivor_id);
  std::string now = clock::now_iso8601();
  connection.query("UPDATE people SET merged_into_id = NULL, version = version + 1, updated_at = ? WHERE id = ?",
                   db::Params(now, merged_id));
  write_name_index(connection, merged_id, current.latin_name, current.arabic_name, sort_name_of(current));
  connection.query("UPDATE people SET version = version + 1, updated_at = ? WHERE id = ?",
                   db::Params(now, survivor_id));
  connection.query(
      "UPDATE person_merges SET undone_at = ?, undone_by = ? WHERE merged_id = ? AND survivor_id = ? AND undone_at IS "
      "NULL",
      db::Params(now, actor.username, merged_id, survivor_id));
  Person restored = *find(connection, merged_id);
  audit::record(connection, actor, "unmerge", "person", std::to_string(merged_id), snapshot_json(current),
                snapshot_json(restored));
  audit::record(connection, actor, "unmerge", "person", std::to_string(survivor_id), snapshot_json(*survivor_before),
                snapshot_json(*find(connection, survivor_id)));
  transaction.commit();
  return restored;
}

}  // namespace taawun::people
