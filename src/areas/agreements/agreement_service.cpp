// Agreement use cases, each inside one transaction with its audit entry. What is the area's own:
// the life cycle, the dates' order, the parties (each once, a triangular agreement's three
// sides), the amounts in their currency's decimals and the chain of amendments.
#include <fmt/format.h>

#include <set>

#include "areas/agreements/agreement.hpp"
#include "areas/agreements/agreement_store.hpp"
#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "core/money.hpp"
#include "domain/drafts.hpp"
#include "domain/kit/record_import.hpp"

namespace taawun::agreements {

std::vector<std::string_view> next_statuses(std::string_view status) {
  if (status == "draft") return {"negotiated"};
  if (status == "negotiated") return {"signed"};
  if (status == "signed") return {"in_force"};
  if (status == "in_force") return {"suspended", "expired", "terminated"};
  if (status == "suspended") return {"in_force", "terminated"};
  return {};  // expired, terminated
}

namespace {

// The date `days` after (or before) an ISO date; both are valid dates here.
std::string shifted(const std::string& date, std::int64_t days) {
  return clock::iso8601(*clock::parse_iso8601(date) + std::chrono::hours(24 * days)).substr(0, 10);
}

// Dates an agreement must have from a status on: a signed agreement has its signature date, one
// that entered into force its date of entry into force.
bool is_signed(std::string_view status) {
  return status != "draft" && status != "negotiated";
}
bool has_entered_into_force(std::string_view status) {
  return is_signed(status) && status != "signed";
}

// A party as drafted → a party as stored, every problem at its path ("parties[2].currency").
Party party_from(db::Connection& connection, const PartyDraft& draft, const std::string& at,
                 std::vector<FieldError>& problems) {
  Party party;
  party.country_code = upper_cased(cleaned(draft.country));
  party.organisation_id = draft.organisation_id;
  party.currency = upper_cased(cleaned(draft.currency));
  party.in_kind = cleaned(draft.in_kind);
  if (party.country_code.has_value() == party.organisation_id.has_value())
    problems.push_back({at, "country_or_organisation"});
  if (party.country_code && !reference::find_country(connection, *party.country_code))
    problems.push_back({at + ".country", "unknown_country"});
  if (party.organisation_id && !organisation_exists(connection, *party.organisation_id))
    problems.push_back({at + ".organisation_id", "unknown_organisation"});
  if (draft.roles.empty()) problems.push_back({at + ".roles", "required"});
  std::set<std::string> roles;
  for (std::size_t i = 0; i < draft.roles.size(); ++i) {
    std::string role = text::trim(draft.roles[i]);
    if (!is_one_of(role, kRoles))
      problems.push_back({fmt::format("{}.roles[{}]", at, i), "invalid_choice", {{"choices", listed(kRoles)}}});
    else if (roles.insert(role).second)
      party.roles.push_back(role);  // a role given twice is that role
  }
  check_length(problems, at + ".in_kind", party.in_kind, kMaxInKindLength);
  bool currency_known = false;
  if (party.currency) {
    currency_known = reference_code_exists(connection, ReferenceTable::currencies, *party.currency);
    if (!currency_known) problems.push_back({at + ".currency", "unknown_code", {{"codelist", "ISO 4217"}}});
  } else if (draft.amount || draft.in_kind_value) {
    problems.push_back({at + ".currency", "required_with_amount"});
  }
  if (currency_known) {
    int decimals = money::exponent(*party.currency);
    party.amount_minor = check_amount(problems, at + ".amount", cleaned(draft.amount), decimals);
    party.in_kind_value_minor = check_amount(problems, at + ".in_kind_value", cleaned(draft.in_kind_value), decimals);
  }
  if (draft.in_kind_value && !party.in_kind) problems.push_back({at + ".in_kind", "required_with_amount"});
  return party;
}

void check_parties(db::Connection& connection, Agreement& record, const std::vector<PartyDraft>& drafts,
                   std::vector<FieldError>& problems) {
  record.parties.clear();
  if (drafts.size() > kMaxParties) {
    problems.push_back({"parties", "too_many", {{"max", std::to_string(kMaxParties)}}});
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    std::string at = fmt::format("parties[{}]", i);
    Party party = party_from(connection, drafts[i], at, problems);
    std::string key = party.country_code ? "country " + *party.country_code
                                         : "organisation " + std::to_string(party.organisation_id.value_or(0));
    if ((party.country_code || party.organisation_id) && !seen.insert(key).second)
      problems.push_back({at, "duplicate"});
    record.parties.push_back(std::move(party));
  }
}

// A triangular agreement joins a funder, a beneficiary and Morocco.
void check_triangle(const Agreement& record, std::vector<FieldError>& problems) {
  if (record.modality != "triangular" && record.kind != "triangular") return;
  auto any = [&](auto predicate) { return std::any_of(record.parties.begin(), record.parties.end(), predicate); };
  if (!any([](const Party& p) { return p.has_role("funder"); })) problems.push_back({"parties", "needs_funder"});
  if (!any([](const Party& p) { return p.has_role("beneficiary"); }))
    problems.push_back({"parties", "needs_beneficiary"});
  if (!any([](const Party& p) { return p.country_code == kMorocco; })) problems.push_back({"parties", "needs_morocco"});
}

// The agreement amended or replaced must exist, and following the chain up from it must never
// come back to this one.
void check_parent(db::Connection& connection, const Agreement& record, std::vector<FieldError>& problems) {
  if (!record.parent_agreement_id) {
    if (record.parent_relation) problems.push_back({"parent_agreement_id", "required"});
    return;
  }
  if (!record.parent_relation) problems.push_back({"parent_relation", "required"});
  if (record.id != 0 && *record.parent_agreement_id == record.id) {
    problems.push_back({"parent_agreement_id", "parent_cycle"});
    return;
  }
  std::optional<std::int64_t> cursor = record.parent_agreement_id;
  for (int depth = 0; cursor && depth < 100; ++depth) {
    auto rows = connection.query("SELECT parent_agreement_id FROM agreements WHERE id = ?", db::Params(*cursor));
    if (rows.empty()) {
      if (depth == 0) problems.push_back({"parent_agreement_id", "unknown_record"});
      return;
    }
    cursor = rows.front().optional_integer(0);
    if (cursor && record.id != 0 && *cursor == record.id) {
      problems.push_back({"parent_agreement_id", "parent_cycle"});
      return;
    }
  }
}

void check_dates(Agreement& record, std::vector<FieldError>& problems) {
  bool signed_ok = check_date(problems, "signed_on", record.signed_on);
  bool in_force_ok = check_date(problems, "in_force_on", record.in_force_on);
  bool expires_ok = check_date(problems, "expires_on", record.expires_on);
  if (signed_ok && in_force_ok && *record.in_force_on < *record.signed_on)
    problems.push_back({"in_force_on", "before_signature"});
  if (expires_ok && in_force_ok && *record.expires_on < *record.in_force_on)
    problems.push_back({"expires_on", "before_entry_into_force"});
  else if (expires_ok && signed_ok && *record.expires_on < *record.signed_on)
    problems.push_back({"expires_on", "before_signature"});
  if (is_signed(record.status) && !record.signed_on)
    problems.push_back({"signed_on", "required_for_status", {{"status", record.status}}});
  if (has_entered_into_force(record.status) && !record.in_force_on)
    problems.push_back({"in_force_on", "required_for_status", {{"status", record.status}}});

  // Tacit renewal: for how long each time, and the notice to give before the expiry.
  if (record.renewal == "tacit") {
    if (!record.renewal_months) problems.push_back({"renewal_months", "required_for_tacit_renewal"});
    if (!record.expires_on) problems.push_back({"expires_on", "required_for_tacit_renewal"});
  } else {
    if (record.renewal_months) problems.push_back({"renewal_months", "only_with_tacit_renewal"});
    if (record.notice_days) problems.push_back({"notice_days", "only_with_tacit_renewal"});
  }
  check_range(problems, "renewal_months", record.renewal_months, 1, kMaxRenewalMonths);
  check_range(problems, "notice_days", record.notice_days, 0, kMaxNoticeDays);
  record.notice_on.reset();
  if (expires_ok && record.notice_days && *record.notice_days >= 0 && *record.notice_days <= kMaxNoticeDays)
    record.notice_on = shifted(*record.expires_on, -*record.notice_days);
}

void check_codes(db::Connection& connection, Agreement& record, std::vector<FieldError>& problems) {
  if (record.domains.size() > kMaxDomains)
    problems.push_back({"domains", "too_many", {{"max", std::to_string(kMaxDomains)}}});
  std::vector<std::string> domains;
  for (std::size_t i = 0; i < record.domains.size() && i < kMaxDomains; ++i) {
    std::string code = text::trim(record.domains[i]);
    if (!reference_code_exists(connection, ReferenceTable::cooperation_domains, code))
      problems.push_back({fmt::format("domains[{}]", i), "unknown_code", {{"codelist", "cooperation_domains"}}});
    else if (!is_in(domains, code))
      domains.push_back(code);
  }
  record.domains = domains;
  if (record.sectors.size() > kMaxSectors)
    problems.push_back({"sectors", "too_many", {{"max", std::to_string(kMaxSectors)}}});
  std::vector<std::string> sectors;
  for (std::size_t i = 0; i < record.sectors.size() && i < kMaxSectors; ++i) {
    std::string code = text::trim(record.sectors[i]);
    auto entry = reference::find_code(connection, "Sector", code);
    if (!entry || entry->withdrawn)
      problems.push_back({fmt::format("sectors[{}]", i), "unknown_code", {{"codelist", "Sector"}}});
    else if (!is_in(sectors, code))
      sectors.push_back(code);
  }
  record.sectors = sectors;
}

// Applies a draft onto a record (a blank one for creation) and checks the result as a whole.
Result<Agreement> apply(db::Connection& connection, Agreement record, const AgreementDraft& draft, bool creating) {
  std::vector<FieldError> problems;
  if (draft.kind.present) record.kind = cleaned(draft.kind.value).value_or("");
  if (draft.modality.present) record.modality = cleaned(draft.modality.value).value_or("");
  if (draft.title_fr.present) record.title_fr = cleaned(draft.title_fr.value);
  if (draft.title_ar.present) record.title_ar = cleaned(draft.title_ar.value);
  if (draft.title_en.present) record.title_en = cleaned(draft.title_en.value);
  if (draft.summary_fr.present) record.summary_fr = cleaned(draft.summary_fr.value);
  if (draft.summary_ar.present) record.summary_ar = cleaned(draft.summary_ar.value);
  if (draft.summary_en.present) record.summary_en = cleaned(draft.summary_en.value);
  if (draft.reference.present) record.reference = cleaned(draft.reference.value);
  if (draft.signature_place.present) record.signature_place = cleaned(draft.signature_place.value);
  if (draft.signed_on.present) record.signed_on = cleaned(draft.signed_on.value);
  if (draft.in_force_on.present) record.in_force_on = cleaned(draft.in_force_on.value);
  if (draft.expires_on.present) record.expires_on = cleaned(draft.expires_on.value);
  if (draft.renewal.present) record.renewal = cleaned(draft.renewal.value).value_or("");
  if (draft.parent_relation.present) record.parent_relation = cleaned(draft.parent_relation.value);
  draft.renewal_months.apply_to(record.renewal_months);
  draft.notice_days.apply_to(record.notice_days);
  draft.parent_agreement_id.apply_to(record.parent_agreement_id);
  if (draft.domains.present) record.domains = draft.domains.value.value_or(std::vector<std::string>());
  if (draft.sectors.present) record.sectors = draft.sectors.value.value_or(std::vector<std::string>());
  if (draft.parties.present)
    check_parties(connection, record, draft.parties.value.value_or(std::vector<PartyDraft>()), problems);

  // A new agreement is recorded in the state it is in (the agency registers agreements signed
  // long ago); afterwards the status moves only along the life cycle.
  if (draft.status.present) {
    std::string wanted = cleaned(draft.status.value).value_or("");
    if (wanted.empty())
      problems.push_back({"status", "required"});
    else if (!is_one_of(wanted, kStatuses))
      problems.push_back({"status", "invalid_choice", {{"choices", listed(kStatuses)}}});
    else if (!creating && wanted != record.status) {
      auto allowed = next_statuses(record.status);
      if (allowed.empty())
        problems.push_back({"status", "status_final", {{"status", record.status}}});
      else if (!is_one_of(wanted, allowed))
        problems.push_back(
            {"status", "transition_not_allowed", {{"from", record.status}, {"allowed", listed(allowed)}}});
      else
        record.status = wanted;
    } else {
      record.status = wanted;
    }
  }

  if (record.kind.empty())
    problems.push_back({"kind", "required"});
  else
    check_choice(problems, "kind", record.kind, kKinds);
  if (record.modality.empty())
    problems.push_back({"modality", "required"});
  else
    check_choice(problems, "modality", record.modality, kModalities);
  if (record.renewal.empty())
    problems.push_back({"renewal", "required"});
  else
    check_choice(problems, "renewal", record.renewal, kRenewals);
  check_choice(problems, "parent_relation", record.parent_relation, kRelations);
  if (!record.title_fr && !record.title_ar && !record.title_en) problems.push_back({"title_fr", "one_title_required"});
  check_length(problems, "title_fr", record.title_fr, kMaxTitleLength);
  check_length(problems, "title_ar", record.title_ar, kMaxTitleLength);
  check_length(problems, "title_en", record.title_en, kMaxTitleLength);
  check_length(problems, "summary_fr", record.summary_fr, kMaxSummaryLength);
  check_length(problems, "summary_ar", record.summary_ar, kMaxSummaryLength);
  check_length(problems, "summary_en", record.summary_en, kMaxSummaryLength);
  check_length(problems, "reference", record.reference, kMaxReferenceLength);
  check_length(problems, "signature_place", record.signature_place, kMaxPlaceLength);
  if (record.reference) {
    auto holder = find_by_reference(connection, *record.reference);
    if (holder && *holder != record.id) problems.push_back({"reference", "already_taken"});
  }
  check_dates(record, problems);
  check_codes(connection, record, problems);
  check_triangle(record, problems);
  check_parent(connection, record, problems);
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

}  // namespace

Result<Page<Agreement>> list(db::Connection& connection, const accounts::Actor& actor, const AgreementFilter& filter) {
  kit::Where where;
  where.equals("a.kind", filter.kind)
      .equals("a.modality", filter.modality)
      .equals("a.status", filter.status)
      .text("a.search_key", filter.text);
  if (filter.country)
    where.add("EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.country_code = ?)",
              *filter.country);
  if (filter.domain)
    where.add("EXISTS (SELECT 1 FROM agreement_domains d WHERE d.agreement_id = a.id AND d.domain = ?)",
              *filter.domain);
  if (filter.signed_year)
    where.add("a.signed_on >= ? AND a.signed_on <= ?", fmt::format("{:04}-01-01", *filter.signed_year),
              fmt::format("{:04}-12-31", *filter.signed_year));
  // Still running, and its expiry or its last day to give notice falls between today and then.
  if (filter.expiring_within) {
    std::string today = today_iso_date(), until = shifted(today, *filter.expiring_within);
    where.add(
        "a.status IN ('in_force', 'suspended') AND ((a.expires_on >= ? AND a.expires_on <= ?) OR "
        "(a.notice_on >= ? AND a.notice_on <= ?))",
        today, until, today, until);
  }
  Scope scope = visible_scope(actor);
  // A partner focal point lists the agreements one of its countries is a party to (the shared
  // scope rule: an empty scope matches nothing).
  if (!scope.all)
    where.append([&](std::string& sql, db::Params& params) {
      sql += " AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id";
      append_in_scope(sql, params, "p.country_code", scope.countries);
      sql += ")";
    });
  return kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<Agreement> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<Outcomes> outcomes(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  db::Transaction transaction(connection, db::TransactionKind::read);
  TAAWUN_TRY(agreement, get(connection, actor, id));
  Outcomes result;
  for (const auto& row : connection
                             .query("SELECT id, title_fr, title_ar, title_en, start_year, end_year FROM programmes "
                                    "WHERE agreement_id = ? ORDER BY start_year, id",
                                    db::Params(agreement.id))
                             .rows)
    result.programmes.push_back(LinkedProgramme{
        row.integer(0),
        {row.optional_text(1).value_or(""), row.optional_text(2).value_or(""), row.optional_text(3).value_or("")},
        row.optional_integer(4),
        row.optional_integer(5)});
  // An action counts once, whether it names the agreement or its programme does.
  for (const auto& row :
       connection
           .query("SELECT SUBSTR(a.start_date, 1, 4), COUNT(DISTINCT a.id), COUNT(n.id) FROM actions a LEFT JOIN "
                  "nominations n ON n.action_id = a.id AND n.state = 'completed' WHERE a.agreement_id = ? OR "
                  "a.programme_id IN (SELECT p.id FROM programmes p WHERE p.agreement_id = ?) GROUP BY "
                  "SUBSTR(a.start_date, 1, 4) ORDER BY 1",
                  db::Params(agreement.id, agreement.id))
           .rows) {
    YearOutcome year{std::stoll(row.text(0)), row.integer(1), row.integer(2)};
    result.actions += year.actions;
    result.participants_completed += year.participants_completed;
    result.by_year.push_back(year);
  }
  transaction.commit();
  return result;
}

Result<Agreement> create(db::Connection& connection, const accounts::Actor& actor, const AgreementDraft& draft) {
  return kit::plain_create(connection, kind(), actor, can(actor, Action::create),
                           [&](Agreement blank) { return apply(connection, std::move(blank), draft, true); });
}

Result<Agreement> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                         std::int64_t expected_version, const AgreementDraft& draft) {
  return kit::plain_update(
      connection, kind(), actor, id, expected_version,
      [&](const Agreement& current) { return can(actor, Action::update, current); },
      [&](Agreement current) { return apply(connection, std::move(current), draft, false); });
}

Result<Agreement> update_contributions(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                       std::int64_t expected_version, const std::vector<PartyDraft>& contributions,
                                       std::vector<FieldError> input_problems) {
  return kit::plain_update(
      connection, kind(), actor, id, expected_version,
      [&](const Agreement& current) { return can(actor, Action::update_contributions, current); },
      [&](Agreement current) -> Result<Agreement> {
        if (contributions.size() != current.parties.size())
          input_problems.push_back(
              {"parties", "one_per_party", {{"expected", std::to_string(current.parties.size())}}});
        TAAWUN_CHECK(report(std::move(input_problems), {}));
        AgreementDraft draft;
        // The parties as they are, with the money given: the same checks as any update (the
        // currency's decimals, a value in kind needs its description, the funders' shares).
        std::vector<PartyDraft> parties;
        for (std::size_t i = 0; i < current.parties.size(); ++i) {
          const Party& party = current.parties[i];
          PartyDraft kept{party.country_code,
                          party.organisation_id,
                          party.roles,
                          contributions[i].amount,
                          contributions[i].currency,
                          party.in_kind,
                          contributions[i].in_kind_value};
          parties.push_back(std::move(kept));
        }
        draft.parties.present = true;
        draft.parties.value = std::move(parties);
        return apply(connection, std::move(current), draft, false);
      });
}

Result<imports::ImportReport> import_agreements(db::Connection& connection, const accounts::Actor& actor,
                                                const spreadsheet::Table& table,
                                                const imports::ImportOptions& options) {
  return kit::import_rows(
      connection, kind(), actor, can(actor, Action::create), table, import_spec(), options,
      [&](Agreement blank, const AgreementDraft& draft) { return apply(connection, std::move(blank), draft, true); });
}

}  // namespace taawun::agreements
