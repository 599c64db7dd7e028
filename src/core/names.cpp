#include "core/names.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/text.hpp"

namespace taawun::names {
namespace {

// ---------------------------------------------------------------------------------------------
// Transliteration

// Two ICU transliterators. "Any-Latin" writes Arabic with dotted letters (mḥmd, ạḥmd) whose
// marks text::search_key removes like any accent; "Latin-ASCII" is only needed for letters that
// do not decompose (ø, ł, ß) and costs more than the rest of the work (≈1.4 µs a word), so it runs
// only when such a letter is left. Building the rules takes milliseconds, so each is built once;
// a Transliterator must not be used by two threads at a time, so each thread clones its own.
icu::Transliterator* create_transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  icu::Transliterator* created =
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, parse_error, status);
  if (U_SUCCESS(status)) return created;
  delete created;
  return nullptr;
}

struct Transliterators {
  std::unique_ptr<icu::Transliterator> to_latin;
  std::unique_ptr<icu::Transliterator> to_ascii;
};

Transliterators& transliterators() {
  static const Transliterators prototypes{std::unique_ptr<icu::Transliterator>(create_transliterator("Any-Latin")),
                                          std::unique_ptr<icu::Transliterator>(create_transliterator("Latin-ASCII"))};
  thread_local Transliterators own{
      std::unique_ptr<icu::Transliterator>(prototypes.to_latin ? prototypes.to_latin->clone() : nullptr),
      std::unique_ptr<icu::Transliterator>(prototypes.to_ascii ? prototypes.to_ascii->clone() : nullptr)};
  return own;
}

// ICU writes ayn and hamza as the modifier letters ʿ ʾ (U+02BF, U+02BE), which no Latin-ASCII
// rule touches; they are handled in add_ascii_words.
bool is_ascii_or_ayn_hamza(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0x80 && c != 0x02BF && c != 0x02BE) return false;
  }
  return true;
}

std::string transliterate(icu::Transliterator& transliterator, std::string_view utf8) {
  icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterator.transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_arabic_code_point(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool has_arabic(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (is_arabic_code_point(c)) return true;
  }
  return false;
}

// A word on its way to becoming a token: its ASCII spelling and whether it was written in
// Arabic script (consonantal, with the article glued on).
struct Word {
  std::string spelling;
  bool arabic = false;
};

void add_word(std::vector<Word>& words, std::string spelling, bool arabic) {
  if (spelling.empty() || words.size() >= kMaxNameTokens + 2) return;  // +2: joins may merge a few
  if (spelling.size() > kMaxTokenLetters) spelling.resize(kMaxTokenLetters);
  words.push_back({std::move(spelling), arabic});
}

// Keeps ASCII letters only; digits and leftover symbols are not part of a name. Ayn and hamza
// (ʿ ʾ) stand where Latin spellings have a vowel (ʿly = Ali, ʿmr = Omar, sʿyd = Said), so they become 'a'.
void add_ascii_words(std::vector<Word>& words, std::string_view transliterated, bool arabic) {
  std::string spelling;
  const auto* bytes = reinterpret_cast<const uint8_t*>(transliterated.data());
  int32_t length = static_cast<int32_t>(transliterated.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 'a' && c <= 'z') {
      spelling.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      spelling.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0x02BF || c == 0x02BE) {
      spelling.push_back('a');
    } else if (c == ' ') {  // Chinese and others come back one syllable per word
      add_word(words, std::move(spelling), arabic);
      spelling.clear();
    }
  }
  add_word(words, std::move(spelling), arabic);
}

std::vector<Word> split_words(std::string_view name) {
  std::vector<Word> words;
  // search_key already folds case, removes accents, harakat and tatweel, folds the Arabic
  // letter variants (ة → ه, أ → ا) and turns punctuation into spaces, the same way for every
  // record whatever diacritics it was typed with.
  std::string key = text::search_key(name);
  for (std::size_t start = 0; start < key.size() && words.size() < kMaxNameTokens + 2;) {
    std::size_t end = std::min(key.find(' ', start), key.size());
    std::string_view key_word(key.data() + start, end - start);
    start = end + 1;
    if (is_ascii(key_word)) {
      add_ascii_words(words, key_word, false);  // the common case needs no ICU
      continue;
    }
    Transliterators& icu = transliterators();
    if (!icu.to_latin || !icu.to_ascii) continue;  // no ICU data: the word cannot be compared
    std::string transliterated = text::search_key(transliterate(*icu.to_latin, key_word));
    if (!is_ascii_or_ayn_hamza(transliterated)) transliterated = transliterate(*icu.to_ascii, transliterated);
    add_ascii_words(words, transliterated, has_arabic(key_word));
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Compounds and particles

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// "Abd" (servant of) always goes with the next word: Abdallah, Abdel Kader, Abd al-Rahman,
// عبد الله. "Abdou", "Abdi" stand alone as names (Abdou Diouf) and are not joined.
bool is_abd_prefix(std::string_view word) {
  return is_one_of(word, {"abd", "abde", "abdel", "abdal", "abdul", "abdoul", "abdol", "abdil", "abdoel"});
}

// The Arabic article as Latin spellings write it apart, assimilated or not (Abd er-Rahman).
bool is_article(std::string_view word) {
  return is_one_of(
      word, {"al", "el", "ul", "ar", "er", "ad", "ed", "as", "es", "ash", "ech", "at", "et", "az", "ez", "an", "en"});
}

void join_compounds(std::vector<Word>& words) {
  std::vector<Word> joined;
  joined.reserve(words.size() + 2);
  for (std::size_t i = 0; i < words.size(); ++i) {
    Word word = std::move(words[i]);
    if (is_abd_prefix(word.spelling) && i + 1 < words.size()) {
      if (is_article(words[i + 1].spelling) && i + 2 < words.size()) {
        word.spelling += words[i + 1].spelling + words[i + 2].spelling;
        i += 2;
      } else if (!is_article(words[i + 1].spelling)) {
        word.spelling += words[i + 1].spelling;
        i += 1;
      }
    } else if (word.arabic && word.spelling.size() >= 5 && word.spelling.starts_with("al")) {
      // Arabic writes the article glued on; Latin mostly writes it apart ("El Hassan") or not
      // at all ("Hassan"). Known cost: a name beginning with alif-lam (إلياس) is split too.
      joined.push_back({"al", true});
      word.spelling.erase(0, 2);
    }
    joined.push_back(std::move(word));
  }
  words = std::move(joined);
}

// The one spelling each particle is compared by, so that ben/bin/ibn/بن match as spelled alike.
std::string_view canonical_particle(std::string_view word) {
  if (is_one_of(word, {"al", "el", "ul", "l"})) return "al";
  if (is_one_of(word, {"ben", "bin", "ibn", "ebn", "abn", "bn"})) return "ben";
  if (is_one_of(word, {"bent", "bint", "bnt", "mint", "mnt"})) return "bint";   // daughter of
  if (is_one_of(word, {"ould", "wuld", "weld", "wald", "wld"})) return "ould";  // son of (Mauritania)
  if (is_one_of(word, {"ait", "ayt", "aith"})) return "ait";                    // Amazigh "of the family"
  if (is_one_of(word, {"ag", "de", "da", "di", "do", "du", "d", "dos", "das", "del", "della", "der", "den", "van",
                       "von", "le", "la"}))
    return word;
  return {};
}

// ---------------------------------------------------------------------------------------------
// Skeletons

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// One character per sound: digraphs that Latin spellings and ICU's Arabic transliteration both
// use become one letter ('x' stands for sh/ch/sch, Latin x having become "ks"), and letters that
// spell the same Arabic sound meet (q/k/c, kh/k, dj/j, th/t, dh/d, gh/g, ph/f).
void append_phones(std::string_view s, std::string& phones) {
  auto at = [&](std::size_t i) { return i < s.size() ? s[i] : '\0'; };
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    char next = at(i + 1);
    if (c == 's' && next == 'c' && at(i + 2) == 'h') {
      phones.push_back('x');
      i += 3;
    } else if ((c == 's' || c == 'c') && next == 'h') {
      phones.push_back('x');
      i += 2;
    } else if (next == 'h' && (c == 'k' || c == 'g' || c == 't' || c == 'd' || c == 'p')) {
      phones.push_back(c == 'p' ? 'f' : c);
      i += 2;
    } else if ((c == 'd' && next == 'j') || (c == 'c' && next == 'k') || (c == 'q' && next == 'u')) {
      phones.push_back(c == 'd' ? 'j' : 'k');
      i += 2;
    } else if (c == 'o' && next == 'u') {
      // French "ou": a vowel (Moussa), but a w before a vowel at the start (Ouedraogo).
      phones.push_back(i == 0 && is_vowel(at(i + 2)) ? 'w' : 'u');
      i += 2;
    } else if (c == 'c') {
      phones.push_back(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
      ++i;
    } else if (c == 'q') {
      phones.push_back('k');
      ++i;
    } else if (c == 'x') {
      phones.append("ks");
      ++i;
    } else {
      phones.push_back(c);
      ++i;
    }
  }
}

// The consonants of the phones. Arabic script leaves short vowels unwritten and writes long ones
// with alif, waw and ya, which Latin spells with any vowel (Youssef/Yusuf/ywsf), so vowels and
// the semivowels w, y inside a word are dropped; a word starting with a vowel keeps one 'a' as
// a marker (Ahmed "ahmd" is not Hamed "hmd"). A final h is dropped (Abdallah/Abdalla, and
// ta marbuta: فاطمة → "fatmh" = Fatma), and doubled letters count once (Mohammed, shadda).
void append_consonants(std::string_view phones, bool word_start, std::string& skeleton) {
  for (std::size_t i = 0; i < phones.size(); ++i) {
    char p = phones[i];
    if (i == 0 && word_start) {
      if (is_vowel(p)) {
        skeleton.push_back('a');
        continue;
      }
      if (p == 'w' || p == 'y') {
        skeleton.push_back(p);
        continue;
      }
    }
    if (is_vowel(p) || p == 'w' || p == 'y') continue;
    if (i > 0 && phones[i - 1] == p) continue;
    if (p == 'h' && std::all_of(phones.begin() + static_cast<std::ptrdiff_t>(i) + 1, phones.end(),
                                [](char q) { return is_vowel(q) || q == 'w' || q == 'y'; }))
      continue;
    skeleton.push_back(p);
  }
}

std::string skeleton_of(std::string_view spelling) {
  std::string phones;
  std::string skeleton;
  phones.reserve(spelling.size() + 2);
  skeleton.reserve(spelling.size());
  if (spelling.size() > 3 && spelling.starts_with("abd")) {
    // Abd + name: the linking vowel and article vary (Abdallah, Abdullah, Abdellah, ʿbd allh;
    // Abderrahmane, عبد الرحمن "abdalrhmn") so the skeleton keeps "abd" and the name after the
    // article: drop the linking vowels, then an l standing before a consonant or a doubled l.
    skeleton = "abd";
    std::string_view rest = spelling.substr(3);
    while (!rest.empty() && is_vowel(rest.front())) rest.remove_prefix(1);
    if (rest.size() > 1 && rest[0] == 'l' && !is_vowel(rest[1])) rest.remove_prefix(1);
    append_phones(rest, phones);
    append_consonants(phones, false, skeleton);
    return skeleton;
  }
  append_phones(spelling, phones);
  append_consonants(phones, true, skeleton);
  return skeleton;
}

// ---------------------------------------------------------------------------------------------
// Scoring

// 1 - Levenshtein distance / longer length. Tokens are at most kMaxTokenLetters long, so one
// row on the stack does.
double edit_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  std::array<int, kMaxTokenLetters + 1> row{};
  std::size_t n = std::min(b.size(), kMaxTokenLetters);
  std::size_t m = std::min(a.size(), kMaxTokenLetters);
  for (std::size_t j = 0; j <= n; ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= m; ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= n; ++j) {
      int above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return 1.0 - static_cast<double>(row[n]) / static_cast<double>(std::max(m, n));
}

// Two words: equal spellings 1; equal skeletons from a floor that grows with the skeleton's
// length (a one-letter skeleton such as Hawa's "h" proves little) up by the spellings' likeness;
// other words by how close both the skeletons and the spellings are, at most 0.85, and nothing
// when the skeletons share less than half their letters (Moussa "ms" / Mariam "mrm").
double token_similarity(const NameToken& a, const NameToken& b) {
  if (a.particle != b.particle) return 0.0;
  if (a.spelling == b.spelling) return 1.0;
  double spelling = edit_similarity(a.spelling, b.spelling);
  if (a.skeleton == b.skeleton) {
    double floor = a.skeleton.size() >= 3 ? 0.9 : a.skeleton.size() == 2 ? 0.8 : 0.5;
    return floor + (1.0 - floor) * spelling;
  }
  double skeleton = edit_similarity(a.skeleton, b.skeleton);
  if (skeleton < 0.5) return 0.0;
  return 0.85 * (skeleton + spelling) / 2.0;
}

// Whole words weigh five times a particle: "Mohamed Ahmed" against "Mohamed Ould Ahmed" loses
// little. Integers, so that identical names sum to exactly 1.
constexpr int kWordWeight = 5;
constexpr int kParticleWeight = 1;
int weight(const NameToken& token) {
  return token.particle ? kParticleWeight : kWordWeight;
}

// The same words in another order are likely the same person (surname first on French forms),
// but in Arab naming "Ahmed Mohamed" may be the father of "Mohamed Ahmed": a small penalty.
constexpr double kReorderedFactor = 0.95;

double token_set_similarity(const std::vector<NameToken>& a, const std::vector<NameToken>& b) {
  std::size_t n = std::min(a.size(), kMaxNameTokens);
  std::size_t m = std::min(b.size(), kMaxNameTokens);
  if (n == 0 || m == 0) return 0.0;
  std::array<double, kMaxNameTokens * kMaxNameTokens> scores{};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j) scores[i * m + j] = token_similarity(a[i], b[j]);

  // Greedy assignment, best pair first: optimal in practice for names of a few words.
  std::array<int, kMaxNameTokens> match_of_a;
  match_of_a.fill(-1);
  std::array<bool, kMaxNameTokens> b_used{};
  double matched = 0.0;
  for (;;) {
    double best = 0.0;
    std::size_t best_i = 0, best_j = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (match_of_a[i] >= 0) continue;
      for (std::size_t j = 0; j < m; ++j)
        if (!b_used[j] && scores[i * m + j] > best) {
          best = scores[i * m + j];
          best_i = i;
          best_j = j;
        }
    }
    if (best <= 0.0) break;
    match_of_a[best_i] = static_cast<int>(best_j);
    b_used[best_j] = true;
    matched += best * (weight(a[best_i]) + weight(b[best_j]));
  }
  int total = 0;
  for (std::size_t i = 0; i < n; ++i) total += weight(a[i]);
  for (std::size_t j = 0; j < m; ++j) total += weight(b[j]);
  double score = matched / total;

  int previous = -1;
  for (std::size_t i = 0; i < n; ++i) {
    if (match_of_a[i] < 0 || a[i].particle) continue;
    if (match_of_a[i] < previous) return score * kReorderedFactor;
    previous = match_of_a[i];
  }
  return score;
}

// The distinct non-particle skeletons of one name, in order.
std::vector<std::string_view> word_skeletons(const std::vector<NameToken>& tokens) {
  std::vector<std::string_view> skeletons;
  for (const NameToken& token : tokens)
    if (!token.particle && std::find(skeletons.begin(), skeletons.end(), token.skeleton) == skeletons.end())
      skeletons.push_back(token.skeleton);
  return skeletons;
}

void add_key_pairs(const std::vector<NameToken>& tokens, std::vector<std::string>& keys) {
  std::vector<std::string_view> skeletons = word_skeletons(tokens);
  if (skeletons.size() > 4) skeletons.erase(skeletons.begin() + 2, skeletons.end() - 2);  // first two, last two
  auto add = [&](std::string key) {
    if (keys.size() < kMaxBlockingKeys && std::find(keys.begin(), keys.end(), key) == keys.end())
      keys.push_back(std::move(key));
  };
  if (skeletons.size() == 1) add(std::string(skeletons.front()));
  for (std::size_t i = 0; i < skeletons.size(); ++i)
    for (std::size_t j = i + 1; j < skeletons.size(); ++j) {
      auto [low, high] = std::minmax(skeletons[i], skeletons[j]);
      add(std::string(low) + "|" + std::string(high));
    }
}

}  // namespace

std::vector<NameToken> name_tokens(std::string_view any_script_name) {
  std::vector<Word> words = split_words(any_script_name);
  join_compounds(words);
  std::vector<NameToken> tokens;
  tokens.reserve(std::min(words.size(), kMaxNameTokens));
  for (Word& word : words) {
    if (tokens.size() >= kMaxNameTokens) break;
    if (word.spelling.size() > kMaxTokenLetters) word.spelling.resize(kMaxTokenLetters);
    std::string_view particle = canonical_particle(word.spelling);
    NameToken token;
    token.particle = !particle.empty();
    token.spelling = token.particle ? std::string(particle) : std::move(word.spelling);
    token.skeleton = skeleton_of(token.spelling);
    if (token.skeleton.empty()) token.skeleton = token.spelling;  // "h": nothing but a dropped letter
    tokens.push_back(std::move(token));
  }
  return tokens;
}

PersonName person_name(std::string_view latin, std::string_view arabic) {
  return {name_tokens(latin), name_tokens(arabic)};
}

double similarity(const PersonName& a, const PersonName& b) {
  double best = 0.0;
  for (const auto* from_a : {&a.latin, &a.arabic})
    for (const auto* from_b : {&b.latin, &b.arabic}) best = std::max(best, token_set_similarity(*from_a, *from_b));
  return best;
}

double similarity(std::string_view latin_a, std::string_view arabic_a, std::string_view latin_b,
                  std::string_view arabic_b) {
  return similarity(person_name(latin_a, arabic_a), person_name(latin_b, arabic_b));
}

std::vector<std::string> blocking_keys(const PersonName& name) {
  std::vector<std::string> keys;
  add_key_pairs(name.latin, keys);
  add_key_pairs(name.arabic, keys);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string phonetic_key(const PersonName& name) {
  std::vector<std::string_view> skeletons;
  for (const auto* tokens : {&name.latin, &name.arabic})
    for (const NameToken& token : *tokens)
      if (std::find(skeletons.begin(), skeletons.end(), token.skeleton) == skeletons.end())
        skeletons.push_back(token.skeleton);
  std::string key = " ";
  for (std::string_view skeleton : skeletons) {
    key += skeleton;
    key += ' ';
  }
  return key;
}

SearchIndex search_index(const PersonName& name) {
  SearchIndex index;
  for (const auto* words : {&name.latin, &name.arabic})
    for (const NameToken& token : *words)
      if (!token.skeleton.empty() && index.tokens.size() < kMaxIndexTokens &&
          std::find(index.tokens.begin(), index.tokens.end(), token.skeleton) == index.tokens.end())
        index.tokens.push_back(token.skeleton);
  for (const auto& first : index.tokens)
    for (const auto& second : index.tokens)
      if (first != second) index.pairs.push_back(search_pair(first, second));
  std::sort(index.tokens.begin(), index.tokens.end());
  return index;
}

std::string search_pair(std::string_view first, std::string_view second) {
  std::string pair(first);
  pair += ' ';
  pair += second;
  return pair;
}

std::vector<std::string> search_tokens(std::string_view query, bool keep_particles) {
  std::vector<NameToken> tokens = name_tokens(query);
  bool only_particles = std::all_of(tokens.begin(), tokens.end(), [](const NameToken& t) { return t.particle; });
  std::vector<std::string> skeletons;
  for (NameToken& token : tokens) {
    if (skeletons.size() >= text::kMaxSearchWords) break;
    if ((token.particle && !only_particles && !keep_particles) ||
        std::find(skeletons.begin(), skeletons.end(), token.skeleton) != skeletons.end())
      continue;
    skeletons.push_back(std::move(token.skeleton));
  }
  return skeletons;
}

}  // namespace taawun::names
