#pragma once
// Certificates of participation: when a participant's nomination is completed, the agency issues
// one certificate, printed as a PDF in French or Arabic and checked by anyone with its
// verification code. What the certificate states (names, title, dates, place, days present) is
// frozen when it is issued, so that issuing again, printing it again or verifying it years later
// gives the same content even if the records have been corrected since.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "areas/accounts/actor.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "db/database.hpp"

namespace taawun::certificates {

// What the certificate says, as it was on the day it was issued.
struct Content {
  std::optional<std::string> latin_name, arabic_name;
  std::optional<std::string> sex;  // female | male: the Arabic wording agrees with it
  LocalisedName action_title, action_type, country_name;
  std::optional<std::string> city;
  std::string start_date, end_date;          // YYYY-MM-DD
  std::optional<std::int64_t> days_present;  // when attendance was recorded

  // The name printed on the certificate of `language`: the Latin name in French, the Arabic
  // name in Arabic, each falling back to the other.
  std::string participant_name(Language language) const;
};

struct Certificate {
  std::string code;  // XXXX-XXXX-XXXX
  std::int64_t nomination_id = 0;
  std::string issued_at, issued_by;
  Content content;
};

// --- verification codes ---
// 12 characters drawn uniformly (libsodium) from 32 that cannot be mistaken for one another
// (no 0/O, no 1/I), printed in three groups: 60 bits, short enough to type from paper.
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
std::string new_code();
// What someone typed, as the stored code: case, spaces and dashes do not matter. Empty when it
// cannot be a code.
std::optional<std::string> normalised_code(std::string_view typed);
// The address printed on the certificate, relative to the agency's site.
std::string verification_path(const std::string& code);

// --- access: the one place that says who may issue and read certificates ---
// Staff issue; whoever may read the nomination (staff, finance, the partner focal points of its
// country, the host focal points of its action) may read and print its certificate; anyone may
// verify a code.
bool can_issue(const accounts::Actor& actor);

// --- use cases ---
struct Issued {
  Certificate certificate;
  bool created = false;  // false: it had been issued before, and is returned unchanged
};
// Issues the certificate of a completed nomination (idempotent: one per nomination).
Result<Issued> issue(db::Connection& connection, const accounts::Actor& actor, std::int64_t nomination_id);
// The certificate of a nomination the actor may read; not_found when none was issued.
Result<Certificate> of_nomination(db::Connection& connection, const accounts::Actor& actor, std::int64_t nomination_id);
// Public: the certificate holding this code, as typed; not_found otherwise.
Result<Certificate> verify(db::Connection& connection, std::string_view typed_code);

// --- the document ---
// The fonts asked for by name, so that the look does not depend on the machine's defaults.
struct Fonts {
  std::string latin = "DejaVu Sans";  // fonts-dejavu-core
  std::string arabic = "Amiri";       // fonts-hosny-amiri
};
// The agency issuing the certificates, named in both scripts in the header.
inline constexpr const char* kAgencyNameFr = "Agence Marocaine de Coopération Internationale";
inline constexpr const char* kAgencyNameAr = "الوكالة المغربية للتعاون الدولي";
// A4 landscape PDF in French or Arabic (any other language is French). `unavailable` (503) when
// a font is not installed: a certificate is never printed in a substitute font.
Result<std::string> render_pdf(const Certificate& certificate, Language language, const Fonts& fonts = {});
// Whether the fonts are installed (fontconfig, as Pango sees them from this thread).
bool fonts_installed(const Fonts& fonts = {});

}  // namespace taawun::certificates
