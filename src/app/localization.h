#pragma once
// The interface language: chosen once at start-up from CONCERTO_LANG or the system, with
// Concerto's gettext catalog loaded for it, and the number formatting that goes with it.

#include <wx/string.h>

namespace concerto {

/// The languages Concerto's interface exists in (English is the source language).
enum class UiLanguage { English, French };

/// Chooses the interface language — CONCERTO_LANG=fr|en when set, else the language chosen in
/// Préférences (wxConfig "Language"), else French when the system language is French, else
/// English — applies the system locale when it is installed, and loads Concerto's catalog
/// from the build tree or the install prefix. Works without any French system locale. Call
/// once, after wxApp exists and its settings location is set, and before creating windows.
UiLanguage SetUpLocalization();

/// The language chosen by SetUpLocalization() (English before it is called).
UiLanguage CurrentUiLanguage();

/// An integer grouped by thousands as the interface language writes it: "3 500" in French
/// (narrow no-break space, even when the system has no French locale), "3,500" in English
/// (or the system locale's grouping when it has one).
wxString FormatCount(long long value);

} // namespace concerto
