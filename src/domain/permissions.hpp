#pragma once
// The permission registry: every record kind, the verbs it has, and whether an actor holds each
// verb at the kind level ("may this role ever create offers?"). Each decision calls the area's
// own access function (<area>_access.cpp stays the one place per kind); this file only names
// them. Record-level rules (scope, a passport by nationality, a nomination's next states) stay
// in the areas and their use cases.
//
// Read by: the route table (a route with a body names its permission and App::admit refuses a
// caller without it before reading a byte), `taawun routes` (who may call each route), and
// GET /api/v1/me (what the web application shows).
#include <string_view>
#include <vector>

#include "areas/accounts/actor.hpp"

namespace taawun::permissions {

struct Permission {
  std::string_view kind;  // "organisations"
  std::string_view verb;  // "create"
  bool named() const { return !kind.empty(); }
  friend bool operator==(const Permission&, const Permission&) = default;
};

struct Kind {
  std::string_view name;
  std::vector<std::string_view> verbs;
};

// Every kind with its verbs, in a stable order (the order /me and `taawun routes` show).
const std::vector<Kind>& kinds();
bool exists(Permission permission);
// The kind-level decision; false for a permission the registry does not hold.
bool allows(const accounts::Actor& actor, Permission permission);
// The verbs of `kind` the actor holds, in the registry's order.
std::vector<std::string_view> granted(const accounts::Actor& actor, std::string_view kind);
// The roles holding a permission (asked of each role with an empty scope: kind-level rules do
// not depend on it).
std::vector<accounts::Role> roles_holding(Permission permission);

}  // namespace taawun::permissions
