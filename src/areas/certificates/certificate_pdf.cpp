// The certificate as a PDF: A4 landscape, laid out with Pango (HarfBuzz shapes the Arabic, FriBidi
// orders mixed text right to left) and written by Cairo. Arabic runs are set in Amiri and
// everything else in DejaVu Sans, asked for by name (docs/adr/0005-certificates-pango-cairo.md).
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <spdlog/spdlog.h>
#include <strings.h>

#include <array>
#include <cmath>
#include <memory>
#include <vector>

#include "areas/certificates/certificate.hpp"

namespace taawun::certificates {
namespace {

// --- owning handles for the C libraries ---
struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* description) const { pango_font_description_free(description); }
};
using SurfaceHandle = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoHandle = std::unique_ptr<cairo_t, CairoDeleter>;
using LayoutHandle = std::unique_ptr<PangoLayout, GObjectDeleter>;

// --- the look ---
struct Colour {
  double red, green, blue;
};
constexpr Colour kGreen{0.07, 0.30, 0.23};  // deep green of the frame and the names
constexpr Colour kGold{0.70, 0.56, 0.33};   // thin rules and ornaments
constexpr Colour kInk{0.13, 0.13, 0.13};
constexpr Colour kMuted{0.38, 0.38, 0.36};
constexpr double kPageWidth = 841.89, kPageHeight = 595.28;  // A4 landscape, in points
constexpr double kArabicScale = 1.25;  // Amiri's letters are small for their size next to DejaVu Sans
// Amiri's lines are tall (room for stacked marks above and below); the certificate has none.
constexpr double kArabicLineHeight = 0.8;

void set_colour(cairo_t* cr, Colour colour) {
  cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
}

enum class Direction { left_to_right, right_to_left };

// The direction of a text of its own (a name, a title), from its first letter: a Latin title
// on the Arabic certificate (when the action has no Arabic title) reads left to right, with
// its quotation marks where a reader of Latin script expects them.
Direction direction_of(const std::string& text, Direction fallback) {
  for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
    GUnicodeScript script = g_unichar_get_script(g_utf8_get_char(p));
    if (script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED) continue;
    bool right_to_left = script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
                         script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA ||
                         script == G_UNICODE_SCRIPT_NKO;
    return right_to_left ? Direction::right_to_left : Direction::left_to_right;
  }
  return fallback;
}

// --- wording ---
constexpr std::array<const char*, 12> kMonthsFr = {"janvier",   "février", "mars",     "avril",
                                                   "mai",       "juin",    "juillet",  "août",
                                                   "septembre", "octobre", "novembre", "décembre"};
// The month names used in Morocco.
constexpr std::array<const char*, 12> kMonthsAr = {"يناير",  "فبراير", "مارس",  "أبريل",  "ماي",   "يونيو",
                                                   "يوليوز", "غشت",    "شتنبر", "أكتوبر", "نونبر", "دجنبر"};

struct Date {
  int year = 0, month = 1, day = 1;
};
Date parse_date(std::string_view iso) {  // YYYY-MM-DD, checked when the action was saved
  Date date;
  if (iso.size() >= 10) {
    date.year = std::stoi(std::string(iso.substr(0, 4)));
    date.month = std::stoi(std::string(iso.substr(5, 2)));
    date.day = std::stoi(std::string(iso.substr(8, 2)));
  }
  if (date.month < 1 || date.month > 12) date.month = 1;
  return date;
}

std::string day_fr(int day) {
  return day == 1 ? "1er" : std::to_string(day);
}

std::string date_fr(Date date) {
  return day_fr(date.day) + " " + kMonthsFr[date.month - 1] + " " + std::to_string(date.year);
}

std::string date_ar(Date date) {
  return std::to_string(date.day) + " " + kMonthsAr[date.month - 1] + " " + std::to_string(date.year);
}

// "du 2 au 20 mars 2031", "du 28 février au 3 mars 2031", "le 2 mars 2031".
std::string period_fr(Date start, Date end) {
  if (start.year == end.year && start.month == end.month && start.day == end.day) return "le " + date_fr(start);
  if (start.year == end.year && start.month == end.month) return "du " + day_fr(start.day) + " au " + date_fr(end);
  if (start.year == end.year)
    return "du " + day_fr(start.day) + " " + kMonthsFr[start.month - 1] + " au " + date_fr(end);
  return "du " + date_fr(start) + " au " + date_fr(end);
}

std::string period_ar(Date start, Date end) {
  if (start.year == end.year && start.month == end.month && start.day == end.day) return "يوم " + date_ar(start);
  if (start.year == end.year && start.month == end.month)
    return "من " + std::to_string(start.day) + " إلى " + date_ar(end);
  if (start.year == end.year)
    return "من " + std::to_string(start.day) + " " + kMonthsAr[start.month - 1] + " إلى " + date_ar(end);
  return "من " + date_ar(start) + " إلى " + date_ar(end);
}

// The lines of the certificate in its language.
struct Wording {
  std::string title, certifies, name, participated, action_title, details, attendance, issued, verify;
};

Wording wording(const Certificate& certificate, Language language) {
  const Content& content = certificate.content;
  Date start = parse_date(content.start_date), end = parse_date(content.end_date);
  Date issued = parse_date(certificate.issued_at);
  std::string place = content.city.value_or("");
  const std::string& country = content.country_name.in(language);
  Wording w;
  w.name = content.participant_name(language);
  w.action_title = content.action_title.in(language);
  if (language == Language::ar) {
    if (!country.empty()) place += place.empty() ? country : "، " + country;
    w.title = "شهادة مشاركة";
    w.certifies = "تشهد الوكالة بأنّ";
    w.participated = content.sex == "female" ? "قد شاركت في" : content.sex == "male" ? "قد شارك في" : "قد شارك(ت) في";
    w.details = content.action_type.in(language) + "\n" + period_ar(start, end) + (place.empty() ? "" : " — " + place);
    if (content.days_present) w.attendance = "عدد أيام الحضور: " + std::to_string(*content.days_present);
    w.issued = "سُلّمت بتاريخ " + date_ar(issued);
    w.verify = "رمز التحقق";
  } else {
    if (!country.empty()) place += place.empty() ? country : ", " + country;
    w.title = "ATTESTATION DE PARTICIPATION";
    w.certifies = "L’Agence atteste que";
    w.participated = "a participé à";
    w.details =
        content.action_type.in(Language::fr) + "\n" + period_fr(start, end) + (place.empty() ? "" : " — " + place);
    if (content.days_present)
      w.attendance =
          "Présence : " + std::to_string(*content.days_present) + (*content.days_present > 1 ? " jours" : " jour");
    w.issued = "Délivrée le " + date_fr(issued);
    w.verify = "Code de vérification";
  }
  // French sets guillemets apart with spaces, Arabic does not.
  bool arabic_title = direction_of(w.action_title, Direction::left_to_right) == Direction::right_to_left;
  w.action_title = arabic_title ? "«" + w.action_title + "»" : "« " + w.action_title + " »";
  return w;
}

// --- text ---
struct Style {
  double size = 12;  // points, for DejaVu Sans; Arabic runs are scaled by kArabicScale
  bool bold = false;
  double letter_spacing = 0;  // points, Latin runs only (spacing Arabic would break its joining)
};

class Page {
 public:
  Page(cairo_t* cr, const Fonts& fonts, Direction direction) : cr_(cr), fonts_(fonts), direction_(direction) {}

  // A paragraph wrapped to `width` (0: one line as long as it is), centred.
  LayoutHandle layout(const std::string& text, const Style& style, double width,
                      std::optional<Direction> direction = std::nullopt) const {
    LayoutHandle layout(pango_cairo_create_layout(cr_));
    PangoContext* context = pango_layout_get_context(layout.get());
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    Direction base = direction.value_or(direction_);
    pango_context_set_base_dir(context, base == Direction::right_to_left ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    pango_layout_context_changed(layout.get());
    pango_layout_set_auto_dir(layout.get(), FALSE);

    std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> description(pango_font_description_new());
    pango_font_description_set_family(description.get(), fonts_.latin.c_str());
    pango_font_description_set_weight(description.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(description.get(), style.size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), description.get());
    if (width > 0) {
      pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    PangoAttrList* attributes = pango_attr_list_new();
    for (const auto& run : script_runs(text, base)) {
      if (run.arabic) {
        add(attributes, pango_attr_family_new(fonts_.arabic.c_str()), run);
        add(attributes, pango_attr_scale_new(kArabicScale), run);
        add(attributes, pango_attr_line_height_new(kArabicLineHeight), run);
      } else if (style.letter_spacing > 0) {
        add(attributes, pango_attr_letter_spacing_new(static_cast<int>(style.letter_spacing * PANGO_SCALE)), run);
      }
    }
    pango_layout_set_attributes(layout.get(), attributes);
    pango_attr_list_unref(attributes);
    return layout;
  }

  static double width_of(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
  }
  static double height_of(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
  }

  // Draws a layout with its top at `top`, centred on `centre_x` (a wrapped layout is centred on
  // its box; a one-line layout on its own width).
  void draw_centred(PangoLayout* layout, double centre_x, double top, Colour colour) const {
    double width = pango_layout_get_width(layout) > 0
                       ? static_cast<double>(pango_layout_get_width(layout)) / PANGO_SCALE
                       : width_of(layout);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    double offset = pango_layout_get_width(layout) > 0 ? 0 : static_cast<double>(logical.x) / PANGO_SCALE;
    set_colour(cr_, colour);
    cairo_move_to(cr_, centre_x - width / 2 - offset, top);
    pango_cairo_show_layout(cr_, layout);
  }

  // A one-line layout with its start edge at `x` (its left edge, or its right edge when `from_right`).
  void draw_at(PangoLayout* layout, double x, double top, bool from_right, Colour colour) const {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    double left = from_right ? x - static_cast<double>(logical.width) / PANGO_SCALE : x;
    set_colour(cr_, colour);
    cairo_move_to(cr_, left - static_cast<double>(logical.x) / PANGO_SCALE, top);
    pango_cairo_show_layout(cr_, layout);
  }

  // A paragraph that must fit in `width` × `max_height`: its size shrinks until it does.
  // Laid out in its own direction (direction_of).
  LayoutHandle fitted(const std::string& text, Style style, double width, double max_height) const {
    Direction direction = direction_of(text, direction_);
    LayoutHandle candidate = layout(text, style, width, direction);
    for (int tries = 0; tries < 12 && height_of(candidate.get()) > max_height; ++tries) {
      style.size *= 0.92;
      candidate = layout(text, style, width, direction);
    }
    return candidate;
  }

 private:
  struct Run {
    int start = 0, end = 0;  // byte offsets
    bool arabic = false;
  };

  static void add(PangoAttrList* attributes, PangoAttribute* attribute, const Run& run) {
    attribute->start_index = static_cast<guint>(run.start);
    attribute->end_index = static_cast<guint>(run.end);
    pango_attr_list_insert(attributes, attribute);
  }

  // The text cut into Arabic and non-Arabic runs. Characters of no script of their own
  // (spaces, digits, punctuation, harakat) go with the letters before them, or after them at
  // the start, or with the paragraph's direction when there are no letters at all.
  static std::vector<Run> script_runs(const std::string& text, Direction base) {
    enum class Kind { neutral, arabic, other };
    std::vector<std::pair<int, Kind>> marks;  // byte offset where each character starts
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
      GUnicodeScript script = g_unichar_get_script(g_utf8_get_char(p));
      Kind kind = script == G_UNICODE_SCRIPT_ARABIC                                           ? Kind::arabic
                  : script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED ? Kind::neutral
                                                                                              : Kind::other;
      marks.emplace_back(static_cast<int>(p - text.c_str()), kind);
    }
    Kind previous = Kind::neutral;
    for (auto& [offset, kind] : marks) {
      if (kind == Kind::neutral)
        kind = previous;
      else
        previous = kind;
    }
    Kind next = base == Direction::right_to_left ? Kind::arabic : Kind::other;
    for (auto it = marks.rbegin(); it != marks.rend(); ++it) {
      if (it->second == Kind::neutral)
        it->second = next;
      else
        next = it->second;
    }
    std::vector<Run> runs;
    for (std::size_t i = 0; i < marks.size(); ++i) {
      bool arabic = marks[i].second == Kind::arabic;
      if (runs.empty() || runs.back().arabic != arabic) runs.push_back(Run{marks[i].first, marks[i].first, arabic});
      runs.back().end = i + 1 < marks.size() ? marks[i + 1].first : static_cast<int>(text.size());
    }
    return runs;
  }

  cairo_t* cr_;
  const Fonts& fonts_;
  Direction direction_;
};

// --- ornaments ---
void draw_frame(cairo_t* cr) {
  // A deep green frame, a thin gold line inside it, and gold diamonds in the inner corners.
  set_colour(cr, kGreen);
  cairo_set_line_width(cr, 3.2);
  cairo_rectangle(cr, 22, 22, kPageWidth - 44, kPageHeight - 44);
  cairo_stroke(cr);
  set_colour(cr, kGold);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, 31, 31, kPageWidth - 62, kPageHeight - 62);
  cairo_stroke(cr);
  for (auto [x, y] : std::array<std::pair<double, double>, 4>{
           {{31, 31}, {kPageWidth - 31, 31}, {31, kPageHeight - 31}, {kPageWidth - 31, kPageHeight - 31}}}) {
    cairo_move_to(cr, x, y - 6);
    cairo_line_to(cr, x + 6, y);
    cairo_line_to(cr, x, y + 6);
    cairo_line_to(cr, x - 6, y);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
}

// A short gold rule with a diamond in its middle, under the header.
void draw_rule(cairo_t* cr, double centre_x, double y, double half_width) {
  set_colour(cr, kGold);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, centre_x - half_width, y);
  cairo_line_to(cr, centre_x - 8, y);
  cairo_move_to(cr, centre_x + 8, y);
  cairo_line_to(cr, centre_x + half_width, y);
  cairo_stroke(cr);
  cairo_move_to(cr, centre_x, y - 4);
  cairo_line_to(cr, centre_x + 4, y);
  cairo_line_to(cr, centre_x, y + 4);
  cairo_line_to(cr, centre_x - 4, y);
  cairo_close_path(cr);
  cairo_fill(cr);
}

// The seal: two gold rings around an eight-pointed star (two squares, one turned by 45°), the
// star of Moroccan zellige.
void draw_seal(cairo_t* cr, double x, double y, double radius) {
  set_colour(cr, kGold);
  cairo_set_line_width(cr, 1.2);
  cairo_new_path(cr);
  cairo_arc(cr, x, y, radius, 0, 2 * M_PI);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 0.6);
  cairo_arc(cr, x, y, radius - 4, 0, 2 * M_PI);
  cairo_stroke(cr);
  double side = (radius - 10) / std::sqrt(2.0);
  for (double turn : {0.0, M_PI / 4}) {
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_rotate(cr, turn);
    cairo_rectangle(cr, -side, -side, 2 * side, 2 * side);
    cairo_restore(cr);
  }
  set_colour(cr, kGreen);
  cairo_set_line_width(cr, 1.1);
  cairo_stroke(cr);
  set_colour(cr, kGold);
  cairo_arc(cr, x, y, side * 0.42, 0, 2 * M_PI);
  cairo_fill(cr);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void draw_certificate(cairo_t* cr, const Certificate& certificate, Language language, const Fonts& fonts) {
  bool arabic = language == Language::ar;
  Direction direction = arabic ? Direction::right_to_left : Direction::left_to_right;
  Page page(cr, fonts, direction);
  Wording w = wording(certificate, language);
  const double centre = kPageWidth / 2, text_width = kPageWidth - 180;

  set_colour(cr, {1, 1, 1});
  cairo_paint(cr);
  draw_frame(cr);

  // Header: the agency in both scripts, the certificate's own language first.
  auto agency_fr = page.layout(kAgencyNameFr, {11, true, 0.9}, 0, Direction::left_to_right);
  auto agency_ar = page.layout(kAgencyNameAr, {13, true}, 0, Direction::right_to_left);
  PangoLayout* first = arabic ? agency_ar.get() : agency_fr.get();
  PangoLayout* second = arabic ? agency_fr.get() : agency_ar.get();
  double y = 52;
  page.draw_centred(first, centre, y, kGreen);
  y += Page::height_of(first) + 1;
  page.draw_centred(second, centre, y, kGreen);
  y += Page::height_of(second) + 10;
  draw_rule(cr, centre, y, 110);

  // Title.
  auto title = arabic ? page.layout(w.title, {30, true}, 0) : page.layout(w.title, {27, true, 1.6}, 0);
  y += 14;
  page.draw_centred(title.get(), centre, y, kGreen);
  y += Page::height_of(title.get());

  // Body, centred in the space between the title and the footer.
  const double body_top = y + 8, body_bottom = 452;
  auto certifies = page.layout(w.certifies, {13, false}, text_width);
  auto name = page.fitted(w.name, {32, true}, text_width, 2 * 42);
  auto participated = page.layout(w.participated, {13, false}, text_width);
  auto action_title = page.fitted(w.action_title, {19, true}, text_width, 3 * 27);
  auto details = page.layout(w.details, {13, false}, text_width);
  LayoutHandle attendance = w.attendance.empty() ? nullptr : page.layout(w.attendance, {11, false}, text_width);
  struct Line {
    PangoLayout* layout;
    double space_before;
    Colour colour;
  };
  std::vector<Line> lines = {{certifies.get(), 0, kMuted},
                             {name.get(), 6, kInk},
                             {participated.get(), 8, kMuted},
                             {action_title.get(), 6, kGreen},
                             {details.get(), 10, kInk}};
  if (attendance) lines.push_back({attendance.get(), 8, kMuted});
  double total = 0;
  for (const auto& line : lines) total += line.space_before + Page::height_of(line.layout);
  y = body_top + std::max(0.0, (body_bottom - body_top - total) / 2);
  for (const auto& line : lines) {
    y += line.space_before;
    page.draw_centred(line.layout, centre, y, line.colour);
    y += Page::height_of(line.layout);
  }

  // Footer: the issue date on the start side, the seal in the middle, the verification code on
  // the end side (mirrored in Arabic).
  const double footer_top = 482, start_x = arabic ? kPageWidth - 70 : 70, end_x = arabic ? 70 : kPageWidth - 70;
  draw_seal(cr, centre, footer_top + 26, 30);
  auto issued = page.layout(w.issued, {11, false}, 0);
  page.draw_at(issued.get(), start_x, footer_top + 20, arabic, kInk);
  set_colour(cr, kGold);
  cairo_set_line_width(cr, 0.6);
  double rule_width = std::max(150.0, Page::width_of(issued.get()));
  cairo_move_to(cr, arabic ? start_x - rule_width : start_x, footer_top + 16);
  cairo_line_to(cr, arabic ? start_x : start_x + rule_width, footer_top + 16);
  cairo_stroke(cr);

  auto code_label = page.layout(w.verify, {9, false}, 0);
  auto code = page.layout(certificate.code, {15, true}, 0, Direction::left_to_right);
  auto path = page.layout(verification_path(certificate.code), {8.5, false}, 0, Direction::left_to_right);
  bool from_right = !arabic;
  page.draw_at(code_label.get(), end_x, footer_top + 2, from_right, kMuted);
  page.draw_at(code.get(), end_x, footer_top + 4 + Page::height_of(code_label.get()), from_right, kGreen);
  page.draw_at(path.get(), end_x, footer_top + 6 + Page::height_of(code_label.get()) + Page::height_of(code.get()),
               from_right, kMuted);
}

}  // namespace

bool fonts_installed(const Fonts& fonts) {
  PangoFontFamily** families = nullptr;
  int count = 0;
  pango_font_map_list_families(pango_cairo_font_map_get_default(), &families, &count);
  bool latin = false, arabic = false;
  for (int i = 0; i < count; ++i) {
    const char* name = pango_font_family_get_name(families[i]);
    latin = latin || strcasecmp(name, fonts.latin.c_str()) == 0;
    arabic = arabic || strcasecmp(name, fonts.arabic.c_str()) == 0;
  }
  g_free(families);
  return latin && arabic;
}

Result<std::string> render_pdf(const Certificate& certificate, Language language, const Fonts& fonts) {
  if (language != Language::ar) language = Language::fr;
  if (!fonts_installed(fonts)) {
    spdlog::error("certificate fonts missing: {} and {} must be installed (fonts-dejavu-core, fonts-hosny-amiri)",
                  fonts.latin, fonts.arabic);
    return Error::of(ErrorCode::unavailable, "certificate_fonts_missing",
                     {{"fonts", fonts.latin + ", " + fonts.arabic}});
  }
  std::string pdf;
  {
    SurfaceHandle surface(cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kPageWidth, kPageHeight));
    // The same certificate gives the same file: its date is the issue date, not the printing's.
    std::string title = std::string(language == Language::ar ? "شهادة مشاركة" : "Attestation de participation") +
                        " — " + certificate.content.participant_name(language);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   language == Language::ar ? kAgencyNameAr : kAgencyNameFr);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Taawun");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, certificate.issued_at.c_str());
    CairoHandle cr(cairo_create(surface.get()));
    draw_certificate(cr.get(), certificate, language, fonts);
    cairo_show_page(cr.get());
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("cairo could not write the certificate: ") +
                               cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return pdf;
}

}  // namespace taawun::certificates
