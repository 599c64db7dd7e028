// The whole API at a glance, assembled from each area's routes (declared beside its handlers,
// http/routes.hpp) in the order a reader meets them; `taawun routes` prints it with who may call
// each route. The contract (api/openapi.root.yaml and src/areas/*/openapi.yaml) describes the same routes; a test
// checks that the two agree (tests/api/operations_test.cpp).
#include "http/routes.hpp"

#include <fmt/format.h>

namespace taawun::http {

namespace {
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> operation_routes() {
  using namespace route_words;
  return {
      {verb::get, "/healthz", h::healthz, anyone, quick},
      {verb::get, "/readyz", h::readyz, anyone, quick},
      {verb::get, "/metrics", h::metrics, anyone, quick},
      {verb::get, "/api/v1/openapi.json", h::openapi, anyone, quick},
  };
}
// clang-format on
}  // namespace

std::vector<Route> route_table() {
  std::vector<Route> table;
  for (auto part : {operation_routes, session_routes, reference_routes,
                    // agreements
                    agreement_routes,
                    // multilateral engagements
                    engagement_routes,
                    // a country's whole picture
                    country_profile_routes,
                    // joint commissions and their decisions
                    joint_commission_routes,
                    // the diplomatic network
                    diplomatic_mission_routes,
                    // catalogue: programmes, offers, requests
                    programme_routes, offer_routes, request_routes,
                    // organisations, actions and their documents
                    organisation_routes, action_routes, document_routes,
                    // people, nominations and participation
                    people_routes, nomination_routes, certificate_routes, evaluation_routes, follow_up_routes,
                    // accounts, audit trail
                    user_routes, audit_routes}) {
    auto routes = part();
    for (auto& route : routes) table.push_back(std::move(route));
  }
  return table;
}

std::string route_callers(const Route& route) {
  if (route.access == Access::anyone) return "anyone";
  if (!route.permission.named()) return "signed in";
  std::string roles;
  for (auto role : permissions::roles_holding(route.permission))
    roles += (roles.empty() ? "" : ", ") + std::string(accounts::role_name(role));
  return fmt::format("{} ({}.{})", roles.empty() ? "nobody" : roles, route.permission.kind, route.permission.verb);
}

}  // namespace taawun::http
