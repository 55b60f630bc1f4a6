#pragma once
// French text handling shared by search, suggestions and sorting: lower-casing and accent
// folding of UTF-8, word splitting, and Snowball French stemming (libstemmer).

#include <string>
#include <vector>

struct sb_stemmer;

namespace concerto {

/// Decodes the UTF-8 code point at `pos` and advances `pos` past it; an invalid or truncated
/// sequence decodes as U+FFFD and advances by one byte.
char32_t DecodeUtf8(const std::string& s, std::size_t& pos);

/// Whether a code point belongs to a word for Words(): ASCII letters and digits, letters with
/// diacritics and other alphabets; not Latin-1 punctuation, × ÷, general punctuation or U+FFFD.
bool IsWordChar(char32_t cp);

/// Lower-cases and removes diacritics from UTF-8 text ("École" -> "ecole", "Œuvre" -> "oeuvre").
/// Characters outside Latin letters are kept as they are (lower-cased where Latin).
std::string Fold(const std::string& text);

/// Splits UTF-8 text into words: maximal runs of letters and digits; apostrophes and hyphens split.
/// Words are returned lower-cased but not folded.
std::vector<std::string> Words(const std::string& text);

/// Snowball French stem of one lower-case UTF-8 word, then folded ("écoles" -> "ecol").
/// Not thread-safe per instance: use one FrenchStemmer per thread.
class FrenchStemmer {
public:
    FrenchStemmer();
    ~FrenchStemmer();
    FrenchStemmer(const FrenchStemmer&) = delete;
    FrenchStemmer& operator=(const FrenchStemmer&) = delete;
    std::string Stem(const std::string& word);

private:
    ::sb_stemmer* m_stemmer;
};

/// The terms of a search box entry: its words, stemmed and folded, without duplicates,
/// each made of letters and digits only (safe to put in a full-text query).
std::vector<std::string> SearchStems(const std::string& query);

/// A new random (version 4) UUID from the system's entropy source.
std::string NewUuid();

/// Truncates UTF-8 text to at most `maxBytes` bytes without cutting a character.
std::string TruncateUtf8(const std::string& text, std::size_t maxBytes);

} // namespace concerto
