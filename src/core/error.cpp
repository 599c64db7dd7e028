#include "core/error.hpp"

namespace taawun {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_request:
      return "bad_request";
    case ErrorCode::malformed_json:
      return "malformed_json";
    case ErrorCode::invalid_utf8:
      return "invalid_utf8";
    case ErrorCode::payload_too_large:
      return "payload_too_large";
    case ErrorCode::validation_failed:
      return "validation_failed";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::forbidden:
      return "forbidden";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::method_not_allowed:
      return "method_not_allowed";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::precondition_failed:
      return "precondition_failed";
    case ErrorCode::precondition_required:
      return "precondition_required";
    case ErrorCode::csrf_failed:
      return "csrf_failed";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::unsupported_media_type:
      return "unsupported_media_type";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace taawun
