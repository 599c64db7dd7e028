#pragma once
// Internal to the commissions area: the two kinds as the kernel runs them (kit/record_kind.hpp).
#include "areas/commissions/commission.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::commissions {

const kit::Kind<Session>& session_kind();
const kit::Kind<Decision>& decision_kind();
// The counts of decisions (all, done, dropped, overdue) and the agreements reviewed, for the
// sessions of a list page or an export.
void fill_list_parts(db::Connection& connection, std::vector<Session>& sessions);
std::optional<std::int64_t> find_session_by_number(db::Connection& connection, const std::string& country,
                                                   std::int64_t number);

}  // namespace taawun::commissions
