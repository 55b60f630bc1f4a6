// The quick entry window: the form of dialogs/quick_entry_dialog.h bound to the open database.
// Choices and slip numbers load through the worker; each save is one insert on the UI thread.

#include "app/access_ui.h"
#include "app/commands.h"
#include "core/errors.h"
#include "db/meeting_queries.h"
#include "db/repositories.h"
#include "dialogs/quick_entry_dialog.h"

#include <map>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/toplevel.h>
#include <wx/weakref.h>

namespace concerto {

namespace {

QuickEntryChoices ReadChoices(Database& db, const std::string& consultationId)
{
    QuickEntryChoices choices;
    choices.channels = ChannelRepository(db).List({}, 0, "position");
    choices.meetings = MeetingRepository(db).ListBy("consultation_id", consultationId, "starts_at");
    choices.neighbourhoods = NeighbourhoodRepository(db).List({}, 0, "position");
    choices.cards = CardRepository(db).ListBy("consultation_id", consultationId, "code");
    return choices;
}

class QuickEntryWindow final : public QuickEntryDialog {
public:
    QuickEntryWindow(wxWindow* parent, AppContext& context)
        : QuickEntryDialog(parent), m_context(context), m_consultationId(context.ConsultationId())
    {
        std::weak_ptr<int> alive = m_lifetime;
        // Meetings or reference data edited elsewhere while typing: offer the new ones.
        m_subscription = context.Subscribe([this, alive](const std::string& table) {
            if (alive.lock() &&
                (table == "meeting" || table == "channel" || table == "neighbourhood" || table == "card"))
                LoadChoices();
        });
        LoadChoices();
    }

    const std::string& ConsultationId() const { return m_consultationId; }
    /// True once closed: it is deleted at the next idle time and must not be shown again.
    bool IsClosing() const { return m_closing; }

    /// Presets the meeting now, or as soon as the choices are loaded.
    void Preset(const std::string& meetingId)
    {
        if (HasChoices())
            PresetMeeting(meetingId);
        else
            m_pendingMeeting = meetingId;
    }

protected:
    bool SaveContribution(Contribution& contribution) override;
    bool RemoveContribution(const Contribution& contribution) override;
    void TargetChanged(const std::string& channelId, const std::string& meetingId) override;

    void Closing() override
    {
        m_closing = true;
        if (m_subscription != 0)
            m_context.Unsubscribe(m_subscription);
        m_subscription = 0;
    }

private:
    void LoadChoices();

    AppContext& m_context;
    const std::string m_consultationId;
    std::map<std::string, std::string> m_channelCodes; ///< channel id -> code, the slip prefix without a meeting
    std::string m_pendingMeeting;
    int m_subscription = 0;
    bool m_closing = false;
    Lifetime m_lifetime = NewLifetime();
};

wxWeakRef<QuickEntryWindow> g_quickEntry;

void QuickEntryWindow::LoadChoices()
{
    const std::string consultationId = m_consultationId;
    m_context.Worker().Run<QuickEntryChoices>(
        m_lifetime, [consultationId](Database& db) { return ReadChoices(db, consultationId); },
        [this](QuickEntryChoices choices) {
            m_channelCodes.clear();
            for (const auto& channel : choices.channels)
                m_channelCodes[channel.id] = channel.code;
            SetChoices(std::move(choices));
            if (!m_pendingMeeting.empty())
                PresetMeeting(m_pendingMeeting);
            m_pendingMeeting.clear();
        },
        [this](const Error& e) {
            ShowProblem(Field::Channel, wxString::Format(_("The channels and meetings could not be read: %s"),
                                                         wxString::FromUTF8(e.what())));
        },
        "quick-entry-choices");
}

bool QuickEntryWindow::SaveContribution(Contribution& contribution)
{
    if (m_context.ConsultationId() != m_consultationId) {
        ShowProblem(Field::Channel, _("The main window now shows another consultation: close this window and open "
                                      "the quick entry again. Nothing was saved."));
        return false;
    }
    contribution.consultationId = m_consultationId;
    const wxString slip = wxString::FromUTF8(contribution.sourceRef);
    try {
        Database& db = m_context.Db();
        // Checked first so that the message can name the slip number, not a database constraint.
        if (SourceRefTaken(db, m_consultationId, contribution.channelId, contribution.sourceRef)) {
            ShowProblem(Field::Slip, wxString::Format(_("Slip number: %s is already used by another contribution of "
                                                        "this channel. Type another number. Nothing was saved."),
                                                      slip));
            return false;
        }
        contribution = ContributionRepository(db).Create(contribution);
    } catch (const ValidationError& e) {
        // Someone else may have taken the number between the check and the insert.
        ShowProblem(Field::Slip,
                    wxString::Format(_("Slip number %s: %s Nothing was saved."), slip, wxString::FromUTF8(e.what())));
        return false;
    } catch (const Error& e) {
        ShowProblem(Field::Text, wxString::Format(_("Nothing was saved: %s"), wxString::FromUTF8(e.what())));
        return false;
    }
    m_context.NotifyChanged("contribution");
    return true;
}

bool QuickEntryWindow::RemoveContribution(const Contribution& contribution)
{
    try {
        ContributionRepository(m_context.Db()).Remove(contribution.id, contribution.version);
    } catch (const ConflictError&) {
        ShowProblem(Field::Text, _("The last contribution was changed or deleted by someone else since it was "
                                   "saved here, so it was not removed. Look for it in the Contributions area."));
        return false;
    } catch (const Error& e) {
        ShowProblem(Field::Text,
                    wxString::Format(_("The last contribution was not removed: %s"), wxString::FromUTF8(e.what())));
        return false;
    }
    m_context.NotifyChanged("contribution");
    return true;
}

void QuickEntryWindow::TargetChanged(const std::string& channelId, const std::string& meetingId)
{
    if (channelId.empty())
        return;
    const Meeting* meeting = FindMeeting(meetingId);
    const std::string prefix = meeting ? meeting->ref : m_channelCodes[channelId];
    if (prefix.empty())
        return;
    const std::string consultationId = m_consultationId;
    m_context.Worker().Run<std::string>(
        m_lifetime, [=](Database& db) { return NextSlipNumber(db, consultationId, channelId, meetingId, prefix); },
        [this, channelId, meetingId](std::string slip) { SuggestSlipNumber(channelId, meetingId, slip); }, {},
        "quick-entry-slip");
}

} // namespace

void OpenQuickEntry(wxWindow* parent, AppContext& context, const std::string& meetingId)
{
    if (!CheckAllowed(context))
        return;
    if (context.ConsultationId().empty()) {
        wxMessageBox(_("Contributions are entered into a consultation: create or open one first."),
                     _("Quick entry of paper contributions"), wxOK | wxICON_INFORMATION, parent);
        return;
    }
    if (g_quickEntry && g_quickEntry->IsClosing())
        g_quickEntry = nullptr;
    if (g_quickEntry && g_quickEntry->ConsultationId() != context.ConsultationId()) {
        g_quickEntry->Close(); // it was typing into another consultation
        g_quickEntry = nullptr;
    }
    if (!g_quickEntry)
        g_quickEntry = new QuickEntryWindow(parent ? wxGetTopLevelParent(parent) : context.Frame(), context);
    if (!meetingId.empty())
        g_quickEntry->Preset(meetingId);
    g_quickEntry->Show();
    g_quickEntry->Raise();
}

} // namespace concerto
