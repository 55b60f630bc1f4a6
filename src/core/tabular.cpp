// The parts of the tabular readers that do not depend on the format: messages naming the
// place of an error, header handling, and choosing a reader for a file.

#include "core/tabular.h"

#include "core/csv_reader.h"
#include "core/xlsx_reader.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace concerto {

namespace {

const char* const kNbsp = "\u00a0";

std::string BaseName(const std::string& path)
{
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool EndsWithNoCase(const std::string& text, const std::string& suffix)
{
    if (text.size() < suffix.size())
        return false;
    return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

} // namespace

std::string QuoteFrench(const std::string& text) { return std::string("«") + kNbsp + text + kNbsp + "»"; }

TabularReader::TabularReader(const std::string& path, std::string context)
    : m_context(std::move(context)), m_fileName(BaseName(path))
{
}

std::string TabularReader::ColumnLabel(std::size_t column) const { return std::to_string(column); }

ValidationError TabularReader::ErrorAt(std::uint64_t line, std::size_t column, const std::string& message) const
{
    std::string place = "Fichier " + QuoteFrench(m_fileName);
    if (!m_context.empty())
        place += ", " + m_context;
    if (line > 0)
        place += ", ligne " + std::to_string(line);
    if (column > 0) {
        place += ", colonne " + ColumnLabel(column);
        if (column <= m_header.size() && !m_header[column - 1].empty())
            place += " (" + QuoteFrench(m_header[column - 1]) + ")";
    }
    return ValidationError(place + kNbsp + ": " + message);
}

void TabularReader::SetHeader(std::vector<std::string> header, std::uint64_t line)
{
    while (!header.empty() && header.back().empty())
        header.pop_back();
    if (header.empty())
        throw ErrorAt(0, 0, "le fichier est vide (aucune ligne d’en-tête).");
    m_header = std::move(header);
    m_line = line;
}

void TabularReader::FitToHeader(std::vector<std::string>& row, std::size_t count,
                                std::vector<std::string>& cells) const
{
    for (std::size_t i = m_header.size(); i < count; ++i)
        if (!row[i].empty())
            throw ErrorAt(m_line, i + 1,
                          "cette ligne a plus de cellules que l’en-tête (" + std::to_string(m_header.size()) +
                              " colonnes)\u202f; vérifiez le séparateur et les guillemets.");
    cells.resize(m_header.size());
    const std::size_t common = std::min(count, m_header.size());
    for (std::size_t i = 0; i < common; ++i)
        cells[i].swap(row[i]);
    for (std::size_t i = common; i < cells.size(); ++i)
        cells[i].clear();
}

std::unique_ptr<TabularReader> OpenTabular(const std::string& path, const TabularOptions& options)
{
    char magic[4] = {};
    {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw ValidationError("Fichier " + QuoteFrench(BaseName(path)) + kNbsp +
                                  ": impossible de l’ouvrir (vérifiez le chemin et les droits de lecture).");
        in.read(magic, 4);
    }
    const std::string signature(magic, 4);
    if (signature == std::string("\xD0\xCF\x11\xE0", 4))
        throw ValidationError("Fichier " + QuoteFrench(BaseName(path)) + kNbsp +
                              ": l’ancien format Excel .xls n’est pas pris en charge ; enregistrez-le au format "
                              ".xlsx ou .csv.");
    if (EndsWithNoCase(path, ".xlsx") || signature == std::string("PK\x03\x04", 4))
        return std::make_unique<XlsxReader>(path, options);
    return std::make_unique<CsvReader>(path, options);
}

} // namespace concerto
