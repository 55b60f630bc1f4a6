#pragma once
// Connecting to a shared PostgreSQL server from the interface: without a password first (so
// that ~/.pgpass or a passwordless login need none), then with the password remembered in the
// system keyring, then asking for one (offering to remember it in the keyring when one can be
// reached). The password is never written in a file.

#include "db/connection_profile.h"
#include "dialogs/connection_dialog.h"

#include <memory>
#include <string>
#include <wx/string.h>

class wxWindow;

namespace concerto {

class Database;

/// Opens the database at `location` (sqlite:PATH, a file path, a libpq URI or key=value string).
/// For a server, asks for the password when needed. Returns nullptr when the user cancelled
/// or it failed; a failure has then been shown, followed by `afterFailure` when not empty.
std::unique_ptr<Database> OpenInteractively(wxWindow* parent, const std::string& location,
                                            const wxString& afterFailure = {});

/// Tests a profile for the connection dialog's button: connects (asking for a password if the
/// server wants one), reads the server version, disconnects.
ConnectionTestResult TestConnectionProfile(wxWindow* parent, const ConnectionProfile& profile);

/// File ▸ Connect to a server…: shows the saved profiles (saving the user's changes to them)
/// and connects to the one chosen. Returns nullptr when cancelled or when it failed (shown).
std::unique_ptr<Database> ConnectToServer(wxWindow* parent);

} // namespace concerto
