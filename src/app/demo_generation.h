#pragma once
// Creating the demo consultation without freezing the window: GenerateDemo() runs on a worker
// thread with its own connection, while a cancellable progress dialog follows it. The worker
// never touches a widget; it posts to this object, whose handlers run on the main thread.

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <wx/event.h>

class wxProgressDialog;
class wxTimer;
class wxTimerEvent;

namespace concerto {

class Database;

/// One run of the demo generator. Start() returns at once; `onDone` is later called on the
/// main thread with the new consultation's id, or with an empty id when the user cancelled
/// or the generation failed (the failure has then already been shown to the user).
class DemoGeneration : public wxEvtHandler {
public:
    using Done = std::function<void(const std::string& consultationId)>;

    /// `parent` owns the progress dialog; `source` is the database to fill (not used by the worker,
    /// which gets its own connection from it).
    DemoGeneration(wxWindow* parent, const Database& source, Done onDone);
    /// Cancels a run still going and waits for its worker to stop.
    ~DemoGeneration() override;

    /// Opens the worker's connection and starts it. Throws concerto::Error when the database
    /// cannot be reopened; nothing has started then.
    void Start();
    bool IsRunning() const { return m_worker.joinable(); }

private:
    class Bridge;

    void OnPhase(const wxString& phase, unsigned long long total);
    void OnAdvance(unsigned long long done);
    void OnPoll(wxTimerEvent& event);
    void OnFinished(const std::string& consultationId, const wxString& error);
    void CloseDialog();

    wxWindow* m_parent;
    const Database& m_source;
    Done m_onDone;

    std::thread m_worker;
    std::atomic<bool> m_cancelled{false};
    std::unique_ptr<Bridge> m_bridge;
    std::unique_ptr<wxProgressDialog> m_dialog;
    std::unique_ptr<wxTimer> m_poll;
    wxString m_phase;
    unsigned long long m_total = 0;
};

} // namespace concerto
