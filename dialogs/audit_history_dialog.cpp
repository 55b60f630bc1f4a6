#include "dialogs/audit_history_dialog.h"

#include <map>
#include <set>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

// Bookkeeping columns every table has: naming them would hide the fields a person changed.
const std::set<std::string>& BookkeepingFields()
{
    static const std::set<std::string> fields = {"id",         "seq",        "version",   "created_at",
                                                 "updated_at", "created_by", "updated_by"};
    return fields;
}

wxString FieldText(const std::string& field)
{
    // Built on each call, so that the words follow the loaded catalog.
    const std::map<std::string, wxString> names = {
        {"consultation_id", _("consultation")},
        {"channel_id", _("channel")},
        {"meeting_id", _("meeting")},
        {"neighbourhood_id", _("neighbourhood")},
        {"card_id", _("card")},
        {"received_at", _("date received")},
        {"profile", _("profile")},
        {"age_bracket", _("age bracket")},
        {"title", _("title")},
        {"body", _("text")},
        {"source_ref", _("source reference")},
        {"state", _("state")},
        {"exclusion_reason", _("exclusion reason")},
        {"is_quote", _("quote")},
        {"notes", _("notes")},
        {"commitment_id", _("commitment")},
        {"theme_id", _("theme")},
        {"stance", _("stance")},
        {"coder", _("coder")},
        {"tagged_at", _("date tagged")},
        {"label_id", _("label")},
        {"contribution_id", _("contribution")},
        {"name", _("name")},
        {"email", _("e-mail")},
        {"phone", _("phone")},
        {"consent_to_recontact", _("consent to be recontacted")},
        {"purge_on", _("purge date")},
        {"description", _("description")},
        {"status", _("status")},
        {"starts_at", _("date and time")},
        {"place", _("place")},
        {"attendance", _("attendance")},
        {"decision", _("decision")},
        {"code", _("code")},
        {"ref", _("number")},
        {"origin", _("origin")},
        {"position", _("position")},
        {"effective_on", _("effective date")},
        {"comment", _("comment")},
        {"kind", _("kind")},
        {"place_kind", _("kind of place")},
        {"facilitators", _("facilitators")},
        {"ends_at", _("end")},
        {"starts_on", _("start date")},
        {"outcome", _("outcome")},
        {"follow_up", _("follow-up")},
        {"owner", _("owner")},
        {"rationale", _("rationale")},
        {"change", _("change to the programme")},
        {"reorientation_id", _("reorientation point")},
        {"topic_id", _("salient topic")},
        {"noted_on", _("date noted")},
        {"sample_id", _("sample")},
        {"seed", _("draw")},
        {"coder_a", _("coder A")},
        {"coder_b", _("coder B")},
        {"done_by_a", _("done by coder A")},
        {"done_by_b", _("done by coder B")},
        {"adjudicated_at", _("date adjudicated")},
        {"key", _("setting")},
        {"value", _("value")},
        {"mentions_contact", _("contact details in the text")},
    };
    const auto found = names.find(field);
    return found != names.end() ? found->second : wxString::FromUTF8(field);
}

} // namespace

wxString AuditTableText(const std::string& table)
{
    const std::map<std::string, wxString> names = {
        {"contribution", _("Contribution")},
        {"tag", _("Coding")},
        {"label", _("Label")},
        {"contribution_label", _("Label of a contribution")},
        {"contact_details", _("Contact details")},
        {"meeting", _("Meeting")},
        {"topic", _("Salient topic")},
        {"topic_link", _("Link of a salient topic")},
        {"reorientation", _("Reorientation point")},
        {"reorientation_link", _("Link of a reorientation point")},
        {"reorientation_note", _("Note on a reorientation point")},
        {"coding_sample", _("Double-coding sample")},
        {"coding_sample_item", _("Contribution of a double-coding sample")},
        {"sample_tag", _("Double coding")},
        {"consultation", _("Consultation")},
        {"theme", _("Theme")},
        {"commitment", _("Commitment")},
        {"commitment_status_change", _("Commitment status")},
        {"neighbourhood", _("Neighbourhood")},
        {"channel", _("Channel")},
        {"card", _("Thematic card")},
        {"report_definition", _("Report definition")},
        {"app_setting", _("Setting")},
        {"audit_log", _("Audit trail")},
    };
    const auto found = names.find(table);
    return found != names.end() ? found->second : wxString::FromUTF8(table);
}

wxString AuditActionText(char action)
{
    switch (action) {
    case 'I':
        return _("Creation");
    case 'D':
        return _("Deletion");
    default:
        return _("Change");
    }
}

wxString AuditFieldsText(const std::vector<std::string>& fields)
{
    wxString text;
    for (const auto& field : fields)
        if (!BookkeepingFields().count(field))
            text += (text.empty() ? "" : ", ") + FieldText(field);
    if (text.empty()) // only bookkeeping changed: say so rather than nothing
        for (const auto& field : fields)
            text += (text.empty() ? "" : ", ") + FieldText(field);
    return text.empty() ? wxString::FromUTF8("—") : text;
}

wxString AuditTimeText(const std::string& at)
{
    // "YYYY-MM-DD HH:MM:SS" (PostgreSQL may add fractions or a zone: only the first 16 count).
    if (at.size() < 16 || at[4] != '-' || at[7] != '-')
        return wxString::FromUTF8(at);
    return wxString::FromUTF8(at.substr(8, 2) + "/" + at.substr(5, 2) + "/" + at.substr(0, 4) + " " +
                              at.substr(11, 5));
}

const std::vector<std::string>& AuditedTables()
{
    static const std::vector<std::string> tables = {
        "contribution", "tag",   "label",     "contribution_label", "contact_details", "meeting",
        "topic",        "topic_link", "reorientation", "reorientation_link", "reorientation_note",
        "coding_sample", "coding_sample_item", "sample_tag", "consultation", "theme", "commitment",
        "commitment_status_change", "neighbourhood", "channel", "card", "report_definition", "app_setting"};
    return tables;
}

AuditHistoryDialog::AuditHistoryDialog(wxWindow* parent, const wxString& subject,
                                       const std::vector<AuditEntry>& entries)
    : StandardDialog(parent, wxString::Format(_("History of %s"), subject), wxCLOSE,
                     wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    SetName("audit-history");
    AddParagraph(entries.empty()
                     ? _("No change is recorded for it: it was created before the audit trail was set up, or its "
                         "entries were purged after the retention period (Administration ▸ Change log).")
                     : _("Who changed it, its codings, labels and contact details, and when; newest first. The "
                         "trail names the fields changed, never their values."),
                 640);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 320)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("history");
    const wxString headers[ColumnCount] = {_("Date"), _("Who"), _("Action"), _("What"), _("Fields changed")};
    const int widths[ColumnCount] = {125, 120, 100, 170, 220};
    for (int column = 0; column < ColumnCount; ++column)
        m_list->AppendColumn(headers[column], wxLIST_FORMAT_LEFT, FromDIP(widths[column]));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const AuditEntry& entry = entries[i];
        const long item = m_list->InsertItem(static_cast<long>(i), AuditTimeText(entry.at));
        m_list->SetItem(item, LoginColumn, wxString::FromUTF8(entry.login));
        m_list->SetItem(item, ActionColumn, AuditActionText(entry.action));
        m_list->SetItem(item, WhatColumn, AuditTableText(entry.table));
        m_list->SetItem(item, FieldsColumn, AuditFieldsText(entry.fields));
    }
    ContentSizer()->Add(m_list, wxSizerFlags(1).Expand());
    FinishLayout();
    SetMinSize(GetSize());
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);
    m_list->SetFocus();
}

int AuditHistoryDialog::ListedCount() const
{
    return m_list->GetItemCount();
}

wxString AuditHistoryDialog::CellText(int row, int column) const
{
    return m_list->GetItemText(row, column);
}

} // namespace concerto
