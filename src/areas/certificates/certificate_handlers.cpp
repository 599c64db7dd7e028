#include "areas/certificates/certificate.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace cert = taawun::certificates;

namespace {

std::string certificate_json(const cert::Certificate& c, Language language) {
  JsonWriter json;
  json.begin_object()
      .field("code", c.code)
      .field("nomination_id", c.nomination_id)
      .field("participant_name", c.content.participant_name(language))
      .field("action_title", c.content.action_title.in(language))
      .field("start_date", c.content.start_date)
      .field("end_date", c.content.end_date)
      .field("days_present", c.content.days_present)
      .field("issued_at", c.issued_at)
      .field("issued_by", c.issued_by)
      .field("verification_path", cert::verification_path(c.code))
      .end_object();
  return json.str();
}

}  // namespace

Result<Response> issue_certificate(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(issued, cert::issue(context.db(), context.actor(), id));
  Response response = json_response(context, issued.created ? bhttp::status::created : bhttp::status::ok,
                                    certificate_json(issued.certificate, context.language));
  if (issued.created)
    response.set(bhttp::field::location, "/api/v1/nominations/" + std::to_string(id) + "/certificate");
  return response;
}

Result<Response> get_certificate(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(certificate, cert::of_nomination(context.db(), context.actor(), id));
  return json_response(context, bhttp::status::ok, certificate_json(certificate, context.language));
}

// Runs on the blocking pool: laying out and writing the PDF takes a few tens of milliseconds.
Result<Response> get_certificate_pdf(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  QueryReader query(context);
  std::string lang = query.choice("lang", {"fr", "ar"}, "fr");
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(certificate, cert::of_nomination(context.db(), context.actor(), id));
  context.lease.reset();  // the database is no longer needed: give the connection back while drawing
  Language language = lang == "ar" ? Language::ar : Language::fr;
  TAAWUN_TRY(pdf, cert::render_pdf(certificate, language));
  Response response = text_response(context, bhttp::status::ok, std::move(pdf), "application/pdf");
  response.set(bhttp::field::content_disposition, attachment("attestation-" + certificate.code + "-" + lang + ".pdf"));
  response.set(bhttp::field::content_language, lang);
  return response;
}

// Public. Only what the certificate itself shows: the name, the action, its dates, the issue
// date. Unknown codes are counted per address, so that nobody can try codes at machine speed.
Result<Response> verify_certificate(Context& context) {
  auto& throttle = context.app.verification_throttle();
  if (int wait = throttle.retry_after(context.remote_address); wait > 0) {
    Error error = Error::of(ErrorCode::rate_limited, "verification_rate_limited", {{"seconds", std::to_string(wait)}});
    error.retry_after_seconds = wait;
    return error;
  }
  auto certificate = cert::verify(context.db(), context.path_params.at(0));
  if (!certificate.ok()) {
    throttle.record_failure(context.remote_address);
    return certificate.take_error();
  }
  const auto& c = certificate.value();
  JsonWriter json;
  json.begin_object()
      .field("valid", true)
      .field("code", c.code)
      .field("participant_name", c.content.participant_name(context.language))
      .field("action_title", c.content.action_title.in(context.language))
      .field("start_date", c.content.start_date)
      .field("end_date", c.content.end_date)
      .field("issued_at", c.issued_at)
      .end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> certificate_routes() {
  using namespace route_words;
  return {
      // the PDF is drawn on the blocking pool; verification is public
      {verb::post, "/api/v1/nominations/{id}/certificate", h::issue_certificate, signed_in, quick,
       {"certificates", "issue"}},
      {verb::get, "/api/v1/nominations/{id}/certificate", h::get_certificate, signed_in, quick,
       {"certificates", "read"}},
      {verb::get, "/api/v1/nominations/{id}/certificate.pdf", h::get_certificate_pdf, signed_in, blocking,
       {"certificates", "read"}},
      {verb::get, "/api/v1/certificates/{code}", h::verify_certificate, anyone, quick},
  };
}
// clang-format on

}  // namespace taawun::http
