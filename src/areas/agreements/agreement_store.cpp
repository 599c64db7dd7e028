// The agreement as a record kind: SQL ↔ Agreement, its parties and domains, what create and
// update write, the sorts, the audit snapshot and the export columns.
#include "areas/agreements/agreement_store.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/money.hpp"
#include "core/text.hpp"

namespace taawun::agreements {
namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.kind, a.modality, a.status, a.title_fr, a.title_ar, a.title_en, {}, a.reference, "
    "a.signature_place, a.signed_on, a.in_force_on, a.expires_on, a.renewal, a.renewal_months, a.notice_days, "
    "a.notice_on, a.parent_agreement_id, a.parent_relation, a.domains, a.sectors, a.party_countries, a.version, "
    "a.created_at, a.updated_at FROM agreements a";

Agreement agreement_from(const db::Row& row, const reference::ReferenceNames&) {
  Agreement a;
  a.id = row.integer(0);
  a.kind = row.text(1);
  a.modality = row.text(2);
  a.status = row.text(3);
  a.title_fr = row.optional_text(4);
  a.title_ar = row.optional_text(5);
  a.title_en = row.optional_text(6);
  a.summary_fr = row.optional_text(7);
  a.summary_ar = row.optional_text(8);
  a.summary_en = row.optional_text(9);
  a.reference = row.optional_text(10);
  a.signature_place = row.optional_text(11);
  a.signed_on = row.optional_text(12);
  a.in_force_on = row.optional_text(13);
  a.expires_on = row.optional_text(14);
  a.renewal = row.text(15);
  a.renewal_months = row.optional_integer(16);
  a.notice_days = row.optional_integer(17);
  a.notice_on = row.optional_text(18);
  a.parent_agreement_id = row.optional_integer(19);
  a.parent_relation = row.optional_text(20);
  a.domains = text::words(row.text(21));
  a.sectors = text::words(row.text(22));
  a.party_countries = text::words(row.text(23));
  a.version = row.integer(24);
  a.created_at = row.text(25);
  a.updated_at = row.text(26);
  return a;
}

LinkedAgreement linked_from(const db::Row& row) {
  return LinkedAgreement{row.integer(0), row.text(1), row.optional_text(2),
                         LocalisedName{row.optional_text(3).value_or(""), row.optional_text(4).value_or(""),
                                       row.optional_text(5).value_or("")},
                         row.text(6)};
}

// The funders' shares of the money, when they all give in one currency (shares across
// currencies would need an exchange rate the agreement does not state).
void compute_funding_shares(std::vector<Party>& parties) {
  std::optional<std::string> currency;
  std::int64_t total = 0;
  for (const auto& party : parties) {
    if (!party.has_role("funder") || !party.amount_minor) continue;
    if (currency && *currency != party.currency) return;
    currency = party.currency;
    total += *party.amount_minor;
  }
  if (total <= 0) return;
  for (auto& party : parties)
    if (party.has_role("funder") && party.amount_minor)
      party.funding_share = 100.0 * static_cast<double>(*party.amount_minor) / static_cast<double>(total);
}

// The parties (with their names), and the chain of amendments both ways.
void complete(db::Connection& connection, Agreement& agreement) {
  const auto& names = *reference::names(connection);
  for (const auto& row :
       connection
           .query("SELECT p.country_code, p.organisation_id, p.roles, p.amount_minor, p.currency, p.in_kind, "
                  "p.in_kind_value_minor, o.name_fr, o.name_ar, o.name_en FROM agreement_parties p LEFT JOIN "
                  "organisations o ON o.id = p.organisation_id WHERE p.agreement_id = ? ORDER BY p.position",
                  db::Params(agreement.id))
           .rows) {
    Party party;
    party.country_code = row.optional_text(0);
    party.organisation_id = row.optional_integer(1);
    party.roles = text::words(row.text(2));
    party.amount_minor = row.optional_integer(3);
    party.currency = row.optional_text(4);
    party.in_kind = row.optional_text(5);
    party.in_kind_value_minor = row.optional_integer(6);
    party.name = party.country_code
                     ? names.country(*party.country_code)
                     : LocalisedName{row.optional_text(7).value_or(""), row.optional_text(8).value_or(""),
                                     row.optional_text(9).value_or("")};
    agreement.parties.push_back(std::move(party));
  }
  compute_funding_shares(agreement.parties);
  if (agreement.parent_agreement_id) {
    auto rows = connection.query(
        "SELECT a.id, ?, a.reference, a.title_fr, a.title_ar, a.title_en, a.status FROM agreements a WHERE a.id = ?",
        db::Params(agreement.parent_relation.value_or("amends"), *agreement.parent_agreement_id));
    if (!rows.empty()) agreement.parent = linked_from(rows.front());
  }
  for (const auto& row : connection
                             .query("SELECT a.id, a.parent_relation, a.reference, a.title_fr, a.title_ar, a.title_en, "
                                    "a.status FROM agreements a WHERE a.parent_agreement_id = ? ORDER BY a.signed_on, "
                                    "a.id",
                                    db::Params(agreement.id))
                             .rows)
    agreement.children.push_back(linked_from(row));
}

void write_parts(db::Connection& connection, const Agreement& a) {
  connection.query("DELETE FROM agreement_parties WHERE agreement_id = ?", db::Params(a.id));
  connection.query("DELETE FROM agreement_domains WHERE agreement_id = ?", db::Params(a.id));
  std::int64_t position = 0;
  for (const auto& p : a.parties)
    connection.query(
        "INSERT INTO agreement_parties (agreement_id, position, country_code, organisation_id, roles, amount_minor, "
        "currency, in_kind, in_kind_value_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        db::Params(a.id, ++position, p.country_code, p.organisation_id, text::joined(p.roles), p.amount_minor,
                   p.currency, p.in_kind, p.in_kind_value_minor));
  for (const auto& domain : a.domains)
    connection.query("INSERT INTO agreement_domains (agreement_id, domain) VALUES (?, ?)", db::Params(a.id, domain));
}

kit::Kind<Agreement> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  kit::Kind<Agreement> k;
  k.name = "agreement";
  k.table = "agreements";
  k.alias = "a";
  k.select = fmt::format(kColumns, "a.summary_fr, a.summary_ar, a.summary_en");
  // Lists leave the summaries (up to 5,000 characters in each of three languages) to the detail.
  k.list_select = fmt::format(kColumns, "NULL, NULL, NULL");
  k.from_row = agreement_from;
  k.complete = complete;
  k.write_parts = write_parts;
  k.columns = {column("kind", &Agreement::kind),
               column("modality", &Agreement::modality),
               column("status", &Agreement::status),
               column("title_fr", &Agreement::title_fr),
               column("title_ar", &Agreement::title_ar),
               column("title_en", &Agreement::title_en),
               column("summary_fr", &Agreement::summary_fr),
               column("summary_ar", &Agreement::summary_ar),
               column("summary_en", &Agreement::summary_en),
               derived<Agreement>("sort_name", sort_name_of),
               column("reference", &Agreement::reference),
               column("signature_place", &Agreement::signature_place),
               column("signed_on", &Agreement::signed_on),
               column("in_force_on", &Agreement::in_force_on),
               column("expires_on", &Agreement::expires_on),
               column("renewal", &Agreement::renewal),
               column("renewal_months", &Agreement::renewal_months),
               column("notice_days", &Agreement::notice_days),
               column("notice_on", &Agreement::notice_on),
               column("parent_agreement_id", &Agreement::parent_agreement_id),
               column("parent_relation", &Agreement::parent_relation),
               derived<Agreement>("domains", [](const Agreement& a) { return text::joined(a.domains); }),
               derived<Agreement>("sectors", [](const Agreement& a) { return text::joined(a.sectors); }),
               derived<Agreement>("party_countries",
                                  [](const Agreement& a) {
                                    std::vector<std::string> countries;
                                    for (const auto& p : a.parties)
                                      if (p.country_code) countries.push_back(*p.country_code);
                                    return text::joined(countries);
                                  }),
               derived<Agreement>("search_key", search_key_of)};
  // Agreements without the date sorted by come last either way (the databases place NULLs apart).
  k.sorts = {
      {"title", "a.sort_name {0}, a.id {0}"},
      {"signed_on", "CASE WHEN a.signed_on IS NULL THEN 1 ELSE 0 END, a.signed_on {0}, a.sort_name {0}, a.id {0}"},
      {"expires_on", "CASE WHEN a.expires_on IS NULL THEN 1 ELSE 0 END, a.expires_on {0}, a.sort_name {0}, a.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const Agreement& a) { return can(actor, Action::read, a); };
  k.export_columns = {
      {"agreement_id", [](const Agreement& a, Language) { return std::to_string(a.id); }, true},
      {"reference", [](const Agreement& a, Language) { return cell(a.reference); }},
      {"kind", [](const Agreement& a, Language) { return a.kind; }},
      {"modality", [](const Agreement& a, Language) { return a.modality; }},
      {"status", [](const Agreement& a, Language) { return a.status; }},
      {"title_fr", [](const Agreement& a, Language) { return cell(a.title_fr); }},
      {"title_ar", [](const Agreement& a, Language) { return cell(a.title_ar); }},
      {"title_en", [](const Agreement& a, Language) { return cell(a.title_en); }},
      {"countries", [](const Agreement& a, Language) { return text::joined(a.party_countries); }},
      {"parties", [](const Agreement& a, Language) { return parties_cell(a.parties); }},
      {"signature_place", [](const Agreement& a, Language) { return cell(a.signature_place); }},
      {"signed_on", [](const Agreement& a, Language) { return cell(a.signed_on); }},
      {"in_force_on", [](const Agreement& a, Language) { return cell(a.in_force_on); }},
      {"expires_on", [](const Agreement& a, Language) { return cell(a.expires_on); }},
      {"renewal", [](const Agreement& a, Language) { return a.renewal; }},
      {"renewal_months", [](const Agreement& a, Language) { return cell(a.renewal_months); }, true},
      {"notice_days", [](const Agreement& a, Language) { return cell(a.notice_days); }, true},
      {"notice_on", [](const Agreement& a, Language) { return cell(a.notice_on); }},
      {"domains", [](const Agreement& a, Language) { return text::joined(a.domains); }},
      {"sectors", [](const Agreement& a, Language) { return text::joined(a.sectors); }},
      {"parent_agreement_id", [](const Agreement& a, Language) { return cell(a.parent_agreement_id); }, true},
      {"parent_relation", [](const Agreement& a, Language) { return cell(a.parent_relation); }},
      {"created_at", [](const Agreement& a, Language) { return a.created_at; }},
      {"updated_at", [](const Agreement& a, Language) { return a.updated_at; }}};
  return k;
}

}  // namespace

bool Party::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

const kit::Kind<Agreement>& kind() {
  static const kit::Kind<Agreement> agreement_kind = make_kind();
  return agreement_kind;
}

std::optional<Agreement> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

std::optional<std::int64_t> find_by_reference(db::Connection& connection, const std::string& reference) {
  auto rows = connection.query("SELECT id FROM agreements WHERE reference = ?", db::Params(reference));
  if (rows.empty()) return std::nullopt;
  return rows.front().integer(0);
}

std::string parties_cell(const std::vector<Party>& parties) {
  std::vector<std::string> written;
  for (const auto& p : parties) {
    std::string party = p.country_code ? *p.country_code : "#" + std::to_string(p.organisation_id.value_or(0));
    party += ":" + fmt::format("{}", fmt::join(p.roles, ","));
    if (p.amount_minor && p.currency)
      party += fmt::format(":{} {}", money::format(*p.amount_minor, money::exponent(*p.currency)), *p.currency);
    written.push_back(std::move(party));
  }
  return fmt::format("{}", fmt::join(written, "; "));
}

// The list's rows carry no parties (the detail reads them): the export reads them for its rows,
// a few hundred agreements a query, so that its parties column imports again.
spreadsheet::Table export_table(db::Connection& connection, const std::vector<Agreement>& listed, Language language) {
  std::vector<Agreement> rows = listed;
  constexpr std::size_t kBatch = 500;
  for (std::size_t start = 0; start < rows.size(); start += kBatch) {
    std::map<std::int64_t, Agreement*> by_id;
    std::vector<std::int64_t> ids;
    for (std::size_t i = start; i < std::min(rows.size(), start + kBatch); ++i) {
      by_id[rows[i].id] = &rows[i];
      ids.push_back(rows[i].id);
    }
    std::string sql =
        "SELECT agreement_id, country_code, organisation_id, roles, amount_minor, currency FROM agreement_parties "
        "WHERE 1=1";
    db::Params params;
    append_in_scope(sql, params, "agreement_id", ids);
    for (const auto& row : connection.query(sql + " ORDER BY agreement_id, position", params).rows) {
      Party party;
      party.country_code = row.optional_text(1);
      party.organisation_id = row.optional_integer(2);
      party.roles = text::words(row.text(3));
      party.amount_minor = row.optional_integer(4);
      party.currency = row.optional_text(5);
      by_id[row.integer(0)]->parties.push_back(std::move(party));
    }
  }
  return kit::export_table(kind(), rows, language);
}

std::string snapshot_json(const Agreement& a) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json parties = nlohmann::json::array();
  for (const auto& p : a.parties)
    parties.push_back({{"country", optional(p.country_code)},
                       {"organisation_id", optional(p.organisation_id)},
                       {"roles", p.roles},
                       {"amount_minor", optional(p.amount_minor)},
                       {"currency", optional(p.currency)},
                       {"in_kind", optional(p.in_kind)},
                       {"in_kind_value_minor", optional(p.in_kind_value_minor)}});
  nlohmann::json json = {{"kind", a.kind},
                         {"modality", a.modality},
                         {"status", a.status},
                         {"title_fr", optional(a.title_fr)},
                         {"title_ar", optional(a.title_ar)},
                         {"title_en", optional(a.title_en)},
                         {"summary_fr", optional(a.summary_fr)},
                         {"summary_ar", optional(a.summary_ar)},
                         {"summary_en", optional(a.summary_en)},
                         {"reference", optional(a.reference)},
                         {"signature_place", optional(a.signature_place)},
                         {"signed_on", optional(a.signed_on)},
                         {"in_force_on", optional(a.in_force_on)},
                         {"expires_on", optional(a.expires_on)},
                         {"renewal", a.renewal},
                         {"renewal_months", optional(a.renewal_months)},
                         {"notice_days", optional(a.notice_days)},
                         {"parent_agreement_id", optional(a.parent_agreement_id)},
                         {"parent_relation", optional(a.parent_relation)},
                         {"domains", a.domains},
                         {"sectors", a.sectors},
                         {"parties", parties},
                         {"version", a.version}};
  return json.dump();
}

std::string search_key_of(const Agreement& a) {
  return text::search_key(fmt::format("{} {} {} {} {}", a.title_fr.value_or(""), a.title_ar.value_or(""),
                                      a.title_en.value_or(""), a.reference.value_or(""),
                                      a.signature_place.value_or("")));
}

std::string sort_name_of(const Agreement& a) {
  return text::search_key(a.title_fr ? *a.title_fr : a.title_en ? *a.title_en : a.title_ar.value_or(""));
}

}  // namespace taawun::agreements
