// CSV reading over libcsv. libcsv reports fields and records but not where they are, so the
// input is fed to it one physical line at a time: every callback then happens on a known
// line, which gives the line where each record starts (even after quoted line breaks) and the
// line where an unterminated quoted field began. Callbacks never throw through libcsv's C
// frames: they record the first error, thrown once csv_parse returns.

#include "core/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <optional>

namespace concerto {

namespace {

constexpr std::size_t kBlockSize = 1 << 20;
constexpr std::size_t kDetectionBytes = 64 * 1024;
constexpr int kFieldBegun = 2; // libcsv's parser state while inside a field (csv.c: FIELD_BEGUN)

// RFC 4180: spaces around fields belong to them (libcsv trims spaces and tabs by default).
int NeverSpace(unsigned char) { return 0; }

} // namespace

/// Where the bytes come from: a file, or a string held in memory (tests, fuzzing).
struct CsvReader::Source {
    virtual ~Source() = default;
    /// Up to `size` bytes into `data`; 0 at the end.
    virtual std::size_t Read(char* data, std::size_t size) = 0;
    virtual void Rewind() = 0;
    virtual std::uint64_t Size() const = 0;
};

namespace {

class FileSource final : public CsvReader::Source {
public:
    explicit FileSource(std::FILE* file) : m_file(file)
    {
        if (std::fseek(m_file, 0, SEEK_END) == 0)
            m_size = static_cast<std::uint64_t>(std::max(0L, std::ftell(m_file)));
        std::rewind(m_file);
    }
    ~FileSource() override { std::fclose(m_file); }
    std::size_t Read(char* data, std::size_t size) override { return std::fread(data, 1, size, m_file); }
    void Rewind() override { std::rewind(m_file); }
    std::uint64_t Size() const override { return m_size; }

private:
    std::FILE* m_file;
    std::uint64_t m_size = 0;
};

class MemorySource final : public CsvReader::Source {
public:
    explicit MemorySource(std::string content) : m_content(std::move(content)) {}
    std::size_t Read(char* data, std::size_t size) override
    {
        const std::size_t count = std::min(size, m_content.size() - m_at);
        std::memcpy(data, m_content.data() + m_at, count);
        m_at += count;
        return count;
    }
    void Rewind() override { m_at = 0; }
    std::uint64_t Size() const override { return m_content.size(); }

private:
    std::string m_content;
    std::size_t m_at = 0;
};

// Small files get small buffers (fuzzing opens thousands per second); 0 means unknown.
std::size_t BlockSizeFor(std::uint64_t size)
{
    return size == 0 ? kBlockSize : static_cast<std::size_t>(std::min<std::uint64_t>(kBlockSize, size + 1));
}

TextEncoding DetectEncoding(CsvReader::Source& in)
{
    const std::size_t blockSize = BlockSizeFor(in.Size());
    std::vector<char> block(blockSize + 4);
    std::size_t carried = 0;
    for (;;) {
        const std::size_t read = in.Read(block.data() + carried, blockSize);
        if (read == 0)
            break;
        const std::size_t size = carried + read;
        const Utf8Check check = CheckUtf8(block.data(), size);
        if (check.invalid)
            return TextEncoding::Windows1252;
        carried = size - check.validPrefix; // a sequence cut by the block end (at most 3 bytes)
        std::copy(block.data() + check.validPrefix, block.data() + size, block.data());
    }
    return carried == 0 ? TextEncoding::Utf8 : TextEncoding::Windows1252;
}

} // namespace

struct CsvReader::Parser {
    explicit Parser(CsvReader& reader) : owner(reader) { csv_init(&csv, 0); }
    ~Parser() { csv_free(&csv); }

    static void OnField(void* data, std::size_t size, void* self) { static_cast<Parser*>(self)->Field(data, size); }
    static void OnRecord(int, void* self) { static_cast<Parser*>(self)->Record(); }

    void Field(void* data, std::size_t size);
    void Record();
    bool Refill();
    bool Feed();
    void Parse(const char* data, std::size_t size);
    void Finish();

    CsvReader& owner;
    std::unique_ptr<Source> in;
    csv_parser csv{};
    std::vector<char> buffer;
    std::size_t pos = 0, len = 0;
    std::uint64_t consumed = 0, size = 0;
    TextEncoding encoding = TextEncoding::Utf8;
    char delimiter = ',';
    bool finished = false, pendingCR = false;
    std::uint64_t line = 1, chunkLine = 1;
    bool rowOpen = false;
    std::uint64_t rowStartLine = 0;
    bool inQuote = false;
    std::uint64_t quoteLine = 0;
    std::size_t fieldsThisChunk = 0;
    std::vector<std::string> cells;
    std::size_t cellCount = 0;
    bool rowDone = false;
    std::size_t doneCount = 0;
    std::uint64_t doneLine = 0;
    std::optional<ValidationError> error;
};

void CsvReader::Parser::Field(void* data, std::size_t length)
{
    if (error)
        return;
    if (cellCount == cells.size())
        cells.emplace_back();
    std::string& cell = cells[cellCount++];
    ++fieldsThisChunk;
    const char* text = static_cast<const char*>(data);
    cell.clear();
    if (encoding == TextEncoding::Windows1252) {
        AppendWindows1252AsUtf8(text, length, cell);
        return;
    }
    const Utf8Check check = CheckUtf8(text, length);
    if (check.validPrefix == length) {
        cell.assign(text, length);
        return;
    }
    // The field ends on chunkLine: count the line breaks after the bad byte to find its line.
    std::uint64_t badLine = chunkLine;
    for (std::size_t i = check.validPrefix; i < length; ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == length || text[i + 1] != '\n')))
            --badLine;
    error = owner.ErrorAt(badLine, cellCount,
                          "le texte n’est pas de l’UTF-8 valide (octet " + std::to_string(
                              static_cast<unsigned char>(text[check.validPrefix])) +
                              ")\u202f; choisissez l’encodage Windows-1252 si le fichier vient d’Excel.");
}

void CsvReader::Parser::Record()
{
    rowDone = true;
    rowOpen = false;
    doneCount = cellCount;
    doneLine = rowStartLine;
    cellCount = 0;
}

bool CsvReader::Parser::Refill()
{
    consumed += len;
    pos = len = 0;
    len = in->Read(buffer.data(), buffer.size());
    return len > 0;
}

// Feeds libcsv the rest of the current physical line (up to a block's end). False at the end.
bool CsvReader::Parser::Feed()
{
    if (finished)
        return false;
    if (pos == len && !Refill()) {
        Finish();
        return false;
    }
    const char* start = buffer.data() + pos;
    const char* end = buffer.data() + len;
    if (pendingCR) { // the LF of a CRLF split by the block end: same line break
        pendingCR = false;
        if (*start == '\n') {
            Parse(start, 1);
            ++pos;
            return true;
        }
    }
    const char* stop = start;
    while (stop < end && *stop != '\n' && *stop != '\r')
        ++stop;
    const bool content = stop > start;
    const bool terminated = stop < end;
    if (terminated) {
        if (*stop == '\r') {
            if (stop + 1 == end)
                pendingCR = true;
            else if (stop[1] == '\n')
                ++stop;
        }
        ++stop;
    }
    if (content && !rowOpen) {
        rowOpen = true;
        rowStartLine = line;
    }
    chunkLine = line;
    Parse(start, static_cast<std::size_t>(stop - start));
    pos += static_cast<std::size_t>(stop - start);
    if (terminated)
        ++line;
    return true;
}

void CsvReader::Parser::Parse(const char* data, std::size_t length)
{
    fieldsThisChunk = 0;
    if (csv_parse(&csv, data, length, OnField, OnRecord, this) != length)
        throw owner.ErrorAt(chunkLine, 0, std::string("lecture impossible (") + csv_strerror(csv_error(&csv)) + ").");
    if (error)
        throw *error;
    const bool nowInQuote = csv.pstate == kFieldBegun && csv.quoted;
    if (nowInQuote && (!inQuote || fieldsThisChunk > 0))
        quoteLine = chunkLine;
    inQuote = nowInQuote;
}

void CsvReader::Parser::Finish()
{
    finished = true;
    if (inQuote)
        throw owner.ErrorAt(quoteLine, cellCount + 1,
                            "le fichier est tronqué ou mal formé\u00a0: le guillemet ouvert à cette ligne n’est "
                            "jamais refermé.");
    csv_fini(&csv, OnField, OnRecord, this);
    if (error)
        throw *error;
}

CsvReader::CsvReader(const std::string& path, const TabularOptions& options) : TabularReader(path)
{
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw ErrorAt(0, 0, "impossible de l’ouvrir (vérifiez le chemin et les droits de lecture).");
    Start(std::make_unique<FileSource>(file), options);
}

CsvReader::CsvReader(const std::string& displayName, std::string content, const TabularOptions& options)
    : TabularReader(displayName)
{
    Start(std::make_unique<MemorySource>(std::move(content)), options);
}

CsvReader::~CsvReader() = default;

void CsvReader::Start(std::unique_ptr<Source> in, const TabularOptions& options)
{
    m_parser = std::make_unique<Parser>(*this);
    Parser& p = *m_parser;
    p.size = in->Size();
    p.encoding = options.encoding;
    if (p.encoding == TextEncoding::Auto) {
        p.encoding = DetectEncoding(*in);
        in->Rewind();
    }
    p.in = std::move(in);
    p.buffer.resize(BlockSizeFor(p.size));
    p.Refill();
    if (p.len >= 3 && std::equal(p.buffer.data(), p.buffer.data() + 3, "\xEF\xBB\xBF") &&
        options.encoding != TextEncoding::Windows1252) {
        p.pos = 3;
        p.encoding = TextEncoding::Utf8; // a BOM declares UTF-8, whatever follows
    }
    p.delimiter = options.delimiter != 0
                      ? options.delimiter
                      : DetectDelimiter(p.buffer.data() + p.pos, std::min(p.len - p.pos, kDetectionBytes));
    csv_set_delim(&p.csv, static_cast<unsigned char>(p.delimiter));
    csv_set_space_func(&p.csv, NeverSpace);
    csv_set_blk_size(&p.csv, 4096);
    while (!p.rowDone && p.Feed()) {
    }
    if (!p.rowDone)
        SetHeader({}, 0);
    p.rowDone = false;
    SetHeader(std::vector<std::string>(p.cells.begin(), p.cells.begin() + static_cast<long>(p.doneCount)),
              p.doneLine);
}

bool CsvReader::Next(std::vector<std::string>& cells)
{
    Parser& p = *m_parser;
    while (!p.rowDone && p.Feed()) {
    }
    if (!p.rowDone)
        return false;
    p.rowDone = false;
    m_line = p.doneLine;
    FitToHeader(p.cells, p.doneCount, cells);
    return true;
}

std::uint64_t CsvReader::Position() const { return m_parser->consumed + m_parser->pos; }
std::uint64_t CsvReader::Size() const { return m_parser->size; }
TextEncoding CsvReader::Encoding() const { return m_parser->encoding; }
char CsvReader::Delimiter() const { return m_parser->delimiter; }

char DetectDelimiter(const char* data, std::size_t size)
{
    constexpr char kCandidates[] = {';', ',', '\t'};
    constexpr std::size_t kMaxRecords = 20;
    std::vector<std::array<std::size_t, 3>> records;
    std::array<std::size_t, 3> counts{};
    bool quoted = false, empty = true;
    for (std::size_t i = 0; i < size && records.size() < kMaxRecords; ++i) {
        const char c = data[i];
        if (c == '"')
            quoted = !quoted; // a doubled quote toggles twice: still right
        else if (!quoted && (c == '\n' || c == '\r')) {
            if (!empty)
                records.push_back(counts);
            counts = {};
            empty = true;
            continue;
        } else if (!quoted) {
            for (int k = 0; k < 3; ++k)
                counts[k] += c == kCandidates[k];
        }
        empty = false;
    }
    if (records.empty() && !empty)
        records.push_back(counts); // a single line without a line break
    if (records.empty())
        return ',';
    int best = -1;
    for (int k = 0; k < 3; ++k) {
        const std::size_t first = records[0][k];
        const bool consistent = first > 0 && std::all_of(records.begin(), records.end(),
                                                         [&](const auto& r) { return r[k] == first; });
        if (consistent && (best < 0 || first > records[0][best]))
            best = k;
    }
    if (best < 0)
        for (int k = 0; k < 3; ++k)
            if (records[0][k] > 0 && (best < 0 || records[0][k] > records[0][best]))
                best = k;
    return best < 0 ? ',' : kCandidates[best];
}

} // namespace concerto
