#pragma once
// The "Double coding" page of the Coding area: the consultation's double-coding samples with
// each coder's progress, the commands to create a sample and to code it blind, the agreement
// report of the selected sample (Cohen's kappa per commitment and overall, with the counts
// behind them), and its disagreements with the adjudication pane that turns them into final
// tags. Everything is read through the worker; only the saves run on the UI thread.

#include "app/app_context.h"
#include "db/double_coding.h"
#include "dialogs/sample_dialog.h"

#include <functional>
#include <wx/panel.h>

class wxButton;
class wxDataViewEvent;
class wxDataViewListCtrl;
class wxNotebook;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class AdjudicationPane;

class DoubleCodingPanel : public wxPanel {
public:
    /// `onCodeBlind(sample)` runs when the current user asks to code `sample` blind (the coding
    /// view then switches to that sample's blind mode for them).
    DoubleCodingPanel(wxWindow* parent, AppContext& context,
                      std::function<void(const CodingSample& sample)> onCodeBlind);

    /// Reads the samples again, then the report of the selected one (the consultation or the
    /// database may have changed).
    void Reload();

    /// True while the samples or the selected sample's report are being read.
    bool IsLoading() const { return m_loadingOverview || m_loadingDetails; }
    /// Number of samples listed.
    int SampleCount() const { return static_cast<int>(m_samples.size()); }
    /// The selected sample, or nullptr.
    const CodingSample* SelectedSample() const;
    /// Selects the sample `id` and loads its report; false when it is not listed.
    bool SelectSample(const std::string& id);
    /// The report shown (empty before the first load).
    const AgreementReport& Report() const { return m_report; }
    /// Rows of the report list (one per commitment, then the overall rows) and a cell as shown.
    int ReportRowCount() const;
    wxString ReportCell(int row, int column) const;
    /// The headline above the report, as shown.
    wxString ReportSummary() const;
    /// Disagreements listed, selecting one (shows it in the adjudication pane), and the pane.
    int DisagreementCount() const { return static_cast<int>(m_disagreements.size()); }
    bool SelectDisagreement(int row);
    AdjudicationPane& Adjudication() { return *m_adjudication; }

    /// The choices, initial values and saver of the "New sample" dialog (what NewSample() uses).
    SampleDialogChoices DialogChoices() const;
    SampleRequest NewRequest() const;
    SampleDialog::Saver SampleCreator();
    /// True when the current user is coder A or B of the selected sample.
    bool CanCodeBlind() const;

    /// The commands of the buttons.
    void NewSample();
    void CodeBlind();
    /// Writes the tags both coders agree on as final tags for the selected sample, without asking
    /// (the button asks first); returns what was done.
    AcceptedAgreements AcceptAgreementsNow();

    /// The columns of the report list, left to right.
    enum ReportColumn {
        RefColumn,
        TitleColumn,
        ComparedColumn,
        BothColumn,
        OnlyAColumn,
        OnlyBColumn,
        NeitherColumn,
        PercentColumn,
        KappaColumn,
        StrengthColumn,
        ReportColumnCount
    };

private:
    /// The samples of the consultation, and what the dialog offers.
    struct Overview {
        std::vector<SampleProgress> samples;
        std::vector<std::string> coders;
        long long population = 0;
    };
    /// The selected sample's report and disagreements.
    struct Details {
        AgreementReport report;
        std::vector<ContributionComparison> disagreements;
    };

    wxWindow* BuildToolbar();
    wxWindow* BuildContent(wxWindow* parent);
    wxWindow* BuildReportPage(wxWindow* parent);
    wxWindow* BuildDisagreementsPage(wxWindow* parent);
    void ShowOverview(Overview overview);
    void LoadDetails();
    void ShowDetails(Details details);
    void FillReport();
    void FillDisagreements();
    void UpdateCommands();
    void OnSampleSelected();
    void OnAcceptAgreements();
    wxString Adjudicate(const ContributionComparison& comparison, const std::vector<TagChoice>& chosen);
    void ShowStatus(const wxString& text, bool isError = false);
    /// Shows what an action did; it stays over the usual status until another sample is chosen.
    void ShowNotice(const wxString& text);

    AppContext& m_context;
    std::function<void(const CodingSample&)> m_onCodeBlind;
    wxButton* m_newSample = nullptr;
    wxButton* m_codeBlind = nullptr;
    wxButton* m_accept = nullptr;
    wxStaticText* m_status = nullptr;
    wxSimplebook* m_pages = nullptr;
    wxDataViewListCtrl* m_sampleList = nullptr;
    wxNotebook* m_notebook = nullptr;
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_reportList = nullptr;
    wxSimplebook* m_disagreementPages = nullptr;
    wxStaticText* m_noDisagreement = nullptr;
    wxDataViewListCtrl* m_disagreementList = nullptr;
    AdjudicationPane* m_adjudication = nullptr;

    std::vector<SampleProgress> m_samples;
    std::vector<std::string> m_coders;
    long long m_population = 0;
    std::string m_selectedId;
    std::string m_focusContribution; ///< the disagreement to show after the next load
    wxString m_notice;               ///< what the last action did, shown in the status line
    AgreementReport m_report;
    std::vector<ContributionComparison> m_disagreements;
    bool m_loadingOverview = false, m_loadingDetails = false;
    int m_overviewRequest = 0, m_detailsRequest = 0;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
