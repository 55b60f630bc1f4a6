#include "app/localization.h"
#include "app/install_paths.h"

#include "app/preferences.h"

#include <clocale>
#include <cstring>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/numformatter.h>
#include <wx/translation.h>
#include <wx/uilocale.h>
#include <wx/utils.h>
#ifdef __UNIX__
#include <langinfo.h>
#include <strings.h>
#endif

namespace concerto {

namespace {

UiLanguage g_language = UiLanguage::English;

// U+202F NARROW NO-BREAK SPACE: the French thousands separator, which never breaks a number
// across lines.
constexpr wchar_t kNarrowNoBreakSpace = 0x202F;

UiLanguage ChooseLanguage()
{
    wxString forced;
    if (wxGetEnv("CONCERTO_LANG", &forced)) {
        forced.MakeLower();
        if (forced.StartsWith("fr"))
            return UiLanguage::French;
        if (forced.StartsWith("en"))
            return UiLanguage::English;
    }
    // Then the user's choice in Préférences, which overrides the system.
    switch (LoadPreferences().language) {
    case InterfaceLanguage::French:
        return UiLanguage::French;
    case InterfaceLanguage::English:
        return UiLanguage::English;
    case InterfaceLanguage::System:
        break;
    }
    // Reads LANGUAGE/LC_ALL/LC_MESSAGES/LANG, so it works even when that locale is not generated.
    const wxLanguageInfo* info = wxUILocale::GetLanguageInfo(wxUILocale::GetSystemLanguage());
    if (info && info->CanonicalName.Lower().StartsWith("fr"))
        return UiLanguage::French;
    return UiLanguage::English;
}

// wxWidgets converts every narrow literal (our English msgids with “ ” — …, and the UTF-8
// text from the database when passed as char*) with the C library's character set. When the
// requested locale does not exist (LANG=fr_FR.UTF-8 not generated) that set falls back to
// ASCII and every accented character vanishes, so the character set alone is forced to UTF-8.
void EnsureUtf8CharacterSet()
{
#ifdef __UNIX__
    const char* codeset = nl_langinfo(CODESET);
    if (codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0))
        return;
    if (!std::setlocale(LC_CTYPE, "C.UTF-8"))
        std::setlocale(LC_CTYPE, "C.utf8");
#endif
}

bool IsSpaceSeparator(wxChar c)
{
    return c == ' ' || c == 0x00A0 || c == kNarrowNoBreakSpace;
}

wxString GroupDigits(long long value, wxChar separator)
{
    const wxString digits = wxString::Format("%lld", value < 0 ? -value : value);
    wxString grouped;
    const size_t length = digits.length();
    for (size_t i = 0; i < length; ++i) {
        if (i > 0 && (length - i) % 3 == 0)
            grouped += separator;
        grouped += digits[i];
    }
    return value < 0 ? "-" + grouped : grouped;
}

} // namespace

UiLanguage SetUpLocalization()
{
    g_language = ChooseLanguage();
    {
        // A missing system locale (LANG=fr_FR.UTF-8 not generated) is not an error for us: the
        // catalog below does not need it, and FormatCount() makes up for the number format.
        // A French interface on a non-French system still wants French dates in its pickers.
        wxLogNull quiet;
        const bool french = g_language == UiLanguage::French && wxUILocale::UseLocaleName("fr_FR.UTF-8");
        if (!french)
            wxUILocale::UseDefault();
        // Numbers written for machines (libxlsxwriter, cairo, SQL text) must keep the decimal point:
        // only the interface formats numbers the French way, through FormatCount().
        std::setlocale(LC_NUMERIC, "C");
    }
    EnsureUtf8CharacterSet();

    // The build tree first, so that a freshly built program never picks up an older installed catalog.
#ifdef CONCERTO_BUILD_LOCALEDIR
    if (wxFileName::DirExists(CONCERTO_BUILD_LOCALEDIR))
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(CONCERTO_BUILD_LOCALEDIR);
#endif
    if (const std::string installed = InstalledPath("share/locale"); !installed.empty())
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(installed));
#ifdef CONCERTO_INSTALL_LOCALEDIR
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(CONCERTO_INSTALL_LOCALEDIR);
#endif

    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    translations->SetLanguage(g_language == UiLanguage::French ? wxLANGUAGE_FRENCH : wxLANGUAGE_ENGLISH_US);
    wxLogNull quiet; // wxWidgets' own catalog (wx3.2-i18n) is optional
    translations->AddStdCatalog();
    translations->AddCatalog("concerto", wxLANGUAGE_ENGLISH_US);
    return g_language;
}

UiLanguage CurrentUiLanguage()
{
    return g_language;
}

wxString FormatCount(long long value)
{
    wxChar separator = 0;
    const bool grouped = wxNumberFormatter::GetThousandsSeparatorIfUsed(&separator);
    const bool localeFits = g_language == UiLanguage::French ? grouped && IsSpaceSeparator(separator) : grouped;
    if (localeFits)
        return wxNumberFormatter::ToString(static_cast<wxLongLong_t>(value), wxNumberFormatter::Style_WithThousandsSep);
    // The C locale does not match the interface (typically "C", which groups nothing, or an
    // English locale under a French interface): group as the interface language does.
    return GroupDigits(value, g_language == UiLanguage::French ? kNarrowNoBreakSpace : wxChar(','));
}

} // namespace concerto
