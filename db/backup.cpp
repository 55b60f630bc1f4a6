#include "db/backup.h"

#include "core/errors.h"
#include "db/database.h"

#include <chrono>
#include <filesystem>
#include <soci/sqlite3/soci-sqlite3.h>
#include <system_error>
#include <thread>

namespace fs = std::filesystem;

namespace concerto {

namespace {

// How long the copy waits for a writer of the source to finish before giving up.
constexpr int kBusyRetries = 200;
constexpr std::chrono::milliseconds kBusyPause(50);

/// The destination connection, closed however the copy ends.
struct Destination {
    sqlite_api::sqlite3* handle = nullptr;
    ~Destination() { sqlite_api::sqlite3_close_v2(handle); }
};

bool SameFile(const fs::path& a, const fs::path& b)
{
    std::error_code error;
    if (fs::exists(a, error) && fs::exists(b, error))
        return fs::equivalent(a, b, error);
    return fs::weakly_canonical(a, error) == fs::weakly_canonical(b, error);
}

void RemoveQuietly(const fs::path& path)
{
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        fs::remove(path.string() + suffix, ignored);
}

/// Copies every page of `source` into the open `destination` as of one instant.
void CopyPages(sqlite_api::sqlite3* source, sqlite_api::sqlite3* destination)
{
    sqlite_api::sqlite3_backup* backup = sqlite_api::sqlite3_backup_init(destination, "main", source, "main");
    if (!backup)
        throw DatabaseError("La copie de la base n'a pas pu commencer.", sqlite_api::sqlite3_errmsg(destination));
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < kBusyRetries; ++attempt) {
        // All pages in one step: a single read snapshot, so that the copy is consistent even
        // while other connections write.
        rc = sqlite_api::sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        std::this_thread::sleep_for(kBusyPause);
    }
    sqlite_api::sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw DatabaseError(rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                                ? "La base est occupée par une longue opération\u00a0: la copie n'a pas pu être faite. "
                                  "Réessayez dans un instant."
                                : "La copie de la base n'a pas pu être écrite (disque plein ou droits insuffisants "
                                  "sur le dossier choisi\u202f?).",
                            sqlite_api::sqlite3_errstr(rc));
}

} // namespace

void BackupSqlite(Database& db, const std::string& destinationPath)
{
    if (db.GetBackend() != Backend::Sqlite)
        throw ValidationError(
            "«\u00a0Enregistrer une copie\u00a0» ne s'applique qu'aux bases enregistrées sur cet ordinateur "
            "(SQLite). Une base PostgreSQL partagée se sauvegarde sur le serveur, avec pg_dump, "
            "par son administrateur.");
    const fs::path destination(destinationPath);
    if (destinationPath.empty() || SameFile(destination, fs::path(db.GetLocation().target)))
        throw ValidationError("Choisissez pour la copie un autre fichier que la base ouverte.");
    if (destination.has_parent_path() && !fs::is_directory(destination.parent_path()))
        throw ValidationError("Le dossier «\u00a0" + destination.parent_path().string() + "\u00a0» n'existe pas.");

    // Written beside the destination, then renamed over it: a failed copy never leaves a
    // truncated file, nor destroys an older copy of the same name.
    const fs::path partial = destination.string() + ".partial";
    RemoveQuietly(partial);
    try {
        Destination target;
        if (sqlite_api::sqlite3_open_v2(partial.string().c_str(), &target.handle,
                                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            throw DatabaseError("Le fichier «\u00a0" + destinationPath +
                                    "\u00a0» ne peut pas être créé\u00a0: vérifiez les droits "
                                    "sur le dossier choisi.",
                                target.handle ? sqlite_api::sqlite3_errmsg(target.handle) : "");
        CopyPages(db.NativeSqlite(), target.handle);
        // A single self-contained file (no -wal beside it), fit for a USB key or an e-mail;
        // Concerto switches it back to WAL when it opens it.
        sqlite_api::sqlite3_exec(target.handle, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    } catch (...) {
        RemoveQuietly(partial);
        throw;
    }
    std::error_code error;
    fs::rename(partial, destination, error);
    if (error) {
        RemoveQuietly(partial);
        throw DatabaseError("La copie n'a pas pu être enregistrée sous «\u00a0" + destinationPath + "\u00a0».",
                            error.message());
    }
}

} // namespace concerto
