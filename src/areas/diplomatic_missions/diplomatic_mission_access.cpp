// Who may see and change diplomatic missions (issue 15, "Access"). The directory of embassies and
// consulates is public information: every signed-in role reads all of it; administrators and
// programme officers keep it. Tested as a matrix of roles × actions in tests/api/access_test.cpp.
#include "areas/diplomatic_missions/diplomatic_mission.hpp"

namespace taawun::diplomatic_missions {

using accounts::Role;

bool can(const accounts::Actor& actor, Action action) {
  if (action == Action::read) return true;
  switch (actor.role) {
    case Role::admin:
    case Role::officer:
      return true;
    case Role::manager:
    case Role::finance:
    case Role::partner:
    case Role::host:
    case Role::viewer:
      return false;
  }
  return false;
}

}  // namespace taawun::diplomatic_missions
