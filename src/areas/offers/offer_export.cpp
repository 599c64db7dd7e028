// The offers catalogue as a spreadsheet, one row an offer in the list's order.
#include "areas/offers/offer.hpp"

namespace taawun::offers {

spreadsheet::Table export_table(const std::vector<Offer>& listed, Language language) {
  spreadsheet::Table table;
  table.columns = {"offer_id",
                   "host_organisation_id",
                   "host",
                   "action_type",
                   "type_name",
                   "domain",
                   "domain_name",
                   "title_fr",
                   "title_ar",
                   "title_en",
                   "level",
                   "language",
                   "duration_days",
                   "seats_per_year",
                   "cost_per_participant",
                   "currency",
                   "active",
                   "created_at",
                   "updated_at"};
  table.mark_numeric({"offer_id", "host_organisation_id", "duration_days", "seats_per_year", "cost_per_participant"});
  for (const Offer& o : listed)
    table.rows.push_back({std::to_string(o.id), std::to_string(o.host_organisation_id), o.host_name.in(language),
                          o.action_type, o.action_type_name.in(language), o.domain, o.domain_name.in(language),
                          spreadsheet::cell(o.title_fr), spreadsheet::cell(o.title_ar), spreadsheet::cell(o.title_en),
                          spreadsheet::cell(o.level), spreadsheet::cell(o.language), spreadsheet::cell(o.duration_days),
                          spreadsheet::cell(o.seats_per_year), spreadsheet::cell(o.cost_per_participant),
                          spreadsheet::cell(o.currency), spreadsheet::cell(o.active), o.created_at, o.updated_at});
  return table;
}

}  // namespace taawun::offers
