#pragma once
// Internal to the nominations area: the shared SELECT and row mapping.
#include "areas/nominations/nomination.hpp"
#include "areas/reference/reference.hpp"

namespace taawun::nominations {

extern const char* const kSelectNomination;  // ends with the FROM clause (n, p, a); callers add WHERE/ORDER
Nomination nomination_from(const db::Row& row, const reference::ReferenceNames& names);

}  // namespace taawun::nominations
