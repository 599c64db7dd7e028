#pragma once
// Internal to the actions area: the shared SELECT and row mapping.
#include <vector>

#include "areas/actions/action.hpp"
#include "areas/reference/reference.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::actions {

extern const char* const kSelectAction;  // ends with the FROM clause; callers add WHERE/ORDER
Action action_from(const db::Row& row, const reference::ReferenceNames& names);
// Fills the quotas of the actions, with the seats each country and the action hold.
const kit::Kind<Action>& kind();
void load_quotas(db::Connection& connection, std::vector<Action*> actions, const reference::ReferenceNames& names);

}  // namespace taawun::actions
