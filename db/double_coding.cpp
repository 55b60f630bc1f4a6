// Double coding, first half: drawing samples and listing them with their progress. The
// agreement report and adjudication are in double_coding_report.cpp.

#include "db/double_coding.h"

#include "core/random.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace concerto {

namespace {

std::string Trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

[[noreturn]] void Refuse(SampleField field, const std::string& message)
{
    throw SampleValidationError(field, message);
}

std::string Quoted(const std::string& text)
{
    return "« " + text + " »";
}

/// The population of a request: contribution ids per channel, each list sorted by id.
using Population = std::map<std::string, std::vector<std::string>>;

Population LoadPopulation(Database& db, const SampleRequest& request)
{
    ContributionFilter filter = request.filter;
    filter.consultationId = request.consultationId;
    Params params;
    std::string where;
    for (const auto& condition : ContributionRepository(db).ConditionsFor(filter)) {
        where += where.empty() ? " WHERE (" : " AND (";
        where += condition.sql + ")";
        params.insert(params.end(), condition.params.begin(), condition.params.end());
    }
    Population population;
    QueryRows(db, "SELECT c.id, c.channel_id FROM contribution c" + where, params,
              [&](const soci::row& row) { population[Cell::Text(row, 1)].push_back(Cell::Text(row, 0)); });
    // Sorted here rather than in SQL: the draw must not depend on a backend's collation.
    for (auto& [channel, ids] : population)
        std::sort(ids.begin(), ids.end());
    return population;
}

void CheckNames(Database& db, const SampleRequest& request)
{
    const std::string name = Trim(request.name);
    if (name.empty())
        Refuse(SampleField::Name, "Nom : donnez un nom à l'échantillon, par exemple « Double codage octobre ».");
    if (CodingSampleRepository(db).Count({CodingSampleRepository::Equals("consultation_id", request.consultationId),
                                          CodingSampleRepository::Equals("name", name)}) > 0)
        Refuse(SampleField::Name, "Nom : un échantillon " + Quoted(name) +
                                      " existe déjà dans cette consultation ; choisissez un autre nom.");
    const std::string coderA = Trim(request.coderA), coderB = Trim(request.coderB);
    if (coderA.empty())
        Refuse(SampleField::CoderA, "Codeur A : indiquez le nom d'utilisateur du premier codeur.");
    if (coderB.empty())
        Refuse(SampleField::CoderB, "Codeur B : indiquez le nom d'utilisateur du second codeur.");
    if (Fold(coderA) == Fold(coderB))
        Refuse(SampleField::CoderB, "Codeur B : choisissez une autre personne que le codeur A (" + coderA +
                                        ") : l'accord se mesure entre deux codeurs différents.");
    if (request.seed < 0)
        Refuse(SampleField::Seed, "Graine : indiquez un nombre entier positif ou nul.");
}

long long CheckedSize(const SampleSize& size, long long population)
{
    if (size.percent) {
        if (!(size.value > 0) || size.value > 100)
            Refuse(SampleField::Size, "Taille : indiquez un pourcentage supérieur à 0 et au plus égal à 100.");
    } else if (!(size.value >= 1) || size.value != std::floor(size.value)) {
        Refuse(SampleField::Size, "Taille : indiquez un nombre entier de contributions, au moins 1.");
    }
    if (population == 0)
        Refuse(SampleField::Size, "Taille : aucune contribution à tirer : la consultation (ou le filtre choisi) "
                                  "n'en contient aucune.");
    const long long count = SampleCount(size, population);
    if (count < 1)
        Refuse(SampleField::Size, "Taille : ce pourcentage de " + std::to_string(population) +
                                      " contributions fait moins d'une contribution ; augmentez-le.");
    if (count > population)
        Refuse(SampleField::Size, "Taille : " + std::to_string(count) +
                                      " contributions demandées, mais il n'y en a que " + std::to_string(population) +
                                      " à tirer.");
    return count;
}

SamplePlan Plan(Database& db, const SampleRequest& request, const Population& population)
{
    SamplePlan plan;
    std::vector<long long> sizes;
    for (const auto& [channel, ids] : population) {
        plan.strata.push_back({channel, static_cast<long long>(ids.size()), 0});
        sizes.push_back(static_cast<long long>(ids.size()));
        plan.population += static_cast<long long>(ids.size());
    }
    CheckNames(db, request);
    plan.size = CheckedSize(request.size, plan.population);
    const auto drawn = AllocateProportionally(sizes, plan.size);
    for (std::size_t i = 0; i < drawn.size(); ++i)
        plan.strata[i].drawn = drawn[i];
    return plan;
}

// The first `count` items of a uniform random permutation (partial Fisher–Yates).
std::vector<std::string> Draw(std::vector<std::string> ids, long long count, Random& random)
{
    const std::size_t n = ids.size(), k = static_cast<std::size_t>(count);
    for (std::size_t i = 0; i < k && i + 1 < n; ++i)
        std::swap(ids[i], ids[i + random.Below(n - i)]);
    ids.resize(k);
    return ids;
}

SampleProgress ProgressFromRow(const soci::row& row, std::size_t first)
{
    SampleProgress progress;
    progress.items = Cell::Integer(row, first);
    progress.doneByA = Cell::Integer(row, first + 1);
    progress.doneByB = Cell::Integer(row, first + 2);
    progress.doneByBoth = Cell::Integer(row, first + 3);
    progress.adjudicated = Cell::Integer(row, first + 4);
    return progress;
}

const char* const kProgressColumns =
    "COUNT(i.id), COUNT(i.done_by_a), COUNT(i.done_by_b), "
    "COALESCE(SUM(CASE WHEN i.done_by_a IS NOT NULL AND i.done_by_b IS NOT NULL THEN 1 ELSE 0 END), 0), "
    "COUNT(i.adjudicated_at)";

// Newest first; samples created in the same second by name, for a stable order.
void NewestFirst(std::vector<CodingSample>& samples)
{
    std::stable_sort(samples.begin(), samples.end(), [](const CodingSample& a, const CodingSample& b) {
        if (a.createdAt.seconds != b.createdAt.seconds)
            return a.createdAt.seconds > b.createdAt.seconds;
        return a.name < b.name;
    });
}

} // namespace

std::vector<long long> AllocateProportionally(const std::vector<long long>& populations, long long total)
{
    const std::size_t count = populations.size();
    std::vector<long long> allocation(count, 0);
    const long long sum = std::accumulate(populations.begin(), populations.end(), 0LL);
    if (total <= 0 || sum <= 0)
        return allocation;
    total = std::min(total, sum);
    // Exact quotas are total·pᵢ/sum; integers keep the comparisons of remainders exact.
    std::vector<long long> remainder(count);
    long long given = 0;
    for (std::size_t i = 0; i < count; ++i) {
        allocation[i] = total * populations[i] / sum;
        remainder[i] = total * populations[i] % sum;
        given += allocation[i];
    }
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (remainder[a] != remainder[b])
            return remainder[a] > remainder[b];
        return populations[a] > populations[b];
    });
    for (std::size_t k = 0; given < total && k < count; ++k, ++given)
        ++allocation[order[k]];

    const auto nonEmpty = std::count_if(populations.begin(), populations.end(), [](long long p) { return p > 0; });
    if (total < nonEmpty)
        return allocation;
    for (std::size_t i = 0; i < count; ++i) {
        if (populations[i] == 0 || allocation[i] > 0)
            continue;
        // The donor is the stratum furthest above its exact quota (allocation·sum − total·p).
        std::size_t donor = count;
        long long bestExcess = 0;
        for (std::size_t j = 0; j < count; ++j) {
            if (allocation[j] < 2)
                continue;
            const long long excess = allocation[j] * sum - total * populations[j];
            if (donor == count || excess > bestExcess) {
                donor = j;
                bestExcess = excess;
            }
        }
        if (donor == count)
            break;
        --allocation[donor];
        ++allocation[i];
    }
    return allocation;
}

long long SampleCount(const SampleSize& size, long long population)
{
    if (!size.percent)
        return static_cast<long long>(size.value);
    return static_cast<long long>(std::floor(static_cast<double>(population) * size.value / 100.0 + 0.5));
}

SamplePlan PlanSample(Database& db, const SampleRequest& request)
{
    ConsultationRepository(db).Get(request.consultationId);
    return Plan(db, request, LoadPopulation(db, request));
}

CodingSample CreateSample(Database& db, const SampleRequest& request)
{
    CodingSample sample;
    db.InTransaction([&] {
        ConsultationRepository(db).Get(request.consultationId);
        const Population population = LoadPopulation(db, request);
        const SamplePlan plan = Plan(db, request, population);
        Random random(static_cast<std::uint64_t>(request.seed));
        std::vector<std::string> drawn;
        for (const auto& stratum : plan.strata) {
            auto taken = Draw(population.at(stratum.channelId), stratum.drawn, random);
            drawn.insert(drawn.end(), taken.begin(), taken.end());
        }
        // Coding in a shuffled order keeps a coder from working through one channel at a time.
        for (std::size_t i = drawn.size(); i > 1; --i)
            std::swap(drawn[i - 1], drawn[random.Below(i)]);

        sample.consultationId = request.consultationId;
        sample.name = Trim(request.name);
        sample.coderA = Trim(request.coderA);
        sample.coderB = Trim(request.coderB);
        sample.seed = request.seed;
        sample = CodingSampleRepository(db).Create(sample);
        SampleItemRepository items(db);
        int position = 0;
        for (const auto& contributionId : drawn) {
            SampleItem item;
            item.sampleId = sample.id;
            item.contributionId = contributionId;
            item.position = ++position;
            items.Create(item);
        }
    });
    return sample;
}

std::vector<CodingSample> ListSamples(Database& db, const std::string& consultationId)
{
    auto samples = CodingSampleRepository(db).ListBy("consultation_id", consultationId);
    NewestFirst(samples);
    return samples;
}

std::vector<SampleProgress> ListSampleProgress(Database& db, const std::string& consultationId)
{
    std::map<std::string, SampleProgress> byId;
    QueryRows(db,
              std::string("SELECT s.id, ") + kProgressColumns +
                  " FROM coding_sample s LEFT JOIN coding_sample_item i ON i.sample_id = s.id "
                  "WHERE s.consultation_id = :consultation GROUP BY s.id",
              {{"consultation", consultationId}},
              [&](const soci::row& row) { byId[Cell::Text(row, 0)] = ProgressFromRow(row, 1); });
    std::vector<SampleProgress> result;
    for (const auto& sample : ListSamples(db, consultationId)) {
        SampleProgress progress = byId[sample.id];
        progress.sample = sample;
        result.push_back(progress);
    }
    return result;
}

SampleProgress GetSampleProgress(Database& db, const std::string& sampleId)
{
    SampleProgress progress;
    const CodingSample sample = CodingSampleRepository(db).Get(sampleId);
    QueryRows(db, std::string("SELECT ") + kProgressColumns + " FROM coding_sample_item i WHERE i.sample_id = :sample",
              {{"sample", sampleId}}, [&](const soci::row& row) { progress = ProgressFromRow(row, 0); });
    progress.sample = sample;
    return progress;
}

std::vector<CodingSample> SamplesForCoder(Database& db, const std::string& consultationId, const std::string& coder)
{
    auto samples = ListSamples(db, consultationId);
    samples.erase(std::remove_if(samples.begin(), samples.end(),
                                 [&](const CodingSample& s) { return s.coderA != coder && s.coderB != coder; }),
                  samples.end());
    return samples;
}

std::vector<std::string> SampleQueue(Database& db, const std::string& sampleId, const std::string& coder,
                                     bool pendingOnly)
{
    const CodingSample sample = CodingSampleRepository(db).Get(sampleId);
    if (coder != sample.coderA && coder != sample.coderB)
        throw ValidationError("Codeur : " + coder + " ne code pas l'échantillon " + Quoted(sample.name) +
                              " (codeurs : " + sample.coderA + " et " + sample.coderB + ").");
    std::string sql = "SELECT i.contribution_id FROM coding_sample_item i WHERE i.sample_id = :sample";
    if (pendingOnly)
        sql += coder == sample.coderA ? " AND i.done_by_a IS NULL" : " AND i.done_by_b IS NULL";
    sql += " ORDER BY i.position, i.contribution_id";
    std::vector<std::string> ids;
    QueryRows(db, sql, {{"sample", sampleId}}, [&](const soci::row& row) { ids.push_back(Cell::Text(row, 0)); });
    return ids;
}

std::vector<std::string> KnownCoders(Database& db, const std::string& consultationId)
{
    std::vector<std::string> coders;
    QueryRows(db,
              "SELECT DISTINCT t.coder FROM tag t JOIN contribution c ON c.id = t.contribution_id "
              "WHERE c.consultation_id = :consultation AND t.coder <> ''",
              {{"consultation", consultationId}}, [&](const soci::row& row) { coders.push_back(Cell::Text(row, 0)); });
    for (const auto& sample : ListSamples(db, consultationId)) {
        coders.push_back(sample.coderA);
        coders.push_back(sample.coderB);
    }
    std::sort(coders.begin(), coders.end());
    coders.erase(std::unique(coders.begin(), coders.end()), coders.end());
    return coders;
}

std::optional<CodingSample> FindSampleForCoders(Database& db, const std::string& first, const std::string& second,
                                                const std::string& consultationId, const std::string& name)
{
    std::vector<Condition> conditions{
        {"(c.coder_a = :first AND c.coder_b = :second) OR (c.coder_a = :second2 AND c.coder_b = :first2)",
         {{"first", first}, {"second", second}, {"second2", second}, {"first2", first}}}};
    if (!consultationId.empty())
        conditions.push_back(CodingSampleRepository::Equals("consultation_id", consultationId));
    if (!name.empty())
        conditions.push_back(CodingSampleRepository::Equals("name", name));
    auto samples = CodingSampleRepository(db).List(conditions);
    if (samples.empty())
        return std::nullopt;
    NewestFirst(samples);
    return samples.front();
}

} // namespace concerto
