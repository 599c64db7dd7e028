// The users list as a spreadsheet, for administrators reviewing who has which access.
#include <fmt/format.h>

#include "areas/accounts/accounts.hpp"

namespace taawun::accounts {

spreadsheet::Table users_table(const std::vector<User>& users) {
  spreadsheet::Table table;
  table.columns = {"user_id",       "username", "display_name", "role",       "countries",
                   "organisations", "language", "disabled",     "created_at", "last_login_at"};
  table.mark_numeric({"user_id"});
  for (const User& u : users)
    table.rows.push_back({std::to_string(u.id), u.username, u.display_name, std::string(role_name(u.role)),
                          fmt::format("{}", fmt::join(u.countries, ";")),
                          fmt::format("{}", fmt::join(u.organisations, ";")), std::string(language_code(u.language)),
                          spreadsheet::cell(u.disabled), u.created_at, spreadsheet::cell(u.last_login_at)});
  return table;
}

}  // namespace taawun::accounts
