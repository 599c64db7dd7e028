// The whole API at a glance. api/openapi.yaml describes the same routes; a test checks that
// the two agree (tests/api/operations_test.cpp).
#include "http/app.hpp"
#include "http/handlers/handlers.hpp"

namespace taawun::http {

std::vector<Route> route_table() {
  using bhttp::verb;
  namespace h = handlers;
  constexpr auto anyone = Access::anyone;
  constexpr auto signed_in = Access::signed_in;
  constexpr auto quick = Work::quick;
  constexpr auto blocking = Work::blocking;
  return {
      // operations
      {verb::get, "/healthz", h::healthz, anyone, quick},
      {verb::get, "/readyz", h::readyz, anyone, quick},
      {verb::get, "/metrics", h::metrics, anyone, quick},
      {verb::get, "/api/v1/openapi.json", h::openapi, anyone, quick},
      // session and the signed-in user
      {verb::post, "/api/v1/session", h::log_in, anyone, blocking},
      {verb::delete_, "/api/v1/session", h::log_out, signed_in, quick},
      {verb::get, "/api/v1/me", h::me, signed_in, quick},
      {verb::patch, "/api/v1/me", h::update_me, signed_in, quick},
      {verb::post, "/api/v1/me/password", h::change_my_password, signed_in, blocking},
      {verb::post, "/api/v1/me/totp", h::start_totp, signed_in, quick},
      {verb::post, "/api/v1/me/totp/confirm", h::confirm_totp, signed_in, quick},
      {verb::delete_, "/api/v1/me/totp", h::turn_off_totp, signed_in, blocking},
      {verb::get, "/api/v1/me/sessions", h::list_my_sessions, signed_in, quick},
      {verb::delete_, "/api/v1/me/sessions/{id}", h::end_my_session, signed_in, quick},
      // reference data
      {verb::get, "/api/v1/countries", h::list_countries, signed_in, quick},
      {verb::get, "/api/v1/countries/{code}", h::get_country, signed_in, quick},
      {verb::get, "/api/v1/currencies", h::list_currencies, signed_in, quick},
      {verb::get, "/api/v1/codelists", h::list_codelists, signed_in, quick},
      {verb::get, "/api/v1/codelists/{name}", h::list_codelist, signed_in, quick},
      {verb::get, "/api/v1/action-types", h::list_action_types, signed_in, quick},
      {verb::get, "/api/v1/cooperation-domains", h::list_cooperation_domains, signed_in, quick},
      // catalogue: programmes, offers, requests
      {verb::get, "/api/v1/programmes", h::list_programmes, signed_in, quick},
      {verb::post, "/api/v1/programmes", h::create_programme, signed_in, quick},
      {verb::get, "/api/v1/programmes/export", h::export_programmes, signed_in, blocking},
      {verb::get, "/api/v1/programmes/{id}", h::get_programme, signed_in, quick},
      {verb::patch, "/api/v1/programmes/{id}", h::update_programme, signed_in, quick},
      {verb::get, "/api/v1/offers", h::list_offers, signed_in, quick},
      {verb::post, "/api/v1/offers", h::create_offer, signed_in, quick},
      {verb::get, "/api/v1/offers/export", h::export_offers, signed_in, blocking},
      {verb::get, "/api/v1/offers/{id}", h::get_offer, signed_in, quick},
      {verb::patch, "/api/v1/offers/{id}", h::update_offer, signed_in, quick},
      {verb::get, "/api/v1/requests", h::list_requests, signed_in, quick},
      {verb::post, "/api/v1/requests", h::create_request, signed_in, quick},
      {verb::get, "/api/v1/requests/export", h::export_requests, signed_in, blocking},
      {verb::get, "/api/v1/requests/{id}", h::get_request, signed_in, quick},
      {verb::patch, "/api/v1/requests/{id}", h::update_request, signed_in, quick},
      {verb::get, "/api/v1/requests/{id}/suggested-offers", h::list_suggested_offers, signed_in, quick},
      {verb::post, "/api/v1/requests/{id}/offers", h::link_request_offer, signed_in, quick},
      {verb::delete_, "/api/v1/requests/{id}/offers/{offer_id}", h::unlink_request_offer, signed_in, quick},
      // organisations
      {verb::get, "/api/v1/organisations", h::list_organisations, signed_in, quick},
      {verb::post, "/api/v1/organisations", h::create_organisation, signed_in, quick},
      {verb::get, "/api/v1/organisations/export", h::export_organisations, signed_in, blocking},
      {verb::get, "/api/v1/organisations/{id}", h::get_organisation, signed_in, quick},
      {verb::patch, "/api/v1/organisations/{id}", h::update_organisation, signed_in, quick},
      {verb::post, "/api/v1/organisations/{id}/archive", h::archive_organisation, signed_in, quick},
      {verb::post, "/api/v1/organisations/{id}/restore", h::restore_organisation, signed_in, quick},
      // actions
      {verb::get, "/api/v1/actions", h::list_actions, signed_in, quick},
      {verb::post, "/api/v1/actions", h::create_action, signed_in, quick},
      {verb::get, "/api/v1/actions/export", h::export_actions, signed_in, blocking},
      {verb::get, "/api/v1/actions/{id}", h::get_action, signed_in, quick},
      {verb::patch, "/api/v1/actions/{id}", h::update_action, signed_in, quick},
      {verb::post, "/api/v1/actions/{id}/status", h::change_action_status, signed_in, quick},
      {verb::post, "/api/v1/actions/{id}/nominations", h::create_nomination, signed_in, quick},
      {verb::post, "/api/v1/actions/{id}/nominations/import", h::import_nominations, signed_in, blocking,
       h::may_import_nominations},
      {verb::get, "/api/v1/actions/{id}/documents", h::list_action_documents, signed_in, quick},
      {verb::post, "/api/v1/actions/{id}/documents", h::add_action_document, signed_in, blocking,
       h::may_add_action_document},
      {verb::get, "/api/v1/documents/{id}", h::download_document, signed_in, blocking},
      {verb::delete_, "/api/v1/documents/{id}", h::delete_document, signed_in, quick},
      // people
      {verb::get, "/api/v1/people", h::list_people, signed_in, quick},
      {verb::post, "/api/v1/people", h::create_person, signed_in, quick},
      {verb::get, "/api/v1/people/duplicates", h::find_duplicates, signed_in, quick},
      {verb::get, "/api/v1/people/export", h::export_people, signed_in, blocking},
      {verb::get, "/api/v1/people/{id}", h::get_person, signed_in, quick},
      {verb::patch, "/api/v1/people/{id}", h::update_person, signed_in, quick},
      {verb::get, "/api/v1/people/{id}/duplicates", h::person_duplicates, signed_in, quick},
      {verb::post, "/api/v1/people/{id}/merge", h::merge_person, signed_in, quick},
      {verb::post, "/api/v1/people/{id}/unmerge", h::unmerge_person, signed_in, quick},
      // nominations and participation
      {verb::get, "/api/v1/nominations", h::list_nominations, signed_in, quick},
      {verb::get, "/api/v1/nominations/template", h::nomination_template, signed_in, quick},
      {verb::get, "/api/v1/nominations/export", h::export_nominations, signed_in, blocking},
      {verb::get, "/api/v1/nominations/{id}", h::get_nomination, signed_in, quick},
      {verb::post, "/api/v1/nominations/{id}/transitions", h::move_nomination, signed_in, quick},
      {verb::put, "/api/v1/nominations/{id}/logistics/{item}", h::set_nomination_logistics, signed_in, quick},
      {verb::put, "/api/v1/nominations/{id}/attendance/{day}", h::set_nomination_attendance, signed_in, quick},
      // certificates (the PDF is drawn on the blocking pool; verification is public), evaluations, alumni
      {verb::post, "/api/v1/nominations/{id}/certificate", h::issue_certificate, signed_in, quick},
      {verb::get, "/api/v1/nominations/{id}/certificate", h::get_certificate, signed_in, quick},
      {verb::get, "/api/v1/nominations/{id}/certificate.pdf", h::get_certificate_pdf, signed_in, blocking},
      {verb::get, "/api/v1/certificates/{code}", h::verify_certificate, anyone, quick},
      {verb::get, "/api/v1/nominations/{id}/evaluation", h::get_evaluation, signed_in, quick},
      {verb::put, "/api/v1/nominations/{id}/evaluation", h::put_evaluation, signed_in, quick},
      {verb::get, "/api/v1/actions/{id}/evaluations", h::action_evaluations, signed_in, quick},
      {verb::get, "/api/v1/people/{id}/follow-ups", h::list_follow_ups, signed_in, quick},
      {verb::post, "/api/v1/people/{id}/follow-ups", h::create_follow_up, signed_in, quick},
      // accounts
      {verb::get, "/api/v1/users", h::list_users, signed_in, quick},
      {verb::post, "/api/v1/users", h::create_user, signed_in, blocking},
      {verb::get, "/api/v1/users/export", h::export_users, signed_in, blocking},
      {verb::get, "/api/v1/users/{id}", h::get_user, signed_in, quick},
      {verb::patch, "/api/v1/users/{id}", h::update_user, signed_in, quick},
      {verb::post, "/api/v1/users/{id}/password", h::reset_user_password, signed_in, blocking},
      {verb::delete_, "/api/v1/users/{id}/sessions", h::end_user_sessions, signed_in, quick},
      {verb::get, "/api/v1/tokens", h::list_tokens, signed_in, quick},
      {verb::post, "/api/v1/tokens", h::create_token, signed_in, quick},
      {verb::delete_, "/api/v1/tokens/{id}", h::revoke_token, signed_in, quick},
      // audit trail (read only)
      {verb::get, "/api/v1/audit", h::list_audit, signed_in, quick},
      {verb::get, "/api/v1/audit/export", h::export_audit, signed_in, blocking},
  };
}

}  // namespace taawun::http
