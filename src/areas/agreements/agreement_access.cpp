// Who may see and change agreements (issue 15, "Access"). Tested as a matrix of roles × actions
// in src/areas/agreements/agreements_test.cpp and tests/api/access_test.cpp.
#include "areas/agreements/agreement.hpp"
#include "domain/drafts.hpp"

namespace taawun::agreements {

using accounts::Role;

bool can(const accounts::Actor& actor, Action action) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    // Finance reads every agreement and keeps the parties' contributions (money it accounts
    // for); partner focal points read their countries' agreements; viewers read.
    case Role::finance:
      return action == Action::read || action == Action::update_contributions;
    case Role::partner:
    case Role::viewer:
      return action == Action::read;
    // A host institution works on actions, not on the agreements behind them.
    case Role::host:
      return false;
  }
  return false;
}

bool can(const accounts::Actor& actor, Action action, const Agreement& agreement) {
  if (!can(actor, action)) return false;
  // A partner focal point sees the agreements one of its countries is a party to.
  if (actor.role == Role::partner) {
    for (const auto& country : agreement.party_countries)
      if (is_in(actor.countries, country)) return true;
    return false;
  }
  return true;
}

Scope visible_scope(const accounts::Actor& actor) {
  if (actor.role == Role::partner) return Scope{false, actor.countries};
  return Scope{true, {}};
}

}  // namespace taawun::agreements
