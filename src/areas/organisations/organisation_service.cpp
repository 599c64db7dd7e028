// Organisation use cases, each inside one transaction with its audit entry.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "areas/organisations/organisation.hpp"
#include "areas/organisations/organisation_store.hpp"
#include "areas/reference/reference.hpp"
#include "core/text.hpp"

namespace taawun::organisations {
namespace {

// IATI organisation identifier: registration agency prefix, hyphen, identifier
// (https://iatistandard.org/en/guidance/preparing-organisation/organisation-account/how-to-create-your-iati-organisation-identifier/).
const std::regex kIatiIdentifier("^[A-Za-z0-9]{2,}-[A-Za-z0-9._:/-]+$");
const std::regex kWebsite("^https?://[^\\s/$.?#][^\\s]*$", std::regex::icase);
const std::regex kEmail("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
const std::regex kPhone("^[0-9+() .-]{3,40}$");

// Applies a draft onto a record (a blank one for creation) and checks the result as a whole.
Result<Organisation> apply(db::Connection& connection, Organisation record, const OrganisationDraft& draft) {
  std::vector<FieldError> problems;
  if (draft.kind.present) record.kind = cleaned(draft.kind.value).value_or("");
  if (draft.name_fr.present) record.name_fr = cleaned(draft.name_fr.value);
  if (draft.name_ar.present) record.name_ar = cleaned(draft.name_ar.value);
  if (draft.name_en.present) record.name_en = cleaned(draft.name_en.value);
  if (draft.acronym.present) record.acronym = cleaned(draft.acronym.value);
  if (draft.country.present) record.country_code = upper_cased(cleaned(draft.country.value));
  if (draft.iati_identifier.present) record.iati_identifier = cleaned(draft.iati_identifier.value);
  if (draft.website.present) record.website = cleaned(draft.website.value);
  if (draft.address.present) record.address = cleaned(draft.address.value);
  if (draft.parent_id.present) record.parent_id = draft.parent_id.value;
  if (draft.contacts.present) record.contacts = draft.contacts.value.value_or(std::vector<Contact>{});

  if (record.kind.empty())
    problems.push_back({"kind", "required"});
  else if (!reference::find_code(connection, "OrganisationType", record.kind))
    problems.push_back({"kind", "unknown_code", {{"codelist", "OrganisationType"}}});
  if (!record.name_fr && !record.name_ar && !record.name_en) {
    problems.push_back({"name_fr", "one_name_required"});
  }
  check_length(problems, "name_fr", record.name_fr, kMaxNameLength);
  check_length(problems, "name_ar", record.name_ar, kMaxNameLength);
  check_length(problems, "name_en", record.name_en, kMaxNameLength);
  check_length(problems, "acronym", record.acronym, kMaxAcronymLength);
  check_length(problems, "address", record.address, kMaxAddressLength);
  if (record.country_code && !reference::find_country(connection, *record.country_code))
    problems.push_back({"country", "unknown_country"});
  if (record.iati_identifier) {
    if (record.iati_identifier->size() > 100)
      problems.push_back({"iati_identifier", "too_long", {{"max", "100"}}});
    else if (!std::regex_match(*record.iati_identifier, kIatiIdentifier))
      problems.push_back({"iati_identifier", "invalid_iati_identifier"});
    else if (!connection
                  .query("SELECT 1 FROM organisations WHERE iati_identifier = ? AND id <> ?",
                         db::Params(*record.iati_identifier, record.id))
                  .empty())
      problems.push_back({"iati_identifier", "already_taken"});
  }
  if (record.website) {
    if (record.website->size() > kMaxWebsiteLength)
      problems.push_back({"website", "too_long", {{"max", std::to_string(kMaxWebsiteLength)}}});
    else if (!std::regex_match(*record.website, kWebsite))
      problems.push_back({"website", "invalid_url"});
  }
  if (record.parent_id) {
    if (record.id != 0 && *record.parent_id == record.id) {
      problems.push_back({"parent_id", "parent_cycle"});
    } else {
      // Walk up from the new parent: reaching this record again would make a cycle.
      std::optional<std::int64_t> cursor = record.parent_id;
      bool exists = true;
      for (int depth = 0; cursor && depth < 100; ++depth) {
        auto rows = connection.query("SELECT parent_id FROM organisations WHERE id = ?", db::Params(*cursor));
        if (rows.empty()) {
          exists = depth > 0;
          break;
        }
        cursor = rows.front().optional_integer(0);
        if (cursor && record.id != 0 && *cursor == record.id) {
          problems.push_back({"parent_id", "parent_cycle"});
          break;
        }
      }
      if (!exists) problems.push_back({"parent_id", "unknown_organisation"});
    }
  }
  if (record.contacts.size() > kMaxContacts)
    problems.push_back({"contacts", "too_many", {{"max", std::to_string(kMaxContacts)}}});
  for (std::size_t i = 0; i < record.contacts.size() && i < kMaxContacts; ++i) {
    auto& contact = record.contacts[i];
    contact.name = text::trim(contact.name);
    contact.email = text::trim(contact.email);
    contact.phone = text::trim(contact.phone);
    contact.role = text::trim(contact.role);
    std::string at = fmt::format("contacts[{}].", i);
    if (contact.name.empty()) problems.push_back({at + "name", "required"});
    check_length(problems, at + "name", contact.name, 200);
    check_length(problems, at + "role", contact.role, 100);
    if (!contact.email.empty() && (contact.email.size() > 254 || !std::regex_match(contact.email, kEmail)))
      problems.push_back({at + "email", "invalid_email"});
    if (!contact.phone.empty() && !std::regex_match(contact.phone, kPhone))
      problems.push_back({at + "phone", "invalid_phone"});
  }
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

}  // namespace

std::string search_key_of(const Organisation& o) {
  return text::search_key(fmt::format("{} {} {} {} {}", o.name_fr.value_or(""), o.name_ar.value_or(""),
                                      o.name_en.value_or(""), o.acronym.value_or(""), o.iati_identifier.value_or("")));
}

std::string sort_name_of(const Organisation& o) {
  return text::search_key(o.name_fr ? *o.name_fr : o.name_en ? *o.name_en : o.name_ar.value_or(""));
}

Result<Page<Organisation>> list(db::Connection& connection, const accounts::Actor& actor,
                                const OrganisationFilter& filter) {
  kit::Where where;
  switch (filter.archived) {
    case OrganisationFilter::Archived::exclude:
      where.add("o.archived = 0");
      break;
    case OrganisationFilter::Archived::only:
      where.add("o.archived = 1");
      break;
    case OrganisationFilter::Archived::include:
      break;
  }
  where.equals("o.kind", filter.kind)
      .equals("o.country_code", filter.country)
      .equals("o.parent_id", filter.parent_id)
      .text("o.search_key", filter.text);
  // A scoped role sees its countries' organisations, or its own; without scope, none.
  Scope scope = visible_scope(actor);
  if (!scope.all) {
    if (!scope.countries.empty())
      where.in_scope("o.country_code", scope.countries);
    else
      where.in_scope("o.id", scope.ids);
  }
  return kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<Organisation> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<Organisation> create(db::Connection& connection, const accounts::Actor& actor, const OrganisationDraft& draft) {
  return kit::plain_create(connection, kind(), actor, can(actor, Action::create),
                           [&](Organisation blank) { return apply(connection, std::move(blank), draft); });
}

Result<Organisation> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                            std::int64_t expected_version, const OrganisationDraft& draft) {
  return kit::plain_update(
      connection, kind(), actor, id, expected_version,
      [&](const Organisation& current) { return can(actor, Action::update, current); },
      [&](Organisation current) { return apply(connection, std::move(current), draft); });
}

Result<Organisation> set_archived(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                  std::int64_t expected_version, bool archived) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can(actor, Action::archive, current)) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  // Archiving an archived record changes nothing and is not an error.
  TAAWUN_TRY(changed, kit::set_archived(connection, kind(), actor, current, archived));
  transaction.commit();
  return changed;
}

}  // namespace taawun::organisations
