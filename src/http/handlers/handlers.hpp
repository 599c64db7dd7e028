#pragma once
// Thin handlers: parse, load and authorise (in the domain), act, render.
#include "http/app.hpp"

namespace taawun::http::handlers {

// operations
Result<Response> healthz(Context&);
Result<Response> readyz(Context&);
Result<Response> metrics(Context&);
Result<Response> openapi(Context&);
// session and the signed-in user
Result<Response> log_in(Context&);
Result<Response> log_out(Context&);
Result<Response> me(Context&);
Result<Response> update_me(Context&);
Result<Response> change_my_password(Context&);
// two-factor sign-in and one's own sessions (session_handlers.cpp, ADR 0012)
Result<Response> start_totp(Context&);
Result<Response> confirm_totp(Context&);
Result<Response> turn_off_totp(Context&);
Result<Response> list_my_sessions(Context&);
Result<Response> end_my_session(Context&);
// What a session that must enrol TOTP may still call: GET /me, the enrolment, signing out.
bool allowed_before_totp_enrolment(bhttp::verb method, std::string_view pattern);
// A problem whose code is a second-factor state (totp_required, totp_enrolment_required).
Response second_factor_problem(const Request& request, Language language, ErrorCode base, std::string_view code);
// reference
Result<Response> list_countries(Context&);
Result<Response> get_country(Context&);
Result<Response> list_currencies(Context&);
Result<Response> list_codelists(Context&);
Result<Response> list_codelist(Context&);
Result<Response> list_action_types(Context&);
Result<Response> list_cooperation_domains(Context&);
// agreements and joint commissions
Result<Response> list_agreements(Context&);
Result<Response> export_agreements(Context&);
Result<Response> get_agreement(Context&);
Result<Response> create_agreement(Context&);
Result<Response> update_agreement(Context&);
Result<Response> update_agreement_contributions(Context&);
Result<Response> agreement_outcomes(Context&);
// multilateral engagements
Result<Response> list_engagements(Context&);
Result<Response> export_engagements(Context&);
Result<Response> get_engagement(Context&);
Result<Response> create_engagement(Context&);
Result<Response> update_engagement(Context&);
// a country's whole picture
Result<Response> get_country_profile(Context&);
// catalogue: programmes, offers, requests
Result<Response> list_programmes(Context&);
Result<Response> export_programmes(Context&);
Result<Response> get_programme(Context&);
Result<Response> create_programme(Context&);
Result<Response> update_programme(Context&);
Result<Response> list_offers(Context&);
Result<Response> export_offers(Context&);
Result<Response> get_offer(Context&);
Result<Response> create_offer(Context&);
Result<Response> update_offer(Context&);
Result<Response> list_requests(Context&);
Result<Response> export_requests(Context&);
Result<Response> get_request(Context&);
Result<Response> create_request(Context&);
Result<Response> update_request(Context&);
Result<Response> list_suggested_offers(Context&);
Result<Response> link_request_offer(Context&);
Result<Response> unlink_request_offer(Context&);
// organisations
Result<Response> list_organisations(Context&);
Result<Response> export_organisations(Context&);
Result<Response> get_organisation(Context&);
Result<Response> create_organisation(Context&);
Result<Response> update_organisation(Context&);
Result<Response> archive_organisation(Context&);
Result<Response> restore_organisation(Context&);
// actions
Result<Response> list_actions(Context&);
Result<Response> export_actions(Context&);
Result<Response> get_action(Context&);
Result<Response> create_action(Context&);
Result<Response> update_action(Context&);
Result<Response> change_action_status(Context&);
// people
Result<Response> list_people(Context&);
Result<Response> export_people(Context&);
Result<Response> create_person(Context&);
Result<Response> find_duplicates(Context&);
Result<Response> get_person(Context&);
Result<Response> update_person(Context&);
Result<Response> person_duplicates(Context&);
Result<Response> merge_person(Context&);
Result<Response> unmerge_person(Context&);
// nominations
Result<Response> list_nominations(Context&);
Result<Response> create_nomination(Context&);
Result<Response> get_nomination(Context&);
Result<Response> move_nomination(Context&);
Result<Response> set_nomination_logistics(Context&);
Result<Response> set_nomination_attendance(Context&);
Result<Response> nomination_template(Context&);
Result<Response> export_nominations(Context&);
Result<Response> import_nominations(Context&);
Status may_import_nominations(Context&);  // guard: before the file is read
// certificates, evaluations, alumni
Result<Response> issue_certificate(Context&);
Result<Response> get_certificate(Context&);
Result<Response> get_certificate_pdf(Context&);
Result<Response> verify_certificate(Context&);
Result<Response> get_evaluation(Context&);
Result<Response> put_evaluation(Context&);
Result<Response> action_evaluations(Context&);
// the documents of actions, agreements, sessions and engagements: areas/documents/document_handlers.cpp
Result<Response> list_follow_ups(Context&);
Result<Response> create_follow_up(Context&);
// users and tokens
Result<Response> list_users(Context&);
Result<Response> export_users(Context&);
Result<Response> create_user(Context&);
Result<Response> get_user(Context&);
Result<Response> update_user(Context&);
Result<Response> reset_user_password(Context&);
Result<Response> end_user_sessions(Context&);
Result<Response> list_tokens(Context&);
Result<Response> create_token(Context&);
Result<Response> revoke_token(Context&);
// audit
Result<Response> list_audit(Context&);
Result<Response> export_audit(Context&);

// Shared by handlers: a path parameter that must be a positive id.
Result<std::int64_t> id_parameter(const Context& context, std::size_t index = 0);
// A path parameter that names a country: its ISO code as given, in either case, upper-cased
// (an unknown code is then not found by the caller).
std::string country_code_parameter(const Context& context, std::size_t index = 0);

}  // namespace taawun::http::handlers
