#pragma once
// The hand-made documents the PDF writer's tests and benchmark render: the blocks a real
// deliverable has, with French text that exercises the typography.

#include "reports/document.h"

namespace concerto::test {

using namespace concerto::report;

/// A paragraph of `spans`.
inline Paragraph Para(std::initializer_list<Span> spans, Paragraph::Kind kind = Paragraph::Kind::Body)
{
    Paragraph p;
    p.kind = kind;
    p.spans = spans;
    return p;
}
/// A report with one of every block: a cover, the contents, chapters and sections, text with
/// emphasis and lists, each kind of chart, a cross-table, quotes, a listing of `tableRows` rows
/// in groups with subtotals (long enough to break across pages), and a commitment booklet.
inline Document SampleDocument(int tableRows = 300)
{
    Document doc;
    doc.info.title = "Bilan de la concertation 2024";
    doc.info.author = "Ville de Saint-Aubin";
    doc.info.subject = "Livrable de la concertation citoyenne";
    doc.info.keywords = "concertation, engagements, quartiers";
    doc.info.generatedAt = Timestamp::At({2024, 3, 14}, 9, 30);
    CoverBlock cover;
    cover.title = "Bilan de la concertation citoyenne 2024";
    cover.subtitle = "Ce que les habitants ont dit : engagements, propositions et suites données";
    cover.organisation = "Ville de Saint-Aubin — Direction de la participation";
    cover.dateText = "Mars 2024";
    doc.blocks.push_back(cover);
    doc.blocks.push_back(ContentsBlock{});
    doc.blocks.push_back(HeadingBlock{1, "Contexte et méthode"});
    TextBlock intro;
    intro.paragraphs.push_back(Para({{"La ville a ouvert, de septembre à décembre 2023, une concertation sur "},
                                     {"douze engagements", true},
                                     {" du programme municipal. Pourquoi ? Pour vérifier avec les habitants que les "
                                      "priorités restent les bonnes ; et pour recueillir leurs propositions : "},
                                     {"« ce qui compte vraiment pour le quartier »", false, true},
                                     {"."}}));
    intro.paragraphs.push_back(
        Para({{"Chaque contribution a été lue, codée par thème et par position (soutien, réserve, proposition), puis "
               "rattachée à un engagement. Les chiffres qui suivent comptent des contributions, pas des personnes : "
               "une même personne a pu s'exprimer plusieurs fois, sur la plateforme comme en réunion. Les citations "
               "sont anonymes ; elles ont été choisies pour représenter la diversité des avis exprimés, y compris les "
               "plus critiques."}}));
    intro.paragraphs.push_back(Para({{"Réunions publiques dans les huit quartiers ;"}}, Paragraph::Kind::Bullet));
    intro.paragraphs.push_back(
        Para({{"Plateforme en ligne ouverte "}, {"quatorze semaines", true}, {" ;"}}, Paragraph::Kind::Bullet));
    intro.paragraphs.push_back(Para({{"Cafés de quartier et permanences sur les marchés."}}, Paragraph::Kind::Bullet));
    intro.paragraphs.push_back(Para({{"Lecture et codage des contributions"}}, Paragraph::Kind::Numbered));
    intro.paragraphs.push_back(Para({{"Restitution publique le 12 décembre"}}, Paragraph::Kind::Numbered));
    intro.paragraphs.push_back(Para({{"Publication du présent bilan"}}, Paragraph::Kind::Numbered));
    doc.blocks.push_back(intro);
    doc.blocks.push_back(HeadingBlock{2, "Le dispositif en chiffres"});
    ChartBlock bar;
    bar.title = "Contributions par canal";
    bar.kind = ChartKind::Bar;
    bar.categories = {"Plateforme en ligne", "Réunions publiques", "Cafés de quartier", "Courriers et courriels",
                      "Permanences"};
    bar.series = {{"Contributions", {1480, 912, 604, 311, 193}}};
    bar.valueTitle = "Nombre de contributions";
    doc.blocks.push_back(bar);
    ChartBlock pie;
    pie.title = "Répartition des positions";
    pie.kind = ChartKind::Pie;
    pie.categories = {"Soutien", "Réserve", "Opposition", "Proposition", "Question"};
    pie.series = {{"Contributions", {1210, 640, 305, 1102, 243}}};
    doc.blocks.push_back(pie);
    doc.blocks.push_back(HeadingBlock{2, "Par quartier"});
    ChartBlock stacked;
    stacked.title = "Positions par quartier";
    stacked.kind = ChartKind::StackedBar;
    stacked.categories = {"Centre-ville", "Bellevue", "Le Port", "Les Coteaux", "Gare"};
    stacked.series = {{"Soutien", {220, 180, 150, 240, 120}},
                      {"Réserve", {90, 110, 60, 80, 70}},
                      {"Opposition", {40, 60, 20, 30, 35}},
                      {"Proposition", {200, 150, 120, 210, 90}}};
    doc.blocks.push_back(stacked);
    ChartBlock vbar;
    vbar.title = "Participants par réunion";
    vbar.kind = ChartKind::Bar;
    vbar.horizontal = false;
    vbar.categories = {"Centre", "Bellevue", "Port", "Coteaux", "Gare", "Plateau"};
    vbar.series = {{"2023", {85, 64, 42, 77, 51, 38}}, {"2022", {70, 50, 45, 60, 40, 30}}};
    vbar.valueTitle = "Participants";
    doc.blocks.push_back(vbar);
    ChartBlock progress;
    progress.title = "Avancement des engagements par thème";
    progress.kind = ChartKind::StackedBar;
    progress.horizontal = false;
    progress.categories = {"Cadre de vie", "Mobilités", "Écoles", "Solidarités", "Culture"};
    progress.series = {{"Fait", {6, 3, 5, 2, 4}}, {"En cours", {4, 5, 2, 3, 1}}, {"Reste à faire", {2, 3, 1, 4, 2}}};
    doc.blocks.push_back(progress);
    TableBlock cross;
    cross.title = "Positions par engagement et par quartier";
    cross.crossTable = true;
    cross.columns = {{"Engagement", ValueType::Text},     {"Centre-ville", ValueType::Integer},
                     {"Bellevue", ValueType::Integer},    {"Le Port", ValueType::Integer},
                     {"Les Coteaux", ValueType::Integer}, {"Total", ValueType::Integer}};
    const char* engagements[] = {"Végétaliser les cours d'école", "Pistes cyclables continues",
                                 "Maison des associations", "Tarification sociale de la cantine",
                                 "Éclairage public économe"};
    long totals[6] = {0};
    for (int i = 0; i < 5; ++i) {
        Row r;
        r.cells.push_back(Value::Of(engagements[i]));
        long sum = 0;
        for (int q = 0; q < 4; ++q) {
            long v = 20 + (i * 37 + q * 53) % 140;
            sum += v;
            totals[q] += v;
            r.cells.push_back(Value::Integer(v));
        }
        totals[4] += sum;
        r.cells.push_back(Value::Integer(sum));
        cross.rows.push_back(r);
    }
    Row t;
    t.kind = RowKind::Total;
    t.cells.push_back(Value::Of("Total"));
    for (int q = 0; q < 5; ++q)
        t.cells.push_back(Value::Integer(totals[q]));
    cross.rows.push_back(t);
    cross.note =
        "Source : contributions codées au 31 décembre 2023 ; une contribution peut concerner plusieurs engagements.";
    doc.blocks.push_back(cross);
    doc.blocks.push_back(HeadingBlock{1, "Ce que les habitants ont dit"});
    doc.blocks.push_back(HeadingBlock{2, "Végétaliser les cours d'école"});
    doc.blocks.push_back(TextBlock{{Para(
        {{"Ce thème a suscité "},
         {"412 contributions", true},
         {", majoritairement favorables. Les réserves portent sur l'entretien et le calendrier des travaux."}})}});
    doc.blocks.push_back(QuoteBlock{"Les enfants étouffent l'été dans la cour ; quelques arbres changeraient tout, et "
                                    "pourquoi pas un potager entretenu avec les parents ?",
                                    "Café de quartier, Bellevue — 12 octobre 2023", "proposition"});
    doc.blocks.push_back(QuoteBlock{"Très bonne idée, mais qui arrosera pendant les vacances scolaires ?",
                                    "Plateforme en ligne — 3 novembre 2023", "réserve"});
    doc.blocks.push_back(HeadingBlock{2, "Pistes cyclables continues"});
    doc.blocks.push_back(
        QuoteBlock{"Aujourd'hui la piste s'arrête net au carrefour de la gare : c'est là que l'on a peur.",
                   "Réunion publique, Gare — 20 novembre 2023", ""});
    doc.blocks.push_back(HeadingBlock{1, "Toutes les contributions"});
    TableBlock big;
    big.title = "Contributions reçues";
    big.columns = {{"N°", ValueType::Integer},    {"Reçue le", ValueType::Date}, {"Canal", ValueType::Text},
                   {"Quartier", ValueType::Text}, {"Extrait", ValueType::Text},  {"Part", ValueType::Percent}};
    const char* channels[] = {"Plateforme", "Réunion", "Café de quartier", "Courrier"};
    const char* quarters[] = {"Centre-ville", "Bellevue", "Le Port", "Les Coteaux", "Gare"};
    const char* texts[] = {"Plus d'arbres dans les cours, et des bancs à l'ombre.",
                           "La piste cyclable s'interrompt au carrefour : danger !",
                           "Une salle pour les associations du quartier, ouverte le soir ; avec un vrai accueil.",
                           "Tarifs de cantine : penser aux familles nombreuses.",
                           "Éteindre l'éclairage entre 1 h et 5 h ?"};
    int n = 0;
    for (int g = 0; g < 5 && n < tableRows; ++g) {
        Row gh;
        gh.kind = RowKind::GroupHeader;
        gh.cells.push_back(Value::Of(quarters[g]));
        big.rows.push_back(gh);
        int per = tableRows / 5;
        for (int i = 0; i < per; ++i, ++n) {
            Row r;
            r.cells = {Value::Integer(n + 1),      Value::Day(Date::FromDaysSinceEpoch(19600 + n % 90)),
                       Value::Of(channels[n % 4]), Value::Of(quarters[g]),
                       Value::Of(texts[n % 5]),    Value::Percent((n % 17) / 170.0)};
            big.rows.push_back(r);
        }
        Row st;
        st.kind = RowKind::Subtotal;
        st.cells = {Value::Integer(per),    Value::Blank(), Value::Of("Sous-total"),
                    Value::Of(quarters[g]), Value::Blank(), Value::Percent(0.2)};
        big.rows.push_back(st);
    }
    Row tt;
    tt.kind = RowKind::Total;
    tt.cells = {Value::Integer(n), Value::Blank(), Value::Of("Total"),
                Value::Blank(),    Value::Blank(), Value::Percent(1)};
    big.rows.push_back(tt);
    doc.blocks.push_back(big);
    doc.blocks.push_back(HeadingBlock{1, "Livret des engagements"});
    CommitmentListBlock booklet;
    booklet.title = "Cadre de vie";
    booklet.entries = {
        {"E-01", "Végétaliser les cours d'école",
         "Trois cours par an désimperméabilisées et plantées, avec les parents et les enseignants.", "Fait", "done",
         "Cours Jean-Jaurès et Pasteur livrées en septembre 2023"},
        {"E-02", "Pistes cyclables continues", "Relier les quartiers au centre par un réseau sans coupure.", "En cours",
         "in_progress", "Tronçon gare–centre en travaux"},
        {"E-03", "Maison des associations", "Un lieu partagé, ouvert le soir et le week-end.", "Reste à faire",
         "planned", "né à la restitution"},
        {"E-04", "Éclairage public économe", "Extinction partielle la nuit, concertée quartier par quartier.",
         "Abandonné", "dropped", "Remplacé par un abaissement de l'intensité"}};
    doc.blocks.push_back(booklet);
    return doc;
}

} // namespace concerto::test
