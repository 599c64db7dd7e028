// The diplomatic network from a spreadsheet (issue 15, "Exports and imports"): one new mission a
// row, in the template's columns (the list's export, without its informational columns), each row
// taken through the same `apply` as the form. The jurisdiction is one cell of ISO codes
// ("SN GM GW", commas or semicolons also separate them). A row whose Wikidata QID is already a
// mission's is refused at that column (already_taken), not merged: an import creates, and the
// loader of the Wikidata extract (diplomatic_mission_loader.cpp) is what updates missions by QID
// while keeping what staff corrected; a file silently overwriting a mission would lose that.
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/diplomatic_missions/diplomatic_mission_store.hpp"
#include "domain/kit/record_import.hpp"

namespace taawun::diplomatic_missions {
namespace {

DiplomaticMissionDraft draft_of(const kit::ImportRow& row) {
  DiplomaticMissionDraft draft;
  for (auto [column, field] : {std::pair{"kind", &draft.kind},
                               {"status", &draft.status},
                               {"sending_country", &draft.sending_country},
                               {"receiving_country", &draft.receiving_country},
                               {"name", &draft.name},
                               {"city", &draft.city},
                               {"address", &draft.address},
                               {"telephone", &draft.telephone},
                               {"email", &draft.email},
                               {"website", &draft.website},
                               {"head_name", &draft.head_name},
                               {"head_title", &draft.head_title},
                               {"wikidata_qid", &draft.wikidata_qid}})
    row.text(column, *field);
  row.date("opened_on", draft.opened_on);
  row.date("closed_on", draft.closed_on);
  row.integer("sending_organisation_id", draft.sending_organisation_id, draft.input_problems);
  row.integer("receiving_organisation_id", draft.receiving_organisation_id, draft.input_problems);
  row.number("latitude", draft.latitude, draft.input_problems);
  row.number("longitude", draft.longitude, draft.input_problems);
  row.codes("jurisdiction", draft.jurisdiction);
  return draft;
}

kit::ImportSpec<DiplomaticMissionDraft> make_spec() {
  kit::ImportSpec<DiplomaticMissionDraft> spec;
  spec.columns = {"kind",
                  "status",
                  "sending_country",
                  "sending_organisation_id",
                  "receiving_country",
                  "receiving_organisation_id",
                  "name",
                  "city",
                  "address",
                  "latitude",
                  "longitude",
                  "telephone",
                  "email",
                  "website",
                  "head_name",
                  "head_title",
                  "jurisdiction",
                  "opened_on",
                  "closed_on",
                  "wikidata_qid"};
  spec.ignored = {"diplomatic_mission_id", "sending", "receiving", "updated_at"};
  spec.required = {{"kind"}, {"sending_country", "sending_organisation_id"}};
  spec.draft_of = draft_of;
  return spec;
}

}  // namespace

const kit::ImportSpec<DiplomaticMissionDraft>& import_spec() {
  static const kit::ImportSpec<DiplomaticMissionDraft> spec = make_spec();
  return spec;
}

const std::vector<std::string>& import_template_columns() {
  return import_spec().columns;
}

}  // namespace taawun::diplomatic_missions
