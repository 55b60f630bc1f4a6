#pragma once
// Records a dated change of a commitment's status: the new status, the day it took effect
// and a comment, which the commitment's history keeps (the booklet shows status at a date).

#include "core/model.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <string>

class wxChoice;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// What the user decided: a status, the day it took effect, and why.
struct StatusChangeValues {
    CommitmentStatus status = CommitmentStatus::InProgress;
    Date effectiveOn;
    std::string comment;
};

/// Asks for a status change of one commitment. The accept handler, when set, records it:
/// returning false keeps the dialog open (the handler says why with ShowError()).
class StatusChangeDialog : public StandardDialog {
public:
    /// `commitment` names it in the heading ("MOB-04 — Sécuriser…"); `current` is its status
    /// now; `today` is the default effective day.
    StatusChangeDialog(wxWindow* parent, const wxString& commitment, CommitmentStatus current, const Date& today);

    /// The change as entered (valid after TransferDataFromWindow).
    const StatusChangeValues& GetValues() const { return m_values; }
    void SetAcceptHandler(std::function<bool(const StatusChangeValues&)> accept) { m_accept = std::move(accept); }
    /// Shows `message` in red in the dialog.
    void ShowError(const wxString& message);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

    /// The status proposed first after `current`: the next step of a commitment's life.
    static CommitmentStatus NextStatus(CommitmentStatus current);

private:
    StatusChangeValues m_values;
    std::function<bool(const StatusChangeValues&)> m_accept;

    wxChoice* m_status = nullptr;
    wxDatePickerCtrl* m_date = nullptr;
    wxTextCtrl* m_comment = nullptr;
    wxStaticText* m_error = nullptr;
};

} // namespace concerto
