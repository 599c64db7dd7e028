#include "areas/accounts/actor.hpp"

namespace taawun::accounts {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::admin:
      return "admin";
    case Role::manager:
      return "manager";
    case Role::officer:
      return "officer";
    case Role::finance:
      return "finance";
    case Role::partner:
      return "partner";
    case Role::host:
      return "host";
    case Role::viewer:
      return "viewer";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role role : kAllRoles)
    if (role_name(role) == name) return role;
  return std::nullopt;
}

}  // namespace taawun::accounts
