// http/input.cpp holds the body reader (fuzzed by json_fuzz) beside the query reader and the
// If-Match readers, which need the request context (http/app.cpp) and the reference data
// (domain/reference): linking those would bring in the whole server. Body reading never calls
// them; these stand-ins stop the run if it ever does, and a new dependency of input.cpp shows up
// here as a link error of json_fuzz.
#include <cstdio>
#include <cstdlib>

#include "areas/reference/reference.hpp"
#include "http/app.hpp"

namespace taawun {
namespace {
[[noreturn]] void unreached(const char* what) {
  std::fprintf(stderr, "json_fuzz: %s called, which the fuzzing harness does not provide\n", what);
  std::abort();
}
}  // namespace

namespace http {
db::Connection& Context::db() {
  unreached("Context::db");
}
std::optional<std::string> Context::query_value(std::string_view) const {
  unreached("Context::query_value");
}
std::string_view Context::header(bhttp::field) const {
  unreached("Context::header");
}
}  // namespace http

namespace reference {
std::shared_ptr<const ReferenceNames> names(db::Connection&) {
  unreached("reference::names");
}
}  // namespace reference
}  // namespace taawun
