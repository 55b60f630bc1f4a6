// The « Rapports » area on a demo database: the list shows the shipped definitions and the
// stored ones, a report runs to an Excel workbook that a real reader opens (its figures
// agree with SQL), and the editor flags a wrong line, lists the problem and goes to it.

#include "gui_support.h"
#include "app/areas.h"
#include "app/main_frame.h"
#include "app/report_catalog.h"
#include "app/report_editor.h"
#include "app/report_panel.h"
#include "db/repositories.h"
#include "reports/definition.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/stc/stc.h>

using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

struct Fixture : test::DemoFrameFixture {
    ReportsPanel* view = nullptr;

    Fixture() : DemoFrameFixture(Backend::Sqlite, 300)
    {
        frame->ShowArea(ReportsArea);
        view = dynamic_cast<ReportsPanel*>(frame->View(ReportsArea));
        BOOST_TEST_REQUIRE(view);
        BOOST_TEST_REQUIRE(WaitUntil([this] { return view->IsLoaded(); }));
    }

    std::vector<std::string> Listed() const
    {
        std::vector<std::string> rows;
        wxListView* list = view->DefinitionList();
        for (long i = 0; i < list->GetItemCount(); ++i)
            rows.push_back((list->GetItemText(i, 0) + "|" + list->GetItemText(i, 1)).utf8_string());
        return rows;
    }
};

/// Runs `script` on the workbook at `path` with openpyxl; returns what it printed.
std::string ReadWorkbook(const std::string& path, const std::string& script)
{
    const std::string file = test::TempFolder() + "/read_reports.py";
    std::ofstream(file) << "import sys, openpyxl\nsys.stdout.reconfigure(encoding='utf-8')\n"
                           "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                        << script;
    FILE* pipe = popen(("/usr/bin/python3 '" + file + "' '" + path + "' 2>&1").c_str(), "r");
    BOOST_REQUIRE(pipe);
    std::string out;
    char buffer[1024];
    while (std::fgets(buffer, sizeof buffer, pipe))
        out += buffer;
    BOOST_TEST(pclose(pipe) == 0, out);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(reports)

BOOST_AUTO_TEST_CASE(list_shows_shipped_and_stored_definitions)
{
    Fixture f;
    const auto& shipped = report::ShippedDefinitions();
    BOOST_TEST_REQUIRE(!shipped.empty());
    BOOST_TEST(f.Listed().size() == shipped.size());
    for (const auto& definition : shipped) {
        const auto parsed = report::ParseDefinition(definition.text, definition.name + ".toml");
        BOOST_TEST_REQUIRE(parsed.definition.has_value(), definition.name);
        const std::string row = parsed.definition->title + "|Concerto";
        const auto listed = f.Listed();
        BOOST_TEST((std::find(listed.begin(), listed.end(), row) != listed.end()), row);
    }

    // A definition stored by someone else appears once the change is announced.
    ReportDefinition stored;
    stored.name = "essai-ecoles";
    stored.title = "Essai";
    stored.body = BlankDefinitionText(stored.name);
    const auto blank = report::ParseDefinition(stored.body, "essai-ecoles.toml");
    BOOST_TEST(blank.diagnostics.empty()); // a new definition starts valid
    ReportDefinitionRepository(f.Db()).Create(stored);
    f.frame->Context().NotifyChanged("report_definition");
    BOOST_TEST_REQUIRE(WaitUntil([&] { return f.Listed().size() == shipped.size() + 1; }));
    BOOST_TEST(f.Listed().front() == "Nouveau rapport|" + _("Database").utf8_string());
}

BOOST_AUTO_TEST_CASE(a_report_runs_to_a_workbook_that_opens)
{
    Fixture f;
    BOOST_TEST_REQUIRE(f.view->SelectDefinition("export-contributions"));
    Settle();
    const std::string path = test::TempFolder() + "/export.xlsx";
    f.view->GenerateTo("xlsx", wxString::FromUTF8(path));
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !f.view->IsGenerating(); }, 120000));
    BOOST_TEST(f.view->LastError().utf8_string() == "");
    BOOST_TEST(f.view->LastOutput().utf8_string() == path);
    BOOST_TEST_REQUIRE(std::filesystem::exists(path));

    const long long contributions = ContributionRepository(f.Db()).Count();
    const std::string out = ReadWorkbook(path, "print(wb.sheetnames[0])\n"
                                               "data = wb[wb.sheetnames[1]]\n"
                                               "print(sum(1 for r in data.iter_rows(min_row=2) if r[0].value is not None))\n");
    BOOST_TEST(out.substr(0, out.find('\n')) == "Paramètres");
    const long long rows = std::stoll(out.substr(out.find('\n') + 1));
    // Every contribution but the excluded ones (left out unless a section asks for them).
    BOOST_TEST(rows > 0);
    BOOST_TEST(rows <= contributions);
}

BOOST_AUTO_TEST_CASE(the_editor_flags_a_wrong_line_and_goes_to_it)
{
    Fixture f;
    // A stored copy of a shipped definition: shipped ones are read-only in the editor.
    const auto& shipped = report::ShippedDefinitions().front();
    ReportDefinition stored;
    stored.name = "copie-a-corriger";
    stored.body = shipped.text;
    ReportDefinitionRepository(f.Db()).Create(stored);
    f.frame->Context().NotifyChanged("report_definition");
    BOOST_TEST_REQUIRE(WaitUntil([&] { return f.view->SelectDefinition("copie-a-corriger"); }));
    DefinitionEditor* editor = f.view->Editor();
    BOOST_TEST(editor->Result().diagnostics.empty());
    BOOST_TEST(editor->MarkedLines().empty());

    // An unknown key on line 2, typed as a user would (validation follows the pause).
    wxStyledTextCtrl* text = editor->TextControl();
    BOOST_TEST(!text->GetReadOnly());
    text->GotoLine(1);
    text->AddText("titre_inconnu = 3\n");
    BOOST_TEST(editor->IsModified());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !editor->Result().diagnostics.empty(); }, 5000));
    const auto marked = editor->MarkedLines();
    BOOST_TEST_REQUIRE(marked.size() >= 1u);
    BOOST_TEST(marked.front() == 2);
    BOOST_TEST(editor->ProblemList()->GetItemCount() >= 1);
    BOOST_TEST(editor->ProblemList()->GetItemText(0, 0).utf8_string() == "2");

    // Clicking the problem goes to its line.
    text->GotoLine(20);
    editor->ProblemList()->Select(0);
    Settle();
    BOOST_TEST(editor->CurrentLine() == 2);

    // Removing the line makes the definition valid again.
    text->GotoLine(1);
    text->LineDelete();
    BOOST_TEST_REQUIRE(WaitUntil([&] { return editor->Result().diagnostics.empty(); }, 5000));
    BOOST_TEST(editor->MarkedLines().empty());
}

BOOST_AUTO_TEST_CASE(a_copy_gets_its_own_title_and_stays_valid)
{
    for (const auto& shipped : report::ShippedDefinitions()) {
        const std::string text = RetitledDefinition(shipped.text, "Ma copie « test »");
        const auto parsed = report::ParseDefinition(text, "copie.toml");
        BOOST_TEST_REQUIRE(parsed.definition.has_value(), shipped.name);
        BOOST_TEST(parsed.definition->title == "Ma copie « test »");
    }
    BOOST_TEST(RetitledDefinition("[styles]\ntitle = \"x\"\n", "y") == "[styles]\ntitle = \"x\"\n");
}

BOOST_AUTO_TEST_SUITE_END()
