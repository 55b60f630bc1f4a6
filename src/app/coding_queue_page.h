#pragma once
// The coding queue, the page where the team tags contributions one after the other from the
// keyboard: the queue's filters and position on top, the contribution in the centre, the
// stance, the suggestions and the commitment tree on the right. Every coding action goes
// through one CodingHistory (Ctrl+Z / Ctrl+Y) on the UI connection — each is a short
// transaction — while the queue, the contributions and the suggestion model load on the
// worker. The suggestion model is read once, then kept current as tags come and go.
//
// The queue is a list of entry numbers in entry order. It stays put while the coder works:
// what they coded stays reachable with K even when it no longer matches the filters; a
// change announced by another part of the application or by another coder (NotifyChanged)
// reloads it, keeping the contribution on screen.
//
// In blind double coding the page codes one sample for one coder: a banner says so, the
// queue is that coder's pending items, tags go to the sample, and suggestions are withheld.

#include "app/app_context.h"
#include "app/background_jobs.h"
#include "app/coding_keys.h"
#include "app/coding_suggestions_pane.h"
#include "app/contribution_filter_bar.h"
#include "core/suggest.h"
#include "db/coding.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxGauge;
class wxSearchCtrl;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class CodingCommitmentTree;
class CodingItemPane;
class CodingStanceBar;

/// The consultation's lists the page needs, read in one worker job.
struct CodingReference {
    ContributionReferenceData filters;
    std::vector<Theme> themes;
    std::vector<Commitment> commitments;
    std::vector<std::string> labels; ///< names, sorted
};

/// What one coding action changes in the suggestion model (final tags only).
struct SuggestionModelEffect {
    std::vector<std::pair<std::string, std::string>> added, removed; ///< (commitment id, example text)
    bool reload = false;                                             ///< too wide: read the model again
};

/// The coding queue page (see the file comment); CodingView hosts it.
class CodingQueuePage : public wxPanel {
public:
    CodingQueuePage(wxWindow* parent, AppContext& context);
    ~CodingQueuePage() override;

    /// The database or the consultation changed: forget everything, load again when shown.
    void Reload();
    /// The page became visible: load what is missing, take the keyboard.
    void OnShown();

    /// Runs a command (keys, the Codage menu and the buttons all come here).
    void Run(CodingCommand command);
    /// Undo and redo, and what they would act on ("soutien à 2.3 Cantines bio"); empty when none.
    bool CanUndo() const { return m_history.CanUndo(); }
    bool CanRedo() const { return m_history.CanRedo(); }
    wxString UndoDescription() const;
    wxString RedoDescription() const;
    /// Called after every change of the undo history (the view updates the Edit menu).
    void SetHistoryListener(std::function<void()> listener) { m_onHistory = std::move(listener); }

    /// Starts coding `sample` blind as `coder` (one of its two coders).
    void StartBlind(const CodingSample& sample, const std::string& coder);
    /// Leaves blind coding: back to the queue of final tags.
    void StopBlind();
    bool IsBlind() const { return m_sample.has_value(); }
    /// Called when blind coding starts or stops (the view refreshes the double-coding page).
    void SetBlindListener(std::function<void()> listener) { m_onBlind = std::move(listener); }

    // For tests and the view.
    /// True while anything is loading in the background.
    bool IsBusy() const;
    /// The entry number of the contribution on screen (0 when none) and its id.
    long long CurrentSeq() const;
    std::string CurrentId() const;
    /// The queue's entry numbers and the position on screen (0-based; -1 when empty).
    const std::vector<long long>& Keys() const { return m_keys; }
    long Position() const { return m_index; }
    /// "12 / 3 480", as shown.
    wxString PositionText() const;
    /// The last message about what was done, as shown under the page.
    wxString StatusText() const;
    Stance CurrentStance() const { return m_stance; }
    bool IsModelReady() const { return m_modelState == ModelState::Ready; }
    /// What the page is waiting for, in words (for a test that waited too long).
    std::string LoadingState() const;
    /// How long the last Suggest() call took on the UI thread, in milliseconds.
    double LastSuggestMs() const { return m_lastSuggestMs; }
    /// The page shown: 0 the contribution, 1 empty queue, 2 empty sample, 3 no consultation.
    int ShownPage() const;
    CodingItemPane& Item() const { return *m_item; }
    CodingCommitmentTree& Tree() const { return *m_tree; }
    CodingSuggestionsPane& Suggestions() const { return *m_suggestions; }
    ContributionFilterBar& Filters() const { return *m_filters; }
    wxSearchCtrl* SearchBox() const { return m_search; }
    /// The filter of the queue as applied (consultation included).
    const ContributionFilter& QueueFilter() const { return m_filter; }

private:
    enum class ModelState { NotLoaded, Loading, Ready, Failed };
    using ModelEffect = SuggestionModelEffect;

    // Layout (coding_queue_page.cpp).
    void BuildLayout();
    wxWindow* BuildHeader(wxWindow* parent);
    wxWindow* BuildBanner(wxWindow* parent);
    wxWindow* BuildWorkArea(wxWindow* parent);
    wxWindow* BuildRightColumn(wxWindow* parent);
    void BindKeys();
    KeyFocus FocusKind(wxWindow* focus) const;
    void ToggleFilters();
    void UpdateFilterSummary();
    void UpdatePosition();
    void UpdatePage();
    void SetStatus(const wxString& message, bool problem = false);
    void ShowProblem(const Error& error);

    // Loading and navigation (coding_queue_loading.cpp).
    void LoadReference();
    void LoadKeys(bool keepCurrent);
    void AcceptKeys(std::vector<long long> keys, long long keep, int generation);
    void LoadModel();
    void ShowCurrent(bool keepNote = false);
    void Display(const CodingItem& item, bool keepNote);
    void Prefetch();
    void UpdateSuggestions();
    /// Highlights in the text the words that made suggestion `row` (the first when -1).
    void HighlightSuggestion(int row);
    void Move(long delta);
    void OnFilterChanged();
    void OnTableChanged(const std::string& table);
    void RefreshFromElsewhere();
    ContributionFilter FilterFromBar() const;

    // Actions (coding_queue_actions.cpp).
    /// Applies `action` through the history; false (and the problem shown) when it failed.
    bool Do(std::unique_ptr<CodingAction> action, ModelEffect effect = {}, bool keepNote = false);
    void AfterChange(const std::vector<std::string>& contributionIds, bool keepNote, bool goThere);
    void ApplyEffect(const ModelEffect& effect, bool forward);
    void Undo();
    void Redo();
    void Tag(const TagSpec& spec);
    void ApplySuggestion(int index);
    void ApplyTreeChoice(bool fromFilter);
    void ChooseStance(Stance stance, bool apply);
    void RemoveTag(const std::string& tagId);
    void AddLabel();
    void RemoveLabel(const std::string& labelId);
    void ToggleQuote();
    void ToggleReview();
    void Exclude();
    void SaveNote(const std::string& contributionId, const wxString& text, const wxString& seen);
    void DoneAndNext();
    void BulkTag();
    void OpenBulkDialog(const ContributionFilter& filter, long long count);
    void ShowKeys();
    bool NeedsItem(bool editsRecord);
    std::string ExampleText(const Contribution& contribution) const;
    std::string Me() const;

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    /// The page's jobs on the worker; errors without a handler go to the status line.
    BackgroundJobs m_jobs{m_context, m_lifetime, [this](const Error& error) { ShowProblem(error); }};
    // Parts.
    wxPanel* m_banner = nullptr;
    wxStaticText* m_bannerText = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxButton* m_filtersButton = nullptr;
    wxStaticText* m_filterSummary = nullptr;
    ContributionFilterBar* m_filters = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_position = nullptr;
    wxButton* m_previous = nullptr;
    wxButton* m_next = nullptr;
    wxButton* m_bulk = nullptr;
    wxSimplebook* m_pages = nullptr;
    wxSplitterWindow* m_split = nullptr;
    wxSplitterWindow* m_rightSplit = nullptr;
    wxWindow* m_suggestionsArea = nullptr; ///< the right column's top: gone in blind coding
    wxWindow* m_treeArea = nullptr;
    int m_suggestionsHeight = 0; ///< the sash before blind coding hid the suggestions
    CodingItemPane* m_item = nullptr;
    CodingStanceBar* m_stanceBar = nullptr;
    CodingSuggestionsPane* m_suggestions = nullptr;
    wxStaticText* m_modelInfo = nullptr;
    CodingCommitmentTree* m_tree = nullptr;
    wxStaticText* m_status = nullptr;
    // The queue.
    std::string m_consultationId;
    ContributionFilter m_filter;
    std::vector<long long> m_keys;
    long m_index = -1;
    bool m_keysLoaded = false;
    int m_keysGeneration = 0;
    std::set<long long> m_visited; ///< seen in this session: kept in the queue on reloads
    std::optional<CodingItem> m_current;
    std::map<long long, CodingItem> m_cache;
    int m_itemRequest = 0;
    CodingReference m_reference;
    bool m_dirty = true, m_referenceDirty = true, m_defaultFilters = true;
    bool m_settingFilters = false; ///< the page itself is setting the filters: no callback
    bool m_filtersShown = false;
    bool m_searchHintSet = false; ///< the filter bar's visibility before blind coding hid it
    // Coding.
    CodingTarget m_target;
    std::optional<CodingSample> m_sample;
    Stance m_stance = Stance::Observation;
    CodingHistory m_history;
    std::map<const CodingAction*, ModelEffect> m_effects;
    std::shared_ptr<SuggestionModel> m_model;
    ModelState m_modelState = ModelState::NotLoaded;
    wxString m_modelProblem;
    double m_lastSuggestMs = 0;
    long long m_doneThisSession = 0;
    std::function<void()> m_onHistory, m_onBlind;
    // Notifications.
    int m_subscription = 0;
    long m_lastKeyStamp = 0;
    int m_lastKeyCode = 0;
    bool m_notifying = false; ///< our own announcements are not news to us
    wxTimer m_refreshTimer;
};

} // namespace concerto
