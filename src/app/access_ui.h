#pragma once
// How the interface follows the user's rights (AppContext::GetAccess()): one mechanism for every
// area, so that a reader is not offered what the server would refuse. Controls and menu items
// are registered once, when they are built; they follow NotifyChanged("access") by themselves.
// This is comfort only: PostgreSQL's grants are the guard.

#include "app/app_context.h"

#include <functional>
#include <wx/string.h>

class wxFrame;
class wxSizer;
class wxWindow;

namespace concerto {

/// What a command needs: editing (contributions, tags, meetings, topics, reorientation points)
/// or administering (reference data, commitments, consultations, report definitions, users).
enum class AccessNeed { Edit, Administer };

/// True when `access` allows what `need` asks for.
bool Allows(const Access& access, AccessNeed need);

/// Calls `apply()` now and after each change of rights, until `owner` is destroyed.
void FollowAccess(AppContext& context, wxWindow* owner, std::function<void()> apply);

/// Shows `control` only while the user's rights allow `need` (hidden rather than disabled: the
/// views enable their buttons by selection themselves). Follows NotifyChanged("access") until
/// `control` is destroyed, which must happen before `context` goes (the views' controls do).
void ShowWhenAllowed(AppContext& context, wxWindow* control, AccessNeed need = AccessNeed::Edit);

/// Enables the menu item and tool `id` of `frame` (which owns `context`) only while allowed; a
/// disabled item's keyboard shortcut does nothing.
void EnableCommandWhenAllowed(AppContext& context, wxFrame* frame, int id, AccessNeed need = AccessNeed::Edit);

/// For the entry points that have no control of their own (a key, a double-click): true when
/// allowed; otherwise says why in the main frame's status bar and returns false.
bool CheckAllowed(AppContext& context, AccessNeed need = AccessNeed::Edit);

/// The sentence that says the data cannot be changed with the user's role, or an empty string
/// when they may edit.
wxString ReadOnlyText(const Access& access);

/// A discreet band (hidden while the user may edit) that says the data are read-only, for the
/// top of the pages; the caller places it in its sizer.
wxWindow* CreateReadOnlyBanner(wxWindow* parent, AppContext& context);

/// Makes the page of an area reserved to editors: `content` is shown to them, and in its place,
/// for the others, a notice saying so (created here, added to `sizer` after `content`).
/// `onChange` (may be empty) is called after each switch, for the page's menus.
void ReserveForEditors(AppContext& context, wxWindow* page, wxSizer* sizer, wxWindow* content,
                       std::function<void()> onChange = {});

} // namespace concerto
