// The documents of agreements, joint commission sessions and engagements through the API: the
// same store, checks and audience rule as an action's documents, each owner kind with its own
// kinds of document and its own area's access (who reads the record reads its documents; who
// updates it adds and removes them). On SQLite and PostgreSQL.
#include <atomic>

#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

std::string pdf_bytes() {
  std::string bytes = "%PDF-1.7\n";
  for (int c = 0; c < 256; ++c) bytes.push_back(static_cast<char>(c));
  return bytes + "\n%%EOF\n";
}

// Session numbers are unique per country across the suite's shared servers: the commissions
// tests count from 1, this file from 900 (the most is 999).
int next_session_number() {
  static std::atomic<int> number{900};
  return number++;
}

struct OwnerCase {
  std::string path;         // "/api/v1/agreements"
  std::string owner_kind;   // as the document names it
  std::string kind;         // one of its own kinds of document
  std::string record_kind;  // the audit trail's
};

const std::vector<OwnerCase>& owner_cases() {
  static const std::vector<OwnerCase> cases = {
      {"/api/v1/agreements", "agreement", "signed_copy", "agreement_document"},
      {"/api/v1/joint-commissions", "joint_commission", "minutes", "joint_commission_document"},
      {"/api/v1/engagements", "engagement", "notification", "engagement_document"},
  };
  return cases;
}

class RecordDocuments : public ApiTest {
 protected:
  static std::string id_of(const json& record) { return std::to_string(record["id"].get<std::int64_t>()); }
  // A record of the case's kind whose partner focal points are those of `country`.
  json create_owner(const OwnerCase& owner, const std::string& country) {
    json body;
    if (owner.owner_kind == "agreement")
      body = {{"kind", "framework"},
              {"modality", "bilateral"},
              {"title_fr", unique_name("Accord ")},
              {"parties", {{{"country", country}, {"roles", {"signatory"}}}}}};
    else if (owner.owner_kind == "joint_commission")
      body = {{"country", country}, {"number", next_session_number()}, {"start_on", "2021-03-01"}};
    else
      body = {{"kind", "membership"},
              {"title_fr", unique_name("Engagement ")},
              {"organisation_id", create_organisation({{"kind", "40"}, {"name_fr", unique_name("Org ")}})["id"]},
              {"beneficiary_countries", {country}}};
    auto reply = admin().post(owner.path, body);
    if (reply.status != 201) throw std::runtime_error("could not create " + owner.owner_kind + ": " + reply.body);
    return reply.json();
  }
  static std::string documents_of(const OwnerCase& owner, const json& record) {
    return owner.path + "/" + id_of(record) + "/documents";
  }
  static std::string document_url(const json& document) { return "/api/v1/record-documents/" + id_of(document); }
  Reply upload(Client& as, const OwnerCase& owner, const json& record, const std::string& bytes,
               const std::string& query) {
    return as.send("POST", documents_of(owner, record) + "?" + query, bytes,
                   {{"Content-Type", "application/octet-stream"}});
  }
};

TEST_P(RecordDocuments, EachOwnerKindKeepsListsServesAndRemovesItsDocumentsAudited) {
  std::string bytes = pdf_bytes();
  for (const auto& owner : owner_cases()) {
    SCOPED_TRACE(owner.owner_kind);
    auto record = create_owner(owner, "SN");
    auto created =
        upload(admin(), owner, record, bytes,
               "file_name=" + url_encode("Copie signée.pdf") + "&kind=" + owner.kind + "&audience=focal_points");
    ASSERT_EQ(created.status, 201) << created.body;
    auto document = created.json();
    EXPECT_EQ(document["owner_kind"], owner.owner_kind);
    EXPECT_EQ(document["owner_id"], record["id"]);
    EXPECT_FALSE(document.contains("action_id"));
    EXPECT_EQ(document["kind"], owner.kind);
    EXPECT_EQ(document["title"], "Copie signée");
    EXPECT_EQ(document["media_type"], "application/pdf");
    EXPECT_EQ(document["size_bytes"], static_cast<std::int64_t>(bytes.size()));

    // A kind of another owner's is not one of this owner's.
    auto foreign_kind = upload(admin(), owner, record, bytes, "file_name=a.pdf&kind=programme");
    EXPECT_EQ(foreign_kind.field_errors(), std::vector<std::string>{"kind:invalid_choice"}) << foreign_kind.body;

    auto listed = admin().get(documents_of(owner, record));
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json()["total"], 1);
    EXPECT_EQ(listed.json()["items"][0]["id"], document["id"]);
    EXPECT_EQ(listed.json()["items"][0]["uploaded_by_name"], "admin");

    auto downloaded = admin().get(document_url(document));
    ASSERT_EQ(downloaded.status, 200);
    EXPECT_EQ(downloaded.body, bytes);
    EXPECT_EQ(downloaded.header("content-type"), "application/pdf");
    EXPECT_EQ(downloaded.header("etag"), "\"" + document["sha256"].get<std::string>() + "\"");

    auto audit = admin().get("/api/v1/audit?record_kind=" + owner.record_kind + "&record_id=" + id_of(document));
    ASSERT_EQ(audit.json()["total"], 1) << audit.body;
    EXPECT_EQ(audit.json()["items"][0]["action"], "create");
    auto after = audit.json()["items"][0]["after"].dump();
    EXPECT_NE(after.find(document["sha256"].get<std::string>()), std::string::npos) << after;
    EXPECT_NE(after.find("Copie signée.pdf"), std::string::npos) << after;

    ASSERT_EQ(admin().del(document_url(document)).status, 204);
    EXPECT_EQ(admin().get(document_url(document)).status, 404);
    EXPECT_EQ(admin().get(documents_of(owner, record)).json()["total"], 0);
    auto removal =
        admin().get("/api/v1/audit?record_kind=" + owner.record_kind + "&action=delete&record_id=" + id_of(document));
    ASSERT_EQ(removal.json()["total"], 1);
    EXPECT_NE(removal.json()["items"][0]["before"].dump().find(document["sha256"].get<std::string>()),
              std::string::npos);
  }
}

TEST_P(RecordDocuments, WrongFilesAreRefusedWithTheFieldAndNothingIsWritten) {
  for (const auto& owner : owner_cases()) {
    SCOPED_TRACE(owner.owner_kind);
    auto record = create_owner(owner, "SN");
    auto wrong_type = upload(admin(), owner, record, "MZ\x90\x00", "file_name=setup.exe");
    ASSERT_EQ(wrong_type.status, 422) << wrong_type.body;
    EXPECT_EQ(wrong_type.field_errors(), std::vector<std::string>{"file_name:file_type_not_allowed"});
    auto disguised = upload(admin(), owner, record, "<html><script>alert(1)</script></html>", "file_name=pv.pdf");
    EXPECT_EQ(disguised.field_errors(), std::vector<std::string>{"file:file_content_mismatch"});
    auto several = upload(admin(), owner, record, "", "audience=everyone&title=" + std::string(201, 't'));
    auto errors = several.field_errors();
    std::sort(errors.begin(), errors.end());
    EXPECT_EQ(errors, (std::vector<std::string>{"audience:invalid_choice", "file:empty_file", "file_name:required",
                                                "title:too_long"}));
    EXPECT_EQ(admin().get(documents_of(owner, record)).json()["total"], 0) << "nothing was written";
    EXPECT_EQ(upload(admin(), owner, json{{"id", 999999999}}, pdf_bytes(), "file_name=a.pdf").status, 404);
    EXPECT_EQ(admin().get(documents_of(owner, json{{"id", 999999999}})).status, 404);
  }
  EXPECT_EQ(admin().get("/api/v1/record-documents/999999999").status, 404);
}

TEST_P(RecordDocuments, FocalPointsReadWhatIsSharedWithThemAndOnlyWhoUpdatesTheRecordWrites) {
  Client partner = signed_in("partner", {{"countries", {"SN"}}});
  Client stranger = signed_in("partner", {{"countries", {"GA"}}});
  Client viewer = signed_in("viewer");
  Client finance = signed_in("finance");
  Client officer = signed_in("officer");
  auto institute = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  Client host = signed_in("host", {{"organisations", {institute["id"]}}});
  for (const auto& owner : owner_cases()) {
    SCOPED_TRACE(owner.owner_kind);
    auto record = create_owner(owner, "SN");
    auto shared = upload(admin(), owner, record, pdf_bytes(), "file_name=shared.pdf&audience=focal_points").json();
    auto internal = upload(admin(), owner, record, pdf_bytes(), "file_name=internal.pdf").json();
    ASSERT_EQ(internal["audience"], "staff");

    // The party's, session's or beneficiary's focal point reads what is shared, nothing else.
    auto listed = partner.get(documents_of(owner, record));
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json()["total"], 1);
    EXPECT_EQ(listed.json()["items"][0]["id"], shared["id"]);
    EXPECT_EQ(partner.get(document_url(shared)).status, 200);
    EXPECT_EQ(partner.get(document_url(internal)).status, 404);
    EXPECT_EQ(upload(partner, owner, record, pdf_bytes(), "file_name=x.pdf").status, 403);
    EXPECT_EQ(partner.del(document_url(shared)).status, 403);

    // Another country's focal point learns nothing of the record or its documents.
    EXPECT_EQ(stranger.get(documents_of(owner, record)).status, 404);
    EXPECT_EQ(stranger.get(document_url(shared)).status, 404);
    EXPECT_EQ(stranger.del(document_url(shared)).status, 404);
    // No focal point may upload anywhere: the kind-level permission refuses it (403) before the
    // record is looked up, the same answer in and out of scope, so it tells nothing either.
    EXPECT_EQ(upload(stranger, owner, record, pdf_bytes(), "file_name=x.pdf").status, 403);

    // A host institution reads none of these records.
    EXPECT_EQ(host.get(documents_of(owner, record)).status, 403);
    EXPECT_EQ(host.get(document_url(shared)).status, 404);

    // Staff read everything; viewers and finance do not write.
    EXPECT_EQ(viewer.get(documents_of(owner, record)).json()["total"], 2);
    EXPECT_EQ(finance.get(document_url(internal)).status, 200);
    EXPECT_EQ(upload(viewer, owner, record, pdf_bytes(), "file_name=x.pdf").status, 403);
    EXPECT_EQ(finance.del(document_url(internal)).status, 403);

    // Refused from the header, before the body is read (the client still holds its 10 MiB).
    constexpr std::size_t kAnnounced = 10 << 20;
    std::string target = documents_of(owner, record) + "?file_name=big.pdf";
    std::map<std::string, std::string> octets = {{"Content-Type", "application/octet-stream"}};
    EXPECT_EQ(viewer.send_header_only("POST", target, kAnnounced, octets, std::chrono::seconds(20)).status, 403);
    EXPECT_EQ(partner.send_header_only("POST", target, kAnnounced, octets, std::chrono::seconds(20)).status, 403);
    // Whoever may upload to a record that does not exist is refused from the header too (guard).
    EXPECT_EQ(admin()
                  .send_header_only("POST", owner.path + "/999999999/documents?file_name=big.pdf", kAnnounced, octets,
                                    std::chrono::seconds(20))
                  .status,
              404);

    EXPECT_EQ(upload(officer, owner, record, pdf_bytes(), "file_name=annexe.pdf").status, 201);
    EXPECT_EQ(officer.del(document_url(internal)).status, 204);
    EXPECT_EQ(admin().get(documents_of(owner, record)).json()["total"], 2);
  }
}

}  // namespace

TAAWUN_ON_BOTH_DATABASES(RecordDocuments);

}  // namespace taawun::testing
