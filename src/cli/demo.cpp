#include "cli/demo.hpp"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>
#include <random>
#include <unordered_map>

#include "areas/accounts/accounts.hpp"
#include "areas/audit/audit.hpp"
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/organisations/organisation.hpp"
#include "core/clock.hpp"
#include "domain/changes.hpp"

namespace taawun::cli {
namespace {

struct Named {
  const char* kind;  // IATI OrganisationType
  const char* acronym;
  const char* fr;
  const char* ar;
  const char* en;
  const char* website;
};

// Moroccan host institutions and the agency itself.
constexpr std::array kMoroccan = {
    Named{"10", "AMCI", "Agence Marocaine de Coopération Internationale", "الوكالة المغربية للتعاون الدولي",
          "Moroccan Agency for International Cooperation", "https://www.amci.ma"},
    Named{"80", "IAV", "Institut Agronomique et Vétérinaire Hassan II", "معهد الحسن الثاني للزراعة والبيطرة",
          "Hassan II Institute of Agronomy and Veterinary Medicine", "https://www.iav.ac.ma"},
    Named{"15", "DGM", "Direction Générale de la Météorologie", "المديرية العامة للأرصاد الجوية",
          "General Directorate of Meteorology", "https://www.marocmeteo.ma"},
    Named{"15", "ONEE", "Office National de l'Électricité et de l'Eau Potable",
          "المكتب الوطني للكهرباء والماء الصالح للشرب", "National Office of Electricity and Drinking Water",
          "https://www.one.org.ma"},
    Named{"80", "INRH", "Institut National de Recherche Halieutique", "المعهد الوطني للبحث في الصيد البحري",
          "National Institute of Fisheries Research", "https://www.inrh.ma"},
    Named{"15", "OFPPT", "Office de la Formation Professionnelle et de la Promotion du Travail",
          "مكتب التكوين المهني وإنعاش الشغل", "Office of Vocational Training and Employment Promotion",
          "https://www.ofppt.ma"},
    Named{"80", "ENA Meknès", "École Nationale d'Agriculture de Meknès", "المدرسة الوطنية للفلاحة بمكناس",
          "National School of Agriculture of Meknes", "https://www.enameknes.ac.ma"},
    Named{"80", "ISCAE", "Institut Supérieur de Commerce et d'Administration des Entreprises",
          "المعهد العالي للتجارة وإدارة المقاولات", "Higher Institute of Commerce and Business Administration",
          "https://www.groupeiscae.ma"},
    Named{"15", "INH", "Institut National d'Hygiène", "المعهد الوطني للصحة", "National Institute of Hygiene", ""},
    Named{"80", "EHTP", "École Hassania des Travaux Publics", "المدرسة الحسنية للأشغال العمومية",
          "Hassania School of Public Works", "https://www.ehtp.ac.ma"},
    Named{"15", "AMEE", "Agence Marocaine pour l'Efficacité Énergétique", "الوكالة المغربية للنجاعة الطاقية",
          "Moroccan Agency for Energy Efficiency", "https://www.amee.ma"},
    Named{"80", "ISIC", "Institut Supérieur de l'Information et de la Communication", "المعهد العالي للإعلام والاتصال",
          "Higher Institute of Information and Communication", ""},
    Named{"80", "UM5", "Université Mohammed V de Rabat", "جامعة محمد الخامس بالرباط", "Mohammed V University in Rabat",
          "https://www.um5.ac.ma"},
    Named{"80", "UCA", "Université Cadi Ayyad", "جامعة القاضي عياض", "Cadi Ayyad University", "https://www.uca.ma"},
    Named{"15", "ONSSA", "Office National de Sécurité Sanitaire des Produits Alimentaires",
          "المكتب الوطني للسلامة الصحية للمنتجات الغذائية", "National Food Safety Office", "https://www.onssa.gov.ma"},
    Named{"80", "ISMPM", "Institut Supérieur des Métiers de l'Audiovisuel et du Cinéma",
          "المعهد العالي لمهن السمعي البصري والسينما", "Higher Institute of Audiovisual and Cinema Professions", ""},
};

// Funders of triangular cooperation and international organisations.
constexpr std::array kInternational = {
    Named{"10", "JICA", "Agence japonaise de coopération internationale", "الوكالة اليابانية للتعاون الدولي",
          "Japan International Cooperation Agency", "https://www.jica.go.jp"},
    Named{"10", "GIZ", "Agence allemande de coopération internationale", "الوكالة الألمانية للتعاون الدولي",
          "Deutsche Gesellschaft für Internationale Zusammenarbeit", "https://www.giz.de"},
    Named{"10", "AFD", "Agence française de développement", "الوكالة الفرنسية للتنمية", "French Development Agency",
          "https://www.afd.fr"},
    Named{"10", "KOICA", "Agence coréenne de coopération internationale", "الوكالة الكورية للتعاون الدولي",
          "Korea International Cooperation Agency", "https://www.koica.go.kr"},
    Named{"10", "TIKA", "Agence turque de coopération et de coordination", "الوكالة التركية للتعاون والتنسيق",
          "Turkish Cooperation and Coordination Agency", "https://www.tika.gov.tr"},
    Named{"40", "BID", "Banque islamique de développement", "البنك الإسلامي للتنمية", "Islamic Development Bank",
          "https://www.isdb.org"},
    Named{"40", "BAD", "Banque africaine de développement", "البنك الإفريقي للتنمية", "African Development Bank",
          "https://www.afdb.org"},
    Named{"40", "FAO", "Organisation des Nations unies pour l'alimentation et l'agriculture",
          "منظمة الأغذية والزراعة للأمم المتحدة", "Food and Agriculture Organization of the United Nations",
          "https://www.fao.org"},
    Named{"40", "PNUD", "Programme des Nations unies pour le développement", "برنامج الأمم المتحدة الإنمائي",
          "United Nations Development Programme", "https://www.undp.org"},
    Named{"40", "OMS", "Organisation mondiale de la santé", "منظمة الصحة العالمية", "World Health Organization",
          "https://www.who.int"},
    Named{"40", "UNESCO", "Organisation des Nations unies pour l'éducation, la science et la culture",
          "منظمة الأمم المتحدة للتربية والعلم والثقافة",
          "United Nations Educational, Scientific and Cultural Organization", "https://www.unesco.org"},
    Named{"40", "OMM", "Organisation météorologique mondiale", "المنظمة العالمية للأرصاد الجوية",
          "World Meteorological Organization", "https://wmo.int"},
    Named{"40", "UA", "Union africaine", "الاتحاد الإفريقي", "African Union", "https://au.int"},
    Named{"40", "ICESCO", "Organisation du monde islamique pour l'éducation, les sciences et la culture",
          "منظمة العالم الإسلامي للتربية والعلوم والثقافة",
          "Islamic World Educational, Scientific and Cultural Organization", "https://www.icesco.org"},
};
// The organisations of Morocco's multilateral engagements (demo_engagements.cpp), with the
// country of their seat.
constexpr std::array kMultilateral = {
    Named{"40", "ONU", "Organisation des Nations unies", "منظمة الأمم المتحدة", "United Nations", "https://www.un.org"},
    Named{"40", "OMC", "Organisation mondiale du commerce", "منظمة التجارة العالمية", "World Trade Organization",
          "https://www.wto.org"},
    Named{"40", "G77", "Groupe des 77", "مجموعة الـ77", "Group of 77", "https://www.g77.org"},
    Named{"40", "OCI", "Organisation de la coopération islamique", "منظمة التعاون الإسلامي",
          "Organisation of Islamic Cooperation", "https://www.oic-oci.org"},
    Named{"40", "LEA", "Ligue des États arabes", "جامعة الدول العربية", "League of Arab States",
          "http://www.leagueofarabstates.net"},
    Named{"40", "UE", "Union européenne", "الاتحاد الأوروبي", "European Union", "https://european-union.europa.eu"},
    Named{"40", "CCNUCC", "Convention-cadre des Nations unies sur les changements climatiques",
          "اتفاقية الأمم المتحدة الإطارية بشأن تغير المناخ", "United Nations Framework Convention on Climate Change",
          "https://unfccc.int"},
};
constexpr std::array<const char*, 7> kMultilateralCountries = {"US", "CH", "US", "SA", "EG", "BE", "DE"};
constexpr std::array<const char*, 14> kInternationalCountries = {"JP", "DE", "FR", "KR", "TR", "SA", "CI",
                                                                 "IT", "US", "CH", "FR", "CH", "ET", "MA"};

// The ministries and agencies every partner country has.
constexpr std::array kPartnerInstitutions = {
    Named{"10", "", "Ministère des Affaires étrangères", "وزارة الشؤون الخارجية", "Ministry of Foreign Affairs", ""},
    Named{"10", "", "Ministère de la Santé publique", "وزارة الصحة العمومية", "Ministry of Public Health", ""},
    Named{"10", "", "Ministère de l'Agriculture", "وزارة الفلاحة", "Ministry of Agriculture", ""},
    Named{"10", "", "Ministère de l'Éducation nationale", "وزارة التربية الوطنية", "Ministry of National Education",
          ""},
    Named{"10", "", "Ministère de l'Enseignement supérieur et de la Recherche", "وزارة التعليم العالي والبحث العلمي",
          "Ministry of Higher Education and Research", ""},
    Named{"10", "", "Ministère des Pêches et de l'Économie maritime", "وزارة الصيد البحري والاقتصاد البحري",
          "Ministry of Fisheries and Maritime Economy", ""},
    Named{"10", "", "Ministère de l'Hydraulique et de l'Assainissement", "وزارة المياه والتطهير",
          "Ministry of Water and Sanitation", ""},
    Named{"10", "", "Ministère de l'Énergie", "وزارة الطاقة", "Ministry of Energy", ""},
    Named{"10", "", "Ministère de la Fonction publique", "وزارة الوظيفة العمومية", "Ministry of Public Service", ""},
    Named{"10", "", "Ministère de la Justice", "وزارة العدل", "Ministry of Justice", ""},
    Named{"10", "", "Ministère des Finances", "وزارة المالية", "Ministry of Finance", ""},
    Named{"10", "", "Ministère du Tourisme et de l'Artisanat", "وزارة السياحة والصناعة التقليدية",
          "Ministry of Tourism and Handicrafts", ""},
    Named{"10", "", "Ministère des Transports", "وزارة النقل", "Ministry of Transport", ""},
    Named{"10", "", "Ministère de l'Environnement", "وزارة البيئة", "Ministry of the Environment", ""},
    Named{"10", "", "Ministère de la Culture", "وزارة الثقافة", "Ministry of Culture", ""},
    Named{"10", "", "Ministère de la Jeunesse et des Sports", "وزارة الشباب والرياضة", "Ministry of Youth and Sports",
          ""},
    Named{"15", "", "Agence nationale de la météorologie", "الوكالة الوطنية للأرصاد الجوية",
          "National Meteorological Agency", ""},
    Named{"15", "", "Institut national de la statistique", "المعهد الوطني للإحصاء", "National Statistics Institute",
          ""},
    Named{"80", "", "Université nationale", "الجامعة الوطنية", "National University", ""},
    Named{"80", "", "École nationale d'administration", "المدرسة الوطنية للإدارة", "National School of Administration",
          ""},
};

// About fifty partner countries: mostly sub-Saharan Africa, also the Arab world and Europe.
constexpr std::array kPartnerCountries = {
    "SN", "ML", "NE", "BF", "CI", "GN", "GW", "MR", "TD", "CM", "GA", "CG", "CD", "CF", "BJ", "TG", "GH",
    "NG", "LR", "SL", "GM", "CV", "ST", "GQ", "BI", "RW", "DJ", "KM", "MG", "SC", "ET", "KE", "TZ", "UG",
    "SS", "SD", "MZ", "AO", "ZM", "NA", "TN", "LY", "EG", "JO", "PS", "YE", "IQ", "LB", "MU", "ES", "PT",
};

constexpr std::array kGivenNames = {"Aminata",   "Moussa",  "Fatou",  "Ibrahima", "Awa",     "Ousmane", "Mariam",
                                    "Abdoulaye", "Khadija", "Seydou", "Aïcha",    "Mamadou", "Nadia",   "Youssef"};
constexpr std::array kFamilyNames = {"Diop",   "Traoré", "Coulibaly", "Ndiaye", "Keïta", "Ouédraogo", "Sow",
                                     "Diallo", "Camara", "Mbaye",     "Touré",  "Sylla", "Haddad",    "Benali"};

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One row of the bulk insert, from an Organisation, with its derived columns.
std::vector<std::optional<std::string>> row_of(const organisations::Organisation& o, const std::string& now) {
  auto integer = [](const std::optional<std::int64_t>& v) -> std::optional<std::string> {
    return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
  };
  return {o.kind,
          o.name_fr,
          o.name_ar,
          o.name_en,
          organisations::sort_name_of(o),
          o.acronym,
          o.country_code,
          o.iati_identifier,
          integer(o.parent_id),
          o.website,
          o.address,
          organisations::contacts_json(o.contacts),
          "0",
          "1",
          now,
          now,
          organisations::search_key_of(o)};
}

const std::vector<std::string> kColumns = {"kind",       "name_fr",      "name_ar",         "name_en",   "sort_name",
                                           "acronym",    "country_code", "iati_identifier", "parent_id", "website",
                                           "address",    "contacts",     "archived",        "version",   "created_at",
                                           "updated_at", "search_key"};

std::optional<std::string> maybe(const char* text) {
  return *text ? std::optional<std::string>(text) : std::nullopt;
}

}  // namespace

DemoCounts generate_demo(db::Connection& connection, int scale, const std::string& password) {
  DemoCounts counts;
  std::mt19937 random(20261123);  // fixed seed: the same dataset every time
  std::string now = clock::now_iso8601();
  auto actor = accounts::Actor::command_line();

  auto contact = [&](std::string_view domain) {
    std::string given = kGivenNames[random() % kGivenNames.size()];
    std::string family = kFamilyNames[random() % kFamilyNames.size()];
    return organisations::Contact{
        given + " " + family, "Point focal coopération", slug(given) + "." + slug(family) + "@" + std::string(domain),
        fmt::format("+{} {:03} {:03} {:03}", 200 + random() % 60, random() % 1000, random() % 1000, random() % 1000)};
  };

  db::Transaction transaction(connection, db::TransactionKind::write);
  std::vector<std::vector<std::optional<std::string>>> rows;
  auto add_named = [&](const Named& n, const char* country, std::string identifier) {
    organisations::Organisation o;
    o.kind = n.kind;
    o.name_fr = n.fr;
    o.name_ar = n.ar;
    o.name_en = n.en;
    o.acronym = maybe(n.acronym);
    o.country_code = country;
    o.iati_identifier = std::move(identifier);
    o.website = maybe(n.website);
    o.contacts = {contact(std::string(country) == "MA" ? "example.ma" : "example.org")};
    rows.push_back(row_of(o, now));
  };
  for (const auto& n : kMoroccan) add_named(n, "MA", "MA-" + slug(n.acronym));
  for (std::size_t i = 0; i < kInternational.size(); ++i)
    add_named(kInternational[i], kInternationalCountries[i], "XI-" + slug(kInternational[i].acronym));
  for (std::size_t i = 0; i < kMultilateral.size(); ++i)
    add_named(kMultilateral[i], kMultilateralCountries[i], "XI-" + slug(kMultilateral[i].acronym));

  // National institutions of partner countries, then (scale > 1) their regional directorates.
  for (const char* country : kPartnerCountries)
    for (std::size_t i = 0; i < kPartnerInstitutions.size(); ++i) {
      const auto& n = kPartnerInstitutions[i];
      organisations::Organisation o;
      o.kind = n.kind;
      o.name_fr = n.fr;
      o.name_ar = n.ar;
      o.name_en = n.en;
      o.country_code = country;
      o.iati_identifier = fmt::format("{}-GOV-{:02}", country, i + 1);
      o.address = fmt::format("Boîte postale {}", 100 + random() % 9000);
      if (random() % 3 == 0) o.contacts = {contact("example.org")};
      rows.push_back(row_of(o, now));
    }
  connection.bulk_insert("organisations", kColumns, rows);
  counts.organisations += rows.size();
  rows.clear();

  if (scale > 1) {
    std::unordered_map<std::string, std::int64_t> national;
    for (const auto& row :
         connection
             .query("SELECT iati_identifier, id FROM organisations WHERE iati_identifier LIKE ?", db::Params("%-GOV-%"))
             .rows)
      national.emplace(row.text(0), row.integer(1));
    for (int copy = 1; copy < scale; ++copy) {
      for (const char* country : kPartnerCountries)
        for (std::size_t i = 0; i < kPartnerInstitutions.size(); ++i) {
          const auto& n = kPartnerInstitutions[i];
          organisations::Organisation o;
          o.kind = n.kind;
          o.name_fr = fmt::format("{} — Direction régionale {}", n.fr, copy);
          o.name_ar = fmt::format("{} — المديرية الجهوية {}", n.ar, copy);
          o.name_en = fmt::format("{} — Regional directorate {}", n.en, copy);
          o.country_code = country;
          o.parent_id = national.at(fmt::format("{}-GOV-{:02}", country, i + 1));
          rows.push_back(row_of(o, now));
        }
      if (rows.size() >= 20000) {
        connection.bulk_insert("organisations", kColumns, rows);
        counts.organisations += rows.size();
        rows.clear();
      }
    }
    if (!rows.empty()) connection.bulk_insert("organisations", kColumns, rows);
    counts.organisations += rows.size();
  }
  generate_cooperation_demo(connection, scale, random, counts);
  // The bulk inserts bypass the services: a server already running over this database must
  // still drop the list pages it kept of the empty registry.
  changes::record_change(connection, changes::kOrganisations);
  audit::record(connection, actor, "demo_load", "database", "demo", std::nullopt,
                nlohmann::json{{"organisations", counts.organisations},
                               {"programmes", counts.programmes},
                               {"agreements", counts.agreements},
                               {"offers", counts.offers},
                               {"actions", counts.actions},
                               {"people", counts.people},
                               {"nominations", counts.nominations},
                               {"scale", scale}}
                    .dump());
  transaction.commit();
  // Through the area's use case (its rules and audit entries): a handful of records.
  add_demo_engagements(connection, counts);

  // One account per role. Scoped roles get a demo scope: Senegal, and the IAV.
  auto iav = connection.query("SELECT id FROM organisations WHERE iati_identifier = ?", db::Params("MA-iav"));
  struct DemoUser {
    const char* name;
    const char* display;
    const char* role;
  };
  constexpr std::array kUsers = {
      DemoUser{"admin", "Administratrice de démonstration", "admin"},
      DemoUser{"manager", "Directeur de la coopération", "manager"},
      DemoUser{"officer", "Chargée de programme", "officer"},
      DemoUser{"finance", "Responsable financier", "finance"},
      DemoUser{"partner", "Point focal du Sénégal", "partner"},
      DemoUser{"host", "Point focal de l'IAV Hassan II", "host"},
      DemoUser{"viewer", "Lecteur", "viewer"},
  };
  for (const auto& u : kUsers) {
    accounts::UserDraft draft;
    draft.username = u.name;
    draft.display_name = u.display;
    draft.role = u.role;
    draft.password = password;
    if (std::string_view(u.role) == "partner") draft.countries = std::vector<std::string>{"SN"};
    if (std::string_view(u.role) == "host" && !iav.empty())
      draft.organisations = std::vector<std::int64_t>{iav.front().integer(0)};
    auto created = accounts::create_user(connection, actor, draft);
    if (!created) throw std::runtime_error(fmt::format("could not create demo user {}", u.name));
    ++counts.users;
  }
  // The diplomatic network: the Wikidata extract built into the binary (its own transaction).
  auto missions = diplomatic_missions::load_reference(connection, actor);
  if (!missions) throw std::runtime_error("could not load the diplomatic missions");
  counts.diplomatic_missions = missions->created + missions->updated + missions->unchanged;
  return counts;
}

}  // namespace taawun::cli
