#pragma once
// The data behind the contributions list, made to stay fast at 1,000,000 contributions. The
// list never pages with OFFSET: Keys() returns, in one indexed query, the entry numbers (seq)
// of every matching contribution in display order; the view then asks Rows() for the few
// hundred rows around what is visible, by key. FirstPage() fills the first screen while the
// keys load. The bulk edits of a selection (meeting, neighbourhood, state, deletion) live here
// too, each in one transaction.

#include "db/contribution_heading.h"
#include "db/repositories.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace concerto {

/// The columns the contributions list can be sorted on.
enum class ContributionSortKey { ReceivedAt, Channel, Neighbourhood, State, EntryOrder };

/// A sort of the list; ties are always broken by entry order, in the same direction.
struct ContributionSort {
    ContributionSortKey key = ContributionSortKey::ReceivedAt;
    bool descending = false;
};

/// One line of the contributions list, with the names of what it refers to.
struct ContributionRow {
    long long seq = 0; ///< entry number: the list's key
    std::string id;
    int version = 0;
    Timestamp receivedAt;
    std::string channel, meeting, neighbourhood, card; ///< names; empty when none
    std::string profile, title, body;
    ContributionState state = ContributionState::New;
    bool isQuote = false;
    int tagCount = 0;
    bool mentionsContact = false; ///< an e-mail or phone in the title, text or notes (core/personal_data.h)
};

/// One coding of a contribution, as the detail pane shows it.
struct ContributionTagLine {
    std::string commitmentRef, commitmentTitle; ///< empty for a theme-only tag
    std::string themeTitle;
    Stance stance = Stance::Observation;
    std::string coder;
};

/// A contribution with everything it refers to, for the detail pane.
struct ContributionDetail : ContributionHeading {
    std::vector<ContributionTagLine> tags;
};

/// Queries and bulk edits of the contributions list, on one Database (one thread).
class ContributionList {
public:
    /// The most keys Rows() and the bulk edits put in one statement; longer lists are split.
    static constexpr std::size_t kKeysPerStatement = 500;

    explicit ContributionList(Database& db) : m_db(db) {}

    /// The entry numbers of every contribution matching `filter`, in `sort` order.
    std::vector<long long> Keys(const ContributionFilter& filter, const ContributionSort& sort);
    /// The display rows of `keys`, in the order of `keys`; keys of rows deleted meanwhile are skipped.
    std::vector<ContributionRow> Rows(const std::vector<long long>& keys);
    /// The first `count` rows of Keys(filter, sort), in one LIMIT query: what the first screen shows.
    std::vector<ContributionRow> FirstPage(const ContributionFilter& filter, const ContributionSort& sort, int count);
    /// The contribution with entry number `seq` and its context and tags, or nullopt when gone.
    std::optional<ContributionDetail> Detail(long long seq);
    /// The entry number of the contribution with this id, or 0 when there is none.
    long long SeqOf(const std::string& id);

    /// Attaches the contributions to `meetingId` (empty: to no meeting) and to that meeting's
    /// channel, so that a contribution never points at a meeting of another channel. One
    /// transaction; returns the number of contributions changed.
    long long SetMeeting(const std::vector<long long>& keys, const std::string& meetingId);
    /// Sets the neighbourhood (empty: none) of the contributions, in one transaction.
    long long SetNeighbourhood(const std::vector<long long>& keys, const std::string& neighbourhoodId);
    /// Sets the processing state of the contributions, in one transaction.
    long long SetState(const std::vector<long long>& keys, ContributionState state);
    /// Deletes the contributions (their tags and contact details go with them), in one transaction.
    long long Remove(const std::vector<long long>& keys);

    /// The distinct non-empty values of `column` ("profile" or "age_bracket") in a consultation,
    /// sorted, to suggest in the editor.
    std::vector<std::string> DistinctValues(const std::string& consultationId, const std::string& column);

private:
    long long UpdateKeys(const std::vector<long long>& keys, const std::string& assignments,
                         const std::vector<std::pair<std::string, std::optional<std::string>>>& params);

    Database& m_db;
};

} // namespace concerto
