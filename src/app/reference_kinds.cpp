#include "app/reference_kinds.h"

#include "core/errors.h"
#include "db/repositories.h"

#include <type_traits>
#include <wx/intl.h>

namespace concerto {

namespace {

template <class T, class = void> struct HasPosition : std::false_type {
};
template <class T> struct HasPosition<T, std::void_t<decltype(std::declval<T&>().position)>> : std::true_type {
};
template <class T, class = void> struct HasConsultation : std::false_type {
};
template <class T>
struct HasConsultation<T, std::void_t<decltype(std::declval<T&>().consultationId)>> : std::true_type {
};

const std::string& Value(const ReferenceValues& values, const std::string& key)
{
    static const std::string empty;
    auto found = values.find(key);
    return found == values.end() ? empty : found->second;
}

std::string OptionalDay(const std::optional<Date>& day)
{
    return day ? day->ToIso() : std::string();
}

/// What every entity-backed kind shares: reading, saving, deleting and ordering through the
/// entity's repository. A kind adds its words and how its fields map to values.
template <class T> class EntityKind : public ReferenceKind {
public:
    std::string Table() const override { return Entity<T>::table; }
    bool PerConsultation() const override { return HasConsultation<T>::value; }
    bool Ordered() const override { return HasPosition<T>::value; }

    ReferenceList Load(Database& db, const std::string& consultationId) const override
    {
        ReferenceList list;
        if (PerConsultation() && consultationId.empty())
            return list;
        LoadChoices(db, consultationId, list);
        Repository<T> repository(db);
        const std::vector<T> items = PerConsultation()
                                         ? repository.ListBy("consultation_id", consultationId, SortColumn())
                                         : repository.List({}, 0, SortColumn());
        for (const T& item : items)
            list.rows.push_back(RowOf(item, list));
        return list;
    }

    std::string Save(Database& db, const std::string& consultationId, const ReferenceRow* row,
                     const ReferenceValues& values, int position) const override
    {
        Repository<T> repository(db);
        if (!row) {
            T item;
            if constexpr (HasConsultation<T>::value)
                item.consultationId = consultationId;
            if constexpr (HasPosition<T>::value)
                item.position = position;
            FromValues(values, item);
            return repository.Create(item).id;
        }
        T item = Current(repository, *row);
        FromValues(values, item);
        return repository.Update(item).id;
    }

    void Remove(Database& db, const ReferenceRow& row) const override { Repository<T>(db).Remove(row.id, row.version); }

    void Reorder(Database& db, const std::vector<ReferenceRow>& rows) const override
    {
        if constexpr (HasPosition<T>::value) {
            Repository<T> repository(db);
            db.InTransaction([&] {
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    if (rows[i].position == static_cast<int>(i) + 1)
                        continue;
                    T item = Current(repository, rows[i]);
                    item.position = static_cast<int>(i) + 1;
                    repository.Update(item);
                }
            });
        }
    }

    std::optional<ReferenceRow> Stored(Database& db, const std::string& id) const override
    {
        ReferenceList none;
        if (PerConsultation())
            LoadChoices(db, {}, none);
        auto item = Repository<T>(db).Find(id);
        if (!item)
            return std::nullopt;
        if constexpr (HasConsultation<T>::value)
            LoadChoices(db, item->consultationId, none);
        return RowOf(*item, none);
    }

protected:
    virtual void ToValues(const T& item, const ReferenceList& list, ReferenceValues& values) const = 0;
    virtual void FromValues(const ReferenceValues& values, T& item) const = 0;
    virtual std::string SortColumn() const { return HasPosition<T>::value ? "position" : "code"; }
    /// Reads what the fields offer to choose from (a card's themes).
    virtual void LoadChoices(Database&, const std::string&, ReferenceList&) const {}

private:
    ReferenceRow RowOf(const T& item, const ReferenceList& list) const
    {
        ReferenceRow row;
        row.id = item.id;
        row.version = item.version;
        row.updatedBy = item.updatedBy;
        if constexpr (HasPosition<T>::value)
            row.position = item.position;
        ToValues(item, list, row.values);
        return row;
    }

    /// The stored row with the version the user saw, so that Update detects any change since.
    static T Current(Repository<T>& repository, const ReferenceRow& row)
    {
        auto stored = repository.Find(row.id);
        if (!stored)
            throw ConflictError(_("It was deleted by someone else meanwhile.").utf8_string(), Entity<T>::table, row.id,
                                row.version, 0);
        stored->version = row.version;
        return *stored;
    }
};

class NeighbourhoodKind final : public EntityKind<Neighbourhood> {
public:
    wxString Name() const override { return _("Neighbourhoods"); }
    wxString Explanation() const override
    {
        return _("Shared by every consultation. Meetings and contributions are placed in them; lists and reports "
                 "follow the order below.");
    }
    wxString EmptyText() const override { return _("No neighbourhood yet: add the first one with “New…” (Insert)."); }
    wxString NewTitle() const override { return _("New neighbourhood"); }
    wxString EditTitle() const override { return _("Edit the neighbourhood"); }
    wxString DeleteQuestion(const wxString& name) const override
    {
        return wxString::Format(_("Delete the neighbourhood “%s”?"), name);
    }
    std::vector<Column> Columns() const override { return {{_("Name"), "name", 380}, {_("Code"), "code", 200}}; }
    std::vector<ReferenceField> Fields(const ReferenceList&) const override
    {
        return {{"name", _("Name"), ReferenceField::Kind::Text, true, {}, _("e.g. Ivry-Port")},
                {"code", _("Code"), ReferenceField::Kind::Code, true, {}, _("e.g. port")}};
    }
    wxString RowName(const ReferenceRow& row) const override { return wxString::FromUTF8(Value(row.values, "name")); }

protected:
    void ToValues(const Neighbourhood& item, const ReferenceList&, ReferenceValues& values) const override
    {
        values = {{"code", item.code}, {"name", item.name}};
    }
    void FromValues(const ReferenceValues& values, Neighbourhood& item) const override
    {
        item.code = Value(values, "code");
        item.name = Value(values, "name");
    }
};

class ChannelKind final : public EntityKind<Channel> {
public:
    wxString Name() const override { return _("Channels"); }
    wxString Explanation() const override
    {
        return _("Shared by every consultation: the ways contributions reach the team (street stops, cafés, online "
                 "platform, mail…), in the order of lists and reports.");
    }
    wxString EmptyText() const override { return _("No channel yet: add the first one with “New…” (Insert)."); }
    wxString NewTitle() const override { return _("New channel"); }
    wxString EditTitle() const override { return _("Edit the channel"); }
    wxString DeleteQuestion(const wxString& name) const override
    {
        return wxString::Format(_("Delete the channel “%s”?"), name);
    }
    std::vector<Column> Columns() const override
    {
        return {{_("Name"), "name", 280}, {_("Code"), "code", 160}, {_("Description"), "description", 420}};
    }
    std::vector<ReferenceField> Fields(const ReferenceList&) const override
    {
        return {{"name", _("Name"), ReferenceField::Kind::Text, true, {}, _("e.g. Caravane citoyenne")},
                {"code", _("Code"), ReferenceField::Kind::Code, true, {}, _("e.g. caravane")},
                {"description", _("Description"), ReferenceField::Kind::LongText, false, {}, wxString()}};
    }
    wxString RowName(const ReferenceRow& row) const override { return wxString::FromUTF8(Value(row.values, "name")); }

protected:
    void ToValues(const Channel& item, const ReferenceList&, ReferenceValues& values) const override
    {
        values = {{"code", item.code}, {"name", item.name}, {"description", item.description}};
    }
    void FromValues(const ReferenceValues& values, Channel& item) const override
    {
        item.code = Value(values, "code");
        item.name = Value(values, "name");
        item.description = Value(values, "description");
    }
};

class CardKind final : public EntityKind<Card> {
public:
    wxString Name() const override { return _("Thematic cards"); }
    wxString Explanation() const override
    {
        return _("The playing cards the caravane used to start conversations, one per subject, each linked to a "
                 "theme of the programme.");
    }
    wxString EmptyText() const override
    {
        return _("No thematic card in this consultation yet: add the first one with “New…” (Insert).");
    }
    wxString NewTitle() const override { return _("New thematic card"); }
    wxString EditTitle() const override { return _("Edit the thematic card"); }
    wxString DeleteQuestion(const wxString& name) const override
    {
        return wxString::Format(_("Delete the card “%s”? Contributions collected with it are kept, without a card."),
                                name);
    }
    std::vector<Column> Columns() const override
    {
        return {{_("Code"), "code", 160}, {_("Title"), "title", 360}, {_("Theme"), "theme_title", 360}};
    }
    std::vector<ReferenceField> Fields(const ReferenceList& list) const override
    {
        ReferenceField theme{"theme_id", _("Theme"), ReferenceField::Kind::Choice, false, {}, wxString()};
        theme.choices.emplace_back(std::string(), _("(no theme)"));
        for (const auto& [id, label] : list.themes)
            theme.choices.emplace_back(id, wxString::FromUTF8(label));
        return {{"code", _("Code"), ReferenceField::Kind::Code, true, {}, _("e.g. CARTE-LOG")},
                {"title", _("Title"), ReferenceField::Kind::Text, true, {}, wxString()},
                theme};
    }
    wxString RowName(const ReferenceRow& row) const override { return wxString::FromUTF8(Value(row.values, "title")); }

protected:
    void LoadChoices(Database& db, const std::string& consultationId, ReferenceList& list) const override
    {
        if (consultationId.empty())
            return;
        for (const Theme& theme : ThemeRepository(db).ListBy("consultation_id", consultationId, "position"))
            list.themes.emplace_back(theme.id, theme.code + " \u2014 " + theme.title);
    }
    void ToValues(const Card& item, const ReferenceList& list, ReferenceValues& values) const override
    {
        values = {{"code", item.code}, {"title", item.title}, {"theme_id", item.themeId}, {"theme_title", ""}};
        for (const auto& [id, label] : list.themes)
            if (id == item.themeId)
                values["theme_title"] = label;
    }
    void FromValues(const ReferenceValues& values, Card& item) const override
    {
        item.code = Value(values, "code");
        item.title = Value(values, "title");
        item.themeId = Value(values, "theme_id");
    }
};

class ThemeKind final : public EntityKind<Theme> {
public:
    wxString Name() const override { return _("Themes"); }
    wxString Explanation() const override
    {
        return _("The axes of the programme. Each commitment belongs to one; the order below is the order of the "
                 "commitments view and of the booklet.");
    }
    wxString EmptyText() const override
    {
        return _("No theme in this consultation yet: add the first one with “New…” (Insert).");
    }
    wxString NewTitle() const override { return _("New theme"); }
    wxString EditTitle() const override { return _("Edit the theme"); }
    wxString DeleteQuestion(const wxString& name) const override
    {
        return wxString::Format(_("Delete the theme “%s”?"), name);
    }
    std::vector<Column> Columns() const override
    {
        return {{_("Code"), "code", 120}, {_("Title"), "title", 340}, {_("Description"), "description", 420}};
    }
    std::vector<ReferenceField> Fields(const ReferenceList&) const override
    {
        return {{"code", _("Code"), ReferenceField::Kind::Code, true, {}, _("e.g. MOB")},
                {"title", _("Title"), ReferenceField::Kind::Text, true, {}, _("e.g. Mobilités")},
                {"description", _("Description"), ReferenceField::Kind::LongText, false, {}, wxString()}};
    }
    wxString RowName(const ReferenceRow& row) const override { return wxString::FromUTF8(Value(row.values, "title")); }

protected:
    void ToValues(const Theme& item, const ReferenceList&, ReferenceValues& values) const override
    {
        values = {{"code", item.code}, {"title", item.title}, {"description", item.description}};
    }
    void FromValues(const ReferenceValues& values, Theme& item) const override
    {
        item.code = Value(values, "code");
        item.title = Value(values, "title");
        item.description = Value(values, "description");
    }
};

class ConsultationKind final : public EntityKind<Consultation> {
public:
    wxString Name() const override { return _("Consultations"); }
    wxString Explanation() const override
    {
        return _("Every campaign this database holds. To work on another one or to start a new one, use the "
                 "main window's menu.");
    }
    wxString EmptyText() const override { return _("No consultation yet."); }
    wxString NewTitle() const override { return _("New consultation"); }
    wxString EditTitle() const override { return _("Edit the consultation"); }
    wxString DeleteQuestion(const wxString& name) const override { return name; }
    bool Deletable() const override { return false; } // it would take every contribution with it
    bool Creatable() const override { return false; } // the main window creates and opens them
    std::vector<Column> Columns() const override
    {
        return {{_("Title"), "title", 360},
                {_("Starts on"), "starts_on", 120},
                {_("Ends on"), "ends_on", 120},
                {_("Description"), "description", 360}};
    }
    std::vector<ReferenceField> Fields(const ReferenceList&) const override
    {
        return {{"title", _("Title"), ReferenceField::Kind::Text, true, {}, _("e.g. Mid-term review 2026")},
                {"starts_on", _("Starts on"), ReferenceField::Kind::Date, false, {}, wxString()},
                {"ends_on", _("Ends on"), ReferenceField::Kind::Date, false, {}, wxString()},
                {"description", _("Description"), ReferenceField::Kind::LongText, false, {}, wxString()}};
    }
    wxString RowName(const ReferenceRow& row) const override { return wxString::FromUTF8(Value(row.values, "title")); }
    std::optional<std::pair<wxString, std::string>> Check(const ReferenceValues& values) const override
    {
        const auto starts = Date::Parse(Value(values, "starts_on")), ends = Date::Parse(Value(values, "ends_on"));
        if (starts && ends && *ends < *starts)
            return std::make_pair(_("Ends on: the end cannot come before the start."), std::string("ends_on"));
        return std::nullopt;
    }

protected:
    std::string SortColumn() const override { return "created_at"; }
    void ToValues(const Consultation& item, const ReferenceList&, ReferenceValues& values) const override
    {
        values = {{"title", item.title},
                  {"description", item.description},
                  {"starts_on", OptionalDay(item.startsOn)},
                  {"ends_on", OptionalDay(item.endsOn)}};
    }
    void FromValues(const ReferenceValues& values, Consultation& item) const override
    {
        item.title = Value(values, "title");
        item.description = Value(values, "description");
        item.startsOn = Date::Parse(Value(values, "starts_on"));
        item.endsOn = Date::Parse(Value(values, "ends_on"));
    }
};

} // namespace

wxString ReferenceKind::Cell(const ReferenceRow& row, const std::string& key) const
{
    const std::string& value = Value(row.values, key);
    if (key.size() > 3 && key.compare(key.size() - 3, 3, "_on") == 0) {
        if (const auto day = Date::Parse(value))
            return wxString::Format("%02d/%02d/%04d", day->day, day->month, day->year);
        return wxString();
    }
    // One line per row: a description's line breaks would be cut by the list anyway.
    wxString text = wxString::FromUTF8(value);
    text.Replace("\n", " ");
    return text;
}

std::vector<std::unique_ptr<ReferenceKind>> MakeReferenceKinds()
{
    std::vector<std::unique_ptr<ReferenceKind>> kinds;
    kinds.push_back(std::make_unique<NeighbourhoodKind>());
    kinds.push_back(std::make_unique<ChannelKind>());
    kinds.push_back(std::make_unique<CardKind>());
    kinds.push_back(std::make_unique<ThemeKind>());
    kinds.push_back(std::make_unique<ConsultationKind>());
    return kinds;
}

} // namespace concerto
