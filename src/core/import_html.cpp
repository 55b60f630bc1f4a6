// HTML bodies to plain text (core/import_spec.h HtmlToText): Decidim exports proposal bodies as
// the rich-text editor's HTML (<p>, <br>, <strong>, <ul><li>, entities). Contributions are plain
// text in Concerto, so tags go, paragraphs and line breaks stay, entities are decoded.

#include "core/import_spec.h"
#include "core/import_util.h"

#include <cctype>
#include <cstring>

namespace concerto {

namespace {

void AppendUtf8(std::string& out, unsigned long code)
{
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        code = 0xFFFD;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// The named entities French rich text uses; others are kept as written.
unsigned long NamedEntity(const std::string& name)
{
    static const std::pair<const char*, unsigned long> entities[] = {
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
        {"nbsp", 0xA0},    {"eacute", 0xE9},  {"Eacute", 0xC9},  {"egrave", 0xE8},   {"Egrave", 0xC8},
        {"ecirc", 0xEA},   {"Ecirc", 0xCA},   {"euml", 0xEB},    {"agrave", 0xE0},   {"Agrave", 0xC0},
        {"acirc", 0xE2},   {"Acirc", 0xC2},   {"auml", 0xE4},    {"ccedil", 0xE7},   {"Ccedil", 0xC7},
        {"icirc", 0xEE},   {"iuml", 0xEF},    {"ocirc", 0xF4},   {"Ocirc", 0xD4},    {"ouml", 0xF6},
        {"ugrave", 0xF9},  {"ucirc", 0xFB},   {"uuml", 0xFC},    {"yuml", 0xFF},     {"oelig", 0x153},
        {"OElig", 0x152},  {"aelig", 0xE6},   {"laquo", 0xAB},   {"raquo", 0xBB},    {"rsquo", 0x2019},
        {"lsquo", 0x2018}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"ndash", 0x2013},
        {"mdash", 0x2014}, {"euro", 0x20AC},  {"deg", 0xB0},     {"middot", 0xB7},   {"bull", 0x2022},
        {"copy", 0xA9},    {"reg", 0xAE},     {"times", 0xD7},   {"sup2", 0xB2},     {"thinsp", 0x2009},
        {"nnbsp", 0x202F}, {"shy", 0xAD},
    };
    for (const auto& [entity, code] : entities)
        if (name == entity)
            return code;
    return 0;
}

// Decodes the entity starting at html[pos] == '&'; returns the length consumed (0 if none).
std::size_t DecodeEntity(const std::string& html, std::size_t pos, std::string& out)
{
    const std::size_t semi = html.find(';', pos + 1);
    if (semi == std::string::npos || semi - pos > 12 || semi == pos + 1)
        return 0;
    const std::string name = html.substr(pos + 1, semi - pos - 1);
    unsigned long code = 0;
    if (name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string digits = name.substr(hex ? 2 : 1);
        if (digits.empty() ||
            digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
            return 0;
        code = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
    } else {
        code = NamedEntity(name);
        if (code == 0)
            return 0;
    }
    AppendUtf8(out, code);
    return semi - pos + 1;
}

// The lower-case name of the tag in `tag` ("</P class=x" → "p"), and whether it closes.
std::string TagName(const std::string& tag, bool& closing)
{
    std::size_t i = 0;
    closing = i < tag.size() && tag[i] == '/';
    if (closing)
        ++i;
    std::string name;
    while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i])))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i++])));
    return name;
}

bool IsBlock(const std::string& name)
{
    static const char* const blocks[] = {"p",  "div", "h1", "h2", "h3",         "h4", "h5",
                                         "h6", "ul",  "ol", "li", "blockquote", "tr", "pre"};
    for (const char* block : blocks)
        if (name == block)
            return true;
    return false;
}

// Marks a paragraph end in the text being built; TidyLines turns it into a blank line.
constexpr char kParagraph = '\x02';

// Lines without surrounding spaces, joined by one line break, or by a blank line where a
// paragraph ended or where two line breaks (<br><br>) followed each other; no blank start or end.
std::string TidyLines(const std::string& text)
{
    std::string out, line;
    int breaks = 0;
    bool paragraph = false;
    const auto flush = [&] {
        line.erase(0, line.find_first_not_of(" \t"));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
            line.pop_back();
        if (!line.empty()) {
            if (!out.empty())
                out.append(paragraph || breaks > 1 ? 2 : 1, '\n');
            out += line;
            breaks = 0;
            paragraph = false;
        }
        line.clear();
    };
    for (char c : text) {
        if (c == '\n' || c == kParagraph) {
            const bool wasEmpty = line.find_first_not_of(" \t\r") == std::string::npos;
            flush();
            if (c == kParagraph)
                paragraph = true;
            else if (wasEmpty || breaks == 0)
                ++breaks;
        } else {
            line += c;
        }
    }
    flush();
    return out;
}

// True when `text` has something that looks like a tag: "<p", "</", "<!--". A body with none
// is plain text whose line breaks are kept.
bool LooksLikeHtml(const std::string& text)
{
    for (std::size_t i = text.find('<'); i != std::string::npos && i + 1 < text.size(); i = text.find('<', i + 1)) {
        const char next = text[i + 1];
        if (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!')
            return true;
    }
    return false;
}

// Plain text with entities decoded (bodies that are not HTML may still hold "&amp;").
std::string DecodeEntities(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t used = text[i] == '&' ? DecodeEntity(text, i, out) : 0;
        if (used > 0) {
            i += used;
        } else {
            out += text[i];
            ++i;
        }
    }
    return out;
}

// What a tag adds to the text: breaks for blocks, a dash for list items, nothing otherwise.
void AppendTagBreak(const std::string& name, bool closing, std::string& out)
{
    if (name == "br")
        out += '\n';
    else if (name == "li")
        out += closing ? "" : "\n- ";
    else if (name == "p" || name == "blockquote" || name == "pre" || (name.size() == 2 && name[0] == 'h'))
        out += closing ? kParagraph : '\n';
    else if (IsBlock(name))
        out += '\n';
}

} // namespace

std::string HtmlToText(const std::string& html)
{
    if (html.find_first_of("<&") == std::string::npos)
        return import::Trim(html);
    if (!LooksLikeHtml(html))
        return import::Trim(DecodeEntities(html));
    std::string out;
    out.reserve(html.size());
    std::string skipUntil; // inside <script> or <style>: their content is not text
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t close = html.find('>', i + 1);
            if (close == std::string::npos) {
                out.append(html, i, std::string::npos); // a lone '<' is text
                break;
            }
            bool closing = false;
            const std::string name = TagName(html.substr(i + 1, close - i - 1), closing);
            i = close + 1;
            if (!skipUntil.empty()) {
                if (closing && name == skipUntil)
                    skipUntil.clear();
            } else if (!closing && (name == "script" || name == "style")) {
                skipUntil = name;
            } else {
                AppendTagBreak(name, closing, out);
            }
            continue;
        }
        if (!skipUntil.empty()) {
            ++i;
            continue;
        }
        const std::size_t used = c == '&' ? DecodeEntity(html, i, out) : 0;
        if (used > 0) {
            i += used;
            continue;
        }
        // In HTML, line breaks and runs of spaces in the source are one space.
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            if (out.empty() || out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
        ++i;
    }
    return import::Trim(TidyLines(out));
}

} // namespace concerto
