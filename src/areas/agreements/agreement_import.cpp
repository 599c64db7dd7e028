// The register of agreements from a spreadsheet (issue 15, "Exports and imports"): one agreement
// a row, in the template's columns, each row taken through the same `apply` as the form. The
// parties are one cell, as a clerk types them: parties separated by ";" (or a line break), each
// party "WHO:roles[:amount CURRENCY]" — WHO a country's ISO code or "#" and an organisation's
// number, roles separated by commas — e.g. "MA:signatory,implementer; SN:beneficiary; #12:funder:250000 USD".
#include <fmt/format.h>

#include <charconv>

#include "areas/agreements/agreement.hpp"
#include "areas/agreements/agreement_store.hpp"
#include "domain/kit/record_import.hpp"

namespace taawun::agreements {
namespace {

std::vector<std::string> split(std::string_view text, std::string_view separators) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) end = text.size();
    parts.push_back(text::trim(text.substr(start, end - start)));
    start = end + 1;
  }
  return parts;
}

bool is_currency_code(std::string_view word) {
  return word.size() == 3 && std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(c); });
}

// One party as typed, or nothing when it does not follow the pattern.
std::optional<PartyDraft> party_of(const std::string& text) {
  auto parts = split(text, ":");
  if (parts.size() < 2 || parts.size() > 3 || parts[0].empty()) return std::nullopt;
  PartyDraft party;
  if (parts[0].starts_with('#')) {
    std::int64_t id = 0;
    std::string_view digits = std::string_view(parts[0]).substr(1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error != std::errc{} || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
    party.organisation_id = id;
  } else {
    party.country = parts[0];
  }
  std::string roles = parts[1];
  std::replace(roles.begin(), roles.end(), ',', ' ');
  party.roles = text::words(roles);
  if (parts.size() == 3 && !parts[2].empty()) {
    auto money = text::words(parts[2]);
    if (money.size() != 2) return std::nullopt;
    // "250000 USD" or "USD 250000".
    bool currency_first = is_currency_code(money[0]) && !is_currency_code(money[1]);
    party.currency = currency_first ? money[0] : money[1];
    party.amount = currency_first ? money[1] : money[0];
  }
  return party;
}

void read_parties(const kit::ImportRow& row, AgreementDraft& draft) {
  std::string cell = row.cell("parties");
  if (cell.empty()) return;
  std::vector<PartyDraft> parties;
  for (const auto& text : split(cell, ";\n")) {
    if (text.empty()) continue;
    auto party = party_of(text);
    if (!party) {
      // The whole cell is set aside: its parties' positions would not be the ones written.
      draft.input_problems.push_back({"parties", "invalid_party", {{"party", text}}});
      return;
    }
    parties.push_back(std::move(*party));
  }
  draft.parties.set(std::move(parties));
}

AgreementDraft draft_of(const kit::ImportRow& row) {
  AgreementDraft draft;
  for (auto [column, field] : {std::pair{"reference", &draft.reference},
                               {"kind", &draft.kind},
                               {"modality", &draft.modality},
                               {"status", &draft.status},
                               {"title_fr", &draft.title_fr},
                               {"title_ar", &draft.title_ar},
                               {"title_en", &draft.title_en},
                               {"summary_fr", &draft.summary_fr},
                               {"summary_ar", &draft.summary_ar},
                               {"summary_en", &draft.summary_en},
                               {"signature_place", &draft.signature_place},
                               {"renewal", &draft.renewal},
                               {"parent_relation", &draft.parent_relation}})
    row.text(column, *field);
  row.date("signed_on", draft.signed_on);
  row.date("in_force_on", draft.in_force_on);
  row.date("expires_on", draft.expires_on);
  row.integer("renewal_months", draft.renewal_months, draft.input_problems);
  row.integer("notice_days", draft.notice_days, draft.input_problems);
  row.integer("parent_agreement_id", draft.parent_agreement_id, draft.input_problems);
  row.codes("domains", draft.domains);
  row.codes("sectors", draft.sectors);
  read_parties(row, draft);
  return draft;
}

kit::ImportSpec<AgreementDraft> make_spec() {
  kit::ImportSpec<AgreementDraft> spec;
  spec.columns = {"reference",      "kind",           "modality",
                  "status",         "title_fr",       "title_ar",
                  "title_en",       "summary_fr",     "summary_ar",
                  "summary_en",     "parties",        "signature_place",
                  "signed_on",      "in_force_on",    "expires_on",
                  "renewal",        "renewal_months", "notice_days",
                  "domains",        "sectors",        "parent_agreement_id",
                  "parent_relation"};
  // What the list's export adds for reading (its "countries" are the parties' countries: the
  // parties column is what an import reads).
  spec.ignored = {"agreement_id", "countries", "notice_on", "created_at", "updated_at"};
  spec.required = {{"kind"}, {"modality"}, {"title_fr", "title_ar", "title_en"}};
  spec.draft_of = draft_of;
  return spec;
}

}  // namespace

const kit::ImportSpec<AgreementDraft>& import_spec() {
  static const kit::ImportSpec<AgreementDraft> spec = make_spec();
  return spec;
}

const std::vector<std::string>& import_template_columns() {
  return import_spec().columns;
}

}  // namespace taawun::agreements
