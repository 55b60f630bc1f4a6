// The reading phase of an import: each row converted (core/import_spec.h), its references
// resolved in memory, duplicates inside the file caught, and the valid rows sent to the staging
// tables through bulk sinks (COPY on PostgreSQL, one prepared insert on SQLite). No other SQL
// runs meanwhile: a COPY holds the connection until it ends. The row buffers are reused from row
// to row so that a million rows cost no allocation each beyond the strings themselves.

#include "core/text.h"
#include "db/import_internal.h"
#include "db/repository.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace concerto::import_detail {

namespace {

using Values = std::vector<std::optional<std::string>>;

// How often the reader reports progress and polls for a cancel.
constexpr std::uint64_t kCheckEvery = 1000;

void SetRef(std::optional<std::string>& slot, const std::string& id)
{
    if (id.empty())
        slot.reset();
    else
        slot = id;
}

/// Reads one kind's rows: owns the row buffers and the duplicate index.
class RowStager {
public:
    RowStager(ImportRun& run, const KindSpec& spec) : m_run(run), m_spec(spec)
    {
        const auto columns = StageColumns(spec);
        m_values.resize(columns.size());
        m_sink = BulkSink::OpenStaging(run.db, kStage, columns);
        for (const auto& field : spec.fields)
            m_provided.push_back(run.mapping.Provides(field.field));
    }

    ReadOutcome ReadAll()
    {
        auto& reader = m_run.reader;
        m_run.progress.Begin("Lecture de " + QuoteFrench(reader.FileName()), reader.Size());
        std::vector<std::string> cells;
        while (reader.Next(cells)) {
            ++m_outcome.rows;
            if (m_outcome.rows % kCheckEvery == 0) {
                m_run.CheckCancel();
                m_run.progress.Advance(reader.Position());
            }
            try {
                StageRow(cells);
                ++m_outcome.staged;
            } catch (const ValidationError& error) {
                m_run.Reject(reader.Line(), cells, error.what(), m_outcome);
            }
        }
        m_run.CheckCancel();
        m_sink->Finish();
        if (m_tagSink)
            m_tagSink->Finish();
        if (m_labelSink)
            m_labelSink->Finish();
        m_run.progress.Advance(reader.Size());
        return m_outcome;
    }

private:
    // Throws the ValidationError that rejects the row.
    void StageRow(const std::vector<std::string>& cells)
    {
        switch (m_spec.kind) {
        case ImportKind::Commitments: return StageCommitment(cells);
        case ImportKind::Meetings: return StageMeeting(cells);
        case ImportKind::Contributions: return StageContribution(cells);
        }
    }

    std::size_t ColumnOf(const std::string& field) const
    {
        const auto column = m_run.mapping.Column(field);
        return column ? *column + 1 : 0;
    }

    [[noreturn]] void Fail(const std::string& field, const std::string& message) const
    {
        throw m_run.reader.ErrorAt(m_run.reader.Line(), ColumnOf(field), message);
    }

    /// The id of a reference, "" for an empty text; rejects the row when unknown.
    std::string Ref(const std::string& field, const std::string& text)
    {
        if (text.empty())
            return {};
        std::string error;
        std::string id = m_run.refs.Resolve(field, text, error);
        if (id.empty())
            Fail(field, error);
        return id;
    }

    /// Rejects a second row with the same key, naming the first one's line.
    void CheckDuplicate(const std::string& field, const std::string& key)
    {
        if (key.empty())
            return;
        auto [it, inserted] = m_seen.try_emplace(key, m_run.reader.Line());
        if (!inserted)
            Fail(field, QuoteFrench(key) + " figure déjà à la ligne " + std::to_string(it->second) +
                            " du fichier : une seule ligne par référence.");
    }

    void Begin(const std::string& key)
    {
        m_values[0] = std::to_string(m_run.reader.Line());
        m_values[1] = NewUuid();
        m_values[2] = key;
    }

    /// Stores `value` in field `index`'s slot when the mapping provides it (NULL otherwise).
    void Field(std::size_t index, const std::optional<std::string>& value)
    {
        auto& slot = m_values[3 + index];
        if (m_provided[index] && value)
            slot = *value;
        else
            slot.reset();
    }

    void StageCommitment(const std::vector<std::string>& cells)
    {
        const auto record = ParseCommitment(m_run.mapping, m_run.reader, cells);
        const std::string theme = Ref("theme", record.theme);
        Begin(record.ref);
        SetRef(m_values[3], theme);
        Field(1, record.title);
        Field(2, record.description);
        Field(3, record.status ? std::optional<std::string>(ToCode(*record.status)) : std::nullopt);
        m_values[7] = NewUuid(); // change_id: the status change row, if the status moves
        CheckDuplicate("ref", record.ref);
        m_sink->Row(m_values);
    }

    void StageMeeting(const std::vector<std::string>& cells)
    {
        const auto record = ParseMeeting(m_run.mapping, m_run.reader, cells);
        const std::string channel = Ref("channel", record.channel);
        const std::string neighbourhood = Ref("neighbourhood", record.neighbourhood);
        Begin(record.ref);
        SetRef(m_values[3], channel);
        Field(1, record.title);
        Field(2, record.startsAt.ToIso());
        Field(3, record.place);
        Field(4, neighbourhood.empty() ? std::nullopt : std::optional<std::string>(neighbourhood));
        Field(5, record.attendance ? std::optional<std::string>(std::to_string(*record.attendance)) : std::nullopt);
        CheckDuplicate("ref", record.ref);
        m_sink->Row(m_values);
    }

    void StageContribution(const std::vector<std::string>& cells)
    {
        const auto record = ParseContribution(m_run.mapping, m_run.reader, cells);
        const std::string channel = Ref("channel", record.channel);
        const std::string meeting = Ref("meeting", record.meeting);
        const std::string neighbourhood = Ref("neighbourhood", record.neighbourhood);
        const std::string card = Ref("card", record.card);
        ResolveTags(record);
        ResolveLabels(record);
        CheckDuplicate("external_id", record.externalId);

        Begin(record.externalId);
        SetRef(m_values[3], channel);
        Field(1, meeting.empty() ? std::nullopt : std::optional<std::string>(meeting));
        Field(2, neighbourhood.empty() ? std::nullopt : std::optional<std::string>(neighbourhood));
        Field(3, card.empty() ? std::nullopt : std::optional<std::string>(card));
        Field(4, record.receivedAt.ToIso());
        Field(5, record.profile);
        Field(6, record.title);
        Field(7, record.text);
        Field(8, record.quote ? std::optional<std::string>(*record.quote ? "1" : "0") : std::nullopt);
        SetRef(m_values[12], record.externalId);
        if (IsUuid(record.externalId)) {
            // Concerto writes ids in lower case; a spreadsheet may have upper-cased them.
            auto& id = m_values[13].emplace(record.externalId);
            std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
        } else
            m_values[13].reset();
        m_values[14] = record.tagsGiven ? "1" : "0";
        m_values[15] = std::to_string(m_tags.size());
        m_values[16] = record.labelsGiven ? "1" : "0";
        m_sink->Row(m_values);
        SendTagsAndLabels(*m_values[0]);
    }

    void ResolveTags(const ContributionRecord& record)
    {
        m_tags.clear();
        if (!record.tagsGiven)
            return;
        for (const auto& tag : record.tags) {
            bool isTheme = false;
            std::string error;
            const std::string id = m_run.refs.ResolveTag(tag.ref, isTheme, error);
            if (id.empty())
                Fail("tags", error);
            std::tuple<std::string, bool, Stance> item{id, isTheme, tag.stance};
            if (std::find(m_tags.begin(), m_tags.end(), item) == m_tags.end())
                m_tags.push_back(std::move(item));
        }
    }

    void ResolveLabels(const ContributionRecord& record)
    {
        m_labels.clear();
        if (!record.labelsGiven)
            return;
        for (const auto& name : record.labels) {
            const std::string id = Ref("labels", name);
            if (std::find(m_labels.begin(), m_labels.end(), id) == m_labels.end())
                m_labels.push_back(id);
        }
    }

    void SendTagsAndLabels(const std::string& line)
    {
        if (!m_tags.empty() && !m_tagSink)
            m_tagSink = BulkSink::OpenStaging(m_run.db, kStageTag, {"line", "id", "commitment_id", "theme_id", "stance"},
                                                   true);
        for (const auto& [id, isTheme, stance] : m_tags) {
            m_tagValues.resize(5);
            m_tagValues[0] = line;
            m_tagValues[1] = NewUuid();
            SetRef(m_tagValues[2], isTheme ? std::string() : id);
            SetRef(m_tagValues[3], isTheme ? id : std::string());
            m_tagValues[4] = ToCode(stance);
            m_tagSink->Row(m_tagValues);
        }
        if (!m_labels.empty() && !m_labelSink)
            m_labelSink = BulkSink::OpenStaging(m_run.db, kStageLabel, {"line", "id", "label_id"}, true);
        for (const auto& id : m_labels) {
            m_labelValues.resize(3);
            m_labelValues[0] = line;
            m_labelValues[1] = NewUuid();
            m_labelValues[2] = id;
            m_labelSink->Row(m_labelValues);
        }
    }

    ImportRun& m_run;
    const KindSpec& m_spec;
    ReadOutcome m_outcome;
    std::unique_ptr<BulkSink> m_sink, m_tagSink, m_labelSink;
    Values m_values, m_tagValues, m_labelValues;
    std::vector<bool> m_provided;
    std::unordered_map<std::string, std::uint64_t> m_seen;
    std::vector<std::tuple<std::string, bool, Stance>> m_tags;
    std::vector<std::string> m_labels;
};

} // namespace

ReadOutcome ReadRows(ImportRun& run, const KindSpec& spec)
{
    return RowStager(run, spec).ReadAll();
}

} // namespace concerto::import_detail
