#pragma once
// List pages answered from memory while their records are unchanged (GenerationCache). The key
// holds everything an answer depends on besides the records: the request's target (path and
// query as sent), the caller's role and scope, and the language. Only successful answers are
// kept, so a caller refused by the use case is refused again.
#include <fmt/format.h>

#include "domain/changes.hpp"
#include "http/app.hpp"

namespace taawun::http {

// `render` computes the JSON body (from the database) when the cache has no answer for the
// current generation of `kind`.
template <typename Render>
Result<Response> cached_json(Context& context, std::string_view kind, Render&& render) {
  auto& cache = context.app.list_cache();
  if (!cache.enabled()) {
    TAAWUN_TRY(body, render());
    return json_response(context, bhttp::status::ok, std::move(body));
  }
  // The generation first, then the records: see changes::generation.
  std::int64_t generation = changes::generation(context.db(), kind);
  const auto& actor = context.actor();
  std::string key = fmt::format("{}|{}|{}|{}|{}", context.request.target(), accounts::role_name(actor.role),
                                fmt::join(actor.countries, ","), fmt::join(actor.organisations, ","),
                                language_code(context.language));
  if (auto body = cache.find(key, generation)) return json_response(context, bhttp::status::ok, std::move(*body));
  TAAWUN_TRY(body, render());
  cache.store(key, generation, body);
  return json_response(context, bhttp::status::ok, std::move(body));
}

}  // namespace taawun::http
