#include "dialogs/conflict_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

// Each version's column wraps at this width, so that two long texts sit side by side on a
// 1366-pixel screen.
constexpr int kValueWidth = 300;
// Taller comparisons scroll rather than push the buttons off the screen.
constexpr int kMaxComparisonHeight = 340;

wxColour HighlightColour()
{
    return wxSystemSettings::GetAppearance().IsDark() ? wxColour(90, 75, 20) : wxColour(255, 240, 180);
}

/// One cell of the comparison: the value wrapped to `width` DIPs, on a highlighted background
/// when the versions differ, "(empty)" in grey for an empty value.
wxWindow* ValueCell(wxWindow* parent, const wxString& value, bool differs, int width)
{
    auto* cell = new wxPanel(parent);
    if (differs)
        cell->SetBackgroundColour(HighlightColour());
    auto* text = new wxStaticText(cell, wxID_ANY, value.empty() ? _("(empty)") : value);
    if (value.empty())
        text->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    text->Wrap(cell->FromDIP(width));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text, wxSizerFlags(1).Expand().Border(wxALL, cell->FromDIP(4)));
    cell->SetSizer(sizer);
    return cell;
}

wxStaticText* HeaderCell(wxWindow* parent, const wxString& text)
{
    auto* header = new wxStaticText(parent, wxID_ANY, text);
    header->SetFont(header->GetFont().Bold());
    return header;
}

} // namespace

ConflictChoice AskConflict(wxWindow* parent, const wxString& what, const std::vector<FieldVersions>& fields,
                           bool theirsDeleted, const wxString& theirsAuthor)
{
    ConflictDialog dialog(parent, what, fields, theirsDeleted, theirsAuthor);
    dialog.ShowModal();
    return dialog.GetChoice();
}

ConflictDialog::ConflictDialog(wxWindow* parent, const wxString& what, const std::vector<FieldVersions>& fields,
                               bool theirsDeleted, const wxString& theirsAuthor)
    : StandardDialog(parent, theirsDeleted ? _("Deleted meanwhile") : _("Changed meanwhile"), 0)
{
    if (theirsDeleted) {
        AddHeading(wxString::Format(_("Someone else deleted %s while you were editing it"), what))
            ->Wrap(FromDIP(2 * kValueWidth + 120));
        AddParagraph(_("Your changes are not saved yet. You can recreate it with your version, or drop your "
                       "changes."),
                     2 * kValueWidth + 120);
    } else {
        AddHeading(wxString::Format(_("Someone else saved %s while you were editing it"), what))
            ->Wrap(FromDIP(2 * kValueWidth + 120));
        AddParagraph(_("Nothing has been saved yet. The fields that differ are highlighted: choose the version to "
                       "keep, or go back to editing."),
                     2 * kValueWidth + 120);
    }
    ContentSizer()->Add(BuildComparison(fields, theirsDeleted, theirsAuthor),
                        wxSizerFlags(1).Expand().Border(wxTOP | wxBOTTOM, SmallGap()));
    BuildButtons(theirsDeleted);
    FinishLayout();
    SetEscapeId(wxID_CANCEL);
}

wxWindow* ConflictDialog::BuildComparison(const std::vector<FieldVersions>& fields, bool theirsDeleted,
                                          const wxString& theirsAuthor)
{
    auto* scrolled = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxBORDER_THEME);
    scrolled->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    const int columns = theirsDeleted ? 2 : 3;
    auto* grid = new wxFlexGridSizer(columns, wxSize(LargeGap(), SmallGap()));
    grid->AddGrowableCol(1, 1);
    if (!theirsDeleted)
        grid->AddGrowableCol(2, 1);
    grid->Add(HeaderCell(scrolled, _("Field")));
    grid->Add(HeaderCell(scrolled, _("Your version")), wxSizerFlags().Border(wxLEFT, FromDIP(4)));
    if (!theirsDeleted)
        grid->Add(HeaderCell(scrolled, theirsAuthor.empty() ? _("Saved version")
                                                            : wxString::Format(_("Version saved by %s"), theirsAuthor)),
                  wxSizerFlags().Border(wxLEFT, FromDIP(4)));
    for (const FieldVersions& field : fields) {
        const bool differs = !theirsDeleted && field.mine != field.theirs;
        m_differing += differs ? 1 : 0;
        auto* label = new wxStaticText(scrolled, wxID_ANY, field.label);
        if (differs)
            label->SetFont(label->GetFont().Bold());
        grid->Add(label, wxSizerFlags().Border(wxTOP, FromDIP(4)));
        // Alone in its row when the other version is gone, the value may take both columns' width.
        grid->Add(ValueCell(scrolled, field.mine, differs, theirsDeleted ? 2 * kValueWidth : kValueWidth),
                  wxSizerFlags().Expand());
        if (!theirsDeleted)
            grid->Add(ValueCell(scrolled, field.theirs, differs, kValueWidth), wxSizerFlags().Expand());
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, SmallGap()));
    scrolled->SetSizer(sizer);
    scrolled->SetScrollRate(0, FromDIP(12));
    // As tall as the content up to a limit, as wide as the content always.
    const wxSize best = sizer->GetMinSize();
    scrolled->SetMinSize(wxSize(best.x + wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this),
                                std::min(best.y, FromDIP(kMaxComparisonHeight))));
    return scrolled;
}

void ConflictDialog::BuildButtons(bool theirsDeleted)
{
    auto* keepEditing = new wxButton(this, wxID_CANCEL, _("Continue editing"));
    auto* takeTheirs =
        new wxButton(this, TakeTheirsId, theirsDeleted ? _("Drop my changes") : _("Take the saved version"));
    auto* keepMine =
        new wxButton(this, KeepMineId, theirsDeleted ? _("Recreate with my version") : _("Keep my version"));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(keepEditing);
    row->AddStretchSpacer();
    row->Add(takeTheirs, wxSizerFlags().Border(wxRIGHT, SmallGap()));
    row->Add(keepMine);
    ContentSizer()->Add(row, wxSizerFlags().Expand().Border(wxTOP, LargeGap()));
    // Enter must never overwrite anybody's work: the default is to go back to editing.
    keepEditing->SetDefault();
    keepEditing->SetFocus();
    for (wxButton* button : {keepEditing, takeTheirs, keepMine})
        button->Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) { Finish(event.GetId()); });
}

void ConflictDialog::Finish(int id)
{
    m_choice = id == KeepMineId     ? ConflictChoice::KeepMine
               : id == TakeTheirsId ? ConflictChoice::TakeTheirs
                                    : ConflictChoice::Cancel;
    EndModal(id);
}

} // namespace concerto
