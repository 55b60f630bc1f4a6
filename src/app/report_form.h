#pragma once
// The parameter form of a report: one control per typed parameter of the definition — a
// list for a consultation or a neighbourhood, checkboxes for several channels, a date picker
// for a day, a spin box for a number — laid out as labelled rows with the parameter's help
// under each. The choices come from the database through the panel (ParameterChoices on the
// worker); the form only shows them and reads the values back as the engine takes them.

#include "reports/engine.h"

#include <functional>
#include <map>
#include <string>
#include <vector>
#include <wx/scrolwin.h>

class wxFlexGridSizer;
class wxStaticText;

namespace concerto {

class ReportParameterForm : public wxScrolledWindow {
public:
    explicit ReportParameterForm(wxWindow* parent);

    /// Replaces the controls with one per parameter. Parameters with choices show
    /// "Loading…" until SetChoices(). `consultationId` pre-selects that consultation.
    void Build(const std::vector<report::ParameterInfo>& parameters, const std::string& consultationId);
    /// The parameters shown.
    const std::vector<report::ParameterInfo>& Parameters() const { return m_parameters; }
    /// Fills the choice controls (parameter name → choices), keeping what was selected when
    /// it is still offered, the parameter's default otherwise.
    void SetChoices(const std::map<std::string, std::vector<report::Choice>>& choices);
    /// The values the user set, as the engine reads them (dates "YYYY-MM-DD", lists
    /// comma-separated, "" for none/all).
    report::ParameterValues Values() const;
    /// The consultation chosen (its value), empty when the definition has none.
    std::string Consultation() const;
    /// Called when the consultation changes (themes, commitments, meetings depend on it).
    void OnConsultationChanged(std::function<void()> handler) { m_consultationChanged = std::move(handler); }

private:
    struct Field {
        report::ParameterInfo info;
        wxWindow* control = nullptr;
        std::vector<report::Choice> choices; ///< as shown (after the "none" entry, if any)
        bool hasNone = false;                ///< a first entry meaning "none"
    };

    wxWindow* CreateControl(Field& field);
    void FillChoices(Field& field, const std::vector<report::Choice>& choices);
    std::string ReadField(const Field& field) const;

    std::vector<report::ParameterInfo> m_parameters;
    std::vector<Field> m_fields;
    std::string m_consultationId;
    wxFlexGridSizer* m_grid = nullptr;
    wxStaticText* m_empty = nullptr;
    std::function<void()> m_consultationChanged;
};

} // namespace concerto
