// Who may see and change offers. Tested as a matrix of roles × actions in src/areas/offers/offers_test.cpp.
#include "areas/offers/offer.hpp"
#include "domain/drafts.hpp"

namespace taawun::offers {

using accounts::Role;

bool can(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
    case Role::host:  // host focal points publish their institutions' offers (checked per offer)
      return true;
    case Role::finance:
    case Role::partner:
    case Role::viewer:
      // The catalogue is what partners choose from: every signed-in user reads all of it.
      return action == Action::read;
  }
  return false;
}

bool can(const accounts::Actor& actor, Action action, std::int64_t host_organisation_id) {
  if (!can(actor, action)) return false;
  if (actor.role == Role::host && action != Action::read) return is_in(actor.organisations, host_organisation_id);
  return true;
}

}  // namespace taawun::offers
