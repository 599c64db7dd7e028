#pragma once
// The client's address behind reverse proxies (RFC 7239 Forwarded, or X-Forwarded-For), trusted
// only from configured proxies: a client talking to us directly could write any address there.
// Per-address limits (login throttle, certificate verification) key on this address.
#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/fields.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taawun::http {

// One address ("10.0.0.1", "::1") or a CIDR range ("10.0.0.0/8", "fd00::/8").
struct AddressRange {
  boost::asio::ip::address network;
  unsigned prefix = 0;  // bits compared: 32 or 128 for one address
  bool contains(const boost::asio::ip::address& address) const;
};
std::optional<AddressRange> parse_address_range(std::string_view text);

// Which header the proxies write. Only that one is read: a proxy passes the other one on as the
// client sent it, forged or not.
enum class ForwardedHeader { x_forwarded_for, forwarded };
std::optional<ForwardedHeader> parse_forwarded_header(std::string_view name);  // "x-forwarded-for", "forwarded"

// The address of the client of a request received from `peer` (the socket's address). When the
// peer is a trusted proxy, the header's hops are walked from the right (the nearest hop first),
// skipping trusted proxies; the first untrusted address is the client. A hop that is not an
// address ("unknown", an obfuscated name, garbage) ends the walk at the trusted hop that wrote
// it. Addresses come back in their canonical text (IPv4-mapped IPv6 as IPv4).
std::string client_address(const boost::beast::http::fields& headers, std::string_view peer,
                           const std::vector<AddressRange>& trusted_proxies, ForwardedHeader header);

}  // namespace taawun::http
