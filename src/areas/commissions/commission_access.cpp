// Who may see and change joint commission sessions and their decisions. Tested as a matrix of
// roles × actions in src/areas/commissions/commissions_test.cpp and tests/api/access_test.cpp.
#include "areas/commissions/commission.hpp"
#include "domain/drafts.hpp"

namespace taawun::commissions {

using accounts::Role;

bool can_session(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return action != Action::change_status;
    // Finance and viewers read; partner focal points read their countries' sessions.
    case Role::finance:
    case Role::partner:
    case Role::viewer:
      return action == Action::read;
    // A host institution follows the decisions it is responsible for, not the sessions.
    case Role::host:
      return false;
  }
  return false;
}

bool can_session(const accounts::Actor& actor, Action action, const Session& session) {
  if (!can_session(actor, action)) return false;
  if (actor.role == Role::partner) return is_in(actor.countries, session.country_code);
  return true;
}

bool can_decision(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    case Role::finance:
    case Role::partner:
    case Role::viewer:
      return action == Action::read;
    // The responsible institution reports how its decisions progress: their status, nothing else.
    case Role::host:
      return action == Action::read || action == Action::change_status;
  }
  return false;
}

bool can_decision(const accounts::Actor& actor, Action action, const Decision& decision) {
  if (!can_decision(actor, action)) return false;
  if (actor.role == Role::partner) return is_in(actor.countries, decision.country_code);
  if (actor.role == Role::host) return is_in(actor.organisations, decision.responsible_organisation_id);
  return true;
}

Scope visible_scope(const accounts::Actor& actor) {
  if (actor.role == Role::partner) return Scope{false, actor.countries, {}};
  if (actor.role == Role::host) return Scope{false, {}, actor.organisations};
  return Scope{true, {}, {}};
}

}  // namespace taawun::commissions
