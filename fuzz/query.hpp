#pragma once
// query_fuzz: a request target as clients write it, "path?query": the path percent-decoded as
// App decodes it, the query string split into its parameters (http/query_string.hpp).
#include <cstddef>
#include <string>
#include <string_view>

#include "http/query_string.hpp"

namespace taawun::fuzz {

inline std::string percent_encode_all(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

inline std::string check_query(std::string_view bytes) {
  auto question = bytes.find('?');
  std::string_view path = bytes.substr(0, question);
  std::string_view query = question == std::string_view::npos ? std::string_view() : bytes.substr(question + 1);

  auto decoded = http::percent_decode(path, false);
  if (decoded.size() > path.size()) return "percent_decode() made the text longer";
  if (path.find('%') == std::string_view::npos && decoded != path) return "percent_decode() changed a text without %";
  // Anything encoded decodes back to itself, in paths and in queries.
  if (http::percent_decode(percent_encode_all(path), false) != path) return "a percent-encoded path decodes to another";
  if (http::percent_decode(percent_encode_all(query), true) != query)
    return "a percent-encoded query decodes to another";

  auto pairs = http::parse_query(query);
  std::size_t parts = 1;
  for (char c : query) parts += c == '&';
  if (pairs.size() > parts) return "parse_query() gave more parameters than there are parts";
  std::size_t bytes_out = 0;
  for (const auto& [name, value] : pairs) bytes_out += name.size() + value.size();
  if (bytes_out > query.size()) return "parse_query() gave more bytes than it read";
  return {};
}

}  // namespace taawun::fuzz
