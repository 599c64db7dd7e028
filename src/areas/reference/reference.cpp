#include "areas/reference/reference.hpp"

#include <fmt/format.h>

#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/embedded.hpp"
#include "core/text.hpp"

namespace taawun::reference {
namespace {

// The rows of an embedded CSV file as maps from header to value.
std::vector<std::unordered_map<std::string, std::string>> read_table(std::string_view path) {
  auto content = embedded::find(path);
  if (!content) throw std::runtime_error(fmt::format("reference file {} is not compiled in", path));
  auto rows = csv::parse(*content);
  if (rows.empty()) throw std::runtime_error(fmt::format("reference file {} is empty", path));
  std::vector<std::unordered_map<std::string, std::string>> table;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::unordered_map<std::string, std::string> record;
    for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) record[rows[0][c]] = rows[r][c];
    table.push_back(std::move(record));
  }
  return table;
}

std::optional<std::string> non_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::string order_direction(std::string_view sort, std::string& field) {
  if (sort.starts_with('-')) {
    field = std::string(sort.substr(1));
    return "DESC";
  }
  field = std::string(sort);
  return "ASC";
}

// Names sort by their folded form in the asked language (migrations/0003_reference_sort_keys.sql).
std::string_view sort_column(Language language) {
  return language == Language::ar ? "sort_ar" : language == Language::en ? "sort_en" : "sort_fr";
}

const char* kCountryColumns =
    "code, alpha3, numeric_code, name_fr, name_ar, name_en, region_code, region_fr, region_ar, region_en, "
    "subregion_code, subregion_fr, subregion_ar, subregion_en, ldc, lldc, sids, african_union";

Country country_from(const db::Row& row) {
  return Country{row.text(0),
                 row.text(1),
                 row.text(2),
                 {row.text(3), row.text(4), row.text(5)},
                 row.optional_text(6),
                 row.optional_text(10),
                 {row.text(7), row.text(8), row.text(9)},
                 {row.text(11), row.text(12), row.text(13)},
                 row.flag(14),
                 row.flag(15),
                 row.flag(16),
                 row.flag(17)};
}

std::mutex names_mutex;
std::shared_ptr<const ReferenceNames> cached_names;  // guarded by names_mutex

const LocalisedName& name_in(const std::unordered_map<std::string, LocalisedName>& table, const std::string& code) {
  static const LocalisedName kNone;
  auto found = table.find(code);
  return found == table.end() ? kNone : found->second;
}

}  // namespace

const LocalisedName& ReferenceNames::country(const std::string& code) const {
  return name_in(countries, code);
}
const LocalisedName& ReferenceNames::organisation_type(const std::string& code) const {
  return name_in(organisation_types, code);
}
const LocalisedName& ReferenceNames::action_type(const std::string& code) const {
  return name_in(action_types, code);
}
const LocalisedName& ReferenceNames::cooperation_domain(const std::string& code) const {
  return name_in(cooperation_domains, code);
}
const LocalisedName& ReferenceNames::sector(const std::string& code) const {
  return name_in(sectors, code);
}

std::shared_ptr<const ReferenceNames> names(db::Connection& connection) {
  {
    std::lock_guard lock(names_mutex);
    if (cached_names) return cached_names;
  }
  auto loaded = std::make_shared<ReferenceNames>();
  for (const auto& row : connection.query("SELECT code, name_fr, name_ar, name_en FROM countries").rows)
    loaded->countries.emplace(row.text(0), LocalisedName{row.text(1), row.text(2), row.text(3)});
  // IATI codelists have no Arabic names: Arabic pages show the French one.
  for (const auto& row :
       connection.query("SELECT code, name_fr, name_en FROM codelist_entries WHERE codelist = 'OrganisationType'").rows)
    loaded->organisation_types.emplace(row.text(0), LocalisedName{row.text(1), row.text(1), row.text(2)});
  for (const auto& row :
       connection.query("SELECT code, name_fr, name_en FROM codelist_entries WHERE codelist = 'Sector'").rows)
    loaded->sectors.emplace(row.text(0), LocalisedName{row.text(1), row.text(1), row.text(2)});
  for (const auto& row : connection.query("SELECT code, name_fr, name_ar, name_en, place FROM action_types").rows) {
    loaded->action_types.emplace(row.text(0), LocalisedName{row.text(1), row.text(2), row.text(3)});
    loaded->action_type_places.emplace(row.text(0), row.text(4));
  }
  for (const auto& row : connection.query("SELECT code, name_fr, name_ar, name_en FROM cooperation_domains").rows)
    loaded->cooperation_domains.emplace(row.text(0), LocalisedName{row.text(1), row.text(2), row.text(3)});
  std::lock_guard lock(names_mutex);
  if (!cached_names) cached_names = std::move(loaded);
  return cached_names;
}

LoadCounts load(db::Connection& connection) {
  LoadCounts counts;
  db::Transaction transaction(connection, db::TransactionKind::write);
  for (auto& c : read_table("reference/countries.csv")) {
    std::string key = text::search_key(c["alpha2"] + " " + c["alpha3"] + " " + c["name_fr"] + " " + c["name_en"] + " " +
                                       c["name_ar"]);
    connection.query(
        "INSERT INTO countries (code, alpha3, numeric_code, name_fr, name_en, name_ar, region_code, region_fr, "
        "region_en, region_ar, subregion_code, subregion_fr, subregion_en, subregion_ar, ldc, lldc, sids, "
        "african_union, search_key, sort_fr, sort_en, sort_ar) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3, numeric_code = excluded.numeric_code, "
        "name_fr = excluded.name_fr, name_en = excluded.name_en, name_ar = excluded.name_ar, "
        "region_code = excluded.region_code, region_fr = excluded.region_fr, region_en = excluded.region_en, "
        "region_ar = excluded.region_ar, subregion_code = excluded.subregion_code, "
        "subregion_fr = excluded.subregion_fr, subregion_en = excluded.subregion_en, "
        "subregion_ar = excluded.subregion_ar, ldc = excluded.ldc, lldc = excluded.lldc, sids = excluded.sids, "
        "african_union = excluded.african_union, search_key = excluded.search_key, sort_fr = excluded.sort_fr, "
        "sort_en = excluded.sort_en, sort_ar = excluded.sort_ar",
        db::Params(c["alpha2"], c["alpha3"], c["numeric"], c["name_fr"], c["name_en"], c["name_ar"],
                   non_empty(c["region_m49"]), non_empty(c["region_fr"]), non_empty(c["region_en"]),
                   non_empty(c["region_ar"]), non_empty(c["subregion_m49"]), non_empty(c["subregion_fr"]),
                   non_empty(c["subregion_en"]), non_empty(c["subregion_ar"]), c["ldc"] == "1", c["lldc"] == "1",
                   c["sids"] == "1", c["african_union"] == "1", key, text::search_key(c["name_fr"]),
                   text::search_key(c["name_en"]), text::search_key(c["name_ar"])));
    ++counts.countries;
  }
  for (auto& c : read_table("reference/currencies.csv")) {
    std::string key = text::search_key(c["code"] + " " + c["name_fr"] + " " + c["name_en"] + " " + c["name_ar"]);
    connection.query(
        "INSERT INTO currencies (code, numeric_code, name_fr, name_en, name_ar, search_key, sort_fr, sort_en, sort_ar) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (code) DO UPDATE SET numeric_code = excluded.numeric_code, name_fr = excluded.name_fr, "
        "name_en = excluded.name_en, name_ar = excluded.name_ar, search_key = excluded.search_key, "
        "sort_fr = excluded.sort_fr, sort_en = excluded.sort_en, sort_ar = excluded.sort_ar",
        db::Params(c["code"], c["numeric"], c["name_fr"], c["name_en"], c["name_ar"], key,
                   text::search_key(c["name_fr"]), text::search_key(c["name_en"]), text::search_key(c["name_ar"])));
    ++counts.currencies;
  }
  std::int64_t position = 0;
  for (auto& c : read_table("reference/codelists.csv")) {
    std::string key = text::search_key(c["code"] + " " + c["name_fr"] + " " + c["name_en"]);
    connection.query(
        "INSERT INTO codelist_entries (codelist, code, category, name_fr, name_en, withdrawn, position, search_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (codelist, code) DO UPDATE SET category = excluded.category, "
        "name_fr = excluded.name_fr, name_en = excluded.name_en, withdrawn = excluded.withdrawn, "
        "position = excluded.position, search_key = excluded.search_key",
        db::Params(c["codelist"], c["code"], non_empty(c["category"]),
                   c["name_fr"].empty() ? c["name_en"] : c["name_fr"], c["name_en"], c["status"] == "withdrawn",
                   ++position, key));
    ++counts.codelist_entries;
  }
  std::int64_t type_position = 0;
  for (auto& t : read_table("reference/action_types.csv")) {
    connection.query(
        "INSERT INTO action_types (code, position, name_fr, name_ar, name_en, aid_type, place, search_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET position = excluded.position, "
        "name_fr = excluded.name_fr, name_ar = excluded.name_ar, name_en = excluded.name_en, "
        "aid_type = excluded.aid_type, place = excluded.place, search_key = excluded.search_key",
        db::Params(t["code"], ++type_position, t["name_fr"], t["name_ar"], t["name_en"], t["aid_type"], t["place"],
                   text::search_key(t["name_fr"] + " " + t["name_en"] + " " + t["name_ar"])));
    ++counts.action_types;
  }
  std::int64_t domain_position = 0;
  connection.query("DELETE FROM cooperation_domain_sectors");
  for (auto& d : read_table("reference/cooperation_domains.csv")) {
    connection.query(
        "INSERT INTO cooperation_domains (code, position, name_fr, name_ar, name_en, search_key, sort_fr, sort_en, "
        "sort_ar) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET position = excluded.position, "
        "name_fr = excluded.name_fr, name_ar = excluded.name_ar, name_en = excluded.name_en, "
        "search_key = excluded.search_key, sort_fr = excluded.sort_fr, sort_en = excluded.sort_en, "
        "sort_ar = excluded.sort_ar",
        db::Params(d["code"], ++domain_position, d["name_fr"], d["name_ar"], d["name_en"],
                   text::search_key(d["name_fr"] + " " + d["name_en"] + " " + d["name_ar"]),
                   text::search_key(d["name_fr"]), text::search_key(d["name_en"]), text::search_key(d["name_ar"])));
    std::int64_t sector_position = 0;
    std::string_view sectors = d["sectors"];
    while (!sectors.empty()) {
      auto end = sectors.find(';');
      std::string sector(sectors.substr(0, end));
      sectors = end == std::string_view::npos ? std::string_view{} : sectors.substr(end + 1);
      connection.query("INSERT INTO cooperation_domain_sectors (domain_code, sector_code, position) VALUES (?, ?, ?)",
                       db::Params(d["code"], sector, ++sector_position));
    }
    ++counts.cooperation_domains;
  }
  transaction.commit();
  {
    std::lock_guard lock(names_mutex);
    cached_names.reset();
  }
  return counts;
}

bool is_loaded(db::Connection& connection) {
  return connection.query("SELECT COUNT(*) FROM countries").front().integer(0) > 0;
}

Result<Page<Country>> list_countries(db::Connection& connection, const CountryFilter& filter) {
  std::string field;
  std::string direction = order_direction(filter.sort, field);
  std::string order;
  if (field == "name")
    order = fmt::format("{} {}", sort_column(filter.language), direction);
  else if (field == "code")
    order = fmt::format("code {}", direction);
  else if (field == "region")
    order = fmt::format("region_code {0}, subregion_code {0}, {1}", direction, sort_column(filter.language));
  else
    return Error::validation({{"sort", "invalid_choice", {{"choices", "name, code, region"}}}});

  std::string where = " WHERE 1=1";
  db::Params params;
  if (filter.text) append_text_filter(where, params, "search_key", *filter.text);
  if (filter.region) {
    where += " AND region_code = ?";
    params.add(*filter.region);
  }
  if (filter.subregion) {
    where += " AND subregion_code = ?";
    params.add(*filter.subregion);
  }
  if (filter.ldc) {
    where += " AND ldc = ?";
    params.add(*filter.ldc);
  }
  if (filter.african_union) {
    where += " AND african_union = ?";
    params.add(*filter.african_union);
  }

  Page<Country> page;
  page.total = connection.query("SELECT COUNT(*) FROM countries" + where, params).front().integer(0);
  params.add(filter.page.limit).add(filter.page.offset);
  auto rows = connection.query(
      fmt::format("SELECT {} FROM countries{} ORDER BY {}, code LIMIT ? OFFSET ?", kCountryColumns, where, order),
      params);
  for (const auto& row : rows.rows) page.items.push_back(country_from(row));
  return page;
}

std::optional<Country> find_country(db::Connection& connection, std::string_view code) {
  auto rows = connection.query(fmt::format("SELECT {} FROM countries WHERE code = ?", kCountryColumns),
                               db::Params(std::string(code)));
  if (rows.empty()) return std::nullopt;
  return country_from(rows.front());
}

Result<Page<Currency>> list_currencies(db::Connection& connection, const CurrencyFilter& filter) {
  std::string field;
  std::string direction = order_direction(filter.sort, field);
  std::string order;
  if (field == "code")
    order = "code " + direction;
  else if (field == "name")
    order = fmt::format("{} {}", sort_column(filter.language), direction);
  else
    return Error::validation({{"sort", "invalid_choice", {{"choices", "code, name"}}}});
  std::string where = " WHERE 1=1";
  db::Params params;
  if (filter.text) append_text_filter(where, params, "search_key", *filter.text);
  Page<Currency> page;
  page.total = connection.query("SELECT COUNT(*) FROM currencies" + where, params).front().integer(0);
  params.add(filter.page.limit).add(filter.page.offset);
  auto rows = connection.query("SELECT code, numeric_code, name_fr, name_ar, name_en FROM currencies" + where +
                                   " ORDER BY " + order + ", code LIMIT ? OFFSET ?",
                               params);
  for (const auto& row : rows.rows)
    page.items.push_back(Currency{row.text(0), row.text(1), {row.text(2), row.text(3), row.text(4)}});
  return page;
}

std::vector<CodelistSummary> list_codelists(db::Connection& connection) {
  std::vector<CodelistSummary> lists;
  auto rows = connection.query(
      "SELECT codelist, COUNT(*) FROM codelist_entries WHERE withdrawn = 0 GROUP BY codelist ORDER BY codelist");
  for (const auto& row : rows.rows) lists.push_back({row.text(0), row.integer(1)});
  return lists;
}

Result<Page<CodelistEntry>> list_codelist(db::Connection& connection, std::string_view codelist,
                                          const CodelistFilter& filter) {
  if (connection.query("SELECT 1 FROM codelist_entries WHERE codelist = ? LIMIT 1", db::Params(std::string(codelist)))
          .empty())
    return Error::of(ErrorCode::not_found);
  std::string where = " WHERE codelist = ?";
  db::Params params{std::string(codelist)};
  if (!filter.include_withdrawn) where += " AND withdrawn = 0";
  if (filter.text) append_text_filter(where, params, "search_key", *filter.text);
  if (filter.category) {
    where += " AND category = ?";
    params.add(*filter.category);
  }
  Page<CodelistEntry> page;
  page.total = connection.query("SELECT COUNT(*) FROM codelist_entries" + where, params).front().integer(0);
  params.add(filter.page.limit).add(filter.page.offset);
  auto rows = connection.query("SELECT code, category, name_fr, name_en, withdrawn FROM codelist_entries" + where +
                                   " ORDER BY position LIMIT ? OFFSET ?",
                               params);
  for (const auto& row : rows.rows)
    page.items.push_back(
        CodelistEntry{row.text(0), row.optional_text(1), {row.text(2), row.text(2), row.text(3)}, row.flag(4)});
  return page;
}

std::optional<CodelistEntry> find_code(db::Connection& connection, std::string_view codelist, std::string_view code) {
  auto rows = connection.query(
      "SELECT code, category, name_fr, name_en, withdrawn FROM codelist_entries WHERE codelist = ? AND code = ?",
      db::Params(std::string(codelist), std::string(code)));
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  return CodelistEntry{row.text(0), row.optional_text(1), {row.text(2), row.text(2), row.text(3)}, row.flag(4)};
}

std::vector<ActionType> list_action_types(db::Connection& connection, const std::optional<std::string>& text) {
  std::string where = " WHERE 1=1";
  db::Params params;
  if (text) append_text_filter(where, params, "t.search_key", *text);
  auto rows = connection.query(
      "SELECT t.code, t.name_fr, t.name_ar, t.name_en, t.aid_type, t.place, a.name_fr, a.name_en FROM action_types t "
      "LEFT JOIN codelist_entries a ON a.codelist = 'AidType' AND a.code = t.aid_type" +
          where + " ORDER BY t.position",
      params);
  std::vector<ActionType> types;
  for (const auto& row : rows.rows)
    types.push_back(ActionType{row.text(0),
                               {row.text(1), row.text(2), row.text(3)},
                               row.text(4),
                               {row.text(6), row.text(6), row.text(7)},
                               row.text(5)});
  return types;
}

Result<std::vector<CooperationDomain>> list_cooperation_domains(db::Connection& connection,
                                                                const CooperationDomainFilter& filter) {
  std::string field;
  std::string direction = order_direction(filter.sort, field);
  std::string order;
  if (field == "position")
    order = "d.position " + direction;
  else if (field == "name")
    order = fmt::format("d.{} {}", sort_column(filter.language), direction);
  else
    return Error::validation({{"sort", "invalid_choice", {{"choices", "position, name"}}}});
  std::string where = " WHERE 1=1";
  db::Params params;
  if (filter.text) append_text_filter(where, params, "d.search_key", *filter.text);
  if (filter.sector) {
    where +=
        " AND EXISTS (SELECT 1 FROM cooperation_domain_sectors s WHERE s.domain_code = d.code AND s.sector_code = ?)";
    params.add(*filter.sector);
  }
  std::vector<CooperationDomain> domains;
  for (const auto& row : connection
                             .query("SELECT d.code, d.name_fr, d.name_ar, d.name_en FROM cooperation_domains d" +
                                        where + " ORDER BY " + order,
                                    params)
                             .rows)
    domains.push_back(CooperationDomain{row.text(0), {row.text(1), row.text(2), row.text(3)}, {}});
  if (domains.empty()) return domains;
  // The sectors of all listed domains in one query (22 domains at most: no paging).
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < domains.size(); ++i) index.emplace(domains[i].code, i);
  for (const auto& row :
       connection
           .query("SELECT s.domain_code, s.sector_code, c.category, c.name_fr, c.name_en, c.withdrawn "
                  "FROM cooperation_domain_sectors s LEFT JOIN codelist_entries c "
                  "ON c.codelist = 'Sector' AND c.code = s.sector_code ORDER BY s.domain_code, s.position")
           .rows) {
    auto found = index.find(row.text(0));
    if (found == index.end()) continue;
    domains[found->second].sectors.push_back(CodelistEntry{
        row.text(1), row.optional_text(2), {row.text(3), row.text(3), row.text(4)}, !row.is_null(5) && row.flag(5)});
  }
  return domains;
}

}  // namespace taawun::reference
