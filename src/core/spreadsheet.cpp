// CSV through core/csv, XLSX written with libxlsxwriter and read with minizip + expat (an XLSX
// file is a zip of XML parts; we read the shared strings and the first worksheet only). ADR 0006
// (docs/adr/0006-spreadsheets.md).
//
// Reading applies spreadsheet::Limits as it goes: a zip part is unpacked in pieces fed to expat
// (never its declared size at once), each cell is checked when it ends, a row keeps only what
// lies up to its last value, and XLSX shared strings are kept once and referenced by the cells
// until the table is complete, so a file is refused before it costs more than the table it may
// give.
#include "core/spreadsheet.hpp"

#include <expat.h>
#include <minizip/unzip.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace taawun::spreadsheet {
namespace {

constexpr std::size_t kMiB = 1u << 20;

Error bad_file(std::string reason) {
  return Error::of(ErrorCode::bad_request, "bad_file", {{"reason", std::move(reason)}});
}

Error file_error(std::string code, std::vector<std::pair<std::string, std::string>> params = {}) {
  return Error::of(ErrorCode::bad_request, std::move(code), std::move(params));
}

// Sizes in problems are given in whole MiB or KiB (rounded up).
std::string in_units(std::size_t bytes, std::size_t unit) {
  return std::to_string((bytes + unit - 1) / unit);
}

// --- CSV writing ---

// OWASP's characters that make a spreadsheet read a cell as a formula.
bool formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Strictly a number as the exports write them: -12, 250.5.
bool is_number(std::string_view cell) {
  if (cell.starts_with('-')) cell.remove_prefix(1);
  auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto point = cell.find('.');
  if (point == std::string_view::npos) return digits(cell);
  return digits(cell.substr(0, point)) && digits(cell.substr(point + 1));
}

// A formula once its leading apostrophes are taken off: what the guard protects, and so also
// what must be guarded again when a user's own cell already begins with apostrophes ("'=x"
// written as is would read back as "=x": found by fuzz/csv_fuzz).
bool formula_behind_apostrophes(std::string_view cell) {
  while (!cell.empty() && cell.front() == '\'') cell.remove_prefix(1);
  return !cell.empty() && formula_start(cell.front());
}

bool needs_guard(std::string_view cell, bool numeric) {
  if (cell.empty()) return false;
  if (cell.front() == '\'') return formula_behind_apostrophes(cell);
  return formula_start(cell.front()) && !(numeric && is_number(cell));
}

void append_csv_cell(std::string& out, std::string_view cell, bool numeric) {
  std::string value = needs_guard(cell, numeric) ? "'" + std::string(cell) : std::string(cell);
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

// --- reading: cells into a table, within the limits ---

std::string_view trimmed(std::string_view text) {
  const char* spaces = " \t\r\n";
  auto begin = text.find_first_not_of(spaces);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(spaces) - begin + 1);
}

// "A" for the first column, "XFD" for Excel's last.
std::string column_letters(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
  return letters;
}

// The shared strings of an XLSX file: kept once, trimmed, one after the other; cells refer to
// them by index until the table is complete.
struct SharedStrings {
  struct Entry {
    std::uint32_t offset = 0, length = 0;
    bool too_long = false;  // over the characters of a cell: its text is not kept
  };
  std::string text;
  std::vector<Entry> entries;
  std::string_view at(std::size_t index) const {
    return std::string_view(text).substr(entries[index].offset, entries[index].length);
  }
};

// Cells as a reader meets them, into a table; every limit is checked as each cell and each row
// ends. Rows are numbered as the file numbers them (for problems), columns from 0.
class Builder {
 public:
  enum class Names { letters, numbers };  // how problems name a column: XLSX "XFD", CSV 16384
  Builder(const Limits& limits, Names names, const SharedStrings* shared = nullptr)
      : limits_(limits), names_(names), shared_(shared) {}

  // A cell's text (trimmed here; an empty cell is not kept).
  Status cell(std::size_t row, std::size_t column, std::string_view text) {
    text = trimmed(text);
    if (text.empty()) return ok_status();
    if (text::code_point_count(text) > limits_.max_cell_chars) return cell_too_long(row, column);
    TAAWUN_CHECK(place(row, column, text.size()));
    current_[column] = std::string(text);
    return ok_status();
  }
  // A cell holding shared string `index` (checked by the caller): the reference is kept, and the
  // text counted, now; the text itself is copied only when the whole table has passed.
  Status shared_cell(std::size_t row, std::size_t column, std::uint32_t index) {
    const auto& entry = shared_->entries[index];
    if (entry.too_long) return cell_too_long(row, column);
    if (entry.length == 0) return ok_status();
    TAAWUN_CHECK(place(row, column, entry.length));
    references_.push_back({width_ ? rows_.size() : kHeader, static_cast<std::uint32_t>(column), index});
    return ok_status();
  }
  Status end_row() {
    if (current_.empty()) return ok_status();  // no value: the row is dropped
    cells_ += current_.size();
    if (cells_ > limits_.max_cells)
      return file_error("file_too_many_cells", {{"max", std::to_string(limits_.max_cells)}});
    if (!width_) {
      width_ = current_.size();
      header_ = std::move(current_);
    } else {
      if (++data_rows_ > limits_.max_rows)
        return file_error("file_too_many_rows", {{"max", std::to_string(limits_.max_rows)}});
      rows_.push_back(std::move(current_));
    }
    current_ = {};
    row_references_ = references_.size();
    return ok_status();
  }
  Table finish() && {
    for (const auto& reference : references_) {
      auto& row = reference.row == kHeader ? header_ : rows_[reference.row];
      row[reference.column] = std::string(shared_->at(reference.index));
    }
    Table table;
    table.columns = std::move(header_);
    table.rows = std::move(rows_);
    return table;
  }
  std::string name_of(std::size_t column) const {
    return names_ == Names::letters ? column_letters(column) : std::to_string(column + 1);
  }
  Error cell_too_long(std::size_t row, std::size_t column) const {
    return file_error(
        "file_cell_too_long",
        {{"max", std::to_string(limits_.max_cell_chars)}, {"row", std::to_string(row)}, {"column", name_of(column)}});
  }

 private:
  static constexpr std::size_t kHeader = std::numeric_limits<std::size_t>::max();
  struct Reference {
    std::size_t row;  // in rows_, or kHeader
    std::uint32_t column, index;
  };

  // Makes room for a value of `bytes` at `column` in the current row.
  Status place(std::size_t row, std::size_t column, std::size_t bytes) {
    if (!width_ && column >= limits_.max_columns)
      return file_error(
          "file_too_many_columns",
          {{"max", std::to_string(limits_.max_columns)}, {"row", std::to_string(row)}, {"column", name_of(column)}});
    if (width_ && column >= *width_)
      return file_error("file_cell_beyond_header",
                        {{"row", std::to_string(row)}, {"column", name_of(column)}, {"last", name_of(*width_ - 1)}});
    text_bytes_ += bytes;
    if (text_bytes_ > limits_.max_text_bytes)
      return file_error("file_too_much_text", {{"max", in_units(limits_.max_text_bytes, kMiB)}});
    if (current_.size() <= column) current_.resize(column + 1);
    current_[column].clear();
    // A second value for the same cell replaces the first, shared or not.
    for (std::size_t i = row_references_; i < references_.size(); ++i)
      if (references_[i].column == column) {
        references_.erase(references_.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    return ok_status();
  }

  const Limits& limits_;
  Names names_;
  const SharedStrings* shared_;
  std::optional<std::size_t> width_;  // the header's, once read
  std::vector<std::string> header_, current_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<Reference> references_;
  std::size_t row_references_ = 0;  // where the current row's references begin
  std::size_t text_bytes_ = 0, cells_ = 0, data_rows_ = 0;
};

// --- XLSX reading ---

// Expat 2.5 (Debian 12) keeps a whole tag, comment, processing instruction or entity reference
// in memory and tokenizes it again with each new piece of input, so one long token costs memory
// and quadratic time (CVE-2023-52425; reparse deferral came with expat 2.6). This scanner
// measures each token in the bytes before expat sees them. Text between tags is not a token:
// expat hands it over piece by piece.
class TokenScanner {
 public:
  explicit TokenScanner(std::size_t max_bytes) : max_(max_bytes) {}
  // False when a token grows longer than the maximum.
  bool scan(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      // Most bytes are text, tags and attribute values: skipped to the byte that ends them.
      if (state_ == State::text || state_ == State::tag || state_ == State::quoted) {
        auto next = state_ == State::quoted ? bytes.find(quote_, i)
                                            : bytes.find_first_of(state_ == State::text ? "<&" : "\"'>", i);
        if (state_ != State::text) length_ += (next == std::string_view::npos ? bytes.size() : next + 1) - i;
        if (length_ > max_) return false;
        if (next == std::string_view::npos) return true;
        i = next;
        char c = bytes[i];
        if (state_ == State::text) {
          state_ = c == '<' ? State::open : State::reference;
          length_ = 1;
          previous_ = {0, 0};
        } else if (state_ == State::quoted) {
          state_ = State::tag;
        } else if (c == '>') {
          state_ = State::text;
        } else {
          quote_ = c;
          state_ = State::quoted;
        }
        continue;
      }
      char c = bytes[i];
      if (++length_ > max_) return false;
      switch (state_) {
        case State::text:
        case State::tag:
        case State::quoted:
          break;
        case State::open:
          if (c == '?') {
            state_ = State::instruction;
          } else if (c == '!') {
            state_ = State::bang;
            bang_.clear();
          } else {
            state_ = c == '>' ? State::text : State::tag;
            if (c == '"' || c == '\'') {
              quote_ = c;
              state_ = State::quoted;
            }
          }
          break;
        case State::bang:
          bang_ += c;
          if (bang_ == "--") {
            state_ = State::comment;
            c = 0;
          } else if (bang_ == "[CDATA[") {
            state_ = State::cdata;
            c = 0;
          } else if (!std::string_view("--").starts_with(bang_) && !std::string_view("[CDATA[").starts_with(bang_)) {
            state_ = c == '>' ? State::text : State::declaration;
          }
          break;
        case State::declaration:
          if (c == '>') state_ = State::text;
          break;
        case State::comment:
          if (c == '>' && previous_[0] == '-' && previous_[1] == '-') state_ = State::text;
          break;
        case State::cdata:
          if (c == '>' && previous_[0] == ']' && previous_[1] == ']') state_ = State::text;
          break;
        case State::instruction:
          if (c == '>' && previous_[0] == '?') state_ = State::text;
          break;
        case State::reference:
          if (c == '<') {
            state_ = State::open;
            length_ = 1;
          } else if (c == ';') {
            state_ = State::text;
          }
          break;
      }
      previous_[1] = previous_[0];
      previous_[0] = c;
    }
    return true;
  }

 private:
  enum class State { text, open, bang, tag, quoted, declaration, comment, cdata, instruction, reference };
  std::size_t max_;
  State state_ = State::text;
  std::size_t length_ = 0;
  char quote_ = 0;
  std::array<char, 2> previous_{};  // the last two bytes of the token, the last first
  std::string bang_;                // what follows "<!", until it tells a comment from CDATA
};

std::string_view local_name(const char* name) {
  std::string_view view(name);
  auto colon = view.rfind(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

// One XML part of the zip, unpacked in pieces into expat, within the limits; refuses document
// types and entity declarations, elements nested too deep and tokens too long.
class XmlReader {
 public:
  explicit XmlReader(const Limits& limits)
      : limits_(limits), scanner_(limits.max_xml_token_bytes), parser_(XML_ParserCreate("UTF-8")) {
    if (!parser_) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(
        parser_,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
          auto* self = static_cast<XmlReader*>(data);
          if (self->problem_) return;
          if (++self->depth_ > self->limits_.max_xml_depth)
            return self->fail(file_error("file_xml_too_deep", {{"max", std::to_string(self->limits_.max_xml_depth)}}));
          self->start(local_name(name), attributes);
        },
        [](void* data, const XML_Char* name) {
          auto* self = static_cast<XmlReader*>(data);
          if (self->problem_) return;
          --self->depth_;
          self->end(local_name(name));
        });
    XML_SetCharacterDataHandler(parser_, [](void* data, const XML_Char* text, int length) {
      auto* self = static_cast<XmlReader*>(data);
      if (!self->problem_) self->text(std::string_view(text, static_cast<std::size_t>(length)));
    });
    // No DTD at all: its entities are how a few bytes become gigabytes (billion laughs).
    XML_SetStartDoctypeDeclHandler(parser_, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
      static_cast<XmlReader*>(data)->fail(file_error("file_not_allowed_xml"));
    });
    XML_SetEntityDeclHandler(parser_, [](void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                         const XML_Char*, const XML_Char*, const XML_Char*) {
      static_cast<XmlReader*>(data)->fail(file_error("file_not_allowed_xml"));
    });
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  }
  virtual ~XmlReader() { XML_ParserFree(parser_); }
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Reads part `name` of `zip` (located by the caller or not) to its end.
  Status read(unzFile zip, const std::string& name) {
    if (unzLocateFile(zip, name.c_str(), 2) != UNZ_OK) return bad_file("missing part " + name);
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
      return bad_file("unreadable zip entry");
    auto too_large = [&] {
      return file_error("file_part_too_large", {{"part", name}, {"max", in_units(limits_.max_part_bytes, kMiB)}});
    };
    // The declared size is only believed when it says too much: minizip stops at it anyway, and
    // what is read is counted below.
    if (info.uncompressed_size > limits_.max_part_bytes) return too_large();
    if (unzOpenCurrentFile(zip) != UNZ_OK) return bad_file("unreadable zip entry");
    std::array<char, 64 << 10> piece;
    std::uint64_t total = 0;
    bool xml_error = false;
    for (;;) {
      int got = unzReadCurrentFile(zip, piece.data(), static_cast<unsigned>(piece.size()));
      if (got < 0) {
        unzCloseCurrentFile(zip);
        return bad_file("corrupt zip entry " + name);
      }
      if (got == 0) break;
      total += static_cast<std::uint64_t>(got);
      if (total > limits_.max_part_bytes) {
        unzCloseCurrentFile(zip);
        return too_large();
      }
      if (!scanner_.scan(std::string_view(piece.data(), static_cast<std::size_t>(got)))) {
        unzCloseCurrentFile(zip);
        return file_error("file_xml_too_long", {{"max", in_units(limits_.max_xml_token_bytes, 1024)}});
      }
      if (XML_Parse(parser_, piece.data(), got, XML_FALSE) == XML_STATUS_ERROR) {
        xml_error = true;
        break;
      }
    }
    bool corrupt = unzCloseCurrentFile(zip) != UNZ_OK;
    if (problem_) return *problem_;
    if (!xml_error && !corrupt && total == info.uncompressed_size)
      xml_error = XML_Parse(parser_, nullptr, 0, XML_TRUE) == XML_STATUS_ERROR;
    if (problem_) return *problem_;
    if (xml_error)
      return bad_file(name + " is not valid XML (" + XML_ErrorString(XML_GetErrorCode(parser_)) + ", line " +
                      std::to_string(XML_GetCurrentLineNumber(parser_)) + ")");
    if (corrupt || total != info.uncompressed_size) return bad_file("corrupt zip entry " + name);
    return ok_status();
  }

 protected:
  virtual void start(std::string_view /*tag*/, const XML_Char** /*attributes*/) {}
  virtual void end(std::string_view /*tag*/) {}
  virtual void text(std::string_view /*text*/) {}
  // Stops the reading; the first problem is the one reported.
  void fail(Error error) {
    if (problem_) return;
    problem_ = std::move(error);
    XML_StopParser(parser_, XML_FALSE);
  }
  const Limits& limits_;

 private:
  TokenScanner scanner_;
  XML_Parser parser_;
  std::optional<Error> problem_;
  std::size_t depth_ = 0;
};

// xl/sharedStrings.xml: <si><t>text</t></si> or rich text <si><r><t>a</t></r><r><t>b</t></r></si>
// (phonetic runs, <rPh>, are left out).
class SharedStringsReader : public XmlReader {
 public:
  SharedStringsReader(const Limits& limits, SharedStrings& shared) : XmlReader(limits), shared_(shared) {}

 protected:
  void start(std::string_view tag, const XML_Char**) override {
    if (tag == "si") {
      if (shared_.entries.size() >= limits_.max_cells)
        return fail(file_error("file_too_many_cells", {{"max", std::to_string(limits_.max_cells)}}));
      in_si_ = true;
      begin_ = shared_.text.size();
      chars_ = 0;
      too_long_ = false;
    } else if (tag == "rPh") {
      in_phonetic_ = true;
    } else if (tag == "t" && in_si_ && !in_phonetic_) {
      in_t_ = true;
    }
  }
  void end(std::string_view tag) override {
    if (tag == "t") {
      in_t_ = false;
    } else if (tag == "rPh") {
      in_phonetic_ = false;
    } else if (tag == "si" && in_si_) {
      in_si_ = false;
      std::string_view all = std::string_view(shared_.text).substr(begin_);
      std::string_view kept = trimmed(all);
      if (!text::is_valid_utf8(kept)) return fail(bad_file("a shared string is not UTF-8 text"));
      auto lead = static_cast<std::size_t>(kept.data() - all.data());
      auto length = kept.size();
      if (lead > 0 && length > 0)
        std::memmove(shared_.text.data() + begin_, shared_.text.data() + begin_ + lead, length);
      shared_.text.resize(begin_ + length);
      shared_.entries.push_back({static_cast<std::uint32_t>(begin_), static_cast<std::uint32_t>(length), too_long_});
    }
  }
  void text(std::string_view text) override {
    if (!in_t_ || too_long_) return;
    chars_ += text::code_point_count(text);
    if (chars_ > limits_.max_cell_chars) {
      too_long_ = true;  // refused if a cell uses it
      shared_.text.resize(begin_);
      return;
    }
    shared_.text.append(text);
    if (shared_.text.size() > limits_.max_text_bytes)
      fail(file_error("file_too_much_text", {{"max", in_units(limits_.max_text_bytes, kMiB)}}));
  }

 private:
  SharedStrings& shared_;
  bool in_si_ = false, in_t_ = false, in_phonetic_ = false, too_long_ = false;
  std::size_t begin_ = 0, chars_ = 0;
};

// "BC12" → column index 54 (from 0); past Excel's columns the number stops growing.
std::size_t column_of(std::string_view reference) {
  std::size_t column = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = std::min<std::size_t>(column * 26 + static_cast<std::size_t>(c - 'A' + 1), 1u << 24);
  }
  return column == 0 ? 0 : column - 1;
}

// "12" → 12; anything else → 0.
std::size_t number_of(std::string_view text) {
  std::size_t number = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    number = std::min<std::size_t>(number * 10 + static_cast<std::size_t>(c - '0'), 1u << 30);
  }
  return number;
}

// The worksheet: rows of cells (<c r="B2" t="s"><v>3</v></c>, inline strings in <is><t>).
class SheetReader : public XmlReader {
 public:
  SheetReader(const Limits& limits, Builder& builder, const SharedStrings& shared)
      : XmlReader(limits), builder_(builder), shared_(shared) {}

 protected:
  void start(std::string_view tag, const XML_Char** attributes) override {
    if (tag == "row") {
      in_row_ = true;
      row_ = next_row_;
      for (int i = 0; attributes[i]; i += 2)
        if (std::string_view(attributes[i]) == "r")
          if (auto number = number_of(attributes[i + 1])) row_ = number;
      next_row_ = row_ + 1;
      next_column_ = 0;
    } else if (tag == "c" && in_row_) {
      in_cell_ = true;
      type_.clear();
      value_.clear();
      chars_ = 0;
      column_ = next_column_;
      for (int i = 0; attributes[i]; i += 2) {
        std::string_view attribute(attributes[i]);
        if (attribute == "t") type_ = attributes[i + 1];
        if (attribute == "r") column_ = column_of(attributes[i + 1]);
      }
      next_column_ = column_ + 1;
    } else if (tag == "rPh" && in_cell_) {
      in_phonetic_ = true;
    } else if ((tag == "v" || tag == "t") && in_cell_ && !in_phonetic_) {
      in_value_ = true;
    }
  }
  void end(std::string_view tag) override {
    if (tag == "v" || tag == "t") {
      in_value_ = false;
    } else if (tag == "rPh") {
      in_phonetic_ = false;
    } else if (tag == "c" && in_cell_) {
      in_cell_ = false;
      Status added = ok_status();
      if (type_ == "s") {
        std::size_t index = number_of(trimmed(value_));
        if (trimmed(value_).empty() || index >= shared_.entries.size())
          return fail(bad_file("a cell points at a missing shared string"));
        added = builder_.shared_cell(row_, column_, static_cast<std::uint32_t>(index));
      } else if (type_ == "b") {
        added = builder_.cell(row_, column_, value_ == "1" ? "true" : "false");
      } else {
        if (!text::is_valid_utf8(value_)) return fail(bad_file("a cell is not UTF-8 text"));
        added = builder_.cell(row_, column_, value_);
      }
      if (!added.ok()) fail(added.take_error());
    } else if (tag == "row" && in_row_) {
      in_row_ = false;
      auto ended = builder_.end_row();
      if (!ended.ok()) fail(ended.take_error());
    }
  }
  void text(std::string_view text) override {
    if (!in_value_) return;
    chars_ += text::code_point_count(text);
    if (chars_ > limits_.max_cell_chars) return fail(builder_.cell_too_long(row_, column_));
    value_.append(text);
  }

 private:
  Builder& builder_;
  const SharedStrings& shared_;
  bool in_row_ = false, in_cell_ = false, in_value_ = false, in_phonetic_ = false;
  std::size_t row_ = 0, next_row_ = 1, column_ = 0, next_column_ = 0, chars_ = 0;
  std::string type_, value_;
};

// xl/workbook.xml: the relationship id of the first <sheet>.
class WorkbookReader : public XmlReader {
 public:
  using XmlReader::XmlReader;
  std::string id;

 protected:
  void start(std::string_view tag, const XML_Char** attributes) override {
    if (tag != "sheet" || !id.empty()) return;
    for (int i = 0; attributes[i]; i += 2) {
      std::string_view attribute(attributes[i]);
      if (attribute.ends_with(":id")) id = attributes[i + 1];
    }
  }
};

// xl/_rels/workbook.xml.rels: the target of one relationship.
class RelationshipsReader : public XmlReader {
 public:
  RelationshipsReader(const Limits& limits, std::string id) : XmlReader(limits), id_(std::move(id)) {}
  std::string target;

 protected:
  void start(std::string_view tag, const XML_Char** attributes) override {
    if (tag != "Relationship" || !target.empty()) return;
    std::string_view id, found;
    for (int i = 0; attributes[i]; i += 2) {
      std::string_view attribute(attributes[i]);
      if (attribute == "Id") id = attributes[i + 1];
      if (attribute == "Target") found = attributes[i + 1];
    }
    if (id == id_) target = found;
  }

 private:
  std::string id_;
};

bool has_part(unzFile zip, const char* name) {
  return unzLocateFile(zip, name, 2) == UNZ_OK;
}

// The first worksheet's part name, from the workbook and its relationships (sheet1.xml when
// they do not say).
Result<std::string> first_sheet_path(unzFile zip, const Limits& limits) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  if (!has_part(zip, "xl/workbook.xml") || !has_part(zip, "xl/_rels/workbook.xml.rels")) return fallback;
  WorkbookReader workbook(limits);
  TAAWUN_CHECK(workbook.read(zip, "xl/workbook.xml"));
  if (workbook.id.empty()) return fallback;
  RelationshipsReader relationships(limits, workbook.id);
  TAAWUN_CHECK(relationships.read(zip, "xl/_rels/workbook.xml.rels"));
  if (relationships.target.empty()) return fallback;
  if (relationships.target.starts_with("/")) return relationships.target.substr(1);
  return "xl/" + relationships.target;
}

}  // namespace

void Table::mark_numeric(std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    auto at = std::find(columns.begin(), columns.end(), name);
    if (at == columns.end()) throw std::logic_error("no column " + std::string(name) + " to mark numeric");
    auto index = static_cast<std::size_t>(at - columns.begin());
    if (numeric.size() <= index) numeric.resize(index + 1, false);
    numeric[index] = true;
  }
}

std::string to_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      append_csv_cell(out, cells[i], !header && i < table.numeric.size() && table.numeric[i]);
    }
    out += "\r\n";
  };
  line(table.columns, true);
  for (const auto& row : table.rows) line(row, false);
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

Result<Table> read_csv(std::string_view bytes, const Limits& limits) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!text::is_valid_utf8(bytes)) return bad_file("the file is not UTF-8 text");
  Builder builder(limits, Builder::Names::numbers);
  // Bytes enough for the most characters a cell may hold, its guard and some spaces around.
  csv::Reader reader(bytes, limits.max_cell_chars * 4 + 64);
  std::string field;
  for (;;) {
    auto next = reader.next(field);
    if (next == csv::Reader::Next::end) break;
    if (next == csv::Reader::Next::blank) continue;
    if (next == csv::Reader::Next::too_long) return builder.cell_too_long(reader.record(), reader.column());
    std::string_view cell = field;
    // to_csv's guard: one apostrophe before what is a formula behind its apostrophes.
    if (cell.size() > 1 && cell.front() == '\'' && formula_behind_apostrophes(cell.substr(1))) cell.remove_prefix(1);
    TAAWUN_CHECK(builder.cell(reader.record(), reader.column(), cell));
    if (next == csv::Reader::Next::last_field) TAAWUN_CHECK(builder.end_row());
  }
  return std::move(builder).finish();
}

Result<Table> read_xlsx(std::string_view bytes, const Limits& limits) {
  if (!bytes.starts_with("PK")) return bad_file("not an XLSX file");
  TemporaryFile file;
  {
    std::ofstream out(file.path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  unzFile zip = unzOpen64(file.path.c_str());
  if (!zip) return bad_file("not an XLSX file");
  std::unique_ptr<void, int (*)(unzFile)> closer(zip, unzClose);
  SharedStrings shared;
  if (has_part(zip, "xl/sharedStrings.xml")) {
    SharedStringsReader reader(limits, shared);
    TAAWUN_CHECK(reader.read(zip, "xl/sharedStrings.xml"));
  }
  TAAWUN_TRY(sheet_path, first_sheet_path(zip, limits));
  Builder builder(limits, Builder::Names::letters, &shared);
  SheetReader sheet(limits, builder, shared);
  TAAWUN_CHECK(sheet.read(zip, sheet_path));
  return std::move(builder).finish();
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
