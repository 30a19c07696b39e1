#!/usr/bin/python3
"""Writes po/nl.po from po/samen.pot and the Dutch translations below.

Run after adding messages:  xgettext ... -o po/samen.pot && /usr/bin/python3 po/translate.py
A message without a translation here fails the build's msgfmt --check only
if its format is wrong; an untranslated message shows in English, so keep
this table complete (tests/cli/lang.sh checks a sample)."""
import re, sys, pathlib

NL = {
    "unexpected argument '%s'": "onverwacht argument '%s'",
    "unknown option '--%.*s' (see --help)": "onbekende optie '--%.*s' (zie --help)",
    "option '--%s' takes no value": "optie '--%s' neemt geen waarde",
    "option '--%s' needs a value": "optie '--%s' heeft een waarde nodig",
    "--wave needs a year, such as 2023": "--wave vraagt een jaartal, zoals 2023",
    "--out FILE is required": "--out BESTAND is verplicht",
    "wrote %ld row(s) of wave %d to %s": "%ld rij(en) van meting %d geschreven naar %s",
    "(with school ids)": "(met schoolcodes)",
    "(pseudonymised)": "(gepseudonimiseerd)",
    "name one CSV file to import": "noem één CSV-bestand om in te lezen",
    "nothing was imported (%zu problem(s))\n": "er is niets ingelezen (%zu probleem/problemen)\n",
    "imported %ld response(s) into wave %d (%ld refused consent)":
        "%ld respons(en) ingelezen in meting %d (%ld zonder toestemming)",
    "; converted from CP1252": "; omgezet vanuit CP1252",
    "name the directory to create (samen init DIR)": "noem de map die gemaakt moet worden (samen init MAP)",
    "created study in %s: edit study.yaml, add schools.csv and an instrument\n":
        "studie gemaakt in %s: vul study.yaml in, voeg schools.csv en een vragenlijst toe\n",
    "  [SYNTHETIC DATA]": "  [SYNTHETISCHE DATA]",
    "%zu regions, %zu schools, %zu waves\n": "%zu regio's, %zu scholen, %zu metingen\n",
    "\nwave %d  instrument %s (version %s)\n": "\nmeting %d  vragenlijst %s (versie %s)\n",
    "region": "regio",
    "situation": "situatie",
    "sector": "sector",
    "governance": "sturing",
    "schools": "scholen",
    "responses": "respons",
    "refused": "geweigerd",
    "response": "respons%",
    "total": "totaal",
    "per situation:": "per situatie:",
    "%s: valid (%zu waves, %zu regions, %zu schools)\n": "%s: geldig (%zu metingen, %zu regio's, %zu scholen)\n",
    "%s: valid (%zu sections, %zu questions, %zu variables, %zu scales)\n":
        "%s: geldig (%zu secties, %zu vragen, %zu variabelen, %zu schalen)\n",
    "create a new study directory": "een nieuwe studiemap maken",
    "check a study or instrument files, changing nothing": "een studie of vragenlijstbestanden controleren, zonder iets te wijzigen",
    "show a study: waves, regions, schools and response counts": "een studie tonen: metingen, regio's, scholen en respons",
    "import a wave's responses from CSV (all or nothing)": "de respons van een meting inlezen uit CSV (alles of niets)",
    "write a wave's analysis file (CSV)": "het analysebestand van een meting schrijven (CSV)",
    "minimum sample size (Cochran, finite population)": "minimale steekproefomvang (Cochran, eindige populatie)",
    "frequencies, crosstabs, alpha and means on a data CSV": "frequenties, kruistabellen, alfa en gemiddelden op een CSV met data",
    "usage: samen COMMAND [options]   (samen COMMAND --help for more)": "gebruik: samen OPDRACHT [opties]   (samen OPDRACHT --help voor meer)",
    "samen: unknown command '%s'\n\n": "samen: onbekende opdracht '%s'\n\n",
    "the codebook of a wave's questionnaire (Markdown, HTML, JSON)": "het codeboek van de vragenlijst van een meting (Markdown, HTML, JSON)",
    "import school lists (DUO open data) and contact addresses": "schoollijsten inlezen (open data van DUO) en contactadressen",
    "network drawings: check, measure, classify, draw, compare": "netwerktekeningen: controleren, meten, typeren, tekenen, vergelijken",
    "every table of the report definition, computed from a wave": "alle tabellen van de rapportdefinitie, berekend uit een meting",
    "The waves differ strongly in size (n = %zu and n = %zu, a ratio of %.1f): a difference may reflect who responded rather than a change.":
        "De metingen verschillen sterk in omvang (n = %zu en n = %zu, een verhouding van %.1f): een verschil kan komen door wie er heeft gereageerd, niet door een verandering.",
    "The waves differ in composition by %s (total variation distance %.2f): compare with care.":
        "De metingen verschillen in samenstelling naar %s (totale variatieafstand %.2f): vergelijk met voorzichtigheid.",
    "A wave has too few cases to test (n = %zu and n = %zu).":
        "Een meting heeft te weinig respondenten om te toetsen (n = %zu en n = %zu).",
    "unknown format '%s' (md, html or json)":
        "onbekend formaat '%s' (md, html of json)",
    "--lang is nl or en, not '%s'":
        "--lang is nl of en, niet '%s'",
    "wrote the codebook of wave %d to %s\n":
        "codeboek van meting %d geschreven naar %s\n",
    "unknown format '%s' (csv, sav, zsav or xlsx)":
        "onbekend formaat '%s' (csv, sav, zsav of xlsx)",
    "wrote SPSS syntax (labels, missing values, MRSETS) to %s\n":
        "SPSS-syntaxis (labels, ontbrekende waarden, MRSETS) geschreven naar %s\n",
    "--to needs the URL of the database to copy into (sqlite:PATH or postgresql://...)":
        "--to heeft de URL nodig van de database waarin gekopieerd wordt (sqlite:PAD of postgresql://...)",
    "--from and --to name the same database":
        "--from en --to noemen dezelfde database",
    "there is no database at '%s'":
        "er is geen database op '%s'",
    "nothing was copied":
        "er is niets gekopieerd",
    "copied %ld wave(s), %ld region(s), %ld school(s), %ld response(s) and %ld answer(s)\n":
        "%ld meting(en), %ld regio('s), %ld school/scholen, %ld respons(en) en %ld antwoord(en) gekopieerd\n",
    "verified: both databases hold the same rows in every table":
        "gecontroleerd: beide databases bevatten in elke tabel dezelfde rijen",
    "samen network %s: cannot write %s\n":
        "samen network %s: kan %s niet schrijven\n",
    "--format is text or json":
        "--format is text of json",
    "name at least one drawing file":
        "noem ten minste één tekeningbestand",
    "%s: valid (%zu parties, %zu groups, %zu ties)\n":
        "%s: geldig (%zu partijen, %zu groepen, %zu verbindingen)\n",
    "parties: %zu, ties: %zu (%zu pairs joined)\n":
        "partijen: %zu, verbindingen: %zu (%zu paren verbonden)\n",
    "density: %s, degree centralization: %s, betweenness centralization: %s\n":
        "dichtheid: %s, degreecentralisatie: %s, betweennesscentralisatie: %s\n",
    "components: %zu\n":
        "componenten: %zu\n",
    "isolated parties: %zu":
        "geïsoleerde partijen: %zu",
    "parties reached only through one broker: %zu":
        "partijen alleen bereikbaar via één makelaar: %zu",
    "brokers: %zu":
        "makelaars: %zu",
    "most central party: %s\n":
        "meest centrale partij: %s\n",
    "reciprocity of initiative: %s\n":
        "wederkerigheid van initiatief: %s\n",
    "  %s: %zu ties, density %s, degree centralization %s, betweenness centralization %s\n":
        "  %s: %zu verbindingen, dichtheid %s, degreecentralisatie %s, betweennesscentralisatie %s\n",
    "structure: %s":
        "structuur: %s",
    " (hub: %s)":
        " (middelpunt: %s)",
    " [hub share %s, centralization %s, redundancy %s, coverage %s]\n":
        " [aandeel middelpunt %s, centralisatie %s, redundantie %s, dekking %s]\n",
    "name one drawing file":
        "noem één tekeningbestand",
    "samen network draw: Graphviz could not draw %s\n":
        "samen network draw: Graphviz kon %s niet tekenen\n",
    "name two drawing files: A B":
        "noem twee tekeningbestanden: A B",
    "structure: %s → %s\n":
        "structuur: %s → %s\n",
    "ties: %zu added, %zu removed, %zu kept (distance %s)\n":
        "verbindingen: %zu toegevoegd, %zu verwijderd, %zu behouden (afstand %s)\n",
    "density: %s → %s\n":
        "dichtheid: %s → %s\n",
    "degree centralization: %s → %s (%s)\n":
        "degreecentralisatie: %s → %s (%s)\n",
    "betweenness centralization: %s → %s (%s)\n":
        "betweennesscentralisatie: %s → %s (%s)\n",
    "party added: %s\n":
        "partij toegevoegd: %s\n",
    "party removed: %s\n":
        "partij verwijderd: %s\n",
    "--format is graphml or refi":
        "--format is graphml of refi",
    "name one GraphML file":
        "noem één GraphML-bestand",
    "--variant is current or desired":
        "--variant is current of desired",
    "'%s' is not a situation":
        "'%s' is geen samenwerkingssituatie",
    "(fields the file does not give can be passed as --id, --region, --wave, --meeting and --variant)":
        "(velden die het bestand niet geeft kunnen worden meegegeven als --id, --region, --wave, --meeting en --variant)",
    "wrote %s (%zu parties, %zu groups, %zu ties)\n":
        "%s geschreven (%zu partijen, %zu groepen, %zu verbindingen)\n",
    "samen network: unknown action '%s'\n\n":
        "samen network: onbekende actie '%s'\n\n",
    "--duo FILE is required":
        "--duo BESTAND is verplicht",
    "the schools file was not changed":
        "het scholenbestand is niet gewijzigd",
    "schools: %ld added, %ld updated, %ld unchanged; %ld in total\n":
        "scholen: %ld toegevoegd, %ld bijgewerkt, %ld ongewijzigd; %ld in totaal\n",
    "%ld DUO school(s) of no region of the study left out\n":
        "%ld DUO-school/scholen buiten de regio's van de studie weggelaten\n",
    "%ld e-mail address(es) set; %ld for schools outside the study ignored\n":
        "%ld e-mailadres(sen) ingesteld; %ld voor scholen buiten de studie genegeerd\n",
    "--lang is nl or en":
        "--lang is nl of en",
    "--wave is required (a year, such as 2023)":
        "--wave is verplicht (een jaartal, zoals 2023)",
    "--format is json, csv or xlsx, not '%s'":
        "--format is json, csv of xlsx, niet '%s'",
    "--format %s writes a file: give --out FILE":
        "--format %s schrijft een bestand: geef --out BESTAND",
    "--only needs table ids separated by commas, such as B4,T3":
        "--only vraagt tabelcodes gescheiden door komma's, zoals B4,T3",
    "wrote %zu table(s) of wave %d to %s\n":
        "%zu tabel(len) van meting %d geschreven naar %s\n",
    "import a wave's responses from CSV or SPSS (all or nothing)":
        "de respons van een meting inlezen uit CSV of SPSS (alles of niets)",
    "write a wave's analysis file (CSV, SPSS .sav/.zsav, Excel)":
        "het analysebestand van een meting schrijven (CSV, SPSS .sav/.zsav, Excel)",
    "copy a study's data between databases":
        "de gegevens van een studie naar een andere database kopiëren",
    "write the report: HTML chapters, charts and tables":
        "het rapport schrijven: HTML-hoofdstukken, grafieken en tabellen",
    "--out DIR is required: where to write the report":
        "--out MAP is verplicht: waar het rapport moet komen",
    "--suppress needs a number of schools from 1 to 1000":
        "--suppress vraagt een aantal scholen van 1 tot 1000",
    "wrote the report of wave %d: %zu table(s), %zu chart(s), %zu network drawing(s) in %.0f ms\n":
        "rapport van meting %d geschreven: %zu tabel(len), %zu grafiek(en), %zu netwerktekening(en) in %.0f ms\n",
    "wrote the feedback report of region %s (wave %d, %zu cell(s) suppressed) in %.0f ms\n":
        "terugkoppelrapport van regio %s geschreven (meting %d, %zu cel(len) onderdrukt) in %.0f ms\n",
    "open %s/index.html\n":
        "open %s/index.html\n",
    "samen %s: the study has no report definition %s (see docs/REPORT-DEFINITION.md, or give --definition FILE)\n":
        "samen %s: de studie heeft geen rapportdefinitie %s (zie docs/REPORT-DEFINITION.md, of geef --definition BESTAND)\n",
}

def c_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

def c_unescape(s):
    return s.encode("latin-1", "backslashreplace").decode("unicode_escape")

here = pathlib.Path(__file__).parent
pot = (here / "samen.pot").read_text()
out = ['msgid ""', 'msgstr ""', '"Project-Id-Version: samen\\n"', '"PO-Revision-Date: 2026-11-22 00:00+0000\\n"', '"Last-Translator: samen developers\\n"', '"Language-Team: Dutch\\n"', '"Language: nl\\n"',
       '"MIME-Version: 1.0\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
       '"Content-Transfer-Encoding: 8bit\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', '']
missing = []
for entry in pot.split("\n\n"):
    lines = entry.strip().split("\n")
    comments = [l for l in lines if l.startswith("#")]
    m = re.search(r'^msgid ((?:".*"\n?)+)msgstr', "\n".join(l for l in lines if not l.startswith("#")) , re.M)
    if not m:
        continue
    msgid = "".join(c_unescape(p) for p in re.findall(r'"(.*)"', m.group(1)))
    if msgid == "":
        continue
    if msgid not in NL:
        missing.append(msgid)
        continue
    out += [c for c in comments if c.startswith("#,")]
    out += ['msgid "%s"' % c_escape(msgid), 'msgstr "%s"' % c_escape(NL[msgid]), '']
(here / "nl.po").write_text("\n".join(out))
if missing:
    print("untranslated:", *missing, sep="\n  ", file=sys.stderr)
    sys.exit(1)
