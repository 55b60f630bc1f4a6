#pragma once
// Where a SQLite database file lives: SQLite's locking (POSIX locks, the WAL shared-memory
// index) does not work reliably on network file systems, so two office PCs writing to one
// database in a shared folder can corrupt it. Concerto refuses such folders and says why.
//
// The decisions are pure functions (unit-tested with sample /proc/self/mountinfo text); only
// NetworkFileSystemOf() looks at the running system.

#include <string>

namespace concerto {

/// The file-system type of the mount holding `path` according to `mountInfo` (the text of
/// /proc/self/mountinfo): the type of the longest mount point that is a whole-component prefix
/// of `path` (the last such line when several mounts are stacked on it), "fuse.sshfs" style for
/// FUSE mounts. `path` must be absolute and normalised. Empty when no line matches.
std::string FileSystemTypeFromMountInfo(const std::string& mountInfo, const std::string& path);

/// True when `fsType` (a mountinfo type such as "nfs4", "cifs", "fuse.sshfs") is a network or
/// cluster file system, or a FUSE mount whose kind cannot be told ("fuse"), on which SQLite
/// cannot guarantee its locks. Local types (ext4, xfs, btrfs, tmpfs, overlay, fuseblk…) are not.
bool IsNetworkFileSystem(const std::string& fsType);

/// The network file-system name for a statfs() f_type magic number ("nfs", "cifs", "smb2",
/// "fuse", "9p"…), empty for any other (local) magic. Used when mountinfo cannot be read.
std::string NetworkFileSystemForMagic(unsigned long magic);

/// True for a Windows UNC path: \\server\share\…, //server/share/…, \\?\UNC\server\share\….
bool IsUncPath(const std::string& path);

/// The name of the network file system (e.g. "nfs4", "cifs", "réseau Windows") holding the
/// folder of the database file `databasePath`; empty when the folder is local or cannot be
/// examined (a missing folder is reported by the caller, not here).
std::string NetworkFileSystemOf(const std::string& databasePath);

/// Throws DatabaseError, with a sentence telling what to do instead, when `databasePath` lies in
/// a network folder (NetworkFileSystemOf is not empty).
void RefuseNetworkFolder(const std::string& databasePath);

} // namespace concerto
