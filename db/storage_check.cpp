#include "db/storage_check.h"

#include "core/errors.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/vfs.h>
#endif

namespace fs = std::filesystem;

namespace concerto {

namespace {

// The kernel writes space, tab, newline and backslash in mount points as \040, \011, \012, \134.
std::string UnescapeMountField(const std::string& field)
{
    std::string result;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size() && std::isdigit(static_cast<unsigned char>(field[i + 1])) &&
            std::isdigit(static_cast<unsigned char>(field[i + 2])) &&
            std::isdigit(static_cast<unsigned char>(field[i + 3]))) {
            result += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0'));
            i += 3;
        } else {
            result += field[i];
        }
    }
    return result;
}

// "/mnt" covers "/mnt" and "/mnt/x", never "/mntx"; "/" covers everything.
bool CoversPath(const std::string& mountPoint, const std::string& path)
{
    if (mountPoint == "/")
        return !path.empty() && path[0] == '/';
    if (path.compare(0, mountPoint.size(), mountPoint) != 0)
        return false;
    return path.size() == mountPoint.size() || path[mountPoint.size()] == '/';
}

std::string Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool StartsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// The folder whose file system matters: the database file's own folder, absolute and with
// symbolic links resolved (a link in a local folder may lead to a network share).
std::string FolderOf(const std::string& databasePath)
{
    std::error_code error;
    fs::path folder = fs::absolute(fs::path(databasePath), error).parent_path();
    if (error)
        return {};
    const fs::path resolved = fs::canonical(folder, error);
    return (error ? folder.lexically_normal() : resolved).string();
}

#ifdef _WIN32
std::string WindowsNetworkDrive(const std::string& folder)
{
    const std::wstring wide = fs::u8path(folder).wstring();
    wchar_t volume[MAX_PATH + 1] = {};
    if (!GetVolumePathNameW(wide.c_str(), volume, MAX_PATH))
        return {};
    return GetDriveTypeW(volume) == DRIVE_REMOTE ? "lecteur réseau" : "";
}
#else
std::string LinuxNetworkFileSystem(const std::string& folder)
{
    std::ifstream file("/proc/self/mountinfo");
    if (file) {
        const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        const std::string type = FileSystemTypeFromMountInfo(text, folder);
        if (!type.empty())
            return IsNetworkFileSystem(type) ? type : "";
    }
    struct statfs info {};
    if (statfs(folder.c_str(), &info) != 0)
        return {};
    return NetworkFileSystemForMagic(static_cast<unsigned long>(info.f_type));
}
#endif

} // namespace

std::string FileSystemTypeFromMountInfo(const std::string& mountInfo, const std::string& path)
{
    std::istringstream lines(mountInfo);
    std::string line, best;
    std::size_t bestLength = 0;
    bool found = false;
    while (std::getline(lines, line)) {
        // ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL…] - TYPE SOURCE SUPER_OPTIONS
        std::istringstream fields(line);
        std::vector<std::string> parts{std::istream_iterator<std::string>(fields), std::istream_iterator<std::string>()};
        const auto separator = std::find(parts.begin(), parts.end(), "-");
        if (parts.size() < 5 || separator == parts.end() || std::next(separator) == parts.end())
            continue;
        const std::string mountPoint = UnescapeMountField(parts[4]);
        // >=: a later mount on the same point hides the earlier one.
        if (CoversPath(mountPoint, path) && (!found || mountPoint.size() >= bestLength)) {
            best = *std::next(separator);
            bestLength = mountPoint.size();
            found = true;
        }
    }
    return best;
}

bool IsNetworkFileSystem(const std::string& fsType)
{
    static const char* const kNetwork[] = {
        "nfs",    "nfs4",   "cifs",    "smb3",  "smbfs",  "smb2",    "ncpfs",     "ncp",    "9p",   "afs",
        "kafs",   "ceph",   "coda",    "gfs2",  "ocfs2",  "lustre",  "glusterfs", "gpfs",   "davfs", "vboxsf",
        "beegfs", "orangefs", "pvfs2", "fuse",  "prl_fs", "vmhgfs"};
    // FUSE subtypes that reach another machine (or a cloud store); local ones (fuseblk for
    // NTFS, encryption layers…) are accepted.
    static const char* const kNetworkFuse[] = {
        "sshfs",   "glusterfs", "ceph",      "ceph-fuse", "cephfs",    "rclone",   "s3fs",     "gcsfuse",
        "goofys",  "blobfuse",  "blobfuse2", "davfs",     "davfs2",    "curlftpfs", "smbnetfs", "gvfsd-fuse",
        "mfs",     "moosefs",   "lizardfs",  "juicefs",   "onedriver", "afpfs",    "afp_client", "seaweedfs",
        "vmhgfs-fuse", "kio-fuse"};
    const std::string type = Lower(fsType);
    for (const char* name : kNetwork)
        if (type == name)
            return true;
    if (StartsWith(type, "fuse.")) {
        const std::string subtype = type.substr(5);
        for (const char* name : kNetworkFuse)
            if (subtype == name)
                return true;
    }
    return false;
}

std::string NetworkFileSystemForMagic(unsigned long magic)
{
    struct Known {
        unsigned long magic;
        const char* name;
    };
    static const Known kMagics[] = {
        {0x6969, "nfs"},        {0x517B, "smb"},     {0xFF534D42, "cifs"},   {0xFE534D42, "smb2"},
        {0x65735546, "fuse"},   {0x01021997, "9p"},  {0x5346414F, "afs"},    {0x6B414653, "afs"},
        {0x00C36400, "ceph"},   {0x73757245, "coda"}, {0x564C, "ncp"},       {0x01161970, "gfs2"},
        {0x7461636F, "ocfs2"},  {0x0BD00BD0, "lustre"}, {0x47504653, "gpfs"}, {0x786F4256, "vboxsf"}};
    for (const Known& known : kMagics)
        if (known.magic == (magic & 0xFFFFFFFFul))
            return known.name;
    return {};
}

bool IsUncPath(const std::string& path)
{
    std::string normal = path;
    std::replace(normal.begin(), normal.end(), '/', '\\');
    if (StartsWith(Lower(normal), "\\\\?\\unc\\"))
        return true;
    // \\?\C:\… and \\.\device are local long-path forms, not shares.
    if (StartsWith(normal, "\\\\?\\") || StartsWith(normal, "\\\\.\\"))
        return false;
    return normal.size() > 2 && StartsWith(normal, "\\\\") && normal[2] != '\\';
}

std::string NetworkFileSystemOf(const std::string& databasePath)
{
    if (databasePath.empty() || databasePath == ":memory:")
        return {};
#ifdef _WIN32
    if (IsUncPath(databasePath))
        return "partage Windows";
    const std::string folder = FolderOf(databasePath);
    if (IsUncPath(folder))
        return "partage Windows";
    return folder.empty() ? "" : WindowsNetworkDrive(folder);
#else
    const std::string folder = FolderOf(databasePath);
    return folder.empty() ? "" : LinuxNetworkFileSystem(folder);
#endif
}

void RefuseNetworkFolder(const std::string& databasePath)
{
    const std::string type = NetworkFileSystemOf(databasePath);
    if (type.empty())
        return;
    throw DatabaseError("La base « " + databasePath + " » est dans un dossier réseau (" + type +
                            ") : SQLite ne peut pas y garantir l'intégrité des données quand plusieurs postes y "
                            "écrivent. Copiez-la sur ce poste, ou utilisez un serveur PostgreSQL partagé.",
                        "network file system: " + type);
}

} // namespace concerto
