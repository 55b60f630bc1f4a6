#include "db/export_sink.h"

#include "core/errors.h"
#include "core/text.h"

#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <clocale>
#include <locale.h>
#define CONCERTO_EXPORT_USELOCALE 1
#endif

namespace concerto::exporting {

namespace {

/// Excel's limits: characters in a cell, rows below the header.
constexpr std::size_t kMaxCellCharacters = 32767;
constexpr std::size_t kMaxDataRows = 1048575;

/// Hidden, next to the target so that the final rename stays on one file system (atomic).
std::string TemporaryPathFor(const std::string& path)
{
    const std::filesystem::path target(path);
    return (target.parent_path() / ("." + target.filename().string() + "." + NewUuid().substr(0, 8) + ".part"))
        .string();
}

void RenameInto(const std::string& temporary, const std::string& path)
{
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
        throw Error("Le fichier « " + path + " » ne peut pas être remplacé : vérifiez qu'il n'est pas ouvert "
                    "ailleurs et que vous pouvez écrire dans ce dossier.",
                    error.message());
}

std::size_t Utf8Characters(const std::string& text)
{
    std::size_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

std::string CannotWrite(const std::string& path)
{
    return "Le fichier « " + path + " » ne peut pas être écrit : vérifiez que le dossier existe, que vous pouvez y "
                                    "écrire et que le disque n'est pas plein.";
}

bool EndsWithXlsx(const std::string& path)
{
    return path.size() >= 5 && Fold(path.substr(path.size() - 5)) == ".xlsx";
}

/// libxlsxwriter prints numbers (widths, margins) with printf: under a French LC_NUMERIC it would
/// write "0,7" and Excel would refuse the file. The C numeric locale on this thread meanwhile.
class CNumericLocale {
public:
    CNumericLocale()
    {
#ifdef CONCERTO_EXPORT_USELOCALE
        m_c = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
        if (m_c)
            m_previous = uselocale(m_c);
#endif
    }
    ~CNumericLocale()
    {
#ifdef CONCERTO_EXPORT_USELOCALE
        if (m_c) {
            uselocale(m_previous);
            freelocale(m_c);
        }
#endif
    }
    CNumericLocale(const CNumericLocale&) = delete;
    CNumericLocale& operator=(const CNumericLocale&) = delete;

private:
#ifdef CONCERTO_EXPORT_USELOCALE
    locale_t m_c = nullptr;
    locale_t m_previous = nullptr;
#endif
};

class CsvSink final : public TableSink {
public:
    explicit CsvSink(const std::string& path) : m_path(path), m_temporary(TemporaryPathFor(path))
    {
        m_file = std::fopen(m_temporary.c_str(), "wb");
        if (!m_file)
            throw Error(CannotWrite(path), std::strerror(errno));
        Write("\xEF\xBB\xBF"); // the BOM tells Excel the file is UTF-8
    }
    ~CsvSink() override
    {
        if (m_file)
            std::fclose(m_file);
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
    }

    void Header(const std::vector<std::string>& names) override { Row(names, {}); }

    void Row(const std::vector<std::string>& cells, const std::string&) override
    {
        m_line.clear();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i)
                m_line += ',';
            m_line += CsvField(cells[i]);
        }
        m_line += "\r\n";
        Write(m_line);
    }

    void Commit() override
    {
        const bool failed = std::fflush(m_file) != 0 || std::ferror(m_file);
        const int closed = std::fclose(m_file);
        m_file = nullptr;
        if (failed || closed != 0)
            throw Error("Le fichier « " + m_path + " » n'a pas pu être écrit en entier (disque plein ?).");
        RenameInto(m_temporary, m_path);
    }

private:
    void Write(const std::string& text)
    {
        if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size())
            throw Error(CannotWrite(m_path), std::strerror(errno));
    }

    std::string m_path, m_temporary;
    std::FILE* m_file = nullptr;
    std::string m_line;
};

class XlsxSink final : public TableSink {
public:
    XlsxSink(const std::string& path, const std::string& sheetName, const std::vector<double>& widths)
        : m_path(path), m_temporary(TemporaryPathFor(path)), m_widths(widths)
    {
        // libxlsxwriter creates its file only when closing: find out now that the folder is writable.
        std::FILE* probe = std::fopen(m_temporary.c_str(), "wb");
        if (!probe)
            throw Error(CannotWrite(path), std::strerror(errno));
        std::fclose(probe);
        CNumericLocale c;
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE; // rows go to disk as they are written
        options.use_zip64 = LXW_TRUE;
        m_book = workbook_new_opt(m_temporary.c_str(), &options);
        if (!m_book)
            throw Error(CannotWrite(path));
        m_sheet = workbook_add_worksheet(m_book, sheetName.c_str());
        // Text cells: a spreadsheet that re-saves the file keeps "007" and "2024-05-12 …" as typed.
        m_text = workbook_add_format(m_book);
        format_set_num_format(m_text, "@");
        m_bold = workbook_add_format(m_book);
        format_set_num_format(m_bold, "@");
        format_set_bold(m_bold);
        if (!m_sheet || !m_text || !m_bold)
            throw Error(CannotWrite(path));
        for (std::size_t i = 0; i < m_widths.size(); ++i)
            Check(worksheet_set_column(m_sheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), m_widths[i],
                                       m_text));
        worksheet_freeze_panes(m_sheet, 1, 0);
    }
    ~XlsxSink() override
    {
        if (m_book)
            lxw_workbook_free(m_book);
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
    }

    void Header(const std::vector<std::string>& names) override
    {
        Write(names, m_bold, {});
        if (!names.empty())
            worksheet_autofilter(m_sheet, 0, 0, 0, static_cast<lxw_col_t>(names.size() - 1));
    }

    void Row(const std::vector<std::string>& cells, const std::string& what) override
    {
        if (m_row > kMaxDataRows)
            throw ValidationError("Plus de 1 048 575 lignes : Excel n'en accepte pas autant dans une feuille. "
                                  "Exportez en CSV.");
        Write(cells, m_text, what);
    }

    void Commit() override
    {
        CNumericLocale c;
        lxw_workbook* book = m_book;
        m_book = nullptr; // workbook_close frees it, whatever it returns
        const lxw_error error = workbook_close(book);
        if (error != LXW_NO_ERROR)
            throw Error(CannotWrite(m_path), lxw_strerror(error));
        RenameInto(m_temporary, m_path);
    }

private:
    void Write(const std::vector<std::string>& cells, lxw_format* format, const std::string& what)
    {
        CNumericLocale c;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (cells[i].empty())
                continue; // a blank cell reads back as ""
            if (Utf8Characters(cells[i]) > kMaxCellCharacters)
                throw ValidationError("Le texte de " + what + " dépasse 32 767 caractères, la limite d'une cellule "
                                                              "Excel : exportez en CSV pour le garder entier.");
            Check(worksheet_write_string(m_sheet, m_row, static_cast<lxw_col_t>(i), cells[i].c_str(), format));
        }
        ++m_row;
    }

    void Check(lxw_error error) const
    {
        if (error != LXW_NO_ERROR)
            throw Error(CannotWrite(m_path), lxw_strerror(error));
    }

    std::string m_path, m_temporary;
    std::vector<double> m_widths;
    lxw_workbook* m_book = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_text = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_row_t m_row = 0;
};

} // namespace

std::string CsvField(const std::string& field)
{
    const bool spaced = !field.empty() && (field.front() == ' ' || field.back() == ' ');
    if (!spaced && field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string quoted = "\"";
    for (const char c : field) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::unique_ptr<TableSink> OpenSink(const std::string& path, const std::string& sheetName,
                                    const std::vector<double>& widths)
{
    if (EndsWithXlsx(path))
        return std::make_unique<XlsxSink>(path, sheetName, widths);
    return std::make_unique<CsvSink>(path);
}

} // namespace concerto::exporting
