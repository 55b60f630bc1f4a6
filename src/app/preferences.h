#pragma once
// Where the user's preferences live: this computer's settings (wxConfig), read at start-up
// and written by Édition ▸ Préférences….

#include "dialogs/preferences_dialog.h"

namespace concerto {

/// The preferences saved in wxConfig; defaults for whatever was never saved.
PreferenceValues LoadPreferences();
/// Saves `values` in wxConfig (and flushes, so that a crash does not lose them).
void SavePreferences(const PreferenceValues& values);

} // namespace concerto
