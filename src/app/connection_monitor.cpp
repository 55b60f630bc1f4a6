#include "app/connection_monitor.h"

#include "app/app_context.h"
#include "db/connection_profile.h"

#include <algorithm>
// The generic bar's header needs wxInfoBarBase declared first.
// clang-format off
#include <wx/infobar.h>
#include <wx/generic/infobar.h>
// clang-format on
#include <wx/app.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/timer.h>

namespace concerto {

namespace {

// Often enough to notice a lost server before the user does, rarely enough to cost nothing.
constexpr int kCheckIntervalMs = 10000;
// Waits between reconnection attempts: quick at first (a server restart takes seconds), then
// calmer, so that a long outage does not hammer the server or the network.
constexpr int kRetryDelaysSeconds[] = {1, 2, 5, 10, 15};

enum { kCheckTimerId = wxID_HIGHEST + 1, kRetryTimerId, kRetryButtonId };

int RetryDelaySeconds(int failedAttempts)
{
    const int last = static_cast<int>(std::size(kRetryDelaysSeconds)) - 1;
    return kRetryDelaysSeconds[std::min(failedAttempts, last)];
}

std::string ReopenableLocation(const Database& db)
{
    const Location& location = db.GetLocation();
    return location.backend == Backend::Sqlite ? "sqlite:" + location.target : location.target;
}

} // namespace

ConnectionMonitor::ConnectionMonitor(wxWindow* bannerParent, AppContext& context, Reconnected onReconnected)
    : m_context(context), m_onReconnected(std::move(onReconnected)),
      m_checkTimer(std::make_unique<wxTimer>(this, kCheckTimerId)),
      m_retryTimer(std::make_unique<wxTimer>(this, kRetryTimerId))
{
    // The generic bar rather than GTK's own, whose pale theme colour goes unnoticed: losing
    // the server must catch the eye. Shown and hidden at once, without sliding.
    m_banner = new wxInfoBarGeneric(bannerParent);
    m_banner->SetShowHideEffects(wxSHOW_EFFECT_NONE, wxSHOW_EFFECT_NONE);
    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    m_banner->SetBackgroundColour(dark ? wxColour(120, 80, 0) : wxColour(255, 214, 128));
    m_banner->SetForegroundColour(dark ? *wxWHITE : wxColour(60, 40, 0));
    m_banner->AddButton(kRetryButtonId, _("Retry"));
    // Handled here, so that the banner does not close itself: it goes when the server is back.
    m_banner->Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { RetryNow(); }, kRetryButtonId);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { CheckNow(); }, kCheckTimerId);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { Attempt(); }, kRetryTimerId);
}

ConnectionMonitor::~ConnectionMonitor()
{
    m_checkTimer->Stop();
    m_retryTimer->Stop();
    if (m_attempt.joinable())
        m_attempt.join();
}

void ConnectionMonitor::Watch(const Database& db)
{
    // Answers to checks of the previous connection would now be about the wrong one.
    m_lifetime = NewLifetime();
    m_location = ReopenableLocation(db);
    m_server = db.GetBackend() == Backend::Postgresql;
    m_lost = false;
    m_failedAttempts = 0;
    m_retryTimer->Stop();
    if (m_server)
        m_checkTimer->Start(kCheckIntervalMs);
    else
        m_checkTimer->Stop();
    if (m_banner->IsShown())
        m_banner->Dismiss();
}

void ConnectionMonitor::CheckNow()
{
    if (!m_server || m_lost)
        return;
    m_context.Worker().Run<bool>(
        m_lifetime, [](Database& db) { return IsConnectionAlive(db); },
        [this](bool alive) {
            if (!alive)
                ConnectionLost();
        },
        // The worker could not even open its connection.
        [this](const Error&) { ConnectionLost(); }, "connection-check");
}

bool ConnectionMonitor::Report(const Error& error)
{
    if (!m_server || !IsConnectionLost(error))
        return false;
    ConnectionLost();
    return true;
}

void ConnectionMonitor::RetryNow()
{
    if (!m_lost) {
        CheckNow();
        return;
    }
    m_retryTimer->Stop();
    ShowBanner(_("Connection to the server lost — reconnecting…"));
    Attempt();
}

wxWindow* ConnectionMonitor::Banner() const
{
    return m_banner;
}

bool ConnectionMonitor::IsBannerShown() const
{
    return m_banner->IsShown();
}

void ConnectionMonitor::ConnectionLost()
{
    if (m_lost)
        return;
    m_lost = true;
    m_failedAttempts = 0;
    m_checkTimer->Stop();
    ShowBanner(_("Connection to the server lost — reconnecting…"));
    m_retryTimer->StartOnce(RetryDelaySeconds(0) * 1000);
}

void ConnectionMonitor::Attempt()
{
    if (m_attempting || !m_lost)
        return;
    m_attempting = true;
    if (m_attempt.joinable())
        m_attempt.join(); // the previous attempt has already reported
    // Opened on a thread of its own: an unreachable server takes seconds to give up, and the
    // window must stay responsive meanwhile.
    std::weak_ptr<int> alive = m_lifetime;
    m_attempt = std::thread([this, alive, location = m_location] {
        auto db = std::make_shared<std::unique_ptr<Database>>();
        wxString error;
        try {
            *db = Database::Open(location);
        } catch (const std::exception& e) {
            error = wxString::FromUTF8(e.what());
        }
        if (wxTheApp)
            wxTheApp->CallAfter([this, alive, db, error] {
                if (alive.lock())
                    AttemptFinished(db, error);
            });
    });
}

void ConnectionMonitor::AttemptFinished(std::shared_ptr<std::unique_ptr<Database>> db, const wxString& error)
{
    m_attempting = false;
    if (!m_lost)
        return;
    if (*db) {
        m_onReconnected(std::move(*db)); // the owner then calls Watch(), which hides the banner
        return;
    }
    const int delay = RetryDelaySeconds(++m_failedAttempts);
    ShowBanner(wxString::Format(_("Connection to the server lost — next attempt in %d s. Your unsaved changes are "
                                  "kept."),
                                delay));
    m_banner->SetToolTip(error);
    m_retryTimer->StartOnce(delay * 1000);
}

void ConnectionMonitor::ShowBanner(const wxString& message)
{
    m_banner->ShowMessage(message, wxICON_WARNING);
}

} // namespace concerto
