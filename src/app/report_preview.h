#pragma once
// The preview of a report's PDF inside the window: the report is produced to a temporary PDF
// on its own thread, its pages rendered with poppler, and shown as pages side by side that
// scroll, at a zoom from thumbnails to 150 %. A new request while one runs cancels it; the
// pages shown stay until the new ones are ready.

#include "app/report_pages.h"
#include "app/report_run.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxChoice;
class wxGauge;
class wxScrolledWindow;
class wxStaticText;

namespace concerto {

class ReportPreview : public wxPanel {
public:
    explicit ReportPreview(wxWindow* parent);
    ~ReportPreview() override;

    /// Produces `definition` with `values` as a PDF in the background, then shows its pages.
    void Preview(const Database& source, const report::Definition& definition, report::ParameterValues values);
    /// Drops the pages and shows `message` instead (what to do to get a preview).
    void ShowMessage(const wxString& message);
    /// Called by the « Refresh » button (and F5): the owner calls Preview() with what is current.
    void OnRefreshRequested(std::function<void()> handler) { m_refresh = std::move(handler); }

    bool IsBusy() const { return m_thread.IsRunning(); }
    /// Pages of the last PDF, and how many are shown.
    int PageCount() const { return m_pageCount; }
    int ShownPages() const { return static_cast<int>(m_shown); }

private:
    struct Request {
        const Database* source;
        report::Definition definition;
        report::ParameterValues values;
    };

    void StartPending();
    void OnGenerated(const wxString& error, bool cancelled);
    void StartRendering(int scrollToPage = -1);
    void OnRendered(int generation, std::shared_ptr<RenderedPdf> pages, const wxString& error, int scrollToPage);
    void ShowPages(const RenderedPdf& pages, int scrollToPage);
    void SetStatus(const wxString& text, bool problem = false);
    int PageWidth() const;
    int MaxPages() const;
    void ZoomOnPage(int page);

    wxButton* m_refreshButton;
    wxChoice* m_zoom;
    wxStaticText* m_status;
    wxGauge* m_gauge;
    wxScrolledWindow* m_pages;
    wxStaticText* m_message;
    wxTimer m_pulse;

    ReportThread m_thread;
    std::optional<Request> m_pending;
    std::shared_ptr<RenderedPdf> m_generated; ///< filled by the report thread
    std::string m_pdfPath;                     ///< the temporary PDF of the pages shown
    std::string m_nextPath;                    ///< the one being produced
    std::thread m_renderer;
    std::atomic<int> m_generation{0};
    int m_pageCount = 0;
    std::size_t m_shown = 0;
    std::function<void()> m_refresh;
};

} // namespace concerto
