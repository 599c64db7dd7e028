// Who may issue and read certificates. Issuing is the agency's act: staff only. Reading and
// printing follow the nomination (nominations::can_read): whoever follows the participant may
// hand them their certificate. Verification is public and shows only the name, the action and
// the dates.
#include "areas/certificates/certificate.hpp"

namespace taawun::certificates {

using accounts::Role;

bool can_issue(const accounts::Actor& actor) {
  return actor.role == Role::admin || actor.role == Role::manager || actor.role == Role::officer;
}

}  // namespace taawun::certificates
