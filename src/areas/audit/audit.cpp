#include "areas/audit/audit.hpp"

#include <nlohmann/json.hpp>

#include "areas/people/person.hpp"
#include "core/clock.hpp"

namespace taawun::audit {

namespace {

// The trail keeps whole snapshots, personal data included, but its readers see only what their
// role may see elsewhere: a person's passport is shown to the roles that handle logistics
// (people::can_see_every_passport), "hidden" to the others (managers).
std::optional<std::string> as_seen_by(const accounts::Actor& actor, std::string_view record_kind,
                                      std::optional<std::string> snapshot) {
  if (!snapshot || record_kind != "person" || people::can_see_every_passport(actor)) return snapshot;
  auto json = nlohmann::json::parse(*snapshot, nullptr, false);
  if (!json.is_object()) return snapshot;
  for (auto field : people::kPassportFields)
    if (auto found = json.find(std::string(field)); found != json.end() && !found->is_null()) *found = "hidden";
  return json.dump();
}

}  // namespace

void record(db::Connection& connection, const accounts::Actor& actor, std::string_view action,
            std::string_view record_kind, std::string_view record_id, std::optional<std::string> before_json,
            std::optional<std::string> after_json) {
  connection.query(
      "INSERT INTO audit_entries (at, user_id, username, action, record_kind, record_id, before_json, after_json) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      db::Params(clock::now_iso8601(), actor.user_id, actor.username, action, record_kind, record_id, before_json,
                 after_json));
}

bool can_read(const accounts::Actor& actor) {
  return actor.role == accounts::Role::admin || actor.role == accounts::Role::manager;
}

Result<Page<Entry>> list(db::Connection& connection, const accounts::Actor& actor, const Filter& filter) {
  if (!can_read(actor)) return Error::of(ErrorCode::forbidden);
  std::vector<FieldError> problems;
  std::optional<std::string> from, to;
  if (filter.from) {
    auto parsed = clock::parse_iso8601(*filter.from);
    if (!parsed)
      problems.push_back({"from", "invalid_date"});
    else
      from = clock::iso8601(*parsed);
  }
  if (filter.to) {
    auto parsed = clock::parse_iso8601(*filter.to);
    if (!parsed)
      problems.push_back({"to", "invalid_date"});
    else
      to = clock::iso8601(filter.to->size() == 10 ? *parsed + std::chrono::hours(24) - std::chrono::seconds(1)
                                                  : *parsed);
  }
  if (!problems.empty()) return Error::validation(std::move(problems));

  std::string where = " WHERE 1=1";
  db::Params params;
  if (filter.record_kind) {
    where += " AND record_kind = ?";
    params.add(*filter.record_kind);
  }
  if (filter.record_id) {
    where += " AND record_id = ?";
    params.add(*filter.record_id);
  }
  if (filter.user_id) {
    where += " AND user_id = ?";
    params.add(*filter.user_id);
  }
  if (filter.action) {
    where += " AND action = ?";
    params.add(*filter.action);
  }
  if (from) {
    where += " AND at >= ?";
    params.add(*from);
  }
  if (to) {
    where += " AND at <= ?";
    params.add(*to);
  }

  Page<Entry> page;
  page.total = connection.query("SELECT COUNT(*) FROM audit_entries" + where, params).front().integer(0);
  db::Params paged = params;
  paged.add(filter.page.limit).add(filter.page.offset);
  auto rows = connection.query(
      "SELECT id, at, user_id, username, action, record_kind, record_id, before_json, after_json FROM audit_entries" +
          where + (filter.oldest_first ? " ORDER BY id LIMIT ? OFFSET ?" : " ORDER BY id DESC LIMIT ? OFFSET ?"),
      paged);
  for (const auto& row : rows.rows)
    page.items.push_back(Entry{row.integer(0), row.text(1), row.optional_integer(2), row.text(3), row.text(4),
                               row.text(5), row.text(6), as_seen_by(actor, row.text(5), row.optional_text(7)),
                               as_seen_by(actor, row.text(5), row.optional_text(8))});
  return page;
}

}  // namespace taawun::audit
