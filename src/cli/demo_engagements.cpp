// The demo's multilateral engagements: facts of Morocco's multilateral cooperation as the seed
// states them (presidency of the Group of 77 in 2003, of the WTO African Group, the cancellation
// of African LDCs' debts and their duty-free, quota-free access decided at the first Africa–Europe
// summit, Cairo, April 2000, notified to the WTO and renewed in 2009), and memberships and
// conferences of public record. A date is given only as precisely as it is known ("2003", "2000-04").
#include <fmt/format.h>

#include <stdexcept>

#include "areas/engagements/engagement.hpp"
#include "cli/demo.hpp"

namespace taawun::cli {
namespace {

struct Seed {
  const char* organisation;  // the demo's IATI identifier of the organisation
  const char* kind;
  const char *title_fr, *title_ar, *title_en, *description_fr;
  const char *starts_on, *ends_on, *renewed_on;
  std::vector<std::string> themes;
  std::vector<std::int64_t> sdgs;
  std::vector<std::string> groups;
  const char* notified_to;  // an organisation notified, with a note
  const char* notification_note;
};

std::optional<std::string> maybe(const char* text) {
  return text && *text ? std::optional<std::string>(text) : std::nullopt;
}

std::int64_t organisation_id(db::Connection& connection, const char* identifier) {
  auto rows = connection.query("SELECT id FROM organisations WHERE iati_identifier = ?", db::Params(identifier));
  if (rows.empty()) throw std::runtime_error(fmt::format("demo organisation {} is missing", identifier));
  return rows.front().integer(0);
}

}  // namespace

void add_demo_engagements(db::Connection& connection, DemoCounts& counts) {
  const std::vector<Seed> seeds = {
      {"XI-onu",
       "membership",
       "Membre de l'Organisation des Nations unies",
       "عضوية منظمة الأمم المتحدة",
       "Member of the United Nations",
       "Admis à l'ONU le 12 novembre 1956.",
       "1956-11-12",
       "",
       "",
       {"economic_governance"},
       {16, 17},
       {},
       "",
       ""},
      {"XI-lea",
       "membership",
       "Membre de la Ligue des États arabes",
       "عضوية جامعة الدول العربية",
       "Member of the League of Arab States",
       "",
       "1958-10",
       "",
       "",
       {},
       {17},
       {},
       "",
       ""},
      {"XI-oci",
       "membership",
       "Membre fondateur de l'Organisation de la coopération islamique",
       "عضو مؤسس في منظمة التعاون الإسلامي",
       "Founding member of the Organisation of Islamic Cooperation",
       "Le premier sommet islamique s'est tenu à Rabat en septembre 1969.",
       "1969-09",
       "",
       "",
       {},
       {17},
       {},
       "",
       ""},
      {"XI-g77",
       "membership",
       "Membre du Groupe des 77",
       "عضوية مجموعة الـ77",
       "Member of the Group of 77",
       "",
       "1964",
       "",
       "",
       {"developing_countries_needs", "economic_governance"},
       {17},
       {},
       "",
       ""},
      {"XI-g77",
       "presidency",
       "Présidence du Groupe des 77 et de la Chine",
       "رئاسة مجموعة الـ77 والصين",
       "Chairmanship of the Group of 77 and China",
       "Le Maroc a présidé le Groupe des 77 et la Chine à New York pendant l'année 2003.",
       "2003",
       "2003",
       "",
       {"developing_countries_needs", "economic_governance", "financing_for_development"},
       {17},
       {},
       "",
       ""},
      {"XI-omc",
       "membership",
       "Membre de l'Organisation mondiale du commerce",
       "عضوية منظمة التجارة العالمية",
       "Member of the World Trade Organization",
       "Membre depuis l'entrée en vigueur de l'Accord de Marrakech.",
       "1995-01-01",
       "",
       "",
       {"trading_system"},
       {17},
       {},
       "",
       ""},
      {"XI-omc",
       "hosting",
       "Conférence ministérielle de Marrakech (cycle d'Uruguay)",
       "المؤتمر الوزاري بمراكش (جولة الأوروغواي)",
       "Marrakesh Ministerial Meeting (Uruguay Round)",
       "Signature à Marrakech, le 15 avril 1994, de l'Accord instituant l'Organisation mondiale du commerce.",
       "1994-04",
       "1994-04",
       "",
       {"trading_system", "economic_governance"},
       {17},
       {},
       "",
       ""},
      {"XI-omc",
       "presidency",
       "Présidence du Groupe africain à l'OMC",
       "رئاسة المجموعة الإفريقية في منظمة التجارة العالمية",
       "Chairmanship of the African Group at the WTO",
       "",
       "",
       "",
       "",
       {"trading_system", "developing_countries_needs"},
       {17},
       {"africa"},
       "",
       ""},
      {"XI-ue",
       "debt_measure",
       "Annulation de la dette des pays les moins avancés d'Afrique",
       "إلغاء ديون البلدان الإفريقية الأقل نموا",
       "Cancellation of the debts of Africa's least developed countries",
       "Décidée et annoncée au premier sommet Afrique–Europe (Le Caire, avril 2000).",
       "2000-04",
       "",
       "",
       {"financing_for_development", "developing_countries_needs"},
       {1, 17},
       {"african_ldcs"},
       "",
       ""},
      {"XI-omc",
       "trade_measure",
       "Accès en franchise de droits et hors contingent pour la plupart des produits des PMA d'Afrique",
       "ولوج معفى من الرسوم الجمركية ومن الحصص لمعظم منتجات البلدان الإفريقية الأقل نموا",
       "Duty-free and quota-free access for most products of Africa's least developed countries",
       "Annoncé au sommet Afrique–Europe (Le Caire, avril 2000), notifié à l'OMC et renouvelé en 2009.",
       "2000-04",
       "",
       "2009",
       {"trading_system", "developing_countries_needs"},
       {17},
       {"african_ldcs"},
       "XI-omc",
       "Notifié à l'OMC (date et cote de la notification à compléter)."},
      {"XI-ua",
       "membership",
       "Membre de l'Union africaine",
       "عضوية الاتحاد الإفريقي",
       "Member of the African Union",
       "Réintégration décidée au sommet d'Addis-Abeba, janvier 2017.",
       "2017-01",
       "",
       "",
       {"developing_countries_needs"},
       {17},
       {"african_union"},
       "",
       ""},
      {"XI-ccnucc",
       "hosting",
       "Conférence des Parties sur les changements climatiques (COP7), Marrakech",
       "مؤتمر الأطراف بشأن تغير المناخ (كوب 7)، مراكش",
       "Climate Change Conference (COP7), Marrakesh",
       "Adoption des Accords de Marrakech.",
       "2001-10-29",
       "2001-11-10",
       "",
       {"climate_change", "environmental_governance"},
       {13},
       {},
       "",
       ""},
      {"XI-ccnucc",
       "hosting",
       "Conférence des Parties sur les changements climatiques (COP22), Marrakech",
       "مؤتمر الأطراف بشأن تغير المناخ (كوب 22)، مراكش",
       "Climate Change Conference (COP22), Marrakech",
       "",
       "2016-11-07",
       "2016-11-18",
       "",
       {"climate_change", "environmental_governance"},
       {13},
       {},
       "",
       ""},
  };
  auto actor = accounts::Actor::command_line();
  for (const auto& seed : seeds) {
    engagements::EngagementDraft draft;
    draft.organisation_id.set(organisation_id(connection, seed.organisation));
    draft.kind.set(seed.kind);
    draft.title_fr.set(maybe(seed.title_fr));
    draft.title_ar.set(maybe(seed.title_ar));
    draft.title_en.set(maybe(seed.title_en));
    draft.description_fr.set(maybe(seed.description_fr));
    draft.starts_on.set(maybe(seed.starts_on));
    draft.ends_on.set(maybe(seed.ends_on));
    draft.renewed_on.set(maybe(seed.renewed_on));
    draft.themes.set(seed.themes);
    draft.sdgs.set(seed.sdgs);
    draft.beneficiary_groups.set(seed.groups);
    if (*seed.notified_to) {
      engagements::NotificationDraft notification;
      notification.organisation_id = organisation_id(connection, seed.notified_to);
      notification.note = maybe(seed.notification_note);
      draft.notifications.set(std::vector<engagements::NotificationDraft>{notification});
    }
    auto created = engagements::create(connection, actor, draft);
    if (!created) throw std::runtime_error(fmt::format("demo engagement '{}' was refused", seed.title_fr));
    ++counts.engagements;
  }
}

}  // namespace taawun::cli
