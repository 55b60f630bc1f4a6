#include "app/report_run.h"

#include "app/localization.h"
#include "core/errors.h"
#include "reports/pdf_writer.h"
#include "reports/xlsx_writer.h"

#include <algorithm>
#include <chrono>
#include <wx/button.h>
#include <wx/filefn.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/progdlg.h>
#include <wx/timer.h>

namespace concerto {

namespace {
// The gauge counts in thousandths so that phases of any size share one dialog.
constexpr int kGaugeRange = 1000;
// Posting every step would flood the event queue; the eye needs no more than this.
constexpr std::chrono::milliseconds kPostInterval(80);
} // namespace

/// The Progress the work reports to, on the work's thread; everything shown goes through
/// CallAfter, and only the cancel flag (atomic) is shared.
class ReportThread::Bridge final : public Progress {
public:
    explicit Bridge(ReportThread& owner) : m_owner(owner) {}

    void Begin(const std::string& phase, std::uint64_t total) override
    {
        m_lastPost = {};
        if (m_owner.m_callbacks.phase) {
            const wxString text = wxString::FromUTF8(phase);
            const auto count = static_cast<unsigned long long>(total);
            ReportThread* owner = &m_owner; // outlives its pending calls; this bridge may not
            owner->CallAfter([owner, text, count] { owner->m_callbacks.phase(text, count); });
        }
    }

    void Advance(std::uint64_t done) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (!m_owner.m_callbacks.advance || now - m_lastPost < kPostInterval)
            return;
        m_lastPost = now;
        const auto count = static_cast<unsigned long long>(done);
        ReportThread* owner = &m_owner;
        owner->CallAfter([owner, count] { owner->m_callbacks.advance(count); });
    }

    bool IsCancelled() const override { return m_owner.m_cancelled.load(); }

private:
    ReportThread& m_owner;
    std::chrono::steady_clock::time_point m_lastPost;
};

ReportThread::ReportThread(Callbacks callbacks) : m_callbacks(std::move(callbacks)) {}

ReportThread::~ReportThread()
{
    Stop();
    // Results queued by CallAfter die with this handler (wxEvtHandler drops pending events).
}

void ReportThread::Stop()
{
    m_cancelled = true;
    if (m_thread.joinable())
        m_thread.join();
    m_callbacks.finished = nullptr; // whatever the thread queued finds nobody to tell
}

void ReportThread::Start(const Database& source, Work work)
{
    if (IsRunning())
        return;
    std::shared_ptr<Database> db = source.Reopen();
    m_cancelled = false;
    m_bridge = std::make_unique<Bridge>(*this);
    m_thread = std::thread([this, db, work = std::move(work)]() {
        wxString error;
        bool cancelled = false;
        try {
            work(*db, *m_bridge);
        } catch (const CancelledError&) {
            cancelled = true;
        } catch (const std::exception& e) {
            error = wxString::FromUTF8(e.what());
            if (error.empty())
                error = _("The report could not be produced.");
        }
        CallAfter([this, error, cancelled] { OnFinished(error, cancelled); });
    });
}

void ReportThread::OnFinished(const wxString& error, bool cancelled)
{
    if (m_thread.joinable())
        m_thread.join();
    m_bridge.reset();
    // Called last, on a copy: the callback may start another work.
    const auto finished = m_callbacks.finished;
    if (finished)
        finished(error, cancelled || m_cancelled.load());
}

// ---------------------------------------------------------------------------------------------

ReportRun::ReportRun(wxWindow* parent, Done done)
    : m_parent(parent), m_done(std::move(done)),
      m_thread({[this](const wxString& phase, unsigned long long total) { OnPhase(phase, total); },
                [this](unsigned long long done) { OnAdvance(done); },
                [this](const wxString& error, bool cancelled) { OnFinished(error, cancelled); }})
{
    Bind(wxEVT_TIMER, &ReportRun::OnPoll, this);
}

ReportRun::~ReportRun()
{
    CloseDialog();
}

void ReportRun::Start(const Database& source, const report::Definition& definition, report::ParameterValues values,
                      const std::string& format, const wxString& path)
{
    if (IsRunning())
        return;
    m_path = path;
    m_existed = wxFileName::FileExists(path);
    m_total = 0;
    m_title = format == "pdf" ? _("PDF report") : _("Excel workbook");
    const std::string target = path.utf8_string();
    values.format = format;
    m_thread.Start(source, [definition, values, format, target](Database& db, Progress& progress) {
        const report::Document doc = report::BuildDocument(db, definition, values, &progress);
        if (format == "pdf")
            report::WritePdf(doc, target, &progress);
        else
            report::WriteXlsx(doc, target, &progress);
    });
    m_dialog = std::make_unique<wxProgressDialog>(
        m_title, wxString::Format(_("Producing « %s »…"), wxString::FromUTF8(definition.title)), kGaugeRange,
        m_parent, wxPD_APP_MODAL | wxPD_CAN_ABORT);
    // Its stock "Cancel" comes from wxWidgets' own catalog, which is often not installed.
    if (auto* cancel = wxDynamicCast(m_dialog->FindWindow(wxID_CANCEL), wxButton))
        cancel->SetLabel(_("Cancel"));
    m_poll = std::make_unique<wxTimer>(this);
    m_poll->Start(100);
}

void ReportRun::OnPhase(const wxString& phase, unsigned long long total)
{
    m_total = total;
    m_phase = phase;
    if (!m_dialog)
        return;
    const bool goOn = total == 0 ? m_dialog->Pulse(phase) : m_dialog->Update(0, phase);
    if (!goOn)
        m_thread.Cancel();
}

void ReportRun::OnAdvance(unsigned long long done)
{
    if (!m_dialog)
        return;
    bool goOn = true;
    if (m_total == 0) {
        // Rows streamed to a workbook: their number is the progress there is to show.
        goOn = m_dialog->Pulse(wxString::Format(_("%s — %s rows"), m_phase, FormatCount(static_cast<long long>(done))));
    } else {
        // One short of the end: a progress dialog at its maximum waits for a click to close.
        const auto value =
            static_cast<int>(std::min<unsigned long long>(done * kGaugeRange / m_total, kGaugeRange - 1));
        goOn = m_dialog->Update(value);
    }
    if (!goOn)
        m_thread.Cancel();
}

void ReportRun::OnPoll(wxTimerEvent&)
{
    // Cancel is noticed here too, for phases that report no steps for a while.
    if (m_dialog && m_dialog->WasCancelled()) {
        m_thread.Cancel();
        m_dialog->Pulse(_("Cancelling…"));
    }
}

void ReportRun::OnFinished(const wxString& error, bool cancelled)
{
    CloseDialog();
    // The writers leave nothing behind; this guards against any that would.
    if ((cancelled || !error.empty()) && !m_existed && wxFileName::FileExists(m_path))
        wxRemoveFile(m_path);
    const Done done = m_done;
    done(m_path, cancelled ? wxString() : error, cancelled);
}

void ReportRun::CloseDialog()
{
    if (m_poll)
        m_poll->Stop();
    m_poll.reset();
    if (m_dialog)
        m_dialog->Hide();
    m_dialog.reset();
}

} // namespace concerto
