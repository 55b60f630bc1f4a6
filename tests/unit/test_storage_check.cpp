// Network folders for SQLite: which mount holds a path (read from sample /proc/self/mountinfo
// text), which file-system types are refused (network, cluster, remote FUSE) and which are
// accepted (local disks, tmpfs, overlay, local FUSE), statfs magic numbers, UNC paths, and the
// real folders of this machine (local, hence accepted).

#include "core/errors.h"
#include "db/storage_check.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>

using namespace concerto;

namespace {

// A workstation with a local disk, a tmpfs, a container overlay and every kind of share.
const char* const kMountInfo =
    "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro\n"
    "23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n"
    "24 22 0:22 / /tmp rw,nosuid,nodev shared:2 - tmpfs tmpfs rw,size=8154000k\n"
    "25 22 0:23 / /var/lib/docker/overlay2/abc/merged rw,relatime - overlay overlay rw,lowerdir=/a,upperdir=/b\n"
    "30 22 0:40 / /mnt/nfs rw,relatime shared:20 - nfs4 srv:/export rw,vers=4.2,addr=10.0.0.2\n"
    "31 22 0:41 / /mnt/nfs3 rw,relatime shared:21 - nfs srv:/old rw,vers=3\n"
    "32 22 0:42 / /mnt/mairie rw,relatime shared:22 - cifs //srv/partage rw,vers=3.1.1\n"
    "33 22 0:43 / /mnt/smb rw,relatime shared:23 - smb3 //srv/smb rw\n"
    "34 22 0:44 / /home/alice/distant rw,nosuid,nodev shared:24 - fuse.sshfs alice@srv:/data rw,user_id=1000\n"
    "35 22 0:45 / /mnt/host rw,relatime shared:25 - 9p hostshare rw,trans=virtio\n"
    "36 22 0:46 / /media/alice/Mes\\040documents rw,relatime shared:26 - cifs //srv/docs rw\n"
    "37 22 8:17 / /media/alice/USB rw,relatime shared:27 - fuseblk /dev/sdb1 rw,user_id=0\n"
    "38 22 0:47 / /mnt/nfsx rw,relatime shared:28 - ext4 /dev/sdc1 rw\n"
    "39 30 0:48 / /mnt/nfs/local rw,relatime shared:29 - ext4 /dev/sdd1 rw\n"
    "40 22 0:49 / /mnt/stacked rw,relatime shared:30 - ext4 /dev/sde1 rw\n"
    "41 40 0:50 / /mnt/stacked rw,relatime shared:31 - nfs4 srv:/over rw\n";

std::string TypeOf(const std::string& path) { return FileSystemTypeFromMountInfo(kMountInfo, path); }

bool Refused(const std::string& path) { return IsNetworkFileSystem(TypeOf(path)); }

} // namespace

BOOST_AUTO_TEST_SUITE(storage_check)

BOOST_AUTO_TEST_CASE(local_mounts_are_accepted)
{
    BOOST_TEST(TypeOf("/home/alice/concerto.db") == "ext4");
    BOOST_TEST(TypeOf("/tmp/x/concerto.db") == "tmpfs");
    BOOST_TEST(TypeOf("/var/lib/docker/overlay2/abc/merged/app/concerto.db") == "overlay");
    BOOST_TEST(TypeOf("/media/alice/USB/concerto.db") == "fuseblk");
    for (const char* path : {"/home/alice/concerto.db", "/tmp/x/concerto.db",
                             "/var/lib/docker/overlay2/abc/merged/app/concerto.db", "/media/alice/USB/concerto.db"})
        BOOST_TEST(!Refused(path), path);
}

BOOST_AUTO_TEST_CASE(network_mounts_are_refused)
{
    BOOST_TEST(TypeOf("/mnt/nfs/concertation/concerto.db") == "nfs4");
    BOOST_TEST(TypeOf("/mnt/nfs3/concerto.db") == "nfs");
    BOOST_TEST(TypeOf("/mnt/mairie/concerto.db") == "cifs");
    BOOST_TEST(TypeOf("/mnt/smb/concerto.db") == "smb3");
    BOOST_TEST(TypeOf("/home/alice/distant/concerto.db") == "fuse.sshfs");
    BOOST_TEST(TypeOf("/mnt/host/concerto.db") == "9p");
    for (const char* path : {"/mnt/nfs/concertation/concerto.db", "/mnt/nfs3/concerto.db", "/mnt/mairie/concerto.db",
                             "/mnt/smb/concerto.db", "/home/alice/distant/concerto.db", "/mnt/host/concerto.db"})
        BOOST_TEST(Refused(path), path);
}

BOOST_AUTO_TEST_CASE(longest_whole_component_prefix_wins)
{
    // The mount point itself, and a path just past it.
    BOOST_TEST(TypeOf("/mnt/nfs") == "nfs4");
    // "/mnt/nfsx" is not under "/mnt/nfs": its own mount, local.
    BOOST_TEST(TypeOf("/mnt/nfsx/concerto.db") == "ext4");
    // A local disk mounted inside a share is local.
    BOOST_TEST(TypeOf("/mnt/nfs/local/concerto.db") == "ext4");
    // Two mounts on one point: the later one hides the earlier.
    BOOST_TEST(TypeOf("/mnt/stacked/concerto.db") == "nfs4");
    // Escaped spaces in mount points (\040).
    BOOST_TEST(TypeOf("/media/alice/Mes documents/concerto.db") == "cifs");
    BOOST_TEST(TypeOf("/media/alice/Mes/concerto.db") == "ext4");
    // Nothing to match: no answer rather than a guess.
    BOOST_TEST(FileSystemTypeFromMountInfo("", "/home/alice/concerto.db").empty());
    BOOST_TEST(FileSystemTypeFromMountInfo("garbage line\n", "/home/alice/concerto.db").empty());
}

BOOST_AUTO_TEST_CASE(file_system_types)
{
    for (const char* type : {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "fuseblk", "fuse.portal",
                             "fuse.gocryptfs", "ntfs3", "vfat", ""})
        BOOST_TEST(!IsNetworkFileSystem(type), type);
    for (const char* type : {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "coda", "ncpfs", "fuse",
                             "fuse.sshfs", "fuse.glusterfs", "fuse.rclone", "fuse.gvfsd-fuse", "glusterfs", "NFS4"})
        BOOST_TEST(IsNetworkFileSystem(type), type);
}

BOOST_AUTO_TEST_CASE(statfs_magic_numbers)
{
    BOOST_TEST(NetworkFileSystemForMagic(0x6969) == "nfs");
    BOOST_TEST(NetworkFileSystemForMagic(0xFF534D42) == "cifs");
    BOOST_TEST(NetworkFileSystemForMagic(0xFE534D42) == "smb2");
    BOOST_TEST(NetworkFileSystemForMagic(0x517B) == "smb");
    BOOST_TEST(NetworkFileSystemForMagic(0x65735546) == "fuse");
    BOOST_TEST(NetworkFileSystemForMagic(0x01021997) == "9p");
    BOOST_TEST(NetworkFileSystemForMagic(0x00C36400) == "ceph");
    BOOST_TEST(NetworkFileSystemForMagic(0x5346414F) == "afs");
    // ext4, tmpfs, overlay, btrfs.
    for (unsigned long local : {0xEF53ul, 0x01021994ul, 0x794C7630ul, 0x9123683Eul})
        BOOST_TEST(NetworkFileSystemForMagic(local).empty());
}

BOOST_AUTO_TEST_CASE(unc_paths)
{
    BOOST_TEST(IsUncPath("\\\\serveur\\partage\\concerto.db"));
    BOOST_TEST(IsUncPath("//serveur/partage/concerto.db"));
    BOOST_TEST(IsUncPath("\\\\?\\UNC\\serveur\\partage\\concerto.db"));
    BOOST_TEST(!IsUncPath("C:\\Users\\alice\\concerto.db"));
    BOOST_TEST(!IsUncPath("\\\\?\\C:\\Users\\alice\\concerto.db"));
    BOOST_TEST(!IsUncPath("/home/alice/concerto.db"));
    BOOST_TEST(!IsUncPath("concerto.db"));
}

BOOST_AUTO_TEST_CASE(this_machine_temp_folder_is_local)
{
    const std::string path = (std::filesystem::temp_directory_path() / "concerto.db").string();
    BOOST_TEST(NetworkFileSystemOf(path).empty());
    BOOST_CHECK_NO_THROW(RefuseNetworkFolder(path));
    BOOST_TEST(NetworkFileSystemOf("concerto.db").empty()); // relative: the current folder
    BOOST_TEST(NetworkFileSystemOf(":memory:").empty());
}

BOOST_AUTO_TEST_SUITE_END()
