#pragma once
// The demo dataset: Moroccan host institutions, partner countries' ministries and agencies,
// donors and international organisations, and one account per role. `scale` multiplies the
// partner institutions (regional directorates) for benchmarks: scale 100 gives about 100,000.
#include <random>
#include <string>

#include "core/spreadsheet.hpp"
#include "db/database.hpp"

namespace taawun::cli {

struct DemoCounts {
  std::size_t organisations = 0;
  std::size_t users = 0;
  std::size_t programmes = 0, offers = 0, actions = 0, people = 0, nominations = 0, agreements = 0;
  std::size_t engagements = 0;
  std::size_t commission_sessions = 0, commission_decisions = 0;
  std::size_t diplomatic_missions = 0;
};

// Expects a migrated database with reference data and no organisations yet.
// The accounts get `password` (admin, manager, officer, finance, partner, host, viewer).
DemoCounts generate_demo(db::Connection& connection, int scale, const std::string& password);

// Ten years of technical cooperation over the organisations above: programmes, offers, actions,
// 5,000 × scale people (3 % of them registered twice under another spelling) and about three
// nominations a person. Called by generate_demo inside its transaction.
void generate_cooperation_demo(db::Connection& connection, int scale, std::mt19937& random, DemoCounts& counts);

// Morocco's multilateral engagements, truthfully: memberships of the UN system and of regional
// organisations, the presidency of the Group of 77 in 2003 and of the WTO African Group, the
// cancellation of African LDCs' debts and their duty-free, quota-free access decided at the
// Africa–Europe summit of 2000, conferences hosted. Needs the organisations of generate_demo;
// each is created through the engagements use case (its own transaction and audit entry).
void add_demo_engagements(db::Connection& connection, DemoCounts& counts);
// Joint commission sessions with their decisions, status histories and links, over the
// agreements, programmes and actions above (demo_commissions.cpp).
void add_demo_commissions(db::Connection& connection, std::mt19937& random, const std::string& now, DemoCounts& counts);

// A nomination import file in the template's columns, as a partner would send it: a tenth of the
// rows name registered people by number, a tenth describe registered people by name and birth
// date, the others are new people. For training and for the import benchmark.
spreadsheet::Table sample_nomination_file(db::Connection& connection, std::size_t row_count, std::mt19937& random);

}  // namespace taawun::cli
