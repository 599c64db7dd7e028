// Unit tests of core/spreadsheet: CSV and XLSX files read back to the tables written, formula
// guards in CSV, and the readers' limits against hostile files (each built here), every one
// refused with its problem, quickly. Memory itself is measured on the server by
// tests/api/hostile_files_test.cpp.
#include "core/spreadsheet.hpp"

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/csv.hpp"
#include "http/messages.hpp"

namespace taawun {
namespace {

using spreadsheet::Limits;
using spreadsheet::Table;
using Params = std::vector<std::pair<std::string, std::string>>;
constexpr std::size_t kMiB = 1 << 20;

// --- files ---

struct Part {
  std::string name;
  std::string content;
  std::size_t zeros = 0;                       // NUL bytes after the content
  std::optional<std::uint32_t> declared_size;  // written raw, with this uncompressed size
};

std::string raw_deflate(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string zip_of(const std::vector<Part>& parts) {
  auto path =
      std::filesystem::temp_directory_path() / ("taawun-spreadsheet-test-" + std::to_string(::getpid()) + ".zip");
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  for (const auto& part : parts) {
    zip_fileinfo info{};
    if (part.declared_size) {
      std::string deflated = raw_deflate(part.content);
      zipOpenNewFileInZip2(zip, part.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                           Z_DEFAULT_COMPRESSION, 1);
      zipWriteInFileInZip(zip, deflated.data(), static_cast<unsigned>(deflated.size()));
      zipCloseFileInZipRaw(
          zip, *part.declared_size,
          crc32(0, reinterpret_cast<const Bytef*>(part.content.data()), static_cast<uInt>(part.content.size())));
      continue;
    }
    zipOpenNewFileInZip(zip, part.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                        Z_DEFAULT_COMPRESSION);
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

const std::string kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kSheet = "xl/worksheets/sheet1.xml";
const std::string kShared = "xl/sharedStrings.xml";

std::string worksheet(const std::string& rows) {
  return kDeclaration + "<worksheet xmlns=\"" + kMain + "\"><sheetData>" + rows + "</sheetData></worksheet>";
}
std::string shared_strings(const std::string& items) {
  return kDeclaration + "<sst xmlns=\"" + kMain + "\">" + items + "</sst>";
}
std::string inline_cell(const std::string& reference, const std::string& text) {
  return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
std::string shared_cell(const std::string& reference, int index) {
  return "<c r=\"" + reference + "\" t=\"s\"><v>" + std::to_string(index) + "</v></c>";
}
std::string row(int number, const std::string& cells) {
  return "<row r=\"" + std::to_string(number) + "\">" + cells + "</row>";
}
std::string header_row() {
  return row(1, inline_cell("A1", "latin_name"));
}

// An XLSX file as spreadsheet programs write it for one sheet, with `replacing` parts put in
// place of the defaults of the same name (or added).
std::string xlsx(std::vector<Part> replacing) {
  std::vector<Part> parts = {
      {"[Content_Types].xml",
       kDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"xl/workbook.xml", kDeclaration + "<workbook xmlns=\"" + kMain +
                              "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                              "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId3\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       kDeclaration +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"x\" Target=\"styles.xml\"/>"
           "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
           "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {kSheet, worksheet(header_row())},
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

// --- checks ---

// The problem a read gives: its detail key and parameters, worded in the three languages.
template <typename T>
::testing::AssertionResult refused(const Result<T>& result, const std::string& key, const Params& params = {}) {
  if (result.ok()) return ::testing::AssertionFailure() << "the file was read";
  const Error& error = result.error();
  if (error.code != ErrorCode::bad_request) return ::testing::AssertionFailure() << "not bad_request";
  if (error.detail_key != key) {
    auto failure = ::testing::AssertionFailure() << "detail " << error.detail_key;
    for (const auto& [name, value] : error.params) failure << " " << name << "=" << value;
    return failure;
  }
  for (const auto& [name, value] : params) {
    auto found = std::find_if(error.params.begin(), error.params.end(), [&](const auto& p) { return p.first == name; });
    if (found == error.params.end() || found->second != value)
      return ::testing::AssertionFailure()
             << name << " is " << (found == error.params.end() ? "missing" : found->second) << ", not " << value;
  }
  for (Language language : {Language::fr, Language::ar, Language::en}) {
    std::string detail = http::error_detail(error.code, error.detail_key, error.params, language);
    if (detail == http::error_detail(error.code, "", {}, language) || detail.find('{') != std::string::npos)
      return ::testing::AssertionFailure() << "no wording for " << key << ": " << detail;
  }
  return ::testing::AssertionSuccess();
}

// Runs `read` and checks it took less than `seconds` (sanitizers included).
template <typename F>
auto timed(F read, double seconds = 5.0) {
  auto started = std::chrono::steady_clock::now();
  auto result = read();
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(took, seconds);
  return result;
}

// --- CSV ---

TEST(SpreadsheetCsv, GuardsFormulasButNotNumbersInNumericColumns) {
  Table table;
  table.columns = {"name", "phone", "amount", "note"};
  table.mark_numeric({"amount"});
  table.rows = {{"-1+1", "+33 6 12 34 56 78", "-250.5", "=HYPERLINK(\"http://x\")"},
                {"@SUM(A1)", "\tx", "-1+1", "plain"},
                {"Awa", "", "12", "-"}};
  std::string csv = spreadsheet::to_csv(table);
  EXPECT_NE(csv.find("'-1+1,'+33 6 12 34 56 78,-250.5,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("'@SUM(A1),'\tx,'-1+1,plain\r\n"), std::string::npos) << csv;  // -1+1 is no number
  EXPECT_NE(csv.find("Awa,,12,'-\r\n"), std::string::npos) << csv;
  auto read = spreadsheet::read_csv(csv);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->columns, table.columns);
  ASSERT_EQ(read->rows.size(), 3u);
  EXPECT_EQ(read->rows[0], table.rows[0]);
  EXPECT_EQ(read->rows[1], (std::vector<std::string>{"@SUM(A1)", "x", "-1+1", "plain"}));  // trimmed
  EXPECT_EQ(read->rows[2], table.rows[2]);
  // A text column guards a number too (it may be a phone number's sign); it still reads back.
  Table text;
  text.columns = {"value"};
  text.rows = {{"-250.5"}, {"+221"}};
  std::string written = spreadsheet::to_csv(text);
  EXPECT_NE(written.find("'-250.5\r\n'+221\r\n"), std::string::npos);
  EXPECT_EQ(spreadsheet::read_csv(written)->rows, text.rows);
}

TEST(SpreadsheetCsv, MarkingAnUnknownColumnIsABug) {
  Table table;
  table.columns = {"a"};
  EXPECT_THROW(table.mark_numeric({"b"}), std::logic_error);
}

TEST(SpreadsheetCsv, RowsAreSparseAndEmptyRowsDropped) {
  auto read = spreadsheet::read_csv(
      "\xEF\xBB\xBF"
      "a, b ,c,,\r\n1\r\n,,\r\n\r\n2,,\r\n,,3\r\n\"\",x\r\n");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->columns, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(read->rows, (std::vector<std::vector<std::string>>{{"1"}, {"2"}, {"", "", "3"}, {"", "x"}}));
}

TEST(SpreadsheetCsv, ParseKeepsItsRowsForTrustedFiles) {
  auto rows = csv::parse("a,b\n\n\"\"\nx,\r\n\r");
  EXPECT_EQ(rows, (std::vector<csv::Row>{{"a", "b"}, {""}, {"x", ""}}));
}

TEST(SpreadsheetCsv, RefusesAValueBeyondTheHeaderWithItsRowAndColumn) {
  // Line 2 is blank and the quoted line break keeps record 4 on one row, as a spreadsheet shows it.
  auto read = spreadsheet::read_csv("a,b\n\nx,,  \n\"multi\nline\",y,z\n");
  EXPECT_TRUE(refused(read, "file_cell_beyond_header", {{"row", "4"}, {"column", "3"}, {"last", "2"}}));
}

TEST(SpreadsheetCsv, RefusesTooManyColumnsAtTheHeader) {
  std::string header;
  for (int c = 0; c < 22'000; ++c) header += "x,";
  std::string csv = header + "\n";
  for (int r = 0; r < 1000; ++r) csv += "y\n";
  auto read = timed([&] { return spreadsheet::read_csv(csv); }, 1.0);
  EXPECT_TRUE(refused(read, "file_too_many_columns", {{"max", "100"}, {"row", "1"}, {"column", "101"}}));
  // A header of exactly 100 columns is fine.
  std::string hundred;
  for (int c = 0; c < 100; ++c) hundred += (c ? ",c" : "c") + std::to_string(c);
  auto fine = spreadsheet::read_csv(hundred + "\n" + std::string(99, ',') + "last\n");
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(fine->rows.at(0).size(), 100u);
}

TEST(SpreadsheetCsv, RefusesRowsPastTheLimitWhileReading) {
  std::string csv = "latin_name,note\n";
  for (int r = 0; r < 20'000; ++r) csv += "Awa " + std::to_string(r) + ",n\n";
  auto fine = timed([&] { return spreadsheet::read_csv(csv); });
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(fine->rows.size(), 20'000u);
  for (int r = 0; r < 10'000; ++r) csv += "Awa " + std::to_string(r) + ",n\n";
  EXPECT_TRUE(refused(timed([&] { return spreadsheet::read_csv(csv); }), "file_too_many_rows", {{"max", "20000"}}));
  EXPECT_TRUE(
      refused(spreadsheet::read_csv("a\n1\n2\n3\n", Limits{.max_rows = 2}), "file_too_many_rows", {{"max", "2"}}));
}

TEST(SpreadsheetCsv, RefusesLongCellsAndTooMuchText) {
  EXPECT_TRUE(spreadsheet::read_csv("a\n" + std::string(32'767, 'x') + "\n").ok());
  std::string arabic;
  for (int i = 0; i < 32'767; ++i) arabic += "\xD8\xB3";  // two bytes a character
  EXPECT_TRUE(spreadsheet::read_csv("a\n" + arabic + "\n").ok());
  EXPECT_TRUE(refused(spreadsheet::read_csv("a,b\n1," + std::string(32'768, 'x') + "\n"), "file_cell_too_long",
                      {{"max", "32767"}, {"row", "2"}, {"column", "2"}}));
  // A quoted field of 10 MiB is refused once it is too long, not read to its end.
  auto huge = "a\n\"" + std::string(10 * kMiB, 'x') + "\"\n";
  EXPECT_TRUE(refused(timed([&] { return spreadsheet::read_csv(huge); }, 1.0), "file_cell_too_long",
                      {{"row", "2"}, {"column", "1"}}));
  EXPECT_TRUE(refused(spreadsheet::read_csv("a,b\n" + std::string(60, 'x') + "," + std::string(60, 'y') + "\n",
                                            Limits{.max_text_bytes = 100}),
                      "file_too_much_text"));
  EXPECT_TRUE(
      refused(spreadsheet::read_csv("a,b\n1,2\n3,4\n", Limits{.max_cells = 5}), "file_too_many_cells", {{"max", "5"}}));
  EXPECT_TRUE(refused(spreadsheet::read_csv("a\n\xC3\x28\n"), "bad_file"));
}

// --- XLSX ---

TEST(SpreadsheetXlsx, ReadsBackWhatItWritesWithSparseRows) {
  Table table;
  table.columns = {"person_id", "latin_name", "arabic_name", "note", "amount"};
  table.mark_numeric({"person_id", "amount"});
  table.rows = {
      {"1", "Awa Diop", "عوا ديوب", "line one\nline two", "-250.5"}, {"2", "=not a formula", "", "+33 6 12"}, {"3"}};
  auto read = spreadsheet::read_xlsx(spreadsheet::to_xlsx(table, "people"));
  ASSERT_TRUE(read.ok()) << read.error().detail_key;
  EXPECT_EQ(read->columns, table.columns);
  EXPECT_EQ(read->rows, table.rows);
  // The same table through CSV.
  auto csv = spreadsheet::read_csv(spreadsheet::to_csv(table));
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->rows, table.rows);
}

TEST(SpreadsheetXlsx, ReadsSharedStringsRichTextAndTypes) {
  auto file = xlsx({{kShared, shared_strings("<si><t> Awa </t></si><si><r><t>Di</t></r><r><t>op</t></r>"
                                             "<rPh><t>ディオプ</t></rPh></si><si><t>   </t></si>")},
                    {kSheet, worksheet(row(1, shared_cell("A1", 0) + inline_cell("B1", "b") +
                                                  "<c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c>") +
                                       row(3, shared_cell("B3", 1) + "<c r=\"C3\" t=\"b\"><v>1</v></c>") +
                                       row(4, shared_cell("A4", 2)) + row(5, "<c r=\"A5\"><v>45123</v></c>"))}});
  auto read = spreadsheet::read_xlsx(file);
  ASSERT_TRUE(read.ok()) << read.error().detail_key;
  EXPECT_EQ(read->columns, (std::vector<std::string>{"Awa", "b", "c"}));
  EXPECT_EQ(read->rows, (std::vector<std::vector<std::string>>{{"", "Diop", "true"}, {"45123"}}));
}

TEST(SpreadsheetXlsx, RefusesXfdRowsWithTheirPlace) {
  std::string rows = header_row();
  for (int r = 2; r <= 1001; ++r) rows += row(r, inline_cell("XFD" + std::to_string(r), "x"));
  auto file = xlsx({{kSheet, worksheet(rows)}});
  EXPECT_LT(file.size(), 20'000u);
  EXPECT_TRUE(refused(timed([&] { return spreadsheet::read_xlsx(file); }, 1.0), "file_cell_beyond_header",
                      {{"row", "2"}, {"column", "XFD"}, {"last", "A"}}));
  // In the header: too many columns.
  auto wide = xlsx({{kSheet, worksheet(row(1, inline_cell("A1", "a") + inline_cell("CW1", "b")))}});
  EXPECT_TRUE(
      refused(spreadsheet::read_xlsx(wide), "file_too_many_columns", {{"max", "100"}, {"row", "1"}, {"column", "CW"}}));
  // Empty cells far away cost nothing and are not kept.
  auto empty = xlsx({{kSheet, worksheet(header_row() + row(2, inline_cell("A2", "Awa") + "<c r=\"XFD2\"/>" +
                                                                  inline_cell("XFC2", "  ")))}});
  auto read = spreadsheet::read_xlsx(empty);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->rows, (std::vector<std::vector<std::string>>{{"Awa"}}));
}

TEST(SpreadsheetXlsx, RefusesSharedStringBombs) {
  std::string rows = header_row();
  for (int r = 2; r <= 401; ++r) rows += row(r, shared_cell("A" + std::to_string(r), 0));
  auto bomb =
      xlsx({{kSheet, worksheet(rows)}, {kShared, shared_strings("<si><t>" + std::string(kMiB, 'a') + "</t></si>")}});
  EXPECT_LT(bomb.size(), 10'000u);
  EXPECT_TRUE(refused(timed([&] { return spreadsheet::read_xlsx(bomb); }, 1.0), "file_cell_too_long",
                      {{"max", "32767"}, {"row", "2"}, {"column", "A"}}));
  // Strings within a cell's length, referenced until the table's text passes 64 MiB: refused when
  // the references are counted, before any is copied.
  rows = header_row();
  for (int r = 2; r <= 20'001; ++r) rows += row(r, shared_cell("A" + std::to_string(r), 0));
  auto references =
      xlsx({{kSheet, worksheet(rows)}, {kShared, shared_strings("<si><t>" + std::string(32'000, 'b') + "</t></si>")}});
  EXPECT_TRUE(
      refused(timed([&] { return spreadsheet::read_xlsx(references); }), "file_too_much_text", {{"max", "64"}}));
  // Within the limit the references become cells.
  auto fine = spreadsheet::read_xlsx(references, Limits{.max_text_bytes = 1u << 30});
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(fine->rows.size(), 20'000u);
  EXPECT_EQ(fine->rows.back().at(0).size(), 32'000u);
  // The shared strings themselves: their number and their size.
  std::string many;
  for (int i = 0; i < 11; ++i) many += "<si><t>s" + std::to_string(i) + "</t></si>";
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(xlsx({{kShared, shared_strings(many)}}), Limits{.max_cells = 10}),
                      "file_too_many_cells", {{"max", "10"}}));
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(xlsx({{kShared, shared_strings(many)}}), Limits{.max_text_bytes = 20}),
                      "file_too_much_text"));
  auto missing = xlsx({{kSheet, worksheet(header_row() + row(2, shared_cell("A2", 7)))}});
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(missing), "bad_file"));
}

TEST(SpreadsheetXlsx, RefusesLongInlineCells) {
  auto file = xlsx({{kSheet, worksheet(header_row() + row(7, inline_cell("C7", std::string(40'000, 'x'))))}});
  EXPECT_TRUE(
      refused(spreadsheet::read_xlsx(file), "file_cell_too_long", {{"max", "32767"}, {"row", "7"}, {"column", "C"}}));
  auto fine = xlsx({{kSheet, worksheet(header_row() + row(2, inline_cell("A2", std::string(32'767, 'x'))))}});
  EXPECT_TRUE(spreadsheet::read_xlsx(fine).ok());
}

TEST(SpreadsheetXlsx, RefusesZipBombsAndLyingSizes) {
  auto bomb = timed([&] { return xlsx({{kSheet, "", 100 * kMiB}}); });
  EXPECT_LT(bomb.size(), 200'000u);
  EXPECT_TRUE(refused(timed([&] { return spreadsheet::read_xlsx(bomb); }, 0.5), "file_part_too_large",
                      {{"part", kSheet}, {"max", "64"}}));
  // A sheet of blank space (valid XML) over a smaller limit.
  auto blank = xlsx({{kSheet, worksheet(header_row() + std::string(2 * kMiB, ' '))}});
  EXPECT_TRUE(
      refused(spreadsheet::read_xlsx(blank, Limits{.max_part_bytes = kMiB}), "file_part_too_large", {{"max", "1"}}));
  std::string sheet = worksheet(header_row() + row(2, inline_cell("A2", "Awa")));
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(xlsx({{kSheet, sheet, 0, 0x80000000u}})), "file_part_too_large"));
  // Declared smaller than it is: minizip stops at the declared size, and the part is corrupt.
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(xlsx({{kSheet, sheet, 0, 100u}})), "bad_file"));
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(xlsx({{kSheet, sheet, 0, static_cast<std::uint32_t>(sheet.size() + 9)}})),
                      "bad_file"));
  auto honest = spreadsheet::read_xlsx(xlsx({{kSheet, sheet, 0, static_cast<std::uint32_t>(sheet.size())}}));
  ASSERT_TRUE(honest.ok());
  EXPECT_EQ(honest->rows, (std::vector<std::vector<std::string>>{{"Awa"}}));
  EXPECT_TRUE(refused(spreadsheet::read_xlsx("PK\x03\x04 not really a zip"), "bad_file"));
}

TEST(SpreadsheetXlsx, RefusesDocumentTypesAndEntities) {
  std::string dtd = "<!DOCTYPE sst [<!ENTITY lol0 \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) dtd += "&lol" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  auto laughs = xlsx({{kShared, kDeclaration + dtd + "<sst xmlns=\"" + kMain + "\"><si><t>&lol9;</t></si></sst>"}});
  EXPECT_TRUE(refused(timed([&] { return spreadsheet::read_xlsx(laughs); }, 0.5), "file_not_allowed_xml"));
  // Any document type, in any part read.
  auto doctype =
      xlsx({{kSheet, kDeclaration + "<!DOCTYPE worksheet>" + worksheet(header_row()).substr(kDeclaration.size())}});
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(doctype), "file_not_allowed_xml"));
  auto external = xlsx({{"xl/workbook.xml", kDeclaration + "<!DOCTYPE workbook SYSTEM \"file:///etc/passwd\">"
                                                           "<workbook/>"}});
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(external), "file_not_allowed_xml"));
}

TEST(SpreadsheetXlsx, RefusesDeepNestingAndLongTokens) {
  std::string deep = kDeclaration + "<worksheet><sheetData>";
  for (int i = 0; i < 1'000'000; ++i) deep += "<a>";
  EXPECT_TRUE(refused(timed([&] {
                        return spreadsheet::read_xlsx(xlsx({{kSheet, deep}}));
                      }),
                      "file_xml_too_deep", {{"max", "64"}}));
  std::string tail = worksheet(header_row()).substr(kDeclaration.size());
  auto comment = xlsx({{kSheet, kDeclaration + "<!--" + std::string(60 * kMiB, 'c') + "-->" + tail}});
  EXPECT_TRUE(
      refused(timed([&] { return spreadsheet::read_xlsx(comment); }, 1.0), "file_xml_too_long", {{"max", "64"}}));
  auto attribute = xlsx({{kSheet, worksheet(row(1, "<c r=\"A1\" x=\"" + std::string(kMiB, '>') + "\"/>"))}});
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(attribute), "file_xml_too_long"));
  auto reference =
      xlsx({{kSheet,
             worksheet(row(1, "<c r=\"A1\" t=\"inlineStr\"><is><t>&" + std::string(kMiB, 'a') + ";</t></is></c>"))}});
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(reference), "file_xml_too_long"));
  auto instruction = xlsx({{kSheet, kDeclaration + "<?pi " + std::string(kMiB, '?') + "?>" + tail}});
  EXPECT_TRUE(refused(spreadsheet::read_xlsx(instruction), "file_xml_too_long"));
  // Long text between tags is no token: a cell's 30,000 characters (some escaped) are fine.
  std::string text;
  for (int i = 0; i < 10'000; ++i) text += "a&amp;>";
  auto long_text = xlsx({{kSheet, worksheet(header_row() + row(2, inline_cell("A2", text)))}});
  auto read = spreadsheet::read_xlsx(long_text);
  ASSERT_TRUE(read.ok()) << read.error().detail_key;
  EXPECT_EQ(read->rows.at(0).at(0).size(), 30'000u);
}

TEST(SpreadsheetXlsx, ReadsATwentyThousandRowImportOfOrdinarySize) {
  Table table;
  for (int c = 0; c < 20; ++c) table.columns.push_back("column_" + std::to_string(c));
  for (int r = 0; r < 20'000; ++r) {
    std::vector<std::string> cells;
    for (int c = 0; c < 20; ++c) cells.push_back("value " + std::to_string(r) + " " + std::to_string(c));
    table.rows.push_back(std::move(cells));
  }
  auto file = spreadsheet::to_xlsx(table, "big");
  auto read = timed([&] { return spreadsheet::read_xlsx(file); }, 20.0);
  ASSERT_TRUE(read.ok()) << read.error().detail_key;
  EXPECT_EQ(read->rows.size(), 20'000u);
  EXPECT_EQ(read->rows.back(), table.rows.back());
  table.rows.push_back(table.rows.back());
  EXPECT_TRUE(
      refused(spreadsheet::read_xlsx(spreadsheet::to_xlsx(table, "big")), "file_too_many_rows", {{"max", "20000"}}));
}

}  // namespace
}  // namespace taawun
