// Who follows alumni: staff, and the partner focal points of the person's country, who keep in
// touch with their nationals once back home. Hosts, finance and viewers do not.
#include <algorithm>

#include "areas/alumni/follow_up.hpp"

namespace taawun::alumni {

using accounts::Role;

bool can_follow(const accounts::Actor& actor, const people::Person& person) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    case Role::partner:
      return person.nationality &&
             std::find(actor.countries.begin(), actor.countries.end(), *person.nationality) != actor.countries.end();
    default:
      return false;
  }
}

}  // namespace taawun::alumni
