#pragma once
// Helpers of the import tests (test_import*.cpp): files written into the test's temporary
// folder, one call to import them into a Sample consultation, a Progress that cancels, and the
// database read back with plain SQL (coding_fixture.h).

#include "coding_fixture.h"
#include "db/import.h"
#include "support/dump.h"

#include <fstream>
#include <sstream>

namespace concerto::test {

/// Writes `bytes` as they are into a new file of the temporary folder; returns its path.
inline std::string WriteImportFile(const std::string& name, const std::string& bytes)
{
    static int counter = 0;
    const std::string path = TempFolder() + "/" + std::to_string(++counter) + "-" + name;
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return path;
}

/// The whole content of a file.
inline std::string ReadWholeFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// Options for `kind` into the sample's consultation.
inline ImportOptions OptionsFor(const Sample& s, ImportKind kind)
{
    ImportOptions options;
    options.kind = kind;
    options.consultationId = s.consultation.id;
    return options;
}

/// Imports `content` (written as `name`) with `options`.
inline ImportReport ImportText(Database& db, const std::string& name, const std::string& content,
                               const ImportOptions& options)
{
    SilentProgress progress;
    return RunImport(db, WriteImportFile(name, content), options, progress);
}

/// The message of the ValidationError an import throws ("" when it does not throw one).
inline std::string RefusalOf(Database& db, const std::string& name, const std::string& content,
                             const ImportOptions& options)
{
    try {
        ImportText(db, name, content, options);
    } catch (const ValidationError& error) {
        return error.what();
    }
    return {};
}

/// A Progress that asks to stop from its `after`-th poll on.
class CancellingProgress final : public Progress {
public:
    explicit CancellingProgress(int after) : m_after(after) {}
    void Begin(const std::string& phase, std::uint64_t) override { phases.push_back(phase); }
    void Advance(std::uint64_t) override {}
    bool IsCancelled() const override { return ++m_polls >= m_after; }
    std::vector<std::string> phases;

private:
    int m_after;
    mutable int m_polls = 0;
};

/// True when `text` contains `part`.
inline bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace concerto::test
