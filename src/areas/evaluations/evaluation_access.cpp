// Who may see and record evaluations. Staff, and the partner focal points of the nomination's
// country, record and read a participant's evaluation; the host focal points of the action
// and staff read the action's summary, whose comments carry no names.
#include <algorithm>

#include "areas/evaluations/evaluation.hpp"

namespace taawun::evaluations {

using accounts::Role;

namespace {
bool staff(const accounts::Actor& actor) {
  return actor.role == Role::admin || actor.role == Role::manager || actor.role == Role::officer;
}
}  // namespace

bool can_record(const accounts::Actor& actor) {
  return staff(actor) || actor.role == Role::partner;
}

bool can_record(const accounts::Actor& actor, const nominations::Nomination& nomination) {
  if (!can_record(actor)) return false;
  if (staff(actor)) return true;
  // Partner focal points: their countries' participants.
  return std::find(actor.countries.begin(), actor.countries.end(), nomination.country_code) != actor.countries.end();
}

bool can_read_summary(const accounts::Actor& actor) {
  return staff(actor) || actor.role == Role::host;
}

bool can_read_summary(const accounts::Actor& actor, const actions::Action& action) {
  if (!can_read_summary(actor)) return false;
  if (staff(actor)) return true;
  // Host focal points: their institutions' actions.
  return action.host_organisation_id && std::find(actor.organisations.begin(), actor.organisations.end(),
                                                  *action.host_organisation_id) != actor.organisations.end();
}

}  // namespace taawun::evaluations
