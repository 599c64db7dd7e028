#pragma once
// Internal to the alumni area: rows ↔ FollowUp.
#include "areas/alumni/follow_up.hpp"

namespace taawun::alumni {

std::vector<FollowUp> of_people(db::Connection& connection, const std::vector<std::int64_t>& person_ids);
std::int64_t insert(db::Connection& connection, const FollowUp& follow_up);
std::string snapshot_json(const FollowUp& follow_up);

}  // namespace taawun::alumni
