// Who may see and change people. A person's record is personal data: viewers see none; partner
// focal points see their own nationals and the people their countries nominated; host focal
// points the people nominated to actions their institutions host. Passport data is for the
// roles that arrange visas and tickets, and for partners of the person's nationality.
#include <algorithm>

#include "areas/people/person.hpp"

namespace taawun::people {

using accounts::Role;

namespace {
bool contains(const auto& values, const auto& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool partner_scope(const accounts::Actor& actor, const Person& person) {
  if (person.nationality && contains(actor.countries, *person.nationality)) return true;
  return std::any_of(person.nominating_countries.begin(), person.nominating_countries.end(),
                     [&](const std::string& country) { return contains(actor.countries, country); });
}

bool in_scope(const accounts::Actor& actor, const Person& person) {
  switch (actor.role) {
    case Role::partner:
      return partner_scope(actor, person);
    case Role::host:
      return std::any_of(person.host_organisations.begin(), person.host_organisations.end(),
                         [&](std::int64_t id) { return contains(actor.organisations, id); });
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
    case Role::partner:  // focal points register their own nationals to nominate them
      return operation != Operation::merge;
    case Role::finance:
    case Role::host:
      return operation == Operation::read;
    case Role::viewer:
      return false;
  }
  return false;
}

bool can(const accounts::Actor& actor, Operation operation, const Person& person) {
  if (!can(actor, operation)) return false;
  // A partner edits only their own nationals, not another country's people they nominated.
  if (actor.role == Role::partner && operation != Operation::read)
    return person.nationality && contains(actor.countries, *person.nationality);
  return in_scope(actor, person);
}

bool can_see_every_passport(const accounts::Actor& actor) {
  return actor.role == Role::admin || actor.role == Role::officer;
}

// The one rule for every reader of a person (detail, lists, exports, nominations, audit): a
// partner sees the passports of their own nationals only, never those of another country's
// people they nominated — it depends on the person's record alone, so that a reader that loads
// people in batches (without their nominations) answers the same as the detail.
bool can_see_passports(const accounts::Actor& actor) {
  return can_see_every_passport(actor) || actor.role == Role::partner;
}

bool can_see_passport(const accounts::Actor& actor, const Person& person) {
  if (!can_see_passports(actor)) return false;
  if (can_see_every_passport(actor)) return true;
  // Partner focal points: their nationals only.
  return person.nationality && contains(actor.countries, *person.nationality);
}

}  // namespace taawun::people
