// The coding page's loading and navigation: the consultation's lists, the queue's keys, each
// contribution (with the next ones read ahead), the suggestion model, and the refreshes that
// changes made elsewhere call for.

#include "app/coding_commitment_tree.h"
#include "app/coding_item_pane.h"
#include "app/coding_queue_page.h"
#include "app/localization.h"
#include "core/text.h"
#include "db/contribution_list.h"
#include "db/double_coding.h"
#include "db/suggestion_source.h"
#include "dialogs/domain_labels.h"
#include "reports/french.h"

#include <algorithm>
#include <chrono>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

// Contributions read ahead of the one on screen, so that J shows the next one at once.
constexpr long kReadAhead = 2;
constexpr std::size_t kCacheLimit = 40;
// Changes announced in a burst (another coder's bulk, a reconnection) refresh once.
constexpr int kRefreshDelayMs = 400;

ContributionChoice Choice(const std::string& id, const std::string& label, const std::string& parentId = {})
{
    return ContributionChoice{id, label, parentId, {}};
}

/// The consultation's lists for the filters, the tree and the labels; runs on the worker.
CodingReference ReadCodingReference(Database& db, const std::string& consultationId)
{
    CodingReference data;
    auto& choices = data.filters.choices;
    for (const auto& channel : ChannelRepository(db).List({}, 0, "position"))
        choices.channels.push_back(Choice(channel.id, channel.name));
    for (const auto& place : NeighbourhoodRepository(db).List({}, 0, "position"))
        choices.neighbourhoods.push_back(Choice(place.id, place.name));
    for (const auto& meeting : MeetingRepository(db).ListBy("consultation_id", consultationId, "starts_at"))
        choices.meetings.push_back(
            Choice(meeting.id, french::ShortDate(meeting.startsAt.Day()) + " — " + meeting.title, meeting.channelId));
    data.themes = ThemeRepository(db).ListBy("consultation_id", consultationId, "position");
    auto commitments = CommitmentRepository(db).ListBy("consultation_id", consultationId, "position");
    for (const auto& theme : data.themes) { // grouped by theme, in the programme's order
        data.filters.themes.push_back(Choice(theme.id, theme.title));
        for (const auto& commitment : commitments)
            if (commitment.themeId == theme.id) {
                data.commitments.push_back(commitment);
                data.filters.commitments.push_back(
                    Choice(commitment.id, commitment.ref + " — " + commitment.title, commitment.themeId));
            }
    }
    for (const auto& label : LabelRepository(db).ListBy("consultation_id", consultationId, "name"))
        data.labels.push_back(label.name);
    std::sort(data.labels.begin(), data.labels.end(),
              [](const std::string& a, const std::string& b) { return Fold(a) < Fold(b); });
    return data;
}

/// The contribution with entry number `seq` as `target` sees it, or nothing when it is gone.
std::optional<CodingItem> ReadItem(Database& db, long long seq, const CodingTarget& target)
{
    const auto rows = ContributionList(db).Rows({seq});
    if (rows.empty())
        return std::nullopt;
    try {
        return LoadCodingItem(db, rows.front().id, target);
    } catch (const NotFoundError&) {
        return std::nullopt;
    }
}

/// True when nothing the page shows differs between `a` and `b`.
bool SameItem(const CodingItem& a, const CodingItem& b)
{
    auto ids = [](const auto& list) {
        std::vector<std::string> out;
        for (const auto& entry : list)
            out.push_back(entry.id);
        return out;
    };
    return a.contribution.id == b.contribution.id && a.contribution.version == b.contribution.version &&
           a.done == b.done && ids(a.tags) == ids(b.tags) && ids(a.labels) == ids(b.labels);
}

} // namespace

void CodingQueuePage::Reload()
{
    m_dirty = true;
    m_referenceDirty = true;
    m_model.reset();
    m_modelState = ModelState::NotLoaded;
    m_cache.clear();
    // A new database comes with a new worker: jobs queued on the old one will never answer.
    m_jobs.Forget();
    if (IsShownOnScreen())
        OnShown();
}

void CodingQueuePage::OnShown()
{
    if (m_dirty) {
        m_dirty = false;
        const std::string consultation = m_context.ConsultationId();
        const bool another = consultation != m_consultationId;
        m_consultationId = consultation;
        m_cache.clear();
        if (another) {
            // Another consultation (or database): nothing of the session holds any more.
            m_item->FlushNote();
            m_history.Clear();
            m_effects.clear();
            if (m_onHistory)
                m_onHistory();
            if (m_sample)
                StopBlind();
            m_visited.clear();
            m_current.reset();
            m_keys.clear();
            m_index = -1;
            m_keysLoaded = false;
            m_defaultFilters = true;
        }
        if (m_consultationId.empty()) {
            UpdatePosition();
            UpdatePage();
            return;
        }
        if (m_defaultFilters) {
            // The queue starts on what is left to code: the contributions still "new".
            m_defaultFilters = false;
            m_settingFilters = true;
            m_filters->Clear();
            const auto& current = m_context.CurrentConsultation();
            m_filters->SuggestDates(current ? current->startsOn : std::nullopt,
                                    current ? current->endsOn : std::nullopt);
            m_filters->StateChoice()->SetSelection(
                1 + static_cast<int>(std::find(StatesInOrder().begin(), StatesInOrder().end(), ContributionState::New) -
                                     StatesInOrder().begin()));
            m_settingFilters = false;
            m_filter = FilterFromBar();
            UpdateFilterSummary();
        }
        if (m_referenceDirty)
            LoadReference();
        LoadKeys(!another);
        if (m_modelState == ModelState::NotLoaded)
            LoadModel();
    }
    // The text takes the keyboard, unless the user is moving through the sidebar.
    wxWindow* focus = FindFocus();
    if (!focus || (!IsDescendant(focus) && focus->GetName() != "navigation"))
        m_item->FocusText();
}

ContributionFilter CodingQueuePage::FilterFromBar() const
{
    ContributionFilter filter = m_filters->Filter();
    filter.consultationId = m_consultationId;
    return filter;
}

void CodingQueuePage::LoadReference()
{
    m_referenceDirty = false;
    const std::string consultation = m_consultationId;
    m_jobs.Run<CodingReference>([consultation](Database& db) { return ReadCodingReference(db, consultation); },
                                [this](CodingReference data) {
                                    m_reference = std::move(data);
                                    m_filters->SetReferenceData(m_reference.filters);
                                    m_tree->SetProgramme(m_reference.themes, m_reference.commitments);
                                    UpdateFilterSummary();
                                    UpdateSuggestions(); // the rows name commitments the tree now knows
                                    Layout();
                                },
                                "coding-reference");
}

void CodingQueuePage::LoadKeys(bool keepCurrent)
{
    const int generation = ++m_keysGeneration;
    if (!keepCurrent) {
        m_keysLoaded = false;
        UpdatePosition();
    }
    // The contribution kept is the one on screen when the keys arrive: the coder may have moved on.
    auto accept = [this, keepCurrent, generation](std::vector<long long> keys) {
        AcceptKeys(std::move(keys), keepCurrent ? CurrentSeq() : 0, generation);
    };
    if (m_sample) {
        const std::string sampleId = m_sample->id, coder = m_target.coder;
        m_jobs.Run<std::vector<long long>>(
            [sampleId, coder](Database& db) {
                std::vector<long long> keys;
                ContributionList list(db);
                for (const auto& id : SampleQueue(db, sampleId, coder, true))
                    if (const long long seq = list.SeqOf(id))
                        keys.push_back(seq);
                return keys;
            },
            accept, "coding-keys");
        return;
    }
    const ContributionFilter filter = m_filter;
    m_jobs.Run<std::vector<long long>>(
        [filter](Database& db) {
            return ContributionList(db).Keys(filter, ContributionSort{ContributionSortKey::EntryOrder, false});
        },
        accept, "coding-keys");
}

void CodingQueuePage::AcceptKeys(std::vector<long long> keys, long long keep, int generation)
{
    if (generation != m_keysGeneration)
        return;
    if (!m_sample && keep != 0) {
        // What the coder has seen stays in the queue, in its place, even once coded: K goes back to it.
        std::set<long long> merged(keys.begin(), keys.end());
        for (const long long key : m_keys)
            if (m_visited.count(key))
                merged.insert(key);
        keys.assign(merged.begin(), merged.end()); // entry order is the order of the entry numbers
    }
    long index = keys.empty() ? -1 : 0;
    if (keep != 0 && !keys.empty()) {
        const auto at = std::find(keys.begin(), keys.end(), keep);
        index = at != keys.end() ? static_cast<long>(at - keys.begin())
                                 : std::clamp(m_index, 0L, static_cast<long>(keys.size()) - 1);
    }
    m_keys = std::move(keys);
    m_index = index;
    m_keysLoaded = true;
    UpdatePosition();
    UpdatePage();
    if (m_keys.empty()) {
        m_current.reset();
        m_suggestions->ShowNothing();
        return;
    }
    ShowCurrent(keep != 0);
}

void CodingQueuePage::ShowCurrent(bool keepNote)
{
    const long long seq = CurrentSeq();
    if (seq == 0)
        return;
    m_visited.insert(seq);
    UpdatePosition();
    if (auto cached = m_cache.find(seq); cached != m_cache.end()) {
        Display(cached->second, keepNote);
        Prefetch();
        return;
    }
    if (!m_current || m_current->seq != seq) {
        m_item->ShowLoading();
        m_suggestions->ShowNothing();
    }
    const int request = ++m_itemRequest;
    const CodingTarget target = m_target;
    m_jobs.Run<std::optional<CodingItem>>([seq, target](Database& db) { return ReadItem(db, seq, target); },
                                          [this, seq, request, keepNote](std::optional<CodingItem> item) {
                                              if (request != m_itemRequest)
                                                  return;  // the coder moved on meanwhile
                                              if (!item) { // deleted meanwhile: out of the queue
                                                  m_keys.erase(std::remove(m_keys.begin(), m_keys.end(), seq),
                                                               m_keys.end());
                                                  m_index = std::min(m_index, static_cast<long>(m_keys.size()) - 1);
                                                  UpdatePosition();
                                                  UpdatePage();
                                                  ShowCurrent();
                                                  return;
                                              }
                                              m_cache[seq] = *item;
                                              Display(*item, keepNote);
                                              Prefetch();
                                          },
                                          "coding-item");
}

void CodingQueuePage::Display(const CodingItem& item, bool keepNote)
{
    const bool another = !m_current || m_current->contribution.id != item.contribution.id;
    if (!another && keepNote && SameItem(*m_current, item))
        return; // a refresh that changed nothing here: the coder keeps their scrolling
    m_current = item;
    m_item->ShowItem(item, IsBlind(), keepNote);
    if (another)
        m_tree->ClearHighlight(); // a stance key must never apply what was chosen for the last one
    std::map<std::string, std::vector<Stance>> applied;
    for (const auto& tag : item.tags)
        applied[tag.commitmentId.empty() ? tag.themeId : tag.commitmentId].push_back(tag.stance);
    m_tree->SetApplied(applied);
    UpdateSuggestions();
}

void CodingQueuePage::Prefetch()
{
    std::vector<long long> wanted;
    for (long i = m_index + 1; i <= m_index + kReadAhead && i < static_cast<long>(m_keys.size()); ++i)
        if (!m_cache.count(m_keys[static_cast<std::size_t>(i)]))
            wanted.push_back(m_keys[static_cast<std::size_t>(i)]);
    if (wanted.empty())
        return;
    if (m_cache.size() > kCacheLimit) {
        const long long keep = CurrentSeq();
        for (auto it = m_cache.begin(); it != m_cache.end();)
            it = it->first == keep ? std::next(it) : m_cache.erase(it);
    }
    const CodingTarget target = m_target;
    const int generation = m_keysGeneration;
    m_jobs.Run<std::vector<CodingItem>>(
        [wanted, target](Database& db) {
            std::vector<CodingItem> items;
            for (const long long seq : wanted)
                if (auto item = ReadItem(db, seq, target))
                    items.push_back(std::move(*item));
            return items;
        },
        [this, generation](std::vector<CodingItem> items) {
            if (generation != m_keysGeneration)
                return; // read for another queue or target
            for (auto& item : items)
                m_cache.emplace(item.seq, std::move(item));
        },
        "coding-prefetch");
}

void CodingQueuePage::LoadModel()
{
    m_modelState = ModelState::Loading;
    m_modelInfo->SetLabel(_("loading the model…"));
    UpdateSuggestions();
    const std::string consultation = m_consultationId;
    m_jobs.Run<std::shared_ptr<SuggestionModel>>(
        [consultation](Database& db) {
            return std::make_shared<SuggestionModel>(LoadSuggestionModel(db, consultation));
        },
        [this](std::shared_ptr<SuggestionModel> model) {
            m_model = std::move(model);
            m_modelState = ModelState::Ready;
            UpdateSuggestions();
        },
        "coding-model",
        [this](const Error& error) {
            m_modelState = ModelState::Failed;
            m_modelProblem = wxString::FromUTF8(error.what());
            m_modelInfo->SetLabel(wxString());
            UpdateSuggestions();
        });
}

void CodingQueuePage::UpdateSuggestions()
{
    const std::vector<std::string> stems = SearchStems(m_filter.search);
    if (!m_current) {
        m_suggestions->ShowNothing();
        return;
    }
    if (IsBlind()) {
        // Withheld: both coders would see the same hints, and their agreement would measure the
        // model's influence as much as their own judgement.
        m_suggestions->ShowWithheld();
        m_modelInfo->SetLabel(wxString());
        m_item->SetHighlights(stems, {});
        return;
    }
    if (m_modelState == ModelState::Failed) {
        m_suggestions->ShowProblem(m_modelProblem);
        return;
    }
    if (m_modelState != ModelState::Ready || !m_model) {
        m_suggestions->ShowLoading();
        m_item->SetHighlights(stems, {});
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto found = m_model->Suggest(ExampleText(m_current->contribution), 5);
    m_lastSuggestMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::vector<SuggestionRow> rows;
    for (const auto& suggestion : found) {
        const Commitment* commitment = m_tree->FindCommitment(suggestion.commitmentId);
        if (!commitment)
            continue; // the tree is still loading, or the commitment was deleted meanwhile
        SuggestionRow row;
        row.commitmentId = suggestion.commitmentId;
        row.ref = wxString::FromUTF8(commitment->ref);
        row.title = wxString::FromUTF8(commitment->title);
        row.score = suggestion.score;
        for (const auto& word : suggestion.words)
            row.words.push_back(wxString::FromUTF8(word));
        row.applied = std::any_of(m_current->tags.begin(), m_current->tags.end(),
                                  [&](const CodingTag& tag) { return tag.commitmentId == suggestion.commitmentId; });
        rows.push_back(std::move(row));
    }
    m_suggestions->ShowRows(std::move(rows));
    HighlightSuggestion(-1);
    m_modelInfo->SetLabel(wxString::Format(
        _("%s examples · %s ms"), FormatCount(static_cast<long long>(m_model->ExampleCount())),
        m_lastSuggestMs < 0.1                       ? wxString::FromUTF8("< 0,1")
        : CurrentUiLanguage() == UiLanguage::French ? wxString::FromUTF8(french::Decimal(m_lastSuggestMs, 1))
                                                    : wxString::Format("%.1f", m_lastSuggestMs)));
}

void CodingQueuePage::HighlightSuggestion(int row)
{
    // One suggestion's words at a time, the first one's unless the mouse points at another:
    // every suggestion's words at once would colour half the text.
    const auto& rows = m_suggestions->Rows();
    std::vector<wxString> words;
    if (!IsBlind() && !rows.empty())
        words = rows[static_cast<std::size_t>(row >= 0 && row < static_cast<int>(rows.size()) ? row : 0)].words;
    m_item->SetHighlights(SearchStems(m_filter.search), words);
}

void CodingQueuePage::Move(long delta)
{
    m_item->FlushNote();
    if (m_keys.empty())
        return;
    const long next = m_index + delta;
    if (next < 0) {
        SetStatus(_("This is the first contribution of the queue."));
        return;
    }
    if (next >= static_cast<long>(m_keys.size())) {
        SetStatus(_("End of the queue. It is read again in case colleagues added to it."));
        LoadKeys(true);
        return;
    }
    m_index = next;
    ShowCurrent();
}

void CodingQueuePage::OnFilterChanged()
{
    if (m_settingFilters || m_consultationId.empty() || IsBlind())
        return;
    m_item->FlushNote();
    m_filter = FilterFromBar();
    m_visited.clear(); // another queue: what was seen in the last one does not belong here
    UpdateFilterSummary();
    Layout();
    LoadKeys(false);
}

void CodingQueuePage::OnTableChanged(const std::string& table)
{
    if (m_notifying)
        return;
    static const std::set<std::string> coding = {"tag",   "contribution",       "contribution_label",
                                                 "label", "coding_sample_item", "sample_tag"};
    static const std::set<std::string> reference = {"channel", "neighbourhood", "meeting",
                                                    "card",    "theme",         "commitment"};
    if (reference.count(table)) {
        m_referenceDirty = true;
        if (table == "commitment" || table == "theme") {
            m_modelState = ModelState::NotLoaded; // the model holds the commitments' own texts
        }
    } else if (!coding.count(table)) {
        return;
    }
    m_refreshTimer.StartOnce(kRefreshDelayMs);
}

void CodingQueuePage::RefreshFromElsewhere()
{
    if (!IsShownOnScreen() || m_consultationId.empty()) {
        m_dirty = true;
        return;
    }
    if (m_referenceDirty)
        LoadReference();
    if (m_modelState == ModelState::NotLoaded)
        LoadModel();
    m_cache.clear();
    if (m_sample)
        ShowCurrent(true); // the sample's queue is this coder's alone: only the item may have changed
    else
        LoadKeys(true);
}

} // namespace concerto
