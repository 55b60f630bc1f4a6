#include "app/app.h"

#include "app/connection_opener.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "core/errors.h"
#include "db/database.h"

#include <memory>
#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace concerto {

namespace {

void ShowError(const wxString& message, const wxString& caption)
{
    wxMessageBox(message, caption, wxOK | wxICON_ERROR);
}

// The last database, unless it was a file that has since disappeared (a USB key not plugged
// in, a deleted file): opening it would silently create an empty one in its place.
std::string UsableLastDatabase()
{
    const std::string last = MainFrame::LastDatabase();
    if (last.empty())
        return {};
    try {
        const Location location = Location::Parse(last);
        if (location.backend == Backend::Sqlite && !wxFileName::FileExists(wxString::FromUTF8(location.target)))
            return {};
    } catch (const Error&) {
        return {};
    }
    return last;
}

} // namespace

bool ConcertoApp::OnInit()
{
    SetAppName("Concerto");
    SetAppDisplayName("Concerto");
    // Settings in ~/.config/Concerto.conf rather than a dot-file in the home folder.
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    // wxFileConfig does not create ~/.config on a fresh account and would then fail to save.
    wxFileName::Mkdir(wxStandardPaths::Get().GetUserConfigDir(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    SetUpLocalization();
    if (!wxApp::OnInit()) // parses the command line, with translated help
        return false;

    // libpq would otherwise wait minutes for a server that does not answer.
    if (!wxGetEnv("PGCONNECT_TIMEOUT", nullptr))
        wxSetEnv("PGCONNECT_TIMEOUT", "10");

    std::unique_ptr<Database> db;
    if (!m_location.empty()) {
        // An explicit location is what the user wants, or nothing: no silent fallback.
        db = OpenInteractively(nullptr, m_location);
        if (!db)
            return false;
    } else {
        if (const std::string last = UsableLastDatabase(); !last.empty())
            db = OpenInteractively(nullptr, last, _("Concerto opens your personal database on this computer instead."));
        if (!db) {
            try {
                db = Database::Open(DefaultDatabasePath());
            } catch (const Error& e) {
                ShowError(wxString::FromUTF8(e.what()), _("Concerto cannot start"));
                return false;
            }
        }
    }
    MainFrame::RememberDatabase(*db);

    auto* frame = new MainFrame(std::move(db));
    frame->AddToRecentFiles();
    frame->RestoreLastArea();
    frame->Show();
    SetTopWindow(frame);
    // Once the frame is on screen, so that the welcome dialog has it as a parent to centre on.
    CallAfter([frame]() { frame->OfferFirstRunIfEmpty(); });
    return true;
}

void ConcertoApp::OnInitCmdLine(wxCmdLineParser& parser)
{
    wxApp::OnInitCmdLine(parser);
    parser.AddParam(_("LOCATION"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    parser.AddUsageText(_("LOCATION is the database to open: sqlite:PATH, the path of a .concerto or .db file, or "
                          "a postgresql:// address. Without it, Concerto opens the last database used, or else "
                          "your personal database on this computer."));
}

bool ConcertoApp::OnCmdLineParsed(wxCmdLineParser& parser)
{
    if (!wxApp::OnCmdLineParsed(parser))
        return false;
    if (parser.GetParamCount() > 0)
        m_location = parser.GetParam(0).utf8_string();
    return true;
}

bool ConcertoApp::OnExceptionInMainLoop()
{
    try {
        throw;
    } catch (const Error& e) {
        // A lost server connection is the banner's business: it reconnects by itself.
        if (ReportConnectionTrouble(GetTopWindow(), e))
            return true;
        // Concerto errors say what happened and what to do; the action failed, the app is fine.
        ShowError(wxString::FromUTF8(e.what()), _("Concerto"));
        return true;
    } catch (const std::exception& e) {
        ShowError(
            wxString::Format(_("Concerto met an unexpected error and must close: %s"), wxString::FromUTF8(e.what())),
            _("Concerto"));
        return false;
    }
}

} // namespace concerto

wxIMPLEMENT_APP(concerto::ConcertoApp);
