// The organisations list as a spreadsheet, one row an organisation in the list's order.
#include "areas/organisations/organisation.hpp"

namespace taawun::organisations {

spreadsheet::Table export_table(const std::vector<Organisation>& listed, Language language) {
  spreadsheet::Table table;
  table.columns = {"organisation_id", "kind",     "kind_name",       "name_fr",   "name_ar", "name_en",
                   "acronym",         "country",  "iati_identifier", "parent_id", "parent",  "website",
                   "address",         "archived", "created_at",      "updated_at"};
  table.mark_numeric({"organisation_id", "parent_id"});
  for (const Organisation& o : listed)
    table.rows.push_back({std::to_string(o.id), o.kind, o.kind_name.in(language), spreadsheet::cell(o.name_fr),
                          spreadsheet::cell(o.name_ar), spreadsheet::cell(o.name_en), spreadsheet::cell(o.acronym),
                          spreadsheet::cell(o.country_code), spreadsheet::cell(o.iati_identifier),
                          spreadsheet::cell(o.parent_id), o.parent_name.in(language), spreadsheet::cell(o.website),
                          spreadsheet::cell(o.address), spreadsheet::cell(o.archived), o.created_at, o.updated_at});
  return table;
}

}  // namespace taawun::organisations
