#pragma once
// The small question the frame asks itself: the title of a new consultation
// (Consultation ▸ New consultation…).

#include <wx/string.h>

class wxWindow;

namespace concerto {

/// Asks for the title of a new consultation. Returns false when cancelled; otherwise `title`
/// holds the trimmed, non-empty title.
bool AskConsultationTitle(wxWindow* parent, wxString& title);

} // namespace concerto
