#pragma once
// The current stance, as a row of five segments (soutien, critique, proposition, question,
// constat), each with its key letter. The chosen one is filled with its colour, so that a
// coder always sees with which stance the next digit or Enter will tag.

#include "core/model.h"

#include <functional>
#include <vector>
#include <wx/window.h>

namespace concerto {

/// The five stances as one segmented control; not focusable (the stance keys set it).
class CodingStanceBar : public wxWindow {
public:
    /// `onChoose(stance)` runs when a segment is clicked.
    CodingStanceBar(wxWindow* parent, std::function<void(Stance)> onChoose);

    void SetStance(Stance stance);
    Stance GetStance() const { return m_stance; }

    bool AcceptsFocus() const override { return false; }
    wxSize DoGetBestClientSize() const override;

private:
    void OnPaint(wxPaintEvent& event);
    std::vector<int> Edges() const;
    int SegmentAt(int x) const;

    std::function<void(Stance)> m_onChoose;
    Stance m_stance = Stance::Observation;
};

} // namespace concerto
