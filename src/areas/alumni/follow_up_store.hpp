#pragma once
// Internal to the alumni area: the kind as the kernel runs it (kit/record_kind.hpp).
#include "areas/alumni/follow_up.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::alumni {

const kit::Kind<FollowUp>& kind();
// The follow-ups of these people (a person's history), newest first.
std::vector<FollowUp> of_people(db::Connection& connection, const std::vector<std::int64_t>& person_ids);

}  // namespace taawun::alumni
