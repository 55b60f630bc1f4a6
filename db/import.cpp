// RunImport: the frame of an import (see db/import.h). The file is opened and its header bound
// to the mapping before anything touches the database; then, in one transaction, the rows are
// read into staging tables (import_read.cpp), classified and applied (import_apply.cpp). A dry
// run works inside a savepoint it rolls back, so that it sees exactly what a real run would do.
// Also the report's summary, the rejects file and the mappings saved in app_setting.

#include "core/text.h"
#include "db/coding_support.h"
#include "db/export_sink.h"
#include "db/import_internal.h"
#include "db/repositories.h"

#include <cstdio>

namespace concerto {

using namespace import_detail;

namespace {

constexpr std::size_t kMaxRejections = 1000;

/// « 1 créée » / « 3 créées »: the count and the word, plural when needed.
std::string Counted(std::uint64_t count, const char* singular, const char* plural)
{
    return coding::FormatCount(static_cast<long long>(count)) + " " + (count > 1 ? plural : singular);
}

void CheckConsultation(Database& db, const std::string& consultationId)
{
    long long found = 0;
    if (IsUuid(consultationId))
        QueryRows(db, "SELECT COUNT(*) FROM consultation WHERE id = :id", Params{{"id", consultationId}},
                  [&](const soci::row& row) { found = Cell::Integer(row, 0); });
    if (found == 0)
        throw NotFoundError("Consultation introuvable : l'import a besoin d'une consultation existante.");
}

void Run(Database& db, const char* sql)
{
    Bindings none;
    Execute(db, sql, none);
}

/// Releases the import's savepoint, first undoing its work when `undo`.
void LeaveSavepoint(Database& db, bool undo)
{
    if (undo)
        Run(db, "ROLLBACK TO SAVEPOINT concerto_import");
    Run(db, "RELEASE SAVEPOINT concerto_import");
}

} // namespace

namespace import_detail {

RejectsWriter::RejectsWriter(std::string path, std::vector<std::string> header)
    : m_path(std::move(path)), m_header(std::move(header))
{
    m_out.open(m_path, std::ios::binary | std::ios::trunc);
    if (!m_out)
        throw ValidationError("Le fichier des lignes refusées " + QuoteFrench(m_path) + " ne peut pas être écrit.");
    for (const auto& name : m_header)
        Cell(name, false);
    Cell("ligne", false);
    Cell("erreur", true);
}

void RejectsWriter::Cell(const std::string& text, bool last)
{
    m_out << exporting::CsvField(text) << (last ? "\r\n" : ",");
}

void RejectsWriter::Write(std::uint64_t line, const std::vector<std::string>& cells, const std::string& error)
{
    for (std::size_t i = 0; i < m_header.size(); ++i)
        Cell(i < cells.size() ? cells[i] : std::string(), false);
    Cell(std::to_string(line), false);
    Cell(error, true);
}

void RejectsWriter::Close()
{
    m_out.close();
    if (m_out.fail())
        throw ValidationError("Le fichier des lignes refusées " + QuoteFrench(m_path) + " n'a pas pu être écrit.");
}

/// Removes a partial rejects file when the import does not complete.
void RejectsWriter::Discard()
{
    m_out.close();
    std::remove(m_path.c_str());
}

void ImportRun::Reject(std::uint64_t line, const std::vector<std::string>& cells, const std::string& message,
                       ReadOutcome& outcome)
{
    ++outcome.rejected;
    if (outcome.firstError.empty())
        outcome.firstError = message;
    if (report.rejections.size() < kMaxRejections)
        report.rejections.push_back({line, message});
    if (rejects)
        rejects->Write(line, cells, message);
}

void ImportRun::CheckCancel() const
{
    if (progress.IsCancelled())
        throw CancelledError();
}

} // namespace import_detail

std::string ImportReport::Summary() const
{
    std::string text = Counted(rows, "ligne lue", "lignes lues") + " : " + Counted(created, "créée", "créées") + ", " +
                       Counted(updated, "modifiée", "modifiées") + ", " + Counted(unchanged, "inchangée", "inchangées") +
                       ", " + Counted(rejected, "refusée", "refusées") + ".";
    if (dryRun)
        text += " Simulation : rien n'a été enregistré.";
    return text;
}

ImportReport RunImport(Database& db, const std::string& path, const ImportOptions& options, Progress& progress)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    CheckConsultation(db, options.consultationId);
    auto reader = OpenTabular(path, options.file);
    const ColumnMapping mapping = options.mapping ? *options.mapping : NativeMapping(options.kind);
    if (mapping.kind != options.kind)
        throw ValidationError("La correspondance de colonnes " + QuoteFrench(mapping.name) + " est faite pour les " +
                              FrenchName(mapping.kind) + ", pas pour les " + FrenchName(options.kind) + ".");
    const BoundMapping bound(mapping, *reader);
    const KindSpec& spec = SpecOf(options.kind);
    std::unique_ptr<RejectsWriter> rejects;
    if (!options.rejectsPath.empty() && (options.skipInvalid || options.dryRun))
        rejects = std::make_unique<RejectsWriter>(options.rejectsPath, reader->Header());
    try {
        db.InTransaction([&] {
            // A savepoint, so that a dry run — or a failure inside a caller's own transaction —
            // undoes exactly the import's work.
            Run(db, "SAVEPOINT concerto_import");
            try {
                References refs(db, options.consultationId, options.kind, options.createMissing);
                CreateStage(db, spec);
                ImportRun run{db, options, progress, *reader, bound, refs, report, rejects.get()};
                const ReadOutcome outcome = ReadRows(run, spec);
                report.rows = outcome.rows;
                report.rejected = outcome.rejected;
                if (outcome.rejected > 0 && !options.skipInvalid && !options.dryRun)
                    throw ValidationError(outcome.firstError + " — " +
                                          Counted(outcome.rejected, "ligne refusée", "lignes refusées") +
                                          " en tout ; rien n'a été enregistré.");
                ClassifyAndApply(run, spec);
            } catch (...) {
                try {
                    LeaveSavepoint(db, true);
                } catch (const Error&) {
                    // The connection failed too: the transaction's rollback undoes the work, and the
                    // first error is the one to report.
                }
                throw;
            }
            LeaveSavepoint(db, options.dryRun);
        });
    } catch (...) {
        if (rejects)
            rejects->Discard();
        throw;
    }
    if (rejects)
        rejects->Close();
    return report;
}

// Saved mappings.

namespace {

std::string MappingPrefix(ImportKind kind) { return std::string("import.mapping.") + ToCode(kind) + "."; }

bool IsPresetName(ImportKind kind, const std::string& name)
{
    for (const auto& preset : PresetNames(kind))
        if (Fold(preset) == Fold(name))
            return true;
    return false;
}

} // namespace

std::vector<ColumnMapping> ListSavedMappings(Database& db, ImportKind kind)
{
    const std::string prefix = MappingPrefix(kind);
    std::vector<std::pair<std::string, std::string>> stored;
    QueryRows(db, "SELECT key, value FROM app_setting WHERE key LIKE :p ORDER BY key", Params{{"p", prefix + "%"}},
              [&](const soci::row& row) {
                  const std::string key = Cell::Text(row, 0);
                  if (key.compare(0, prefix.size(), prefix) == 0)
                      stored.emplace_back(key.substr(prefix.size()), Cell::Text(row, 1));
              });
    std::vector<ColumnMapping> mappings;
    for (const auto& [name, text] : stored) {
        try {
            mappings.push_back(ColumnMapping::Parse(name, kind, text));
        } catch (const ValidationError&) {
            // A mapping saved by a newer version with fields this one does not know: not offered.
        }
    }
    return mappings;
}

void SaveMapping(Database& db, const ColumnMapping& mapping)
{
    const std::string name = coding::TrimmedName(mapping.name);
    if (name.empty())
        throw ValidationError("Donnez un nom à la correspondance de colonnes pour l'enregistrer.");
    if (IsPresetName(mapping.kind, name))
        throw ValidationError("Le nom " + QuoteFrench(name) + " est celui d'un modèle fourni ; choisissez-en un autre.");
    SettingRepository(db).SetValue(MappingPrefix(mapping.kind) + name, mapping.Serialize());
}

void DeleteSavedMapping(Database& db, ImportKind kind, const std::string& name)
{
    Bindings params;
    params.Text("k", MappingPrefix(kind) + coding::TrimmedName(name));
    Execute(db, "DELETE FROM app_setting WHERE key = :k", params);
}

ColumnMapping ResolveMapping(Database& db, ImportKind kind, const std::string& name)
{
    if (auto preset = FindPreset(name, kind))
        return *preset;
    const auto saved = ListSavedMappings(db, kind);
    for (const auto& mapping : saved)
        if (mapping.name == coding::TrimmedName(name))
            return mapping;
    std::string names;
    for (const auto& preset : PresetNames(kind))
        names += (names.empty() ? "" : ", ") + preset;
    for (const auto& mapping : saved)
        names += (names.empty() ? "" : ", ") + mapping.name;
    throw NotFoundError("Correspondance de colonnes inconnue : " + QuoteFrench(name) + " (" +
                        (names.empty() ? std::string("aucune n'est enregistrée pour les ") + FrenchName(kind)
                                       : "disponibles : " + names) +
                        ").");
}

} // namespace concerto
