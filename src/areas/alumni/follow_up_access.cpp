// Who follows alumni: staff, and the partner focal points of the person's country, who keep in
// touch with their nationals once back home. Hosts, finance and viewers do not.
#include <algorithm>

#include "areas/alumni/follow_up.hpp"

namespace taawun::alumni {

using accounts::Role;

bool can_follow(const accounts::Actor& actor) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
    case Role::partner:
      return true;
    default:
      return false;
  }
}

bool can_follow(const accounts::Actor& actor, const people::Person& person) {
  if (!can_follow(actor)) return false;
  if (actor.role != Role::partner) return true;
  return person.nationality &&
         std::find(actor.countries.begin(), actor.countries.end(), *person.nationality) != actor.countries.end();
}

}  // namespace taawun::alumni
