#pragma once
// One repository per aggregate. Most need only the generic operations; the ones below add
// the queries of their aggregate (status history, contribution filters, settings).

#include "db/repository.h"

#include <map>

namespace concerto {

using ConsultationRepository = Repository<Consultation>;
using ThemeRepository = Repository<Theme>;
using NeighbourhoodRepository = Repository<Neighbourhood>;
using ChannelRepository = Repository<Channel>;
using CardRepository = Repository<Card>;
using MeetingRepository = Repository<Meeting>;
using ContactRepository = Repository<ContactDetails>;
using TagRepository = Repository<Tag>;
using LabelRepository = Repository<Label>;
using ContributionLabelRepository = Repository<ContributionLabel>;
using TopicRepository = Repository<Topic>;
using TopicLinkRepository = Repository<TopicLink>;
using ReorientationRepository = Repository<Reorientation>;
using ReorientationLinkRepository = Repository<ReorientationLink>;
using ReorientationNoteRepository = Repository<ReorientationNote>;
using ReportDefinitionRepository = Repository<ReportDefinition>;
using StatusChangeRepository = Repository<StatusChange>;
using CodingSampleRepository = Repository<CodingSample>;
using SampleItemRepository = Repository<SampleItem>;
using SampleTagRepository = Repository<SampleTag>;

/// Commitments and their dated status history.
class CommitmentRepository : public Repository<Commitment> {
public:
    using Repository::Repository;
    /// Sets the commitment's status and records the change in its history, in one transaction.
    /// Version-checked like Update; returns the saved commitment.
    Commitment ChangeStatus(Commitment commitment, CommitmentStatus status, const Date& effectiveOn,
                            const std::string& comment);
    /// The history of one commitment, oldest first.
    std::vector<StatusChange> History(const std::string& commitmentId);
    /// The status of each commitment of a consultation on `day` (its latest change on or before
    /// that day; commitments with no change by then are absent), keyed by commitment id.
    std::map<std::string, CommitmentStatus> StatusAt(const std::string& consultationId, const Date& day);
};

/// What the contributions list can be narrowed to; empty members do not filter.
struct ContributionFilter {
    std::string consultationId, channelId, meetingId, neighbourhoodId, themeId, commitmentId;
    std::optional<ContributionState> state;
    std::optional<bool> tagged;  ///< true: with at least one tag; false: with none
    std::optional<bool> isQuote;
    std::optional<bool> mentionsContact; ///< true: an e-mail or phone in its texts; false: none
    std::optional<Date> from, to; ///< received between these days, inclusive
    std::string search;           ///< words for the full-text index (accents and endings ignored)
};

class ContributionRepository : public Repository<Contribution> {
public:
    using Repository::Repository;
    /// The SQL conditions equivalent to `filter`, for List, ListPage and Count.
    std::vector<Condition> ConditionsFor(const ContributionFilter& filter) const;
    Page<Contribution> Search(const ContributionFilter& filter, const PageRequest& request)
    {
        return ListPage(ConditionsFor(filter), request);
    }
    long long CountMatching(const ContributionFilter& filter) { return Count(ConditionsFor(filter)); }
};

/// Application settings stored in the database, as key/value text.
class SettingRepository : public Repository<Setting> {
public:
    using Repository::Repository;
    /// The value for `key`, or `fallback` when unset.
    std::string Value(const std::string& key, const std::string& fallback = {});
    /// Creates or replaces the value for `key`.
    void SetValue(const std::string& key, const std::string& value);
};

} // namespace concerto
