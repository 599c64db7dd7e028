// Certificate use cases: issuing once per completed nomination, reading, verifying a code.
#include <cctype>

#include "areas/actions/action.hpp"
#include "areas/audit/audit.hpp"
#include "areas/certificates/certificate.hpp"
#include "areas/certificates/certificate_store.hpp"
#include "areas/nominations/nomination.hpp"
#include "areas/people/person.hpp"
#include "core/clock.hpp"
#include "core/secrets.hpp"

namespace taawun::certificates {
namespace {

constexpr std::size_t kCodeLength = 12, kGroupLength = 4;

std::string grouped(const std::string& characters) {
  std::string code;
  for (std::size_t i = 0; i < characters.size(); ++i) {
    if (i > 0 && i % kGroupLength == 0) code.push_back('-');
    code.push_back(characters[i]);
  }
  return code;
}

// What the certificate will say, read from the records now.
Content content_of(db::Connection& connection, const nominations::Nomination& nomination) {
  Content content;
  auto person = people::find(connection, nomination.person_id);
  // A record merged into another is the same person: the surviving record holds their name.
  if (person && person->merged_into_id)
    if (auto survivor = people::find(connection, *person->merged_into_id)) person = std::move(survivor);
  if (person) {
    content.latin_name = person->latin_name;
    content.arabic_name = person->arabic_name;
    content.sex = person->sex;
  }
  if (auto action = actions::find(connection, nomination.action_id)) {
    content.action_title = action->title();
    content.action_type = action->type_name;
    content.country_name = action->country_name;
    content.city = action->city;
    content.start_date = action->start_date;
    content.end_date = action->end_date;
  }
  if (!nomination.attendance.empty()) {
    std::int64_t present = 0;
    for (const auto& day : nomination.attendance) present += day.present ? 1 : 0;
    content.days_present = present;
  }
  return content;
}

}  // namespace

std::string Content::participant_name(Language language) const {
  const auto& wanted = language == Language::ar ? arabic_name : latin_name;
  const auto& other = language == Language::ar ? latin_name : arabic_name;
  return wanted ? *wanted : other.value_or("");
}

std::string new_code() {
  return grouped(secrets::random_characters(kCodeAlphabet, kCodeLength));
}

std::optional<std::string> normalised_code(std::string_view typed) {
  std::string characters;
  for (char c : typed) {
    if (c == '-' || c == ' ' || c == '\t') continue;
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kCodeAlphabet.find(upper) == std::string_view::npos || characters.size() == kCodeLength) return std::nullopt;
    characters.push_back(upper);
  }
  if (characters.size() != kCodeLength) return std::nullopt;
  return grouped(characters);
}

std::string verification_path(const std::string& code) {
  return "/verify/" + code;
}

Result<Issued> issue(db::Connection& connection, const accounts::Actor& actor, std::int64_t nomination_id) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  // The action's lock serialises this with the nomination's moves and with a second click on
  // "issue": one certificate per nomination, whatever the timing.
  auto located = connection.query("SELECT action_id FROM nominations WHERE id = ?", db::Params(nomination_id));
  if (!located.empty()) actions::lock(connection, located.front().integer(0));
  TAAWUN_TRY(nomination, nominations::get(connection, actor, nomination_id));
  if (!can_issue(actor)) return Error::of(ErrorCode::forbidden);
  if (auto existing = find_by_nomination(connection, nomination_id)) return Issued{std::move(*existing), false};
  if (nomination.state != "completed")
    return Error::validation({{"state", "not_completed", {{"state", nomination.state}}}});
  Certificate certificate;
  certificate.nomination_id = nomination_id;
  certificate.issued_at = clock::now_iso8601();
  certificate.issued_by = actor.username;
  certificate.content = content_of(connection, nomination);
  // 2^60 codes: a collision is unlikely, never impossible.
  do {
    certificate.code = new_code();
  } while (code_exists(connection, certificate.code));
  insert(connection, certificate);
  audit::record(connection, actor, "issue", "certificate", std::to_string(nomination_id), std::nullopt,
                snapshot_json(certificate));
  transaction.commit();
  return Issued{std::move(certificate), true};
}

Result<Certificate> of_nomination(db::Connection& connection, const accounts::Actor& actor,
                                  std::int64_t nomination_id) {
  TAAWUN_TRY(nomination, nominations::get(connection, actor, nomination_id));
  auto certificate = find_by_nomination(connection, nomination.id);
  if (!certificate) return Error::of(ErrorCode::not_found, "certificate_not_issued");
  return std::move(*certificate);
}

Result<Certificate> verify(db::Connection& connection, std::string_view typed_code) {
  auto code = normalised_code(typed_code);
  std::optional<Certificate> certificate;
  if (code) certificate = find_by_code(connection, *code);
  if (!certificate) return Error::of(ErrorCode::not_found, "unknown_certificate");
  return std::move(*certificate);
}

}  // namespace taawun::certificates
