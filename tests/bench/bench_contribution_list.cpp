// The contributions list at scale (1,000,000 demo contributions; CONCERTO_BENCH_ROWS to change),
// on each backend, against the plain OFFSET paging a naive list would use:
//   (a) time to the first rows: FirstPage() vs ORDER BY received_at LIMIT 100 OFFSET 0;
//   (b) jump to row 900,000 (90 % of the rows) with the keys loaded: Rows() of 100 keys vs
//       LIMIT 100 OFFSET 900000;
//   (c) loading the keys (what the list does once per filter or sort, in the background) vs
//       COUNT(*) of the same filter, the least any list needs to size its scrollbar.
// The demo is generated once per backend; each figure is the median of several runs.

#include "common.h"
#include "db/contribution_list.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "support/backends.h"

#include <algorithm>
#include <iostream>
#include <soci/soci.h>

using namespace concerto;

namespace {

const char* BackendName(Backend backend)
{
    return backend == Backend::Sqlite ? "sqlite" : "postgresql";
}

constexpr int kPageRows = 100;

/// The median time of `runs` runs of `work`, in milliseconds (after one untimed warm-up run).
template <class F> double MedianMs(int runs, F&& work)
{
    work();
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
        times.push_back(1000 * bench::Seconds(work));
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Runs `sql` and reads every row, as a list would.
std::size_t ReadAll(Database& db, const std::string& sql, const Params& params)
{
    std::size_t rows = 0;
    QueryRows(db, sql, params, [&](const soci::row& row) { rows += Cell::Text(row, 1).empty() ? 0 : 1; });
    return rows;
}

void Run(Backend backend, std::uint64_t count)
{
    const std::string name = BackendName(backend);
    auto db = test::FreshDatabase(backend);
    std::cerr << "Génération de " << count << " contributions (" << name << ")…\n";
    SilentProgress progress;
    const double generation = bench::Seconds([&] { GenerateDemo(*db, DemoOptions{count, 2023}, progress); });
    std::cerr << "  générées en " << static_cast<int>(generation) << " s\n";
    // What autovacuum does within a minute of a bulk load on a server. Without statistics on the
    // tag table the planner expects hundreds of tags per contribution, and its cost estimate
    // then switches JIT compilation on: 200 ms on every page instead of 2.
    if (backend == Backend::Postgresql)
        db->GetDialect().ExecuteScript(db->Session(), "VACUUM ANALYZE");

    ContributionFilter filter;
    filter.consultationId = ConsultationRepository(*db).List({}, 1).front().id;
    const ContributionSort byDate{ContributionSortKey::ReceivedAt, false};
    ContributionList list(*db);
    const Params consultation = {{"consultation", filter.consultationId}};
    const std::string plain = "SELECT c.seq, c.id, c.version, c.received_at, c.channel_id, c.meeting_id, "
                              "c.neighbourhood_id, c.profile, c.title, c.body, c.state, c.is_quote "
                              "FROM contribution c WHERE c.consultation_id = :consultation ORDER BY c.received_at";

    // (a) The first screen.
    std::size_t shown = 0;
    const double first = MedianMs(7, [&] { shown = list.FirstPage(filter, byDate, kPageRows).size(); });
    const double firstBaseline = MedianMs(7, [&] { ReadAll(*db, plain + " LIMIT 100 OFFSET 0", consultation); });
    if (shown != static_cast<std::size_t>(std::min<std::uint64_t>(kPageRows, count)))
        throw std::runtime_error("FirstPage returned " + std::to_string(shown) + " rows");
    bench::Report("contribution_first_rows_" + name, first, "limit_offset_0_" + name, firstBaseline, "ms", false);

    // (c) The keys, in the background, against counting the same rows.
    std::vector<long long> keys;
    const double keysMs = MedianMs(3, [&] { keys = list.Keys(filter, byDate); });
    long long counted = 0;
    const double countMs = MedianMs(3, [&] { counted = ContributionRepository(*db).CountMatching(filter); });
    if (static_cast<long long>(keys.size()) != counted)
        throw std::runtime_error("Keys and COUNT disagree");
    bench::Report("contribution_keys_by_date_" + name, keysMs, "count_star_" + name, countMs, "ms", false);
    const ContributionSort byChannel{ContributionSortKey::Channel, false};
    const double channelMs = MedianMs(3, [&] { keys = list.Keys(filter, byChannel); });
    bench::Report("contribution_keys_by_channel_" + name, channelMs, "count_star_" + name, countMs, "ms", false);
    keys = list.Keys(filter, byDate);

    // (b) Jumping to row 900,000 of 1,000,000 (90 % of the list whatever its size).
    const std::size_t target = static_cast<std::size_t>(keys.size() * 9 / 10);
    const std::size_t from = target >= kPageRows / 2 ? target - kPageRows / 2 : 0;
    const std::vector<long long> around(keys.begin() + static_cast<long>(from),
                                        keys.begin() + static_cast<long>(std::min(keys.size(), from + kPageRows)));
    std::size_t fetched = 0;
    const double jump = MedianMs(7, [&] { fetched = list.Rows(around).size(); });
    if (fetched != around.size())
        throw std::runtime_error("Rows returned " + std::to_string(fetched) + " rows");
    const double jumpBaseline =
        MedianMs(3, [&] { ReadAll(*db, plain + " LIMIT 100 OFFSET " + std::to_string(from), consultation); });
    bench::Report("contribution_jump_to_row_" + std::to_string(target) + "_" + name, jump,
                  "limit_offset_" + std::to_string(from) + "_" + name, jumpBaseline, "ms", false);
    std::cerr << "  mémoire maximale : " << static_cast<int>(bench::PeakMemoryMiB()) << " Mio pour " << keys.size()
              << " clés\n";
}

} // namespace

int main()
{
    const std::uint64_t count = bench::Rows(1000000);
    try {
        for (const Backend backend : {Backend::Sqlite, Backend::Postgresql})
            Run(backend, count);
    } catch (const std::exception& e) {
        std::cerr << "bench_contribution_list: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
