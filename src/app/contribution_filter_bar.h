#pragma once
// The filters of the contributions list: a search box over the full-text index (placed by the
// owner, in its toolbar), then channel, meeting, neighbourhood, theme, commitment, state,
// coding, date range and quotes. They combine; changing any of them calls the owner back (the
// search after a short pause in typing).

#include "db/repositories.h"
#include "dialogs/contribution_dialog.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxSearchCtrl;

namespace concerto {

/// Everything the filters and the editor offer to choose from, for one consultation.
struct ContributionReferenceData {
    ContributionChoices choices;
    std::vector<ContributionChoice> themes;
    std::vector<ContributionChoice> commitments; ///< channelId holds the commitment's theme
};

class ContributionFilterBar : public wxPanel {
public:
    /// `search` is the search box, created by the owner wherever it fits; `onChanged` runs
    /// whenever the filter changes.
    ContributionFilterBar(wxWindow* parent, wxSearchCtrl* search, std::function<void()> onChanged);

    /// Fills the choice lists, keeping each selection whose item is still offered.
    void SetReferenceData(const ContributionReferenceData& data);
    /// The filter the controls describe (its consultation left empty).
    ContributionFilter Filter() const;
    /// True when any filter narrows the list.
    bool IsFiltering() const;
    /// Resets every filter (and the search), then calls back once.
    void Clear();
    /// Sets the days the date pickers offer when their box is ticked (the consultation's dates);
    /// does not filter.
    void SuggestDates(const std::optional<Date>& from, const std::optional<Date>& to);
    /// Puts the keyboard focus in the search box, its text selected.
    void FocusSearch();

    /// The controls, for tests (which drive them as a user would).
    wxSearchCtrl* SearchBox() const { return m_search; }
    wxChoice* ChannelChoice() const { return m_channel; }
    wxChoice* StateChoice() const { return m_state; }
    /// Selects the channel `id` (empty: all) as if the user had, and calls back.
    void SelectChannel(const std::string& id);

private:
    void BuildControls();
    void Changed();
    void FillChoice(wxChoice* choice, const wxString& all, const std::vector<ContributionChoice>& items,
                    std::vector<ContributionChoice>& shown, const std::string& parentId, const std::string& keep);
    void FillMeetings();
    void FillCommitments();
    static std::string SelectedId(const wxChoice* choice, const std::vector<ContributionChoice>& shown);

    std::function<void()> m_onChanged;
    ContributionReferenceData m_data;
    std::vector<ContributionChoice> m_channels, m_meetings, m_neighbourhoods, m_themes, m_commitments; ///< as shown
    wxSearchCtrl* m_search = nullptr;
    wxChoice* m_channel = nullptr;
    wxChoice* m_meeting = nullptr;
    wxChoice* m_neighbourhood = nullptr;
    wxChoice* m_theme = nullptr;
    wxChoice* m_commitment = nullptr;
    wxChoice* m_state = nullptr;
    wxChoice* m_tagged = nullptr;
    wxCheckBox* m_useFrom = nullptr;
    wxCheckBox* m_useTo = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxCheckBox* m_quotes = nullptr;
    wxCheckBox* m_contacts = nullptr;
    wxButton* m_clear = nullptr;
    wxTimer m_typing;
    bool m_silent = false; ///< true while filling controls: no callback
};

} // namespace concerto
