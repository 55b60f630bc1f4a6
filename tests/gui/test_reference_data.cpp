// The reference data view on a demo database: a neighbourhood added, renamed, moved up and
// deleted, a used one that cannot be deleted, a duplicate code — each read back from the
// database — and the generic dialog driven like a user would.

#include "gui_support.h"
#include "app/areas.h"
#include "app/main_frame.h"
#include "app/reference_panel.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"
#include "dialogs/reference_item_dialog.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

using concerto::test::AnswerModal;
using concerto::test::Click;
using concerto::test::PressOk;
using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

struct Shown : test::DemoFrameFixture {
    ReferenceDataPanel* view = nullptr;

    explicit Shown(Backend backend) : DemoFrameFixture(backend, 150)
    {
        frame->ShowArea(ReferenceDataArea);
        view = dynamic_cast<ReferenceDataPanel*>(frame->View(ReferenceDataArea));
        BOOST_REQUIRE(view);
        Loaded();
    }
    void Loaded()
    {
        BOOST_REQUIRE(WaitUntil([this] { return !view->IsLoading(); }));
    }
    int IndexOf(const std::string& code)
    {
        const auto& rows = view->Rows();
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].values.at("code") == code)
                return static_cast<int>(i);
        return -1;
    }
    /// The neighbourhoods' codes in stored position order.
    std::vector<std::string> StoredOrder()
    {
        std::vector<std::string> codes;
        for (const auto& n : NeighbourhoodRepository(Db()).List({}, 0, "position"))
            codes.push_back(n.code);
        return codes;
    }
};

/// The neighbourhood lifecycle, identical on both backends.
void NeighbourhoodLifecycle(Shown& shown)
{
    shown.view->ShowKind(ReferenceDataPanel::Neighbourhoods);
    shown.Loaded();
    const std::size_t initial = shown.view->Rows().size();
    BOOST_REQUIRE(initial >= 3);
    NeighbourhoodRepository neighbourhoods(shown.Db());

    // Add: goes last, in the database and in the list.
    ReferenceSaveOutcome added =
        shown.view->SaveRow(nullptr, {{"code", "gare"}, {"name", "Quartier de la gare"}}, shown.frame);
    BOOST_TEST(added.saved);
    auto stored = neighbourhoods.FindBy("code", "gare");
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->name == "Quartier de la gare");
    BOOST_TEST(shown.StoredOrder().back() == "gare");
    BOOST_REQUIRE(WaitUntil([&] { return shown.IndexOf("gare") == static_cast<int>(initial); }));
    BOOST_TEST(shown.view->SelectedRow() == static_cast<int>(initial));
    BOOST_TEST(shown.view->List()->GetItemText(initial, 0) == wxString::FromUTF8("Quartier de la gare"));

    // Rename.
    const ReferenceRow row = shown.view->Rows()[shown.IndexOf("gare")];
    ReferenceSaveOutcome renamed =
        shown.view->SaveRow(&row, {{"code", "gare"}, {"name", "Gare – Ivry-sur-Seine"}}, shown.frame);
    BOOST_TEST(renamed.saved);
    stored = neighbourhoods.FindBy("code", "gare");
    BOOST_TEST(stored->name == "Gare – Ivry-sur-Seine");
    BOOST_TEST(stored->version == 2);
    BOOST_REQUIRE(WaitUntil([&] {
        const int i = shown.IndexOf("gare");
        return i >= 0 && shown.view->Rows()[i].version == 2;
    }));

    // Move up: it changes places with the one before it, in the stored order.
    const std::vector<std::string> before = shown.StoredOrder();
    BOOST_TEST(shown.view->MoveRow(shown.IndexOf("gare"), -1));
    std::vector<std::string> expected = before;
    std::swap(expected[expected.size() - 1], expected[expected.size() - 2]);
    BOOST_TEST(shown.StoredOrder() == expected);
    BOOST_REQUIRE(WaitUntil([&] { return shown.IndexOf("gare") == static_cast<int>(initial) - 1; }));
    BOOST_TEST(shown.view->SelectedRow() == static_cast<int>(initial) - 1);
    BOOST_TEST(!shown.view->MoveRow(0, -1)); // the first cannot go higher

    // A duplicate code is refused, naming the field.
    ReferenceSaveOutcome duplicate = shown.view->SaveRow(nullptr, {{"code", "gare"}, {"name", "Autre"}}, shown.frame);
    BOOST_TEST(!duplicate.saved);
    BOOST_TEST(duplicate.field == "code");
    BOOST_TEST(duplicate.error.StartsWith(_("Code")), duplicate.error);
    BOOST_TEST(neighbourhoods.Count() == static_cast<long long>(initial) + 1);

    // Delete the unused one.
    BOOST_TEST(shown.view->DeleteRow(shown.IndexOf("gare")));
    BOOST_TEST(!neighbourhoods.FindBy("code", "gare"));
    BOOST_REQUIRE(WaitUntil([&] { return shown.IndexOf("gare") < 0 && !shown.view->IsLoading(); }));
    BOOST_TEST(shown.view->Rows().size() == initial);

    // A neighbourhood that contributions use cannot be deleted: the reason is shown, nothing changes.
    std::string used;
    QueryRows(shown.Db(),
              "SELECT CAST(MIN(n.code) AS text) FROM neighbourhood n JOIN contribution c ON "
              "c.neighbourhood_id = n.id",
              {}, [&](const soci::row& r) { used = Cell::Text(r, 0); });
    BOOST_REQUIRE(!used.empty());
    BOOST_TEST(!shown.view->DeleteRow(shown.IndexOf(used)));
    BOOST_TEST(shown.view->Message().Contains(wxString::FromUTF8("lié à d'autres données")), shown.view->Message());
    BOOST_TEST(neighbourhoods.FindBy("code", used).has_value());
    Settle();
    BOOST_TEST(shown.IndexOf(used) >= 0);
}

wxTextCtrl* Field(wxWindow& dialog, const char* key)
{
    return dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName(key, &dialog));
}

} // namespace

BOOST_AUTO_TEST_SUITE(reference_data_view)

BOOST_AUTO_TEST_CASE(neighbourhood_lifecycle)
{
    Shown shown(Backend::Sqlite);
    NeighbourhoodLifecycle(shown);
}

BOOST_AUTO_TEST_CASE(neighbourhood_lifecycle_on_postgresql)
{
    Shown shown(Backend::Postgresql);
    NeighbourhoodLifecycle(shown);
}

BOOST_AUTO_TEST_CASE(dialog_checks_required_fields_then_saves)
{
    Shown shown(Backend::Sqlite);
    shown.view->ShowKind(ReferenceDataPanel::Channels);
    shown.Loaded();
    const long long before = ChannelRepository(shown.Db()).Count();
    wxString refusal;
    AnswerModal<ReferenceItemDialog>([&](ReferenceItemDialog& dialog) {
        Field(dialog, "code")->SetValue("porte-a-porte");
        PressOk(dialog); // no name yet
        BOOST_TEST(dialog.IsModal());
        refusal = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("error", &dialog))->GetLabel();
        Field(dialog, "name")->SetValue(wxString::FromUTF8("Porte-à-porte"));
        Field(dialog, "description")->SetValue(wxString::FromUTF8("Visites à domicile"));
        PressOk(dialog);
        BOOST_TEST(!dialog.IsModal());
    });
    shown.view->NewItem();
    Settle();
    BOOST_TEST(refusal.StartsWith(_("Name")), refusal); // the field is named
    BOOST_TEST(ChannelRepository(shown.Db()).Count() == before + 1);
    const auto channel = ChannelRepository(shown.Db()).FindBy("code", "porte-a-porte");
    BOOST_REQUIRE(channel);
    BOOST_TEST(channel->name == "Porte-à-porte");
    BOOST_TEST(channel->description == "Visites à domicile");
}

BOOST_AUTO_TEST_CASE(themes_and_cards_belong_to_the_consultation)
{
    Shown shown(Backend::Sqlite);
    const std::string consultation = shown.frame->Context().ConsultationId();
    shown.view->ShowKind(ReferenceDataPanel::Themes);
    shown.Loaded();
    BOOST_TEST(shown.view->Rows().size() == ThemeRepository(shown.Db()).ListBy("consultation_id", consultation).size());
    // A theme with commitments cannot be deleted.
    BOOST_TEST(!shown.view->DeleteRow(0));
    BOOST_TEST(!shown.view->Message().empty());
    BOOST_TEST(ThemeRepository(shown.Db()).Get(shown.view->Rows()[0].id).id == shown.view->Rows()[0].id);

    shown.view->ShowKind(ReferenceDataPanel::Cards);
    shown.Loaded();
    BOOST_TEST(shown.view->Message().empty()); // a new kind starts without the previous message
    const auto theme = ThemeRepository(shown.Db()).ListBy("consultation_id", consultation, "position").front();
    ReferenceSaveOutcome card = shown.view->SaveRow(
        nullptr, {{"code", "CARTE-TEST"}, {"title", "Carte d'essai"}, {"theme_id", theme.id}}, shown.frame);
    BOOST_TEST(card.saved);
    const auto stored = CardRepository(shown.Db()).FindBy("code", "CARTE-TEST");
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->consultationId == consultation);
    BOOST_TEST(stored->themeId == theme.id);

    shown.view->ShowKind(ReferenceDataPanel::Consultations);
    shown.Loaded();
    BOOST_TEST(shown.view->Rows().size() == static_cast<std::size_t>(ConsultationRepository(shown.Db()).Count()));
    const ReferenceRow row = shown.view->Rows()[0];
    ReferenceSaveOutcome wrongDates = shown.view->SaveRow(
        &row, {{"title", "Bilan"}, {"starts_on", "2023-10-01"}, {"ends_on", "2023-09-01"}}, shown.frame);
    BOOST_TEST(!wrongDates.saved);
    BOOST_TEST(wrongDates.field == "ends_on");
}

BOOST_AUTO_TEST_CASE(rename_over_a_newer_version_asks_first)
{
    Shown shown(Backend::Sqlite);
    shown.view->ShowKind(ReferenceDataPanel::Channels);
    shown.Loaded();
    const ReferenceRow opened = shown.view->Rows().front(); // what the user opened
    Channel theirs = ChannelRepository(shown.Db()).Get(opened.id);
    theirs.name = "Renommé par un collègue";
    theirs = ChannelRepository(shown.Db()).Update(theirs);
    ReferenceValues mine = opened.values;
    mine["name"] = "Mon nom";

    // Take theirs: nothing of mine is written, the dialog may close.
    AnswerModal<ConflictDialog>([](ConflictDialog& dialog) { Click(dialog, ConflictDialog::TakeTheirsId); });
    ReferenceSaveOutcome outcome = shown.view->SaveRow(&opened, mine, shown.frame);
    BOOST_TEST(!outcome.saved);
    BOOST_TEST(outcome.closeDialog);
    BOOST_TEST(ChannelRepository(shown.Db()).Get(opened.id).name == "Renommé par un collègue");

    // Keep mine: saved knowingly over theirs.
    AnswerModal<ConflictDialog>([](ConflictDialog& dialog) { Click(dialog, ConflictDialog::KeepMineId); });
    outcome = shown.view->SaveRow(&opened, mine, shown.frame);
    BOOST_TEST(outcome.saved);
    const Channel stored = ChannelRepository(shown.Db()).Get(opened.id);
    BOOST_TEST(stored.name == "Mon nom");
    BOOST_TEST(stored.version == theirs.version + 1);
}

BOOST_AUTO_TEST_SUITE_END()
