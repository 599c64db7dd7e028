#pragma once
// Internal to the requests area: the shared SELECT and row mapping.
#include "areas/reference/reference.hpp"
#include "areas/requests/request.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::requests {

extern const char* const kSelectRequest;         // ends with the FROM clause; callers add WHERE/ORDER
extern const char* const kSelectRequestSummary;  // the same without the description, for lists
CooperationRequest request_from(const db::Row& row, const reference::ReferenceNames& names);
const kit::Kind<CooperationRequest>& kind();

}  // namespace taawun::requests
