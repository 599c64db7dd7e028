#pragma once
// Internal to the people area: the shared SELECT, row mapping and the name index.
#include <optional>
#include <string>

#include "domain/people/person.hpp"
#include "domain/reference/reference.hpp"

namespace taawun::people {

extern const char* const kSelectPerson;  // ends with the FROM clause; callers add WHERE/ORDER
Person person_from(const db::Row& row, const reference::ReferenceNames& names);
// Rewrites the person's phonetic tokens (fuzzy search) and blocking keys (duplicate detection).
void write_name_index(db::Connection& connection, std::int64_t id, const std::optional<std::string>& latin,
                      const std::optional<std::string>& arabic);

}  // namespace taawun::people
