#pragma once
// Who is acting: the authenticated user with role and scope. Every access module decides from this.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.hpp"

namespace taawun::accounts {

enum class Role { admin, manager, officer, finance, partner, host, viewer };

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);
inline constexpr Role kAllRoles[] = {Role::admin,   Role::manager, Role::officer, Role::finance,
                                     Role::partner, Role::host,    Role::viewer};

struct Actor {
  std::optional<std::int64_t> user_id;  // empty for the command line (`taawun user add` ...)
  std::string username;
  Role role = Role::viewer;
  std::vector<std::string> countries;       // partner scope: ISO alpha-2 codes
  std::vector<std::int64_t> organisations;  // host scope: organisation ids
  Language language = Language::fr;

  static Actor command_line() { return Actor{std::nullopt, "cli", Role::admin, {}, {}, Language::fr}; }
};

}  // namespace taawun::accounts
