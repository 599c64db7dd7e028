#pragma once
// Internal to the certificates area: rows ↔ Certificate.
#include <optional>
#include <string>

#include "areas/certificates/certificate.hpp"

namespace taawun::certificates {

std::optional<Certificate> find_by_nomination(db::Connection& connection, std::int64_t nomination_id);
std::optional<Certificate> find_by_code(db::Connection& connection, const std::string& code);
bool code_exists(db::Connection& connection, const std::string& code);
void insert(db::Connection& connection, const Certificate& certificate);
std::string snapshot_json(const Certificate& certificate);

}  // namespace taawun::certificates
