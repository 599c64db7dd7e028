// CSV through core/csv, XLSX written with libxlsxwriter and read with minizip + expat (an XLSX
// file is a zip of XML parts; we read the shared strings and the first worksheet only). ADR 0006
// (docs/adr/0006-spreadsheets.md).
#include "core/spreadsheet.hpp"

#include <expat.h>
#include <minizip/unzip.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace taawun::spreadsheet {
namespace {

Error bad_file(std::string reason) {
  return Error::of(ErrorCode::bad_request, "bad_file", {{"reason", std::move(reason)}});
}

bool needs_guard(std::string_view cell) {
  return !cell.empty() && (cell.front() == '=' || cell.front() == '@');
}

void append_csv_cell(std::string& out, std::string_view cell) {
  std::string value = needs_guard(cell) ? "'" + std::string(cell) : std::string(cell);
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// A file in the temporary folder, removed when it goes out of scope.
struct TemporaryFile {
  std::filesystem::path path;
  TemporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "taawun-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd >= 0) ::close(fd);
    path = pattern;
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// --- XLSX reading ---

Result<std::string> zip_entry(unzFile zip, const char* name) {
  if (unzLocateFile(zip, name, 2) != UNZ_OK) return bad_file(std::string("missing part ") + name);
  unz_file_info64 info;
  if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
    return bad_file("unreadable zip entry");
  // A worksheet of a million cells stays well under this; a zip bomb does not.
  if (info.uncompressed_size > (256u << 20)) return bad_file("part too large");
  if (unzOpenCurrentFile(zip) != UNZ_OK) return bad_file("unreadable zip entry");
  std::string content(info.uncompressed_size, '\0');
  int read = content.empty() ? 0 : unzReadCurrentFile(zip, content.data(), static_cast<unsigned>(content.size()));
  unzCloseCurrentFile(zip);
  if (read < 0 || static_cast<std::size_t>(read) != content.size()) return bad_file("corrupt zip entry");
  return content;
}

struct XmlParser {
  XML_Parser parser;
  XmlParser() : parser(XML_ParserCreate("UTF-8")) {}
  ~XmlParser() { XML_ParserFree(parser); }
};

std::string_view local_name(const char* name) {
  std::string_view view(name);
  auto colon = view.rfind(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

// xl/sharedStrings.xml: <si><t>text</t></si> or rich text <si><r><t>a</t></r><r><t>b</t></r></si>.
struct SharedStrings {
  std::vector<std::string> strings;
  std::string current;
  bool in_si = false, in_t = false;
};

Result<std::vector<std::string>> parse_shared_strings(const std::string& xml) {
  SharedStrings state;
  XmlParser xml_parser;
  XML_SetUserData(xml_parser.parser, &state);
  XML_SetElementHandler(
      xml_parser.parser,
      [](void* data, const char* name, const char**) {
        auto* s = static_cast<SharedStrings*>(data);
        auto tag = local_name(name);
        if (tag == "si") {
          s->in_si = true;
          s->current.clear();
        } else if (tag == "t" && s->in_si) {
          s->in_t = true;
        }
      },
      [](void* data, const char* name) {
        auto* s = static_cast<SharedStrings*>(data);
        auto tag = local_name(name);
        if (tag == "t") s->in_t = false;
        if (tag == "si") {
          s->strings.push_back(std::move(s->current));
          s->current.clear();
          s->in_si = false;
        }
      });
  XML_SetCharacterDataHandler(xml_parser.parser, [](void* data, const char* text, int length) {
    auto* s = static_cast<SharedStrings*>(data);
    if (s->in_t) s->current.append(text, static_cast<std::size_t>(length));
  });
  if (XML_Parse(xml_parser.parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
    return bad_file("sharedStrings.xml is not valid XML");
  return std::move(state.strings);
}

struct Sheet {
  const std::vector<std::string>* shared = nullptr;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::size_t column = 0;
  std::string type, value;
  bool in_value = false, in_cell = false;
  std::string problem;
};

// "BC12" → column index 54 (zero-based).
std::size_t column_of(std::string_view reference) {
  std::size_t column = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  return column == 0 ? 0 : column - 1;
}

Result<std::vector<std::vector<std::string>>> parse_sheet(const std::string& xml,
                                                          const std::vector<std::string>& shared) {
  Sheet state;
  state.shared = &shared;
  XmlParser xml_parser;
  XML_SetUserData(xml_parser.parser, &state);
  XML_SetElementHandler(
      xml_parser.parser,
      [](void* data, const char* name, const char** attributes) {
        auto* s = static_cast<Sheet*>(data);
        auto tag = local_name(name);
        if (tag == "row") {
          s->row.clear();
          s->column = 0;
        } else if (tag == "c") {
          s->in_cell = true;
          s->type.clear();
          s->value.clear();
          for (int i = 0; attributes[i]; i += 2) {
            std::string_view attribute(attributes[i]);
            if (attribute == "t") s->type = attributes[i + 1];
            if (attribute == "r") s->column = column_of(attributes[i + 1]);
          }
        } else if ((tag == "v" || tag == "t") && s->in_cell) {
          s->in_value = true;
        }
      },
      [](void* data, const char* name) {
        auto* s = static_cast<Sheet*>(data);
        auto tag = local_name(name);
        if (tag == "v" || tag == "t") {
          s->in_value = false;
        } else if (tag == "c") {
          std::string cell = s->value;
          if (s->type == "s") {
            std::size_t index = std::strtoul(cell.c_str(), nullptr, 10);
            if (index >= s->shared->size()) {
              s->problem = "a cell points at a missing shared string";
              cell.clear();
            } else {
              cell = (*s->shared)[index];
            }
          } else if (s->type == "b") {
            cell = cell == "1" ? "true" : "false";
          }
          if (s->column > 16384) s->column = 16384;  // Excel's last column
          if (s->row.size() <= s->column) s->row.resize(s->column + 1);
          s->row[s->column] = std::move(cell);
          ++s->column;
          s->in_cell = false;
        } else if (tag == "row") {
          s->rows.push_back(std::move(s->row));
          s->row.clear();
        }
      });
  XML_SetCharacterDataHandler(xml_parser.parser, [](void* data, const char* text, int length) {
    auto* s = static_cast<Sheet*>(data);
    if (s->in_value) s->value.append(text, static_cast<std::size_t>(length));
  });
  if (XML_Parse(xml_parser.parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
    return bad_file("the worksheet is not valid XML");
  if (!state.problem.empty()) return bad_file(state.problem);
  return std::move(state.rows);
}

// The first worksheet's part name, from the workbook and its relationships.
std::string first_sheet_path(unzFile zip) {
  auto workbook = zip_entry(zip, "xl/workbook.xml");
  auto relations = zip_entry(zip, "xl/_rels/workbook.xml.rels");
  if (workbook && relations) {
    auto sheet = workbook->find("<sheet ");
    if (sheet == std::string::npos) sheet = workbook->find(":sheet ");
    auto id_at = sheet == std::string::npos ? std::string::npos : workbook->find(":id=\"", sheet);
    if (id_at != std::string::npos) {
      id_at += 5;
      std::string id = workbook->substr(id_at, workbook->find('"', id_at) - id_at);
      auto relation = relations->find("Id=\"" + id + "\"");
      if (relation != std::string::npos) {
        auto begin = relations->rfind('<', relation);
        auto end = relations->find('>', relation);
        std::string element = relations->substr(begin, end - begin);
        auto target = element.find("Target=\"");
        if (target != std::string::npos) {
          target += 8;
          std::string path = element.substr(target, element.find('"', target) - target);
          if (path.starts_with("/")) return path.substr(1);
          return "xl/" + path;
        }
      }
    }
  }
  return "xl/worksheets/sheet1.xml";
}

Table to_table(std::vector<std::vector<std::string>> rows) {
  Table table;
  // Trim every cell, drop empty rows, pad to the header's width.
  for (auto& row : rows) {
    for (auto& cell : row) cell = text::trim(cell);
    while (!row.empty() && row.back().empty()) row.pop_back();
  }
  std::erase_if(rows, [](const std::vector<std::string>& row) { return row.empty(); });
  if (rows.empty()) return table;
  table.columns = std::move(rows.front());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    rows[i].resize(std::max(rows[i].size(), table.columns.size()));
    table.rows.push_back(std::move(rows[i]));
  }
  return table;
}

}  // namespace

std::string to_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      append_csv_cell(out, cells[i]);
    }
    out += "\r\n";
  };
  line(table.columns);
  for (const auto& row : table.rows) line(row);
  return out;
}

std::string to_xlsx(const Table& table, std::string_view sheet_name) {
  TemporaryFile file;
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows stream to disk: a 100,000-row export stays small in memory
  options.tmpdir = nullptr;
  lxw_workbook* workbook = workbook_new_opt(file.path.c_str(), &options);
  if (!workbook) throw std::runtime_error("libxlsxwriter could not create a workbook");
  std::string name(sheet_name.substr(0, 31));
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  std::vector<std::size_t> widths(table.columns.size(), 8);
  auto widen = [&](std::size_t column, const std::string& cell) {
    if (column < widths.size())
      widths[column] = std::min<std::size_t>(60, std::max(widths[column], text::code_point_count(cell) + 2));
  };
  for (std::size_t c = 0; c < table.columns.size(); ++c) widen(c, table.columns[c]);
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < row.size(); ++c) widen(c, row[c]);
  // Widths before any cell: in constant-memory mode rows are written out in order.
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(widths[c]),
                         nullptr);
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].c_str(), bold);
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    for (std::size_t c = 0; c < table.rows[r].size(); ++c)
      if (!table.rows[r][c].empty())
        worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                               table.rows[r][c].c_str(), nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter could not write the file");
  return read_whole(file.path);
}

Result<Table> read_csv(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!text::is_valid_utf8(bytes)) return bad_file("the file is not UTF-8 text");
  auto rows = csv::parse(bytes);
  for (auto& row : rows)
    for (auto& cell : row)
      if (cell.size() > 1 && cell.front() == '\'' && needs_guard(std::string_view(cell).substr(1))) cell.erase(0, 1);
  return to_table(std::move(rows));
}

Result<Table> read_xlsx(std::string_view bytes) {
  if (!bytes.starts_with("PK")) return bad_file("not an XLSX file");
  TemporaryFile file;
  {
    std::ofstream out(file.path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  unzFile zip = unzOpen64(file.path.c_str());
  if (!zip) return bad_file("not an XLSX file");
  std::unique_ptr<void, int (*)(unzFile)> closer(zip, unzClose);
  std::vector<std::string> shared;
  if (unzLocateFile(zip, "xl/sharedStrings.xml", 2) == UNZ_OK) {
    TAAWUN_TRY(xml, zip_entry(zip, "xl/sharedStrings.xml"));
    TAAWUN_TRY(strings, parse_shared_strings(xml));
    shared = std::move(strings);
  }
  TAAWUN_TRY(sheet_xml, zip_entry(zip, first_sheet_path(zip).c_str()));
  TAAWUN_TRY(rows, parse_sheet(sheet_xml, shared));
  for (const auto& row : rows)
    for (const auto& cell : row)
      if (!text::is_valid_utf8(cell)) return bad_file("a cell is not UTF-8 text");
  return to_table(std::move(rows));
}

std::optional<std::string> date_from_serial(std::string_view cell) {
  if (cell.empty() || cell.size() > 12) return std::nullopt;
  char* end = nullptr;
  std::string copy(cell);
  double serial = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || serial < 1 || serial > 2958465) return std::nullopt;
  // Day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was: from day 61 on,
  // day 0 is 1899-12-30.
  auto day = static_cast<long>(serial);
  std::chrono::sys_days epoch = std::chrono::year{1899} / 12 / 30;
  std::chrono::sys_days date = epoch + std::chrono::days{day < 61 ? day + 1 : day};
  std::chrono::year_month_day ymd{date};
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return std::string(out);
}

}  // namespace taawun::spreadsheet
