// Who may see and change multilateral engagements (issue 15, "Access"). Tested as a matrix of
// roles × actions in src/areas/engagements/engagements_test.cpp and tests/api/access_test.cpp.
#include "areas/engagements/engagement.hpp"

namespace taawun::engagements {

using accounts::Role;

bool can(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    // Officers and managers write engagements (with admins, who may do everything).
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    // Finance and viewers read all; a partner focal point reads the engagements that benefit
    // one of its countries.
    case Role::finance:
    case Role::partner:
    case Role::viewer:
      return action == Action::read;
    // A host institution works on actions, not on Morocco's multilateral diplomacy.
    case Role::host:
      return false;
  }
  return false;
}

bool can(const accounts::Actor& actor, Action action, const Engagement& engagement) {
  if (!can(actor, action)) return false;
  if (actor.role == Role::partner) {
    for (const auto& country : engagement.covered_countries)
      if (is_in(actor.countries, country)) return true;
    return false;
  }
  return true;
}

Scope visible_scope(const accounts::Actor& actor) {
  if (actor.role == Role::partner) return Scope{false, actor.countries};
  return Scope{true, {}};
}

}  // namespace taawun::engagements
