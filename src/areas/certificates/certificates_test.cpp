// Certificates of participation through the API: issued once for a completed nomination, printed
// as PDF in French and in Arabic (the text read back with poppler's pdftotext), checked by anyone
// with the code, frozen when issued, refused to those who may not read the nomination, and a
// clear 503 when the server lacks the fonts. On SQLite and PostgreSQL.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "api/participation.hpp"
#include "support/api_test.hpp"
#include "support/process.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using namespace participation;

const fs::path kWork = fs::path(TAAWUN_BUILD_DIR) / "test-work";

// What poppler reads out of a PDF (pdftotext, UTF-8), in its default or -raw mode.
std::string pdf_text(const std::string& pdf, bool raw = false) {
  fs::create_directories(kWork);
  fs::path file = kWork / (unique_name("certificate") + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  std::vector<std::string> command = {"pdftotext", "-enc", "UTF-8"};
  if (raw) command.push_back("-raw");
  command.insert(command.end(), {file.string(), "-"});
  auto result = run_command(command);
  if (result.exit_code != 0) throw std::runtime_error("pdftotext failed: " + result.output);
  fs::remove(file);
  return result.output;
}

// Latin text as one line of words: pdftotext ends lines where the layout does.
std::string words(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

// Arabic as its letters in logical order, nothing else: pdftotext marks right-to-left lines
// with embedding controls (U+202A..U+202E) and, reading glyph positions, sometimes cuts a word
// where a letter does not join the next (تكو ين) or puts a shadda on its own line; in -raw mode
// it writes one letter per line. Removing whitespace and those controls leaves the letters,
// which must then appear in reading order.
std::string letters(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    // U+202A..U+202E are E2 80 AA..AE in UTF-8.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) >= 0xAA && static_cast<unsigned char>(text[i + 2]) <= 0xAE) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

const std::regex kCodePattern("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$");

class Certificates : public ApiTest {
 protected:
  struct Participation {
    json host, action, person, nomination;
    std::string title;
  };

  // A participant from `country` who attended three days of a training hosted by a new
  // institution, walked to `final_state` (arrived or completed) as `admin`.
  Participation participant(Client& admin, const std::string& country, const std::string& final_state = "completed",
                            json person_fields = json::object()) {
    Participation p;
    p.host = expect(admin.post("/api/v1/organisations",
                               {{"kind", "80"}, {"name_fr", "Institut " + unique_name("H")}, {"country", "MA"}}),
                    201, "create the host");
    p.title = "Prévision du temps " + unique_name("");
    p.action = open_action(admin, {{"title_fr", p.title},
                                   {"title_ar", "التنبؤ الجوي والإنذار المبكر"},
                                   {"host_organisation_id", p.host["id"]},
                                   {"quotas", json::array({{{"country", country}, {"seats", 5}}})}});
    json fields = {{"latin_name", "Aminata Diallo"},
                   {"arabic_name", "أميناتا ديالو"},
                   {"sex", "female"},
                   {"nationality", country}};
    fields.update(person_fields);
    p.person = person(admin, fields);
    p.nomination = walk(admin, nominate(admin, p.action, p.person), {"under_review", "selected"});
    p.action = advance_action(admin, p.action, {"selection_closed", "ongoing"});
    p.nomination = walk(admin, p.nomination, {"confirmed", "arrived"});
    p.nomination = present(admin, p.nomination, {"2031-03-02", "2031-03-03", "2031-03-04"});
    if (final_state == "completed") p.nomination = walk(admin, p.nomination, {"completed"});
    return p;
  }
  Participation participant(const std::string& country, const std::string& final_state = "completed") {
    return participant(admin(), country, final_state);
  }
  static std::string base(const Participation& p) { return "/api/v1/nominations/" + id_of(p.nomination); }
};

TEST_P(Certificates, IssuedOnceForACompletedNominationAndPrintedInFrenchAndArabic) {
  auto p = participant("SN");
  auto issued = admin().post(base(p) + "/certificate", nullptr);
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.header("location"), base(p) + "/certificate");
  std::string code = issued.json()["code"];
  EXPECT_TRUE(std::regex_match(code, kCodePattern)) << code;
  EXPECT_EQ(issued.json()["participant_name"], "Aminata Diallo");
  EXPECT_EQ(issued.json()["days_present"], 3);
  EXPECT_EQ(issued.json()["verification_path"], "/verify/" + code);

  // Issuing again answers the same certificate.
  auto again = admin().post(base(p) + "/certificate", nullptr);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json(), issued.json());
  EXPECT_EQ(admin().get(base(p) + "/certificate").json(), issued.json());

  auto french = admin().get(base(p) + "/certificate.pdf?lang=fr");
  ASSERT_EQ(french.status, 200) << french.body;
  EXPECT_EQ(french.header("content-type"), "application/pdf");
  EXPECT_EQ(french.header("content-disposition"), "attachment; filename=\"attestation-" + code +
                                                      "-fr.pdf\"; filename*=UTF-8''attestation-" + code + "-fr.pdf");
  EXPECT_TRUE(french.body.starts_with("%PDF-"));
  std::string text = words(pdf_text(french.body));
  EXPECT_NE(text.find("ATTESTATION DE PARTICIPATION"), std::string::npos) << text;
  EXPECT_NE(text.find("Aminata Diallo"), std::string::npos) << text;
  EXPECT_NE(text.find(p.title), std::string::npos) << text;
  EXPECT_NE(text.find("Formation de courte durée au Maroc"), std::string::npos) << text;
  EXPECT_NE(text.find("du 2 au 20 mars 2031 — Rabat, Maroc"), std::string::npos) << text;
  EXPECT_NE(text.find("Présence : 3 jours"), std::string::npos) << text;
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("/verify/" + code), std::string::npos) << text;

  auto arabic = admin().get(base(p) + "/certificate.pdf?lang=ar");
  ASSERT_EQ(arabic.status, 200) << arabic.body;
  EXPECT_EQ(arabic.header("content-disposition"), "attachment; filename=\"attestation-" + code +
                                                      "-ar.pdf\"; filename*=UTF-8''attestation-" + code + "-ar.pdf");
  for (bool raw : {false, true}) {
    std::string read = pdf_text(arabic.body, raw);
    std::string arabic_letters = letters(read);
    EXPECT_NE(arabic_letters.find(letters("أميناتا ديالو")), std::string::npos) << read;
    EXPECT_NE(arabic_letters.find(letters("شهادة مشاركة")), std::string::npos) << read;
    EXPECT_NE(arabic_letters.find(letters("«التنبؤ الجوي والإنذار المبكر»")), std::string::npos) << read;
    EXPECT_NE(arabic_letters.find(letters("قد شاركت في")), std::string::npos) << read;  // she took part
    EXPECT_NE(arabic_letters.find(code), std::string::npos) << read;
    EXPECT_EQ(arabic_letters.find("Aminata"), std::string::npos) << "the Arabic certificate carries the Arabic name";
  }
  // In its default mode, pdftotext gives whole Arabic words in reading order on each line.
  EXPECT_NE(pdf_text(arabic.body).find("أميناتا ديالو"), std::string::npos);

  // The same certificate, the same file.
  EXPECT_EQ(admin().get(base(p) + "/certificate.pdf?lang=fr").body, french.body);

  auto audit = admin().get("/api/v1/audit?record_kind=certificate&record_id=" + id_of(p.nomination));
  ASSERT_EQ(audit.json()["total"], 1) << audit.body;
  EXPECT_EQ(audit.json()["items"][0]["action"], "issue");
}

TEST_P(Certificates, EachScriptFallsBackToTheOtherName) {
  auto p = participant(admin(), "ML", "completed", {{"latin_name", nullptr}, {"arabic_name", "محمد ولد أحمد"}});
  ASSERT_EQ(admin().post(base(p) + "/certificate", nullptr).status, 201);
  auto french = admin().get(base(p) + "/certificate.pdf");  // French unless asked
  ASSERT_EQ(french.status, 200);
  EXPECT_NE(letters(pdf_text(french.body)).find(letters("محمد ولد أحمد")), std::string::npos);
  EXPECT_NE(words(pdf_text(french.body)).find("ATTESTATION DE PARTICIPATION"), std::string::npos);
}

TEST_P(Certificates, AnyoneChecksACodeWithoutASessionAndSeesOnlyTheName) {
  auto p = participant("CI");
  std::string code = admin().post(base(p) + "/certificate", nullptr).json()["code"];
  Client anonymous(server());
  auto checked = anonymous.get("/api/v1/certificates/" + code);
  ASSERT_EQ(checked.status, 200) << checked.body;
  std::set<std::string> keys;
  for (const auto& [key, value] : checked.json().items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"valid", "code", "participant_name", "action_title", "start_date", "end_date",
                                         "issued_at"}));
  EXPECT_EQ(checked.json()["valid"], true);
  EXPECT_EQ(checked.json()["participant_name"], "Aminata Diallo");
  EXPECT_EQ(checked.json()["action_title"], p.title);
  EXPECT_EQ(checked.json()["start_date"], "2031-03-02");

  // As typed from paper: lower case, spaces or no separators at all.
  std::string typed = code;
  for (auto& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(anonymous.get("/api/v1/certificates/" + url_encode(typed)).status, 200);
  std::string bare = code.substr(0, 4) + code.substr(5, 4) + code.substr(10, 4);
  auto in_arabic = anonymous.get("/api/v1/certificates/" + bare + "?lang=ar");
  ASSERT_EQ(in_arabic.status, 200);
  EXPECT_EQ(in_arabic.json()["participant_name"], "أميناتا ديالو");
  EXPECT_EQ(in_arabic.json()["action_title"], "التنبؤ الجوي والإنذار المبكر");

  // A code of the right shape that was never issued, and things that are no code at all.
  std::string wrong = code.substr(0, 13) + (code[13] == 'A' ? "B" : "A");
  auto unknown = anonymous.get("/api/v1/certificates/" + wrong);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["code"], "not_found");
  EXPECT_EQ(anonymous.get("/api/v1/certificates/0O1I-0O1I-0O1I").status, 404);
  EXPECT_EQ(anonymous.get("/api/v1/certificates/" + code + "2").status, 404);
}

TEST_P(Certificates, OnlyStaffIssueAndOnlyForCompletedNominations) {
  auto p = participant("BF", "arrived");
  auto early = admin().post(base(p) + "/certificate", nullptr);
  ASSERT_EQ(early.status, 422) << early.body;
  EXPECT_EQ(early.field_errors(), std::vector<std::string>{"state:not_completed"});
  EXPECT_EQ(admin().get(base(p) + "/certificate").status, 404);
  EXPECT_EQ(admin().get(base(p) + "/certificate.pdf").status, 404);

  walk(admin(), p.nomination, {"completed"});
  Client focal_point = signed_in("partner", {{"countries", {"BF"}}});
  EXPECT_EQ(focal_point.post(base(p) + "/certificate", nullptr).status, 403);
  Client host = signed_in("host", {{"organisations", {p.host["id"]}}});
  EXPECT_EQ(host.post(base(p) + "/certificate", nullptr).status, 403);
  Client officer = signed_in("officer");
  EXPECT_EQ(officer.post(base(p) + "/certificate", nullptr).status, 201);
}

TEST_P(Certificates, PrintedForWhoeverFollowsTheParticipant) {
  auto p = participant("TD");
  ASSERT_EQ(admin().post(base(p) + "/certificate", nullptr).status, 201);
  Client focal_point = signed_in("partner", {{"countries", {"TD"}}});
  auto own = focal_point.get(base(p) + "/certificate.pdf?lang=ar");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_TRUE(own.body.starts_with("%PDF-"));
  Client host = signed_in("host", {{"organisations", {p.host["id"]}}});
  EXPECT_EQ(host.get(base(p) + "/certificate.pdf").status, 200);
  EXPECT_EQ(host.get(base(p) + "/certificate").status, 200);

  Client other_partner = signed_in("partner", {{"countries", {"NE"}}});
  EXPECT_EQ(other_partner.get(base(p) + "/certificate.pdf").status, 404);
  EXPECT_EQ(other_partner.get(base(p) + "/certificate").status, 404);
  Client other_host = signed_in(
      "host", {{"organisations",
                {create_organisation({{"kind", "80"}, {"name_fr", unique_name("Autre ")}, {"country", "MA"}})["id"]}}});
  EXPECT_EQ(other_host.get(base(p) + "/certificate.pdf").status, 404);
  Client viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get(base(p) + "/certificate.pdf").status, 403);
  EXPECT_EQ(Client(server()).get(base(p) + "/certificate.pdf").status, 401);

  auto english = admin().get(base(p) + "/certificate.pdf?lang=en");
  ASSERT_EQ(english.status, 422);
  EXPECT_EQ(english.field_errors(), std::vector<std::string>{"lang:invalid_choice"});
}

TEST_P(Certificates, WhatItStatesIsFrozenWhenIssued) {
  auto p = participant("GN");
  std::string code = admin().post(base(p) + "/certificate", nullptr).json()["code"];
  auto printed = admin().get(base(p) + "/certificate.pdf").body;

  // The name is corrected and the action renamed after the certificate was issued.
  auto person = admin().get("/api/v1/people/" + id_of(p.person)).json();
  ASSERT_EQ(admin()
                .patch("/api/v1/people/" + id_of(p.person), {{"latin_name", "Aminata Diallo-Camara"}}, if_match(person))
                .status,
            200);
  auto action = admin().get("/api/v1/actions/" + id_of(p.action)).json();
  ASSERT_EQ(admin().patch("/api/v1/actions/" + id_of(p.action), {{"title_fr", "Autre titre"}}, if_match(action)).status,
            200);

  EXPECT_EQ(admin().post(base(p) + "/certificate", nullptr).json()["participant_name"], "Aminata Diallo");
  EXPECT_EQ(admin().get(base(p) + "/certificate.pdf").body, printed);
  auto checked = Client(server()).get("/api/v1/certificates/" + code);
  EXPECT_EQ(checked.json()["participant_name"], "Aminata Diallo");
  EXPECT_EQ(checked.json()["action_title"], p.title);
}

// A server of its own: one whose fontconfig knows no fonts at all, and whose address budget for
// unknown codes the test may spend without slowing the other tests down.
TEST_P(Certificates, WithoutFontsTheServerAnswers503AndUnknownCodesAreThrottled) {
  fs::create_directories(kWork);
  fs::path no_fonts = kWork / "fonts-none.conf";
  std::ofstream(no_fonts) << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig/>\n";
  ::setenv("FONTCONFIG_FILE", no_fonts.c_str(), 1);
  std::unique_ptr<Server> own;
  try {
    own = std::make_unique<Server>(fresh_database_url(GetParam()));
  } catch (...) {
    ::unsetenv("FONTCONFIG_FILE");
    throw;
  }
  ::unsetenv("FONTCONFIG_FILE");
  Client own_admin(*own);
  ASSERT_EQ(own_admin.log_in("admin").status, 200);
  auto p = participant(own_admin, "SN");
  auto issued = own_admin.post(base(p) + "/certificate", nullptr);
  ASSERT_EQ(issued.status, 201) << issued.body;  // issuing needs no fonts; printing does
  auto pdf = own_admin.get(base(p) + "/certificate.pdf?lang=ar");
  ASSERT_EQ(pdf.status, 503) << pdf.body;
  EXPECT_EQ(pdf.json()["code"], "unavailable");
  EXPECT_NE(pdf.json()["detail"].get<std::string>().find("Amiri"), std::string::npos) << pdf.body;
  EXPECT_EQ(Client(*own).get("/healthz").status, 200);

  Client anonymous(*own);
  std::string code = issued.json()["code"];
  for (int i = 0; i < 30; ++i) ASSERT_EQ(anonymous.get("/api/v1/certificates/2222-2222-2222").status, 404);
  auto throttled = anonymous.get("/api/v1/certificates/2222-2222-2222");
  ASSERT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.json()["code"], "rate_limited");
  EXPECT_GT(std::stoi(throttled.header("retry-after")), 0);
  EXPECT_EQ(anonymous.get("/api/v1/certificates/" + code).status, 429) << "the address waits, even with a good code";
}

TAAWUN_ON_BOTH_DATABASES(Certificates);

}  // namespace
}  // namespace taawun::testing
