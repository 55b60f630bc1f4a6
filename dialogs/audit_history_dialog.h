#pragma once
// The audit trail in the user's words, and the history of one contribution. The journal page of
// the Administration area and this dialog both describe an entry the same way: the date in
// French form, the login, what was changed (a contribution, a coding, a label…), the action
// (creation, change, deletion) and the names of the changed fields. The dialog only shows the
// entries its owner read: it does no database work.

#include "db/audit.h"
#include "dialogs/standard_dialog.h"

#include <string>
#include <vector>

class wxListCtrl;
class wxStaticText;

namespace concerto {

/// What an audited table holds, in the interface language: "Contribution", "Label"…; the
/// table's own name for a table Concerto does not know.
wxString AuditTableText(const std::string& table);
/// The action of an entry: "Creation", "Change", "Deletion".
wxString AuditActionText(char action);
/// The changed fields, named in the interface language and separated by commas; "—" when none
/// (a deletion), "(all)" style names are left to the caller.
wxString AuditFieldsText(const std::vector<std::string>& fields);
/// "YYYY-MM-DD HH:MM:SS" as the interface writes it: "16/01/2024 14:05".
wxString AuditTimeText(const std::string& at);
/// The tables the journal may be filtered on, in the order a user expects them.
const std::vector<std::string>& AuditedTables();

/// The history of one contribution: who changed it, or its codings, labels and contact details,
/// and when, newest first. Shown modally; closes with Close or Escape.
class AuditHistoryDialog : public StandardDialog {
public:
    /// The list's columns, left to right.
    enum Column { TimeColumn, LoginColumn, ActionColumn, WhatColumn, FieldsColumn, ColumnCount };

    /// `subject` names the contribution ("Contribution no. 12"); `entries` newest first.
    AuditHistoryDialog(wxWindow* parent, const wxString& subject, const std::vector<AuditEntry>& entries);

    /// For tests: the rows shown and their cells.
    int ListedCount() const;
    wxString CellText(int row, int column) const;

private:
    wxListCtrl* m_list = nullptr;
};

} // namespace concerto
