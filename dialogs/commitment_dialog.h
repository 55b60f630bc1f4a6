#pragma once
// The editor of one programme commitment (theme, reference, title, description, status,
// origin), and the words and colours every commitment screen uses for a status.

#include "core/model.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <string>
#include <vector>
#include <wx/bitmap.h>
#include <wx/colour.h>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// The status as the user reads it: Fait, En cours, Reste à faire, Abandonné.
wxString CommitmentStatusLabel(CommitmentStatus status);
/// The colour that marks a status everywhere (lists, history, booklet preview).
wxColour CommitmentStatusColour(CommitmentStatus status);
/// A round marker of the status colour, `size` pixels across, on a transparent background.
wxBitmap CommitmentStatusMarker(CommitmentStatus status, int size);
/// Every status, in the order of the booklet (done first).
const std::vector<CommitmentStatus>& AllCommitmentStatuses();

/// The fields of a commitment as the dialog edits them (plain values, no database).
struct CommitmentValues {
    std::string themeId, ref, title, description;
    CommitmentStatus status = CommitmentStatus::Planned;
    std::string origin = "programme"; ///< "programme" or "restitution"
};

/// A theme the commitment can belong to, as listed in the dialog.
struct ThemeChoice {
    std::string id;
    wxString label;
};

/// Edits a commitment. The theme, reference and title are required (checked here, with a
/// message naming the field); then the accept handler, when set, saves: returning false keeps
/// the dialog open with the user's input (the handler shows why with ShowError()).
class CommitmentDialog : public StandardDialog {
public:
    /// `isNew` chooses the title and the wording; `themes` must not be empty.
    CommitmentDialog(wxWindow* parent, bool isNew, const std::vector<ThemeChoice>& themes,
                     const CommitmentValues& values);

    /// The values as the user left them (valid after TransferDataFromWindow).
    const CommitmentValues& GetValues() const { return m_values; }
    /// Called with the values when the user confirms; return false to stay open.
    void SetAcceptHandler(std::function<bool(const CommitmentValues&)> accept) { m_accept = std::move(accept); }
    /// Shows `message` in the dialog, in red, and puts the focus on the reference field when
    /// `onReference` (a reference already used) or else leaves it where it is.
    void ShowError(const wxString& message, bool onReference = false);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    bool Refuse(const wxString& message, wxWindow* field);

    bool m_isNew;
    std::vector<ThemeChoice> m_themes;
    CommitmentValues m_values;
    std::function<bool(const CommitmentValues&)> m_accept;

    wxChoice* m_theme = nullptr;
    wxTextCtrl* m_ref = nullptr;
    wxTextCtrl* m_title = nullptr;
    wxTextCtrl* m_description = nullptr;
    wxChoice* m_status = nullptr;
    wxChoice* m_origin = nullptr;
    wxStaticText* m_statusHint = nullptr;
    wxStaticText* m_error = nullptr;
};

} // namespace concerto
