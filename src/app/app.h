#pragma once
// The wxApp: language, command line, opening the database, and the main frame.

#include <string>
#include <wx/app.h>

namespace concerto {

/// Concerto's application object. Opens LOCATION from the command line, else the last
/// database opened, else the default embedded database, then shows the main frame.
class ConcertoApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    /// Shows a Concerto error's sentence and keeps running; anything else ends the program.
    bool OnExceptionInMainLoop() override;

private:
    std::string m_location; ///< from the command line; empty when none was given
};

} // namespace concerto
