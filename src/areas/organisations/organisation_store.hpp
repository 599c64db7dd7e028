#pragma once
// Internal to the organisations area: the shared SELECT and row mapping.
#include "areas/organisations/organisation.hpp"
#include "areas/reference/reference.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::organisations {

extern const char* const kSelectOrganisation;         // ends with the FROM clause; callers add WHERE/ORDER
extern const char* const kSelectOrganisationSummary;  // the same without contacts, for lists
Organisation organisation_from(const db::Row& row, const reference::ReferenceNames& names);
std::vector<Contact> parse_contacts(const std::string& json_text);
const kit::Kind<Organisation>& kind();

}  // namespace taawun::organisations
