#include "http/forwarded.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace taawun::http {
namespace ip = boost::asio::ip;

namespace {

// IPv4-mapped IPv6 (::ffff:10.0.0.1, as a dual-stack socket reports IPv4 peers) as IPv4.
ip::address canonical(const ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, address.to_v6());
  return address;
}

std::optional<ip::address> parse_ip(std::string_view text) {
  boost::system::error_code error;
  auto address = ip::make_address(text, error);
  if (error) return std::nullopt;
  // A zone ("fe80::1%eth0") names an interface of the writer's machine: not a client identity.
  if (address.is_v6() && address.to_v6().scope_id() != 0) return std::nullopt;
  return canonical(address);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_port(std::string_view text) {
  return !text.empty() && text.size() <= 5 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A hop as proxies write it: "192.0.2.1", "192.0.2.1:4711", "2001:db8::1" (X-Forwarded-For),
// "[2001:db8::1]" or "[2001:db8::1]:4711".
std::optional<ip::address> parse_node(std::string_view node) {
  node = trim(node);
  if (node.starts_with('[')) {
    auto close = node.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    auto rest = node.substr(close + 1);
    if (!rest.empty() && !(rest.front() == ':' && is_port(rest.substr(1)))) return std::nullopt;
    auto address = parse_ip(node.substr(1, close - 1));
    if (!address || !address->is_v6()) return std::nullopt;
    return address;
  }
  if (auto address = parse_ip(node)) return address;
  auto colon = node.find(':');
  if (colon != std::string_view::npos && node.find(':', colon + 1) == std::string_view::npos &&
      is_port(node.substr(colon + 1))) {
    auto address = parse_ip(node.substr(0, colon));
    if (address && address->is_v4()) return address;
  }
  return std::nullopt;
}

// Splits on `separator` outside quoted strings (RFC 7230 quoted-string, with backslash escapes).
std::vector<std::string_view> split_outside_quotes(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted && c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == separator) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string unquote(std::string_view value) {
  value = trim(value);
  if (value.size() < 2 || value.front() != '"' || value.back() != '"') return std::string(value);
  std::string out;
  for (std::size_t i = 1; i + 1 < value.size(); ++i) {
    if (value[i] == '\\' && i + 2 < value.size()) ++i;
    out += value[i];
  }
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

// The hops of the header, leftmost (the original client) first; std::nullopt for a hop that
// is not an address. Several header lines are one list, in order (RFC 9110, 5.3).
std::vector<std::optional<ip::address>> hops(const boost::beast::http::fields& headers, ForwardedHeader header) {
  std::vector<std::optional<ip::address>> found;
  std::string_view name = header == ForwardedHeader::forwarded ? "Forwarded" : "X-Forwarded-For";
  auto [begin, end] = headers.equal_range(name);
  for (auto line = begin; line != end; ++line) {
    for (auto element : split_outside_quotes(line->value(), ',')) {
      if (trim(element).empty()) continue;
      if (header == ForwardedHeader::x_forwarded_for) {
        found.push_back(parse_node(element));
        continue;
      }
      // RFC 7239, 4: forwarded-element = [ pair ] *( ";" [ pair ] ); the node is the "for" pair.
      std::optional<ip::address> node;
      bool has_for = false;
      for (auto pair : split_outside_quotes(element, ';')) {
        auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        if (!equals_ignoring_case(trim(pair.substr(0, equals)), "for")) continue;
        has_for = true;
        node = parse_node(unquote(pair.substr(equals + 1)));
      }
      // An element without "for" tells nothing about the client: it ends the walk like garbage.
      found.push_back(has_for ? node : std::nullopt);
    }
  }
  return found;
}

bool is_trusted(const ip::address& address, const std::vector<AddressRange>& trusted) {
  return std::any_of(trusted.begin(), trusted.end(),
                     [&](const AddressRange& range) { return range.contains(address); });
}

}  // namespace

bool AddressRange::contains(const ip::address& candidate) const {
  auto address = canonical(candidate);
  if (address.is_v4() != network.is_v4()) return false;
  auto compare = [&](const auto& a, const auto& b) {
    unsigned bits = prefix;
    for (std::size_t i = 0; i < a.size() && bits > 0; ++i, bits = bits >= 8 ? bits - 8 : 0) {
      unsigned mask = bits >= 8 ? 0xFFu : (0xFFu << (8 - bits)) & 0xFFu;
      if ((a[i] & mask) != (b[i] & mask)) return false;
    }
    return true;
  };
  if (address.is_v4()) return compare(address.to_v4().to_bytes(), network.to_v4().to_bytes());
  return compare(address.to_v6().to_bytes(), network.to_v6().to_bytes());
}

std::optional<AddressRange> parse_address_range(std::string_view text) {
  text = trim(text);
  auto slash = text.find('/');
  auto address = parse_ip(text.substr(0, slash));
  if (!address) return std::nullopt;
  unsigned full = address->is_v4() ? 32 : 128;
  unsigned prefix = full;
  if (slash != std::string_view::npos) {
    auto digits = text.substr(slash + 1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || prefix > full)
      return std::nullopt;
  }
  return AddressRange{*address, prefix};
}

std::optional<ForwardedHeader> parse_forwarded_header(std::string_view name) {
  if (equals_ignoring_case(name, "x-forwarded-for")) return ForwardedHeader::x_forwarded_for;
  if (equals_ignoring_case(name, "forwarded")) return ForwardedHeader::forwarded;
  return std::nullopt;
}

std::string client_address(const boost::beast::http::fields& headers, std::string_view peer,
                           const std::vector<AddressRange>& trusted_proxies, ForwardedHeader header) {
  auto peer_address = parse_ip(peer);
  if (!peer_address) return std::string(peer);
  if (trusted_proxies.empty() || !is_trusted(*peer_address, trusted_proxies)) return peer_address->to_string();
  auto list = hops(headers, header);
  ip::address nearest_trusted = *peer_address;
  for (auto hop = list.rbegin(); hop != list.rend(); ++hop) {
    if (!*hop) break;  // not an address: the trusted hop that wrote it is all we know
    if (!is_trusted(**hop, trusted_proxies)) return (*hop)->to_string();
    nearest_trusted = **hop;
  }
  return nearest_trusted.to_string();
}

}  // namespace taawun::http
