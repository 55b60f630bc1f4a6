#include "db/demo.h"

#include "core/demo_corpus.h"
#include "core/errors.h"
#include "db/bulk.h"
#include "db/repositories.h"

#include <algorithm>
#include <map>
#include <optional>

namespace concerto {

const char* const kDemoConsultationTitle = "Bilan de mi-mandat 2023";

namespace {

const char* const kCoders[] = {"camille.martin", "yanis.benali", "sophie.durand", "ines.moreau"};

struct ChannelSeed {
    const char* code;
    const char* name;
    const char* description;
};
const ChannelSeed kChannels[] = {
    {"cafe-communaux", "Café des communaux", "Échanges avec les agent·es de la Ville (mai à juillet)"},
    {"caravane", "Caravane citoyenne", "Rendez-vous mobiles : marchés, commerces, écoles, pieds d'immeubles"},
    {"cafe-quartier", "Café de quartier", "Soirées d'échange dans chacun des six quartiers"},
    {"plateforme", "Plateforme « Ivry & Moi »", "Plateforme numérique « Ivry & Moi, mon avis, mes idées »"},
    {"micro-trottoir", "Micro-trottoir", "Paroles recueillies dans la rue et diffusées"},
    {"exposition", "Exposition participative", "Exposition à l'Espace Gérard-Philippe"},
    {"agora", "Agora", "Ateliers approfondis sur les thématiques saillantes"},
    {"courrier", "Courrier et e-mail", "Contributions reçues par courrier ou par e-mail"},
    {"reunion-publique", "Réunion publique", "Soirée de restitution et réunions plénières"},
};
enum ChannelIndex { Communaux, Caravane, CafeQuartier, Plateforme, MicroTrottoir, Exposition, Agora, Courrier, Reunion };

// Share of contributions per channel (agora and public meeting collect none directly).
const double kChannelWeights[] = {15, 35, 12, 28, 3, 4, 0, 3, 0};

struct PointSeed;

// One id stream per seed: deterministic UUIDs and instants make two runs byte-identical.
class Generator {
public:
    Generator(Database& db, const DemoOptions& options, Progress& progress)
        : m_db(db), m_options(options), m_progress(progress), m_random(options.seed)
    {
    }

    std::string Run()
    {
        m_progress.Begin("Référentiels", 0);
        CreateReferenceData();
        CreateConsultation();
        CreateProgramme();
        CreateMeetings();
        CreateContributions();
        CreateSynthesis();
        return m_consultation.id;
    }

private:
    template <class T> T Stamp(T item, Timestamp when)
    {
        item.id = m_random.Uuid();
        item.version = 1;
        item.createdAt = item.updatedAt = when;
        item.createdBy = item.updatedBy = "demo";
        return item;
    }
    template <class T> T Save(T item, Timestamp when) { return Repository<T>(m_db).Create(Stamp(item, when)); }

    void CreateReferenceData()
    {
        const Timestamp when = Timestamp::At({2023, 4, 3}, 9);
        NeighbourhoodRepository neighbourhoods(m_db);
        const auto& names = demo::Neighbourhoods();
        std::vector<std::pair<std::string, std::string>> all;
        const char* const codes[] = {"centre", "port", "petit-ivry", "monmousseau", "bertrand", "parmentier"};
        for (std::size_t i = 0; i < names.size(); ++i)
            all.emplace_back(codes[i], names[i]);
        all.emplace_back("hors-ivry", "Hors Ivry");
        all.emplace_back("non-renseigne", "Non renseigné");
        for (std::size_t i = 0; i < all.size(); ++i) {
            auto found = neighbourhoods.FindBy("code", all[i].first);
            if (!found) {
                Neighbourhood n;
                n.code = all[i].first;
                n.name = all[i].second;
                n.position = static_cast<int>(i + 1);
                found = Save(n, when);
            } else {
                m_random.Uuid(); // keep the stream aligned whether or not the row existed
            }
            m_neighbourhoods.push_back(found->id);
        }
        ChannelRepository channels(m_db);
        int position = 0;
        for (const auto& seed : kChannels) {
            auto found = channels.FindBy("code", seed.code);
            if (!found) {
                Channel c;
                c.code = seed.code;
                c.name = seed.name;
                c.description = seed.description;
                c.position = ++position;
                found = Save(c, when);
            } else {
                ++position;
                m_random.Uuid();
            }
            m_channels.push_back(found->id);
        }
    }

    void CreateConsultation()
    {
        Consultation c;
        c.title = kDemoConsultationTitle;
        c.description = "Consultation fictive de démonstration : « 3 ans d'action municipale, parlons-en ! ». "
                        "Bilan collectif des trois premières années du mandat, de mai 2023 à la soirée de "
                        "restitution du 1er décembre 2023, puis livrable début 2024.";
        c.startsOn = Date{2023, 5, 2};
        c.endsOn = Date{2024, 1, 31};
        m_consultation = Save(c, Timestamp::At({2023, 4, 3}, 9));
    }

    void CreateProgramme()
    {
        const Timestamp when = Timestamp::At({2023, 4, 4}, 10);
        const auto& themes = demo::Themes();
        for (std::size_t i = 0; i < themes.size(); ++i) {
            Theme t;
            t.consultationId = m_consultation.id;
            t.code = themes[i].code;
            t.title = themes[i].title;
            t.description = themes[i].description;
            t.position = static_cast<int>(i + 1);
            m_themes.push_back(Save(t, when));
            Card card;
            card.consultationId = m_consultation.id;
            card.themeId = m_themes.back().id;
            card.code = "CARTE-" + t.code;
            card.title = "Carte « " + t.title + " »";
            m_cards.push_back(Save(card, when).id);
        }
        std::vector<Commitment> commitments;
        std::vector<StatusChange> history;
        const auto& seeds = demo::Commitments();
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            Commitment c;
            c.consultationId = m_consultation.id;
            c.themeId = m_themes[seeds[i].theme].id;
            c.ref = seeds[i].ref;
            c.title = seeds[i].title;
            c.description = seeds[i].description;
            c.position = static_cast<int>(i + 1);
            // Every commitment starts "to do" at the start of the mandate, then moves on.
            const std::size_t fate = m_random.Weighted({34, 40, 21, 5});
            c.status = static_cast<CommitmentStatus>(fate);
            c = Stamp(c, when);
            StatusChange first;
            first.commitmentId = c.id;
            first.status = CommitmentStatus::Planned;
            first.effectiveOn = Date{2020, 7, 4};
            first.comment = "Inscrit au programme municipal";
            history.push_back(Stamp(first, Timestamp::At(first.effectiveOn, 12)));
            if (c.status == CommitmentStatus::Done && m_random.Chance(0.6)) {
                StatusChange step;
                step.commitmentId = c.id;
                step.status = CommitmentStatus::InProgress;
                step.effectiveOn = Date::FromDaysSinceEpoch(Date{2021, 1, 15}.DaysSinceEpoch() + m_random.Below(400));
                step.comment = "Travaux ou étude engagés";
                history.push_back(Stamp(step, Timestamp::At(step.effectiveOn, 12)));
            }
            if (c.status != CommitmentStatus::Planned) {
                StatusChange last;
                last.commitmentId = c.id;
                last.status = c.status;
                last.effectiveOn = Date::FromDaysSinceEpoch(Date{2022, 6, 1}.DaysSinceEpoch() + m_random.Below(450));
                last.comment = c.status == CommitmentStatus::Done         ? "Réalisé"
                               : c.status == CommitmentStatus::InProgress ? "Mise en œuvre en cours"
                                                                          : "Abandonné faute de financement";
                history.push_back(Stamp(last, Timestamp::At(last.effectiveOn, 12)));
            }
            commitments.push_back(c);
        }
        BulkInsert(m_db, commitments);
        BulkInsert(m_db, history);
        m_commitments = std::move(commitments);
        for (std::size_t i = 0; i < m_commitments.size(); ++i)
            m_commitmentsByTheme[seeds[i].theme].push_back(i);
        LabelRepository labels(m_db);
        for (const auto& name : demo::EmergingLabels()) {
            Label l;
            l.consultationId = m_consultation.id;
            l.name = name;
            m_labels[name] = Save(l, when).id;
        }
    }

    Meeting NewMeeting(ChannelIndex channel, const std::string& ref, const std::string& title, Timestamp start,
                       int hours, const std::string& place, const std::string& placeKind, std::size_t neighbourhood,
                       int attendance)
    {
        Meeting m;
        m.consultationId = m_consultation.id;
        m.channelId = m_channels[channel];
        m.ref = ref;
        m.title = title;
        m.startsAt = start;
        m.endsAt = Timestamp{start.seconds + hours * 3600};
        m.place = place;
        m.placeKind = placeKind;
        m.neighbourhoodId = m_neighbourhoods[neighbourhood];
        m.attendance = attendance;
        m.facilitators = "Service démocratie locale";
        return Stamp(m, Timestamp{start.seconds - 14 * 86400});
    }

    void CreateMeetings()
    {
        static const char* const kSites[] = {"Hôtel de ville", "Centre technique municipal", "Médiathèque",
                                             "Centre municipal de santé", "Direction de l'enfance",
                                             "Espace Robespierre", "Cuisine centrale", "Services techniques"};
        std::vector<Meeting> meetings;
        for (int i = 0; i < 8; ++i) {
            const Date day = Date::FromDaysSinceEpoch(Date{2023, 5, 9}.DaysSinceEpoch() + i * 10 + m_random.Below(4));
            meetings.push_back(NewMeeting(Communaux, "CC-" + std::to_string(i + 1),
                                          std::string("Café des communaux — ") + kSites[i], Timestamp::At(day, 8, 30),
                                          2, kSites[i], "site municipal", m_random.Below(6),
                                          static_cast<int>(m_random.Between(120, 200))));
        }
        const auto& stops = demo::CaravaneStops();
        std::int64_t day = Date{2023, 9, 23}.DaysSinceEpoch();
        for (std::size_t i = 0; i < stops.size(); ++i) {
            meetings.push_back(NewMeeting(Caravane, "CAR-" + std::to_string(i + 1),
                                          "Caravane citoyenne — " + stops[i].place,
                                          Timestamp::At(Date::FromDaysSinceEpoch(day), i % 2 ? 16 : 9, 30), 3,
                                          stops[i].place, stops[i].placeKind, stops[i].neighbourhood,
                                          static_cast<int>(m_random.Between(80, 420))));
            day += 2 + m_random.Below(2);
        }
        const auto& names = demo::Neighbourhoods();
        for (std::size_t i = 0; i < names.size(); ++i) {
            const Date date = Date::FromDaysSinceEpoch(Date{2023, 10, 9}.DaysSinceEpoch() + i * 5);
            meetings.push_back(NewMeeting(CafeQuartier, "CQ-" + std::to_string(i + 1), "Café de quartier — " + names[i],
                                          Timestamp::At(date, 18, 30), 2,
                                          "Maison municipale de quartier " + names[i], "maison de quartier", i,
                                          static_cast<int>(m_random.Between(35, 90))));
        }
        meetings.push_back(NewMeeting(Exposition, "EXPO", "Exposition participative « 3 ans d'action municipale »",
                                      Timestamp::At({2023, 9, 28}, 18), 3, "Espace Gérard-Philippe", "équipement culturel",
                                      0, 240));
        static const char* const kAgoras[] = {"Solidarités", "Vivre ensemble", "Densification et urbanisme",
                                              "Action climatique"};
        for (int i = 0; i < 4; ++i) {
            Meeting agora = NewMeeting(Agora, "AGORA-" + std::to_string(i + 1), std::string("Agora — ") + kAgoras[i],
                                       Timestamp::At(Date{2023, 11, 8 + i * 6}, 18, 30), 3, "Salle Saint-Just",
                                       "salle municipale", i % 6, static_cast<int>(m_random.Between(45, 110)));
            agora.kind = MeetingKind::Agora;
            meetings.push_back(agora);
        }
        Meeting restitution = NewMeeting(Reunion, "RESTITUTION", "Soirée de restitution",
                                         Timestamp::At({2023, 12, 1}, 19), 3, "Hôtel de ville — salle des fêtes",
                                         "salle municipale", 0, 380);
        restitution.kind = MeetingKind::Restitution;
        meetings.push_back(restitution);
        BulkInsert(m_db, meetings);
        m_meetings = std::move(meetings);
        for (std::size_t i = 0; i < m_meetings.size(); ++i)
            m_meetingsByChannel[m_meetings[i].channelId].push_back(i);
    }

    // Stances lean on the commitment's status: what is done draws thanks, what is not, demands.
    Stance DrawStance(CommitmentStatus status)
    {
        static const std::vector<double> kWeights[] = {
            {45, 20, 12, 8, 15}, // done
            {22, 28, 20, 16, 14}, // in progress
            {8, 22, 38, 22, 10},  // planned
            {5, 55, 20, 15, 5},   // dropped
        };
        return static_cast<Stance>(m_random.Weighted(kWeights[static_cast<int>(status)]));
    }

    void CreateContributions();
    void CreateSynthesis();
    std::optional<std::size_t> CommitmentIndex(const std::string& ref) const;
    std::vector<std::string> PointEvidence(const PointSeed& seed);
    void CreatePoint(const PointSeed& seed);
    Commitment CreateBornCommitment(const PointSeed& seed);

    Database& m_db;
    DemoOptions m_options;
    Progress& m_progress;
    Random m_random;
    Consultation m_consultation;
    std::vector<std::string> m_neighbourhoods, m_channels, m_cards;
    std::vector<Theme> m_themes;
    std::vector<Commitment> m_commitments;
    std::map<std::size_t, std::vector<std::size_t>> m_commitmentsByTheme;
    std::map<std::string, std::string> m_labels;
    std::vector<Meeting> m_meetings;
    std::map<std::string, std::vector<std::size_t>> m_meetingsByChannel;
    // Evidence kept for the synthesis: a few contributions per commitment and per label, the
    // ones flagged as quotes apart.
    std::map<std::size_t, std::vector<std::string>> m_evidenceByCommitment, m_quotesByCommitment;
    std::map<std::string, std::vector<std::string>> m_evidenceByLabel, m_quotesByLabel;
    std::vector<std::string> m_topicIds;
    int m_bornCount = 0;
};

void Generator::CreateContributions()
{
    const std::uint64_t total = m_options.contributions;
    m_progress.Begin("Contributions", total);
    const auto& seeds = demo::Commitments();
    const auto& profiles = demo::Profiles();
    const std::vector<double> channelWeights(std::begin(kChannelWeights), std::end(kChannelWeights));
    std::vector<Contribution> batch;
    std::vector<Tag> tags;
    std::vector<ContributionLabel> links;
    std::vector<ContactDetails> contacts;
    std::map<std::size_t, int> slipNumbers;
    const std::size_t batchSize = 5000;
    auto flush = [&] {
        BulkInsert(m_db, batch);
        BulkInsert(m_db, tags);
        BulkInsert(m_db, links);
        BulkInsert(m_db, contacts);
        batch.clear();
        tags.clear();
        links.clear();
        contacts.clear();
    };
    for (std::uint64_t n = 0; n < total; ++n) {
        const auto channel = static_cast<ChannelIndex>(m_random.Weighted(channelWeights));
        Contribution c;
        c.consultationId = m_consultation.id;
        c.channelId = m_channels[channel];
        // When and where: at a meeting of the channel, or over the channel's open window.
        const auto meetings = m_meetingsByChannel.find(c.channelId);
        if (meetings != m_meetingsByChannel.end() && channel != Exposition) {
            const std::size_t index = meetings->second[m_random.Below(meetings->second.size())];
            const Meeting& meeting = m_meetings[index];
            c.meetingId = meeting.id;
            c.neighbourhoodId = m_random.Chance(0.9) ? meeting.neighbourhoodId : m_neighbourhoods[m_random.Below(6)];
            c.receivedAt = Timestamp{meeting.startsAt.seconds + static_cast<std::int64_t>(m_random.Below(3 * 3600))};
            c.sourceRef = meeting.ref + "-" + std::to_string(++slipNumbers[index]);
        } else {
            const Date start = channel == Plateforme ? Date{2023, 9, 20} : Date{2023, 9, 28};
            const std::int64_t span = channel == Plateforme ? 56 : 60;
            c.receivedAt = Timestamp::At(Date::FromDaysSinceEpoch(start.DaysSinceEpoch() + m_random.Below(span)),
                                         static_cast<int>(m_random.Between(7, 22)), static_cast<int>(m_random.Below(60)));
            const double where = m_random.Unit();
            c.neighbourhoodId = where < 0.85 ? m_neighbourhoods[m_random.Below(6)]
                                : where < 0.9 ? m_neighbourhoods[6]
                                              : m_neighbourhoods[7];
            if (channel == Plateforme)
                c.sourceRef = "IM-" + std::to_string(100000 + n);
            else if (channel == Exposition)
                c.sourceRef = "EXPO-" + std::to_string(++slipNumbers[1000]);
            else
                c.sourceRef = std::string(kChannels[channel].code) + "-" + std::to_string(++slipNumbers[2000 + channel]);
        }
        c.profile = channel == Communaux ? "agent·e" : profiles[m_random.Below(profiles.size())];
        c.ageBracket = m_random.Chance(0.7) ? demo::AgeBrackets()[m_random.Below(demo::AgeBrackets().size())] : "";
        const bool offProgramme = m_random.Chance(0.08);
        std::size_t commitment = 0;
        Stance stance = Stance::Observation;
        std::string label;
        demo::GeneratedText text;
        if (offProgramme) {
            text = demo::WriteOffProgramme(m_random, label);
        } else {
            commitment = m_random.Below(seeds.size());
            stance = DrawStance(m_commitments[commitment].status);
            text = demo::WriteContribution(m_random, seeds[commitment], static_cast<demo::DemoStance>(stance),
                                           c.profile, channel == Plateforme);
            if (channel == Caravane && m_random.Chance(0.7))
                c.cardId = m_cards[seeds[commitment].theme];
        }
        c.title = std::move(text.title);
        c.body = std::move(text.body);
        c = Stamp(c, c.receivedAt);
        // Coding: most contributions already tagged by one of the team's coders.
        const double progress = m_random.Unit();
        if (progress < 0.03) {
            c.state = ContributionState::Excluded;
            c.exclusionReason = "hors sujet";
        } else if (progress < 0.08) {
            c.state = ContributionState::ToReview;
        } else if (progress < 0.68) {
            c.state = ContributionState::Tagged;
            const Timestamp taggedAt{c.receivedAt.seconds + 86400 * static_cast<std::int64_t>(1 + m_random.Below(30))};
            const char* coder = kCoders[m_random.Below(4)];
            Tag tag;
            tag.contributionId = c.id;
            tag.stance = stance;
            tag.coder = coder;
            tag.taggedAt = taggedAt;
            if (offProgramme) {
                tag.themeId = m_themes[m_random.Below(m_themes.size())].id;
            } else {
                tag.commitmentId = m_commitments[commitment].id;
            }
            tags.push_back(Stamp(tag, taggedAt));
            if (!offProgramme && m_random.Chance(0.15)) {
                const auto& siblings = m_commitmentsByTheme[seeds[commitment].theme];
                const std::size_t other = siblings[m_random.Below(siblings.size())];
                if (other != commitment) {
                    Tag second = tag;
                    second.commitmentId = m_commitments[other].id;
                    second.stance = DrawStance(m_commitments[other].status);
                    tags.push_back(Stamp(second, taggedAt));
                }
            }
            c.isQuote = c.body.size() > 120 && m_random.Chance(0.12);
            // Evidence for the reorientation points: the flagged quotes, then a few others.
            if (!offProgramme) {
                auto& evidence = (c.isQuote ? m_quotesByCommitment : m_evidenceByCommitment)[commitment];
                if (evidence.size() < 6)
                    evidence.push_back(c.id);
            }
        }
        if (offProgramme && c.state != ContributionState::Excluded) {
            ContributionLabel link;
            link.contributionId = c.id;
            link.labelId = m_labels[label];
            links.push_back(Stamp(link, c.receivedAt));
            auto& evidence = (c.isQuote ? m_quotesByLabel : m_evidenceByLabel)[label];
            if (evidence.size() < 6)
                evidence.push_back(c.id);
        }
        if (channel == Plateforme && m_random.Chance(0.03)) {
            static const char* const kFirst[] = {"Nadia", "Karim", "Élodie", "Mamadou", "Lucie", "Thomas", "Fatou"};
            static const char* const kLast[] = {"Fictif", "Exemple", "Démo", "Essai"};
            ContactDetails contact;
            contact.contributionId = c.id;
            const std::string first = kFirst[m_random.Below(7)], last = kLast[m_random.Below(4)];
            contact.name = first + " " + last;
            contact.email = "contributeur" + std::to_string(n) + "@example.org";
            contact.consentToRecontact = m_random.Chance(0.6);
            contact.purgeOn = Date{2024, 12, 31};
            contacts.push_back(Stamp(contact, c.receivedAt));
        }
        batch.push_back(std::move(c));
        if (batch.size() == batchSize) {
            flush();
            m_progress.Advance(n + 1);
            if (m_progress.IsCancelled())
                throw CancelledError();
        }
    }
    flush();
    m_progress.Advance(total);
}

// Salient topics: labels and commitments that belong together, and the agora that worked on each.
struct TopicSeed {
    const char* title;
    const char* description;
    std::vector<const char*> labels, commitments; // label names, commitment refs
    int agora;                                     // index of the agora that worked on it, or -1
    const char* outcome;
};
const TopicSeed kTopics[] = {
    {"Solidarités et accès aux droits",
     "Aide alimentaire, démarches en ligne, isolement des aîné·es.",
     {"coût de la vie", "accès aux services numériques"},
     {"SOL-03", "SOL-04", "SOL-06"},
     0,
     "Trois priorités : une aide alimentaire plus proche des familles, un accompagnement aux démarches en ligne "
     "dans chaque maison de quartier, des visites régulières aux aîné·es isolé·es."},
    {"Vivre ensemble dans l'espace public",
     "Propreté, dépôts sauvages, bruit : le partage de l'espace public.",
     {"propreté des rues", "dépôts sauvages", "nuisances sonores", "déjections canines"},
     {"MOB-09", "MOB-10", "LOG-14"},
     1,
     "La propreté passe avant tout : les participant·es demandent un plan par quartier, construit avec les "
     "habitant·es, et des collectes d'encombrants plus fréquentes."},
    {"Densification et qualité de la ville",
     "Rythme des constructions, loyers, équipements qui suivent.",
     {"prix des loyers", "stationnement gênant"},
     {"LOG-11", "LOG-12", "LOG-02"},
     2,
     "Inquiétude sur le rythme des constructions : ralentir les programmes neufs tant que les écoles, les crèches "
     "et les espaces verts ne suivent pas."},
    {"Adaptation au changement climatique",
     "Îlots de fraîcheur, arbres, logements trop chauds l'été.",
     {"chaleur dans les logements"},
     {"ECO-11", "ECO-02", "ECO-01", "LOG-07"},
     3,
     "Ouvrir des îlots de fraîcheur accessibles à tous l'été, planter d'abord dans les rues les plus minérales, "
     "isoler en priorité les logements sociaux les plus exposés."},
    {"Jeunesse et vie de quartier",
     "Lieux pour les jeunes, rodéos et deux-roues, activités.",
     {"rodéos urbains", "trottinettes et deux-roues"},
     {"EDU-08", "EDU-12"},
     -1,
     ""},
};

// Reorientation points decided at the restitution evening.
struct PointSeed {
    const char* title;
    const char* rationale;
    Decision decision;
    const char* owner;
    std::size_t topic;
    std::vector<std::pair<const char*, ChangeKind>> commitments; // ref ("" : a new commitment), change
    const char* followUp;
    const char* lastNote; // the second dated note of an adopted point
};
const PointSeed kPoints[] = {
    {"Renforcer l'aide alimentaire de proximité",
     "Les cafés de quartier et l'agora Solidarités ont fait remonter des besoins croissants, surtout chez les "
     "familles monoparentales.",
     Decision::Adopted, "Adjointe aux solidarités", 0, {{"SOL-03", ChangeKind::Amended}},
     "Deux points de distribution supplémentaires en 2024",
     "Convention signée avec une association pour un second point de distribution à Ivry-Port."},
    {"Un plan propreté par quartier, co-construit avec les habitant·es",
     "La propreté est le premier sujet hors programme, cité dans tous les quartiers et en tête de l'agora "
     "Vivre ensemble.",
     Decision::Adopted, "Direction de l'espace public", 1,
     {{"", ChangeKind::New}, {"MOB-09", ChangeKind::Amended}},
     "Diagnostics en marchant lancés dans trois quartiers",
     "Premier diagnostic en marchant au Petit-Ivry : vingt-trois points noirs relevés avec les habitant·es."},
    {"Créer dix îlots de fraîcheur d'ici 2026",
     "Les épisodes de chaleur de l'été 2023 ont marqué les esprits ; l'agora Action climatique en a fait sa "
     "première demande.",
     Decision::Adopted, "Adjointe à la transition écologique", 3,
     {{"", ChangeKind::New}, {"ECO-11", ChangeKind::Amended}},
     "Trois premiers sites retenus pour l'été 2024",
     "Trois cours d'école ouvertes comme îlots de fraîcheur en juillet et août 2024."},
    {"Ralentir le rythme des constructions neuves",
     "L'agora Densification a exprimé une inquiétude forte sur les équipements et les espaces verts.",
     Decision::Deferred, "Adjoint à l'urbanisme", 2, {{"LOG-11", ChangeKind::Amended}}, "", ""},
    {"Renoncer aux bornes de recharge électrique au profit du vélo",
     "Une partie des contributions juge les bornes peu utiles à la majorité des habitant·es, qui n'ont pas de "
     "voiture.",
     Decision::Rejected, "Adjoint aux mobilités", 3, {{"MOB-11", ChangeKind::Dropped}}, "", ""},
    {"Ouvrir un lieu dédié aux 15-25 ans dans chaque quartier",
     "Les jeunes rencontré·es par la caravane demandent des lieux à eux, ouverts le soir.", Decision::Proposed,
     "Direction de la jeunesse", 4, {{"EDU-08", ChangeKind::Amended}}, "", ""},
};

void Generator::CreateSynthesis()
{
    m_progress.Begin("Synthèse", 0);
    std::vector<std::size_t> agoras;
    for (std::size_t i = 0; i < m_meetings.size(); ++i)
        if (m_meetings[i].kind == MeetingKind::Agora)
            agoras.push_back(i);
    const Timestamp when = Timestamp::At({2023, 10, 30}, 14);
    for (const auto& seed : kTopics) {
        Topic topic;
        topic.consultationId = m_consultation.id;
        topic.title = seed.title;
        topic.description = seed.description;
        topic = Save(topic, when);
        m_topicIds.push_back(topic.id);
        auto link = [&](TopicLink l) {
            l.topicId = topic.id;
            Save(l, when);
        };
        for (const char* label : seed.labels) {
            TopicLink l;
            l.labelId = m_labels.at(label);
            link(l);
        }
        for (const char* ref : seed.commitments)
            if (const auto index = CommitmentIndex(ref)) {
                TopicLink l;
                l.commitmentId = m_commitments[*index].id;
                link(l);
            }
        if (seed.agora >= 0 && static_cast<std::size_t>(seed.agora) < agoras.size()) {
            TopicLink l;
            l.meetingId = m_meetings[agoras[seed.agora]].id;
            l.outcome = seed.outcome;
            link(l);
        }
    }
    for (const auto& seed : kPoints)
        CreatePoint(seed);
}

std::optional<std::size_t> Generator::CommitmentIndex(const std::string& ref) const
{
    for (std::size_t i = 0; i < m_commitments.size(); ++i)
        if (m_commitments[i].ref == ref)
            return i;
    return std::nullopt;
}

// The contributions a point cites: quotes about its commitments and topic first, then others.
std::vector<std::string> Generator::PointEvidence(const PointSeed& seed)
{
    std::vector<std::string> quotes, others;
    auto add = [](std::vector<std::string>& into, const std::vector<std::string>& from, std::size_t most) {
        for (std::size_t k = 0, taken = 0; k < from.size() && taken < most; ++k)
            if (std::find(into.begin(), into.end(), from[k]) == into.end()) {
                into.push_back(from[k]);
                ++taken;
            }
    };
    for (const auto& [ref, change] : seed.commitments)
        if (const auto index = CommitmentIndex(ref)) {
            add(quotes, m_quotesByCommitment[*index], 2);
            add(others, m_evidenceByCommitment[*index], 2);
        }
    for (const char* label : kTopics[seed.topic].labels) {
        add(quotes, m_quotesByLabel[label], 1);
        add(others, m_evidenceByLabel[label], 1);
    }
    // An adopted point with no quote flagged on its own subjects cites those of its topic's commitments.
    if (quotes.empty() && seed.decision == Decision::Adopted)
        for (const char* ref : kTopics[seed.topic].commitments)
            if (const auto index = CommitmentIndex(ref))
                add(quotes, m_quotesByCommitment[*index], 1);
    quotes.resize(std::min<std::size_t>(quotes.size(), 3));
    add(quotes, others, 5 - quotes.size());
    return quotes;
}

void Generator::CreatePoint(const PointSeed& seed)
{
    const Meeting& restitution = m_meetings.back();
    Reorientation point;
    point.consultationId = m_consultation.id;
    point.title = seed.title;
    point.rationale = seed.rationale;
    point.decision = seed.decision;
    point.meetingId = restitution.id;
    point.owner = seed.owner;
    point.followUp = seed.followUp;
    point = Save(point, restitution.startsAt);
    auto link = [&](ReorientationLink l) {
        l.reorientationId = point.id;
        Save(l, restitution.startsAt);
    };
    for (const auto& [ref, change] : seed.commitments) {
        ReorientationLink l;
        l.change = change;
        if (*ref)
            l.commitmentId = m_commitments[CommitmentIndex(ref).value()].id;
        else
            l.commitmentId = CreateBornCommitment(seed).id;
        link(l);
    }
    ReorientationLink toTopic;
    toTopic.topicId = m_topicIds[seed.topic];
    link(toTopic);
    for (const auto& contribution : PointEvidence(seed)) {
        ReorientationLink proof;
        proof.contributionId = contribution;
        link(proof);
    }
    if (seed.decision != Decision::Adopted)
        return;
    const std::pair<Date, std::string> notes[] = {
        {Date{2024, 1, 16}, "Présenté en bureau municipal ; calendrier de mise en œuvre en préparation."},
        {Date{2024, 3, 12}, seed.lastNote}};
    for (const auto& [on, body] : notes) {
        ReorientationNote note;
        note.reorientationId = point.id;
        note.notedOn = on;
        note.body = body;
        Save(note, Timestamp::At(on, 11));
    }
}

// A commitment born at the restitution: "to do" from that evening, under way since March 2024.
Commitment Generator::CreateBornCommitment(const PointSeed& seed)
{
    const Meeting& restitution = m_meetings.back();
    // In the theme of the topic's first commitment.
    const std::size_t sibling = CommitmentIndex(kTopics[seed.topic].commitments.front()).value();
    Commitment born;
    born.consultationId = m_consultation.id;
    born.themeId = m_commitments[sibling].themeId;
    born.ref = "NOUV-" + std::to_string(++m_bornCount);
    born.title = seed.title;
    born.description = std::string("Engagement né de la soirée de restitution : ") + seed.rationale;
    born.status = CommitmentStatus::InProgress;
    born.origin = "restitution";
    born.position = static_cast<int>(m_commitments.size()) + m_bornCount;
    born = Save(born, restitution.startsAt);
    StatusChange first;
    first.commitmentId = born.id;
    first.status = CommitmentStatus::Planned;
    first.effectiveOn = restitution.startsAt.Day();
    first.comment = std::string("Né du point de réorientation « ") + seed.title + " »";
    Save(first, restitution.startsAt);
    StatusChange started;
    started.commitmentId = born.id;
    started.status = CommitmentStatus::InProgress;
    started.effectiveOn = Date{2024, 3, 4};
    started.comment = seed.followUp;
    Save(started, Timestamp::At(started.effectiveOn, 12));
    return born;
}

} // namespace

std::string GenerateDemo(Database& db, const DemoOptions& options, Progress& progress)
{
    std::string id;
    db.InTransaction([&] {
        ConsultationRepository consultations(db);
        if (consultations.FindBy("title", kDemoConsultationTitle))
            throw ValidationError(std::string("Cette base contient déjà la consultation de démonstration « ") +
                                  kDemoConsultationTitle + " ».");
        Generator generator(db, options, progress);
        id = generator.Run();
    });
    // Fresh statistics, so that the planner knows the new rows' shape from the first query.
    db.Guarded([&] { db.Session() << "ANALYZE"; });
    return id;
}

} // namespace concerto
