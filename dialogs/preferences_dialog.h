#pragma once
// Édition ▸ Préférences…: the user's own settings for this computer. For now the interface
// language, which overrides the system's and takes effect at the next start.

#include "dialogs/standard_dialog.h"

class wxChoice;

namespace concerto {

/// The interface language the user asked for.
enum class InterfaceLanguage {
    System, ///< follow the system's language (French when it is French, else English)
    French,
    English
};

/// The preferences, as plain values the app loads from and saves to its settings.
struct PreferenceValues {
    InterfaceLanguage language = InterfaceLanguage::System;
};

/// Edits a PreferenceValues. Shown modally; on wxID_OK, GetValues() holds the choices.
class PreferencesDialog : public StandardDialog {
public:
    PreferencesDialog(wxWindow* parent, const PreferenceValues& values);

    const PreferenceValues& GetValues() const { return m_values; }

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    wxChoice* m_language = nullptr;
    PreferenceValues m_values;
};

} // namespace concerto
