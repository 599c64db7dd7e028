#pragma once
// Errors are values with stable codes (engineering guide, convention 4). The HTTP layer maps
// each code to a status and a problem+json body in one place (problem_response in src/http/app.cpp).
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace taawun {

enum class ErrorCode {
  bad_request,
  malformed_json,
  invalid_utf8,
  payload_too_large,
  validation_failed,
  unauthenticated,
  forbidden,
  not_found,
  method_not_allowed,
  conflict,
  precondition_failed,
  precondition_required,
  csrf_failed,
  rate_limited,
  unsupported_media_type,
  unavailable,  // 503: the database is busy or unreachable; try again
  internal,
};

std::string_view error_code_name(ErrorCode code);

// One problem with one input field. `code` is stable (e.g. "too_long"); `params` fill the
// translated message ("{max}" and the like), so the domain never writes user-facing text.
struct FieldError {
  std::string field;
  std::string code;
  std::vector<std::pair<std::string, std::string>> params = {};
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string detail_key;  // message key for the detail; empty: the code's default detail
  std::vector<std::pair<std::string, std::string>> params = {};
  std::vector<FieldError> field_errors = {};
  int retry_after_seconds = 0;  // for rate_limited

  static Error validation(std::vector<FieldError> errors) {
    return Error{ErrorCode::validation_failed, "", {}, std::move(errors)};
  }
  static Error of(ErrorCode code, std::string detail_key = {},
                  std::vector<std::pair<std::string, std::string>> params = {}) {
    return Error{code, std::move(detail_key), std::move(params)};
  }
};

// A value or an Error, in the style of absl::StatusOr.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& value() const& { return std::get<T>(state_); }
  T* operator->() { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<Error>(state_); }
  Error&& take_error() { return std::get<Error>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

struct Done {};
using Status = Result<Done>;
inline Status ok_status() {
  return Done{};
}

}  // namespace taawun

#define TAAWUN_TRY(var, expr)                               \
  auto var##_result = (expr);                               \
  if (!var##_result.ok()) return var##_result.take_error(); \
  auto var = std::move(var##_result).value()
#define TAAWUN_CHECK(expr)                                        \
  do {                                                            \
    auto taawun_status_ = (expr);                                 \
    if (!taawun_status_.ok()) return taawun_status_.take_error(); \
  } while (false)
