// The contributions list's data layer on both backends: the order of Keys() for every sort,
// combined filters and full-text search, Rows() in the order asked, FirstPage(), empty results,
// bulk edits in one transaction; and the Excel table writer, read back with openpyxl.

#include "db/contribution_list.h"
#include "reports/xlsx_table.h"
#include "sample.h"
#include "support/backends.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

using namespace concerto;
using concerto::test::Sample;

namespace {

/// The sample consultation with four channels, four neighbourhoods and twelve contributions
/// spread over them, whose expected orders are computed here independently of the SQL.
struct ListFixture {
    Sample s;
    std::array<Channel, 4> channels;             ///< in accent-aware order: Agora, Caravane, Écoles, Zèbre
    std::array<Neighbourhood, 4> neighbourhoods; ///< Centre-ville, Écarts, Ivry-Port, Petit-Ivry
    struct Entry {
        Contribution c;
        long long seq;
        int channelRank, neighbourhoodRank, stateRank;
    };
    std::vector<Entry> entries;

    explicit ListFixture(Database& db) : s(db)
    {
        const char* names[] = {"Agora", "", "Écoles ouvertes", "Zèbre"};
        for (int i = 0; i < 4; ++i) {
            if (i == 1) {
                channels[i] = s.channel; // "Caravane citoyenne"
                continue;
            }
            channels[i].code = "ch" + std::to_string(i);
            channels[i].name = names[i];
            channels[i] = ChannelRepository(db).Create(channels[i]);
        }
        const char* places[] = {"Centre-ville", "Écarts", "", "Petit-Ivry"};
        for (int i = 0; i < 4; ++i) {
            if (i == 2) {
                neighbourhoods[i] = s.neighbourhood; // "Ivry-Port"
                continue;
            }
            neighbourhoods[i].code = "q" + std::to_string(i);
            neighbourhoods[i].name = places[i];
            neighbourhoods[i] = NeighbourhoodRepository(db).Create(neighbourhoods[i]);
        }
        // channel, neighbourhood (-1: none), day, hour, state, quote, body
        struct Spec {
            int channel, neighbourhood, day, hour;
            ContributionState state;
            bool quote;
            const char* body;
        };
        const Spec specs[] = {
            {3, 0, 5, 10, ContributionState::New, false, "Plus d'arbres dans les écoles du quartier."},
            {0, 1, 2, 9, ContributionState::Tagged, true, "La cour de l'École Barbusse est trop minérale."},
            {2, -1, 9, 18, ContributionState::Excluded, false, "Message sans rapport."},
            {1, 2, 2, 9, ContributionState::ToReview, false, "Des pistes cyclables sûres, s'il vous plaît !"},
            {1, 3, 7, 14, ContributionState::New, false, "Écologie urbaine : végétaliser les toits."},
            {2, 0, 1, 8, ContributionState::Tagged, false, "Le marché du dimanche est formidable."},
            {0, 2, 4, 11, ContributionState::New, true, "Rénover les logements anciens du Port."},
            {3, 3, 3, 16, ContributionState::Tagged, false, "Les écoliers traversent sans passage piéton."},
            {1, -1, 8, 12, ContributionState::ToReview, false, "Ouvrir la médiathèque le dimanche."},
            {2, 1, 6, 20, ContributionState::New, false, "Une maison de quartier rénovée."},
            {0, 0, 6, 20, ContributionState::Tagged, false, "Trop de voitures devant l'école."},
            {3, 2, 1, 7, ContributionState::New, false, "Des bancs au square."},
        };
        ContributionRepository repository(db);
        ContributionList list(db);
        const std::map<ContributionState, int> stateRank{{ContributionState::New, 0},
                                                         {ContributionState::ToReview, 1},
                                                         {ContributionState::Tagged, 2},
                                                         {ContributionState::Excluded, 3}};
        for (const Spec& spec : specs) {
            Contribution c;
            c.consultationId = s.consultation.id;
            c.channelId = channels[spec.channel].id;
            c.neighbourhoodId = spec.neighbourhood < 0 ? std::string() : neighbourhoods[spec.neighbourhood].id;
            c.receivedAt = Timestamp::At({2023, 10, spec.day}, spec.hour);
            c.state = spec.state;
            c.isQuote = spec.quote;
            c.body = spec.body;
            c = repository.Create(c);
            if (spec.state == ContributionState::Tagged) {
                Tag tag;
                tag.contributionId = c.id;
                tag.commitmentId = s.commitment.id;
                tag.stance = Stance::Proposal;
                tag.taggedAt = c.receivedAt;
                TagRepository(db).Create(tag);
            }
            entries.push_back({c, list.SeqOf(c.id), spec.channel, spec.neighbourhood < 0 ? 4 : spec.neighbourhood,
                               stateRank.at(spec.state)});
        }
    }

    ContributionFilter Filter() const
    {
        ContributionFilter filter;
        filter.consultationId = s.consultation.id;
        return filter;
    }

    /// The expected keys of every entry for `sort`, computed in C++.
    std::vector<long long> Expected(const ContributionSort& sort) const
    {
        auto rank = [&](const Entry& e) -> long long {
            switch (sort.key) {
            case ContributionSortKey::ReceivedAt:
                return e.c.receivedAt.seconds;
            case ContributionSortKey::Channel:
                return e.channelRank;
            case ContributionSortKey::Neighbourhood:
                return e.neighbourhoodRank;
            case ContributionSortKey::State:
                return e.stateRank;
            case ContributionSortKey::EntryOrder:
                break;
            }
            return 0;
        };
        auto sorted = entries;
        std::sort(sorted.begin(), sorted.end(), [&](const Entry& a, const Entry& b) {
            const auto left = std::make_pair(rank(a), a.seq), right = std::make_pair(rank(b), b.seq);
            return sort.descending ? right < left : left < right;
        });
        std::vector<long long> keys;
        for (const auto& e : sorted)
            keys.push_back(e.seq);
        return keys;
    }
};

const ContributionSortKey kAllSorts[] = {ContributionSortKey::ReceivedAt, ContributionSortKey::Channel,
                                         ContributionSortKey::Neighbourhood, ContributionSortKey::State,
                                         ContributionSortKey::EntryOrder};

} // namespace

BOOST_AUTO_TEST_SUITE(contribution_list)

BACKEND_TEST(keys_follow_every_sort_in_both_directions)
{
    ListFixture f(db);
    ContributionList list(db);
    for (const auto key : kAllSorts) {
        for (const bool descending : {false, true}) {
            const ContributionSort sort{key, descending};
            BOOST_TEST_CONTEXT("sort " << static_cast<int>(key) << (descending ? " desc" : " asc"))
            {
                const auto keys = list.Keys(f.Filter(), sort);
                const auto expected = f.Expected(sort);
                BOOST_TEST(keys == expected, boost::test_tools::per_element());
            }
        }
    }
}

BACKEND_TEST(filters_combine_and_agree_with_the_repository_count)
{
    ListFixture f(db);
    ContributionList list(db);
    ContributionRepository repository(db);
    const ContributionSort sort;
    auto check = [&](const ContributionFilter& filter, std::size_t expected) {
        const auto keys = list.Keys(filter, sort);
        BOOST_TEST(keys.size() == expected);
        BOOST_TEST(static_cast<long long>(keys.size()) == repository.CountMatching(filter));
    };
    ContributionFilter filter = f.Filter();
    check(filter, 12);
    filter.channelId = f.channels[3].id;
    check(filter, 3);
    filter.neighbourhoodId = f.neighbourhoods[0].id;
    check(filter, 1);
    filter = f.Filter();
    filter.state = ContributionState::Tagged;
    check(filter, 4);
    filter.isQuote = true;
    check(filter, 1);
    filter = f.Filter();
    filter.tagged = false;
    check(filter, 8);
    filter.from = Date{2023, 10, 2};
    filter.to = Date{2023, 10, 6};
    check(filter, 4); // days 2, 4, 5, 6 among the untagged
    filter = f.Filter();
    filter.commitmentId = f.s.commitment.id;
    check(filter, 4);
    filter.themeId = f.s.theme.id;
    check(filter, 4);
    filter.channelId = f.channels[0].id;
    check(filter, 2);
    ContributionFilter other;
    other.consultationId = NewUuid(); // another consultation: nothing
    check(other, 0);
}

BACKEND_TEST(search_finds_words_whatever_their_accents_and_endings)
{
    ListFixture f(db);
    ContributionList list(db);
    ContributionFilter filter = f.Filter();
    filter.search = "ecoles";
    const auto keys = list.Keys(filter, ContributionSort{});
    BOOST_TEST(static_cast<long long>(keys.size()) == ContributionRepository(db).CountMatching(filter));
    std::set<long long> expected;
    for (const auto& e : f.entries)
        for (const auto& word : Words(e.c.body))
            if (Fold(word).rfind("ecol", 0) == 0)
                expected.insert(e.seq);
    BOOST_TEST(expected.size() == 5u); // écoles, École, Écologie, écoliers, école
    BOOST_TEST(std::set<long long>(keys.begin(), keys.end()) == expected);
    filter.search = "ecoles dimanche";
    BOOST_TEST(list.Keys(filter, ContributionSort{}).empty());
    filter.search = "marché dimanche";
    BOOST_TEST(list.Keys(filter, ContributionSort{}).size() == 1u);
}

BACKEND_TEST(rows_come_back_in_the_order_asked_with_their_names)
{
    ListFixture f(db);
    ContributionList list(db);
    auto keys = list.Keys(f.Filter(), ContributionSort{ContributionSortKey::Channel, false});
    std::reverse(keys.begin(), keys.end());
    std::swap(keys[2], keys[7]);
    auto asked = keys;
    asked.insert(asked.begin() + 3, 987654321); // a row deleted meanwhile: skipped
    const auto rows = list.Rows(asked);
    BOOST_REQUIRE(rows.size() == keys.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        BOOST_TEST(rows[i].seq == keys[i]);
    for (const auto& row : rows) {
        const auto entry =
            std::find_if(f.entries.begin(), f.entries.end(), [&](const auto& e) { return e.seq == row.seq; });
        BOOST_REQUIRE(entry != f.entries.end());
        BOOST_TEST(row.id == entry->c.id);
        BOOST_TEST(row.version == 1);
        BOOST_TEST(row.body == entry->c.body);
        BOOST_TEST(row.channel == f.channels[entry->channelRank].name);
        BOOST_TEST(row.neighbourhood ==
                   (entry->neighbourhoodRank == 4 ? "" : f.neighbourhoods[entry->neighbourhoodRank].name));
        BOOST_TEST(row.receivedAt.ToIso() == entry->c.receivedAt.ToIso());
        BOOST_TEST((row.state == entry->c.state));
        BOOST_TEST(row.isQuote == entry->c.isQuote);
        BOOST_TEST(row.tagCount == (entry->c.state == ContributionState::Tagged ? 1 : 0));
    }
    BOOST_TEST(list.Rows({}).empty());
}

BACKEND_TEST(rows_split_long_key_lists)
{
    Sample s(db);
    db.InTransaction([&] {
        for (int i = 0; i < 620; ++i)
            s.AddContribution(db, "Contribution " + std::to_string(i), Date{2023, 9, 1 + i % 28});
    });
    ContributionList list(db);
    ContributionFilter filter;
    filter.consultationId = s.consultation.id;
    auto keys = list.Keys(filter, ContributionSort{ContributionSortKey::ReceivedAt, true});
    BOOST_REQUIRE(keys.size() == 620u);
    const auto rows = list.Rows(keys);
    BOOST_REQUIRE(rows.size() == keys.size());
    BOOST_TEST(rows.front().seq == keys.front());
    BOOST_TEST(rows[555].seq == keys[555]);
    BOOST_TEST(rows.back().seq == keys.back());
    BOOST_TEST(rows.front().meeting == s.meeting.title);
}

BACKEND_TEST(first_page_is_the_head_of_the_keys)
{
    ListFixture f(db);
    ContributionList list(db);
    for (const auto key : kAllSorts) {
        for (const bool descending : {false, true}) {
            const ContributionSort sort{key, descending};
            const auto keys = list.Keys(f.Filter(), sort);
            const auto page = list.FirstPage(f.Filter(), sort, 5);
            BOOST_REQUIRE(page.size() == 5u);
            for (std::size_t i = 0; i < page.size(); ++i)
                BOOST_TEST(page[i].seq == keys[i]);
        }
    }
    ContributionFilter search = f.Filter();
    search.search = "dimanche";
    const auto page = list.FirstPage(search, ContributionSort{}, 100);
    BOOST_TEST(page.size() == 2u);
}

BACKEND_TEST(empty_results_are_empty_everywhere)
{
    ListFixture f(db);
    ContributionList list(db);
    ContributionFilter filter = f.Filter();
    filter.search = "xylophone";
    BOOST_TEST(list.Keys(filter, ContributionSort{}).empty());
    BOOST_TEST(list.FirstPage(filter, ContributionSort{ContributionSortKey::Channel, true}, 100).empty());
    filter = f.Filter();
    filter.state = ContributionState::Excluded;
    filter.isQuote = true;
    BOOST_TEST(list.Keys(filter, ContributionSort{ContributionSortKey::Neighbourhood, false}).empty());
    BOOST_TEST(!list.Detail(987654321).has_value());
    BOOST_TEST(list.SeqOf(NewUuid()) == 0);
    BOOST_TEST(list.SeqOf("not-a-uuid") == 0);
}

BACKEND_TEST(detail_brings_context_and_tags)
{
    ListFixture f(db);
    ContributionList list(db);
    const auto& entry = f.entries[1]; // tagged, quote, Agora, Écarts
    const auto detail = list.Detail(entry.seq);
    BOOST_REQUIRE(detail.has_value());
    BOOST_TEST(detail->contribution.id == entry.c.id);
    BOOST_TEST(detail->contribution.body == entry.c.body);
    BOOST_TEST(detail->seq == entry.seq);
    BOOST_TEST(detail->channel == "Agora");
    BOOST_TEST(detail->neighbourhood == "Écarts");
    BOOST_TEST(detail->meeting.empty());
    BOOST_REQUIRE(detail->tags.size() == 1u);
    BOOST_TEST(detail->tags[0].commitmentRef == "LOG-01");
    BOOST_TEST(detail->tags[0].themeTitle == "Logement");
    BOOST_TEST((detail->tags[0].stance == Stance::Proposal));
}

BACKEND_TEST(bulk_edits_change_every_row_and_move_versions)
{
    ListFixture f(db);
    ContributionList list(db);
    ContributionRepository repository(db);
    const std::vector<long long> three = {f.entries[0].seq, f.entries[4].seq, f.entries[9].seq};
    BOOST_TEST(list.SetState(three, ContributionState::ToReview) == 3);
    BOOST_TEST(list.SetNeighbourhood(three, f.neighbourhoods[3].id) == 3);
    BOOST_TEST(list.SetMeeting(three, f.s.meeting.id) == 3);
    for (const auto index : {0, 4, 9}) {
        const auto c = repository.Get(f.entries[index].c.id);
        BOOST_TEST((c.state == ContributionState::ToReview));
        BOOST_TEST(c.neighbourhoodId == f.neighbourhoods[3].id);
        BOOST_TEST(c.meetingId == f.s.meeting.id);
        BOOST_TEST(c.channelId == f.s.channel.id); // the meeting's channel
        BOOST_TEST(c.version == 4);
        BOOST_TEST(c.updatedBy == db.UserName());
    }
    // An editor still holding version 1 now meets a conflict instead of overwriting.
    BOOST_CHECK_THROW(repository.Update(f.entries[0].c), ConflictError);
    BOOST_TEST(list.SetMeeting({f.entries[0].seq}, "") == 1);
    BOOST_TEST(repository.Get(f.entries[0].c.id).meetingId.empty());
    BOOST_TEST(list.SetNeighbourhood({f.entries[0].seq}, "") == 1);
    BOOST_TEST(repository.Get(f.entries[0].c.id).neighbourhoodId.empty());

    const auto before = repository.CountMatching(f.Filter());
    BOOST_TEST(list.Remove({f.entries[1].seq, f.entries[2].seq}) == 2);
    BOOST_TEST(repository.CountMatching(f.Filter()) == before - 2);
    BOOST_TEST(!repository.Find(f.entries[1].c.id).has_value());
    BOOST_TEST(TagRepository(db).ListBy("contribution_id", f.entries[1].c.id).empty());
}

BACKEND_TEST(a_failing_bulk_edit_changes_nothing)
{
    ListFixture f(db);
    ContributionList list(db);
    ContributionRepository repository(db);
    // Two contributions with the same slip number on two channels: moving both to the meeting's
    // channel would make the number ambiguous, which the database refuses.
    Contribution a = f.entries[0].c, b = f.entries[6].c;
    a.sourceRef = b.sourceRef = "FICHE-12";
    a = repository.Update(a);
    b = repository.Update(b);
    BOOST_CHECK_THROW(list.SetMeeting({f.entries[0].seq, f.entries[6].seq}, f.s.meeting.id), ValidationError);
    BOOST_TEST(repository.Get(a.id).meetingId.empty());
    BOOST_TEST(repository.Get(a.id).version == a.version);
    BOOST_TEST(repository.Get(b.id).channelId == b.channelId);
}

BACKEND_TEST(distinct_values_suggest_profiles)
{
    ListFixture f(db);
    Contribution c = f.entries[0].c;
    c.profile = "élu·e";
    ContributionRepository(db).Update(c);
    c = f.entries[1].c;
    c.profile = "habitant·e";
    ContributionRepository(db).Update(c);
    ContributionList list(db);
    const auto profiles = list.DistinctValues(f.s.consultation.id, "profile");
    BOOST_TEST(profiles == (std::vector<std::string>{"élu·e", "habitant·e"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(list.DistinctValues(f.s.consultation.id, "body; DROP TABLE x"), ValidationError);
}

// The Excel writer, read back by a real XLSX reader (openpyxl), never trusted by itself.
BOOST_AUTO_TEST_CASE(xlsx_table_reads_back_with_types_and_header)
{
    const std::string path = test::TempFolder() + "/table.xlsx";
    const std::vector<XlsxColumn> columns = {{"N°", XlsxKind::Number, 8},
                                             {"Reçue le", XlsxKind::DateTime, 16},
                                             {"Jour", XlsxKind::Date, 12},
                                             {"Texte", XlsxKind::Text, 60}};
    std::vector<XlsxRow> rows = {{"1", "2023-10-02 14:30:00", "2023-10-02", "=1+1"},
                                 {"2", "2023-10-03 09:05:00", "", "Une « école » ; vraiment !"},
                                 {"3", "pas une date", "2023-12-31", "+33 6 12 34 56 78"}};
    WriteTable(path, "Contributions: sélection?", columns, rows);
    const std::string script = test::TempFolder() + "/read.py";
    std::ofstream(script) << "import openpyxl, sys\n"
                             "wb = openpyxl.load_workbook(sys.argv[1])\n"
                             "ws = wb.active\n"
                             "print('sheet', ws.title)\n"
                             "print('rows', ws.max_row)\n"
                             "print('bold', all(c.font.bold for c in ws[1]))\n"
                             "print('freeze', ws.freeze_panes)\n"
                             "print('filter', ws.auto_filter.ref)\n"
                             "print('formula', ws['D2'].data_type, repr(ws['D2'].value))\n"
                             "print('number', type(ws['A2'].value).__name__, ws['A2'].value)\n"
                             "print('datetime', ws['B2'].value.isoformat(), ws['B2'].number_format)\n"
                             "print('date', ws['C2'].value.date().isoformat(), ws['C2'].number_format)\n"
                             "print('text', ws['D3'].value)\n"
                             "print('fallback', repr(ws['B4'].value))\n"
                             "print('blank', repr(ws['C3'].value))\n"
                             "print('width', round(ws.column_dimensions['D'].width))\n";
    FILE* pipe = popen(("/usr/bin/python3 " + script + " " + path).c_str(), "r");
    BOOST_REQUIRE(pipe);
    std::map<std::string, std::string> out;
    char line[512];
    while (std::fgets(line, sizeof line, pipe)) {
        std::string text(line);
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        const auto space = text.find(' ');
        out[text.substr(0, space)] = text.substr(space + 1);
    }
    BOOST_REQUIRE(pclose(pipe) == 0);
    BOOST_TEST(out["sheet"] == "Contributions  sélection");
    BOOST_TEST(out["rows"] == "4");
    BOOST_TEST(out["bold"] == "True");
    BOOST_TEST(out["freeze"] == "A2");
    BOOST_TEST(out["filter"] == "A1:D4");
    BOOST_TEST(out["formula"] == "s '=1+1'");
    BOOST_TEST(out["number"] == "int 1");
    BOOST_TEST(out["datetime"] == "2023-10-02T14:30:00 dd/mm/yyyy hh:mm");
    BOOST_TEST(out["date"] == "2023-10-02 dd/mm/yyyy");
    BOOST_TEST(out["text"] == "Une « école » ; vraiment !");
    BOOST_TEST(out["fallback"] == "'pas une date'");
    BOOST_TEST(out["blank"] == "None");
    BOOST_TEST(out["width"] == "61"); // openpyxl reports Excel's padded width

    BOOST_CHECK_THROW(WriteTable(test::TempFolder() + "/no/such/folder/x.xlsx", "x", columns, rows), Error);
    BOOST_CHECK_THROW(WriteTable(path, "x", {}, rows), ValidationError);
}

BOOST_AUTO_TEST_SUITE_END()
