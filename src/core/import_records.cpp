// One file row → one typed record (core/import_spec.h ParseCommitment / ParseMeeting /
// ParseContribution). Values are trimmed; the first bad value stops the row with an error naming
// the file, the line and its column. References stay texts: db/import resolves them.

#include "core/import_spec.h"
#include "core/import_util.h"

#include <algorithm>

namespace concerto {

namespace {

const char* const kStances = "soutien, critique, proposition, question ou constat "
                             "(ou support, criticism, proposal, question, observation)";

// A row being converted: its values by native field, and errors placed on the field's column.
class Row {
public:
    Row(const BoundMapping& mapping, const TabularReader& reader, const std::vector<std::string>& cells)
        : m_mapping(mapping), m_reader(reader), m_cells(cells)
    {
    }

    /// The trimmed value of `field` ("" when the mapping leaves it out).
    std::string Get(const std::string& field) const
    {
        std::string value = m_mapping.Value(field, m_cells);
        import::TrimInPlace(value);
        return value;
    }

    /// The value of a field every row must fill.
    std::string Required(const std::string& field) const
    {
        std::string value = Get(field);
        if (value.empty())
            throw Error(field, "cellule vide\u00A0: " + QuoteFrench(field) + " est obligatoire.");
        return value;
    }

    /// An error on the column `field` is read from (on the row alone when it comes from a constant).
    ValidationError Error(const std::string& field, const std::string& message) const
    {
        const auto column = m_mapping.Column(field);
        return m_reader.ErrorAt(m_reader.Line(), column ? *column + 1 : 0, message);
    }

    /// The instant in a required date field.
    Timestamp Instant(const std::string& field) const
    {
        const std::string text = Required(field);
        const auto when = ParseImportInstant(text);
        if (!when)
            throw Error(field, "date " + QuoteFrench(text) +
                                   " invalide\u202f; formats admis\u00A0: JJ/MM/AAAA [HH:MM] ou AAAA-MM-JJ [HH:MM:SS] "
                                   "(ISO 8601), avec un jour qui existe.");
        return *when;
    }

private:
    const BoundMapping& m_mapping;
    const TabularReader& m_reader;
    const std::vector<std::string>& m_cells;
};

std::optional<int> Attendance(const Row& row)
{
    const std::string text = row.Get("attendance");
    if (text.empty())
        return std::nullopt;
    // Spreadsheets write "1 200" (with a space or a French no-break space) or "12.0".
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xA0") == 0)
            ++i;
        else if (text.compare(i, 3, "\xE2\x80\xAF") == 0)
            i += 2;
        else if (text[i] != ' ')
            digits += text[i];
    }
    if (digits.size() > 2 && digits.compare(digits.size() - 2, 2, ".0") == 0)
        digits.resize(digits.size() - 2);
    if (digits.size() > 1 && digits[0] == '-' && digits.find_first_not_of("0123456789", 1) == std::string::npos)
        throw row.Error("attendance", "nombre de participants négatif " + QuoteFrench(text) + ".");
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        throw row.Error("attendance", "nombre de participants " + QuoteFrench(text) +
                                          " invalide\u202f; un nombre entier est attendu.");
    return std::stoi(digits);
}

// "REF" or "REF:stance"; `cell` is already known not to be "-".
std::vector<ImportTag> Tags(const Row& row, const std::string& cell)
{
    std::vector<ImportTag> tags;
    for (const auto& item : SplitList(cell)) {
        ImportTag tag;
        const std::size_t colon = item.find(':');
        tag.ref = import::Trim(item.substr(0, colon));
        if (tag.ref.empty())
            throw row.Error("tags", "référence d’engagement manquante dans " + QuoteFrench(item) + ".");
        if (colon != std::string::npos) {
            const std::string stanceText = import::Trim(item.substr(colon + 1));
            if (stanceText.empty())
                throw row.Error("tags", "position vide après " + QuoteFrench(tag.ref + ":") + "\u202f; écrivez " +
                                            QuoteFrench(tag.ref) + " seul ou suivi d’une position\u00A0: " + kStances +
                                            ".");
            const auto stance = ParseStanceText(stanceText);
            if (!stance)
                throw row.Error("tags", "position " + QuoteFrench(stanceText) + " inconnue pour l’engagement " +
                                            QuoteFrench(tag.ref) + "\u202f; positions admises\u00A0: " + kStances +
                                            ".");
            tag.stance = *stance;
        }
        for (const auto& previous : tags)
            if (previous.ref == tag.ref)
                throw row.Error("tags", "l’engagement " + QuoteFrench(tag.ref) + " est cité deux fois.");
        tags.push_back(std::move(tag));
    }
    return tags;
}

std::vector<std::string> Labels(const std::string& cell)
{
    std::vector<std::string> labels;
    for (auto& label : SplitList(cell))
        if (std::find(labels.begin(), labels.end(), label) == labels.end())
            labels.push_back(std::move(label));
    return labels;
}

} // namespace

CommitmentRecord ParseCommitment(const BoundMapping& mapping, const TabularReader& reader,
                                 const std::vector<std::string>& cells)
{
    const Row row(mapping, reader, cells);
    CommitmentRecord record;
    record.ref = row.Required("ref");
    record.theme = row.Required("theme");
    record.title = row.Required("title");
    record.description = row.Get("description");
    const std::string status = row.Get("status");
    if (!status.empty()) {
        record.status = ParseStatusText(status);
        if (!record.status)
            throw row.Error("status", "statut " + QuoteFrench(status) +
                                          " inconnu\u202f; statuts admis\u00A0: Fait, En cours, Reste à faire, "
                                          "Abandonné (ou done, in_progress, planned, dropped).");
    }
    return record;
}

MeetingRecord ParseMeeting(const BoundMapping& mapping, const TabularReader& reader,
                           const std::vector<std::string>& cells)
{
    const Row row(mapping, reader, cells);
    MeetingRecord record;
    record.ref = row.Required("ref");
    record.channel = row.Required("channel");
    record.title = row.Required("title");
    record.startsAt = row.Instant("date");
    record.place = row.Get("place");
    record.neighbourhood = row.Get("neighbourhood");
    record.attendance = Attendance(row);
    return record;
}

ContributionRecord ParseContribution(const BoundMapping& mapping, const TabularReader& reader,
                                     const std::vector<std::string>& cells)
{
    const Row row(mapping, reader, cells);
    ContributionRecord record;
    record.externalId = row.Get("external_id");
    record.receivedAt = row.Instant("received_at");
    record.channel = row.Required("channel");
    record.meeting = row.Get("meeting");
    record.neighbourhood = row.Get("neighbourhood");
    record.card = row.Get("card");
    record.profile = row.Get("profile");
    record.title = row.Get("title");
    record.text = row.Required("text");
    // "-" empties the list; an empty cell keeps what the contribution has.
    const std::string tags = row.Get("tags");
    record.tagsGiven = !tags.empty();
    if (tags != "-" && !tags.empty())
        record.tags = Tags(row, tags);
    const std::string labels = row.Get("labels");
    record.labelsGiven = !labels.empty();
    if (labels != "-" && !labels.empty())
        record.labels = Labels(labels);
    const std::string quote = row.Get("quote");
    if (!quote.empty()) {
        record.quote = ParseBooleanText(quote);
        if (!record.quote)
            throw row.Error("quote", "valeur " + QuoteFrench(quote) + " non reconnue pour le champ " +
                                         QuoteFrench("quote") +
                                         "\u202f; écrivez oui ou non (ou 1/0, "
                                         "vrai/faux, x pour oui).");
    }
    return record;
}

} // namespace concerto
