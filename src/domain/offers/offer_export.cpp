// The offers catalogue as a spreadsheet, one row an offer in the list's order.
#include "domain/offers/offer.hpp"

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
  auto text = [](const std::optional<std::string>& value) { return value.value_or(""); };
  auto number = [](const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : ""; };
  for (const Offer& o : listed)
    table.rows.push_back({std::to_string(o.id), std::to_string(o.host_organisation_id), o.host_name.in(language),
                          o.action_type, o.action_type_name.in(language), o.domain, o.domain_name.in(language),
                          text(o.title_fr), text(o.title_ar), text(o.title_en), text(o.level), text(o.language),
                          number(o.duration_days), number(o.seats_per_year), number(o.cost_per_participant),
                          text(o.currency), o.active ? "yes" : "no", o.created_at, o.updated_at});
  return table;
}

}  // namespace taawun::offers
