#include "app/report_preview.h"

#include "core/errors.h"
#include "reports/pdf_writer.h"

#include <algorithm>
#include <cstdlib>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filefn.h>
#include <wx/filename.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace concerto {

namespace {

/// Zoom steps, in percent of the page's real size; the first is the thumbnails' view.
constexpr int kZooms[] = {25, 40, 60, 80, 100, 150};
constexpr int kDefaultZoom = 1;   ///< 40 %: pages side by side, titles readable
constexpr int kFullSizeZoom = 4;  ///< 100 %
/// Pixels held at once by the pages shown (RGB): about 120 MB at most.
constexpr double kPixelBudget = 40e6;
constexpr int kMostPages = 80;
/// An A4 page's width in pixels at 100 % on a 96 dpi screen.
constexpr double kA4Width = 595.0 * 96.0 / 72.0;

void RemoveFile(const std::string& path)
{
    if (!path.empty() && wxFileName::FileExists(wxString::FromUTF8(path)))
        wxRemoveFile(wxString::FromUTF8(path));
}

} // namespace

ReportPreview::ReportPreview(wxWindow* parent)
    : wxPanel(parent, wxID_ANY), m_pulse(this),
      m_thread({[this](const wxString& phase, unsigned long long) { SetStatus(phase); }, {},
                [this](const wxString& error, bool cancelled) { OnGenerated(error, cancelled); }})
{
    m_refreshButton = new wxButton(this, wxID_ANY, _("&Refresh the preview"));
    m_refreshButton->SetToolTip(_("Produce the PDF again with the definition as it is in the editor (F5)."));
    m_refreshButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_refresh)
            m_refresh();
    });
    m_zoom = new wxChoice(this, wxID_ANY);
    m_zoom->SetName("zoom");
    m_zoom->Append(_("Thumbnails"));
    for (std::size_t i = 1; i < std::size(kZooms); ++i)
        m_zoom->Append(wxString::Format(_("%d %%"), kZooms[i]));
    m_zoom->SetSelection(kDefaultZoom);
    m_zoom->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { StartRendering(); });
    m_gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(120, 14)));
    m_gauge->Hide();
    m_status = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
    m_status->SetName("preview-status");
    m_status->SetMinSize(wxSize(FromDIP(60), -1)); // shrinks, ellipsized, rather than pushing the bar wider

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(m_refreshButton, wxSizerFlags().CenterVertical());
    bar->Add(new wxStaticText(this, wxID_ANY, _("Zoom:")),
             wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(16)));
    bar->Add(m_zoom, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    bar->Add(m_gauge, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(16)));
    bar->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(12)));

    m_pages = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxHSCROLL);
    m_pages->SetName("pages");
    m_pages->SetScrollRate(FromDIP(16), FromDIP(16));
    m_pages->SetBackgroundColour(wxColour(0x8A, 0x8F, 0x96)); // the desk the pages lie on
    auto* wrap = new wxWrapSizer(wxHORIZONTAL);
    m_message = new wxStaticText(m_pages, wxID_ANY, wxString());
    m_message->SetForegroundColour(*wxWHITE);
    wrap->Add(m_message, wxSizerFlags().Border(wxALL, FromDIP(20)));
    m_pages->SetSizer(wrap);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(8)));
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { m_gauge->Pulse(); });
    ShowMessage(_("Press « Refresh the preview » (F5) to see the report's pages."));
}

ReportPreview::~ReportPreview()
{
    ++m_generation;
    if (m_renderer.joinable())
        m_renderer.join();
    m_thread.Stop();
    RemoveFile(m_nextPath); // created empty before the writer started
    RemoveFile(m_pdfPath);
}

void ReportPreview::Preview(const Database& source, const report::Definition& definition,
                            report::ParameterValues values)
{
    m_pending = Request{&source, definition, std::move(values)};
    if (m_thread.IsRunning()) {
        m_thread.Cancel(); // its end starts the pending request
        return;
    }
    StartPending();
}

void ReportPreview::StartPending()
{
    if (!m_pending)
        return;
    Request request = std::move(*m_pending);
    m_pending.reset();
    const std::string path = wxFileName::CreateTempFileName("concerto-apercu").utf8_string();
    auto generated = std::make_shared<RenderedPdf>();
    m_generated = generated;
    const int width = PageWidth(), most = MaxPages();
    request.values.format = "pdf";
    try {
        m_thread.Start(*request.source, [request, path, generated, width, most](Database& db, Progress& progress) {
            const report::Document doc = report::BuildDocument(db, request.definition, request.values, &progress);
            report::WritePdf(doc, path, &progress);
            progress.Begin("Affichage des pages", 0);
            *generated = RenderPdfPages(path, width, most, [&progress] { return progress.IsCancelled(); });
        });
    } catch (const std::exception& e) {
        RemoveFile(path);
        SetStatus(wxString::FromUTF8(e.what()), true);
        return;
    }
    m_nextPath = path;
    m_gauge->Show();
    m_pulse.Start(120);
    SetStatus(_("Producing the preview…"));
    Layout();
}

void ReportPreview::OnGenerated(const wxString& error, bool cancelled)
{
    m_pulse.Stop();
    m_gauge->Hide();
    const std::string path = m_nextPath;
    m_nextPath.clear();
    if (cancelled || !error.empty()) {
        RemoveFile(path);
        if (m_pending) { // cancelled to make way for a newer request
            StartPending();
            return;
        }
        SetStatus(cancelled ? _("Preview cancelled.") : error, !cancelled);
        Layout();
        return;
    }
    RemoveFile(m_pdfPath);
    m_pdfPath = path;
    ++m_generation;
    ShowPages(*m_generated, -1);
    m_generated.reset();
    if (m_pending)
        StartPending();
}

void ReportPreview::StartRendering(int scrollToPage)
{
    if (m_pdfPath.empty() || m_thread.IsRunning())
        return;
    const int generation = ++m_generation;
    if (m_renderer.joinable())
        m_renderer.join(); // it stops at its next page: its generation is no longer current
    const std::string path = m_pdfPath;
    const int width = PageWidth(), most = MaxPages();
    SetStatus(_("Drawing the pages…"));
    m_renderer = std::thread([this, path, width, most, generation, scrollToPage] {
        auto pages = std::make_shared<RenderedPdf>();
        wxString error;
        try {
            *pages = RenderPdfPages(path, width, most, [this, generation] { return m_generation != generation; });
        } catch (const std::exception& e) {
            error = wxString::FromUTF8(e.what());
        }
        CallAfter([this, generation, pages, error, scrollToPage] { OnRendered(generation, pages, error, scrollToPage); });
    });
}

void ReportPreview::OnRendered(int generation, std::shared_ptr<RenderedPdf> pages, const wxString& error,
                               int scrollToPage)
{
    if (generation != m_generation)
        return; // a newer zoom or report replaced it
    if (m_renderer.joinable())
        m_renderer.join();
    if (!error.empty()) {
        SetStatus(error, true);
        return;
    }
    ShowPages(*pages, scrollToPage);
}

void ReportPreview::ShowPages(const RenderedPdf& pdf, int scrollToPage)
{
    m_pages->Freeze();
    m_pages->GetSizer()->Clear(true);
    m_message = nullptr;
    wxWindow* target = nullptr;
    for (std::size_t i = 0; i < pdf.pages.size(); ++i) {
        const PagePicture& page = pdf.pages[i];
        // wxImage takes the buffer: copy it, the pictures stay with their owner.
        auto* data = static_cast<unsigned char*>(malloc(page.rgb.size()));
        std::copy(page.rgb.begin(), page.rgb.end(), data);
        const wxImage image(page.width, page.height, data);
        auto* frame = new wxPanel(m_pages);
        frame->SetBackgroundColour(m_pages->GetBackgroundColour());
        auto* bitmap = new wxStaticBitmap(frame, wxID_ANY, wxBitmap(image));
        bitmap->SetToolTip(_("Double-click to see this page at 100 %."));
        const int index = static_cast<int>(i);
        bitmap->Bind(wxEVT_LEFT_DCLICK, [this, index](wxMouseEvent&) { ZoomOnPage(index); });
        auto* label = new wxStaticText(frame, wxID_ANY, wxString::Format(_("Page %d"), index + 1));
        label->SetForegroundColour(*wxWHITE);
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(bitmap);
        column->Add(label, wxSizerFlags().Center().Border(wxTOP, FromDIP(3)));
        frame->SetSizer(column);
        m_pages->GetSizer()->Add(frame, wxSizerFlags().Border(wxALL, FromDIP(10)));
        if (index == scrollToPage)
            target = frame;
    }
    m_pageCount = pdf.pageCount;
    m_shown = pdf.pages.size();
    m_pages->FitInside();
    m_pages->Layout();
    m_pages->Thaw();
    if (target) {
        int unitX = 1, unitY = 1;
        m_pages->GetScrollPixelsPerUnit(&unitX, &unitY);
        const wxPoint at = m_pages->CalcUnscrolledPosition(target->GetPosition());
        m_pages->Scroll(0, unitY > 0 ? at.y / unitY : 0);
    } else {
        m_pages->Scroll(0, 0);
    }
    if (m_shown < static_cast<std::size_t>(m_pageCount))
        SetStatus(wxString::Format(_("The first %d pages of %d are shown: zoom out to see more."),
                                   static_cast<int>(m_shown), m_pageCount));
    else
        SetStatus(wxString::Format(wxPLURAL("%d page — double-click it to enlarge it.",
                                            "%d pages — double-click one to enlarge it.", m_pageCount),
                                   m_pageCount));
}

void ReportPreview::ShowMessage(const wxString& message)
{
    m_pages->Freeze();
    m_pages->GetSizer()->Clear(true);
    m_message = new wxStaticText(m_pages, wxID_ANY, message);
    m_message->SetForegroundColour(*wxWHITE);
    m_message->Wrap(FromDIP(520));
    m_pages->GetSizer()->Add(m_message, wxSizerFlags().Border(wxALL, FromDIP(20)));
    m_pages->FitInside();
    m_pages->Layout();
    m_pages->Thaw();
    m_pageCount = 0;
    m_shown = 0;
    SetStatus(wxString());
}

void ReportPreview::ZoomOnPage(int page)
{
    m_zoom->SetSelection(kFullSizeZoom);
    StartRendering(page);
}

void ReportPreview::SetStatus(const wxString& text, bool problem)
{
    m_status->SetLabel(text);
    m_status->SetToolTip(text);
    m_status->SetForegroundColour(problem ? wxColour(0xC6, 0x28, 0x28)
                                          : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    Layout();
}

int ReportPreview::PageWidth() const
{
    const int selection = std::max(0, m_zoom->GetSelection());
    return std::max(60, static_cast<int>(kA4Width * kZooms[selection] / 100.0));
}

int ReportPreview::MaxPages() const
{
    const double width = PageWidth();
    const double pagePixels = width * width * 1.415; // A4 proportions
    return std::clamp(static_cast<int>(kPixelBudget / pagePixels), 4, kMostPages);
}

} // namespace concerto
