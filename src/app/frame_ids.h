#pragma once
// The command ids of the main frame's menus and toolbar, shared by its source files. Kept in a
// range of their own, away from the ids the views and dialogs use for their own controls.

#include <wx/defs.h>

namespace concerto::frame_ids {

enum : int {
    kConnect = wxID_HIGHEST + 7001,
    kSaveCopy,
    kQuickEntry,
    kSearch,
    kRefresh,
    kNewConsultation,
    kRecentFilesMenu,
    kMessageTimer,
    kImport,
    kExport,
    kFirstArea = wxID_HIGHEST + 7100,        ///< View ▸ one item per Area, consecutive
    kFirstConsultation = wxID_HIGHEST + 7200 ///< Consultation ▸ one item per consultation
};

/// At most this many consultations are listed in the Consultation menu.
constexpr int kMaxConsultationItems = 500;

} // namespace concerto::frame_ids
