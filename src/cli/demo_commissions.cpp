// Demo joint commissions: with the 24 most active partner countries, their one to three most
// recent sessions (hosted in turn in Morocco and in the partner country), each reviewing the
// country's framework agreement and taking 4 to 10 decisions in varied domains, carried by
// Moroccan institutions (the IAV among them, so that the demo host focal point has some to
// follow). Older decisions are mostly done or dropped, some still open past their due date
// (overdue); each status change has its history with a comment; decisions under way link the
// country's programmes and their actions. Deterministic for a given seed.
#include <fmt/format.h>

#include <array>
#include <chrono>

#include "areas/commissions/commission.hpp"
#include "areas/reference/reference.hpp"
#include "cli/demo.hpp"

namespace taawun::cli {
namespace {

constexpr std::array kPartners = {"SN", "ML", "NE", "BF", "CI", "GN", "MR", "TD", "CM", "GA", "CG", "CD",
                                  "BJ", "TG", "GH", "NG", "GW", "CF", "LR", "SL", "GM", "CV", "ST", "GQ"};
constexpr std::array kDomainCodes = {"agriculture", "water",     "energy",      "health",  "education",
                                     "fisheries",   "transport", "meteorology", "finance", "public_administration",
                                     "environment", "culture"};
struct Wording {
  const char *fr, *ar, *en;
};
constexpr std::array kWordings = {
    Wording{"Organiser des formations conjointes dans le domaine : {}.", "تنظيم دورات تكوينية مشتركة في مجال {}.",
            "Organise joint training in {}."},
    Wording{"Échanger des experts et des missions d'appui technique ({}).", "تبادل الخبراء وبعثات الدعم التقني ({}).",
            "Exchange experts and technical support missions ({})."},
    Wording{"Élaborer un programme exécutif de coopération ({}).", "إعداد برنامج تنفيذي للتعاون ({}).",
            "Draw up an executive cooperation programme ({})."},
    Wording{"Accorder des bourses de formation supérieure ({}).", "منح منح للتكوين العالي ({}).",
            "Award higher-education scholarships ({})."},
    Wording{"Mettre en place un jumelage entre institutions ({}).", "إرساء توأمة بين المؤسسات ({}).",
            "Set up an institutional twinning ({})."},
};
constexpr std::array kComments = {"Première réunion du comité de suivi tenue.", "Termes de référence validés.",
                                  "Mise en œuvre achevée, rapport transmis.", "Reporté faute de financement.",
                                  "Convention signée avec l'institution partenaire."};
constexpr std::array kMoroccanChairs = {
    std::array{"Nasser Bourita", "Ministre des Affaires étrangères, de la Coopération africaine et des MRE"},
    std::array{"Mohcine Jazouli", "Ministre délégué chargé de l'Investissement"},
    std::array{"Karim Zidane", "Ministre délégué chargé de la Convergence des politiques publiques"}};

std::string date_of(std::chrono::sys_days day) {
  std::chrono::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::vector<std::int64_t> ids_of(db::Connection& connection, const std::string& sql, const db::Params& params) {
  std::vector<std::int64_t> ids;
  for (const auto& row : connection.query(sql, params).rows) ids.push_back(row.integer(0));
  return ids;
}

}  // namespace

void add_demo_commissions(db::Connection& connection, std::mt19937& random, const std::string& now,
                          DemoCounts& counts) {
  using std::chrono::days;
  auto today = std::chrono::floor<days>(std::chrono::system_clock::now());
  auto names = reference::names(connection);
  // The Moroccan institutions that carry decisions out (the agency itself left aside).
  auto institutions = ids_of(connection,
                             "SELECT id FROM organisations WHERE country_code = 'MA' AND acronym <> 'AMCI' ORDER BY id "
                             "LIMIT 12",
                             db::Params());
  if (institutions.empty()) return;
  for (std::size_t c = 0; c < kPartners.size(); ++c) {
    std::string country = kPartners[c];
    auto framework =
        ids_of(connection, "SELECT id FROM agreements WHERE kind = 'framework' AND reference LIKE ? ORDER BY id",
               db::Params(fmt::format("ACC-{}-%", country)));
    auto partner_bodies = ids_of(connection, "SELECT id FROM organisations WHERE country_code = ? ORDER BY id LIMIT 4",
                                 db::Params(country));
    auto programmes =
        ids_of(connection, "SELECT id FROM programmes WHERE country_code = ? ORDER BY id LIMIT 6", db::Params(country));
    std::vector<std::int64_t> actions;
    for (auto programme : programmes)
      for (auto id : ids_of(connection, "SELECT id FROM actions WHERE programme_id = ? ORDER BY id LIMIT 3",
                            db::Params(programme)))
        actions.push_back(id);

    int sessions = 1 + static_cast<int>(c % 3);
    int latest_number = 3 + static_cast<int>(c % 9);
    auto latest_start = today - days(40 + static_cast<int>((c * 97) % 420));
    for (int s = 0; s < sessions; ++s) {
      commissions::Session session;
      session.country_code = country;
      session.country_name = names->country(country);
      session.number = latest_number - s;
      auto start = latest_start - days(730 * s + static_cast<int>(random() % 30));
      session.start_on = date_of(start);
      session.end_on = date_of(start + days(2));
      bool in_morocco = (session.number % 2) == 0;
      session.host_country_code = in_morocco ? "MA" : country;
      if (in_morocco) session.city = std::string(c % 2 ? "Rabat" : "Marrakech");
      const auto& chair = kMoroccanChairs[(c + static_cast<std::size_t>(s)) % kMoroccanChairs.size()];
      session.moroccan_chair_name = chair[0];
      session.moroccan_chair_title = chair[1];
      session.partner_chair_title = "Ministre des Affaires étrangères";
      session.summary_fr = fmt::format(
          "{}e session de la commission mixte maroco-{} : revue de la coopération et "
          "feuille de route pour les deux années à venir.",
          session.number, session.country_name.fr);
      session.summary_en = fmt::format(
          "{} session of the Morocco–{} joint commission: review of the cooperation and "
          "roadmap for the next two years.",
          session.number, session.country_name.en);
      std::int64_t session_id =
          connection
              .query(
                  "INSERT INTO joint_commission_sessions (country_code, number, city, host_country_code, start_on, "
                  "end_on, moroccan_chair_name, moroccan_chair_title, partner_chair_title, summary_fr, summary_en, "
                  "version, created_at, updated_at, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
                  "RETURNING id",
                  db::Params(session.country_code, session.number, session.city, session.host_country_code,
                             session.start_on, session.end_on, session.moroccan_chair_name,
                             session.moroccan_chair_title, session.partner_chair_title, session.summary_fr,
                             session.summary_en, now, now, commissions::search_key_of(session)))
              .front()
              .integer(0);
      ++counts.commission_sessions;
      for (auto agreement : framework)
        connection.query("INSERT INTO joint_commission_agreements (session_id, agreement_id) VALUES (?, ?)",
                         db::Params(session_id, agreement));

      int decisions = 4 + static_cast<int>(random() % 7);
      for (int d = 0; d < decisions; ++d) {
        commissions::Decision decision;
        std::string domain = kDomainCodes[random() % kDomainCodes.size()];
        const auto& words = kWordings[random() % kWordings.size()];
        auto domain_name = names->cooperation_domain(domain);
        decision.text_fr = fmt::format(fmt::runtime(words.fr), domain_name.fr);
        decision.text_ar = fmt::format(fmt::runtime(words.ar), domain_name.ar);
        decision.text_en = fmt::format(fmt::runtime(words.en), domain_name.en);
        decision.domain = domain;
        // The IAV (the demo host's institution, the first after the agency) takes the first
        // decision of each session.
        decision.responsible_organisation_id =
            d == 0 ? institutions.front() : institutions[random() % institutions.size()];
        if (!partner_bodies.empty() && d % 2 == 0)
          decision.partner_organisation_id = partner_bodies[random() % partner_bodies.size()];
        else
          decision.partner_institution = fmt::format("Ministère chargé du secteur — {}", session.country_name.fr);
        auto due = start + days(180 + static_cast<int>(random() % 720));
        decision.due_on = date_of(due);
        // What happened to it: decisions due long ago mostly done or dropped, some still open
        // (overdue); those due later mostly under way.
        int draw = static_cast<int>(random() % 100);
        std::vector<std::string> path;
        if (due < today)
          path = draw < 50   ? std::vector<std::string>{"planned", "in_progress", "done"}
                 : draw < 65 ? std::vector<std::string>{"planned", "dropped"}
                 : draw < 88 ? std::vector<std::string>{"planned", "in_progress"}
                             : std::vector<std::string>{"planned"};
        else
          path = draw < 45   ? std::vector<std::string>{"planned", "in_progress"}
                 : draw < 55 ? std::vector<std::string>{"planned", "in_progress", "done"}
                             : std::vector<std::string>{"planned"};
        decision.status = path.back();
        std::int64_t decision_id =
            connection
                .query(
                    "INSERT INTO joint_commission_decisions (session_id, text_fr, text_ar, text_en, domain, "
                    "responsible_organisation_id, partner_organisation_id, partner_institution, due_on, status, "
                    "version, created_at, updated_at, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    db::Params(session_id, decision.text_fr, decision.text_ar, decision.text_en, decision.domain,
                               decision.responsible_organisation_id, decision.partner_organisation_id,
                               decision.partner_institution, decision.due_on, decision.status,
                               static_cast<std::int64_t>(path.size()), now, now, commissions::search_key_of(decision)))
                .front()
                .integer(0);
        ++counts.commission_decisions;
        // The history: recorded at the session's close, then each move some months apart, never
        // after today.
        auto at = start + days(2);
        for (std::size_t step = 0; step < path.size(); ++step) {
          if (step > 0) at = std::min(at + days(60 + static_cast<int>(random() % 200)), today - days(1));
          std::optional<std::string> from = step ? std::optional<std::string>(path[step - 1]) : std::nullopt;
          std::optional<std::string> comment;
          if (step > 0)
            comment = path[step] == "done"      ? kComments[2]
                      : path[step] == "dropped" ? kComments[3]
                                                : kComments[random() % 2 ? 0 : 4];
          connection.query(
              "INSERT INTO joint_commission_decision_history (decision_id, from_status, to_status, changed_on, "
              "changed_at, user_id, username, comment) VALUES (?, ?, ?, ?, ?, NULL, 'officer', ?)",
              db::Params(decision_id, from, path[step], date_of(at), now, comment));
        }
        // Decisions under way or done are carried out by the country's programmes and actions.
        if (decision.status != "planned" && decision.status != "dropped") {
          if (!actions.empty())
            connection.query("INSERT INTO joint_commission_decision_actions (decision_id, action_id) VALUES (?, ?)",
                             db::Params(decision_id, actions[random() % actions.size()]));
          if (!programmes.empty() && d % 3 == 0)
            connection.query(
                "INSERT INTO joint_commission_decision_programmes (decision_id, programme_id) VALUES (?, ?)",
                db::Params(decision_id, programmes[random() % programmes.size()]));
        }
      }
    }
  }
}

}  // namespace taawun::cli
