#pragma once
// Passwords of server connections remembered in the system keyring, never in a configuration
// file: the Secret Service through libsecret on Linux (GNOME Keyring, KWallet), the Windows
// Credential Manager through wxSecretStore on Windows builds. Without either, or when the
// keyring cannot be reached, nothing is remembered and the password is asked at each connection.
// A password is keyed on host, port, database and user, so two profiles naming the same login
// share it, and it is labelled « Concerto — user@host/db » in the keyring's own window.

#include "db/connection_profile.h"

#include <optional>
#include <string>

namespace concerto {

/// True when a keyring can be reached now (a Secret Service answers on the session bus; always on
/// Windows builds). Asked before offering to remember a password. Never throws.
bool KeyringAvailable();

/// Remembers `password` for the host, port, database and user of `profile`, replacing any
/// password remembered for them. False when there is no keyring or it refused (locked and not
/// unlocked by the user, for instance). Never throws.
bool SavePassword(const ConnectionProfile& profile, const std::string& password);

/// The password remembered for the host, port, database and user of `profile`; nothing when none
/// is, or there is no keyring. Never throws.
std::optional<std::string> LoadPassword(const ConnectionProfile& profile);

/// Forgets the password remembered for `profile`'s host, port, database and user (the server
/// refused it, or the user asked). Harmless when there is none. Never throws.
void ForgetPassword(const ConnectionProfile& profile);

/// The keyring entry's label: « Concerto — user@host/db » (host "localhost" when empty).
std::string KeyringLabel(const ConnectionProfile& profile);

} // namespace concerto
