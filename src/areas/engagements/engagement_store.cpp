// The engagement as a record kind: SQL ↔ Engagement, its themes, beneficiaries and
// notifications, what create and update write, the sorts, the audit snapshot and the export
// columns.
#include "areas/engagements/engagement_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "areas/reference/reference.hpp"
#include "core/money.hpp"
#include "core/text.hpp"

namespace taawun::engagements {
namespace {

// Each group as a condition on the countries table's flags (src/areas/reference: ldc, lldc,
// sids, african_union, region_code from UN M49 where Africa is 002).
constexpr const char* kGroupMatch =
    "(g.group_code = 'ldcs' AND c.ldc = 1) OR (g.group_code = 'african_ldcs' AND c.ldc = 1 AND c.region_code = "
    "'002') OR (g.group_code = 'lldcs' AND c.lldc = 1) OR (g.group_code = 'sids' AND c.sids = 1) OR (g.group_code = "
    "'african_union' AND c.african_union = 1) OR (g.group_code = 'africa' AND c.region_code = '002')";

constexpr const char* kColumns =
    "SELECT e.id, e.organisation_id, e.kind, e.title_fr, e.title_ar, e.title_en, {}, e.starts_on, e.ends_on, "
    "e.renewed_on, e.themes, e.sdgs, e.beneficiary_groups, e.beneficiary_countries, e.amount_minor, e.currency, "
    "e.version, e.created_at, e.updated_at, o.name_fr, o.name_ar, o.name_en FROM engagements e JOIN organisations o "
    "ON o.id = e.organisation_id";

std::vector<std::int64_t> numbers_of(const std::string& text) {
  std::vector<std::int64_t> numbers;
  for (const auto& word : text::words(text)) numbers.push_back(std::stoll(word));
  return numbers;
}

std::string numbers_joined(const std::vector<std::int64_t>& numbers) {
  return fmt::format("{}", fmt::join(numbers, " "));
}

Engagement engagement_from(const db::Row& row, const reference::ReferenceNames&) {
  Engagement e;
  e.id = row.integer(0);
  e.organisation_id = row.integer(1);
  e.kind = row.text(2);
  e.title_fr = row.optional_text(3);
  e.title_ar = row.optional_text(4);
  e.title_en = row.optional_text(5);
  e.description_fr = row.optional_text(6);
  e.description_ar = row.optional_text(7);
  e.description_en = row.optional_text(8);
  e.starts_on = row.optional_text(9);
  e.ends_on = row.optional_text(10);
  e.renewed_on = row.optional_text(11);
  e.themes = text::words(row.text(12));
  e.sdgs = numbers_of(row.text(13));
  e.beneficiary_groups = text::words(row.text(14));
  e.beneficiary_countries = text::words(row.text(15));
  e.amount_minor = row.optional_integer(16);
  e.currency = row.optional_text(17);
  e.version = row.integer(18);
  e.created_at = row.text(19);
  e.updated_at = row.text(20);
  e.organisation_name = LocalisedName{row.optional_text(21).value_or(""), row.optional_text(22).value_or(""),
                                      row.optional_text(23).value_or("")};
  return e;
}

// The notifications, and the countries the engagement benefits (its groups' members today and the
// countries it names).
void complete(db::Connection& connection, Engagement& engagement) {
  for (const auto& row : connection
                             .query("SELECT n.organisation_id, n.notified_on, n.reference, n.note, o.name_fr, "
                                    "o.name_ar, o.name_en FROM engagement_notifications n LEFT JOIN organisations o ON "
                                    "o.id = n.organisation_id WHERE n.engagement_id = ? ORDER BY n.position",
                                    db::Params(engagement.id))
                             .rows)
    engagement.notifications.push_back(
        Notification{row.optional_integer(0), row.optional_text(1), row.optional_text(2), row.optional_text(3),
                     LocalisedName{row.optional_text(4).value_or(""), row.optional_text(5).value_or(""),
                                   row.optional_text(6).value_or("")}});
  engagement.covered_countries.clear();
  for (const auto& row :
       connection
           .query(fmt::format("SELECT c.code FROM countries c WHERE {} ORDER BY c.code", benefits_condition("?")),
                  db::Params(engagement.id, engagement.id))
           .rows)
    engagement.covered_countries.push_back(row.text(0));
}

void write_parts(db::Connection& connection, const Engagement& e) {
  for (const char* table :
       {"engagement_themes", "engagement_beneficiaries", "engagement_groups", "engagement_notifications"})
    connection.query(fmt::format("DELETE FROM {} WHERE engagement_id = ?", table), db::Params(e.id));
  for (const auto& theme : e.themes)
    connection.query("INSERT INTO engagement_themes (engagement_id, theme) VALUES (?, ?)", db::Params(e.id, theme));
  for (const auto& country : e.beneficiary_countries)
    connection.query("INSERT INTO engagement_beneficiaries (engagement_id, country_code) VALUES (?, ?)",
                     db::Params(e.id, country));
  for (const auto& group : e.beneficiary_groups)
    connection.query("INSERT INTO engagement_groups (engagement_id, group_code) VALUES (?, ?)",
                     db::Params(e.id, group));
  std::int64_t position = 0;
  for (const auto& n : e.notifications)
    connection.query(
        "INSERT INTO engagement_notifications (engagement_id, position, organisation_id, notified_on, reference, "
        "note) VALUES (?, ?, ?, ?, ?, ?)",
        db::Params(e.id, ++position, n.organisation_id, n.notified_on, n.reference, n.note));
}

std::optional<std::string> amount_text(const Engagement& e) {
  if (!e.amount_minor || !e.currency) return std::nullopt;
  return money::format(*e.amount_minor, money::exponent(*e.currency));
}

kit::Kind<Engagement> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  kit::Kind<Engagement> k;
  k.name = "engagement";
  k.table = "engagements";
  k.alias = "e";
  k.select = fmt::format(kColumns, "e.description_fr, e.description_ar, e.description_en");
  // Lists leave the descriptions (up to 5,000 characters in each of three languages) to the detail.
  k.list_select = fmt::format(kColumns, "NULL, NULL, NULL");
  k.from_row = engagement_from;
  k.complete = complete;
  k.write_parts = write_parts;
  k.columns = {
      column("organisation_id", &Engagement::organisation_id),
      column("kind", &Engagement::kind),
      column("title_fr", &Engagement::title_fr),
      column("title_ar", &Engagement::title_ar),
      column("title_en", &Engagement::title_en),
      column("description_fr", &Engagement::description_fr),
      column("description_ar", &Engagement::description_ar),
      column("description_en", &Engagement::description_en),
      derived<Engagement>("sort_name", sort_name_of),
      column("starts_on", &Engagement::starts_on),
      column("ends_on", &Engagement::ends_on),
      column("renewed_on", &Engagement::renewed_on),
      derived<Engagement>("themes", [](const Engagement& e) { return text::joined(e.themes); }),
      derived<Engagement>("sdgs", [](const Engagement& e) { return numbers_joined(e.sdgs); }),
      derived<Engagement>("beneficiary_groups", [](const Engagement& e) { return text::joined(e.beneficiary_groups); }),
      derived<Engagement>("beneficiary_countries",
                          [](const Engagement& e) { return text::joined(e.beneficiary_countries); }),
      column("amount_minor", &Engagement::amount_minor),
      column("currency", &Engagement::currency),
      derived<Engagement>("search_key", search_key_of)};
  // Engagements without a start date come last either way (the databases place NULLs apart).
  k.sorts = {
      {"title", "e.sort_name {0}, e.id {0}"},
      {"starts_on", "CASE WHEN e.starts_on IS NULL THEN 1 ELSE 0 END, e.starts_on {0}, e.sort_name {0}, e.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const Engagement& e) { return can(actor, Action::read, e); };
  k.export_columns = {
      {"engagement_id", [](const Engagement& e, Language) { return std::to_string(e.id); }, true},
      {"kind", [](const Engagement& e, Language) { return e.kind; }},
      {"organisation_id", [](const Engagement& e, Language) { return std::to_string(e.organisation_id); }, true},
      {"organisation", [](const Engagement& e, Language language) { return e.organisation_name.in(language); }},
      {"title_fr", [](const Engagement& e, Language) { return cell(e.title_fr); }},
      {"title_ar", [](const Engagement& e, Language) { return cell(e.title_ar); }},
      {"title_en", [](const Engagement& e, Language) { return cell(e.title_en); }},
      {"starts_on", [](const Engagement& e, Language) { return cell(e.starts_on); }},
      {"ends_on", [](const Engagement& e, Language) { return cell(e.ends_on); }},
      {"renewed_on", [](const Engagement& e, Language) { return cell(e.renewed_on); }},
      {"themes", [](const Engagement& e, Language) { return text::joined(e.themes); }},
      {"sdgs", [](const Engagement& e, Language) { return numbers_joined(e.sdgs); }},
      {"beneficiary_groups", [](const Engagement& e, Language) { return text::joined(e.beneficiary_groups); }},
      {"beneficiary_countries", [](const Engagement& e, Language) { return text::joined(e.beneficiary_countries); }},
      // The amount as the decimal string it was typed as (ADR 0016), never a float.
      {"amount", [](const Engagement& e, Language) { return cell(amount_text(e)); }},
      {"currency", [](const Engagement& e, Language) { return cell(e.currency); }},
      {"created_at", [](const Engagement& e, Language) { return e.created_at; }},
      {"updated_at", [](const Engagement& e, Language) { return e.updated_at; }}};
  return k;
}

}  // namespace

std::string benefits_condition(std::string_view engagement_id) {
  return fmt::format(
      "(EXISTS (SELECT 1 FROM engagement_beneficiaries b WHERE b.engagement_id = {0} AND b.country_code = c.code) OR "
      "EXISTS (SELECT 1 FROM engagement_groups g WHERE g.engagement_id = {0} AND ({1})))",
      engagement_id, kGroupMatch);
}

const kit::Kind<Engagement>& kind() {
  static const kit::Kind<Engagement> engagement_kind = make_kind();
  return engagement_kind;
}

std::optional<Engagement> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<Engagement>& listed, Language language) {
  return kit::export_table(kind(), listed, language);
}

std::string snapshot_json(const Engagement& e) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json notifications = nlohmann::json::array();
  for (const auto& n : e.notifications)
    notifications.push_back({{"organisation_id", optional(n.organisation_id)},
                             {"notified_on", optional(n.notified_on)},
                             {"reference", optional(n.reference)},
                             {"note", optional(n.note)}});
  nlohmann::json json = {{"organisation_id", e.organisation_id},
                         {"kind", e.kind},
                         {"title_fr", optional(e.title_fr)},
                         {"title_ar", optional(e.title_ar)},
                         {"title_en", optional(e.title_en)},
                         {"description_fr", optional(e.description_fr)},
                         {"description_ar", optional(e.description_ar)},
                         {"description_en", optional(e.description_en)},
                         {"starts_on", optional(e.starts_on)},
                         {"ends_on", optional(e.ends_on)},
                         {"renewed_on", optional(e.renewed_on)},
                         {"themes", e.themes},
                         {"sdgs", e.sdgs},
                         {"beneficiary_groups", e.beneficiary_groups},
                         {"beneficiary_countries", e.beneficiary_countries},
                         {"amount", optional(amount_text(e))},
                         {"currency", optional(e.currency)},
                         {"notifications", notifications},
                         {"version", e.version}};
  return json.dump();
}

// The titles only: the organisation's names are searched in the organisation's own row (list()).
std::string search_key_of(const Engagement& e) {
  return text::search_key(
      fmt::format("{} {} {}", e.title_fr.value_or(""), e.title_ar.value_or(""), e.title_en.value_or("")));
}

std::string sort_name_of(const Engagement& e) {
  return text::search_key(e.title_fr ? *e.title_fr : e.title_en ? *e.title_en : e.title_ar.value_or(""));
}

}  // namespace taawun::engagements
