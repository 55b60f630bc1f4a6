#include "reports/datasets.h"

#include "core/text.h"

#include <algorithm>

namespace concerto::report {

namespace {

using T = FieldType;

FieldInfo F(const char* name, const char* label, T type, const char* description, const char* dimension = "")
{
    return {name, label, description, type, dimension};
}

// The fields of a contribution, shared by `contributions` and `tags` (whose rows carry the
// tagged contribution's fields).
std::vector<FieldInfo> ContributionFields(bool withNumber)
{
    std::vector<FieldInfo> fields;
    if (withNumber)
        fields.push_back(F("number", "N°", T::Integer, "Numéro d'ordre de saisie de la contribution."));
    const std::vector<FieldInfo> common = {
        F("received_at", "Reçue le", T::DateTime, "Date et heure de réception de la contribution."),
        F("date", "Date", T::Date, "Jour de réception (filtre de période : date = { from = …, to = … })."),
        F("month", "Mois", T::Text, "Mois de réception, sous la forme AAAA-MM (pour les graphiques dans le temps)."),
        F("channel", "Canal", T::Dimension, "Canal de participation (caravane, plateforme, café de quartier…).",
          "channel"),
        F("meeting", "Rencontre", T::Dimension,
          "Rencontre où la contribution a été recueillie (« Hors rencontre » sinon).", "meeting"),
        F("neighbourhood", "Quartier", T::Dimension,
          "Quartier du contributeur ou de la contributrice (« Non renseigné » sinon).", "neighbourhood"),
        F("card", "Carte", T::Text, "Carte thématique utilisée pour susciter la contribution (caravane)."),
        F("profile", "Profil", T::Text, "Profil déclaré : habitant·e, agent·e, commerçant·e, association, jeune…"),
        F("age_bracket", "Tranche d'âge", T::Text, "Tranche d'âge déclarée (vide si non renseignée)."),
        F("title", "Titre", T::Text, "Titre de la contribution (souvent vide pour le papier)."),
        F("body", "Texte", T::Text,
          "Texte intégral, tel que saisi (non anonymisé : réservez-le aux exports internes)."),
        F("source_ref", "Référence", T::Text,
          "Référence d'origine : identifiant de la plateforme, numéro de fiche papier…"),
        F("state", "État", T::Dimension, "État du traitement : nouvelle, codée, à revoir, exclue.", "state"),
        F("exclusion_reason", "Motif d'exclusion", T::Text, "Pourquoi la contribution a été exclue (hors sujet…)."),
        F("is_quote", "Citation", T::Boolean, "Vrai si la contribution est signalée comme citation possible."),
    };
    fields.insert(fields.end(), common.begin(), common.end());
    return fields;
}

std::vector<DatasetInfo> Build()
{
    std::vector<DatasetInfo> all;
    DatasetInfo contributions{"contributions", "Contributions",
                              "Une ligne par contribution de la consultation (les contributions exclues sont écartées "
                              "sauf avec include_excluded = true).",
                              "Contributions", ContributionFields(true)};
    contributions.fields.push_back(F("themes", "Thèmes", T::Text,
                                     "Thèmes codés (directement ou par leurs engagements), séparés par des virgules."));
    contributions.fields.push_back(
        F("commitments", "Engagements", T::Text,
          "Engagements codés avec leur position, ex. « LOG-01 (soutien), LOG-03 (critique) »."));
    contributions.fields.push_back(F("labels", "Étiquettes", T::Text, "Étiquettes libres (sujets émergents)."));
    contributions.fields.push_back(F("tag_count", "Codages", T::Integer, "Nombre de codages de la contribution."));
    all.push_back(contributions);

    DatasetInfo tags{"tags",
                     "Codages",
                     "Une ligne par codage : une contribution × un engagement (ou un thème seul) × une position. "
                     "Une contribution codée deux fois compte deux lignes : comptez les contributions avec "
                     "measure = \"contributions\".",
                     "Codages",
                     {F("contribution", "N° contribution", T::Integer, "Numéro de la contribution codée."),
                      F("commitment", "Engagement", T::Dimension,
                        "Engagement codé, « RÉF — titre » (« Thème seul » pour un codage sur un thème).", "commitment"),
                      F("commitment_ref", "Réf. engagement", T::Text, "Référence de l'engagement (ex. LOG-01)."),
                      F("theme", "Thème", T::Dimension, "Thème de l'engagement, ou thème codé directement.", "theme"),
                      F("stance", "Position", T::Dimension,
                        "Position : soutien, critique, proposition, question, constat.", "stance"),
                      F("coder", "Codeur·se", T::Text, "Identifiant de la personne qui a codé."),
                      F("tagged_at", "Codé le", T::DateTime, "Date et heure du codage.")}};
    for (auto& field : ContributionFields(false))
        tags.fields.push_back(field);
    all.push_back(tags);

    all.push_back(
        {"commitments",
         "Engagements",
         "Une ligne par engagement du programme (et engagement né de la restitution). Avec `at` (sections booklet) ou "
         "le paramètre de date, le statut est celui à cette date.",
         "Engagements",
         {F("commitment", "Engagement", T::Dimension, "L'engagement, « RÉF — titre ».", "commitment"),
          F("ref", "Réf.", T::Text, "Référence (ex. LOG-01)."),
          F("title", "Intitulé", T::Text, "Intitulé de l'engagement."),
          F("description", "Description", T::Text, "Description de l'engagement."),
          F("theme", "Thème", T::Dimension, "Thème (axe) du programme.", "theme"),
          F("status", "Statut", T::Dimension, "Statut : fait, en cours, reste à faire, abandonné.", "status"),
          F("status_date", "Depuis le", T::Date, "Date du dernier changement de statut."),
          F("status_comment", "Commentaire", T::Text, "Commentaire du dernier changement de statut."),
          F("origin", "Origine", T::Dimension, "Programme, ou né à la soirée de restitution.", "origin"),
          F("contributions", "Contributions", T::Integer,
            "Contributions (non exclues) codées sur l'engagement, toutes périodes confondues.")}});

    all.push_back({"status_changes",
                   "Historique des statuts",
                   "Une ligne par changement de statut d'un engagement.",
                   "Changements",
                   {F("commitment", "Engagement", T::Dimension, "L'engagement concerné.", "commitment"),
                    F("commitment_ref", "Réf.", T::Text, "Référence de l'engagement."),
                    F("theme", "Thème", T::Dimension, "Thème de l'engagement.", "theme"),
                    F("status", "Statut", T::Dimension, "Nouveau statut.", "status"),
                    F("effective_on", "Date d'effet", T::Date, "Date à laquelle le statut a pris effet."),
                    F("comment", "Commentaire", T::Text, "Commentaire saisi avec le changement.")}});

    all.push_back(
        {"meetings",
         "Rencontres",
         "Une ligne par rencontre : cafés, caravane, agoras, soirée de restitution…",
         "Rencontres",
         {F("meeting", "Rencontre", T::Dimension, "La rencontre (son intitulé).", "meeting"),
          F("ref", "Réf.", T::Text, "Référence de la rencontre (ex. CAR-3)."),
          F("title", "Intitulé", T::Text, "Intitulé."),
          F("kind", "Type", T::Dimension, "Rencontre, agora ou restitution.", "meeting_kind"),
          F("channel", "Canal", T::Dimension, "Canal de participation.", "channel"),
          F("neighbourhood", "Quartier", T::Dimension, "Quartier où elle a eu lieu.", "neighbourhood"),
          F("starts_at", "Début", T::DateTime, "Date et heure de début."),
          F("ends_at", "Fin", T::DateTime, "Date et heure de fin (vide si inconnue)."),
          F("date", "Date", T::Date, "Jour de la rencontre."),
          F("month", "Mois", T::Text, "Mois, sous la forme AAAA-MM."), F("place", "Lieu", T::Text, "Lieu."),
          F("place_kind", "Type de lieu", T::Text, "Marché, école, maison de quartier…"),
          F("facilitators", "Animation", T::Text, "Qui animait."),
          F("attendance", "Participant·es", T::Integer, "Nombre de personnes rencontrées (vide si non compté)."),
          F("notes", "Notes", T::Text, "Notes de la rencontre."),
          F("contributions", "Contributions", T::Integer, "Contributions (non exclues) recueillies à la rencontre."),
          F("topics", "Thématiques", T::Text, "Thématiques saillantes travaillées (agoras)."),
          F("outcome", "Conclusions", T::Text, "Ce que l'agora a conclu, par thématique.")}});

    const auto reference = [](const char* name, const char* label, const char* dimension, const char* what,
                              bool withDescription) {
        DatasetInfo info{name,
                         label,
                         std::string("Une ligne par ") + what +
                             " (données de référence communes à toutes les consultations ; les nombres portent sur "
                             "la consultation choisie).",
                         label,
                         {F(dimension, label, T::Dimension, "L'élément (son nom), dans l'ordre défini.", dimension),
                          F("code", "Code", T::Text, "Code court."), F("name", "Nom", T::Text, "Nom.")}};
        if (withDescription)
            info.fields.push_back(F("description", "Description", T::Text, "Description du canal."));
        info.fields.push_back(
            F("contributions", "Contributions", T::Integer, "Contributions (non exclues) de la consultation."));
        info.fields.push_back(F("meetings", "Rencontres", T::Integer, "Rencontres de la consultation."));
        info.fields.push_back(
            F("attendance", "Participant·es", T::Integer, "Total des participant·es aux rencontres."));
        return info;
    };
    all.push_back(reference("neighbourhoods", "Quartiers", "neighbourhood", "quartier", false));
    all.push_back(reference("channels", "Canaux", "channel", "canal", true));

    all.push_back({"themes",
                   "Thèmes",
                   "Une ligne par thème (axe) du programme.",
                   "Thèmes",
                   {F("theme", "Thème", T::Dimension, "Le thème (son intitulé).", "theme"),
                    F("code", "Code", T::Text, "Code court (ex. LOG)."), F("title", "Intitulé", T::Text, "Intitulé."),
                    F("description", "Description", T::Text, "Description."),
                    F("commitments", "Engagements", T::Integer, "Nombre d'engagements du thème."),
                    F("contributions", "Contributions", T::Integer,
                      "Contributions (non exclues) codées sur le thème ou l'un de ses engagements.")}});

    all.push_back(
        {"topics",
         "Thématiques saillantes",
         "Une ligne par thématique saillante issue du codage.",
         "Thématiques",
         {F("topic", "Thématique", T::Dimension, "La thématique (son intitulé).", "topic"),
          F("title", "Intitulé", T::Text, "Intitulé."), F("description", "Description", T::Text, "Description."),
          F("labels", "Étiquettes", T::Text, "Étiquettes rattachées."),
          F("commitments", "Engagements", T::Text, "Références des engagements rattachés."),
          F("agoras", "Agoras", T::Text, "Agoras qui l'ont travaillée."),
          F("outcome", "Conclusions", T::Text, "Conclusions des agoras."),
          F("contributions", "Contributions", T::Integer,
            "Contributions à l'appui (non exclues) : celles qui portent une des étiquettes rattachées ou sont "
            "codées sur un des engagements rattachés, comptées une fois.")}});

    DatasetInfo topicEvidence{
        "topic_evidence",
        "Contributions à l'appui des thématiques",
        "Une ligne par thématique × contribution à l'appui : contribution non exclue qui porte une des étiquettes "
        "de la thématique ou est codée sur un de ses engagements. Une contribution à l'appui de deux thématiques "
        "compte une ligne pour chacune.",
        "Contributions",
        {F("topic", "Thématique", T::Dimension, "La thématique.", "topic"),
         F("contribution", "N° contribution", T::Integer, "Numéro de la contribution.")}};
    for (auto& field : ContributionFields(false))
        topicEvidence.fields.push_back(field);
    all.push_back(topicEvidence);

    const auto point = [] {
        return F("reorientation", "Point de réorientation", T::Dimension,
                 "Le point (son intitulé) ; les points adoptés d'abord, puis proposés, reportés, rejetés.",
                 "reorientation");
    };
    const auto decision = [] {
        return F("decision", "Décision", T::Dimension, "Proposé, adopté, rejeté ou reporté.", "decision");
    };
    all.push_back(
        {"reorientations",
         "Points de réorientation",
         "Une ligne par point de réorientation décidé à la soirée de restitution ; les points adoptés d'abord.",
         "Points",
         {point(), F("title", "Intitulé", T::Text, "Intitulé du point."), F("rationale", "Motif", T::Text, "Pourquoi."),
          decision(), F("meeting", "Rencontre", T::Dimension, "Rencontre où il a été décidé.", "meeting"),
          F("decided_on", "Décidé le", T::Date,
            "Jour de la rencontre où il a été décidé (à défaut, jour de sa saisie)."),
          F("owner", "Pilote", T::Text, "Qui le porte."), F("follow_up", "Suivi", T::Text, "Où il en est."),
          F("commitments", "Engagements", T::Text, "Engagements touchés, avec le changement : « LOG-01 (modifié) »."),
          F("commitment_titles", "Engagements concernés", T::Text,
            "Les mêmes avec leur intitulé : « LOG-01 — Intitulé (modifié) »."),
          F("topics", "Thématiques", T::Text, "Thématiques saillantes liées."),
          F("evidence", "Contributions citées", T::Integer, "Nombre de contributions citées à l'appui."),
          F("notes", "Notes de suivi", T::Integer, "Nombre de notes de suivi."),
          F("latest_note", "Dernière note", T::Text, "Dernière note de suivi."),
          F("latest_note_on", "Note du", T::Date, "Date de la dernière note de suivi (vide sans note).")}});

    DatasetInfo evidence{
        "evidence",
        "Contributions citées à l'appui des points",
        "Une ligne par point de réorientation × contribution citée à l'appui, avec les champs de la contribution "
        "(les contributions exclues sont écartées). Dans une répétition sur les points (over = "
        "\"reorientations\"), seules celles du point courant.",
        "Contributions citées",
        {point(), decision(),
         F("contribution", "N° contribution", T::Integer, "Numéro de la contribution citée.")}};
    for (auto& field : ContributionFields(false))
        evidence.fields.push_back(field);
    evidence.fields.push_back(F("commitments", "Engagements codés", T::Text,
                                "Engagements codés sur la contribution avec leur position, ex. « LOG-01 (critique) »."));
    evidence.fields.push_back(F("labels", "Étiquettes", T::Text, "Étiquettes libres de la contribution."));
    all.push_back(evidence);

    all.push_back(
        {"commitment_changes",
         "Engagements touchés par les points",
         "Une ligne par point de réorientation × engagement qu'il touche, avec le changement (modifié, nouveau, "
         "abandonné). Les sections booklet s'en servent pour signaler les réorientations de chaque engagement.",
         "Changements",
         {F("commitment", "Engagement", T::Dimension, "L'engagement, « RÉF — titre ».", "commitment"),
          F("commitment_ref", "Réf.", T::Text, "Référence de l'engagement."),
          F("theme", "Thème", T::Dimension, "Thème de l'engagement.", "theme"),
          F("origin", "Origine", T::Dimension, "Programme, ou né à la soirée de restitution.", "origin"), point(),
          F("title", "Point de réorientation", T::Text, "Intitulé du point."), decision(),
          F("change", "Changement", T::Dimension, "Modifié, nouveau ou abandonné (vide si non précisé).", "change"),
          F("decided_on", "Décidé le", T::Date,
            "Jour de la rencontre où le point a été décidé (à défaut, jour de sa saisie)."),
          F("owner", "Pilote", T::Text, "Qui porte le point.")}});

    all.push_back(
        {"labels",
         "Étiquettes",
         "Une ligne par étiquette libre (sujet émergent hors programme).",
         "Étiquettes",
         {F("label", "Étiquette", T::Dimension, "L'étiquette (son nom).", "label"), F("name", "Nom", T::Text, "Nom."),
          F("contributions", "Contributions", T::Integer, "Contributions (non exclues) qui la portent."),
          F("topics", "Thématiques", T::Text, "Thématiques saillantes auxquelles elle est rattachée.")}});
    return all;
}

// Edit distance counting an exchange of two neighbouring letters as one edit ("tabel").
std::size_t Distance(const std::string& a, const std::string& b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

} // namespace

const char* ToName(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return "texte";
    case FieldType::Integer:
        return "entier";
    case FieldType::Decimal:
        return "décimal";
    case FieldType::Date:
        return "date";
    case FieldType::DateTime:
        return "date et heure";
    case FieldType::Boolean:
        return "booléen";
    case FieldType::Dimension:
        return "dimension";
    }
    return "texte";
}

const FieldInfo* DatasetInfo::FindField(const std::string& field) const
{
    for (const auto& f : fields)
        if (f.name == field)
            return &f;
    return nullptr;
}

const std::vector<DatasetInfo>& Datasets()
{
    static const std::vector<DatasetInfo> datasets = Build();
    return datasets;
}

const DatasetInfo* FindDataset(const std::string& name)
{
    for (const auto& dataset : Datasets())
        if (dataset.name == name)
            return &dataset;
    return nullptr;
}

const std::vector<RepeatSource>& RepeatSources()
{
    static const std::vector<RepeatSource> sources = {
        {"neighbourhoods", "neighbourhoods", "neighbourhood"},
        {"channels", "channels", "channel"},
        {"themes", "themes", "theme"},
        {"commitments", "commitments", "commitment"},
        {"meetings", "meetings", "meeting"},
        {"topics", "topics", "topic"},
        {"reorientations", "reorientations", "reorientation"},
    };
    return sources;
}

const RepeatSource* FindRepeatSource(const std::string& over)
{
    for (const auto& source : RepeatSources())
        if (source.over == over)
            return &source;
    return nullptr;
}

std::string ClosestName(const std::string& word, const std::vector<std::string>& candidates)
{
    if (word.empty() || word.size() > 64)
        return {};
    const std::string folded = Fold(word);
    std::string best;
    std::size_t bestDistance = std::string::npos;
    for (const auto& candidate : candidates) {
        const std::size_t d = Distance(folded, Fold(candidate));
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    // Close enough to be a typo: a third of the word's length, at least one edit, at most three.
    const std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    return bestDistance <= allowed ? best : std::string();
}

} // namespace concerto::report
