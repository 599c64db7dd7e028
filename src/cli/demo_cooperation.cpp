// The technical-cooperation part of the demo dataset: ten years of programmes, offers, actions,
// people and nominations, written with bulk inserts so that `--scale 200` (a million people,
// three million nominations) loads in minutes. Names come in both scripts where the country
// writes them so, with deliberate near-duplicate spellings for the duplicate detection to find.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <set>
#include <unordered_map>

#include "areas/actions/action.hpp"
#include "areas/agreements/agreement.hpp"
#include "areas/documents/document_store.hpp"
#include "areas/nominations/nomination.hpp"
#include "areas/people/person.hpp"
#include "areas/reference/reference.hpp"
#include "cli/demo.hpp"
#include "core/clock.hpp"
#include "core/names.hpp"
#include "core/secrets.hpp"
#include "core/spreadsheet.hpp"
#include "core/text.hpp"

namespace taawun::cli {
namespace {

using Cell = std::optional<std::string>;
using Rows = std::vector<std::vector<Cell>>;

struct Name {
  const char* latin;
  const char* variant;  // another Latin spelling the registry meets, or ""
  const char* arabic;   // "" when the name has no usual Arabic spelling
};

constexpr std::array kMen = {
    Name{"Mohamed", "Mohammed", "محمد"},
    Name{"Ahmed", "Ahmad", "أحمد"},
    Name{"Abdoulaye", "Abdallah", "عبد الله"},
    Name{"Ibrahima", "Ibrahim", "إبراهيم"},
    Name{"Moussa", "Musa", "موسى"},
    Name{"Ousmane", "Othmane", "عثمان"},
    Name{"Mamadou", "Mamadu", "محمدو"},
    Name{"Souleymane", "Sulayman", "سليمان"},
    Name{"Youssouf", "Youssef", "يوسف"},
    Name{"Ali", "Aly", "علي"},
    Name{"Oumar", "Omar", "عمر"},
    Name{"Hassan", "Hasan", "حسن"},
    Name{"Idrissa", "Idriss", "إدريس"},
    Name{"Cheikh", "Sheikh", "الشيخ"},
    Name{"Lamine", "Al Amine", "الأمين"},
    Name{"Khalid", "Khaled", "خالد"},
    Name{"Issa", "Issah", "عيسى"},
    Name{"Adama", "Adam", "آدم"},
    Name{"Seydou", "Seidou", ""},
    Name{"Boubacar", "Aboubakar", "أبو بكر"},
    Name{"Karim", "Kareem", "كريم"},
    Name{"Jean", "", ""},
    Name{"Emmanuel", "", ""},
    Name{"Samuel", "", ""},
    Name{"Joseph", "", ""},
    Name{"Kwame", "", ""},
    Name{"Chinedu", "", ""},
};
constexpr std::array kWomen = {
    Name{"Fatou", "Fatima", "فاطمة"},
    Name{"Aminata", "Amina", "أمينة"},
    Name{"Aïcha", "Aicha", "عائشة"},
    Name{"Mariam", "Maryam", "مريم"},
    Name{"Khadija", "Khadidja", "خديجة"},
    Name{"Zeinab", "Zainab", "زينب"},
    Name{"Hawa", "Hawaa", "حواء"},
    Name{"Rokia", "Roukaya", "رقية"},
    Name{"Nadia", "Nadiya", "نادية"},
    Name{"Leïla", "Leila", "ليلى"},
    Name{"Safiatou", "Safia", "صفية"},
    Name{"Salimata", "Salima", "سليمة"},
    Name{"Kadiatou", "Kadidia", ""},
    Name{"Djeneba", "Djenaba", ""},
    Name{"Marie", "", ""},
    Name{"Grace", "", ""},
    Name{"Esther", "", ""},
    Name{"Akosua", "", ""},
};
constexpr std::array kFamilies = {
    Name{"Diallo", "Dialo", "ديالو"},
    Name{"Traoré", "Traore", "تراوري"},
    Name{"Coulibaly", "Kulibali", "كوليبالي"},
    Name{"Diop", "Diope", "ديوب"},
    Name{"Ndiaye", "N'Diaye", "انجاي"},
    Name{"Keïta", "Keita", "كيتا"},
    Name{"Ouédraogo", "Ouedraogo", ""},
    Name{"Sow", "Sowe", "سو"},
    Name{"Camara", "Kamara", "كامارا"},
    Name{"Touré", "Toure", "توري"},
    Name{"Sylla", "Silla", "سيلا"},
    Name{"Fall", "Fal", "فال"},
    Name{"Cissé", "Cisse", "سيسي"},
    Name{"Konaté", "Konate", "كوناتي"},
    Name{"Kaboré", "Kabore", ""},
    Name{"Mahamat", "Mahamad", "محمد"},
    Name{"Ould Ahmed", "Ould Ahmad", "ولد أحمد"},
    Name{"Ould Mohamed", "Ould Mohammed", "ولد محمد"},
    Name{"Ben Ali", "Benali", "بن علي"},
    Name{"Haddad", "Hadad", "حداد"},
    Name{"Mansour", "Mansur", "منصور"},
    Name{"Abdelkader", "Abdel Kader", "عبد القادر"},
    Name{"Osman", "Othman", "عثمان"},
    Name{"Mahmoud", "Mahmud", "محمود"},
    Name{"Nkurunziza", "", ""},
    Name{"Mensah", "", ""},
    Name{"Okafor", "", ""},
    Name{"Mwangi", "", ""},
    Name{"Banda", "", ""},
    Name{"Tembo", "", ""},
    Name{"Ndongo", "", ""},
    Name{"Mbemba", "", ""},
};

// Countries whose registry writes names in Arabic script too (or only).
const std::set<std::string> kArabicScript = {"MR", "TD", "SD", "EG", "TN", "LY", "JO", "PS",
                                             "YE", "IQ", "LB", "DJ", "KM", "NE", "ML"};
// Partner countries, the most active first: the first ones take most of the seats.
constexpr std::array kCountries = {
    "SN", "ML", "NE", "BF", "CI", "GN", "MR", "TD", "CM", "GA", "CG", "CD", "BJ", "TG", "GH", "NG", "GW",
    "CF", "LR", "SL", "GM", "CV", "ST", "GQ", "BI", "RW", "DJ", "KM", "MG", "ET", "KE", "TZ", "UG", "SS",
    "SD", "MZ", "AO", "ZM", "NA", "TN", "LY", "EG", "JO", "PS", "YE", "IQ", "LB", "MU", "ES", "PT",
};

struct TypeProfile {
  const char* code;
  int min_days, max_days, min_seats, max_seats;
};
constexpr std::array kTypes = {
    TypeProfile{"long_training", 180, 300, 10, 30},
    TypeProfile{"medium_training", 30, 90, 15, 30},
    TypeProfile{"short_training", 5, 20, 15, 35},
    TypeProfile{"in_situ_training", 5, 10, 20, 40},
    TypeProfile{"improvement_internship", 15, 60, 5, 15},
    TypeProfile{"research_internship", 30, 90, 3, 10},
    TypeProfile{"specialisation_internship", 20, 60, 5, 15},
    TypeProfile{"seminar_workshop", 3, 5, 20, 45},
    TypeProfile{"study_visit", 3, 7, 8, 15},
    TypeProfile{"expert_mission", 5, 15, 1, 3},
    TypeProfile{"joint_programme", 30, 180, 10, 25},
};

struct DomainTitle {
  const char* code;
  const char* fr;
  const char* ar;
  const char* en;
};
constexpr std::array kDomains = {
    DomainTitle{"agriculture", "Irrigation localisée et gestion des périmètres", "الري الموضعي وتدبير المدارات",
                "Localised irrigation and scheme management"},
    DomainTitle{"fisheries", "Évaluation des stocks halieutiques", "تقييم المخزونات السمكية", "Fish stock assessment"},
    DomainTitle{"water", "Gestion intégrée des ressources en eau", "التدبير المندمج للموارد المائية",
                "Integrated water resources management"},
    DomainTitle{"energy", "Efficacité énergétique dans le bâtiment", "النجاعة الطاقية في البناء",
                "Energy efficiency in buildings"},
    DomainTitle{"environment", "Lutte contre la désertification", "مكافحة التصحر", "Combating desertification"},
    DomainTitle{"meteorology", "Prévision météorologique numérique", "التنبؤ الجوي العددي",
                "Numerical weather prediction"},
    DomainTitle{"health", "Surveillance épidémiologique", "الرصد الوبائي", "Epidemiological surveillance"},
    DomainTitle{"education", "Ingénierie de la formation des enseignants", "هندسة تكوين المدرسين",
                "Teacher training engineering"},
    DomainTitle{"higher_education_research", "Gestion des laboratoires de recherche", "تدبير مختبرات البحث",
                "Research laboratory management"},
    DomainTitle{"public_administration", "Modernisation de l'administration publique", "تحديث الإدارة العمومية",
                "Public administration reform"},
    DomainTitle{"finance", "Gestion des finances publiques", "تدبير المالية العمومية", "Public financial management"},
    DomainTitle{"statistics", "Recensement et enquêtes auprès des ménages", "الإحصاء العام والبحوث لدى الأسر",
                "Census and household surveys"},
    DomainTitle{"justice", "Formation des greffiers", "تكوين كتاب الضبط", "Training of court clerks"},
    DomainTitle{"security", "Protection civile et gestion des risques", "الوقاية المدنية وتدبير المخاطر",
                "Civil protection and risk management"},
    DomainTitle{"transport", "Sécurité routière", "السلامة الطرقية", "Road safety"},
    DomainTitle{"telecommunications", "Régulation des télécommunications", "تقنين الاتصالات",
                "Telecommunications regulation"},
    DomainTitle{"housing_urban_planning", "Planification urbaine", "التخطيط الحضري", "Urban planning"},
    DomainTitle{"tourism", "Gestion hôtelière", "التدبير الفندقي", "Hotel management"},
    DomainTitle{"handicrafts", "Valorisation de l'artisanat", "تثمين الصناعة التقليدية", "Promoting handicrafts"},
    DomainTitle{"culture", "Conservation du patrimoine", "صون التراث", "Heritage conservation"},
    DomainTitle{"sport", "Formation des entraîneurs", "تكوين المدربين", "Coaches' training"},
    DomainTitle{"social_development", "Économie sociale et solidaire", "الاقتصاد الاجتماعي والتضامني",
                "Social and solidarity economy"},
};
constexpr std::array kCities = {"Rabat", "Casablanca", "Meknès", "Marrakech", "Agadir", "Fès", "Tanger", "Oujda"};

Cell text(std::string value) {
  return value;
}
Cell number(std::int64_t value) {
  return std::to_string(value);
}
Cell none() {
  return std::nullopt;
}

std::string date_of(std::chrono::sys_days day) {
  return clock::iso8601(std::chrono::time_point_cast<clock::TimePoint::duration>(clock::TimePoint{day})).substr(0, 10);
}

// Reads back the ids of the rows a bulk insert just appended, in insertion order.
std::vector<std::int64_t> ids_after(db::Connection& connection, const char* table, std::int64_t last_before) {
  std::vector<std::int64_t> ids;
  for (const auto& row :
       connection.query(fmt::format("SELECT id FROM {} WHERE id > ? ORDER BY id", table), db::Params(last_before)).rows)
    ids.push_back(row.integer(0));
  return ids;
}

std::int64_t last_id(db::Connection& connection, const char* table) {
  return connection.query(fmt::format("SELECT COALESCE(MAX(id), 0) FROM {}", table)).front().integer(0);
}

struct PersonSeed {
  std::string country;
  std::int64_t id = 0;
};

// A few documents on the latest actions, as staff would have filed them: each one's programme,
// shared with the focal points, and for a completed action its list of participants (staff
// only). Written through the documents store, bytes and SHA-256 included.
void add_demo_documents(db::Connection& connection, const std::string& now) {
  auto file = [&](std::int64_t action_id, const std::string& kind, const std::string& title,
                  const std::string& file_name, const std::string& media_type, const std::string& audience,
                  const std::string& content) {
    documents::Document document;
    document.owner = {documents::OwnerKind::action, action_id};
    document.kind = kind;
    document.title = title;
    document.file_name = file_name;
    document.media_type = media_type;
    document.size_bytes = static_cast<std::int64_t>(content.size());
    document.sha256 = secrets::sha256_hex(content);
    document.audience = audience;
    document.created_at = now;
    documents::insert(connection, document, content);
  };
  for (const auto& action :
       connection
           .query("SELECT id, title_fr, city, start_date, end_date FROM actions WHERE status <> 'planned' "
                  "ORDER BY start_date DESC, id DESC LIMIT 40")
           .rows)
    file(action.integer(0), "programme", "Programme", fmt::format("programme-{}.txt", action.integer(0)),
         "text/plain; charset=utf-8", "focal_points",
         fmt::format("{}\n{}, du {} au {}\n\nAccueil des participants, ouverture, sessions de travail, "
                     "visites de terrain, évaluation et remise des attestations.\n",
                     action.text(1), action.text(2), action.text(3), action.text(4)));
  for (const auto& action :
       connection.query("SELECT id FROM actions WHERE status = 'completed' ORDER BY start_date DESC, id DESC LIMIT 20")
           .rows) {
    std::int64_t id = action.integer(0);
    spreadsheet::Table participants{{"latin_name", "arabic_name", "country", "state"}, {}};
    for (const auto& row : connection
                               .query("SELECT p.latin_name, p.arabic_name, n.country_code, n.state FROM nominations n "
                                      "JOIN people p ON p.id = n.person_id WHERE n.action_id = ? ORDER BY n.id",
                                      db::Params(id))
                               .rows)
      participants.rows.push_back({row.text(0), row.text(1), row.text(2), row.text(3)});
    file(id, "participant_list", "Liste des participants", fmt::format("participants-{}.csv", id),
         "text/csv; charset=utf-8", "staff", spreadsheet::to_csv(participants));
  }
}

// The agreements behind the programmes: with each partner country a framework agreement (its
// reference is the programmes' agreement number), sectoral agreements and memoranda, and a
// protocol amending some frameworks; triangular agreements with the funders. Some expire or reach
// their notice date within weeks, some have expired, some are still being negotiated, so that
// every list and home screen has something to say. scale adds sectoral agreements (2 + scale/20
// a country), for the list benchmarks.
void add_demo_agreements(db::Connection& connection, int scale, std::mt19937& random,
                         const std::vector<std::int64_t>& funders, const std::string& now, DemoCounts& counts) {
  using std::chrono::days;
  auto today = std::chrono::floor<days>(std::chrono::system_clock::now());
  auto day = [&](int offset) { return date_of(today + days(offset)); };
  auto amount = [&](int low, int high) { return std::int64_t(low) + std::int64_t(random() % (high - low + 1)); };
  auto names = reference::names(connection);
  auto name_of = [&](const std::string& code) { return names->country(code); };
  auto year_day = [&](int year, int offset) {
    return date_of(std::chrono::sys_days(std::chrono::year(year) / 1 / 1) + days(offset));
  };
  const std::vector<std::string> agreement_columns = {"kind",
                                                      "modality",
                                                      "status",
                                                      "title_fr",
                                                      "title_ar",
                                                      "title_en",
                                                      "sort_name",
                                                      "reference",
                                                      "signature_place",
                                                      "signed_on",
                                                      "in_force_on",
                                                      "expires_on",
                                                      "renewal",
                                                      "renewal_months",
                                                      "notice_days",
                                                      "notice_on",
                                                      "parent_agreement_id",
                                                      "parent_relation",
                                                      "domains",
                                                      "sectors",
                                                      "party_countries",
                                                      "version",
                                                      "created_at",
                                                      "updated_at",
                                                      "search_key"};
  struct Seed {
    agreements::Agreement record;
    std::vector<agreements::Party> parties;
  };
  std::vector<Seed> seeds;
  auto row_of = [&](const agreements::Agreement& a) {
    Cell parent = a.parent_agreement_id ? number(*a.parent_agreement_id) : none();
    auto optional = [](const std::optional<std::string>& value) { return value ? text(*value) : none(); };
    auto optional_number = [](const std::optional<std::int64_t>& value) { return value ? number(*value) : none(); };
    std::string countries;
    for (const auto& country : a.party_countries) countries += (countries.empty() ? "" : " ") + country;
    return std::vector<Cell>{text(a.kind),
                             text(a.modality),
                             text(a.status),
                             optional(a.title_fr),
                             optional(a.title_ar),
                             optional(a.title_en),
                             text(agreements::sort_name_of(a)),
                             optional(a.reference),
                             optional(a.signature_place),
                             optional(a.signed_on),
                             optional(a.in_force_on),
                             optional(a.expires_on),
                             text(a.renewal),
                             optional_number(a.renewal_months),
                             optional_number(a.notice_days),
                             optional(a.notice_on),
                             parent,
                             optional(a.parent_relation),
                             text(fmt::format("{}", fmt::join(a.domains, " "))),
                             text(""),
                             text(countries),
                             number(1),
                             text(now),
                             text(now),
                             text(agreements::search_key_of(a))};
  };
  // Writes the seeds (agreements, then parties and domains); answers their ids in order.
  auto write = [&](const std::vector<Seed>& batch) {
    Rows rows;
    for (const auto& seed : batch) rows.push_back(row_of(seed.record));
    std::int64_t before = last_id(connection, "agreements");
    connection.bulk_insert("agreements", agreement_columns, rows);
    auto ids = ids_after(connection, "agreements", before);
    Rows parties, domains;
    for (std::size_t i = 0; i < ids.size() && i < batch.size(); ++i) {
      std::int64_t position = 0;
      for (const auto& p : batch[i].parties) {
        std::string roles;
        for (const auto& role : p.roles) roles += (roles.empty() ? "" : " ") + role;
        parties.push_back({number(ids[i]), number(++position), p.country_code ? text(*p.country_code) : none(),
                           p.organisation_id ? number(*p.organisation_id) : none(), text(roles),
                           p.amount_minor ? number(*p.amount_minor) : none(), p.currency ? text(*p.currency) : none(),
                           p.in_kind ? text(*p.in_kind) : none(),
                           p.in_kind_value_minor ? number(*p.in_kind_value_minor) : none()});
      }
      for (const auto& domain : batch[i].record.domains) domains.push_back({number(ids[i]), text(domain)});
    }
    connection.bulk_insert(
        "agreement_parties",
        std::vector<std::string>{"agreement_id", "position", "country_code", "organisation_id", "roles", "amount_minor",
                                 "currency", "in_kind", "in_kind_value_minor"},
        parties);
    connection.bulk_insert("agreement_domains", std::vector<std::string>{"agreement_id", "domain"}, domains);
    counts.agreements += ids.size();
    return ids;
  };
  auto bilateral = [](const std::string& country) {
    agreements::Party morocco, partner;
    morocco.country_code = std::string(agreements::kMorocco);
    morocco.roles = {"signatory"};
    partner.country_code = country;
    partner.roles = {"signatory"};
    return std::vector<agreements::Party>{morocco, partner};
  };

  // Framework agreements, one a country, in force, most of them tacitly renewed every five years.
  std::vector<Seed> frameworks;
  for (std::size_t c = 0; c < kCountries.size(); ++c) {
    std::string country = kCountries[c];
    Seed seed;
    auto& a = seed.record;
    a.kind = "framework";
    a.modality = "bilateral";
    a.status = "in_force";
    a.title_fr = fmt::format("Accord-cadre de coopération Maroc — {}", name_of(country).fr);
    a.title_ar = fmt::format("اتفاق إطار للتعاون: المغرب — {}", name_of(country).ar);
    a.title_en = fmt::format("Framework cooperation agreement Morocco — {}", name_of(country).en);
    a.reference = fmt::format("ACC-{}-{}", country, 2000 + static_cast<int>(c));
    a.signature_place = c % 2 ? std::string("Rabat") : std::string(kCities[c % kCities.size()]);
    int signed_year = 1995 + static_cast<int>(c % 25);
    a.signed_on = year_day(signed_year, static_cast<int>(random() % 300));
    a.in_force_on = year_day(signed_year, 320);
    if (c % 5 != 4) {
      // The next renewal date between three weeks and three years from now.
      a.renewal = "tacit";
      a.renewal_months = 60;
      a.notice_days = 180;
      int expiry = 20 + static_cast<int>((c * 53) % 1100);
      a.expires_on = day(expiry);
      a.notice_on = day(expiry - 180);
    }
    a.party_countries = {std::string(agreements::kMorocco), country};
    seed.parties = bilateral(country);
    frameworks.push_back(std::move(seed));
  }
  auto framework_ids = write(frameworks);

  std::vector<Seed> others;
  int sectoral_per_country = 2 + scale / 20;
  for (std::size_t c = 0; c < kCountries.size(); ++c) {
    std::string country = kCountries[c];
    for (int s = 0; s < sectoral_per_country; ++s) {
      const auto& domain = kDomains[random() % kDomains.size()];
      Seed seed;
      auto& a = seed.record;
      bool memorandum = (s + static_cast<int>(c)) % 3 == 0;
      a.kind = memorandum ? "memorandum" : "sectoral";
      a.modality = "bilateral";
      a.title_fr = fmt::format("{} — {} ({})", memorandum ? "Mémorandum d'entente" : "Accord sectoriel", domain.fr,
                               name_of(country).fr);
      a.title_ar =
          fmt::format("{} — {} ({})", memorandum ? "مذكرة تفاهم" : "اتفاق قطاعي", domain.ar, name_of(country).ar);
      a.title_en = fmt::format("{} — {} ({})", memorandum ? "Memorandum of understanding" : "Sectoral agreement",
                               domain.en, name_of(country).en);
      a.reference = fmt::format("{}-{}-{}-{:03}", memorandum ? "MOU" : "ACS", country, domain.code, s + 1);
      a.signature_place = std::string(kCities[random() % kCities.size()]);
      a.domains = {domain.code};
      int kind_of_state = static_cast<int>(random() % 10);
      if (kind_of_state == 0) {
        a.status = "negotiated";  // a text agreed, not yet signed
      } else {
        int signed_year = 2005 + static_cast<int>(random() % 21);
        a.signed_on = year_day(signed_year, static_cast<int>(random() % 330));
        a.in_force_on = year_day(signed_year, 335);
        if (kind_of_state == 1) {
          a.status = "expired";
          a.expires_on = year_day(signed_year + 5, 335);
          if (*a.expires_on >= day(0)) a.status = "in_force";
        } else {
          a.status = "in_force";
          a.expires_on = day(10 + static_cast<int>(random() % 1500));
        }
      }
      a.party_countries = {std::string(agreements::kMorocco), country};
      seed.parties = bilateral(country);
      others.push_back(std::move(seed));
    }
    // Every third framework amended by a protocol.
    if (c % 3 == 0 && c < framework_ids.size()) {
      Seed seed;
      auto& a = seed.record;
      a.kind = "protocol";
      a.modality = "bilateral";
      a.status = "in_force";
      a.title_fr = fmt::format("Avenant n° 1 à l'accord-cadre Maroc — {}", name_of(country).fr);
      a.title_ar = fmt::format("الملحق رقم 1 للاتفاق الإطار: المغرب — {}", name_of(country).ar);
      a.title_en = fmt::format("Amendment no. 1 to the framework agreement Morocco — {}", name_of(country).en);
      a.reference = fmt::format("ACC-{}-{}-AV1", country, 2000 + static_cast<int>(c));
      a.signed_on = year_day(2021, static_cast<int>(c % 300));
      a.in_force_on = year_day(2021, 330);
      a.parent_agreement_id = framework_ids[c];
      a.parent_relation = "amends";
      a.party_countries = {std::string(agreements::kMorocco), country};
      seed.parties = bilateral(country);
      others.push_back(std::move(seed));
    }
  }
  // Triangular agreements: a funder's money, Morocco's training seats, a beneficiary country.
  for (std::size_t f = 0; f < funders.size() && f < 4; ++f) {
    for (int n = 0; n < 3; ++n) {
      std::string beneficiary = kCountries[(f * 7 + static_cast<std::size_t>(n) * 3) % 20];
      const auto& domain = kDomains[(f + static_cast<std::size_t>(n)) % kDomains.size()];
      Seed seed;
      auto& a = seed.record;
      a.kind = "triangular";
      a.modality = "triangular";
      a.status = "in_force";
      a.title_fr = fmt::format("Coopération triangulaire — {} ({})", domain.fr, name_of(beneficiary).fr);
      a.title_ar = fmt::format("تعاون ثلاثي — {} ({})", domain.ar, name_of(beneficiary).ar);
      a.title_en = fmt::format("Triangular cooperation — {} ({})", domain.en, name_of(beneficiary).en);
      a.reference = fmt::format("TRI-{}-{}-{}", f + 1, beneficiary, 2020 + n * 2);
      a.signature_place = std::string("Rabat");
      a.signed_on = year_day(2020 + n * 2, 100);
      a.in_force_on = year_day(2020 + n * 2, 130);
      a.expires_on = year_day(2024 + n * 2, 130);
      if (*a.expires_on < day(0)) a.status = "expired";
      a.domains = {domain.code};
      agreements::Party morocco, funder, country;
      morocco.country_code = std::string(agreements::kMorocco);
      morocco.roles = {"signatory", "implementer"};
      morocco.currency = "MAD";
      morocco.in_kind = "Places de formation et hébergement des stagiaires";
      morocco.in_kind_value_minor = amount(500'000, 3'000'000) * 100;
      funder.organisation_id = funders[f];
      funder.roles = {"signatory", "funder"};
      funder.currency = "EUR";
      funder.amount_minor = amount(200'000, 2'000'000) * 100;
      country.country_code = beneficiary;
      country.roles = {"signatory", "beneficiary"};
      a.party_countries = {std::string(agreements::kMorocco), beneficiary};
      seed.parties = {morocco, funder, country};
      others.push_back(std::move(seed));
    }
  }
  write(others);
  // The programmes' agreement numbers were the framework agreements' references: now a link.
  connection.query(
      "UPDATE programmes SET agreement_id = (SELECT a.id FROM agreements a WHERE a.reference = "
      "programmes.agreement_number) WHERE agreement_number IS NOT NULL AND agreement_id IS NULL");
}

}  // namespace

void generate_cooperation_demo(db::Connection& connection, int scale, std::mt19937& random, DemoCounts& counts) {
  std::string now = clock::now_iso8601();
  auto pick = [&](const auto& list) -> const auto& {
    return list[random() % list.size()];
  };
  auto between = [&](int low, int high) { return low + static_cast<int>(random() % (high - low + 1)); };
  // Skewed choice: the first countries are the agency's most active partners.
  auto partner_country = [&]() -> std::string {
    std::size_t a = random() % kCountries.size(), b = random() % kCountries.size();
    return kCountries[std::min(a, b)];
  };

  std::unordered_map<std::string, std::int64_t> organisation_by_identifier;
  for (const auto& row :
       connection.query("SELECT iati_identifier, id FROM organisations WHERE iati_identifier IS NOT NULL").rows)
    organisation_by_identifier.emplace(row.text(0), row.integer(1));
  std::vector<std::int64_t> hosts, funders;
  for (const auto& [identifier, id] : organisation_by_identifier) {
    if (identifier.starts_with("MA-") && identifier != "MA-amci") hosts.push_back(id);
    if (identifier.starts_with("XI-")) funders.push_back(id);
  }
  std::sort(hosts.begin(), hosts.end());
  std::sort(funders.begin(), funders.end());
  auto employer = [&](const std::string& country) -> Cell {
    auto found = organisation_by_identifier.find(fmt::format("{}-GOV-{:02}", country, between(1, 20)));
    return found == organisation_by_identifier.end() ? none() : number(found->second);
  };

  // Programmes: an annual programme with each of the first twenty countries, and triangular
  // programmes with funders.
  Rows rows;
  std::vector<std::pair<std::string, int>> programme_keys;  // country (or funder) and year
  for (int year = 2017; year <= 2026; ++year) {
    for (std::size_t c = 0; c < 20; ++c) {
      std::string country = kCountries[c];
      std::string fr = fmt::format("Programme annuel de coopération {} — {}", year, country);
      rows.push_back({text("country_programme"), text(fr),
                      text(fmt::format("برنامج التعاون السنوي {} — {}", year, country)),
                      text(fmt::format("Annual cooperation programme {} — {}", year, country)),
                      text(text::search_key(fr)), text(country), none(), number(year), number(year),
                      text(fmt::format("ACC-{}-{}", country, 2000 + static_cast<int>(c))),
                      text(fmt::format("Commission mixte {}", year - 1)), number(1), text(now), text(now),
                      text(text::search_key(fr))});
      programme_keys.emplace_back(country, year);
    }
    for (std::size_t f = 0; f < 4 && f < funders.size(); ++f) {
      std::string fr = fmt::format("Programme triangulaire {} n° {}", year, f + 1);
      rows.push_back({text("triangular"), text(fr), text(fmt::format("برنامج ثلاثي {} رقم {}", year, f + 1)),
                      text(fmt::format("Triangular programme {} no. {}", year, f + 1)), text(text::search_key(fr)),
                      none(), number(funders[f]), number(year), number(year + 2), none(), none(), number(1), text(now),
                      text(now), text(text::search_key(fr))});
      programme_keys.emplace_back("", year);
    }
  }
  std::int64_t before = last_id(connection, "programmes");
  connection.bulk_insert(
      "programmes",
      std::vector<std::string>{"kind", "title_fr", "title_ar", "title_en", "sort_name", "country_code",
                               "funder_organisation_id", "start_year", "end_year", "agreement_number",
                               "commission_session", "version", "created_at", "updated_at", "search_key"},
      rows);
  auto programme_ids = ids_after(connection, "programmes", before);
  std::map<std::pair<std::string, int>, std::int64_t> programme_of;
  for (std::size_t i = 0; i < programme_ids.size() && i < programme_keys.size(); ++i)
    programme_of.emplace(programme_keys[i], programme_ids[i]);
  counts.programmes = programme_ids.size();
  rows.clear();

  // The catalogue: each host institution offers training in four domains.
  struct Offer {
    std::int64_t id, host;
    const TypeProfile* type;
    const DomainTitle* domain;
  };
  std::vector<Offer> offers;
  for (auto host : hosts)
    for (int k = 0; k < 4; ++k) {
      const auto& type = kTypes[random() % 9];  // the types held in Morocco
      const auto& domain = pick(kDomains);
      std::string fr = fmt::format("{} ({})", domain.fr, "catalogue");
      rows.push_back({number(host),
                      text(type.code),
                      text(domain.code),
                      text(domain.fr),
                      text(domain.ar),
                      text(domain.en),
                      text(fmt::format("Formation pratique : {}.", domain.fr)),
                      none(),
                      none(),
                      text(text::search_key(domain.fr)),
                      text(pick(std::array{"introductory", "intermediate", "advanced"})),
                      number(between(type.min_days, type.max_days)),
                      text("fr"),
                      number(between(10, 60)),
                      number(between(8, 40) * 1000),
                      text("MAD"),
                      number(1),
                      number(1),
                      text(now),
                      text(now),
                      text(text::search_key(fmt::format("{} {} {}", domain.fr, domain.ar, domain.en)))});
      offers.push_back(Offer{0, host, &type, &domain});
    }
  before = last_id(connection, "offers");
  connection.bulk_insert("offers", std::vector<std::string>{"host_organisation_id",
                                                            "action_type",
                                                            "domain",
                                                            "title_fr",
                                                            "title_ar",
                                                            "title_en",
                                                            "description_fr",
                                                            "description_ar",
                                                            "description_en",
                                                            "sort_name",
                                                            "level",
                                                            "duration_days",
                                                            "language",
                                                            "seats_per_year",
                                                            "cost_per_participant",
                                                            "currency",
                                                            "active",
                                                            "version",
                                                            "created_at",
                                                            "updated_at",
                                                            "search_key"},
                         rows);
  auto offer_ids = ids_after(connection, "offers", before);
  for (std::size_t i = 0; i < offer_ids.size() && i < offers.size(); ++i) offers[i].id = offer_ids[i];
  counts.offers = offer_ids.size();
  rows.clear();

  // People: 5,000 a scale unit, of whom 3 % registered twice under a near spelling.
  const std::size_t people_count = 5000 * static_cast<std::size_t>(scale);
  std::vector<PersonSeed> people;
  people.reserve(people_count + people_count / 25);
  Rows tokens, pairs, keys;
  auto flush_people = [&] {
    if (rows.empty()) return;
    std::int64_t first = last_id(connection, "people");
    connection.bulk_insert("people",
                           std::vector<std::string>{"latin_name", "arabic_name", "sort_name", "sex", "birth_date",
                                                    "nationality", "employer_organisation_id", "position", "category",
                                                    "expert", "email", "phone", "passport_number", "passport_expiry",
                                                    "version", "created_at", "updated_at", "search_key"},
                           rows);
    auto ids = ids_after(connection, "people", first);
    std::size_t offset = people.size() - rows.size();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      people[offset + i].id = ids[i];
      const auto& latin = rows[i][0];
      const auto& arabic = rows[i][1];
      auto name = names::person_name(latin.value_or(""), arabic.value_or(""));
      auto index = names::search_index(name);
      for (const auto& token : index.tokens) tokens.push_back({token, std::to_string(ids[i])});
      for (const auto& pair : index.pairs) pairs.push_back({pair, rows[i][2], std::to_string(ids[i])});
      for (const auto& key : names::blocking_keys(name)) keys.push_back({key, std::to_string(ids[i])});
    }
    connection.bulk_insert("person_name_tokens", std::vector<std::string>{"token", "person_id"}, tokens);
    connection.bulk_insert("person_name_pairs", std::vector<std::string>{"pair", "sort_name", "person_id"}, pairs);
    connection.bulk_insert("person_blocking_keys", std::vector<std::string>{"block_key", "person_id"}, keys);
    tokens.clear();
    pairs.clear();
    keys.clear();
    rows.clear();
  };
  constexpr std::array kCategories = {"manager",    "manager", "technician", "technician",
                                      "researcher", "student", "other"};
  constexpr std::array kPositions = {
      "Chef de service", "Ingénieur", "Technicien supérieur", "Chercheur", "Directeur adjoint", "Conseiller technique",
      "Inspecteur",      "Cadre"};
  for (std::size_t n = 0; n < people_count; ++n) {
    std::string country = partner_country();
    bool woman = random() % 100 < 42;
    const Name& given = woman ? kWomen[random() % kWomen.size()] : kMen[random() % kMen.size()];
    const Name& family = pick(kFamilies);
    bool arabic_script = kArabicScript.contains(country) && *given.arabic && *family.arabic;
    Cell latin = text(fmt::format("{} {}", given.latin, family.latin));
    Cell arabic = arabic_script ? text(fmt::format("{} {}", given.arabic, family.arabic)) : none();
    std::string birth = fmt::format("{}-{:02}-{:02}", between(1962, 2000), between(1, 12), between(1, 28));
    auto add = [&](Cell latin_name, Cell arabic_name, bool expert) {
      people.push_back(PersonSeed{country, 0});
      std::string display = latin_name ? *latin_name : arabic_name.value_or("");
      std::string email = fmt::format("p{}.{}@example.org", people.size(), text::search_key(family.latin).substr(0, 6));
      std::erase(email, ' ');
      rows.push_back(
          {latin_name, arabic_name, text(text::search_key(display)), text(woman ? "female" : "male"), text(birth),
           text(country), employer(country), text(pick(kPositions)), text(expert ? "other" : pick(kCategories)),
           number(expert ? 1 : 0), text(email),
           text(fmt::format("+{} {:02} {:03} {:03}", 200 + random() % 60, random() % 100, random() % 1000,
                            random() % 1000)),
           random() % 3 == 0 ? text(fmt::format("{}{:07}", country, random() % 10'000'000)) : none(), none(), number(1),
           text(now), text(now),
           text(text::search_key(fmt::format("{} {} {}", latin_name.value_or(""), arabic_name.value_or(""), email)))});
    };
    add(latin, arabic, random() % 50 == 0);
    // The registry's plague: the same person registered again, spelled another way.
    if (random() % 100 < 3) {
      std::string variant_given = *given.variant ? given.variant : given.latin;
      std::string variant_family = *family.variant ? family.variant : family.latin;
      switch (random() % 3) {
        case 0:
          add(text(fmt::format("{} {}", variant_given, family.latin)), none(), false);
          break;
        case 1:
          add(text(fmt::format("{} {}", family.latin, variant_given)), arabic, false);
          break;
        default:
          if (arabic)
            add(none(), arabic, false);
          else
            add(text(fmt::format("{} {}", given.latin, variant_family)), none(), false);
      }
    }
    if (rows.size() >= 20000) flush_people();
  }
  flush_people();
  counts.people = people.size();
  std::unordered_map<std::string, std::vector<std::int64_t>> people_by_country;
  for (const auto& person : people) people_by_country[person.country].push_back(person.id);

  // Actions over ten years, about three participants a person: each action takes 25 nominations
  // on average, spread over its quota countries.
  const std::size_t action_count = std::max<std::size_t>(60, people.size() * 3 / 20);
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const auto first_day = std::chrono::sys_days{std::chrono::year{2017} / 1 / 10};
  const int span_days = static_cast<int>((std::chrono::sys_days{std::chrono::year{2027} / 6 / 30} - first_day).count());
  struct ActionSeed {
    std::int64_t id = 0;
    std::string status;
    std::vector<std::pair<std::string, int>> quotas;
    int seats = 0;
  };
  std::vector<ActionSeed> actions;
  actions.reserve(action_count);
  Rows sector_rows, quota_rows, funder_rows;
  std::unordered_map<std::string, std::string> first_sector;
  for (const auto& row :
       connection.query("SELECT domain_code, sector_code FROM cooperation_domain_sectors ORDER BY position DESC").rows)
    first_sector[row.text(0)] = row.text(1);

  auto flush_actions = [&] {
    if (rows.empty()) return;
    std::int64_t first = last_id(connection, "actions");
    connection.bulk_insert("actions",
                           std::vector<std::string>{
                               "action_type", "domain",       "title_fr",     "title_ar",       "title_en",
                               "sort_name",   "modality",     "programme_id", "offer_id",       "host_organisation_id",
                               "city",        "country_code", "start_date",   "end_date",       "start_year",
                               "language",    "seats",        "status",       "estimated_cost", "actual_cost",
                               "currency",    "version",      "created_at",   "updated_at",     "search_key"},
                           rows);
    auto ids = ids_after(connection, "actions", first);
    std::size_t offset = actions.size() - rows.size();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto& action = actions[offset + i];
      action.id = ids[i];
      std::string id = std::to_string(ids[i]);
      sector_rows.push_back({id, rows[i][1] ? first_sector[*rows[i][1]] : "", "100"});
      for (const auto& [country, seats] : action.quotas)
        quota_rows.push_back({id, country, std::to_string(seats), rows[i][14]});
      if (*rows[i][6] == "triangular")
        funder_rows.push_back({id, std::to_string(funders[ids[i] % funders.size()]), "100"});
    }
    connection.bulk_insert("action_sectors", std::vector<std::string>{"action_id", "sector_code", "percentage"},
                           sector_rows);
    connection.bulk_insert("action_quotas",
                           std::vector<std::string>{"action_id", "country_code", "seats", "start_year"}, quota_rows);
    connection.bulk_insert("action_funders", std::vector<std::string>{"action_id", "organisation_id", "share"},
                           funder_rows);
    sector_rows.clear();
    quota_rows.clear();
    funder_rows.clear();
    rows.clear();
  };

  for (std::size_t n = 0; n < action_count; ++n) {
    const auto& type = kTypes[random() % kTypes.size()];
    bool in_morocco = n % 11 < 9 && std::string_view(type.code) != "in_situ_training" &&
                      std::string_view(type.code) != "expert_mission" &&
                      std::string_view(type.code) != "joint_programme";
    const Offer* offer =
        in_morocco && !offers.empty() && random() % 2 == 0 ? &offers[random() % offers.size()] : nullptr;
    const DomainTitle& domain = offer ? *offer->domain : pick(kDomains);
    auto start = first_day + std::chrono::days{between(0, span_days)};
    auto end = start + std::chrono::days{between(type.min_days, type.max_days)};
    int year = static_cast<int>(std::chrono::year_month_day{start}.year());
    std::string status;
    if (random() % 40 == 0)
      status = "cancelled";
    else if (end < today)
      status = "completed";
    else if (start <= today)
      status = "ongoing";
    else if (start - today < std::chrono::days{30})
      status = "selection_closed";
    else if (start - today < std::chrono::days{120})
      status = "open";
    else
      status = "planned";
    ActionSeed seed;
    seed.status = status;
    seed.seats = between(type.min_seats, type.max_seats);
    std::string place = in_morocco ? "MA" : partner_country();
    if (place == "MA" && !in_morocco) place = "SN";
    int remaining = seed.seats;
    std::set<std::string> chosen;
    if (!in_morocco) {
      chosen.insert(place);
      seed.quotas.emplace_back(place, remaining);
      remaining = 0;
    }
    while (remaining > 0 && chosen.size() < 8) {
      std::string country = partner_country();
      if (!chosen.insert(country).second) continue;
      int seats = std::min(remaining, between(1, 5));
      seed.quotas.emplace_back(country, seats);
      remaining -= seats;
    }
    std::string modality = random() % 6 == 0 && !funders.empty() ? "triangular" : "bilateral";
    std::string quota_country = seed.quotas.empty() ? "" : seed.quotas.front().first;
    auto programme = programme_of.find({quota_country, year});
    std::int64_t host = offer ? offer->host : (in_morocco ? hosts[random() % hosts.size()] : 0);
    std::string fr =
        fmt::format("{} — {} {}", domain.fr, in_morocco ? kCities[random() % kCities.size()] : place, year);
    std::int64_t estimated = static_cast<std::int64_t>(seed.seats) * between(8, 40) * 1000;
    rows.push_back({text(type.code),
                    text(domain.code),
                    text(fr),
                    text(fmt::format("{} — {}", domain.ar, year)),
                    text(fmt::format("{} — {}", domain.en, year)),
                    text(text::search_key(fr)),
                    text(modality),
                    programme != programme_of.end() ? number(programme->second) : none(),
                    offer ? number(offer->id) : none(),
                    host ? number(host) : none(),
                    text(in_morocco ? kCities[random() % kCities.size()] : "Capitale"),
                    text(place),
                    text(date_of(start)),
                    text(date_of(end)),
                    number(year),
                    text("fr"),
                    number(seed.seats),
                    text(status),
                    number(estimated),
                    status == "completed" ? number(estimated * between(85, 110) / 100) : none(),
                    text("MAD"),
                    number(1),
                    text(now),
                    text(now),
                    text(text::search_key(fr))});
    actions.push_back(std::move(seed));
    if (rows.size() >= 10000) flush_actions();
  }
  flush_actions();
  counts.actions = actions.size();

  // Nominations: for each quota country, about its seats and a few more, in the states the
  // action's status allows; one history event each ("imported": the agency's earlier records).
  Rows nomination_rows;
  std::vector<std::string> nomination_states;
  auto flush_nominations = [&] {
    if (nomination_rows.empty()) return;
    std::int64_t first = last_id(connection, "nominations");
    connection.bulk_insert(
        "nominations",
        std::vector<std::string>{"action_id", "person_id", "country_code", "state", "nominated_by", "nominated_at",
                                 "state_changed_at", "waitlisted_at", "note", "version", "created_at", "updated_at"},
        nomination_rows);
    auto ids = ids_after(connection, "nominations", first);
    Rows events;
    for (std::size_t i = 0; i < ids.size(); ++i)
      events.push_back({std::to_string(ids[i]), none(), nomination_states[i], text("imported"), nomination_rows[i][5],
                        none(), text("demo")});
    connection.bulk_insert(
        "nomination_events",
        std::vector<std::string>{"nomination_id", "from_state", "to_state", "reason", "at", "user_id", "username"},
        events);
    counts.nominations += ids.size();
    nomination_rows.clear();
    nomination_states.clear();
  };
  for (const auto& action : actions) {
    if (action.status == "planned") continue;
    std::set<std::int64_t> taken;
    for (const auto& [country, seats] : action.quotas) {
      auto& pool = people_by_country[country];
      if (pool.empty()) continue;
      int candidates = seats + between(0, 3);
      int selected = 0;
      for (int k = 0; k < candidates; ++k) {
        std::int64_t person = pool[random() % pool.size()];
        if (!taken.insert(person).second) continue;
        std::string state;
        bool within = selected < seats;
        if (action.status == "completed") {
          state = within ? (random() % 20 == 0   ? "dropped_out"
                            : random() % 12 == 0 ? "withdrawn"
                                                 : "completed")
                         : "rejected";
        } else if (action.status == "cancelled") {
          state = "withdrawn";
        } else if (action.status == "ongoing") {
          state = within ? "arrived" : "waitlisted";
        } else if (action.status == "selection_closed") {
          state = within ? (random() % 2 ? "confirmed" : "selected") : "waitlisted";
        } else {
          state = pick(std::array{"nominated", "nominated", "under_review", "selected", "waitlisted"});
          if (state == "selected" && !within) state = "under_review";
        }
        if (state == "completed" || state == "arrived" || state == "confirmed" || state == "selected" ||
            state == "dropped_out")
          ++selected;
        nomination_rows.push_back({std::to_string(action.id), std::to_string(person), country, state, none(), text(now),
                                   text(now), state == "waitlisted" ? text(now) : none(), none(), number(1), text(now),
                                   text(now)});
        nomination_states.push_back(state);
      }
    }
    if (nomination_rows.size() >= 20000) flush_nominations();
  }
  flush_nominations();
  add_demo_documents(connection, now);
  add_demo_agreements(connection, scale, random, funders, now, counts);
  add_demo_commissions(connection, random, now, counts);
}

spreadsheet::Table sample_nomination_file(db::Connection& connection, std::size_t row_count, std::mt19937& random) {
  auto between = [&](int low, int high) { return low + static_cast<int>(random() % (high - low + 1)); };
  // Family names the demo registry does not use (syllables put together), so that new people
  // are new; every row still goes through the duplicate check against the whole registry.
  constexpr std::array kSyllables = {"ba", "ko",  "ma", "ndi", "ye", "sa", "tou", "ra", "ke", "la",
                                     "mi", "nou", "di", "fa",  "go", "zi", "bo",  "ta", "wa", "ga"};
  spreadsheet::Table table;
  table.columns = nominations::import_template_columns();
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < table.columns.size(); ++i) at[table.columns[i]] = i;

  // A tenth nominates registered people by number, a tenth describes registered people by name
  // and birth date (the import must recognise them), the rest are new.
  std::size_t known = row_count / 10;
  auto registered = connection.query(
      "SELECT id, latin_name, arabic_name, birth_date, nationality FROM people WHERE merged_into_id IS NULL AND "
      "birth_date IS NOT NULL AND id % 97 = 3 ORDER BY id LIMIT ?",
      db::Params(static_cast<std::int64_t>(2 * known)));
  std::size_t next_registered = 0;
  std::set<std::string> used_names;
  for (std::size_t n = 0; n < row_count; ++n) {
    std::vector<std::string> row(table.columns.size());
    auto set = [&](const char* column, std::string value) { row[at.at(column)] = std::move(value); };
    std::size_t kind = n % 10;
    if (kind < 2 && next_registered < registered.rows.size()) {
      const auto& person = registered.rows[next_registered++];
      if (kind == 0) {
        set("person_id", std::to_string(person.integer(0)));
      } else {
        set("latin_name", person.optional_text(1).value_or(""));
        set("arabic_name", person.optional_text(2).value_or(""));
        set("birth_date", person.text(3));
        set("nationality", person.text(4));
      }
      table.rows.push_back(std::move(row));
      continue;
    }
    std::string country = kCountries[std::min(random() % kCountries.size(), random() % kCountries.size())];
    bool woman = random() % 100 < 42;
    const Name& given = woman ? kWomen[random() % kWomen.size()] : kMen[random() % kMen.size()];
    std::string family;
    do {
      family.clear();
      for (int s = 3; s > 0; --s) family += kSyllables[random() % kSyllables.size()];
      family[0] = static_cast<char>(family[0] - 'a' + 'A');
    } while (!used_names.insert(fmt::format("{} {}", given.latin, family)).second);
    set("latin_name", fmt::format("{} {}", given.latin, family));
    set("sex", woman ? "female" : "male");
    set("birth_date", fmt::format("{}-{:02}-{:02}", between(1962, 2000), between(1, 12), between(1, 28)));
    set("nationality", country);
    set("category", random() % 2 ? "manager" : "technician");
    set("position", "Cadre");
    set("email", fmt::format("{}.{}@example.org", text::search_key(given.latin), text::search_key(family)));
    set("passport_number", fmt::format("{}{:07}", country, random() % 10'000'000));
    set("passport_expiry", fmt::format("{}-{:02}-15", between(2027, 2031), between(1, 12)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace taawun::cli
