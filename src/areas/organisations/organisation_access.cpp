// Who may see and change organisations. Tested as a matrix of roles × actions in
// tests/api/access_test.cpp.
#include <algorithm>

#include "areas/organisations/organisation.hpp"

namespace taawun::organisations {

using accounts::Role;

namespace {
bool in_scope(const accounts::Actor& actor, const Organisation& organisation) {
  switch (actor.role) {
    case Role::partner:
      return organisation.country_code && std::find(actor.countries.begin(), actor.countries.end(),
                                                    *organisation.country_code) != actor.countries.end();
    case Role::host:
      return std::find(actor.organisations.begin(), actor.organisations.end(), organisation.id) !=
             actor.organisations.end();
    default:
      return true;
  }
}
}  // namespace

bool can(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    case Role::host:  // host focal points keep their own institution's record up to date
      return action == Action::read || action == Action::update;
    case Role::finance:
    case Role::partner:
    case Role::viewer:
      return action == Action::read;
  }
  return false;
}

bool can(const accounts::Actor& actor, Action action, const Organisation& organisation) {
  return can(actor, action) && in_scope(actor, organisation);
}

bool can_see_contacts(const accounts::Actor& actor, const Organisation& organisation) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    case Role::partner:
    case Role::host:
      return in_scope(actor, organisation);
    case Role::finance:
    case Role::viewer:
      return false;
  }
  return false;
}

Scope visible_scope(const accounts::Actor& actor) {
  switch (actor.role) {
    case Role::partner:
      return Scope{false, actor.countries, {}};
    case Role::host:
      return Scope{false, {}, actor.organisations};
    default:
      return Scope{true, {}, {}};
  }
}

}  // namespace taawun::organisations
