// Who may see and change programmes. Tested as a matrix of roles × actions in
// src/areas/programmes/programmes_test.cpp.
#include "areas/programmes/programme.hpp"
#include "domain/drafts.hpp"

namespace taawun::programmes {

using accounts::Role;

bool can(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    case Role::finance:
    case Role::partner:
    case Role::host:
    case Role::viewer:
      return action == Action::read;
  }
  return false;
}

bool can(const accounts::Actor& actor, Action action, const Programme& programme) {
  if (!can(actor, action)) return false;
  // A partner focal point sees the programmes of its countries; a triangular or joint programme
  // without a country belongs to no partner's scope.
  if (actor.role == Role::partner) return programme.country_code && is_in(actor.countries, *programme.country_code);
  return true;
}

Scope visible_scope(const accounts::Actor& actor) {
  if (actor.role == Role::partner) return Scope{false, actor.countries};
  return Scope{true, {}};
}

}  // namespace taawun::programmes
