#!/usr/bin/python3
"""Writes the importer's sample files (see README.md): native CSV files for commitments, meetings
and contributions, the deliberately broken variants, a Decidim proposals export, and
contributions_excel.xlsx (openpyxl, shaped like Excel's output). References are those of the
demo consultation (GenerateDemo). commitments_libreoffice.xlsx is made from commitments.csv by
LibreOffice itself:
  HOME=$(mktemp -d) soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir . commitments.csv
then renamed. Run from this folder; the outputs are committed, no build step runs this."""
import csv
import datetime
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))

NATIVE = ["external_id", "received_at", "channel", "meeting", "neighbourhood", "card", "profile",
          "title", "text", "tags", "labels", "quote"]


def rows_to_csv(header, rows, delimiter=",", newline="\n"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def write(name, text, encoding="utf-8"):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.encode(encoding) if isinstance(text, str) else text)


def start_lines(header, rows, delimiter=",", newline="\n"):
    """The 1-based line where each data row starts (quoted cells may span lines)."""
    line, starts = 2, []
    for row in rows:
        starts.append(line)
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator=newline).writerow(row)
        line += out.getvalue().count("\n")
    return starts


COMMITMENTS = [
    ["MOB-01", "MOB", "Étendre le stationnement vélo sécurisé",
     "Des abris vélos fermés seront installés près des gares, des écoles et dans les résidences qui le demandent.",
     "Fait"],
    ["MOB-02", "MOB", "Créer un réseau cyclable continu",
     "Des pistes cyclables sécurisées relieront tous les quartiers entre eux et aux villes voisines.", "En cours"],
    ["MOB-03", "MOB", "Passer toute la ville en zone 30",
     "La vitesse sera limitée à 30 km/h dans toutes les rues, à l'exception de quelques grands axes.",
     "reste a faire"],
    ["ECO-03", "ECO", "Créer un grand parc à Ivry-Port",
     "Un parc de deux hectares sera aménagé au cœur d'Ivry-Port pour offrir un poumon vert aux nouveaux quartiers.",
     "ABANDONNÉ"],
    ["LOG-05", "LOG", "Ouvrir une maison de l'habitat",
     "Un guichet unique informera les habitants sur leurs droits, les aides à la rénovation et les démarches de "
     "demande de logement.", "en cours"],
    ["SOL-02", "SOL", "Renforcer le centre municipal de santé",
     "Le centre municipal de santé recrutera des médecins salariés et élargira ses horaires en soirée et le samedi.",
     "Fait"],
    ["MOB-17", "MOB", "Créer une vélo-école pour adultes",
     "Des cours gratuits, le samedi matin, pour apprendre (ou réapprendre) à circuler à vélo en ville.",
     "Reste à faire"],
    ["CUL-15", "CUL", "Ouvrir une salle de répétition pour les groupes amateurs",
     'Une salle équipée, « Le Hangar », sera prêtée aux groupes de musique amateurs ; réservation "en ligne".', ""],
    ["DEM-15", "DEM", "Publier chaque année le bilan des engagements",
     "Un document lisible par tous, distribué dans les boîtes aux lettres et en ligne.", "Abandonné"],
]

MEETINGS_HEADER = ["ref", "channel", "title", "date", "place", "neighbourhood", "attendance"]
MEETINGS = [
    ["CQ-1", "cafe-quartier", "Café de quartier — Centre-ville", "09/10/2023 18:30",
     "Maison municipale de quartier Centre-ville", "centre", "64"],
    ["AGORA-5", "agora", "Agora — Jeunesse", "2023-12-06 18:30", "Salle Saint-Just", "port", "52"],
    ["CAR-30", "caravane", "Caravane citoyenne — Marché Jeanne-Hachette", "2023-10-28T09:30:00+02:00",
     "Marché Jeanne-Hachette", "centre", ""],
    ["CQ-7", "cafe-quartier", "Café de quartier — Hors les murs", "15/11/2023 18:30", "Médiathèque",
     "Petit-Ivry", "38"],
    ["RESTITUTION-2", "reunion-publique", "Seconde soirée de restitution", "25/01/2024 19:00",
     "Hôtel de ville — salle des fêtes", "centre", "210"],
]

CONTRIBUTIONS = [
    ["CSV-2023-001", "23/09/2023 10:15", "caravane", "CAR-1", "centre", "CARTE-MOB", "habitante", "Abris vélos",
     "Il faudrait des abris vélos fermés près de la gare RER.\nLe mien s'est fait voler deux fois cette année.",
     "MOB-01:soutien|MOB-02", "", "non"],
    ["CSV-2023-002", "2023-09-25 18:40", "plateforme", "", "port", "", "parent d'élève", "Cantine",
     'Les repas sont "corrects", mais la cantine est beaucoup trop bruyante.', "EDU-04:question",
     "nuisances sonores", ""],
    ["CSV-2023-003", "28/09/2023 09:05", "courrier", "", "petit-ivry", "", "retraitée", "",
     "Madame le Maire,\n\nJe vous écris au sujet du centre de santé : trois mois pour un rendez-vous !\n"
     "Et mon loyer a encore augmenté.\n\nCordialement,\nMme D.",
     "SOL-02:critique|LOG-05:proposition", "prix des loyers|sécurité la nuit", "oui"],
    ["CSV-2023-004", "2023-10-09T19:10:00+02:00", "cafe-quartier", "CQ-1", "centre", "", "commerçant",
     "Piétonnisation", "Rendre la rue piétonne le dimanche, oui, mais gardez un accès pour les livraisons le matin.",
     "MOB-08:proposition", "stationnement gênant", "x"],
    ["CSV-2023-005", "02/10/2023", "plateforme", "", "", "", "", "Zone 30",
     "Personne ne respecte le 30 km/h avenue de Verdun.", "MOB-03:constat", "-", "0"],
    ["CSV-2023-006", "05/10/2023 14:00", "caravane", "CAR-3", "port", "CARTE-ECO", "habitant", "Parc",
     "Le parc d'Ivry-Port, on l'attend toujours.", "ECO-03:Critique", "", ""],
    ["CSV-2023-007", "12/10/2023 11:30", "plateforme", "", "bertrand", "", "jeune", "",
     "Des terrains de sport ouverts le soir ?", "-", "", "faux"],
    ["", "13/10/2023 16:45", "courrier", "", "", "", "", "Lettre sans référence",
     "Merci pour la navette de quartier, elle passe enfin près de chez nous.", "MOB-07:soutien", "", ""],
]

def commitments_and_meetings():
    write("commitments.csv", rows_to_csv(["ref", "theme", "title", "description", "status"], COMMITMENTS))
    write("meetings.csv", rows_to_csv(MEETINGS_HEADER, MEETINGS))
    print("commitments.csv", start_lines(None, COMMITMENTS))
    print("meetings.csv", start_lines(None, MEETINGS))


def invalid_commitments_and_meetings():
    commitments = [
        ["MOB-18", "MOB", "Installer des fontaines à eau", "Une fontaine par parc.", "Reste à faire"],
        ["MOB-19", "MOB", "Éclairer les pistes cyclables", "", "fini"],
        ["XYZ-01", "XYZ", "Thème inconnu", "", "En cours"],
        ["MOB-20", "MOB", "", "Intitulé manquant.", ""],
        ["MOB-21", "MOB", "Repeindre les passages piétons", "", "Fait"],
    ]
    write("commitments_invalid.csv", rows_to_csv(["ref", "theme", "title", "description", "status"], commitments))
    meetings = [
        ["CQ-8", "cafe-quartier", "Café de quartier — Gare", "06/11/2023 18:30", "Salle de la gare", "centre", "41"],
        ["CQ-9", "cafe-quartier", "Café de quartier — Marché", "31/09/2023 18:30", "", "port", ""],
        ["CQ-10", "cafe-quartier", "Café de quartier — Parc", "2023-11-20 18:30", "", "", "-5"],
        ["TEL-1", "telephone", "Permanence téléphonique", "2023-11-21 14:00", "", "", ""],
    ]
    write("meetings_invalid.csv", rows_to_csv(MEETINGS_HEADER, meetings, ";"))


def native_contributions():
    write("contributions.csv", rows_to_csv(NATIVE, CONTRIBUTIONS))
    print("contributions.csv", start_lines(None, CONTRIBUTIONS))
    # Excel for Windows: Windows-1252, ';', CRLF.
    win = [
        ["W-001", "03/10/2023 10:00", "caravane", "CAR-2", "monmousseau", "CARTE-LOG", "locataire", "Loyers",
         "Les loyers à 1 200 € pour un deux-pièces, ce n’est plus possible ; la ville doit agir.",
         "LOG-01:critique", "prix des loyers", "oui"],
        ["W-002", "04/10/2023 17:20", "plateforme", "", "parmentier", "", "", "Œuvres d’art",
         "Des œuvres d’artistes ivryens « dans la rue », pourquoi pas à l’été 2024 ?", "CUL-02:question", "", ""],
        ["W-003", "06/10/2023", "courrier", "", "", "", "élève de 3e", "Collège",
         "Le préau est trop petit quand il pleut; on s'abrite où ?", "EDU-04", "", "non"],
    ]
    write("contributions_win1252.csv", rows_to_csv(NATIVE, win, ";", "\r\n"), "cp1252")
    print("contributions_win1252.csv", start_lines(None, win, ";", "\r\n"))
    bom = [
        ["B-001", "2023-10-20 09:00", "plateforme", "", "centre", "", "", "Bancs",
         "Plus de bancs sur la place de la République.", "MOB-09:proposition", "", ""],
        ["B-002", "2023-10-21 10:30", "caravane", "CAR-4", "port", "", "habitante", "",
         "Les toilettes du parc sont toujours fermées.", "MOB-10:critique", "", ""],
    ]
    write("contributions_bom.csv", "\ufeff" + rows_to_csv(NATIVE, bom))
    print("contributions_bom.csv", start_lines(None, bom))


def broken_contributions():
    good = CONTRIBUTIONS[:2]
    text = rows_to_csv(NATIVE, good)
    text += 'T-003,2023-10-03 08:00,plateforme,,,,,,"Ce texte commence par un guillemet\njamais refermé, et le fichier\ns\'arrête là.\n'
    write("contributions_truncated.csv", text)
    print("contributions_truncated.csv: truncated row starts at line", text.count("\n", 0, text.index("T-003")) + 1)

    header = ",".join(NATIVE) + "\n"
    data = header.encode("utf-8")
    data += "U-001,2023-10-01 10:00,plateforme,,,,,,Texte correct en UTF-8 : très bien.,,,\n".encode("utf-8")
    data += b"U-002,2023-10-01 11:00,plateforme,,,,,,Texte en Latin-1 : r\xe9ponse \xe0 la mairie.,,,\n"
    data += "U-003,2023-10-01 12:00,plateforme,,,,,,Encore une ligne correcte.,,,\n".encode("utf-8")
    write("contributions_invalid_utf8.csv", data)

    sentence = ("Je voudrais revenir en détail sur chacun des engagements du programme, quartier par quartier, "
                "avec mes remarques sur les pistes cyclables, les écoles, les loyers et les espaces verts. ")
    long_text = (sentence * (40000 // len(sentence) + 1))[:39999].rstrip()
    long_text += "." * (40000 - len(long_text))  # exactly 40,000 characters, nothing to trim
    assert len(long_text) == 40000
    rows = [
        ["L-001", "2023-10-02 08:00", "courrier", "", "", "", "habitant", "Contribution fleuve", long_text,
         "MOB-02:proposition", "", ""],
        ["L-002", "2023-10-02 09:00", "courrier", "", "", "", "", "", "Une lettre courte.", "", "", ""],
    ]
    write("contributions_long_cell.csv", rows_to_csv(NATIVE, rows))

    duplicates = [
        ["DUP-001", "2023-10-05 10:00", "plateforme", "", "", "", "", "", "Première version.", "", "", ""],
        ["DUP-002", "2023-10-05 11:00", "plateforme", "", "", "", "", "", "Autre contribution.", "", "", ""],
        ["DUP-001", "2023-10-05 12:00", "plateforme", "", "", "", "", "", "Seconde version, même id.", "", "", ""],
    ]
    write("contributions_duplicates.csv", rows_to_csv(NATIVE, duplicates))

    unknown = [
        ["R-001", "2023-10-06 10:00", "plateforme", "", "centre", "", "", "", "Ligne correcte.", "MOB-01", "", ""],
        ["R-002", "2023-10-06 11:00", "plateforme", "", "", "", "", "", "Engagement inconnu.", "MOB-99:soutien",
         "", ""],
        ["R-003", "2023-10-06 12:00", "fax", "", "", "", "", "", "Canal inconnu.", "", "", ""],
        ["R-004", "2023-10-06 13:00", "cafe-quartier", "CQ-42", "", "", "", "", "Rencontre inconnue.", "", "", ""],
        ["R-005", "2023-10-06 14:00", "plateforme", "", "", "", "", "", "Étiquette inconnue.", "",
         "jardins partagés", ""],
        ["R-006", "2023-10-06 15:00", "caravane", "CAR-1", "port", "", "", "", "Autre ligne correcte.",
         "ECO-03:critique", "", ""],
    ]
    write("contributions_unknown_refs.csv", rows_to_csv(NATIVE, unknown))


DECIDIM_HEADER = [
    "id", "category/id", "category/name/fr", "category/name/en", "scope/id", "scope/name/fr", "scope/name/en",
    "participatory_space/id", "participatory_space/url", "component/id", "title/fr", "title/en", "body/fr",
    "body/en", "address", "latitude", "longitude", "state", "reference", "answer/fr", "answer/en", "supports",
    "endorsements/total_count", "endorsements/user_endorsements", "comments", "attachments", "followers",
    "published_at", "url", "meeting_urls", "related_proposals", "is_amend", "original_proposal/title",
    "original_proposal/url"]


def decidim_row(pid, category, scope, title_fr, title_en, body_fr, body_en, state, published, supports,
                address=""):
    categories = {
        "Propreté des rues": (31, "Street cleanliness"),
        "Stationnement gênant": (32, "Inconsiderate parking"),
        "Nuisances sonores": (33, "Noise"),
        "Prix des loyers": (34, "Rents"),
        "": ("", ""),
    }
    scopes = {"Centre-ville": 5, "Ivry-Port": 6, "Petit-Ivry": 7, "Monmousseau–Vérollot": 8, "": ""}
    cid, cname_en = categories[category]
    space = "https://ivryetmoi.fr/processes/bilan-mi-mandat"
    return [pid, cid, category, cname_en, scopes[scope], scope, scope, 4, space, 12, title_fr, title_en, body_fr,
            body_en, address, "48.8135" if address else "", "2.3853" if address else "", state,
            f"IVRY-PROP-2023-09-{pid}", "", "", supports, supports // 3, "", supports % 7, 0, supports // 2 + 1,
            published, f"{space}/f/12/proposals/{pid}", "", "", "false", "", ""]


def decidim():
    rows = [
        decidim_row(1401, "Propreté des rues", "Centre-ville", "Plus de corbeilles rue Marat", "More bins on rue Marat",
                    "<p>Les poubelles débordent chaque week-end.</p><p>Il faudrait <strong>deux fois plus</strong> "
                    "de corbeilles&nbsp;!</p>",
                    "<p>Bins overflow every weekend.</p>", "accepted", "2023-09-21 14:32:10 +0200", 42,
                    "Rue Marat, 94200 Ivry-sur-Seine"),
        decidim_row(1402, "Stationnement gênant", "Ivry-Port", "Trottoirs encombrés", "Blocked pavements",
                    "<p>Des voitures garées sur les trottoirs, rue Westermeyer&nbsp;: impossible de passer avec une "
                    "poussette.<br>Merci d&#39;agir.</p>", "", "evaluating", "2023-09-22 08:05:00 +0200", 17),
        decidim_row(1403, "Nuisances sonores", "Petit-Ivry", "Bruit des scooters la nuit", "",
                    "<p>Les rodéos de scooters&hellip; tous les soirs&nbsp;:</p><ul><li>rue Paul-Vaillant-Couturier"
                    "</li><li>place Voltaire</li></ul>", "", "", "2023-09-30 23:47:31 +0200", 8),
        decidim_row(1404, "Prix des loyers", "Monmousseau–Vérollot", "Encadrer les loyers",
                    "Rent control", "<p>Les loyers &amp; les charges ont augmenté de 15&nbsp;% en deux ans.</p>",
                    "<p>Rents &amp; charges rose by 15% in two years.</p>", "rejected", "2023-10-04 10:00:00 +0200", 63),
        decidim_row(1405, "", "", "", "Shaded benches in the parks",
                    "", "<p>Please add benches in the shade in every park.</p>", "", "2023-10-11 16:20:45 +0200", 5),
        decidim_row(1406, "Propreté des rues", "Ivry-Port", "Nettoyer les bords de Seine",
                    "Clean the riverbanks",
                    "<p>Les bords de Seine sont sales après chaque week-end ensoleillé.</p>\n<p>Un ramassage le lundi "
                    "matin serait bienvenu.</p>", "", "accepted", "2023-11-02 09:12:00 +0100", 29),
    ]
    # Decidim writes ';'-separated UTF-8 with LF line ends.
    write("decidim_proposals.csv", rows_to_csv(DECIDIM_HEADER, rows, ";"))


def excel_workbook():
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Contributions"
    sheet.append(NATIVE)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rows = [
        [2041, datetime.datetime(2023, 10, 14, 10, 30), "caravane", "CAR-5", "bertrand", "CARTE-EDU", "parent",
         "Crèche", "Trois ans d'attente pour une place en crèche.\nC'est trop long.", "EDU-04:critique", "", False],
        [2042, datetime.datetime(2023, 10, 14, 11, 0), "caravane", "CAR-5", "bertrand", "", "", "",
         "Bravo pour la médiathèque ouverte le dimanche !", "CUL-02:soutien", "", True],
        ["XL-2043", datetime.datetime(2023, 10, 16, 18, 45), "cafe-quartier", "CQ-2", "port", "", "habitante",
         "Propreté", "Les dépôts sauvages au pied des immeubles, ça suffit.", "", "dépôts sauvages|propreté des rues",
         None],
        ["XL-2044", datetime.datetime(2023, 10, 17), "plateforme", None, None, None, None, None,
         "Le budget participatif, c'est pour quand ?", "DEM-01:question", None, None],
    ]
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "dd/mm/yyyy hh:mm"
    for row in sheet.iter_rows(min_row=2, min_col=9, max_col=9):
        row[0].alignment = Alignment(wrap_text=True)
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["I"].width = 60
    book.save(os.path.join(HERE, "contributions_excel.xlsx"))


if __name__ == "__main__":
    commitments_and_meetings()
    invalid_commitments_and_meetings()
    native_contributions()
    broken_contributions()
    decidim()
    excel_workbook()
