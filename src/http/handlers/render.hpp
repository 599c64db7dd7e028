#pragma once
// JSON shapes shared by several handlers.
#include <cstdint>
#include <string>
#include <vector>

#include "areas/accounts/accounts.hpp"
#include "domain/paging.hpp"
#include "http/json_writer.hpp"

namespace taawun::http {

// The envelope of every list: {"items": [...], "total": N}; `write` writes one item.
template <typename Items, typename Write>
std::string list_json(const Items& items, std::int64_t total, Write write) {
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& item : items) write(json, item);
  json.end_array().field("total", total).end_object();
  return json.str();
}

template <typename T, typename Write>
std::string page_json(const Page<T>& page, Write write) {
  return list_json(page.items, page.total, write);
}

// A list the API does not page: every item, and their number as the total.
template <typename T, typename Write>
std::string all_json(const std::vector<T>& items, Write write) {
  return list_json(items, static_cast<std::int64_t>(items.size()), write);
}

inline void write_user(JsonWriter& json, const accounts::User& user) {
  json.begin_object()
      .field("id", user.id)
      .field("username", user.username)
      .field("display_name", user.display_name)
      .field("role", accounts::role_name(user.role))
      .array("countries", user.countries)
      .array("organisations", user.organisations)
      .field("language", language_code(user.language))
      .field("disabled", user.disabled)
      .field("version", user.version)
      .field("created_at", user.created_at)
      .field("last_login_at", user.last_login_at)
      .end_object();
}

}  // namespace taawun::http
