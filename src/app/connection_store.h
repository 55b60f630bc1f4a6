#pragma once
// The saved connection profiles of this computer, in wxConfig under "Profiles/<name>". A
// profile holds no password, so none is ever written here: passwords go to the system keyring
// (app/secret_store.h) or are asked at each connection.

#include "db/connection_profile.h"

#include <string>
#include <vector>

namespace concerto {

/// The saved profiles, sorted by name.
std::vector<ConnectionProfile> LoadConnectionProfiles();
/// Replaces the saved profiles by `profiles` (names must be unique and contain no '/').
void SaveConnectionProfiles(const std::vector<ConnectionProfile>& profiles);
/// The name of the profile last connected to, or an empty string.
std::string LastConnectionProfile();
/// Remembers `name` as the profile last connected to.
void RememberConnectionProfile(const std::string& name);

} // namespace concerto
