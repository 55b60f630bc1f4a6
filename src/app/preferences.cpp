#include "app/preferences.h"

#include <wx/config.h>

namespace concerto {

namespace {
// Stored as words rather than numbers, so that the file stays readable and survives a
// reordering of the enumeration.
const char* const kLanguageKey = "/Language";

const char* LanguageWord(InterfaceLanguage language)
{
    switch (language) {
    case InterfaceLanguage::French:
        return "fr";
    case InterfaceLanguage::English:
        return "en";
    case InterfaceLanguage::System:
        break;
    }
    return "system";
}
} // namespace

PreferenceValues LoadPreferences()
{
    PreferenceValues values;
    const wxString language = wxConfigBase::Get()->Read(kLanguageKey, "system");
    if (language == "fr")
        values.language = InterfaceLanguage::French;
    else if (language == "en")
        values.language = InterfaceLanguage::English;
    return values;
}

void SavePreferences(const PreferenceValues& values)
{
    auto* config = wxConfigBase::Get();
    config->Write(kLanguageKey, LanguageWord(values.language));
    config->Flush();
}

} // namespace concerto
