#pragma once
// CSV reader (RFC 4180 through libcsv): quoted fields may hold delimiters, doubled quotes and
// line breaks; lines end in CRLF, LF or CR. The encoding (UTF-8 with or without BOM, or
// Windows-1252) and the delimiter (, ; or tab) are detected unless given. Cells come out as
// UTF-8. Streaming: the file is read in 1 MiB blocks, one record at a time.

#include "core/tabular.h"

#include <memory>

namespace concerto {

/// Reads a CSV file as a table. Construction reads the header row.
class CsvReader final : public TabularReader {
public:
    /// Opens `path`. Throws ValidationError if it cannot be read or has no header row.
    explicit CsvReader(const std::string& path, const TabularOptions& options = {});
    /// Reads `content` held in memory; `displayName` names it in messages (tests, fuzzing).
    CsvReader(const std::string& displayName, std::string content, const TabularOptions& options = {});
    ~CsvReader() override;

    bool Next(std::vector<std::string>& cells) override;
    std::uint64_t Position() const override;
    std::uint64_t Size() const override;

    /// The encoding used (detected or given); never Auto.
    TextEncoding Encoding() const;
    /// The delimiter used (detected or given).
    char Delimiter() const;

    struct Source; ///< where the bytes come from (internal)

private:
    struct Parser;
    void Start(std::unique_ptr<Source> in, const TabularOptions& options);
    std::unique_ptr<Parser> m_parser;
};

/// Guesses the delimiter of CSV text from its first records: the one of ';' ',' '\t' found
/// outside quotes the same non-zero number of times on every line (the most frequent if
/// several are), else the most frequent on the first line, else ','.
char DetectDelimiter(const char* data, std::size_t size);

} // namespace concerto
