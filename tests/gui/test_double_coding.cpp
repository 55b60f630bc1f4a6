// The double-coding panel hosted in a frame of its own on a demo database: a sample created
// through the dialog driven by code (read back, stratified), a refusal that keeps the dialog
// open and writes nothing, "code blind" offered to the sample's coders only, the agreement
// report as shown against a hand computation, and an adjudication from the pane (read back).

#include "app/app_context.h"
#include "app/double_coding_adjudication.h"
#include "app/double_coding_panel.h"
#include "db/double_coding.h"
#include "db/repositories.h"
#include "dialogs/sample_dialog.h"
#include "gui_support.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

using concerto::test::DemoDatabase;
using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

struct Harness {
    std::unique_ptr<Database> db;
    wxFrame* frame = nullptr;
    std::unique_ptr<AppContext> context;
    DoubleCodingPanel* panel = nullptr;
    std::vector<std::string> blindRequests; ///< samples the panel asked to code blind

    explicit Harness(Backend backend = Backend::Sqlite) : db(DemoDatabase(backend, 300))
    {
        frame = new wxFrame(nullptr, wxID_ANY, "Double codage", wxDefaultPosition, wxSize(1280, 760));
        context = std::make_unique<AppContext>(*db, frame);
        context->SetConsultation(ConsultationRepository(*db).List().front());
        panel = new DoubleCodingPanel(frame, *context,
                                      [this](const CodingSample& sample) { blindRequests.push_back(sample.id); });
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(panel, wxSizerFlags(1).Expand());
        frame->SetSizer(sizer);
        frame->Show();
        Settle();
        BOOST_TEST_REQUIRE(Loaded());
    }
    ~Harness()
    {
        frame->Destroy();
        Settle();
        context.reset();
    }
    bool Loaded()
    {
        return WaitUntil([this] { return !panel->IsLoading(); });
    }
    std::string ConsultationId() const { return context->ConsultationId(); }
};

void Type(SampleDialog& dialog, SampleField field, const wxString& text)
{
    wxWindow* window = dialog.FieldWindow(field);
    if (auto* combo = dynamic_cast<wxComboBox*>(window))
        combo->ChangeValue(text);
    else
        static_cast<wxTextCtrl*>(window)->ChangeValue(text);
}

void BlindTag(Database& db, const CodingSample& sample, const std::string& contributionId, const std::string& coder,
              const std::string& commitmentId)
{
    SampleTag tag;
    tag.sampleId = sample.id;
    tag.contributionId = contributionId;
    tag.commitmentId = commitmentId;
    tag.stance = Stance::Support;
    tag.coder = coder;
    tag.taggedAt = Timestamp::Now();
    SampleTagRepository(db).Create(tag);
}

} // namespace

BOOST_AUTO_TEST_SUITE(double_coding_panel)

namespace {
void CreateReportAndAdjudicate(Backend backend)
{
    Harness h(backend);
    Database& db = *h.db;
    const std::string user = db.UserName();
    BOOST_TEST(h.panel->SampleCount() == 0); // the empty state
    BOOST_TEST(!h.panel->CanCodeBlind());

    // The dialog, driven by code as a person would fill it: 10 % of the 300 contributions.
    SampleDialog dialog(h.frame, h.panel->DialogChoices(), h.panel->NewRequest(), h.panel->SampleCreator());
    dialog.TransferDataToWindow();
    BOOST_TEST(static_cast<wxComboBox*>(dialog.FieldWindow(SampleField::CoderA))->GetValue() == wxString(user));
    Type(dialog, SampleField::Name, "Échantillon d'essai");
    Type(dialog, SampleField::CoderB, user); // the same coder twice: refused here, nothing written
    Type(dialog, SampleField::Size, "10");
    dialog.UnitChoice()->SetSelection(1);
    Type(dialog, SampleField::Seed, "2023");
    BOOST_TEST(!dialog.Submit());
    BOOST_TEST(dialog.ProblemText().StartsWith("Codeur B"), dialog.ProblemText());
    BOOST_TEST(CodingSampleRepository(db).Count() == 0);
    Type(dialog, SampleField::CoderB, "bruno");
    BOOST_TEST(dialog.PreviewText().StartsWith("30 contributions sur 300"), dialog.PreviewText());
    BOOST_TEST_REQUIRE(dialog.Submit());
    BOOST_TEST(dialog.ProblemText().empty());

    const auto stored = CodingSampleRepository(db).FindBy("name", "Échantillon d'essai");
    BOOST_TEST_REQUIRE(stored.has_value());
    BOOST_TEST(stored->coderA == user);
    BOOST_TEST(stored->coderB == "bruno");
    BOOST_TEST(stored->seed == 2023);
    BOOST_TEST(GetSampleProgress(db, stored->id).items == 30);
    BOOST_TEST(WaitUntil([&] { return !h.panel->IsLoading() && h.panel->SampleCount() == 1; }));
    BOOST_TEST_REQUIRE(h.panel->SelectedSample());
    BOOST_TEST(h.panel->SelectedSample()->id == stored->id);

    // The same name again is refused by the library, shown in the dialog, and writes nothing.
    SampleDialog again(h.frame, h.panel->DialogChoices(), h.panel->NewRequest(), h.panel->SampleCreator());
    again.TransferDataToWindow();
    Type(again, SampleField::Name, "Échantillon d'essai");
    Type(again, SampleField::CoderB, "bruno");
    BOOST_TEST(!again.Submit());
    BOOST_TEST(again.ProblemText().StartsWith("Nom"), again.ProblemText());
    BOOST_TEST(CodingSampleRepository(db).Count() == 1);
    BOOST_TEST(SampleItemRepository(db).Count() == 30);

    // The current user is coder A: "code blind" is offered and hands the sample over.
    BOOST_TEST(h.panel->CanCodeBlind());
    h.panel->CodeBlind();
    BOOST_TEST((h.blindRequests == std::vector<std::string>{stored->id}));

    // Both coders finish items 1–10; commitment X: A on 1–4, B on 1–3 and 5, so a = 3, b = 1,
    // c = 1, d = 5, n = 10: po = 8/10 = 80 %; pA = pB = 0.4; pe = 0.16 + 0.36 = 0.52;
    // κ = (0.80 − 0.52)/(1 − 0.52) = 0.28/0.48 = 0.583… → "0,58", « modéré ».
    const auto queue = SampleQueue(db, stored->id, user, false);
    const Commitment x = CommitmentRepository(db).ListBy("consultation_id", h.ConsultationId(), "ref").front();
    for (int k = 0; k < 10; ++k) { // the demo's own final tags would blur what adjudication adds
        Bindings bindings;
        bindings.Text("id", queue[static_cast<std::size_t>(k)]);
        Execute(db, "DELETE FROM tag WHERE contribution_id = :id", bindings);
    }
    for (int k : {0, 1, 2, 3})
        BlindTag(db, *stored, queue[static_cast<std::size_t>(k)], user, x.id);
    for (int k : {0, 1, 2, 4})
        BlindTag(db, *stored, queue[static_cast<std::size_t>(k)], "bruno", x.id);
    for (auto item : SampleItemRepository(db).ListBy("sample_id", stored->id, "position")) {
        if (item.position > 10)
            continue;
        item.doneByA = item.doneByB = Timestamp::Now();
        SampleItemRepository(db).Update(item);
    }
    h.context->NotifyChanged("sample_tag");
    BOOST_TEST(WaitUntil([&] { return !h.panel->IsLoading() && h.panel->Report().compared == 10; }));
    BOOST_TEST_REQUIRE(h.panel->ReportRowCount() == 3); // X, then the pooled and the mean rows
    using P = DoubleCodingPanel;
    BOOST_TEST(h.panel->ReportCell(0, P::RefColumn) == wxString::FromUTF8(x.ref));
    BOOST_TEST(h.panel->ReportCell(0, P::ComparedColumn) == "10");
    BOOST_TEST(h.panel->ReportCell(0, P::BothColumn) == "3");
    BOOST_TEST(h.panel->ReportCell(0, P::OnlyAColumn) == "1");
    BOOST_TEST(h.panel->ReportCell(0, P::OnlyBColumn) == "1");
    BOOST_TEST(h.panel->ReportCell(0, P::NeitherColumn) == "5");
    BOOST_TEST(h.panel->ReportCell(0, P::PercentColumn) == wxString::FromUTF8("80,0\u00a0%"));
    BOOST_TEST(h.panel->ReportCell(0, P::KappaColumn) == "0,58");
    BOOST_TEST(h.panel->ReportCell(0, P::StrengthColumn) == wxString::FromUTF8("modéré"));
    BOOST_TEST(h.panel->ReportCell(1, P::KappaColumn) == "0,58"); // one commitment: pooled = it
    BOOST_TEST(h.panel->ReportSummary().StartsWith("10 contributions comparées sur 30"), h.panel->ReportSummary());

    // Two disagreements (items 4 and 5); adjudicate item 4 keeping A's tag.
    BOOST_TEST_REQUIRE(h.panel->DisagreementCount() == 2);
    BOOST_TEST_REQUIRE(h.panel->SelectDisagreement(0));
    AdjudicationPane& pane = h.panel->Adjudication();
    BOOST_TEST(pane.ContributionId() == queue[3]);
    BOOST_TEST_REQUIRE(pane.TagCount() == 1);
    BOOST_TEST(!pane.IsKept(0)); // proposed by A only: not ticked at first
    const auto finalsBefore = TagRepository(db).ListBy("contribution_id", queue[3]).size();
    pane.SetKept(0, true);
    BOOST_TEST_REQUIRE(pane.Validate());
    const auto finals = TagRepository(db).ListBy("contribution_id", queue[3]);
    BOOST_TEST(finals.size() == finalsBefore + 1);
    BOOST_TEST(std::any_of(finals.begin(), finals.end(),
                           [&](const Tag& t) { return t.commitmentId == x.id && t.coder == user; }));
    BOOST_TEST(CompareContribution(db, stored->id, queue[3]).adjudicatedAt.has_value());
    // The panel reloads and moves on to the next disagreement.
    BOOST_TEST(WaitUntil([&] { return !h.panel->IsLoading() && pane.ContributionId() == queue[4]; }));

    // Accepting the agreements settles items 1–3 and the 5 where nobody tagged anything.
    const AcceptedAgreements accepted = h.panel->AcceptAgreementsNow();
    BOOST_TEST(accepted.itemsSettled == 8);
    BOOST_TEST(GetSampleProgress(db, stored->id).adjudicated == 9);
}
} // namespace

BOOST_AUTO_TEST_CASE(sample_created_through_the_dialog_then_reported_and_adjudicated)
{
    CreateReportAndAdjudicate(Backend::Sqlite);
}

BOOST_AUTO_TEST_CASE(the_same_on_postgresql)
{
    CreateReportAndAdjudicate(Backend::Postgresql);
}

BOOST_AUTO_TEST_CASE(someone_else_cannot_code_the_sample_blind)
{
    Harness h;
    SampleRequest request;
    request.consultationId = h.ConsultationId();
    request.name = "Entre collègues";
    request.coderA = "alice";
    request.coderB = "bruno";
    request.size = {false, 12};
    CreateSample(*h.db, request);
    h.context->NotifyChanged("coding_sample");
    BOOST_TEST(WaitUntil([&] { return !h.panel->IsLoading() && h.panel->SampleCount() == 1; }));
    BOOST_TEST(!h.panel->CanCodeBlind());
    h.panel->CodeBlind();
    BOOST_TEST(h.blindRequests.empty());
    BOOST_TEST(h.panel->Report().items == 12);
    BOOST_TEST(h.panel->Report().compared == 0);
    BOOST_TEST(h.panel->DisagreementCount() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
