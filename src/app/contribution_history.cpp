#include "app/contribution_history.h"

#include "app/contribution_list_ctrl.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "db/audit.h"
#include "db/contribution_list.h"
#include "dialogs/audit_history_dialog.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/window.h>

namespace concerto {

namespace {

// The windows waiting for a history: their answers are dropped once they are gone.
Lifetime& HistoryLifetime()
{
    static Lifetime lifetime = NewLifetime();
    return lifetime;
}

} // namespace

void ShowContributionHistory(wxWindow* parent, AppContext& context, const std::string& contributionId, long long seq)
{
    if (contributionId.empty())
        return;
    AuditFilter filter;
    filter.contributionId = contributionId;
    const wxWindowRef guard(parent);
    context.Worker().Run<std::vector<AuditEntry>>(
        HistoryLifetime(), [filter](Database& db) { return ListAudit(db, filter); },
        [guard, seq](std::vector<AuditEntry> entries) {
            if (!guard)
                return;
            AuditHistoryDialog dialog(guard.get(),
                                      wxString::Format(_("contribution no. %s"), FormatCount(seq)), entries);
            dialog.ShowModal();
        },
        [guard](const Error& error) {
            if (guard && !ReportConnectionTrouble(guard.get(), error))
                wxMessageBox(wxString::FromUTF8(error.what()), _("The history could not be read"),
                             wxOK | wxICON_ERROR, guard.get());
        },
        "contribution-history");
}

void ShowHistoryOfSelection(wxWindow* parent, AppContext& context, const ContributionListCtrl& list)
{
    const long index = list.GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const long long seq = index >= 0 ? list.KeyAt(index) : 0;
    if (!seq)
        return;
    std::string id;
    if (const ContributionRow* row = list.RowAt(index))
        id = row->id;
    else
        try { // a row not fetched yet: one short read
            if (const auto detail = ContributionList(context.Db()).Detail(seq))
                id = detail->contribution.id;
        } catch (const Error& error) {
            if (!ReportConnectionTrouble(parent, error))
                wxMessageBox(wxString::FromUTF8(error.what()), _("The history could not be read"),
                             wxOK | wxICON_ERROR, parent);
            return;
        }
    ShowContributionHistory(parent, context, id, seq);
}

} // namespace concerto
