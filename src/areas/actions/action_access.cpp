// Who may see and change actions. Partner focal points see the actions open to their countries
// (a quota for one of them, held in one of them, or no quotas at all: open to every partner);
// host focal points see the actions their institutions host.
#include <algorithm>

#include "areas/actions/action.hpp"

namespace taawun::actions {

using accounts::Role;

namespace {
bool contains(const auto& values, const auto& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool in_scope(const accounts::Actor& actor, const Action& action) {
  switch (actor.role) {
    case Role::partner:
      if (action.quotas.empty() || contains(actor.countries, action.country_code)) return true;
      return std::any_of(action.quotas.begin(), action.quotas.end(),
                         [&](const Quota& quota) { return contains(actor.countries, quota.country); });
    case Role::host:
      return action.host_organisation_id && contains(actor.organisations, *action.host_organisation_id);
    default:
      return true;
  }
}
}  // namespace

bool can(const accounts::Actor& actor, Operation operation) {
  switch (actor.role) {
    case Role::admin:
    case Role::manager:
    case Role::officer:
      return true;
    case Role::finance:
    case Role::partner:
    case Role::host:
    case Role::viewer:
      return operation == Operation::read;
  }
  return false;
}

bool can(const accounts::Actor& actor, Operation operation, const Action& action) {
  return can(actor, operation) && in_scope(actor, action);
}

}  // namespace taawun::actions
