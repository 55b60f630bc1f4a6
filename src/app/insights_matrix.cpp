#include "app/insights_matrix.h"

#include "app/localization.h"
#include "core/text.h"
#include "dialogs/commitment_dialog.h"
#include "dialogs/domain_labels.h"

#include <algorithm>
#include <cmath>
#include <wx/intl.h>
#include <wx/settings.h>

namespace concerto {

namespace {

/// The marker of a flagged commitment (a flag, as in the flags list below the matrix).
const wxString kFlagMarker = wxString::FromUTF8("\u2691");

template <class T> int Order(const T& a, const T& b) { return a < b ? -1 : (b < a ? 1 : 0); }

} // namespace

wxString CountAndShare(long long count, long long total)
{
    if (count == 0 || total <= 0)
        return FormatCount(count);
    const int percent = static_cast<int>(std::lround(100.0 * static_cast<double>(count) / static_cast<double>(total)));
    return wxString::Format(_("%s (%d %%)"), FormatCount(count), percent);
}

class InsightsMatrix::Model : public wxDataViewIndexListModel {
public:
    struct Row {
        StanceRow data;
        wxString flag;     ///< the flag's words, empty when not flagged
        wxString folded;   ///< what the filter searches, folded
        std::size_t order; ///< position in the insights' order (by theme, then position)
    };

    void SetRows(std::vector<Row> rows)
    {
        m_all = std::move(rows);
        Refilter();
    }

    void SetFilter(const std::string& folded)
    {
        m_filter = folded;
        Refilter();
    }

    const Row& At(unsigned row) const { return *m_shown[row]; }
    std::size_t Count() const { return m_shown.size(); }

    unsigned GetColumnCount() const override { return MatrixColumnCount; }
    wxString GetColumnType(unsigned) const override { return "string"; }

    void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override
    {
        value = Text(*m_shown[row], column);
    }

    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

    bool GetAttrByRow(unsigned row, unsigned column, wxDataViewItemAttr& attr) const override
    {
        const Row& r = *m_shown[row];
        if (column == MatrixStatusColumn) {
            attr.SetColour(CommitmentStatusColour(r.data.status));
            attr.SetBold(true);
            return true;
        }
        if (column == MatrixFlagColumn && !r.flag.empty()) {
            attr.SetColour(wxColour(0xC0, 0x39, 0x2B));
            attr.SetBold(true);
            return true;
        }
        return false;
    }

    int Compare(const wxDataViewItem& item1, const wxDataViewItem& item2, unsigned column,
                bool ascending) const override
    {
        const Row& a = *m_shown[GetRow(item1)];
        const Row& b = *m_shown[GetRow(item2)];
        int result = CompareBy(a, b, column);
        if (result == 0)
            result = Order(a.order, b.order);
        return ascending ? result : -result;
    }

    static wxString Text(const Row& r, unsigned column)
    {
        const CommitmentCounts& counts = r.data.counts;
        switch (column) {
        case MatrixFlagColumn:
            return r.flag.empty() ? wxString() : kFlagMarker;
        case MatrixThemeColumn:
            return wxString::FromUTF8(r.data.themeCode);
        case MatrixRefColumn:
            return wxString::FromUTF8(r.data.ref);
        case MatrixTitleColumn:
            return wxString::FromUTF8(r.data.title);
        case MatrixStatusColumn:
            return CommitmentStatusLabel(r.data.status);
        case MatrixTotalColumn:
            return FormatCount(counts.total);
        default:
            return CountAndShare(counts.byStance[column - MatrixFirstStanceColumn], counts.total);
        }
    }

private:
    static int CompareBy(const Row& a, const Row& b, unsigned column)
    {
        switch (column) {
        case MatrixFlagColumn:
            return Order(!a.flag.empty(), !b.flag.empty());
        case MatrixThemeColumn:
            return 0; // the insights' order is already by theme
        case MatrixRefColumn:
            return Order(a.data.ref, b.data.ref);
        case MatrixTitleColumn:
            return Order(Fold(a.data.title), Fold(b.data.title));
        case MatrixStatusColumn:
            return Order(static_cast<int>(a.data.status), static_cast<int>(b.data.status));
        case MatrixTotalColumn:
            return Order(a.data.counts.total, b.data.counts.total);
        default: {
            // By share first (what the column is read for), then by count.
            const std::size_t stance = column - MatrixFirstStanceColumn;
            const int byShare = Order(Share(a, stance), Share(b, stance));
            return byShare ? byShare : Order(a.data.counts.byStance[stance], b.data.counts.byStance[stance]);
        }
        }
    }

    static double Share(const Row& r, std::size_t stance)
    {
        const CommitmentCounts& counts = r.data.counts;
        return counts.total > 0 ? static_cast<double>(counts.byStance[stance]) / static_cast<double>(counts.total) : 0;
    }

    void Refilter()
    {
        m_shown.clear();
        for (const Row& row : m_all)
            if (m_filter.empty() || row.folded.find(m_filter) != std::string::npos)
                m_shown.push_back(&row);
        Reset(static_cast<unsigned>(m_shown.size()));
    }

    std::vector<Row> m_all;
    std::vector<const Row*> m_shown;
    std::string m_filter;
};

InsightsMatrix::InsightsMatrix(wxWindow* parent)
    : wxDataViewCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES | wxBORDER_THEME),
      m_model(new Model)
{
    SetName("insights-matrix");
    AssociateModel(m_model.get());
    // Widths measured on the words they hold, so that neither a header (with the room GTK
    // gives its padding and sort arrow) nor a figure is cut; the title takes what is left
    // (see FitTitleColumn). The theme needs no column: rows come grouped by theme, refs carry
    // its code, and the filter finds it.
    const auto measured = [this](const wxString& header, const wxString& widest) {
        return std::max(GetTextExtent(header).x + FromDIP(44), GetTextExtent(widest).x + FromDIP(20));
    };
    const auto add = [this](const wxString& title, unsigned column, int width, wxAlignment align) {
        wxDataViewColumn* added = AppendTextColumn(title, column, wxDATAVIEW_CELL_INERT, width, align,
                                                   wxDATAVIEW_COL_SORTABLE | wxDATAVIEW_COL_RESIZABLE);
        added->SetMinWidth(std::min(width, FromDIP(40)));
        added->GetRenderer()->EnableEllipsize(wxELLIPSIZE_END);
    };
    add(kFlagMarker, MatrixFlagColumn, FromDIP(32), wxALIGN_CENTER);
    add(_("Ref."), MatrixRefColumn, measured(_("Ref."), "MMM-00"), wxALIGN_LEFT);
    add(_("Commitment"), MatrixTitleColumn, FromDIP(240), wxALIGN_LEFT);
    wxString widestStatus;
    for (CommitmentStatus status : AllCommitmentStatuses())
        if (GetTextExtent(CommitmentStatusLabel(status)).x > GetTextExtent(widestStatus).x)
            widestStatus = CommitmentStatusLabel(status);
    // Bold in the cells: a little wider than measured with the regular font.
    add(_("Status"), MatrixStatusColumn, measured(_("Status"), widestStatus) + FromDIP(10), wxALIGN_LEFT);
    add(_("Total"), MatrixTotalColumn, measured(_("Total"), "8 888"), wxALIGN_RIGHT);
    for (std::size_t i = 0; i < kStanceCount; ++i) {
        const wxString name = StanceName(static_cast<Stance>(i));
        add(name, static_cast<unsigned>(MatrixFirstStanceColumn + i), measured(name, CountAndShare(88, 100)),
            wxALIGN_RIGHT);
    }
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        FitTitleColumn();
    });
}

void InsightsMatrix::FitTitleColumn()
{
    int others = 0;
    for (unsigned i = 0; i < GetColumnCount(); ++i)
        if (GetColumn(i)->GetModelColumn() != MatrixTitleColumn)
            others += GetColumn(i)->GetWidth();
    // Room for the vertical scroll bar, so that no horizontal one appears.
    const int room = GetClientSize().x - others - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this) - FromDIP(4);
    for (unsigned i = 0; i < GetColumnCount(); ++i)
        if (GetColumn(i)->GetModelColumn() == MatrixTitleColumn)
            GetColumn(i)->SetWidth(std::max(FromDIP(180), room));
}

void InsightsMatrix::SetRows(const std::vector<StanceRow>& rows, const std::map<std::string, wxString>& flags)
{
    const std::string previous = SelectedCommitmentId();
    std::vector<Model::Row> modelRows;
    modelRows.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Model::Row row{rows[i], wxString(), wxString(), i};
        if (auto it = flags.find(rows[i].commitmentId); it != flags.end())
            row.flag = it->second;
        row.folded = wxString::FromUTF8(Fold(rows[i].themeCode + " " + rows[i].themeTitle + " " + rows[i].ref + " " +
                                             rows[i].title + " ")) +
                     wxString::FromUTF8(Fold(CommitmentStatusLabel(rows[i].status).utf8_string()));
        modelRows.push_back(std::move(row));
    }
    m_model->SetRows(std::move(modelRows));
    for (unsigned i = 0; !previous.empty() && i < m_model->Count(); ++i)
        if (m_model->At(i).data.commitmentId == previous) {
            Select(m_model->GetItem(i));
            break;
        }
}

void InsightsMatrix::SetFilter(const wxString& text)
{
    m_model->SetFilter(Fold(text.Strip(wxString::both).utf8_string()));
}

std::string InsightsMatrix::SelectedCommitmentId() const
{
    const wxDataViewItem item = GetSelection();
    if (!item.IsOk())
        return {};
    const unsigned row = m_model->GetRow(item);
    return row < m_model->Count() ? m_model->At(row).data.commitmentId : std::string();
}

std::size_t InsightsMatrix::ShownCount() const { return m_model->Count(); }

std::vector<wxString> InsightsMatrix::RowTexts() const
{
    std::vector<wxString> texts;
    for (unsigned row = 0; row < m_model->Count(); ++row) {
        wxString text;
        for (unsigned column = 0; column < MatrixColumnCount; ++column)
            text += (column ? " | " : "") + Model::Text(m_model->At(row), column);
        texts.push_back(text);
    }
    return texts;
}

} // namespace concerto
