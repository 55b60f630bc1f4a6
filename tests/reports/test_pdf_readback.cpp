#include "test_pdf_readback.h"

#include <array>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <sys/wait.h>

namespace concerto::test {

namespace {

std::string Quote(const std::string& path)
{
    std::string quoted = "'";
    for (char c : path)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::vector<std::string> SplitPages(const std::string& text)
{
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find('\f', start)) != std::string::npos; start = at + 1)
        pages.push_back(text.substr(start, at - start));
    if (start < text.size() && text.find_first_not_of("\n", start) != std::string::npos)
        pages.push_back(text.substr(start));
    return pages;
}

// Maps each glyph of each page's content stream back to Unicode through the fonts' ToUnicode
// maps (what copy-and-paste and screen readers use). Pages are separated by form feeds.
const char* const kGlyphReader = R"PY(
import io, re, sys, zlib
out_stream = io.TextIOWrapper(sys.stdout.buffer, encoding='utf-8')
data = open(sys.argv[1], 'rb').read()
objects = {}
for m in re.finditer(rb'(?<![0-9])(\d+) 0 obj(.*?)endobj', data, re.S):
    objects[int(m.group(1))] = m.group(2)
def body_stream(body):
    m = re.search(rb'stream\r?\n(.*?)\r?\nendstream', body, re.S)
    raw = m.group(1)
    return zlib.decompress(raw) if b'FlateDecode' in body else raw
def ref(body, key):
    m = re.search(rb'/' + key + rb'\s+(\d+) 0 R', body)
    return int(m.group(1)) if m else None
cmaps = {}
def to_unicode(font):
    number = ref(objects[font], b'ToUnicode')
    if number is None:
        return (1, {})
    if number in cmaps:
        return cmaps[number]
    text = body_stream(objects[number]).decode('latin-1')
    width = 2 if re.search(r'<0000>\s*<ffff>', text, re.I) else 1
    mapping = {}
    for block in re.findall(r'beginbfchar(.*?)endbfchar', text, re.S):
        for src, dst in re.findall(r'<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>', block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode('utf-16-be')
    for block in re.findall(r'beginbfrange(.*?)endbfrange', text, re.S):
        for a, b, dst in re.findall(r'<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>', block):
            for i in range(int(a, 16), int(b, 16) + 1):
                mapping[i] = chr(int(dst, 16) + i - int(a, 16))
    cmaps[number] = (width, mapping)
    return cmaps[number]
def literal(token):
    out, i, s = bytearray(), 1, token
    while i < len(s) - 1:
        c = s[i]
        if c == 0x5c:
            i += 1
            c = s[i]
            if 0x30 <= c <= 0x37:
                j = i
                while j < i + 3 and 0x30 <= s[j] <= 0x37: j += 1
                out.append(int(s[i:j], 8)); i = j; continue
            out.append({0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}.get(c, c))
        else:
            out.append(c)
        i += 1
    return bytes(out)
token_re = re.compile(rb'\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>|\[|\]|/[^\s/\[\]()<>]+|[^\s/\[\]()<>]+', re.S)
def page_text(page):
    body = objects[page]
    resources = objects[ref(body, b'Resources')]
    fonts = {name.decode(): int(num) for name, num in re.findall(rb'/(f-\d+-\d+)\s+(\d+) 0 R', resources)}
    content = body_stream(objects[ref(body, b'Contents')])
    out, stack, font = [], [], None
    def show(raw):
        width, mapping = to_unicode(fonts[font])
        for k in range(0, len(raw) - width + 1, width):
            out.append(mapping.get(int.from_bytes(raw[k:k + width], 'big'), '\ufffd'))
    for token in token_re.findall(content):
        if token[:1] in (b'(', b'<', b'[', b']', b'/') or re.match(rb'^[-+.0-9]+$', token):
            stack.append(token); continue
        op = token.decode('latin-1')
        if op == 'Tf': font = stack[-2][1:].decode()
        elif op == 'Tj': show(literal(stack[-1]) if stack[-1][:1] == b'(' else bytes.fromhex(stack[-1][1:-1].decode()))
        elif op == 'TJ':
            start = len(stack) - 1 - stack[::-1].index(b'[')
            for item in stack[start + 1:-1]:
                if item[:1] == b'(': show(literal(item))
                elif item[:1] == b'<': show(bytes.fromhex(item[1:-1].decode()))
        elif op in ('Tm', 'Td', 'TD', 'T*', 'ET'): out.append('\n')
        stack = []
    text = ''.join(out)
    for ligature, letters in (('\ufb00', 'ff'), ('\ufb01', 'fi'), ('\ufb02', 'fl'), ('\ufb03', 'ffi'), ('\ufb04', 'ffl')):
        text = text.replace(ligature, letters)
    return text
root = [o for o, b in objects.items() if re.search(rb'/Type\s*/Pages\b', b)][0]
pages = [int(n) for n in re.findall(rb'(\d+) 0 R', re.search(rb'/Kids\s*\[(.*?)\]', objects[root], re.S).group(1))]
for number, page in enumerate(pages, 1):
    out_stream.write('\f=== page %d\n' % number)
    out_stream.write(page_text(page))
out_stream.flush()
)PY";

} // namespace

std::string RunCommand(const std::string& command)
{
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>/dev/null").c_str(), "r"), pclose);
    BOOST_REQUIRE_MESSAGE(pipe, "cannot run " << command);
    std::string output;
    std::array<char, 65536> buffer;
    for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;)
        output.append(buffer.data(), n);
    const int status = pclose(pipe.release());
    BOOST_REQUIRE_MESSAGE(WIFEXITED(status) && WEXITSTATUS(status) == 0, command << " failed");
    return output;
}

std::map<std::string, std::string> PdfInfo(const std::string& path)
{
    std::map<std::string, std::string> info;
    std::istringstream lines(RunCommand("pdfinfo " + Quote(path)));
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const auto value = line.find_first_not_of(' ', colon + 1);
        info[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
    }
    return info;
}

std::vector<PdfFont> PdfFonts(const std::string& path)
{
    std::vector<PdfFont> fonts;
    std::istringstream lines(RunCommand("pdffonts " + Quote(path)));
    std::string line;
    std::getline(lines, line); // header
    std::getline(lines, line); // dashes
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::vector<std::string> tokens;
        for (std::string word; words >> word;)
            tokens.push_back(word);
        if (tokens.size() < 7)
            continue;
        PdfFont font;
        font.name = tokens[0];
        const std::size_t n = tokens.size();
        for (std::size_t i = 1; i + 6 < n; ++i)
            font.type += (font.type.empty() ? "" : " ") + tokens[i];
        font.embedded = tokens[n - 5] == "yes";
        font.subset = tokens[n - 4] == "yes";
        fonts.push_back(font);
    }
    return fonts;
}

std::vector<std::string> PdfPagesText(const std::string& path, bool layout)
{
    return SplitPages(
        RunCommand(std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout " : "") + Quote(path) + " -"));
}

std::map<std::string, int> PdfDestinations(const std::string& path)
{
    std::map<std::string, int> destinations;
    std::istringstream lines(RunCommand("pdfinfo -dests " + Quote(path)));
    const std::regex row(R"re(^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$)re");
    for (std::string line; std::getline(lines, line);)
        if (std::smatch match; std::regex_match(line, match, row))
            destinations[match[2]] = std::stoi(match[1]);
    return destinations;
}

std::vector<std::string> PdfGlyphText(const std::string& path)
{
    const std::string script = path + ".reader.py";
    std::ofstream(script) << kGlyphReader;
    const std::string text = RunCommand("/usr/bin/python3 " + Quote(script) + " " + Quote(path));
    std::remove(script.c_str());
    auto pages = SplitPages(text);
    if (!pages.empty() && pages.front().empty())
        pages.erase(pages.begin());
    return pages;
}

std::string ReadFileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace concerto::test
