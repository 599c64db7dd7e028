#pragma once
// Internal to the people area: the shared SELECT, row mapping and the name index.
#include <optional>
#include <string>

#include "areas/people/person.hpp"
#include "areas/reference/reference.hpp"

namespace taawun::people {

extern const char* const kSelectPerson;  // ends with the FROM clause; callers add WHERE/ORDER
Person person_from(const db::Row& row, const reference::ReferenceNames& names);
// Rewrites the person's phonetic tokens and token pairs (fuzzy search; the pairs carry the sort
// name, people.sort_name) and blocking keys (duplicate detection). A merged record keeps no
// tokens and no pairs (remove_search_index), so the search index lists the living registry only
// and counts from it need not read the people.
void write_name_index(db::Connection& connection, std::int64_t id, const std::optional<std::string>& latin,
                      const std::optional<std::string>& arabic, const std::string& sort_name);
void remove_search_index(db::Connection& connection, std::int64_t id);

}  // namespace taawun::people
