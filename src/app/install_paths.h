#pragma once
// Where the installed program finds what was installed with it: the same layout under one prefix
// on every platform (bin/concerto, share/locale, share/doc/concerto), found from the running
// executable, so that a package installed anywhere (or unpacked into a folder) reads its own files.

#include <optional>
#include <string>
#include <wx/iconbndl.h>

namespace concerto {

/// `relative` (a path under the installation prefix, like "share/locale") for the running
/// program: the folder above the executable's, joined with it. Empty when unknown.
std::string InstalledPath(const std::string& relative);

/// The application's icon in every size installed (share/icons/hicolor), or those of the source
/// tree for a development build; empty when none is found.
wxIconBundle ApplicationIcons();

/// The French user guide (docs/guide-utilisateur.md): installed beside the program, else in the
/// source tree of a development build; nothing when neither is there.
std::optional<std::string> UserGuidePath();

} // namespace concerto
