#pragma once
// Running a report off the UI thread. A report can take minutes (a million-row export): it
// gets its own thread and its own connection rather than the shared DatabaseWorker, so that
// the other views keep loading while it runs. Its progress and its end come back to the UI
// thread through CallAfter; cancelling makes the engine or the writer throw CancelledError,
// and the writers then leave no file behind.

#include "core/progress.h"
#include "db/database.h"
#include "reports/definition.h"
#include "reports/engine.h"

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <wx/event.h>
#include <wx/string.h>

class wxProgressDialog;
class wxTimer;
class wxTimerEvent;
class wxWindow;

namespace concerto {

/// One piece of report work on a thread of its own, with its own connection.
class ReportThread : public wxEvtHandler {
public:
    /// What the UI hears, always on the UI thread.
    struct Callbacks {
        std::function<void(const wxString& phase, unsigned long long total)> phase; ///< may be empty
        std::function<void(unsigned long long done)> advance;                      ///< may be empty
        /// The work ended: `error` is empty on success; `cancelled` when the user stopped it.
        std::function<void(const wxString& error, bool cancelled)> finished;
    };
    /// The work: runs on the thread with the thread's connection and a Progress to report to.
    using Work = std::function<void(Database& db, Progress& progress)>;

    explicit ReportThread(Callbacks callbacks);
    /// Cancels the work and waits for the thread (the engine polls for cancellation often).
    ~ReportThread() override;

    /// Starts `work` on a connection reopened from `source` (opened here, so that a failure to
    /// connect throws before anything starts). Only one work at a time: IsRunning() must be false.
    void Start(const Database& source, Work work);
    /// Asks the work to stop; `finished` follows with cancelled = true.
    void Cancel() { m_cancelled = true; }
    /// Cancels the work and waits for its thread, for an owner going away: `finished` is not
    /// called any more.
    void Stop();
    bool IsRunning() const { return m_thread.joinable(); }

private:
    class Bridge;
    void OnFinished(const wxString& error, bool cancelled);

    Callbacks m_callbacks;
    std::unique_ptr<Bridge> m_bridge;
    std::atomic<bool> m_cancelled{false};
    std::thread m_thread;
};

/// A report rendered to a file with a progress dialog that can cancel it.
class ReportRun : public wxEvtHandler {
public:
    /// `error` empty on success; `cancelled` when the user stopped it (no file left).
    using Done = std::function<void(const wxString& path, const wxString& error, bool cancelled)>;

    ReportRun(wxWindow* parent, Done done);
    ~ReportRun() override;

    /// Builds `definition` with `values` and writes it as `format` ("pdf" or "xlsx") to `path`.
    /// Throws Error when the connection cannot be reopened.
    void Start(const Database& source, const report::Definition& definition, report::ParameterValues values,
               const std::string& format, const wxString& path);
    bool IsRunning() const { return m_thread.IsRunning(); }

private:
    void OnPhase(const wxString& phase, unsigned long long total);
    void OnAdvance(unsigned long long done);
    void OnPoll(wxTimerEvent& event);
    void OnFinished(const wxString& error, bool cancelled);
    void CloseDialog();

    wxWindow* m_parent;
    Done m_done;
    ReportThread m_thread;
    std::unique_ptr<wxProgressDialog> m_dialog;
    std::unique_ptr<wxTimer> m_poll;
    wxString m_path, m_title, m_phase;
    unsigned long long m_total = 0;
    bool m_existed = false; ///< a file was at the path before the run
};

} // namespace concerto
