// An action's documents through the API: uploaded as raw bytes, typed by the server from the
// extension and checked against the bytes, listed, downloaded byte for byte, removed, audited;
// staff-only unless shared with the focal points who see the action. On SQLite and PostgreSQL.
#include "api/participation.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

// A PDF-looking file with every byte value in it (zeros included), so that a driver that
// handles the bytes as text would cut or change it.
std::string pdf_bytes() {
  std::string bytes = "%PDF-1.7\n";
  for (int round = 0; round < 40; ++round)
    for (int c = 0; c < 256; ++c) bytes.push_back(static_cast<char>(c));
  return bytes + "\n%%EOF\n";
}

class Documents : public ApiTest {
 protected:
  static std::string id_of(const json& record) { return std::to_string(record["id"].get<std::int64_t>()); }
  static std::string path(const json& action) { return "/api/v1/actions/" + id_of(action) + "/documents"; }
  Reply upload(Client& as, const json& action, const std::string& bytes, const std::string& query) {
    return as.send("POST", path(action) + "?" + query, bytes, {{"Content-Type", "application/octet-stream"}});
  }
  std::int64_t count(const json& action) { return admin().get(path(action)).json()["total"].get<std::int64_t>(); }
};

TEST_P(Documents, UploadedListedDownloadedByteForByteAndAudited) {
  auto action = create_action();
  std::string bytes = pdf_bytes();
  auto created = upload(admin(), action, bytes,
                        "file_name=" + url_encode("Programme — الرباط.PDF") + "&title=" +
                            url_encode("  Programme de la formation  ") + "&kind=programme&audience=focal_points");
  ASSERT_EQ(created.status, 201) << created.body;
  auto document = created.json();
  EXPECT_EQ(document["title"], "Programme de la formation");
  EXPECT_EQ(document["file_name"], "Programme — الرباط.PDF");
  EXPECT_EQ(document["media_type"], "application/pdf");
  EXPECT_EQ(document["size_bytes"], static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(document["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(document["kind"], "programme");

  // An untitled spreadsheet is called after its file; a later upload is listed first.
  auto sheet = upload(admin(), action, std::string("PK\x03\x04", 4) + std::string(100, '\0'),
                      "file_name=" + url_encode("C:\\fakepath\\liste des participants.xlsx"));
  ASSERT_EQ(sheet.status, 201) << sheet.body;
  EXPECT_EQ(sheet.json()["title"], "liste des participants");
  EXPECT_EQ(sheet.json()["file_name"], "liste des participants.xlsx");
  EXPECT_EQ(sheet.json()["kind"], "other");
  EXPECT_EQ(sheet.json()["audience"], "staff");

  auto listed = admin().get(path(action));
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.json()["total"], 2);
  EXPECT_EQ(listed.json()["items"][0]["id"], sheet.json()["id"]);
  EXPECT_EQ(listed.json()["items"][1]["uploaded_by_name"], "admin");

  auto downloaded = admin().get("/api/v1/documents/" + id_of(document));
  ASSERT_EQ(downloaded.status, 200);
  EXPECT_EQ(downloaded.body, bytes);
  EXPECT_EQ(downloaded.header("content-type"), "application/pdf");
  EXPECT_EQ(downloaded.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(downloaded.header("etag"), "\"" + document["sha256"].get<std::string>() + "\"");
  EXPECT_EQ(downloaded.header("content-disposition"),
            "attachment; filename=\"Programme ___ ____________.PDF\"; filename*=UTF-8''Programme%20%E2%80%94%20"
            "%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7.PDF");

  auto audit = admin().get("/api/v1/audit?record_kind=action_document&record_id=" + id_of(document));
  ASSERT_EQ(audit.json()["total"], 1);
  EXPECT_EQ(audit.json()["items"][0]["action"], "create");
  EXPECT_NE(audit.json()["items"][0]["after"].dump().find(document["sha256"].get<std::string>()), std::string::npos);

  ASSERT_EQ(admin().del("/api/v1/documents/" + id_of(document)).status, 204);
  EXPECT_EQ(admin().get("/api/v1/documents/" + id_of(document)).status, 404);
  EXPECT_EQ(count(action), 1);
  auto removal = admin().get("/api/v1/audit?record_kind=action_document&action=delete&record_id=" + id_of(document));
  ASSERT_EQ(removal.json()["total"], 1);
  EXPECT_NE(removal.json()["items"][0]["before"].dump().find("Programme de la formation"), std::string::npos);
}

TEST_P(Documents, WrongFilesAreRefusedWithTheFieldAndNothingIsWritten) {
  auto action = create_action();
  auto wrong_type = upload(admin(), action, "MZ\x90\x00", "file_name=setup.exe");
  ASSERT_EQ(wrong_type.status, 422) << wrong_type.body;
  EXPECT_EQ(wrong_type.field_errors(), std::vector<std::string>{"file_name:file_type_not_allowed"});
  EXPECT_NE(wrong_type.body.find("pdf, png"), std::string::npos) << "the message lists the accepted types";

  auto disguised = upload(admin(), action, "<html><script>alert(1)</script></html>", "file_name=rapport.pdf");
  EXPECT_EQ(disguised.field_errors(), std::vector<std::string>{"file:file_content_mismatch"});
  auto binary_text = upload(admin(), action, std::string("a\0b", 3), "file_name=notes.txt");
  EXPECT_EQ(binary_text.field_errors(), std::vector<std::string>{"file:file_content_mismatch"});

  auto several = upload(admin(), action, "", "kind=memo&audience=everyone&title=" + std::string(201, 't'));
  auto errors = several.field_errors();
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors, (std::vector<std::string>{"audience:invalid_choice", "file:empty_file", "file_name:required",
                                              "kind:invalid_choice", "title:too_long"}));

  // In the user's language.
  auto arabic = admin().send("POST", path(action) + "?file_name=a.pdf", "nope", {{"Accept-Language", "ar"}});
  EXPECT_NE(arabic.body.find("محتوى الملف لا يطابق"), std::string::npos) << arabic.body;

  EXPECT_EQ(count(action), 0) << "nothing was written";
  EXPECT_EQ(upload(admin(), json{{"id", 999999999}}, pdf_bytes(), "file_name=a.pdf").status, 404);
}

TEST_P(Documents, AnUploadLargerThanTheLimitIsRefusedWhole) {
  // A server of its own with a small upload limit. The refused body is far larger than the
  // socket's buffers: the server must read and drop it after answering, or the client would
  // only see the connection closed under it (as a browser would).
  Server own(fresh_database_url(GetParam()),
             {"--config", work_file("small-uploads.toml", "[server]\nbody_limit = 65536\nupload_limit = 1048576\n")});
  Client as(own);
  ASSERT_EQ(as.log_in("admin").status, 200);
  auto action = participation::open_action(as);
  auto refused = upload(as, action, "%PDF-" + std::string(24 << 20, 'x'), "file_name=scan.pdf");
  EXPECT_EQ(refused.status, 413) << refused.body;
  EXPECT_EQ(refused.json()["code"], "payload_too_large");
  EXPECT_EQ(as.get(path(action)).json()["total"], 0);
  // A body above the JSON limit but under the upload limit is taken.
  EXPECT_EQ(upload(as, action, "%PDF-" + std::string(512 << 10, 'x'), "file_name=scan.pdf").status, 201);
  EXPECT_EQ(as.get(path(action)).json()["total"], 1);
}

TEST_P(Documents, FocalPointsReadOnlyWhatIsSharedWithThemAndOnlyStaffWrite) {
  auto host_org = create_organisation({{"kind", "80"}, {"name_fr", "Institut " + unique_name("D")}, {"country", "MA"}});
  auto action = create_action(
      {{"host_organisation_id", host_org["id"]}, {"quotas", json::array({{{"country", "SN"}, {"seats", 4}}})}});
  auto shared = upload(admin(), action, pdf_bytes(), "file_name=programme.pdf&audience=focal_points").json();
  auto internal = upload(admin(), action, pdf_bytes(), "file_name=facture.pdf&kind=invoice").json();

  Client partner = signed_in("partner", {{"countries", {"SN"}}});
  Client host = signed_in("host", {{"organisations", {host_org["id"]}}});
  for (Client* focal_point : {&partner, &host}) {
    auto listed = focal_point->get(path(action));
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json()["total"], 1);
    EXPECT_EQ(listed.json()["items"][0]["id"], shared["id"]);
    EXPECT_EQ(focal_point->get("/api/v1/documents/" + id_of(shared)).status, 200);
    EXPECT_EQ(focal_point->get("/api/v1/documents/" + id_of(internal)).status, 404);
    EXPECT_EQ(upload(*focal_point, action, pdf_bytes(), "file_name=x.pdf").status, 403);
    EXPECT_EQ(focal_point->del("/api/v1/documents/" + id_of(shared)).status, 403);
  }
  Client finance = signed_in("finance");
  EXPECT_EQ(finance.get(path(action)).json()["total"], 2);
  EXPECT_EQ(finance.get("/api/v1/documents/" + id_of(internal)).status, 200);
  EXPECT_EQ(finance.del("/api/v1/documents/" + id_of(internal)).status, 403);

  // A partner of another country does not see the action, so neither its documents.
  Client stranger = signed_in("partner", {{"countries", {"GA"}}});
  EXPECT_EQ(stranger.get(path(action)).status, 404);
  EXPECT_EQ(stranger.get("/api/v1/documents/" + id_of(shared)).status, 404);

  Client officer = signed_in("officer");
  EXPECT_EQ(upload(officer, action, pdf_bytes(), "file_name=rapport.pdf&kind=report").status, 201);
  EXPECT_EQ(officer.del("/api/v1/documents/" + id_of(internal)).status, 204);
  EXPECT_EQ(count(action), 2);
}

}  // namespace

TAAWUN_ON_BOTH_DATABASES(Documents);

}  // namespace taawun::testing
