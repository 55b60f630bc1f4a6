// The contributions import (db/import.h) against the command-line bulk loaders of each backend,
// reading the same native CSV file in the same run: `psql \copy` into a bare all-text table of
// the same throwaway cluster, and `sqlite3 .import` into a bare all-text table of a new SQLite
// file. Concerto's figure is RunImport into the demo consultation of a fresh database; the extra
// lines give a re-import of the same file (nothing changes) and a dry run on a fresh database.
// A second, schema-inclusive baseline loads the file with the same tool into a bare table of a
// fresh demo database and moves it into the real contribution table with one hand-written
// INSERT … SELECT (full-text index, indexes, foreign keys included): the gap between the two
// baselines is the schema's, the gap to the second one is Concerto's.
//
// Usage: bench_import [ROWS...] — each row count in turn (default CONCERTO_BENCH_ROWS, else
// 100,000); tests/bench/run.sh passes the 1,000,000 when asked (see there).

#include "common.h"
#include "core/demo_corpus.h"
#include "core/errors.h"
#include "db/demo.h"
#include "db/import.h"
#include "db/repository.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>

using namespace concerto;

namespace {

const char* BackendName(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }

/// "100k", "1M", or the plain count: the size in the bench names.
std::string SizeName(std::uint64_t rows)
{
    if (rows % 1000000 == 0)
        return std::to_string(rows / 1000000) + "M";
    if (rows % 1000 == 0)
        return std::to_string(rows / 1000) + "k";
    return std::to_string(rows);
}

// ---------------------------------------------------------------------------------------------
// The file: rows that look like the platform's and the paper slips' exports, every reference
// existing in the demo consultation (meeting refs, channel / neighbourhood / card codes,
// commitment refs, label names), so that the whole file imports without a rejection.

/// What the demo consultation offers to refer to, read back from its database.
struct Catalogue {
    struct MeetingRef {
        std::string ref, neighbourhood;
    };
    std::map<std::string, std::vector<MeetingRef>> meetingsByChannel; ///< channel code → its meetings
    std::vector<std::string> neighbourhoods;                           ///< the six city neighbourhood codes
};

Catalogue ReadCatalogue(Database& db, const std::string& consultationId)
{
    Catalogue catalogue;
    QueryRows(db,
              "SELECT m.ref, ch.code, COALESCE(n.code, '') FROM meeting m JOIN channel ch ON ch.id = m.channel_id "
              "LEFT JOIN neighbourhood n ON n.id = m.neighbourhood_id WHERE m.consultation_id = :c "
              "AND m.kind = 'ordinary' ORDER BY m.ref",
              {{"c", consultationId}}, [&](const soci::row& row) {
                  catalogue.meetingsByChannel[Cell::Text(row, 1)].push_back({Cell::Text(row, 0), Cell::Text(row, 2)});
              });
    QueryRows(db, "SELECT code FROM neighbourhood ORDER BY position", {},
              [&](const soci::row& row) { catalogue.neighbourhoods.push_back(Cell::Text(row, 0)); });
    if (catalogue.neighbourhoods.size() < 8 || catalogue.meetingsByChannel["caravane"].empty())
        throw std::runtime_error("the demo consultation lacks the neighbourhoods or meetings the bench refers to");
    catalogue.neighbourhoods.resize(8); // six neighbourhoods, then « hors Ivry », « non renseigné »
    return catalogue;
}

/// RFC 4180: quoted when the value holds a delimiter, a quote or a line break.
void AppendCell(std::string& line, const std::string& value, bool last)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        line += value;
    } else {
        line += '"';
        for (const char c : value) {
            if (c == '"')
                line += '"';
            line += c;
        }
        line += '"';
    }
    line += last ? "\r\n" : ",";
}

/// A unique local instant per row (7:00 to 22:59:59 over 240 days from September 2023), so that
/// rows without external_id stay distinct by channel + received_at + text; a third of the rows
/// with an id in the French form a spreadsheet writes.
std::string ReceivedAt(std::uint64_t row, bool french)
{
    const std::uint64_t slots = 240ull * 16 * 3600, slot = (row * 7919 + 12345) % slots;
    const Date day = Date::FromDaysSinceEpoch(Date{2023, 9, 1}.DaysSinceEpoch() + slot / (16 * 3600));
    const int second = static_cast<int>(slot % (16 * 3600)), hour = 7 + second / 3600;
    char text[32];
    if (french)
        std::snprintf(text, sizeof text, "%02d/%02d/%04d %02d:%02d", day.day, day.month, day.year, hour,
                      second / 60 % 60);
    else
        std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", day.year, day.month, day.day, hour,
                      second / 60 % 60, second % 60);
    return text;
}

struct ChannelMix {
    const char* code;
    double weight;
    double withoutId; ///< share of rows with an empty external_id (anonymous slips, letters)
};
// Close to the demo's own mix; agora and public meetings collect no contributions directly.
const ChannelMix kChannels[] = {{"cafe-communaux", 15, 0}, {"caravane", 35, 0.3}, {"cafe-quartier", 12, 0},
                                {"plateforme", 28, 0},     {"micro-trottoir", 3, 1}, {"exposition", 4, 0},
                                {"courrier", 3, 1}};
const char* const kStancesEnglish[] = {"support", "criticism", "proposal", "question", "observation"};
const char* const kStancesFrench[] = {"soutien", "critique", "proposition", "question", "constat"};

class CsvWriter {
public:
    explicit CsvWriter(const Catalogue& catalogue) : m_catalogue(catalogue), m_random(2024)
    {
        for (const auto& channel : kChannels)
            m_weights.push_back(channel.weight);
    }

    /// The data row `index` (0-based): 12 cells in the native order, CRLF-terminated.
    void Row(std::uint64_t index, std::string& line)
    {
        const ChannelMix& channel = kChannels[m_random.Weighted(m_weights)];
        const std::string code = channel.code;
        const bool hasId = !m_random.Chance(channel.withoutId);
        std::string externalId, meeting, neighbourhood, card, title, text, tags, labels;
        const auto meetings = m_catalogue.meetingsByChannel.find(code);
        if (meetings != m_catalogue.meetingsByChannel.end() && !meetings->second.empty()) {
            const auto& at = m_random.Pick(meetings->second);
            meeting = at.ref;
            neighbourhood = m_random.Chance(0.9) ? at.neighbourhood : m_random.Pick(m_catalogue.neighbourhoods);
            externalId = at.ref + "-" + std::to_string(100000 + index);
        } else {
            const double where = m_random.Unit();
            neighbourhood = where < 0.8 ? m_catalogue.neighbourhoods[m_random.Below(6)]
                            : where < 0.9 ? m_catalogue.neighbourhoods[6 + m_random.Below(2)]
                                          : "";
            externalId = (code == "plateforme" ? "IM-" : code + "-") + std::to_string(1000000 + index);
        }
        if (!hasId)
            externalId.clear();
        const std::string profile = code == "cafe-communaux" ? "agent·e" : m_random.Pick(demo::Profiles());
        Content(code, profile, card, title, text, tags, labels);
        line.clear();
        AppendCell(line, externalId, false);
        AppendCell(line, ReceivedAt(index, hasId && m_random.Chance(0.33)), false);
        for (const std::string& cell : {code, meeting, neighbourhood, card, profile, title, text, tags, labels})
            AppendCell(line, cell, false);
        AppendCell(line, m_random.Chance(0.08) ? "oui" : "non", true);
    }

    /// Bytes of `text` cells written so far.
    std::uint64_t TextBytes() const { return m_textBytes; }

private:
    /// Texts, tags and labels: a programme commitment with a stance, or an emerging subject.
    void Content(const std::string& channel, const std::string& profile, std::string& card, std::string& title,
                 std::string& text, std::string& tags, std::string& labels)
    {
        const auto& seeds = demo::Commitments();
        // Texts of 100 to 500 bytes, about 300 on average, as typed slips and platform posts run.
        const std::size_t target = 40 + m_random.Below(400);
        demo::GeneratedText written;
        if (m_random.Chance(0.08)) {
            std::string label;
            written = demo::WriteOffProgramme(m_random, label);
            labels = label;
            while (written.body.size() < target) { // a second subject raised in the same breath
                const std::string more = demo::WriteOffProgramme(m_random, label).body;
                written.body += " " + more;
                if (labels.find(label) == std::string::npos)
                    labels += " | " + label;
            }
        } else {
            const auto& seed = m_random.Pick(seeds);
            const std::size_t stance = m_random.Below(5);
            const auto kind = static_cast<demo::DemoStance>(stance);
            written = demo::WriteContribution(m_random, seed, kind, profile, channel == "plateforme");
            while (written.body.size() < target) // the contributor goes on about the same commitment
                written.body += " " + demo::WriteContribution(m_random, seed, kind, profile, false).body;
            if (channel == "caravane" && m_random.Chance(0.7))
                card = "CARTE-" + demo::Themes()[seed.theme].code;
            if (m_random.Chance(0.6)) {
                const double form = m_random.Unit();
                tags = seed.ref + (form < 0.5 ? std::string(":") + kStancesFrench[stance]
                                   : form < 0.8 ? std::string(":") + kStancesEnglish[stance]
                                                : std::string());
                const auto& other = m_random.Pick(seeds);
                if (m_random.Chance(0.15) && other.ref != seed.ref)
                    tags += "|" + other.ref + ":" + kStancesFrench[m_random.Below(5)];
            }
        }
        title = std::move(written.title);
        text = std::move(written.body);
        // Paper slips typed with line breaks: a multi-line quoted cell now and then.
        const auto stop = text.find(". ");
        if (stop != std::string::npos && m_random.Chance(0.05))
            text.replace(stop, 2, ".\n");
        m_textBytes += text.size();
    }

    const Catalogue& m_catalogue;
    Random m_random;
    std::vector<double> m_weights;
    std::uint64_t m_textBytes = 0;
};

/// Writes the native contributions file of `rows` rows (UTF-8 with a BOM and CRLF, as Concerto's
/// own export and Excel write it).
void WriteFile(const std::string& path, std::uint64_t rows, const Catalogue& catalogue)
{
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF"
           "external_id,received_at,channel,meeting,neighbourhood,card,profile,title,text,tags,labels,quote\r\n";
    CsvWriter writer(catalogue);
    std::string line;
    for (std::uint64_t i = 0; i < rows; ++i) {
        writer.Row(i, line);
        out << line;
    }
    out.close();
    if (!out)
        throw std::runtime_error("cannot write " + path);
    const std::uint64_t bytes = std::filesystem::file_size(path);
    std::cerr << "  " << bytes / (1024 * 1024) << " Mio, " << bytes / rows << " octets par ligne dont "
              << writer.TextBytes() / rows << " de texte\n";
}

/// Deletes the (closed) database at `location`: its files, or its PostgreSQL database.
void RemoveDatabase(const std::string& location)
{
    const std::string sqlite = "sqlite:";
    std::error_code ignored;
    if (location.compare(0, sqlite.size(), sqlite) == 0) {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(location.substr(sqlite.size()) + suffix, ignored);
        return;
    }
    try {
        test::SharedPgCluster().Psql("DROP DATABASE \"" + location.substr(location.rfind('/') + 1) + "\"");
    } catch (const std::exception&) {
        // Left for the removal of the whole cluster at exit.
    }
}

// ---------------------------------------------------------------------------------------------
// The baselines: the backends' own command-line loaders, run as a user would run them.

/// `text` as one shell word.
std::string ShellWord(const std::string& text)
{
    std::string word = "'";
    for (const char c : text)
        word += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return word + "'";
}

/// Runs a shell command line and returns its output, trimmed; throws with the output on failure.
std::string Shell(const std::string& command)
{
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        throw std::runtime_error("cannot run " + command);
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        out.append(buffer, n);
    if (pclose(pipe) != 0)
        throw std::runtime_error(command + " failed:\n" + out);
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
        out.pop_back();
    return out;
}

/// The native contribution columns, all text: what a bare loader can do at best.
std::string BareTable()
{
    std::string columns;
    for (const auto& field : NativeFields(ImportKind::Contributions))
        columns += (columns.empty() ? "" : ", ") + field + " text";
    return "CREATE TABLE bare (" + columns + ")";
}

void ExpectRows(const std::string& counted, std::uint64_t rows, const std::string& tool)
{
    if (counted != std::to_string(rows))
        throw std::runtime_error(tool + " loaded " + counted + " rows instead of " + std::to_string(rows));
}

/// `psql \copy` into a bare table of a new database of the throwaway cluster; seconds.
double PsqlCopy(const std::string& path, std::uint64_t rows)
{
    // psql connects over TCP as the cluster's `postgres` user: it needs no server account.
    const std::string location = test::FreshLocation(Backend::Postgresql);
    const std::string psql = "psql -X -q -v ON_ERROR_STOP=1 -d " + ShellWord(location);
    Shell(psql + " -c " + ShellWord(BareTable()));
    const std::string copy = "\\copy bare FROM '" + path + "' WITH (FORMAT csv, HEADER true)";
    const double seconds = bench::Seconds([&] { Shell(psql + " -c " + ShellWord(copy)); });
    ExpectRows(Shell(psql + " -At -c 'SELECT count(*) FROM bare'"), rows, "psql \\copy");
    RemoveDatabase(location);
    return seconds;
}

/// `sqlite3 .import` into a bare table of a new SQLite file; seconds.
double SqliteImport(const std::string& path, std::uint64_t rows)
{
    const std::string file = test::TempFolder() + "/bare-" + SizeName(rows) + ".db";
    std::filesystem::remove(file);
    const std::string sqlite = "sqlite3 " + ShellWord(file) + " ";
    Shell(sqlite + ShellWord(BareTable()));
    const double seconds =
        bench::Seconds([&] { Shell(sqlite + ShellWord(".import --csv --skip 1 " + path + " bare")); });
    ExpectRows(Shell(sqlite + ShellWord("SELECT count(*) FROM bare")), rows, "sqlite3 .import");
    std::filesystem::remove(file);
    return seconds;
}

// ---------------------------------------------------------------------------------------------
// Concerto: RunImport into the demo consultation of a fresh database.

const std::uint64_t kDemoContributions = 50; // a handful, so that the consultation is not empty

/// A fresh database whose storage goes with it: a million-row run would otherwise leave
/// gigabytes in the temporary folder until the process ends.
class Scratch {
public:
    explicit Scratch(Backend backend) : m_location(test::FreshLocation(backend)), m_db(Database::Open(m_location)) {}
    ~Scratch()
    {
        m_db.reset();
        RemoveDatabase(m_location);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    Database& Db() { return *m_db; }

private:
    std::string m_location;
    std::unique_ptr<Database> m_db;
};

std::string NewDemo(Database& db)
{
    SilentProgress progress;
    return GenerateDemo(db, DemoOptions{kDemoContributions, 2023}, progress);
}

/// The hand-written move of the bare rows into the demo consultation's contribution table: the
/// codes resolved by join, ids made by the database, French dates rewritten, no tags or labels.
std::string BareToContribution(Backend backend, const std::string& consultation)
{
    const bool pg = backend == Backend::Postgresql;
    const std::string cid = "'" + consultation + "'" + (pg ? "::uuid" : "");
    const std::string at = "CASE WHEN b.received_at LIKE '__/__/____%' THEN substr(b.received_at, 7, 4) || '-' || "
                           "substr(b.received_at, 4, 2) || '-' || substr(b.received_at, 1, 2) || ' ' || "
                           "substr(b.received_at, 12, 5) || ':00' ELSE b.received_at END";
    return std::string("INSERT INTO contribution (id, consultation_id, channel_id, meeting_id, neighbourhood_id, "
                       "card_id, received_at, profile, title, body, source_ref, is_quote) SELECT ") +
           (pg ? "gen_random_uuid()" : "lower(hex(randomblob(16)))") + ", " + cid + ", ch.id, m.id, n.id, k.id, " +
           (pg ? "(" + at + ")::timestamptz" : at) +
           ", COALESCE(b.profile, ''), COALESCE(b.title, ''), b.text, NULLIF(b.external_id, ''), "
           "COALESCE(b.quote = 'oui', FALSE)"
           " FROM bare b JOIN channel ch ON ch.code = b.channel"
           " LEFT JOIN meeting m ON m.consultation_id = " + cid + " AND m.ref = b.meeting"
           " LEFT JOIN neighbourhood n ON n.code = b.neighbourhood"
           " LEFT JOIN card k ON k.consultation_id = " + cid + " AND k.code = b.card";
}

/// The bulk tool into a bare table of a fresh demo database, then one INSERT … SELECT into the
/// real contribution table (full-text index, indexes, foreign keys): what a DBA would do by hand
/// with the same schema. Seconds, load and move together.
double LoadThenInsert(Backend backend, const std::string& path, std::uint64_t rows)
{
    const std::string location = test::FreshLocation(backend);
    std::string consultation;
    {
        auto db = Database::Open(location);
        consultation = NewDemo(*db);
    }
    const bool pg = backend == Backend::Postgresql;
    const std::string tool = pg ? "psql -X -q -v ON_ERROR_STOP=1 -d " + ShellWord(location)
                                : "sqlite3 -bail " + ShellWord(location.substr(location.find(':') + 1)) + " ";
    const std::string insert = BareToContribution(backend, consultation);
    std::string script;
    if (pg) {
        Shell(tool + " -c " + ShellWord(BareTable()));
        script = "\\copy bare FROM '" + path + "' WITH (FORMAT csv, HEADER true)\n" + insert + ";\n";
    } else {
        // Concerto's connections enforce the foreign keys; the sqlite3 shell does not unless asked.
        Shell(tool + ShellWord(BareTable()));
        script = "PRAGMA foreign_keys = ON;\n.import --csv --skip 1 " + path + " bare\n" + insert + ";\n";
    }
    const std::string scriptPath = test::TempFolder() + "/bare-insert.sql";
    {
        std::ofstream out(scriptPath);
        out << script;
    }
    const double seconds = bench::Seconds([&] { Shell(tool + (pg ? " -f " : " < ") + ShellWord(scriptPath)); });
    std::filesystem::remove(scriptPath);
    const std::string count = "SELECT count(*) - " + std::to_string(kDemoContributions) + " FROM contribution";
    ExpectRows(Shell(tool + (pg ? " -At -c " : " ") + ShellWord(count)), rows,
               pg ? "\\copy + INSERT" : ".import + INSERT");
    RemoveDatabase(location);
    return seconds;
}

/// A Progress that notes when each phase and each step of a short phase ends, so that the bench
/// says where an import spends its time (the reading, then each set-based step, then the rest:
/// commit or rollback).
class PhaseClock final : public Progress {
public:
    void Begin(const std::string& phase, std::uint64_t total) override
    {
        Close();
        m_phase = phase;
        m_steps = total <= 20; // a phase of steps, not of bytes
        m_step = 0;
    }
    void Advance(std::uint64_t done) override
    {
        if (m_steps && done != m_step) {
            m_step = done;
            Mark(m_phase + " " + std::to_string(done));
        }
    }
    bool IsCancelled() const override { return false; }

    /// « Lecture… 1.20 s, Enregistrement 1 0.01 s, …, reste 0.30 s ».
    std::string Laps()
    {
        Close();
        std::string text;
        for (const auto& [name, seconds] : m_laps) {
            char value[32];
            std::snprintf(value, sizeof value, " %.2f s", seconds);
            text += (text.empty() ? "" : ", ") + name + value;
        }
        return text;
    }

private:
    void Close()
    {
        if (!m_phase.empty())
            Mark(m_steps ? "reste" : m_phase);
        else if (m_laps.empty())
            Mark("ouverture"); // file opened, references loaded, staging created
        m_phase.clear();
    }
    void Mark(const std::string& name)
    {
        const auto now = std::chrono::steady_clock::now();
        m_laps.emplace_back(name, std::chrono::duration<double>(now - m_last).count());
        m_last = now;
    }

    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
    std::string m_phase;
    bool m_steps = false;
    std::uint64_t m_step = 0;
    std::vector<std::pair<std::string, double>> m_laps;
};

ImportReport TimedImport(Database& db, const std::string& path, const std::string& consultation, bool dryRun,
                         double& seconds)
{
    ImportOptions options;
    options.consultationId = consultation;
    options.dryRun = dryRun;
    PhaseClock clock;
    ImportReport report;
    seconds = bench::Seconds([&] { report = RunImport(db, path, options, clock); });
    std::cerr << "  " << (dryRun ? "simulation" : "import") << " en " << seconds << " s : " << report.Summary()
              << "\n    " << clock.Laps() << "\n";
    return report;
}

void Expect(bool condition, const char* what, const ImportReport& report)
{
    if (!condition)
        throw std::runtime_error(std::string(what) + " did not do what the bench expects: " + report.Summary() +
                                 (report.rejections.empty() ? "" : " — " + report.rejections.front().message));
}

std::uint64_t CountContributions(Database& db, const std::string& consultation)
{
    std::uint64_t count = 0;
    QueryRows(db, "SELECT count(*) FROM contribution WHERE consultation_id = :c", {{"c", consultation}},
              [&](const soci::row& row) { count = static_cast<std::uint64_t>(Cell::Integer(row, 0)); });
    return count;
}

struct ConcertoSeconds {
    double import = 0, reimport = 0, dryRun = 0;
};

ConcertoSeconds RunConcerto(Backend backend, const std::string& path, std::uint64_t rows)
{
    ConcertoSeconds seconds;
    {
        Scratch scratch(backend);
        Database& db = scratch.Db();
        const std::string consultation = NewDemo(db);
        const auto first = TimedImport(db, path, consultation, false, seconds.import);
        Expect(first.created == rows && first.rejected == 0, "the import", first);
        if (CountContributions(db, consultation) != rows + kDemoContributions)
            throw std::runtime_error("the import did not store every row");
        const auto again = TimedImport(db, path, consultation, false, seconds.reimport);
        Expect(again.unchanged == rows && again.created == 0 && again.updated == 0, "the re-import", again);
    }
    Scratch scratch(backend);
    Database& db = scratch.Db();
    const std::string consultation = NewDemo(db);
    const auto dry = TimedImport(db, path, consultation, true, seconds.dryRun);
    Expect(dry.created == rows && dry.rejected == 0, "the dry run", dry);
    if (CountContributions(db, consultation) != kDemoContributions)
        throw std::runtime_error("the dry run changed the database");
    return seconds;
}

void RunSize(std::uint64_t rows, const Catalogue& catalogue)
{
    const std::string size = SizeName(rows), path = test::TempFolder() + "/contributions-" + size + ".csv";
    std::cerr << "Écriture de " << rows << " contributions…\n";
    WriteFile(path, rows, catalogue);
    for (const Backend backend : {Backend::Sqlite, Backend::Postgresql}) {
        const std::string name = BackendName(backend);
        std::cerr << name << " :\n";
        const ConcertoSeconds concerto = RunConcerto(backend, path, rows);
        const bool sqlite = backend == Backend::Sqlite;
        const double baseline = sqlite ? SqliteImport(path, rows) : PsqlCopy(path, rows);
        const std::string baselineName = (sqlite ? "sqlite3_dot_import_" : "psql_copy_") + size;
        const double withSchema = LoadThenInsert(backend, path, rows);
        const std::string withSchemaName = (sqlite ? "sqlite3_import_then_insert_" : "psql_copy_then_insert_") + size;
        const auto rate = [&](double s) { return static_cast<double>(rows) / s; };
        bench::Report("import_contributions_" + size + "_" + name, rate(concerto.import), baselineName,
                      rate(baseline), "rows/s", true);
        bench::Report("import_contributions_" + size + "_" + name, rate(concerto.import), withSchemaName,
                      rate(withSchema), "rows/s", true);
        bench::Report("reimport_unchanged_" + size + "_" + name, rate(concerto.reimport), baselineName,
                      rate(baseline), "rows/s", true);
        bench::Report("import_dry_run_" + size + "_" + name, rate(concerto.dryRun), baselineName, rate(baseline),
                      "rows/s", true);
    }
    std::filesystem::remove(path);
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::uint64_t> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::strtoull(argv[i], nullptr, 10));
    if (sizes.empty())
        sizes.push_back(bench::Rows(100000));
    try {
        for (const std::uint64_t rows : sizes)
            if (rows == 0)
                throw std::runtime_error("usage: bench_import [ROWS...] (positive row counts)");
        Catalogue catalogue;
        {
            Scratch scratch(Backend::Sqlite);
            catalogue = ReadCatalogue(scratch.Db(), NewDemo(scratch.Db()));
        }
        for (const std::uint64_t rows : sizes)
            RunSize(rows, catalogue);
        std::printf("bench: import_peak_memory: %.0f MiB (whole run)\n", bench::PeakMemoryMiB());
    } catch (const std::exception& error) {
        std::cerr << "bench_import: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
