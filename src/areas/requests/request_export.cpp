// The requests list as a spreadsheet, one row a request in the list's order.
#include "areas/requests/request.hpp"

namespace taawun::requests {

spreadsheet::Table export_table(const std::vector<CooperationRequest>& listed, Language language) {
  spreadsheet::Table table;
  table.columns = {"request_id",
                   "country",
                   "country_name",
                   "requesting_organisation_id",
                   "requesting_organisation",
                   "domain",
                   "domain_name",
                   "action_type",
                   "type_name",
                   "title",
                   "people_count",
                   "period_start",
                   "period_end",
                   "priority",
                   "channel",
                   "status",
                   "received_on",
                   "created_at",
                   "updated_at"};
  table.mark_numeric({"request_id", "requesting_organisation_id", "people_count"});
  for (const CooperationRequest& r : listed)
    table.rows.push_back({std::to_string(r.id), r.country_code, r.country_name.in(language),
                          spreadsheet::cell(r.requesting_organisation_id), r.requesting_organisation_name.in(language),
                          r.domain, r.domain_name.in(language), spreadsheet::cell(r.action_type),
                          r.action_type_name.in(language), r.title, spreadsheet::cell(r.people_count),
                          spreadsheet::cell(r.period_start), spreadsheet::cell(r.period_end), r.priority, r.channel,
                          r.status, r.received_on, r.created_at, r.updated_at});
  return table;
}

}  // namespace taawun::requests
