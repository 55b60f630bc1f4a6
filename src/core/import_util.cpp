// Text helpers of the importer (core/import_util.h).

#include "core/import_util.h"

#include "core/text.h"

#include <utility>

namespace concerto::import {

namespace {

// Bytes of the space Trim removes at `pos`: ASCII white space, U+00A0, U+202F; 0 for none.
std::size_t SpaceAt(const std::string& text, std::size_t pos, std::size_t end)
{
    const char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
        return 1;
    if (c == '\xC2' && end - pos >= 2 && text[pos + 1] == '\xA0')
        return 2;
    if (c == '\xE2' && end - pos >= 3 && text[pos + 1] == '\x80' && text[pos + 2] == '\xAF')
        return 3;
    return 0;
}

// Bytes of the space Trim removes ending just before `end`; 0 for none.
std::size_t SpaceBefore(const std::string& text, std::size_t begin, std::size_t end)
{
    const char c = text[end - 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
        return 1;
    if (c == '\xA0' && end - begin >= 2 && text[end - 2] == '\xC2')
        return 2;
    if (c == '\xAF' && end - begin >= 3 && text[end - 3] == '\xE2' && text[end - 2] == '\x80')
        return 3;
    return 0;
}

// [begin, end) of `text` without its surrounding spaces.
std::pair<std::size_t, std::size_t> Bounds(const std::string& text)
{
    std::size_t begin = 0, end = text.size();
    for (std::size_t space; begin < end && (space = SpaceAt(text, begin, end)) > 0;)
        begin += space;
    for (std::size_t space; end > begin && (space = SpaceBefore(text, begin, end)) > 0;)
        end -= space;
    return {begin, end};
}

} // namespace

std::string Trim(const std::string& text)
{
    const auto [begin, end] = Bounds(text);
    return begin == 0 && end == text.size() ? text : text.substr(begin, end - begin);
}

void TrimInPlace(std::string& text)
{
    const auto [begin, end] = Bounds(text);
    text.erase(end);
    text.erase(0, begin);
}

std::string HeaderKey(const std::string& name)
{
    std::string text = name;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.erase(0, 3);
    return Fold(Trim(text));
}

} // namespace concerto::import
