// XLSX reading: libzip opens the archive, expat parses its XML parts. The small parts
// (workbook, relationships, styles, shared strings) are parsed whole at opening; the sheet is
// parsed 64 KiB at a time as rows are asked for. Expat callbacks never throw through expat's
// C frames: they record the first error and stop the parser, and the caller throws it.

#include "core/xlsx_reader.h"

#include "core/xlsx_values.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <string_view>

namespace concerto {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxColumns = 16384; // XFD, Excel's last column

std::string_view LocalName(const XML_Char* name)
{
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

/// The value of the attribute whose local name is `local`, or nullptr.
const char* Attribute(const XML_Char** attributes, std::string_view local)
{
    for (int i = 0; attributes[i]; i += 2)
        if (LocalName(attributes[i]) == local)
            return attributes[i + 1];
    return nullptr;
}

std::string AttributeOr(const XML_Char** attributes, std::string_view local, const char* fallback = "")
{
    const char* value = Attribute(attributes, local);
    return value ? value : fallback;
}

long long ParseInteger(const char* text, long long fallback)
{
    if (!text)
        return fallback;
    long long value = fallback;
    const auto end = text + std::strlen(text);
    const auto result = std::from_chars(text, end, value);
    return result.ec == std::errc() && result.ptr == end ? value : fallback;
}

/// Receives the events of one XML part; a handler stops the parse by setting `failure`.
struct XmlHandler {
    virtual ~XmlHandler() = default;
    virtual void Start(std::string_view, const XML_Char**) {}
    virtual void End(std::string_view) {}
    virtual void Text(const char*, int) {}
    XML_Parser parser = nullptr;
    std::optional<ValidationError> failure;

    void Fail(ValidationError error)
    {
        if (!failure)
            failure = std::move(error);
        XML_StopParser(parser, XML_FALSE);
    }
};

XML_Parser NewParser(XmlHandler& handler)
{
    XML_Parser parser = XML_ParserCreate(nullptr);
    handler.parser = parser;
    XML_SetUserData(parser, &handler);
    XML_SetElementHandler(
        parser,
        [](void* h, const XML_Char* name, const XML_Char** attributes) {
            static_cast<XmlHandler*>(h)->Start(LocalName(name), attributes);
        },
        [](void* h, const XML_Char* name) { static_cast<XmlHandler*>(h)->End(LocalName(name)); });
    XML_SetCharacterDataHandler(
        parser, [](void* h, const XML_Char* text, int length) { static_cast<XmlHandler*>(h)->Text(text, length); });
    return parser;
}

bool SameIgnoringAsciiCase(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

struct SheetEntry {
    std::string name, relationId, path;
};

struct WorkbookHandler : XmlHandler {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    void Start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "sheet")
            sheets.push_back({AttributeOr(attributes, "name"), AttributeOr(attributes, "id"), {}});
        else if (name == "workbookPr") {
            const std::string value = AttributeOr(attributes, "date1904");
            date1904 = value == "1" || value == "true";
        }
    }
};

struct RelationsHandler : XmlHandler {
    std::map<std::string, std::string> targets;
    void Start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "Relationship")
            targets[AttributeOr(attributes, "Id")] = AttributeOr(attributes, "Target");
    }
};

struct StylesHandler : XmlHandler {
    std::map<int, std::string> codes;
    std::vector<XlsxValueKind> kinds; // per index of cellXfs, the `s` of a cell
    bool inCellXfs = false;
    std::vector<int> formatIds;
    void Start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "numFmt")
            codes[static_cast<int>(ParseInteger(Attribute(attributes, "numFmtId"), -1))] =
                AttributeOr(attributes, "formatCode");
        else if (name == "cellXfs")
            inCellXfs = true;
        else if (name == "xf" && inCellXfs)
            formatIds.push_back(static_cast<int>(ParseInteger(Attribute(attributes, "numFmtId"), 0)));
    }
    void End(std::string_view name) override
    {
        if (name == "cellXfs")
            inCellXfs = false;
    }
    void Resolve()
    {
        for (int id : formatIds) {
            const auto code = codes.find(id);
            kinds.push_back(ClassifyNumberFormat(id, code == codes.end() ? std::string() : code->second));
        }
    }
};

// Collects the text of <t> elements, leaving out phonetic runs (<rPh>): shared strings and
// inline strings share it.
struct RichTextCollector {
    bool inText = false;
    int phonetic = 0;
    std::string text;
    void Start(std::string_view name)
    {
        if (name == "t")
            inText = true;
        else if (name == "rPh")
            ++phonetic;
    }
    void End(std::string_view name)
    {
        if (name == "t")
            inText = false;
        else if (name == "rPh")
            --phonetic;
    }
    void Text(const char* data, int length)
    {
        if (inText && phonetic == 0)
            text.append(data, static_cast<std::size_t>(length));
    }
};

struct SharedStringsHandler : XmlHandler {
    std::vector<std::string> strings;
    RichTextCollector collector;
    void Start(std::string_view name, const XML_Char**) override
    {
        if (name == "si")
            collector.text.clear();
        collector.Start(name);
    }
    void End(std::string_view name) override
    {
        collector.End(name);
        if (name == "si") {
            DecodeOoxmlEscapes(collector.text);
            strings.push_back(std::move(collector.text));
            collector.text.clear();
        }
    }
    void Text(const char* data, int length) override { collector.Text(data, length); }
};

} // namespace

namespace {

/// Turns the sheet's rows into rows of text cells, queued until the reader asks for them.
struct SheetHandler : XmlHandler {
    SheetHandler(const XlsxReader& reader, const std::vector<std::string>& shared,
                 const std::vector<XlsxValueKind>& kinds, bool date1904)
        : reader(reader), shared(shared), kinds(kinds), date1904(date1904)
    {
    }

    void Start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "row") {
            row = static_cast<std::uint64_t>(ParseInteger(Attribute(attributes, "r"), static_cast<long long>(row) + 1));
            cells.clear();
            column = 0;
        } else if (name == "c")
            StartCell(attributes);
        else if (name == "v")
            inValue = true;
        else if (inCell)
            inlineText.Start(name);
    }

    void End(std::string_view name) override
    {
        if (name == "v")
            inValue = false;
        else if (name == "c")
            EndCell();
        else if (name == "row")
            EndRow();
        else if (inCell)
            inlineText.End(name);
    }

    void Text(const char* data, int length) override
    {
        if (inValue)
            value.append(data, static_cast<std::size_t>(length));
        else if (inCell)
            inlineText.Text(data, length);
    }

    void StartCell(const XML_Char** attributes)
    {
        inCell = true;
        value.clear();
        inlineText.text.clear();
        type = AttributeOr(attributes, "t", "n");
        style = static_cast<std::size_t>(ParseInteger(Attribute(attributes, "s"), 0));
        const char* reference = Attribute(attributes, "r");
        std::size_t letters = 0;
        while (reference && letters < 4 && reference[letters] >= 'A' && reference[letters] <= 'Z')
            ++letters;
        if (letters == 0) {
            ++column;
        } else {
            column = 0;
            for (std::size_t i = 0; i < letters; ++i)
                column = column * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
        }
        if (column == 0 || column > kMaxColumns)
            Fail(reader.ErrorAt(row, 0, "référence de cellule invalide (" + AttributeOr(attributes, "r") + ")."));
    }

    void EndCell()
    {
        inCell = false;
        if (failure)
            return;
        std::string text = CellText();
        if (failure || text.empty())
            return;
        if (cells.size() < column)
            cells.resize(column);
        cells[column - 1] = std::move(text);
    }

    std::string CellText()
    {
        if (type == "s") {
            const long long index = ParseInteger(value.c_str(), -1);
            if (index < 0 || static_cast<std::size_t>(index) >= shared.size()) {
                Fail(reader.ErrorAt(row, column, "la cellule renvoie à un texte partagé inexistant."));
                return {};
            }
            return shared[static_cast<std::size_t>(index)];
        }
        if (type == "inlineStr") {
            DecodeOoxmlEscapes(inlineText.text);
            return std::move(inlineText.text);
        }
        if (type == "b")
            return value.empty() ? value : (value == "0" ? "false" : "true");
        if (type == "str") {
            DecodeOoxmlEscapes(value);
            return value;
        }
        if (type == "d") { // an ISO date stored as text (rare: strict OOXML)
            if (value.size() > 10 && value[10] == 'T')
                value[10] = ' ';
            return value;
        }
        if (type != "n" || value.empty())
            return value; // "e": the error text (#N/A…) as the sheet shows it
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end != '\0')
            return value;
        const XlsxValueKind kind = style < kinds.size() ? kinds[style] : XlsxValueKind::Number;
        return kind == XlsxValueKind::Number ? FormatNumber(number) : FormatSerial(number, kind, date1904);
    }

    void EndRow()
    {
        if (!cells.empty()) // rows with no value at all (formatting only) are blank lines
            ready.emplace_back(row, std::move(cells));
        cells.clear();
    }

    const XlsxReader& reader;
    const std::vector<std::string>& shared;
    const std::vector<XlsxValueKind>& kinds;
    const bool date1904;
    std::uint64_t row = 0;
    std::size_t column = 0, style = 0;
    bool inCell = false, inValue = false;
    std::string type, value;
    RichTextCollector inlineText;
    std::vector<std::string> cells;
    std::deque<std::pair<std::uint64_t, std::vector<std::string>>> ready;
};

} // namespace

struct XlsxReader::Workbook {
    explicit Workbook(XlsxReader& reader) : owner(reader) {}
    ~Workbook()
    {
        if (sheetParser)
            XML_ParserFree(sheetParser);
        if (sheetFile)
            zip_fclose(sheetFile);
        if (zip)
            zip_discard(zip);
    }

    void Open(const std::string* path);
    zip_file_t* OpenEntry(const std::string& name);
    template <typename Handler> Handler Parse(const std::string& name, bool required);
    void ChooseSheet(const std::string& wanted);
    bool Pump();

    XlsxReader& owner;
    std::string content; // the archive itself when read from memory
    zip_t* zip = nullptr;
    WorkbookHandler book;
    SheetEntry sheet;
    std::vector<std::string> shared;
    std::vector<XlsxValueKind> kinds;
    std::unique_ptr<SheetHandler> sheetHandler;
    XML_Parser sheetParser = nullptr;
    zip_file_t* sheetFile = nullptr;
    std::uint64_t sheetSize = 0, sheetRead = 0;
    bool sheetDone = false;
    std::vector<char> chunk = std::vector<char>(kChunk);
};

void XlsxReader::Workbook::Open(const std::string* path)
{
    int code = 0;
    if (path)
        zip = zip_open(path->c_str(), ZIP_RDONLY, &code);
    else {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(content.data(), content.size(), 0, &error);
        if (source) {
            zip = zip_open_from_source(source, ZIP_RDONLY, &error);
            if (!zip)
                zip_source_free(source);
        }
        code = zip_error_code_zip(&error);
        zip_error_fini(&error);
    }
    if (zip)
        return;
    if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ)
        throw owner.ErrorAt(0, 0, "impossible de l’ouvrir (vérifiez le chemin et les droits de lecture).");
    throw owner.ErrorAt(0, 0,
                        "ce n’est pas un classeur XLSX lisible (l’archive ZIP est invalide ou endommagée)\u202f; "
                        "enregistrez-le de nouveau au format .xlsx ou .csv.");
}

zip_file_t* XlsxReader::Workbook::OpenEntry(const std::string& name)
{
    return zip_fopen(zip, name.c_str(), ZIP_FL_NOCASE);
}

template <typename Handler> Handler XlsxReader::Workbook::Parse(const std::string& name, bool required)
{
    Handler handler;
    zip_file_t* file = OpenEntry(name);
    if (!file) {
        if (required)
            throw owner.ErrorAt(0, 0, "ce n’est pas un classeur XLSX (la partie " + name + " manque).");
        return handler;
    }
    XML_Parser parser = NewParser(handler);
    std::string problem;
    for (;;) {
        const zip_int64_t read = zip_fread(file, chunk.data(), chunk.size());
        if (read < 0) {
            problem = "l’archive est endommagée";
            break;
        }
        if (XML_Parse(parser, chunk.data(), static_cast<int>(read), read == 0) != XML_STATUS_OK) {
            if (!handler.failure)
                problem = std::string("XML mal formé\u00a0: ") + XML_ErrorString(XML_GetErrorCode(parser)) +
                          ", ligne XML " + std::to_string(XML_GetCurrentLineNumber(parser));
            break;
        }
        if (read == 0)
            break;
    }
    XML_ParserFree(parser);
    zip_fclose(file);
    if (handler.failure)
        throw *handler.failure;
    if (!problem.empty())
        throw owner.ErrorAt(0, 0, "la partie " + name + " est illisible (" + problem + ").");
    handler.parser = nullptr;
    return handler;
}

void XlsxReader::Workbook::ChooseSheet(const std::string& wanted)
{
    if (book.sheets.empty())
        throw owner.ErrorAt(0, 0, "le classeur n’a aucune feuille.");
    const SheetEntry* found = wanted.empty() ? &book.sheets.front() : nullptr;
    for (const auto& entry : book.sheets)
        if (!found && entry.name == wanted)
            found = &entry;
    for (const auto& entry : book.sheets) // "feuil1" for "Feuil1" on a command line
        if (!found && SameIgnoringAsciiCase(entry.name, wanted))
            found = &entry;
    if (!found) {
        std::string names;
        for (const auto& entry : book.sheets)
            names += (names.empty() ? "" : ", ") + QuoteFrench(entry.name);
        throw owner.ErrorAt(0, 0, "la feuille " + QuoteFrench(wanted) + " n’existe pas (feuilles du classeur\u00a0: " +
                                      names + ").");
    }
    sheet = *found;
    const auto relations = Parse<RelationsHandler>("xl/_rels/workbook.xml.rels", false);
    const auto target = relations.targets.find(sheet.relationId);
    if (target == relations.targets.end())
        sheet.path = "xl/worksheets/sheet" + std::to_string(found - book.sheets.data() + 1) + ".xml";
    else if (!target->second.empty() && target->second[0] == '/')
        sheet.path = target->second.substr(1);
    else
        sheet.path = "xl/" + target->second;
}

// Parses the next chunk of the sheet; false once the sheet is over.
bool XlsxReader::Workbook::Pump()
{
    if (sheetDone)
        return false;
    const zip_int64_t read = zip_fread(sheetFile, chunk.data(), chunk.size());
    if (read < 0)
        throw owner.ErrorAt(0, 0, "la feuille est illisible (l’archive est endommagée).");
    sheetRead += static_cast<std::uint64_t>(read);
    sheetDone = read == 0;
    if (XML_Parse(sheetParser, chunk.data(), static_cast<int>(read), sheetDone) != XML_STATUS_OK) {
        if (sheetHandler->failure)
            throw *sheetHandler->failure;
        throw owner.ErrorAt(0, 0,
                            std::string("le contenu de la feuille est illisible (XML mal formé\u00a0: ") +
                                XML_ErrorString(XML_GetErrorCode(sheetParser)) + ", ligne XML " +
                                std::to_string(XML_GetCurrentLineNumber(sheetParser)) + ").");
    }
    return true;
}

XlsxReader::XlsxReader(const std::string& path, const TabularOptions& options)
    : TabularReader(path), m_workbook(std::make_unique<Workbook>(*this))
{
    m_workbook->Open(&path);
    Start(options);
}

XlsxReader::XlsxReader(const std::string& displayName, std::string content, const TabularOptions& options)
    : TabularReader(displayName), m_workbook(std::make_unique<Workbook>(*this))
{
    m_workbook->content = std::move(content);
    m_workbook->Open(nullptr);
    Start(options);
}

XlsxReader::~XlsxReader() = default;

void XlsxReader::Start(const TabularOptions& options)
{
    Workbook& w = *m_workbook;
    w.book = w.Parse<WorkbookHandler>("xl/workbook.xml", true);
    w.ChooseSheet(options.sheet);
    m_context = "feuille " + QuoteFrench(w.sheet.name);
    w.shared = w.Parse<SharedStringsHandler>("xl/sharedStrings.xml", false).strings;
    auto styles = w.Parse<StylesHandler>("xl/styles.xml", false);
    styles.Resolve();
    w.kinds = std::move(styles.kinds);

    zip_stat_t stat;
    zip_stat_init(&stat);
    w.sheetFile = w.OpenEntry(w.sheet.path);
    if (!w.sheetFile)
        throw ErrorAt(0, 0, "la feuille est introuvable dans l’archive (" + w.sheet.path + ").");
    if (zip_stat(w.zip, w.sheet.path.c_str(), ZIP_FL_NOCASE, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE))
        w.sheetSize = stat.size;
    w.sheetHandler = std::make_unique<SheetHandler>(*this, w.shared, w.kinds, w.book.date1904);
    w.sheetParser = NewParser(*w.sheetHandler);
    while (w.sheetHandler->ready.empty() && w.Pump()) {
    }
    if (w.sheetHandler->ready.empty())
        SetHeader({}, 0);
    auto& [line, header] = w.sheetHandler->ready.front();
    SetHeader(std::move(header), line);
    w.sheetHandler->ready.pop_front();
}

bool XlsxReader::Next(std::vector<std::string>& cells)
{
    Workbook& w = *m_workbook;
    while (w.sheetHandler->ready.empty() && w.Pump()) {
    }
    if (w.sheetHandler->ready.empty())
        return false;
    auto& [line, row] = w.sheetHandler->ready.front();
    m_line = line;
    FitToHeader(row, row.size(), cells);
    w.sheetHandler->ready.pop_front();
    return true;
}

std::uint64_t XlsxReader::Position() const { return m_workbook->sheetRead; }
std::uint64_t XlsxReader::Size() const { return m_workbook->sheetSize; }
std::string XlsxReader::ColumnLabel(std::size_t column) const { return ColumnLetters(column); }
const std::string& XlsxReader::SheetName() const { return m_workbook->sheet.name; }

std::vector<std::string> XlsxReader::SheetNames() const
{
    std::vector<std::string> names;
    for (const auto& entry : m_workbook->book.sheets)
        names.push_back(entry.name);
    return names;
}

std::string ColumnLetters(std::size_t column)
{
    std::string letters;
    for (; column > 0; column = (column - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
    return letters;
}

} // namespace concerto
