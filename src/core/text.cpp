#include "core/text.h"

#include "core/platform.h"
#include "core/random.h"

#include <libstemmer.h>

#include <algorithm>
#include <random>
#include <stdexcept>


namespace concerto {

char32_t DecodeUtf8(const std::string& s, std::size_t& pos)
{
    const auto b0 = static_cast<unsigned char>(s[pos]);
    const int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 6 ? 1 : (b0 >> 4) == 14 ? 2 : (b0 >> 3) == 30 ? 3 : -1;
    if (extra < 0 || pos + extra >= s.size() + (extra == 0 ? 1 : 0)) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = extra == 0 ? b0 : b0 & (0x3F >> extra);
    for (int i = 1; i <= extra; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    pos += extra + 1;
    return cp;
}

bool IsWordChar(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    // Latin letters with diacritics, and other alphabets: any code point above Latin-1
    // punctuation except the typographic marks French text uses between words.
    if (cp == 0xD7 || cp == 0xF7 || (cp >= 0x80 && cp < 0xC0))
        return false;
    if (cp >= 0x2000 && cp <= 0x206F) // general punctuation: ’ « » – — … and spaces
        return false;
    return cp != 0xFFFD;
}

namespace {

void Encode(char32_t cp, std::string& out)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Base letter of a Latin-1 Supplement / Latin Extended-A code point, already lower-cased;
// 0 when it has none. Covers every letter French uses, and its neighbours.
const char* FoldLatin(char32_t cp)
{
    static const char* const latin1[] = {
        // U+00C0 .. U+00FF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    if (cp >= 0xC0 && cp <= 0xFF)
        return latin1[cp - 0xC0];
    switch (cp) {
    case 0x152: case 0x153: return "oe";
    case 0x178: return "y";
    case 0x100: case 0x101: case 0x102: case 0x103: case 0x104: case 0x105: return "a";
    case 0x106: case 0x107: case 0x10C: case 0x10D: return "c";
    case 0x112: case 0x113: case 0x116: case 0x117: case 0x118: case 0x119: case 0x11A: case 0x11B: return "e";
    case 0x141: case 0x142: return "l";
    case 0x143: case 0x144: case 0x147: case 0x148: return "n";
    case 0x15A: case 0x15B: case 0x160: case 0x161: return "s";
    case 0x17B: case 0x17C: case 0x17D: case 0x17E: return "z";
    default: return nullptr;
    }
}

char32_t Lower(char32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x130 && cp != 0x138)
        return cp + 1; // most of Latin Extended-A pairs upper/lower on even/odd
    if (cp == 0x178)
        return 0xFF;
    return cp;
}
} // namespace

std::string Fold(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = Lower(DecodeUtf8(text, pos));
        if (const char* base = FoldLatin(cp))
            out += base;
        else
            Encode(cp, out);
    }
    return out;
}

std::vector<std::string> Words(const std::string& text)
{
    std::vector<std::string> words;
    std::string current;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = DecodeUtf8(text, pos);
        if (IsWordChar(cp)) {
            Encode(Lower(cp), current);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty())
        words.push_back(std::move(current));
    return words;
}

FrenchStemmer::FrenchStemmer() : m_stemmer(sb_stemmer_new("french", "UTF_8"))
{
    if (!m_stemmer)
        throw std::runtime_error("libstemmer has no French stemmer");
}

FrenchStemmer::~FrenchStemmer() { sb_stemmer_delete(m_stemmer); }

std::string FrenchStemmer::Stem(const std::string& word)
{
    const sb_symbol* stem =
        sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!stem)
        return Fold(word);
    return Fold(std::string(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(m_stemmer))));
}

std::vector<std::string> SearchStems(const std::string& query)
{
    FrenchStemmer stemmer;
    std::vector<std::string> stems;
    for (const auto& word : Words(query)) {
        std::string stem = stemmer.Stem(word);
        // Keep only what a full-text query language cannot read as an operator.
        stem.erase(std::remove_if(stem.begin(), stem.end(),
                                  [](char c) { return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)); }),
                   stem.end());
        if (!stem.empty() && std::find(stems.begin(), stems.end(), stem) == stems.end())
            stems.push_back(std::move(stem));
    }
    return stems;
}

std::string NewUuid()
{
    // One generator per thread, seeded from the system: UUIDs must not repeat across processes.
    // A forked process inherits its parent's generator state, so a new process id reseeds it
    // (two children of one parent would otherwise make the same ids).
    const auto seed = [] {
        std::random_device device;
        return (static_cast<std::uint64_t>(device()) << 32) ^ device();
    };
    thread_local Random generator(seed());
    thread_local auto seededIn = platform::ProcessId();
    if (seededIn != platform::ProcessId()) {
        generator = Random(seed());
        seededIn = platform::ProcessId();
    }
    return generator.Uuid();
}

std::string TruncateUtf8(const std::string& text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut);
}

} // namespace concerto
