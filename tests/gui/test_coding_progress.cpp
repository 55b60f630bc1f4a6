// The coding progress panel in a frame of its own on a demo database: a row per channel and a
// total line, a row per coder, French labels; it follows a tag saved here (NotifyChanged), a
// tag committed by another client on PostgreSQL (LISTEN/NOTIFY, no call from this program),
// catches up when its hidden notebook page is shown, and says when there is nothing to code.

#include "gui_support.h"
#include "app/app_context.h"
#include "app/coding_progress_panel.h"
#include "app/localization.h"
#include "db/coding_progress.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "support/backends.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/regex.h>

using concerto::test::AnyShownText;
using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

Tag NewTag(Database& db, const std::string& consultationId, const std::string& coder)
{
    const auto contribution = ContributionRepository(db).List({Repository<Contribution>::Equals("consultation_id", consultationId)}, 1);
    const auto commitment = CommitmentRepository(db).List({}, 1);
    BOOST_REQUIRE(!contribution.empty());
    BOOST_REQUIRE(!commitment.empty());
    Tag tag;
    tag.contributionId = contribution.front().id;
    tag.commitmentId = commitment.front().id;
    tag.stance = Stance::Proposal;
    tag.coder = coder;
    tag.taggedAt = Timestamp::Now();
    return tag;
}

// A frame holding the panel (directly, or on the second page of a notebook) with its own context.
struct Harness {
    std::unique_ptr<Database> db;
    wxFrame* frame = nullptr;
    std::unique_ptr<AppContext> context;
    wxNotebook* book = nullptr;
    CodingProgressPanel* panel = nullptr;

    Harness(std::unique_ptr<Database> database, bool inNotebook = false) : db(std::move(database))
    {
        frame = new wxFrame(nullptr, wxID_ANY, "Avancement du codage", wxDefaultPosition, wxSize(1366, 768));
        context = std::make_unique<AppContext>(*db, frame);
        const auto consultations = ConsultationRepository(*db).List({}, 1);
        if (!consultations.empty())
            context->SetConsultation(consultations.front());
        if (inNotebook) {
            book = new wxNotebook(frame, wxID_ANY);
            book->AddPage(new wxPanel(book), "Codage");
            panel = new CodingProgressPanel(book, *context);
            book->AddPage(panel, wxString::FromUTF8("Avancement"));
        } else {
            panel = new CodingProgressPanel(frame, *context);
        }
        frame->Show();
        Settle();
    }
    ~Harness()
    {
        frame->Destroy(); // the panel goes first, while its context still exists
        Settle();
        context.reset();
    }
    bool Loaded(int loads = 1)
    {
        return WaitUntil([&] { return panel->LoadCount() >= loads && !panel->IsLoading(); });
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(coding_progress_panel)

BOOST_AUTO_TEST_CASE(shows_a_row_per_channel_and_per_coder)
{
    Harness h(test::DemoDatabase(Backend::Sqlite, 400));
    BOOST_REQUIRE(h.Loaded());
    const CodingProgress expected = LoadCodingProgress(*h.db, h.context->ConsultationId());
    const auto rows = h.panel->ChannelRowTexts();
    BOOST_REQUIRE(rows.size() == expected.channels.size() + 1);
    for (std::size_t i = 0; i < expected.channels.size(); ++i) {
        const ChannelProgress& channel = expected.channels[i];
        BOOST_TEST(rows[i].StartsWith(wxString::FromUTF8(channel.channel) + " | "), rows[i]);
        BOOST_TEST(rows[i].Contains(" | " + FormatCount(channel.tagged + channel.excluded) + " / " +
                                    FormatCount(channel.total) + " | "),
                   rows[i]);
    }
    const ChannelProgress& totals = expected.totals;
    BOOST_TEST(rows.back().StartsWith("Total | "));
    BOOST_TEST(rows.back().Contains(FormatCount(totals.tagged + totals.excluded) + " / " + FormatCount(400)));
    BOOST_TEST(rows.back().Contains(wxString::Format(wxString::FromUTF8("%d\u00a0%%"), static_cast<int>(totals.CodedShare() * 100))));

    const auto coders = h.panel->CoderRowTexts();
    BOOST_REQUIRE(coders.size() == expected.coders.size());
    BOOST_REQUIRE(!coders.empty());
    const CoderProgress& top = expected.coders.front();
    BOOST_TEST(coders.front().StartsWith(wxString::FromUTF8(top.coder) + " | " + FormatCount(top.tags) + " | " +
                                         FormatCount(top.contributions) + " | "),
               coders.front());
    BOOST_TEST(wxRegEx("[0-3][0-9]/[01][0-9]/20[0-9][0-9] [0-2][0-9]:[0-5][0-9]$").Matches(coders.front()));
    BOOST_TEST(AnyShownText(h.frame, wxString::FromUTF8("Avancement du codage")));
    BOOST_TEST(AnyShownText(h.frame, wxString::FromUTF8("Par canal")));
}

BOOST_AUTO_TEST_CASE(follows_a_tag_saved_here)
{
    Harness h(test::DemoDatabase(Backend::Sqlite, 200));
    BOOST_REQUIRE(h.Loaded());
    const long long before = h.panel->Shown().tags;
    TagRepository(*h.db).Create(NewTag(*h.db, h.context->ConsultationId(), "Zoé Nouvelle"));
    h.context->NotifyChanged("tag");
    BOOST_TEST(WaitUntil([&] { return h.panel->Shown().tags == before + 1; }));
    bool found = false;
    for (const auto& row : h.panel->CoderRowTexts())
        found = found || row.StartsWith(wxString::FromUTF8("Zoé Nouvelle | 1 | 1 | "));
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(follows_another_clients_commit_on_postgresql)
{
    Harness h(test::DemoDatabase(Backend::Postgresql, 150));
    BOOST_REQUIRE(h.Loaded());
    BOOST_REQUIRE(WaitUntil([&] { return h.context->IsListeningForChanges(); }));
    std::vector<std::pair<std::string, bool>> heard;
    const int subscription =
        h.context->SubscribeWithOrigin([&](const std::string& table, bool remote) { heard.emplace_back(table, remote); });
    const int loads = h.panel->LoadCount();
    const long long before = h.panel->Shown().tags;

    // Another client: its own connection, and no NotifyChanged in this program.
    auto other = h.db->Reopen();
    TagRepository(*other).Create(NewTag(*other, h.context->ConsultationId(), "Collègue distante"));

    BOOST_TEST(WaitUntil([&] { return h.panel->Shown().tags == before + 1; }));
    BOOST_TEST(h.panel->LoadCount() > loads);
    BOOST_TEST((std::count(heard.begin(), heard.end(), std::make_pair(std::string("tag"), true)) == 1));
    h.context->Unsubscribe(subscription);
}

BOOST_AUTO_TEST_CASE(a_hidden_page_catches_up_when_shown)
{
    Harness h(test::DemoDatabase(Backend::Sqlite, 120), true);
    h.book->SetSelection(1);
    BOOST_REQUIRE(h.Loaded());
    h.book->SetSelection(0);
    Settle();
    const int loads = h.panel->LoadCount();
    const long long before = h.panel->Shown().tags;
    TagRepository(*h.db).Create(NewTag(*h.db, h.context->ConsultationId(), "Awa"));
    h.context->NotifyChanged("tag");
    Settle(1000);
    BOOST_TEST(h.panel->LoadCount() == loads); // nobody looks: nothing counted
    h.book->SetSelection(1);
    BOOST_TEST(WaitUntil([&] { return h.panel->Shown().tags == before + 1; }));
}

BOOST_AUTO_TEST_CASE(says_when_there_is_nothing_to_code)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    Consultation consultation;
    consultation.title = "Consultation vide";
    ConsultationRepository(*db).Create(consultation);
    Harness h(std::move(db));
    BOOST_REQUIRE(h.Loaded());
    BOOST_TEST(h.panel->Shown().totals.total == 0);
    BOOST_TEST(AnyShownText(h.frame, wxString::FromUTF8("Rien à coder pour l’instant")));
    BOOST_TEST(!AnyShownText(h.frame, wxString::FromUTF8("Avancement du codage")));
}

BOOST_AUTO_TEST_SUITE_END()
