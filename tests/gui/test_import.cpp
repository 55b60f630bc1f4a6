// The import wizard and the export dialog on a demo database: a CSV with its own column names
// is previewed, mapped, simulated and imported (read back with SQL); a cancelled import leaves
// the database as it was; an export writes a file that reads back with the same rows.

#include "app/areas.h"
#include "app/dashboard_panel.h"
#include "app/frame_ids.h"
#include "app/import_window.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "core/tabular.h"
#include "db/import.h"
#include "db/repositories.h"
#include "db/repository.h"
#include "dialogs/export_dialog.h"
#include "dialogs/import_wizard.h"
#include "gui_support.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/weakref.h>

using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

struct Fixture : test::DemoFrameFixture {
    std::string folder;

    explicit Fixture(Backend backend, std::uint64_t contributions = 100) : DemoFrameFixture(backend, contributions)
    {
        folder = test::TempFolder() + "/import_gui";
        std::filesystem::create_directories(folder);
    }

    long long Scalar(const std::string& sql, const Params& params = {})
    {
        long long value = -1;
        QueryRows(Db(), sql, params, [&](const soci::row& row) { value = Cell::Integer(row, 0); });
        return value;
    }
    std::string Text(const std::string& sql, const Params& params = {})
    {
        std::string value;
        QueryRows(Db(), sql, params, [&](const soci::row& row) { value = Cell::Text(row, 0); });
        return value;
    }
    /// A fingerprint of the consultation's contributions: count, versions, tags and labels.
    std::string Fingerprint()
    {
        const Params c = {{"c", ConsultationId()}};
        return std::to_string(Scalar("SELECT COUNT(*) FROM contribution WHERE consultation_id = :c", c)) + "/" +
               std::to_string(
                   Scalar("SELECT COALESCE(SUM(version), 0) FROM contribution WHERE consultation_id = :c", c)) +
               "/" + std::to_string(Scalar("SELECT COUNT(*) FROM tag")) + "/" +
               std::to_string(Scalar("SELECT COUNT(*) FROM contribution_label"));
    }
};

void Click(wxButton* button)
{
    BOOST_TEST_REQUIRE(button->IsEnabled());
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->ProcessWindowEvent(event);
}

void Choose(wxChoice* choice, const wxString& item)
{
    BOOST_TEST_REQUIRE(choice);
    const int index = choice->FindString(item);
    BOOST_TEST_REQUIRE(index != wxNOT_FOUND, item);
    choice->SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(index);
    choice->ProcessWindowEvent(event);
}

void Check(wxCheckBox* box)
{
    box->SetValue(true);
    wxCommandEvent event(wxEVT_CHECKBOX, box->GetId());
    event.SetEventObject(box);
    event.SetInt(1);
    box->ProcessWindowEvent(event);
}

/// The import wizard the File ▸ Import… command opened.
ImportWizard* OpenedWizard(MainFrame* frame)
{
    wxCommandEvent command(wxEVT_MENU, frame_ids::kImport);
    frame->ProcessWindowEvent(command);
    Settle(50);
    for (wxWindow* window : wxTopLevelWindows)
        if (auto* wizard = dynamic_cast<ImportWizard*>(window))
            return wizard;
    return nullptr;
}

/// Goes through the source, reading and mapping pages with `path`, mapped column by column.
void MapOwnColumns(ImportWizard* wizard, const std::string& path)
{
    wizard->ChooseFile(wxString::FromUTF8(path));
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return wizard->NextButton()->IsEnabled(); }));
    BOOST_TEST(wizard->CurrentPage() == ImportWizard::ReadingPage);
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(wizard->CurrentPage() == ImportWizard::MappingPage);
    // None of the file's names is native: the required fields are missing until mapped.
    Click(wizard->NextButton());
    BOOST_TEST(wizard->CurrentPage() == ImportWizard::MappingPage);
    BOOST_TEST(!wizard->ProblemText().empty());
    Choose(wizard->FieldChoice("external_id"), "Identifiant");
    Choose(wizard->FieldChoice("received_at"), wxString::FromUTF8("Reçu le"));
    Choose(wizard->FieldChoice("channel"), "Canal");
    Choose(wizard->FieldChoice("text"), "Texte");
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(wizard->CurrentPage() == ImportWizard::OptionsPage);
}

void ImportsAMappedCsv(Backend backend)
{
    Fixture f(backend);
    const std::string channel = f.Text("SELECT code FROM channel ORDER BY position, code");
    const std::string path = f.folder + "/contributions.csv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "Identifiant;Reçu le;Canal;Texte\r\n"
            << "IMP-1;12/05/2024 10:30;" << channel << ";\"Plus de bancs; et d'ombre\"\r\n"
            << "IMP-2;2024-05-13;" << channel << ";Une piste cyclable rue Haute\r\n"
            << "IMP-3;pas une date;" << channel << ";Refusée\r\n"
            << "IMP-4;14/05/2024;" << channel << ";\"Un texte\nsur deux lignes\"\r\n";
    }
    const long long before =
        f.Scalar("SELECT COUNT(*) FROM contribution WHERE consultation_id = :c", {{"c", f.ConsultationId()}});

    ImportWizard* wizard = OpenedWizard(f.frame);
    BOOST_TEST_REQUIRE(wizard);
    wizard->ChooseFile(wxString::FromUTF8(path));
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return wizard->PreviewList()->GetItemCount() == 4; }));
    BOOST_TEST(wizard->PreviewList()->GetColumnCount() == 5); // the line, then the four columns
    BOOST_TEST(wizard->PreviewList()->GetItemText(0, 4).utf8_string() == "Plus de bancs; et d'ombre");
    BOOST_TEST(wizard->PreviewList()->GetItemText(1, 1).utf8_string() == "IMP-2");
    wizard->Close();
    Settle(50);

    wizard = OpenImportWizard(f.frame, f.frame->Context());
    MapOwnColumns(wizard, path);

    // Simulation without skipping: the bad date refuses the whole file, and says where.
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !wizard->IsRunning(); }));
    BOOST_TEST(wizard->CurrentPage() == ImportWizard::SimulationPage);
    BOOST_TEST_REQUIRE(wizard->RejectionList()->GetItemCount() == 1);
    BOOST_TEST(wizard->RejectionList()->GetItemText(0, 0) == "4");
    BOOST_TEST(!wizard->NextButton()->IsEnabled());

    // Back to the options: skip the invalid row, simulate again.
    Click(wizard->BackButton());
    BOOST_TEST_REQUIRE(wizard->CurrentPage() == ImportWizard::OptionsPage);
    Check(wizard->SkipInvalidBox());
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !wizard->IsRunning(); }));
    const wxString counts = wxString::Format(
        _("Rows read: %s. To create: %s, to update: %s, unchanged: %s, refused: %s."), "4", "3", "0", "0", "1");
    BOOST_TEST(wizard->SummaryText().utf8_string() == counts.utf8_string());
    BOOST_TEST(f.Scalar("SELECT COUNT(*) FROM contribution WHERE consultation_id = :c", {{"c", f.ConsultationId()}}) ==
               before); // a simulation writes nothing

    Click(wizard->NextButton());
    BOOST_TEST(wizard->CurrentPage() == ImportWizard::ImportPage);
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !wizard->IsRunning(); }));
    BOOST_TEST_REQUIRE(wizard->ImportDone().has_value(), wizard->ProblemText().utf8_string());
    BOOST_TEST(wizard->ImportDone()->created == 3u);
    // The dashboard behind the wizard counts the new contributions without being asked to.
    f.frame->ShowArea(DashboardArea);
    BOOST_TEST(WaitUntil([&] {
        return !f.frame->GetDashboard().IsLoading() &&
               f.frame->GetDashboard().FigureText("contribution") == FormatCount(before + 3);
    }));
    const Params c = {{"c", f.ConsultationId()}};
    BOOST_TEST(f.Scalar("SELECT COUNT(*) FROM contribution WHERE consultation_id = :c", c) == before + 3);
    BOOST_TEST(f.Text("SELECT body FROM contribution WHERE consultation_id = :c AND source_ref = 'IMP-1'", c) ==
               "Plus de bancs; et d'ombre");
    BOOST_TEST(f.Text("SELECT body FROM contribution WHERE consultation_id = :c AND source_ref = 'IMP-4'", c) ==
               "Un texte\nsur deux lignes");
    BOOST_TEST(f.Scalar("SELECT COUNT(*) FROM contribution WHERE consultation_id = :c AND source_ref = 'IMP-3'", c) ==
               0);
    // The refused row went to the rejects file, next to the imported one.
    const std::string rejects =
        f.folder + "/" + wxString::Format(_("%s-refused"), "contributions").utf8_string() + ".csv";
    BOOST_TEST(std::filesystem::exists(rejects));
    BOOST_TEST(wizard->NextButton()->GetLabel() == _("Close"));
    Click(wizard->NextButton());
    Settle(50);

    // The same file again changes nothing.
    wizard = OpenImportWizard(f.frame, f.frame->Context());
    MapOwnColumns(wizard, path);
    Check(wizard->SkipInvalidBox());
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !wizard->IsRunning(); }));
    BOOST_TEST(wizard->SummaryText().utf8_string() ==
               wxString::Format(_("Rows read: %s. To create: %s, to update: %s, unchanged: %s, refused: %s."), "4", "0",
                                "0", "3", "1")
                   .utf8_string());
    wizard->Close();
}

/// A contributions file in the native columns, `rows` rows, in a channel of the consultation.
std::string NativeFile(Fixture& f, const std::string& name, int rows)
{
    const std::string channel = f.Text("SELECT code FROM channel ORDER BY position, code");
    const std::string path = f.folder + "/" + name;
    std::ofstream out(path, std::ios::binary);
    out << "external_id,received_at,channel,text\n";
    for (int i = 0; i < rows; ++i)
        out << "BIG-" << i << ",2024-05-12 10:00," << channel << ",Contribution numéro " << i
            << " sur la place du marché\n";
    return path;
}

/// Opens the wizard on `path` (native columns, which map by themselves) and simulates its import:
/// the wizard is left on the simulation page, ready to import.
ImportWizard* SimulatedNativeImport(Fixture& f, const std::string& path)
{
    ImportWizard* wizard = OpenImportWizard(f.frame, f.frame->Context(), wxString::FromUTF8(path));
    BOOST_TEST_REQUIRE(wizard);
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return wizard->NextButton()->IsEnabled(); }));
    Click(wizard->NextButton()); // mapping: the native columns match by themselves
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(wizard->CurrentPage() == ImportWizard::OptionsPage);
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !wizard->IsRunning(); }, 120000));
    BOOST_TEST_REQUIRE(wizard->NextButton()->IsEnabled(), wizard->ProblemText().utf8_string());
    return wizard;
}

} // namespace

BOOST_AUTO_TEST_SUITE(import_wizard)

BOOST_AUTO_TEST_CASE(imports_a_mapped_csv_on_sqlite)
{
    ImportsAMappedCsv(Backend::Sqlite);
}

BOOST_AUTO_TEST_CASE(imports_a_mapped_csv_on_postgresql)
{
    ImportsAMappedCsv(Backend::Postgresql);
}

BOOST_AUTO_TEST_CASE(a_cancelled_import_leaves_the_database_unchanged)
{
    Fixture f(Backend::Sqlite);
    const std::string path = NativeFile(f, "big.csv", 60000);
    const std::string before = f.Fingerprint();
    ImportWizard* wizard = SimulatedNativeImport(f, path);

    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(wizard->IsRunning());
    // Cancelled once the import is under way, not before it starts.
    BOOST_TEST_REQUIRE(WaitUntil([&] { return wizard->PhaseText() != _("Importing…") || !wizard->IsRunning(); }));
    BOOST_TEST_REQUIRE(wizard->IsRunning());
    Click(wizard->CancelButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !wizard->IsRunning(); }, 120000));
    BOOST_TEST(!wizard->ImportDone().has_value());
    BOOST_TEST(wizard->SummaryText() == _("Import cancelled: the database has not changed."));
    BOOST_TEST(f.Fingerprint() == before);
    wizard->Close();
}

BOOST_AUTO_TEST_CASE(proposes_the_decidim_preset_and_saves_a_mapping)
{
    Fixture f(Backend::Sqlite);
    const std::string path = f.folder + "/decidim.csv";
    std::ofstream(path, std::ios::binary)
        << "id,category/name/fr,scope/name/en,scope/name/fr,title/en,title/fr,body/fr,published_at\n"
        << "17,Cadre de vie,Centre,Centre,Trees,Des arbres,<p>Plus d&#39;arbres</p>,2024-05-01T10:00:00+02:00\n";
    ImportWizard* wizard = OpenImportWizard(f.frame, f.frame->Context(), wxString::FromUTF8(path));
    BOOST_TEST_REQUIRE(wizard);
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return wizard->NextButton()->IsEnabled(); }));
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(wizard->CurrentPage() == ImportWizard::MappingPage);
    BOOST_TEST(wizard->MappingChoice()->GetStringSelection().Contains("decidim"));
    BOOST_TEST(wizard->FieldChoice("title")->GetStringSelection() == "title/fr"); // French preferred
    BOOST_TEST(wizard->FieldChoice("text")->GetStringSelection() == "body/fr");
    BOOST_TEST(wizard->FieldChoice("external_id")->GetStringSelection() == "id");

    // Edited, then saved under a name: offered again, and stored in the database.
    Choose(wizard->FieldChoice("labels"), _("— not imported —"));
    BOOST_TEST_REQUIRE(wizard->SaveMappingAs("Plateforme sans catégories"), wizard->ProblemText().utf8_string());
    BOOST_TEST(wizard->MappingChoice()->GetStringSelection().Contains("Plateforme sans catégories"));
    const auto saved = ListSavedMappings(f.Db(), ImportKind::Contributions);
    BOOST_TEST_REQUIRE(saved.size() == 1u);
    BOOST_TEST(saved[0].name == "Plateforme sans catégories");
    BOOST_TEST(saved[0].Find("labels") == nullptr);
    BOOST_TEST_REQUIRE(saved[0].Find("text"));
    BOOST_TEST((saved[0].Find("text")->transform == FieldSource::Transform::HtmlToText));
    // A preset's name is refused, with the reason shown.
    BOOST_TEST(!wizard->SaveMappingAs("decidim"));
    BOOST_TEST(!wizard->ProblemText().empty());
    wizard->Close();
    Settle(50);
}

BOOST_AUTO_TEST_CASE(exports_files_that_read_back)
{
    Fixture f(Backend::Sqlite);
    const Params c = {{"c", f.ConsultationId()}};
    wxCommandEvent command(wxEVT_MENU, frame_ids::kExport);
    f.frame->ProcessWindowEvent(command);
    ExportDialog* dialog = nullptr;
    for (wxWindow* window : wxTopLevelWindows)
        if (auto* found = dynamic_cast<ExportDialog*>(window))
            dialog = found;
    BOOST_TEST_REQUIRE(dialog);

    struct Case {
        ImportKind kind;
        std::string file, sql;
    };
    const Case cases[] = {
        {ImportKind::Commitments, "engagements.csv", "SELECT COUNT(*) FROM commitment WHERE consultation_id = :c"},
        {ImportKind::Contributions, "contributions.xlsx",
         "SELECT COUNT(*) FROM contribution WHERE consultation_id = :c"},
        {ImportKind::Meetings, "rencontres.csv", "SELECT COUNT(*) FROM meeting WHERE consultation_id = :c"},
    };
    for (const Case& each : cases) {
        const std::string path = f.folder + "/" + each.file;
        std::filesystem::remove(path);
        dialog->ChooseKind(each.kind);
        dialog->ChooseFile(wxString::FromUTF8(path));
        BOOST_TEST_REQUIRE(dialog->Submit());
        BOOST_TEST_REQUIRE(WaitUntil([&] { return !dialog->IsRunning(); }));
        BOOST_TEST_REQUIRE(std::filesystem::exists(path), dialog->StatusText().utf8_string());
        auto reader = OpenTabular(path);
        BOOST_TEST(reader->Header() == NativeFields(each.kind), each.file);
        long long rows = 0;
        std::vector<std::string> cells;
        while (reader->Next(cells))
            ++rows;
        BOOST_TEST(rows == f.Scalar(each.sql, c), each.file);
        BOOST_TEST(rows > 0, each.file);
    }
    dialog->Close();
    Settle(50);
}

// Opened on one consultation, the wizard and the export dialog would only be refused on another
// (« Consultation introuvable »): they close when the main window opens another database.
BOOST_AUTO_TEST_CASE(closes_when_another_database_is_opened)
{
    Fixture f(Backend::Sqlite);
    const std::string first = f.Db().GetLocation().target;
    wxWeakRef<ImportWizard> wizard = OpenedWizard(f.frame);
    wxWeakRef<ExportDialog> exporter = OpenExportDialog(f.frame, f.frame->Context());
    BOOST_TEST_REQUIRE(wizard.get());
    BOOST_TEST_REQUIRE(exporter.get());
    f.frame->RefreshAll(); // the same consultation, read again: no switch
    Settle(50);
    BOOST_TEST_REQUIRE(wizard.get());

    // The demo consultation has the same id in both databases: the switch of database alone counts.
    f.frame->UseDatabase(test::DemoDatabase(Backend::Sqlite, 30));
    BOOST_TEST(f.Db().GetLocation().target != first);
    BOOST_TEST(WaitUntil([&] { return !wizard && !exporter; }));
    for (wxWindow* window : wxTopLevelWindows)
        BOOST_TEST(!dynamic_cast<ImportWizard*>(window));
    BOOST_TEST_REQUIRE(!f.ConsultationId().empty());

    // Opened again, it imports into the consultation now shown.
    const Params c = {{"c", f.ConsultationId()}};
    const long long before = f.Scalar("SELECT COUNT(*) FROM contribution WHERE consultation_id = :c", c);
    ImportWizard* again = SimulatedNativeImport(f, NativeFile(f, "after_switch.csv", 5));
    Click(again->NextButton());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !again->IsRunning(); }));
    BOOST_TEST_REQUIRE(again->ImportDone().has_value(), again->ProblemText().utf8_string());
    BOOST_TEST(f.Scalar("SELECT COUNT(*) FROM contribution WHERE consultation_id = :c", c) == before + 5);
    again->Close();
    Settle(50);
}

// The same when another consultation of the database is shown (Consultation menu); an import
// under way is cancelled and rolled back first.
BOOST_AUTO_TEST_CASE(closes_when_another_consultation_is_shown)
{
    Fixture f(Backend::Sqlite);
    const std::string first = f.ConsultationId();
    Consultation other;
    other.title = "Budget participatif 2025";
    other = ConsultationRepository(f.Db()).Create(other);
    const std::string before = f.Fingerprint();
    wxWeakRef<ImportWizard> wizard = SimulatedNativeImport(f, NativeFile(f, "switched.csv", 60000));
    Click(wizard->NextButton());
    BOOST_TEST_REQUIRE(wizard->IsRunning());

    f.frame->ReloadConsultation(other.id);
    BOOST_TEST(f.ConsultationId() == other.id);
    BOOST_TEST(WaitUntil([&] { return !wizard; }, 120000));
    f.frame->ReloadConsultation(first);
    BOOST_TEST(f.Fingerprint() == before);
}

BOOST_AUTO_TEST_SUITE_END()
