#pragma once
// The audit trail: who changed which record, when, with the values before and after. Written
// in the same transaction as the change it records; read-only through the API.
#include <cstdint>
#include <optional>
#include <string>

#include "areas/accounts/actor.hpp"
#include "core/error.hpp"
#include "core/spreadsheet.hpp"
#include "db/database.hpp"
#include "domain/paging.hpp"

namespace taawun::audit {

struct Entry {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> user_id;
  std::string username;
  std::string action;
  std::string record_kind;
  std::string record_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

struct Filter {
  std::optional<std::string> record_kind;
  std::optional<std::string> record_id;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> action;
  std::optional<std::string> from;  // ISO 8601, inclusive
  std::optional<std::string> to;    // ISO 8601; a bare date includes that whole day
  bool oldest_first = false;        // newest first unless asked (sort=at)
  PageRequest page;
};

void record(db::Connection& connection, const accounts::Actor& actor, std::string_view action,
            std::string_view record_kind, std::string_view record_id, std::optional<std::string> before_json,
            std::optional<std::string> after_json);

// Admins and managers read the trail (it holds before/after values, personal data included).
bool can_read(const accounts::Actor& actor);

Result<Page<Entry>> list(db::Connection& connection, const accounts::Actor& actor, const Filter& filter);
// Entries as a spreadsheet, one row an entry, the snapshots as their JSON text.
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<Entry>& entries);

}  // namespace taawun::audit
