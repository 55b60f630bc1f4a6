// The Contributions area on a demo database, driven as a user would: the list and its count,
// a channel filter, a search typed after Ctrl+F with its words highlighted, an edit saved from
// the dialog, a bulk state change, the export to Excel read back by openpyxl, the empty state.
// Every outcome is checked in the database, never in the widgets alone.

#include "gui_support.h"
#include "app/areas.h"
#include "app/contribution_detail_pane.h"
#include "app/contribution_list_ctrl.h"
#include "app/contribution_panel.h"
#include "app/contribution_text.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "db/contribution_list.h"
#include "support/backends.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

using concerto::test::PressOk;
using concerto::test::Settle;
using concerto::test::WhenShown;

using namespace concerto;

namespace {

using concerto::test::WaitUntilIdle;

struct Fixture {
    MainFrame* frame = nullptr;
    ContributionPanel* view = nullptr;

    explicit Fixture(Backend backend = Backend::Sqlite, std::uint64_t contributions = 500)
    {
        frame = test::ShowDemoFrame(backend, contributions);
        frame->ShowArea(ContributionsArea);
        view = dynamic_cast<ContributionPanel*>(frame->View(ContributionsArea));
        BOOST_REQUIRE(view);
        BOOST_REQUIRE(WaitUntilIdle(*view));
    }
    ~Fixture()
    {
        frame->Destroy();
        Settle();
    }
    Database& Db() { return frame->GetDatabase(); }
    ContributionFilter Filter() const
    {
        ContributionFilter filter;
        filter.consultationId = frame->Context().ConsultationId();
        return filter;
    }
    /// Selects exactly the rows at `indexes`, as Ctrl+clicks would.
    void Select(std::initializer_list<long> indexes)
    {
        auto& list = view->List();
        list.SetItemState(-1, 0, wxLIST_STATE_SELECTED);
        for (const long index : indexes)
            list.SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                              wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        BOOST_REQUIRE(WaitUntilIdle(*view));
    }
};

/// "500 contributions", in the interface language, as the view should say it.
wxString CountLabel(long long count)
{
    return wxString::Format(wxPLURAL("%s contribution", "%s contributions", count), FormatCount(count));
}

std::vector<long long> SortedCopy(std::vector<long long> keys)
{
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

BOOST_AUTO_TEST_SUITE(contributions_view)

BOOST_AUTO_TEST_CASE(lists_every_contribution_then_filters_by_channel)
{
    Fixture f;
    const long long all = ContributionRepository(f.Db()).CountMatching(f.Filter());
    BOOST_TEST(all == 500);
    BOOST_TEST(f.view->List().GetItemCount() == all);
    BOOST_TEST(f.view->CountText() == CountLabel(all));
    BOOST_TEST(f.view->ShownPage() == 0);
    // In the order of the sort (remembered from the last run), and the visible rows have arrived.
    const auto expected = ContributionList(f.Db()).Keys(f.Filter(), f.view->Sort());
    BOOST_TEST(f.view->List().AllKeys() == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(f.view->List().RowAt(0) != nullptr);
    BOOST_TEST(f.view->List().GetItemText(0, ContributionListCtrl::NumberColumn) == FormatCount(expected.front()));

    const auto channel = ChannelRepository(f.Db()).FindBy("code", "caravane");
    BOOST_REQUIRE(channel.has_value());
    wxChoice* choice = f.view->Filters().ChannelChoice();
    const int index = choice->FindString(wxString::FromUTF8(channel->name));
    BOOST_REQUIRE(index != wxNOT_FOUND);
    choice->SetSelection(index);
    wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
    chosen.SetInt(index);
    chosen.SetEventObject(choice);
    choice->GetEventHandler()->ProcessEvent(chosen);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    ContributionFilter byChannel = f.Filter();
    byChannel.channelId = channel->id;
    const long long caravane = ContributionRepository(f.Db()).CountMatching(byChannel);
    BOOST_TEST(caravane > 0);
    BOOST_TEST(caravane < all);
    BOOST_TEST(f.view->List().GetItemCount() == caravane);
    BOOST_TEST(f.view->CountText() == CountLabel(caravane));
    for (long i = 0; i < std::min<long>(10, f.view->List().GetItemCount()); ++i)
        BOOST_TEST(f.view->List().GetItemText(i, ContributionListCtrl::ChannelColumn) ==
                   wxString::FromUTF8(channel->name));

    // Sorting by a header click goes through the keys again.
    wxListEvent click(wxEVT_LIST_COL_CLICK, f.view->List().GetId());
    click.m_col = ContributionListCtrl::ChannelColumn;
    click.SetEventObject(&f.view->List());
    f.view->List().GetEventHandler()->ProcessEvent(click);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_TEST((f.view->Sort().key == ContributionSortKey::Channel));
    BOOST_TEST(f.view->List().AllKeys() == ContributionList(f.Db()).Keys(byChannel, f.view->Sort()),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_contact_details_box_keeps_the_texts_that_hold_some)
{
    Fixture f;
    // Three citizens left an address or a number in what they said.
    const auto keys = f.view->List().AllKeys();
    BOOST_REQUIRE(keys.size() > 10);
    const char* const leaks[] = {"Écrivez-moi : awa.diallo@example.org", "Rappelez-moi au 06 12 34 56 78",
                                 "Mon courriel : jean@exemple.fr, merci"};
    for (std::size_t i = 0; i < 3; ++i) {
        auto detail = ContributionList(f.Db()).Detail(keys[i * 3]);
        BOOST_REQUIRE(detail.has_value());
        Contribution changed = detail->contribution;
        changed.notes = leaks[i];
        ContributionRepository(f.Db()).Update(changed);
    }
    ContributionFilter withContacts = f.Filter();
    withContacts.mentionsContact = true;
    const long long expected = ContributionRepository(f.Db()).CountMatching(withContacts);
    BOOST_TEST(expected >= 3); // the demo may hold a few of its own

    auto* box = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("contacts-filter", f.view));
    BOOST_REQUIRE(box);
    box->SetValue(true);
    wxCommandEvent ticked(wxEVT_CHECKBOX, box->GetId());
    ticked.SetInt(1);
    ticked.SetEventObject(box);
    box->GetEventHandler()->ProcessEvent(ticked);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_TEST(f.view->List().GetItemCount() == expected);
    BOOST_TEST(f.view->List().AllKeys() == ContributionList(f.Db()).Keys(withContacts, f.view->Sort()),
               boost::test_tools::per_element());
    BOOST_TEST(f.view->Filters().IsFiltering());
}

BOOST_AUTO_TEST_CASE(search_keeps_only_matching_rows_and_highlights_them)
{
    Fixture f;
    f.view->List().SetFocus();
    Settle(100);
    wxUIActionSimulator simulator;
    simulator.Char('F', wxMOD_CONTROL);
    Settle(150);
    BOOST_TEST(wxWindow::FindFocus() != nullptr);
    simulator.Text("ecoles");
    Settle(500); // the search applies after a pause in typing
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_TEST(f.view->Filters().SearchBox()->GetValue() == "ecoles");

    ContributionFilter search = f.Filter();
    search.search = "ecoles";
    const long long matching = ContributionRepository(f.Db()).CountMatching(search);
    BOOST_TEST(matching > 0);
    BOOST_TEST(matching < 500);
    BOOST_TEST(f.view->List().GetItemCount() == matching);
    const auto keys = f.view->List().AllKeys();
    BOOST_TEST(SortedCopy(keys) == SortedCopy(ContributionList(f.Db()).Keys(search, f.view->Sort())),
               boost::test_tools::per_element());
    // Every row listed really speaks of schools (the stem "ecol"), in its title or its text.
    for (const auto& row : ContributionList(f.Db()).Rows(keys)) {
        const auto words = Words(row.title + " " + row.body);
        const bool found =
            std::any_of(words.begin(), words.end(), [](const std::string& w) { return Fold(w).rfind("ecol", 0) == 0; });
        BOOST_TEST(found, "row " << row.seq << " does not match");
    }

    f.Select({0});
    const wxString text = f.view->Detail().Text();
    BOOST_TEST(f.view->Detail().ShownKey() == keys.front());
    BOOST_REQUIRE(!f.view->Detail().Highlights().empty());
    for (const auto& [start, end] : f.view->Detail().Highlights())
        BOOST_TEST(Fold(text.Mid(start, end - start).utf8_string()).rfind("ecol", 0) == 0u);

    // A search that matches nothing shows the empty state, which says what to do.
    f.view->Filters().SearchBox()->SetValue("xylophone");
    Settle(500);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_TEST(f.view->List().GetItemCount() == 0);
    BOOST_TEST(f.view->ShownPage() == 2);
    BOOST_TEST(f.view->CountText() == CountLabel(0));
    f.view->Filters().Clear();
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_TEST(f.view->List().GetItemCount() == 500);
    BOOST_TEST(f.view->ShownPage() == 0);
}

BOOST_AUTO_TEST_CASE(an_edit_is_saved_and_read_back)
{
    Fixture f;
    f.Select({3});
    const long long key = f.view->List().KeyAt(3);
    const auto before = ContributionList(f.Db()).Detail(key);
    BOOST_REQUIRE(before.has_value());
    const std::string corrected = "Texte corrigé : plus d'arbres devant l'école Makarenko !";

    wxString problem;
    WhenShown<ContributionDialog> editor([&](ContributionDialog& dialog) {
        auto* body = dynamic_cast<wxTextCtrl*>(dialog.FieldWindow(ContributionDialog::Field::Text));
        body->SetValue(wxString());
        PressOk(dialog); // refused: the text is required
        problem = dialog.ProblemText();
        body->SetValue(wxString::FromUTF8(corrected));
        PressOk(dialog);
    });
    f.view->List().SetFocus();
    Settle(100);
    wxUIActionSimulator simulator;
    simulator.Char(WXK_RETURN); // Enter edits the selected contribution
    Settle(300);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_REQUIRE(editor.Done());

    BOOST_TEST(problem.Contains(_("Text"))); // names the field
    const Contribution after = ContributionRepository(f.Db()).Get(before->contribution.id);
    BOOST_TEST(after.body == corrected);
    BOOST_TEST(after.version == before->contribution.version + 1);
    BOOST_TEST(after.channelId == before->contribution.channelId);
    BOOST_TEST(after.receivedAt.ToIso() == before->contribution.receivedAt.ToIso());
    BOOST_TEST(after.sourceRef == before->contribution.sourceRef);
    // The list shows the new text, and the row stays selected where it was.
    const long index = f.view->List().GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    BOOST_TEST(f.view->List().KeyAt(index) == key);
    BOOST_REQUIRE(f.view->List().RowAt(index) != nullptr);
    BOOST_TEST(f.view->List().RowAt(index)->body == corrected);
    BOOST_TEST(f.view->StatusText().Contains(FormatCount(key)));
}

BOOST_AUTO_TEST_CASE(a_bulk_state_change_reaches_every_selected_row)
{
    Fixture f;
    f.Select({1, 4, 6});
    const auto keys = f.view->List().SelectedKeys();
    BOOST_REQUIRE(keys.size() == 3u);
    const auto before = ContributionList(f.Db()).Rows(keys);
    WhenShown<wxSingleChoiceDialog> chooser([](wxSingleChoiceDialog& dialog) {
        dialog.SetSelection(3); // excluded
        PressOk(dialog);
    });
    f.view->ChooseStateForSelection();
    BOOST_REQUIRE(chooser.Done());
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    const auto after = ContributionList(f.Db()).Rows(keys);
    BOOST_REQUIRE(after.size() == 3u);
    for (std::size_t i = 0; i < after.size(); ++i) {
        BOOST_TEST((after[i].state == ContributionState::Excluded));
        BOOST_TEST(after[i].version == before[i].version + 1);
    }
    BOOST_TEST(f.view->StatusText().Contains("3 contributions"));
    BOOST_TEST(SortedCopy(f.view->List().SelectedKeys()) == SortedCopy(keys), boost::test_tools::per_element());
    BOOST_TEST(f.view->List().GetItemText(1, ContributionListCtrl::StateColumn) ==
               StateName(ContributionState::Excluded));
    // Deleting two of them removes them from the database and from the list.
    f.view->DeleteKeys({keys[0], keys[1]});
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_TEST(ContributionList(f.Db()).Rows(keys).size() == 1u);
    BOOST_TEST(f.view->List().GetItemCount() == 498);
}

BOOST_AUTO_TEST_CASE(the_selection_exports_to_excel_as_text_never_formulas)
{
    Fixture f;
    f.Select({0, 2, 5});
    const auto keys = f.view->List().SelectedKeys();
    // A citizen's text that looks like a formula must stay text in the workbook.
    Contribution tricky = ContributionRepository(f.Db()).Get(f.view->List().RowAt(2)->id);
    tricky.body = "=SOMME(A1:A9) voilà ce que coûte la rénovation";
    ContributionRepository(f.Db()).Update(tricky);
    f.frame->Context().NotifyChanged("contribution");
    BOOST_REQUIRE(WaitUntilIdle(*f.view));

    const std::string path = test::TempFolder() + "/selection.xlsx";
    f.view->ExportTo(wxString::FromUTF8(path), keys);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    BOOST_TEST(f.view->StatusText().Contains("3 contributions"));
    const auto rows = ContributionList(f.Db()).Rows(keys);

    const std::string script = test::TempFolder() + "/read_export.py";
    std::ofstream(script) << "import openpyxl, sys\n"
                             "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                             "print('rows', ws.max_row)\n"
                             "print('bold', all(c.font.bold for c in ws[1]))\n"
                             "print('header', ws['A1'].value, '|', ws['I1'].value)\n"
                             "print('first', ws['A2'].value)\n"
                             "print('date', type(ws['B2'].value).__name__, ws['B2'].number_format)\n"
                             "for r in range(2, ws.max_row + 1):\n"
                             "    if str(ws.cell(r, 9).value).startswith('='):\n"
                             "        print('formula', ws.cell(r, 9).data_type, ws.cell(r, 9).value)\n";
    FILE* pipe = popen(("/usr/bin/python3 " + script + " " + path).c_str(), "r");
    BOOST_REQUIRE(pipe);
    std::map<std::string, std::string> out;
    char line[1024];
    while (std::fgets(line, sizeof line, pipe)) {
        std::string text(line);
        text.erase(text.find_last_not_of('\n') + 1);
        out[text.substr(0, text.find(' '))] = text.substr(text.find(' ') + 1);
    }
    BOOST_REQUIRE(pclose(pipe) == 0);
    BOOST_TEST(out["rows"] == "4");
    BOOST_TEST(out["bold"] == "True");
    BOOST_TEST(out["header"] == (_("No.") + " | " + _("Text")).utf8_string());
    BOOST_TEST(out["first"] == std::to_string(rows.front().seq));
    BOOST_TEST(out["date"] == "datetime dd/mm/yyyy hh:mm");
    BOOST_TEST(out["formula"] == "s " + tricky.body);

    // Nothing selected: every row listed goes out.
    f.view->List().SetItemState(-1, 0, wxLIST_STATE_SELECTED);
    const std::string all = test::TempFolder() + "/all.xlsx";
    f.view->ExportTo(wxString::FromUTF8(all), f.view->List().AllKeys());
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    pipe = popen(
        ("/usr/bin/python3 -c 'import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1]).active.max_row)' " + all)
            .c_str(),
        "r");
    BOOST_REQUIRE(pipe);
    BOOST_REQUIRE(std::fgets(line, sizeof line, pipe));
    pclose(pipe);
    BOOST_TEST(std::string(line) == "501\n");
}

BOOST_AUTO_TEST_CASE(works_on_postgresql_too)
{
    Fixture f(Backend::Postgresql, 300);
    BOOST_TEST(f.view->List().GetItemCount() == 300);
    f.view->Filters().SearchBox()->SetValue("ecoles");
    Settle(500);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    ContributionFilter search = f.Filter();
    search.search = "ecoles";
    BOOST_TEST(f.view->List().GetItemCount() == ContributionRepository(f.Db()).CountMatching(search));
    f.Select({0, 1, 2});
    f.view->SetStateOf(f.view->List().SelectedKeys(), ContributionState::ToReview);
    BOOST_REQUIRE(WaitUntilIdle(*f.view));
    for (const auto& row : ContributionList(f.Db()).Rows(f.view->List().SelectedKeys()))
        BOOST_TEST((row.state == ContributionState::ToReview));
}

BOOST_AUTO_TEST_SUITE_END()
