// The audit trail as a spreadsheet: what was changed, by whom, when, with the snapshots (as
// each reader may see them: list() has already hidden what the reader's role does not see).
#include "areas/audit/audit.hpp"

namespace taawun::audit {

spreadsheet::Table export_table(const std::vector<Entry>& entries) {
  spreadsheet::Table table;
  table.columns = {"entry_id", "at", "user_id", "username", "action", "record_kind", "record_id", "before", "after"};
  table.mark_numeric({"entry_id", "user_id"});
  for (const Entry& e : entries)
    table.rows.push_back({std::to_string(e.id), e.at, spreadsheet::cell(e.user_id), e.username, e.action, e.record_kind,
                          e.record_id, spreadsheet::cell(e.before_json), spreadsheet::cell(e.after_json)});
  return table;
}

}  // namespace taawun::audit
