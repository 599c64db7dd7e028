#pragma once
// Internal to the people area: the kind as the kernel runs it (kit/record_kind.hpp) and the name
// index.
#include <optional>
#include <string>

#include "areas/people/person.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::people {

const kit::Kind<Person>& kind();
// Rewrites the person's phonetic tokens and token pairs (fuzzy search; the pairs carry the sort
// name, people.sort_name) and blocking keys (duplicate detection). A merged record keeps no
// tokens and no pairs (remove_search_index), so the search index lists the living registry only
// and counts from it need not read the people.
void write_name_index(db::Connection& connection, std::int64_t id, const std::optional<std::string>& latin,
                      const std::optional<std::string>& arabic, const std::string& sort_name);
void remove_search_index(db::Connection& connection, std::int64_t id);

}  // namespace taawun::people
