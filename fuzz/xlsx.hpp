#pragma once
// xlsx_fuzz: an XLSX file as users upload it for a bulk import (spreadsheet::read_xlsx, default
// limits): minizip and expat under our reader, its limits and its token scanner.
//
// Two kinds of input. One beginning with "PK" is the file itself. Any other is the XML of the
// parts, separated by the byte 0x01 (which XML may not hold): the first worksheet, then the shared
// strings, the workbook and its relationships, each optional from the second on; the harness
// stores them in a zip with the right checksums. Mutating compressed bytes mostly gives zips
// refused at once, so this second kind is what lets the fuzzer reach the XML readers and the
// table builder (with fuzz/xml.dict).
#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "table_checks.hpp"

namespace taawun::fuzz {

// A zip of `parts` (name, bytes), stored without compression.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  std::string out, directory;
  auto u16 = [](std::string& to, std::uint32_t v) {
    to += static_cast<char>(v & 0xFF);
    to += static_cast<char>((v >> 8) & 0xFF);
  };
  auto u32 = [&](std::string& to, std::uint32_t v) {
    u16(to, v & 0xFFFF);
    u16(to, v >> 16);
  };
  for (const auto& [name, data] : parts) {
    auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    auto size = static_cast<std::uint32_t>(data.size());
    auto offset = static_cast<std::uint32_t>(out.size());
    u32(out, 0x04034b50);
    u16(out, 20), u16(out, 0), u16(out, 0), u16(out, 0), u16(out, 0x21);  // version, flags, stored, time, date
    u32(out, crc), u32(out, size), u32(out, size);
    u16(out, static_cast<std::uint32_t>(name.size())), u16(out, 0);
    out += name;
    out += data;
    u32(directory, 0x02014b50);
    u16(directory, 20), u16(directory, 20), u16(directory, 0), u16(directory, 0), u16(directory, 0),
        u16(directory, 0x21);
    u32(directory, crc), u32(directory, size), u32(directory, size);
    u16(directory, static_cast<std::uint32_t>(name.size()));
    u16(directory, 0), u16(directory, 0), u16(directory, 0), u16(directory, 0);  // extra, comment, disk, attributes
    u32(directory, 0), u32(directory, offset);
    directory += name;
  }
  auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  u32(out, 0x06054b50);
  u16(out, 0), u16(out, 0);
  u16(out, static_cast<std::uint32_t>(parts.size())), u16(out, static_cast<std::uint32_t>(parts.size()));
  u32(out, static_cast<std::uint32_t>(directory.size())), u32(out, directory_offset);
  u16(out, 0);
  return out;
}

inline std::string xlsx_of_parts(std::string_view bytes) {
  static const char* const kNames[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                                       "xl/_rels/workbook.xml.rels"};
  std::vector<std::pair<std::string, std::string_view>> parts;
  for (const char* name : kNames) {
    auto separator = bytes.find('\x01');
    parts.emplace_back(name, bytes.substr(0, separator));
    if (separator == std::string_view::npos) break;
    bytes.remove_prefix(separator + 1);
  }
  return stored_zip(parts);
}

inline std::string check_xlsx(std::string_view bytes) {
  const spreadsheet::Limits limits;
  std::string file = bytes.starts_with("PK") ? std::string(bytes) : xlsx_of_parts(bytes);
  auto table = spreadsheet::read_xlsx(file, limits);
  if (!table.ok()) return check_refusal(table.error());
  if (auto problem = check_table(*table, limits); !problem.empty()) return problem;
  // Imported from XLSX, exported as CSV (the list exports), imported again: the same table.
  return check_csv_round_trip(*table);
}

}  // namespace taawun::fuzz
