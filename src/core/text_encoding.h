#pragma once
// Character encodings of imported text files: UTF-8 validation (fast on ASCII) and the
// Windows-1252 → UTF-8 conversion that files saved by Excel for Windows need.

#include <cstddef>
#include <string>

namespace concerto {

/// The encoding of a text file.
enum class TextEncoding {
    Auto,       ///< detect: valid UTF-8 (with or without BOM) → Utf8, anything else → Windows1252
    Utf8,       ///< UTF-8; invalid sequences are errors
    Windows1252 ///< Windows "ANSI" western code page (a superset of ISO-8859-1 printable characters)
};

/// The French name of an encoding for messages and previews ("UTF-8", "Windows-1252", "automatique").
const char* EncodingName(TextEncoding encoding);

/// Result of CheckUtf8.
struct Utf8Check {
    std::size_t validPrefix = 0; ///< bytes forming complete, valid sequences from the start
    bool invalid = false;        ///< true if the byte at validPrefix starts an invalid sequence
};

/// Checks `size` bytes for UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
/// A sequence cut by the end of the buffer is not invalid: validPrefix stops before it, so a
/// stream can be checked chunk by chunk by carrying the tail over.
Utf8Check CheckUtf8(const char* data, std::size_t size);

/// Appends the UTF-8 form of `size` Windows-1252 bytes to `out` (the five bytes Windows-1252
/// leaves undefined become the C1 controls of the same value, as browsers do).
void AppendWindows1252AsUtf8(const char* data, std::size_t size, std::string& out);

} // namespace concerto
