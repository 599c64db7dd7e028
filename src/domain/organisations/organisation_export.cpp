// The organisations list as a spreadsheet, one row an organisation in the list's order.
#include "domain/organisations/organisation.hpp"

namespace taawun::organisations {

spreadsheet::Table export_table(const std::vector<Organisation>& listed, Language language) {
  spreadsheet::Table table;
  table.columns = {"organisation_id", "kind",     "kind_name",       "name_fr",   "name_ar", "name_en",
                   "acronym",         "country",  "iati_identifier", "parent_id", "parent",  "website",
                   "address",         "archived", "created_at",      "updated_at"};
  auto text = [](const std::optional<std::string>& value) { return value.value_or(""); };
  for (const Organisation& o : listed)
    table.rows.push_back({std::to_string(o.id), o.kind, o.kind_name.in(language), text(o.name_fr), text(o.name_ar),
                          text(o.name_en), text(o.acronym), text(o.country_code), text(o.iati_identifier),
                          o.parent_id ? std::to_string(*o.parent_id) : "", o.parent_name.in(language), text(o.website),
                          text(o.address), o.archived ? "yes" : "no", o.created_at, o.updated_at});
  return table;
}

}  // namespace taawun::organisations
