#pragma once
// What an import file means, independently of any database: the three kinds of import, the
// fields of Concerto's native format, the column mappings (native, the platform presets such as
// « decidim », and mappings users save), and the conversion of one file row into a typed,
// validated record. Every error names the file, the line and the column through the reader.
// The database side (resolving references, matching existing rows, writing) is db/import.h.

#include "core/datetime.h"
#include "core/model.h"
#include "core/tabular.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concerto {

enum class ImportKind { Contributions, Commitments, Meetings };

/// "contributions", "commitments", "meetings" (the CLI's --kind values and the mapping codes).
const char* ToCode(ImportKind kind);
/// Accepts the codes and the French names (« contributions », « engagements », « rencontres »),
/// any case, accents optional.
bool FromCode(const std::string& code, ImportKind& out);
/// « contributions », « engagements », « rencontres ».
const char* FrenchName(ImportKind kind);

/// The native format's columns of a kind, in file order (docs/import-formats.md):
///   commitments:   ref,theme,title,description,status
///   meetings:      ref,channel,title,date,place,neighbourhood,attendance
///   contributions: external_id,received_at,channel,meeting,neighbourhood,card,profile,title,text,tags,labels,quote
const std::vector<std::string>& NativeFields(ImportKind kind);
/// The native fields a file must provide (through a column or a constant) for rows to be valid:
///   commitments: ref, theme, title; meetings: ref, channel, title, date;
///   contributions: received_at, channel, text.
const std::vector<std::string>& RequiredFields(ImportKind kind);

/// Where one native field's value comes from.
struct FieldSource {
    /// Header names tried in order, compared case-insensitively, accents optional, surrounding
    /// spaces ignored; the first present in the file wins. A name ending in "/*" (such as
    /// "title/*") matches any locale column "title/<locale>", "fr" preferred, then the first.
    std::vector<std::string> columns;
    /// Used when no column matches, or when the matched cell is empty; empty = none.
    std::string constant;
    /// How the cell text is cleaned before conversion.
    enum class Transform { None, HtmlToText } transform = Transform::None;
};

/// How a file's columns feed the native fields of one kind. The native mapping maps every field
/// to the column of the same name; fields a mapping leaves out are neither read nor changed.
struct ColumnMapping {
    std::string name; ///< "" for the native format; a preset's or a saved mapping's name otherwise
    ImportKind kind = ImportKind::Contributions;
    std::vector<std::pair<std::string, FieldSource>> fields; ///< native field → source, any order

    /// The source of `field`, or nullptr when the mapping leaves it out.
    const FieldSource* Find(const std::string& field) const;
    /// Text form saved in the database and shown to administrators: one line per field,
    /// `field = Column A | Column B` for columns, `field = "constant"` for a constant (both may be
    /// combined: `field = Col | "constant"`), `field = html:Column` for the HTML transform.
    std::string Serialize() const;
    /// Parses Serialize()'s form; unknown fields and malformed lines are ValidationErrors naming
    /// the line of the text.
    static ColumnMapping Parse(const std::string& name, ImportKind kind, const std::string& text);
};

/// The native format's mapping of `kind`.
ColumnMapping NativeMapping(ImportKind kind);
/// A shipped preset by name ("decidim": Decidim's proposals export, contributions only), or
/// nullopt. The decidim preset maps id → external_id, title/* → title, body/* (HTML → text) →
/// text, published_at → received_at, scope/name/* → neighbourhood, category/name/* → labels,
/// and the constant "plateforme" → channel.
std::optional<ColumnMapping> FindPreset(const std::string& name, ImportKind kind);
/// Names of the shipped presets of `kind` ("decidim" for contributions).
std::vector<std::string> PresetNames(ImportKind kind);
/// The preset among PresetNames(kind) whose required columns a header has, or nullopt
/// (lets the wizard propose « decidim » for a Decidim export).
std::optional<ColumnMapping> DetectPreset(const std::vector<std::string>& header, ImportKind kind);

/// A mapping resolved against one file's header: for each native field, the 0-based file column
/// it reads (or none) and its constant.
class BoundMapping {
public:
    /// Throws ValidationError (naming the file) when a required field has neither a column in
    /// `header` nor a constant, or when two header cells have the same name and a field reads it.
    BoundMapping(const ColumnMapping& mapping, const TabularReader& reader);
    /// The 0-based column of `field` in the file, or nullopt (absent or constant only).
    std::optional<std::size_t> Column(const std::string& field) const;
    /// True when the mapping reads or sets `field` (a column or a constant).
    bool Provides(const std::string& field) const;
    /// The value of `field` in `cells` (the column's cell, transformed; else the constant; else "").
    std::string Value(const std::string& field, const std::vector<std::string>& cells) const;
    const ColumnMapping& Mapping() const { return m_mapping; }

private:
    ColumnMapping m_mapping;
    std::vector<std::pair<std::string, std::optional<std::size_t>>> m_columns;
};

/// A tag as written in a file: a commitment reference and an optional stance.
struct ImportTag {
    std::string ref;
    Stance stance = Stance::Observation;
};

/// One row converted; references (theme, channel…) are still the file's texts.
struct CommitmentRecord {
    std::string ref, theme, title, description;
    std::optional<CommitmentStatus> status; ///< nullopt: the column is absent or the cell empty ("planned" for new rows)
};
struct MeetingRecord {
    std::string ref, channel, title;
    Timestamp startsAt;
    std::string place, neighbourhood;
    std::optional<int> attendance;
};
struct ContributionRecord {
    std::string externalId;
    Timestamp receivedAt;
    std::string channel, meeting, neighbourhood, card, profile, title, text;
    /// Tags and labels of the row; `tagsGiven`/`labelsGiven` are false when the mapping has no such
    /// column or the cell is empty: the contribution's existing tags/labels are then kept.
    /// A cell holding only "-" gives an empty list that removes them all.
    std::vector<ImportTag> tags;
    bool tagsGiven = false;
    std::vector<std::string> labels;
    bool labelsGiven = false;
    std::optional<bool> quote; ///< nullopt: absent or empty (false for new rows)
};

/// Where a record came from, for messages and the rejects file.
struct RowOrigin {
    std::uint64_t line = 0;
    std::vector<std::string> cells; ///< the row as read (for the rejects file)
};

/// Converts a row read through `mapping` from `reader` into a record; throws ValidationError from
/// reader.ErrorAt(line, column, …) naming the exact column of the first bad value (missing required
/// value, bad date, unknown status or stance, negative attendance, bad boolean…).
CommitmentRecord ParseCommitment(const BoundMapping& mapping, const TabularReader& reader,
                                 const std::vector<std::string>& cells);
MeetingRecord ParseMeeting(const BoundMapping& mapping, const TabularReader& reader,
                           const std::vector<std::string>& cells);
ContributionRecord ParseContribution(const BoundMapping& mapping, const TabularReader& reader,
                                     const std::vector<std::string>& cells);

// Value conversions shared by the parsers and the exporter (exposed for tests).

/// "done|in_progress|planned|dropped" or « Fait / En cours / Reste à faire / Abandonné », any
/// case, accents optional.
std::optional<CommitmentStatus> ParseStatusText(const std::string& text);
/// "support|criticism|proposal|question|observation" or the French words (« soutien », « critique »,
/// « proposition », « question », « constat »), any case, accents optional.
std::optional<Stance> ParseStanceText(const std::string& text);
/// ISO 8601 ("2024-05-12", "2024-05-12 14:30[:00]", "2024-05-12T14:30:00+02:00", "…Z") or French
/// "JJ/MM/AAAA [HH:MM[:SS]]". Without an offset the time is the computer's local time (a date alone:
/// midnight local). nullopt when invalid (including impossible days such as 31/02).
std::optional<Timestamp> ParseImportInstant(const std::string& text);
/// The form the exporter writes: local time with its offset, "2024-05-12 14:30:00+02:00", which
/// ParseImportInstant reads back to the same instant.
std::string FormatImportInstant(const Timestamp& when);
/// "1/0", "true/false", "oui/non", "vrai/faux", "x" / "" (any case); nullopt when not one of those.
std::optional<bool> ParseBooleanText(const std::string& text);
/// "a | b|c" → {"a","b","c"}: split on '|', trimmed, empty items dropped.
std::vector<std::string> SplitList(const std::string& text);
/// Decidim bodies: tags removed, <br>/<p> as line breaks, entities (&amp; &#39; &eacute;…) decoded.
std::string HtmlToText(const std::string& html);

} // namespace concerto
