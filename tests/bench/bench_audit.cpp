// What the audit trail costs the writes it records, on each backend: the same contributions
// inserted, then updated (a note on every row) and coded (a state change on every row), in a
// database with the audit triggers as shipped, and in one whose contribution triggers were
// dropped (the baseline). Ratios below 1 are the price of the trail.

#include "common.h"
#include "core/demo_corpus.h"
#include "db/bulk.h"
#include "db/repositories.h"
#include "support/backends.h"

#include <cstdio>
#include <iostream>

using namespace concerto;

namespace {

const char* BackendName(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }

struct Timings {
    double insert = 0, update = 0;
    long long logged = 0;
};

std::vector<Contribution> MakeContributions(std::uint64_t count, const std::string& consultation,
                                            const std::string& channel)
{
    Random random(91);
    const auto& seeds = demo::Commitments();
    std::vector<Contribution> rows(count);
    for (auto& c : rows) {
        c.body = demo::WriteContribution(random, seeds[random.Below(seeds.size())],
                                         static_cast<demo::DemoStance>(random.Below(5)), "habitant·e", false)
                     .body;
        c.id = random.Uuid();
        c.version = 1;
        c.receivedAt = c.createdAt = c.updatedAt = Timestamp::At({2023, 10, 1}, 12);
        c.createdBy = c.updatedBy = "bench";
        c.consultationId = consultation;
        c.channelId = channel;
    }
    return rows;
}

Timings Run(Backend backend, std::uint64_t count, bool audited)
{
    auto db = test::FreshDatabase(backend);
    Consultation consultation;
    consultation.title = "Banc d'essai";
    Channel channel;
    channel.code = "plateforme";
    channel.name = "Plateforme";
    const auto rows = MakeContributions(count, ConsultationRepository(*db).Create(consultation).id,
                                        ChannelRepository(*db).Create(channel).id);
    if (!audited)
        for (const char* action : {"insert", "update", "delete"})
            db->Session() << std::string("DROP TRIGGER contribution_audit_") + action +
                                 (backend == Backend::Postgresql ? " ON contribution" : "");
    Timings timings;
    timings.insert = bench::Seconds([&] {
        db->InTransaction([&] {
            for (std::size_t start = 0; start < rows.size(); start += 5000)
                BulkInsert(*db, std::vector<Contribution>(rows.begin() + start,
                                                          rows.begin() + std::min(rows.size(), start + 5000)));
        });
    });
    timings.update = bench::Seconds([&] {
        db->InTransaction([&] {
            db->Session() << "UPDATE contribution SET notes = 'à relire', version = version + 1";
            db->Session() << "UPDATE contribution SET state = 'tagged', version = version + 1";
        });
    });
    db->Session() << "SELECT COUNT(*) FROM audit_log WHERE table_name = 'contribution'", soci::into(timings.logged);
    return timings;
}

} // namespace

int main()
{
    const std::uint64_t count = bench::Rows(100000);
    for (const Backend backend : {Backend::Sqlite, Backend::Postgresql}) {
        const std::string name = BackendName(backend);
        std::cerr << name << " : " << count << " contributions, avec puis sans journal…\n";
        const Timings audited = Run(backend, count, true);
        const Timings bare = Run(backend, count, false);
        bench::Report("audited_insert_" + name, count / audited.insert, "unaudited_insert_" + name,
                      count / bare.insert, "rows/s", true);
        bench::Report("audited_update_" + name, 2 * count / audited.update, "unaudited_update_" + name,
                      2 * count / bare.update, "rows/s", true);
        std::printf("bench: audit_rows_written_%s: %lld (expected %llu: one per row inserted or changed)\n",
                    name.c_str(), audited.logged, static_cast<unsigned long long>(3 * count));
    }
    return 0;
}
