#pragma once
// The "Codage" area: a notebook of three pages — the coding queue, the coding progress per
// coder and channel, and double coding (samples, agreement, adjudication). It also owns the
// area's menus: a Codage menu listing every command with its key, and Undo / Redo at the top
// of the Edit menu ("Annuler « soutien à 2.3 Cantines bio »"). Their items act only while the
// queue page is on screen.

#include "app/app_context.h"
#include "app/area_view.h"

#include <wx/panel.h>

class wxMenu;
class wxMenuItem;
class wxNotebook;

namespace concerto {

class CodingProgressPanel;
class CodingQueuePage;
class DoubleCodingPanel;
struct CodingSample;

/// The Codage area's page; CreateCodingView makes it.
class CodingView : public wxPanel, public AreaView {
public:
    CodingView(wxWindow* parent, AppContext& context);
    ~CodingView() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// The pages, for tests.
    CodingQueuePage& Queue() const { return *m_queue; }
    wxNotebook* Notebook() const { return m_notebook; }
    /// Shows the progress page, or the double-coding page (built when first shown), and reloads it.
    CodingProgressPanel& ShowProgress();
    DoubleCodingPanel& ShowDoubleCoding();
    /// Starts blind coding of `sample`: as the database user when they are one of its coders,
    /// else as the coder the user picks.
    void CodeBlind(const CodingSample& sample);

    /// The Edit menu's undo and redo items and the Codage menu (nullptr without a menu bar).
    wxMenuItem* UndoItem() const { return m_undo; }
    wxMenuItem* RedoItem() const { return m_redo; }
    wxMenu* CodingMenu() const { return m_menu; }

private:
    void InstallMenus();
    void RemoveMenus();
    void OnMenu(wxCommandEvent& event);
    void UpdateMenus();
    bool IsActive() const;

    AppContext& m_context;
    wxNotebook* m_notebook = nullptr;
    CodingQueuePage* m_queue = nullptr;
    wxPanel* m_progressHost = nullptr;
    wxPanel* m_doubleHost = nullptr;
    CodingProgressPanel* m_progress = nullptr; ///< built when first shown
    DoubleCodingPanel* m_double = nullptr;     ///< built when first shown
    wxMenu* m_menu = nullptr;
    wxMenu* m_editMenu = nullptr;
    wxMenuItem* m_undo = nullptr;
    wxMenuItem* m_redo = nullptr;
    wxMenuItem* m_separator = nullptr;
    bool m_shown = false;
};

} // namespace concerto
