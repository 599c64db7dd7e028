// The programmes list as a spreadsheet, one row a programme in the list's order.
#include "domain/programmes/programme.hpp"

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
  auto text = [](const std::optional<std::string>& value) { return value.value_or(""); };
  auto number = [](const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : ""; };
  for (const Programme& p : listed)
    table.rows.push_back({std::to_string(p.id), p.kind, text(p.title_fr), text(p.title_ar), text(p.title_en),
                          text(p.country_code), p.country_name.in(language), number(p.funder_organisation_id),
                          p.funder_name.in(language), number(p.start_year), number(p.end_year),
                          text(p.agreement_number), text(p.commission_session), p.created_at, p.updated_at});
  return table;
}

}  // namespace taawun::programmes
