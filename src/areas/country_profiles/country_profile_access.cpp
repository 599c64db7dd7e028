// Who may read a country's whole picture (issue 15, "Access": profiles leak nothing outside a
// partner focal point's scope). Tested in country_profiles_test.cpp and tests/api/access_test.cpp.
#include "areas/country_profiles/country_profile.hpp"
#include "domain/drafts.hpp"

namespace taawun::country_profiles {

using accounts::Role;

bool may_read(const accounts::Actor& actor) {
  // A host institution works on its offers and actions, not on countries' relations with Morocco.
  return actor.role != Role::host;
}

bool may_read(const accounts::Actor& actor, const std::string& country) {
  if (!may_read(actor)) return false;
  if (actor.role == Role::partner) return is_in(actor.countries, country);
  return true;
}

}  // namespace taawun::country_profiles
