// Commitment suggestions at the scale: 200 commitments and 100,000 tagged contributions
// (CONCERTO_BENCH_ROWS to change the latter), texts from the demo corpus generator.
//   (a) Suggest() for 1,000 new contributions, mean latency, against the brute-force way of
//       using the same examples: the nearest tagged contributions by shared stems, each
//       contribution compared with every example (its stems prepared beforehand, untimed);
//   (b) keeping the model current: one AddExample + RemoveExample, against rebuilding the
//       model from scratch, which is what a model without incremental updates would do.
// Model build time, latency percentiles and the precision of both on the generated texts go
// to stderr.

#include "common.h"
#include "core/demo_corpus.h"
#include "core/suggest.h"
#include "core/suggest_terms.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <unordered_map>

using namespace concerto;

namespace {

constexpr std::size_t kCommitments = 200;
constexpr std::size_t kQueries = 1000;
constexpr std::size_t kBaselineQueries = 200; // the brute force takes milliseconds each
constexpr std::size_t kNeighbours = 10;

struct Labelled {
    std::size_t commitment;
    std::string text;
};

/// 200 commitments from the demo programme's ~120: the extra ones reuse a programme
/// commitment's subject under another id, so both share its examples' vocabulary (the
/// harder case for ranking, and the longer postings for speed).
std::vector<std::pair<std::string, std::string>> Commitments()
{
    const auto& seeds = demo::Commitments();
    std::vector<std::pair<std::string, std::string>> commitments;
    for (std::size_t i = 0; i < kCommitments; ++i) {
        const auto& seed = seeds[i % seeds.size()];
        commitments.emplace_back(seed.ref + "/" + std::to_string(i / seeds.size()),
                                 seed.title + "\n" + seed.description + "\n" + demo::Themes()[seed.theme].title);
    }
    return commitments;
}

/// Generated contributions, each about one commitment; commitment sizes are skewed (a few
/// commitments get most of the examples), as in a real campaign.
std::vector<Labelled> Contributions(Random& random, std::size_t count)
{
    const auto& seeds = demo::Commitments();
    const auto& profiles = demo::Profiles();
    std::vector<double> weights;
    for (std::size_t i = 0; i < kCommitments; ++i)
        weights.push_back(1.0 / (1 + i % 37));
    std::vector<Labelled> texts;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t commitment = random.Weighted(weights);
        const auto stance = static_cast<demo::DemoStance>(random.Below(5));
        const auto text = demo::WriteContribution(random, seeds[commitment % seeds.size()], stance,
                                                  profiles[random.Below(profiles.size())], random.Chance(0.3));
        texts.push_back({commitment, text.title.empty() ? text.body : text.title + "\n" + text.body});
    }
    return texts;
}

/// The brute-force scorer: every example's distinct stems as sorted ids; a text's neighbours
/// are the examples sharing the most stems with it, and they vote for their commitments.
class NearestExamples {
public:
    explicit NearestExamples(const std::vector<Labelled>& examples)
    {
        for (const auto& e : examples)
            m_examples.push_back({e.commitment, Ids(e.text)});
    }
    std::vector<std::size_t> Suggest(const std::string& text, std::size_t k)
    {
        const std::vector<int> query = Ids(text);
        std::vector<std::pair<int, std::size_t>> shared; // (-shared stems, example)
        for (std::size_t i = 0; i < m_examples.size(); ++i) {
            const auto& ids = m_examples[i].second;
            int common = 0;
            for (auto a = query.begin(), b = ids.begin(); a != query.end() && b != ids.end();)
                if (*a < *b)
                    ++a;
                else if (*b < *a)
                    ++b;
                else
                    ++common, ++a, ++b;
            if (common > 0)
                shared.emplace_back(-common, i);
        }
        const std::size_t nearest = std::min(kNeighbours, shared.size());
        std::partial_sort(shared.begin(), shared.begin() + nearest, shared.end());
        std::map<std::size_t, int> votes;
        for (std::size_t i = 0; i < nearest; ++i)
            votes[m_examples[shared[i].second].first] -= shared[i].first;
        std::vector<std::pair<int, std::size_t>> ranked;
        for (const auto& [commitment, vote] : votes)
            ranked.emplace_back(-vote, commitment);
        std::sort(ranked.begin(), ranked.end());
        std::vector<std::size_t> best;
        for (std::size_t i = 0; i < ranked.size() && i < k; ++i)
            best.push_back(ranked[i].second);
        return best;
    }

private:
    std::vector<int> Ids(const std::string& text)
    {
        std::vector<int> ids;
        for (const auto& term : SuggestionTerms(text))
            ids.push_back(m_ids.emplace(term.stem, static_cast<int>(m_ids.size())).first->second);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    }
    std::unordered_map<std::string, int> m_ids;
    std::vector<std::pair<std::size_t, std::vector<int>>> m_examples;
};

SuggestionModel Build(const std::vector<std::pair<std::string, std::string>>& commitments,
                      const std::vector<Labelled>& examples)
{
    SuggestionModel model;
    for (const auto& [id, text] : commitments)
        model.AddCommitment(id, text);
    for (const auto& e : examples)
        model.AddExample(commitments[e.commitment].first, e.text);
    return model;
}

double Percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

} // namespace

int main()
{
    const std::size_t count = static_cast<std::size_t>(bench::Rows(100000));
    Random random(2024);
    const auto commitments = Commitments();
    std::cerr << "Génération de " << count << " contributions codées et " << kQueries << " à suggérer…\n";
    const auto examples = Contributions(random, count);
    const auto queries = Contributions(random, kQueries);

    SuggestionModel model;
    const double buildSeconds = bench::Seconds([&] { model = Build(commitments, examples); });
    std::cerr << "  modèle construit en " << buildSeconds << " s (" << model.CommitmentCount() << " engagements, "
              << model.ExampleCount() << " exemples), mémoire maximale " << static_cast<int>(bench::PeakMemoryMiB())
              << " Mio\n";

    // (a) Latency of Suggest(), each call timed on its own.
    std::vector<double> micros;
    std::size_t hits = 0;
    for (const auto& q : queries) {
        std::vector<Suggestion> best;
        micros.push_back(1e6 * bench::Seconds([&] { best = model.Suggest(q.text, 5); }));
        hits += !best.empty() && best.front().commitmentId == commitments[q.commitment].first;
    }
    double mean = 0;
    for (const double m : micros)
        mean += m / micros.size();

    NearestExamples brute(examples);
    std::size_t bruteHits = 0;
    const double bruteSeconds = bench::Seconds([&] {
        for (std::size_t i = 0; i < kBaselineQueries; ++i) {
            const auto best = brute.Suggest(queries[i].text, 5);
            bruteHits += !best.empty() && commitments[best.front()].first == commitments[queries[i].commitment].first;
        }
    });
    const double bruteMean = 1e6 * bruteSeconds / kBaselineQueries;
    bench::Report("suggest_top5_" + std::to_string(count) + "_examples", mean, "nearest_examples_brute_force",
                  bruteMean, "us", false);
    std::cerr << "  Suggest() : médiane " << Percentile(micros, 0.5) << " µs, 99e centile " << Percentile(micros, 0.99)
              << " µs, maximum " << Percentile(micros, 1.0) << " µs\n"
              << "  précision@1 sur les textes générés : modèle " << double(hits) / kQueries
              << ", plus proches voisins " << double(bruteHits) / kBaselineQueries << "\n";

    // (b) Keeping the model current as tags come and go.
    const std::string& id = commitments[queries[0].commitment].first;
    const double updateSeconds = bench::Seconds([&] {
        for (const auto& q : queries) {
            model.AddExample(id, q.text);
            model.RemoveExample(id, q.text);
        }
    });
    bench::Report("suggest_add_remove_example", 1e6 * updateSeconds / kQueries, "rebuild_model", 1e6 * buildSeconds,
                  "us", false);
    return 0;
}
