// Hostile files sent to the nomination import (ADR 0006): each is refused with the problem that
// names what is wrong, and reading it keeps the server's memory bounded — its peak resident size
// (VmHWM) grows by less than kMaxGrowthMib while it reads the file — and /healthz keeps
// answering during a large upload. Each file is tried on a freshly (re)started server of its
// own, so that one file's peak does not hide another's. On SQLite and PostgreSQL.
#include <minizip/zip.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <thread>

#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kMiB = 1 << 20;
// The most the server's peak resident memory may grow while it reads one hostile file. Measured
// under AddressSanitizer (whose redzones and quarantine inflate every figure): at most 30 MiB with
// the limits applied while reading (the 30,000-row CSV: the 20,000 rows read before the refusal);
// from 138 MiB (the 60 MiB comment) to 1 GiB (5,000,000 nested elements) with the readers that
// applied their limits after reading (docs/adr/0006-spreadsheets.md has the table).
constexpr long kMaxGrowthMib = 96;

// --- building files ---

// One part of a zip: its bytes, plus `zeros` NUL bytes after them (written in pieces, so that
// the test itself never holds a zip bomb's content), or written raw with a false uncompressed
// size in the zip's directories.
struct Part {
  std::string name;
  std::string content;
  std::size_t zeros = 0;
  std::optional<std::uint32_t> declared_size;
};

std::string raw_deflate(const std::string& data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string zip_of(const std::vector<Part>& parts) {
  std::string path = work_file("hostile.zip", "");
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!zip) throw std::runtime_error("zipOpen64 failed");
  for (const auto& part : parts) {
    zip_fileinfo info{};
    if (part.declared_size) {
      std::string deflated = raw_deflate(part.content);
      zipOpenNewFileInZip2(zip, part.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                           Z_DEFAULT_COMPRESSION, 1);
      zipWriteInFileInZip(zip, deflated.data(), static_cast<unsigned>(deflated.size()));
      auto crc = crc32(0, reinterpret_cast<const Bytef*>(part.content.data()), static_cast<uInt>(part.content.size()));
      zipCloseFileInZipRaw(zip, *part.declared_size, crc);
      continue;
    }
    zipOpenNewFileInZip64(zip, part.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                          Z_DEFAULT_COMPRESSION, part.zeros > 0xFFFF0000u ? 1 : 0);
    zipWriteInFileInZip(zip, part.content.data(), static_cast<unsigned>(part.content.size()));
    std::string zeros(kMiB, '\0');
    for (std::size_t left = part.zeros; left > 0;) {
      auto piece = std::min(left, zeros.size());
      zipWriteInFileInZip(zip, zeros.data(), static_cast<unsigned>(piece));
      left -= piece;
    }
    zipCloseFileInZip(zip);
  }
  zipClose(zip, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

std::string worksheet(const std::string& rows) {
  return std::string(kXmlDeclaration) + "<worksheet xmlns=\"" + kMain + "\"><sheetData>" + rows +
         "</sheetData></worksheet>";
}
std::string shared_strings(const std::string& items) {
  return std::string(kXmlDeclaration) + "<sst xmlns=\"" + kMain + "\">" + items + "</sst>";
}
std::string inline_cell(const std::string& reference, const std::string& text) {
  return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
std::string header_row() {
  return "<row r=\"1\">" + inline_cell("A1", "latin_name") + "</row>";
}

// An XLSX file with the parts a spreadsheet program writes for one sheet; `sheet` and `shared`
// replace the worksheet and the shared strings parts (a part with a name replaces the default).
std::string xlsx(std::vector<Part> replacing) {
  std::vector<Part> parts = {
      {"[Content_Types].xml",
       std::string(kXmlDeclaration) +
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"},
      {"_rels/.rels", std::string(kXmlDeclaration) +
                          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                          "<Relationship Id=\"rId1\" "
                          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                          "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string(kXmlDeclaration) + "<workbook xmlns=\"" + kMain +
                              "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                              "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       std::string(kXmlDeclaration) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
           "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", worksheet(header_row())},
  };
  for (auto& part : replacing) {
    auto same = std::find_if(parts.begin(), parts.end(), [&](const Part& p) { return p.name == part.name; });
    if (same != parts.end())
      *same = std::move(part);
    else
      parts.push_back(std::move(part));
  }
  return zip_of(parts);
}

const std::string kSheet = "xl/worksheets/sheet1.xml";
const std::string kShared = "xl/sharedStrings.xml";

// --- the hostile files ---

struct Hostile {
  std::string name;
  std::function<std::string()> make;
  std::string type;
  std::string detail;  // the problem's detail in English
};

std::vector<Hostile> hostile_files() {
  std::vector<Hostile> files;
  files.push_back({"1,000 rows each with one cell in column XFD",
                   [] {
                     std::string rows = header_row();
                     for (int r = 2; r <= 1001; ++r)
                       rows += "<row r=\"" + std::to_string(r) + "\">" + inline_cell("XFD" + std::to_string(r), "x") +
                               "</row>";
                     return xlsx({{kSheet, worksheet(rows)}});
                   },
                   kXlsxType,
                   "Row 2, column XFD: a value lies beyond the last column of the header row (A). Name its column "
                   "in the first row, or remove it."});
  files.push_back({"one 1 MiB shared string referenced by 400 cells",
                   [] {
                     std::string rows = header_row();
                     for (int r = 2; r <= 401; ++r)
                       rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
                               "\" t=\"s\"><v>0</v></c></row>";
                     return xlsx({{kSheet, worksheet(rows)},
                                  {kShared, shared_strings("<si><t>" + std::string(kMiB, 'a') + "</t></si>")}});
                   },
                   kXlsxType, "Row 2, column A: the cell holds more than 32767 characters."});
  files.push_back({"a 30,000-character shared string referenced by 10,000 cells",
                   [] {
                     std::string rows = header_row();
                     for (int r = 2; r <= 10001; ++r)
                       rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
                               "\" t=\"s\"><v>0</v></c></row>";
                     return xlsx({{kSheet, worksheet(rows)},
                                  {kShared, shared_strings("<si><t>" + std::string(30'000, 'b') + "</t></si>")}});
                   },
                   kXlsxType, "The file holds too much text: at most 64 MiB in all its cells."});
  files.push_back({"a worksheet that unpacks to 200 MiB of zeros",
                   [] {
                     return xlsx({{kSheet, "", 200 * kMiB}});
                   },
                   kXlsxType, "The part xl/worksheets/sheet1.xml of the file unpacks to more than 64 MiB."});
  files.push_back({"a worksheet declaring 2 GiB unpacked",
                   [] {
                     return xlsx(
                         {{kSheet, worksheet(header_row() + "<row r=\"2\">" + inline_cell("A2", "Awa") + "</row>"), 0,
                           0x80000000u}});
                   },
                   kXlsxType, "The part xl/worksheets/sheet1.xml of the file unpacks to more than 64 MiB."});
  files.push_back({"billion laughs in the shared strings",
                   [] {
                     std::string dtd = "<!DOCTYPE sst [<!ENTITY lol0 \"lol\">";
                     for (int i = 1; i <= 9; ++i) {
                       dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
                       for (int j = 0; j < 10; ++j) dtd += "&lol" + std::to_string(i - 1) + ";";
                       dtd += "\">";
                     }
                     dtd += "]>";
                     std::string xml = std::string(kXmlDeclaration) + dtd + "<sst xmlns=\"" + kMain +
                                       "\"><si><t>&lol9;</t></si></sst>";
                     return xlsx({{kShared, xml}});
                   },
                   kXlsxType, "The file holds XML declarations that are not accepted (a document type or entities)."});
  files.push_back({"elements nested 5,000,000 deep",
                   [] {
                     std::string xml = std::string(kXmlDeclaration) + "<worksheet xmlns=\"" + kMain + "\"><sheetData>";
                     xml.reserve(xml.size() + 15'000'000);
                     for (int i = 0; i < 5'000'000; ++i) xml += "<a>";
                     return xlsx({{kSheet, xml}});
                   },
                   kXlsxType, "The XML of the file nests elements more than 64 levels deep."});
  files.push_back({"a 60 MiB comment",
                   [] {
                     std::string xml = std::string(kXmlDeclaration) + "<!--" + std::string(60 * kMiB, 'c') + "-->";
                     return xlsx({{kSheet, xml + worksheet(header_row()).substr(std::strlen(kXmlDeclaration))}});
                   },
                   kXlsxType, "The XML of the file has a tag, comment or instruction longer than 64 KiB."});
  files.push_back({"a CSV header of 22,000 columns over 1,000 rows",
                   [] {
                     std::string csv;
                     for (int c = 0; c < 22'000; ++c) csv += "x,";
                     csv += "x\n";
                     for (int r = 0; r < 1000; ++r) csv += "y\n";
                     return csv;
                   },
                   "text/csv", "Row 1, column 101: the file has more than 100 columns."});
  files.push_back({"a CSV of 30,000 rows",
                   [] {
                     std::string csv = "latin_name,arabic_name,birth_date,nationality,country,category,note\n";
                     for (int r = 0; r < 30'000; ++r)
                       csv += "Awa Diop " + std::to_string(r) + ",,1990-04-02,SN,SN,manager,row " + std::to_string(r) +
                              "\n";
                     return csv;
                   },
                   "text/csv", "The file has too many rows: at most 20000, not counting the header row."});
  return files;
}

// --- the server's memory ---

struct Memory {
  long rss_kib = -1, peak_kib = -1;
};

Memory memory_of(pid_t pid) {
  Memory memory;
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) memory.rss_kib = std::stol(line.substr(6));
    if (line.starts_with("VmHWM:")) memory.peak_kib = std::stol(line.substr(6));
  }
  return memory;
}

// Sets the peak back to the current resident size (Linux: "5" to clear_refs). False where that
// is not allowed: the peak is then the process's since its start, which is as good here since
// each file is read by a freshly started server.
bool reset_peak(pid_t pid) {
  std::ofstream clear("/proc/" + std::to_string(pid) + "/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

class HostileFiles : public ApiTest {
 protected:
  // A server of this test's own: its memory is this test's alone.
  void SetUp() override { own_ = std::make_unique<Server>(fresh_database_url(GetParam())); }
  Client admin_of_own() {
    Client client(*own_);
    auto reply = client.log_in("admin");
    if (reply.status != 200) throw std::runtime_error("admin cannot log in: " + reply.body);
    return client;
  }
  json open_action(Client& as) {
    auto created = as.post("/api/v1/actions", {{"action_type", "short_training"},
                                               {"domain", "meteorology"},
                                               {"title_fr", "Fichiers hostiles " + unique_name("")},
                                               {"start_date", "2031-03-02"},
                                               {"end_date", "2031-03-20"},
                                               {"seats", 10},
                                               {"quotas", json::array({{{"country", "SN"}, {"seats", 10}}})}});
    if (created.status != 201) throw std::runtime_error("could not create an action: " + created.body);
    auto opened = as.post("/api/v1/actions/" + std::to_string(created.json()["id"].get<std::int64_t>()) + "/status",
                          {{"status", "open"}},
                          {{"If-Match", "\"" + std::to_string(created.json()["version"].get<std::int64_t>()) + "\""}});
    if (opened.status != 200) throw std::runtime_error("could not open the action: " + opened.body);
    return opened.json();
  }
  Reply upload(Client& as, const json& action, const std::string& body, const std::string& type) {
    return as.send("POST",
                   "/api/v1/actions/" + std::to_string(action["id"].get<std::int64_t>()) + "/nominations/import", body,
                   {{"Content-Type", type}, {"Accept-Language", "en"}});
  }
  std::unique_ptr<Server> own_;
};

TEST_P(HostileFiles, AreRefusedWithTheirProblemAndBoundedMemory) {
  auto files = hostile_files();
  json action;
  {
    Client admin = admin_of_own();
    action = open_action(admin);
  }
  for (const auto& file : files) {
    SCOPED_TRACE(file.name);
    std::string body = file.make();
    own_->stop(SIGTERM);
    own_->start();
    Client admin = admin_of_own();
    pid_t pid = own_->process().pid();
    reset_peak(pid);
    Memory before = memory_of(pid);
    auto started = Clock::now();
    auto reply = upload(admin, action, body, file.type);
    auto seconds = std::chrono::duration<double>(Clock::now() - started).count();
    Memory after = memory_of(pid);
    long growth_mib = (after.peak_kib - before.rss_kib) / 1024;
    std::printf("[ hostile  ] %-60s %7zu bytes: %d in %.2f s, peak memory +%ld MiB\n", file.name.c_str(), body.size(),
                reply.status, seconds, growth_mib);
    EXPECT_TRUE(reply.status == 400 || reply.status == 422) << reply.status << " " << reply.body;
    if (reply.headers["content-type"] == "application/problem+json") {
      EXPECT_EQ(reply.json()["detail"], file.detail) << reply.body;
    } else {
      ADD_FAILURE() << reply.body;
    }
    EXPECT_LT(growth_mib, kMaxGrowthMib);
    EXPECT_TRUE(own_->process().running()) << own_->process().log();
  }
}

TEST_P(HostileFiles, HealthAnswersDuringALargeUpload) {
  Client admin = admin_of_own();
  json action = open_action(admin);
  // About 15 MiB (under the 16 MiB upload limit): 30,000 long rows, refused after 20,000.
  std::string csv = "latin_name,arabic_name,birth_date,nationality,country,category,position,note\n";
  std::string note(440, 'n');
  for (int r = 0; r < 30'000; ++r)
    csv += "Awa Diop " + std::to_string(r) + ",,1990-04-02,SN,SN,manager,director," + note + "\n";
  ASSERT_LT(csv.size(), 16 * kMiB);
  std::atomic<bool> done{false};
  Reply reply;
  std::thread uploader([&] {
    reply = upload(admin, action, csv, "text/csv");
    done = true;
  });
  Client anonymous(*own_);
  double slowest = 0;
  int answered = 0;
  while (!done) {
    auto started = Clock::now();
    auto health = anonymous.get("/healthz");
    slowest = std::max(slowest, std::chrono::duration<double>(Clock::now() - started).count());
    EXPECT_EQ(health.status, 200);
    ++answered;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  uploader.join();
  std::printf("[ hostile  ] /healthz answered %d times during the upload, the slowest in %.3f s\n", answered, slowest);
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_GT(answered, 0);
  EXPECT_LT(slowest, 1.0);
}

TAAWUN_ON_BOTH_DATABASES(HostileFiles);

}  // namespace
}  // namespace taawun::testing
