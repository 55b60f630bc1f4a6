#include "app/install_paths.h"

#include <wx/filename.h>
#include <wx/image.h>
#include <wx/stdpaths.h>

namespace concerto {

std::string InstalledPath(const std::string& relative)
{
    wxFileName executable(wxStandardPaths::Get().GetExecutablePath());
    if (!executable.IsOk() || executable.GetDirCount() == 0)
        return {};
    wxFileName folder = wxFileName::DirName(executable.GetPath());
    folder.RemoveLastDir(); // bin/
    return (folder.GetPath(wxPATH_GET_VOLUME | wxPATH_GET_SEPARATOR) + wxString::FromUTF8(relative)).utf8_string();
}

wxIconBundle ApplicationIcons()
{
    wxIconBundle icons;
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG))
        wxImage::AddHandler(new wxPNGHandler);
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        const std::string side = std::to_string(size);
        const std::string candidates[] = {
            InstalledPath("share/icons/hicolor/" + side + "x" + side + "/apps/fr.concerto.Concerto.png"),
#ifdef CONCERTO_SOURCE_ICONS
            std::string(CONCERTO_SOURCE_ICONS) + "/concerto-" + side + ".png",
#endif
        };
        for (const auto& candidate : candidates)
            if (!candidate.empty() && wxFileName::FileExists(wxString::FromUTF8(candidate))) {
                icons.AddIcon(wxString::FromUTF8(candidate), wxBITMAP_TYPE_PNG);
                break;
            }
    }
    return icons;
}

std::optional<std::string> UserGuidePath()
{
    const std::string candidates[] = {
        InstalledPath("share/doc/concerto/guide-utilisateur.md"),
#ifdef CONCERTO_SOURCE_GUIDE
        CONCERTO_SOURCE_GUIDE, // a development build, run from its build folder
#endif
    };
    for (const auto& candidate : candidates)
        if (!candidate.empty() && wxFileName::FileExists(wxString::FromUTF8(candidate)))
            return candidate;
    return std::nullopt;
}

} // namespace concerto
