// The programmes list as a spreadsheet, one row a programme in the list's order.
#include "areas/programmes/programme.hpp"

namespace taawun::programmes {

spreadsheet::Table export_table(const std::vector<Programme>& listed, Language language) {
  spreadsheet::Table table;
  table.columns = {"programme_id",
                   "kind",
                   "title_fr",
                   "title_ar",
                   "title_en",
                   "country",
                   "country_name",
                   "funder_organisation_id",
                   "funder",
                   "start_year",
                   "end_year",
                   "agreement_number",
                   "commission_session",
                   "created_at",
                   "updated_at"};
  table.mark_numeric({"programme_id", "funder_organisation_id", "start_year", "end_year"});
  for (const Programme& p : listed)
    table.rows.push_back({std::to_string(p.id), p.kind, spreadsheet::cell(p.title_fr), spreadsheet::cell(p.title_ar),
                          spreadsheet::cell(p.title_en), spreadsheet::cell(p.country_code), p.country_name.in(language),
                          spreadsheet::cell(p.funder_organisation_id), p.funder_name.in(language),
                          spreadsheet::cell(p.start_year), spreadsheet::cell(p.end_year),
                          spreadsheet::cell(p.agreement_number), spreadsheet::cell(p.commission_session), p.created_at,
                          p.updated_at});
  return table;
}

}  // namespace taawun::programmes
