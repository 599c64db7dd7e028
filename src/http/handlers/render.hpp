#pragma once
// JSON shapes shared by several handlers.
#include "domain/accounts/accounts.hpp"
#include "http/json_writer.hpp"

namespace taawun::http {

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
