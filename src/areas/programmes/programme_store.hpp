#pragma once
// Internal to the programmes area: the shared SELECT and row mapping.
#include "areas/programmes/programme.hpp"
#include "areas/reference/reference.hpp"

namespace taawun::programmes {

extern const char* const kSelectProgramme;  // ends with the FROM clause; callers add WHERE/ORDER
Programme programme_from(const db::Row& row, const reference::ReferenceNames& names);

}  // namespace taawun::programmes
