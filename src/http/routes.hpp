#pragma once
// Each area declares its routes beside its handlers (src/areas/<area>/*_handlers.cpp);
// routes.cpp assembles them into the whole table.
#include <vector>

#include "http/app.hpp"
#include "http/handlers/handlers.hpp"

namespace taawun::http {

// The words of a route line, shared by the areas' route lists.
namespace route_words {
inline constexpr auto anyone = Access::anyone;
inline constexpr auto signed_in = Access::signed_in;
inline constexpr auto quick = Work::quick;
inline constexpr auto blocking = Work::blocking;
using verb = bhttp::verb;
namespace h = handlers;
}  // namespace route_words

std::vector<Route> session_routes();          // areas/accounts/session_handlers.cpp
std::vector<Route> reference_routes();        // areas/reference
std::vector<Route> agreement_routes();        // areas/agreements
std::vector<Route> engagement_routes();       // areas/engagements
std::vector<Route> country_profile_routes();  // areas/country_profiles
std::vector<Route> programme_routes();        // areas/programmes
std::vector<Route> offer_routes();            // areas/offers
std::vector<Route> request_routes();          // areas/requests
std::vector<Route> organisation_routes();     // areas/organisations
std::vector<Route> action_routes();           // areas/actions
std::vector<Route> document_routes();         // areas/documents
std::vector<Route> people_routes();           // areas/people
std::vector<Route> nomination_routes();       // areas/nominations
std::vector<Route> certificate_routes();      // areas/certificates
std::vector<Route> evaluation_routes();       // areas/evaluations
std::vector<Route> follow_up_routes();        // areas/alumni
std::vector<Route> user_routes();             // areas/accounts/user_handlers.cpp (users and tokens)
std::vector<Route> audit_routes();            // areas/audit

// areas/commissions (a longer name: apart, so that the list above keeps its alignment)
std::vector<Route> joint_commission_routes();

// areas/diplomatic_missions
std::vector<Route> diplomatic_mission_routes();

}  // namespace taawun::http
