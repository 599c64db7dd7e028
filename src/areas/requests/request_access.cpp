// Who may see and change cooperation requests. Tested as a matrix of roles × actions in
// src/areas/requests/requests_test.cpp.
#include "areas/requests/request.hpp"
#include "domain/drafts.hpp"

namespace taawun::requests {

using accounts::Role;

bool can(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    case Role::partner:
      // Partner focal points put their countries' requests in and follow them; studying,
      // matching and deciding is the agency's work.
      return action == Action::read || action == Action::create;
    case Role::finance:
    case Role::host:  // host institutions read the demand, to shape their offers
    case Role::viewer:
      return action == Action::read;
  }
  return false;
}

bool can(const accounts::Actor& actor, Action action, const std::string& country_code) {
  if (!can(actor, action)) return false;
  if (actor.role == Role::partner) return is_in(actor.countries, country_code);
  return true;
}

Scope visible_scope(const accounts::Actor& actor) {
  if (actor.role == Role::partner) return Scope{false, actor.countries};
  return Scope{true, {}};
}

}  // namespace taawun::requests
