#pragma once
// One dialog for every kind of reference data (neighbourhoods, channels, thematic cards,
// themes, consultations): the caller describes the fields, the dialog lays them out as
// labelled rows and hands back their values as text.

#include "dialogs/standard_dialog.h"

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

class wxStaticText;

namespace concerto {

/// One field of a reference item.
struct ReferenceField {
    enum class Kind {
        Code,     ///< a short code (narrow text box)
        Text,     ///< a line of text
        LongText, ///< several lines
        Date,     ///< an optional day, as "YYYY-MM-DD" or empty
        Choice    ///< one of `choices`, by value
    };
    std::string key; ///< the key of the value in ReferenceValues
    wxString label;  ///< shown before the field, without the colon
    Kind kind = Kind::Text;
    bool required = false;
    std::vector<std::pair<std::string, wxString>> choices; ///< for Choice: value and label; "" = none
    wxString hint;                                         ///< placeholder text of a text field
};

/// Field values by key, as UTF-8 text (dates "YYYY-MM-DD", choices by value; "" when empty).
using ReferenceValues = std::map<std::string, std::string>;

/// Edits one reference item described by its fields. Required fields are checked here (the
/// message names the field); then the accept handler, when set, saves: returning false keeps
/// the dialog open with the user's input (the handler says why with ShowError()).
class ReferenceItemDialog : public StandardDialog {
public:
    ReferenceItemDialog(wxWindow* parent, const wxString& title, std::vector<ReferenceField> fields,
                        ReferenceValues values, const wxString& affirmative);

    /// The values as the user left them (valid after TransferDataFromWindow).
    const ReferenceValues& GetValues() const { return m_values; }
    void SetAcceptHandler(std::function<bool(const ReferenceValues&)> accept) { m_accept = std::move(accept); }
    /// Shows `message` in red; puts the focus on the field `key` when it names one.
    void ShowError(const wxString& message, const std::string& key = {});

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    wxWindow* CreateControl(const ReferenceField& field);
    std::string ReadControl(std::size_t index) const;
    void WriteControl(std::size_t index, const std::string& value);

    std::vector<ReferenceField> m_fields;
    std::vector<wxWindow*> m_controls; ///< one per field, same order
    ReferenceValues m_values;
    std::function<bool(const ReferenceValues&)> m_accept;
    wxStaticText* m_error = nullptr;
};

} // namespace concerto
