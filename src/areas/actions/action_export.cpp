// The actions list as a spreadsheet, one row an action in the list's order.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "areas/actions/action.hpp"

namespace taawun::actions {

spreadsheet::Table export_table(const std::vector<Action>& listed, Language language) {
  spreadsheet::Table table;
  table.columns = {
      "action_id",   "title_fr",       "title_ar",    "title_en",   "action_type",  "type_name", "domain",
      "domain_name", "modality",       "status",      "start_date", "end_date",     "city",      "country",
      "language",    "seats",          "filled",      "quotas",     "programme_id", "offer_id",  "host_organisation_id",
      "host",        "estimated_cost", "actual_cost", "currency",   "created_at",   "updated_at"};
  table.mark_numeric({"action_id", "seats", "filled", "programme_id", "offer_id", "host_organisation_id",
                      "estimated_cost", "actual_cost"});
  for (const Action& a : listed) {
    std::vector<std::string> quotas;
    for (const auto& quota : a.quotas) quotas.push_back(fmt::format("{}:{}", quota.country, quota.seats));
    table.rows.push_back({std::to_string(a.id),
                          spreadsheet::cell(a.title_fr),
                          spreadsheet::cell(a.title_ar),
                          spreadsheet::cell(a.title_en),
                          a.action_type,
                          a.type_name.in(language),
                          a.domain,
                          a.domain_name.in(language),
                          a.modality,
                          a.status,
                          a.start_date,
                          a.end_date,
                          spreadsheet::cell(a.city),
                          a.country_code,
                          spreadsheet::cell(a.language),
                          std::to_string(a.seats),
                          std::to_string(a.filled),
                          fmt::format("{}", fmt::join(quotas, " ")),
                          spreadsheet::cell(a.programme_id),
                          spreadsheet::cell(a.offer_id),
                          spreadsheet::cell(a.host_organisation_id),
                          a.host_name.in(language),
                          spreadsheet::cell(a.estimated_cost),
                          spreadsheet::cell(a.actual_cost),
                          spreadsheet::cell(a.currency),
                          a.created_at,
                          a.updated_at});
  }
  return table;
}

}  // namespace taawun::actions
