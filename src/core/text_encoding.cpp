// UTF-8 checking and Windows-1252 conversion. The table is computed once: 256 UTF-8 strings
// of 1 to 3 bytes, so conversion is a lookup and an append per byte.

#include "core/text_encoding.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace concerto {

namespace {

// Code points of bytes 0x80–0x9F (the only range where Windows-1252 differs from Latin-1);
// 0 marks the five undefined bytes, mapped to the C1 control of the same value.
constexpr std::uint16_t kHighControls[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct Encoded {
    char bytes[3];
    std::uint8_t size;
};

std::array<Encoded, 256> BuildWindows1252Table()
{
    std::array<Encoded, 256> table{};
    for (unsigned byte = 0; byte < 256; ++byte) {
        unsigned code = byte;
        if (byte >= 0x80 && byte < 0xA0 && kHighControls[byte - 0x80] != 0)
            code = kHighControls[byte - 0x80];
        Encoded& e = table[byte];
        if (code < 0x80) {
            e.bytes[0] = static_cast<char>(code);
            e.size = 1;
        } else if (code < 0x800) {
            e.bytes[0] = static_cast<char>(0xC0 | (code >> 6));
            e.bytes[1] = static_cast<char>(0x80 | (code & 0x3F));
            e.size = 2;
        } else {
            e.bytes[0] = static_cast<char>(0xE0 | (code >> 12));
            e.bytes[1] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            e.bytes[2] = static_cast<char>(0x80 | (code & 0x3F));
            e.size = 3;
        }
    }
    return table;
}

const std::array<Encoded, 256> kWindows1252 = BuildWindows1252Table();

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

} // namespace

const char* EncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Windows1252: return "Windows-1252";
    case TextEncoding::Auto: break;
    }
    return "automatique";
}

Utf8Check CheckUtf8(const char* data, std::size_t size)
{
    const auto* s = reinterpret_cast<const unsigned char*>(data);
    std::size_t i = 0;
    while (i < size) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF)
            length = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else
            return {i, true};
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= size)
                return {i, false}; // cut by the end of the buffer
            const unsigned char next = s[i + k];
            if (k == 1 ? (next < low || next > high) : !IsContinuation(next))
                return {i, true};
        }
        i += length;
    }
    return {size, false};
}

void AppendWindows1252AsUtf8(const char* data, std::size_t size, std::string& out)
{
    out.reserve(out.size() + size + size / 8);
    for (std::size_t i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (c < 0x80)
            out.push_back(static_cast<char>(c));
        else
            out.append(kWindows1252[c].bytes, kWindows1252[c].size);
    }
}

} // namespace concerto
