"""Write the unseen4 group: realistic pages written BEFORE reading the extractor code.

Run:  .venv/bin/python tests/extract/make_unseen4.py

Structures not covered by earlier groups: Italian regional TV news sites, aggregators that embed the
original article, newsletters archived as web pages, PDFs turned into HTML (pdf2htmlEX-style absolute
divs), dates only in ``<span class="data">gg/mm/aaaa</span>``, two bylines (print + web), a
"Pubblicato" label with a separate "ore" element, "24.01.23" dotted two-digit years, three-letter
months ("24 gen 2023"), "lunedì 23 gennaio 2023, 18:05", English "Published: 1 day ago" next to a
machine date, and listing pages. Page chrome (menus, teasers with their own dates, cookie scripts,
inline configuration) pads each page to a realistic 40-150 KB.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "pages" / "unseen4"
GOLD = HERE / "expected_unseen4.json"

# ---------------------------------------------------------------- prose (own text, per language)
PROSE = {
    "it": [
        "Una tromba d'aria ha scoperchiato il tetto della palestra comunale poco dopo le sette di sera, quando la struttura era ancora chiusa al pubblico.",
        "I vigili del fuoco del distaccamento di valle sono intervenuti con due squadre e hanno messo in sicurezza le lamiere rimaste appese sopra il parcheggio.",
        "Secondo il sindaco, i danni superano i duecentomila euro e la palestra resterà inagibile almeno fino alla fine della stagione sportiva.",
        "Le società che si allenavano nell'impianto saranno ospitate temporaneamente nella scuola media di via dei Tigli, grazie a un accordo con la dirigente.",
        "Nella stessa serata la pioggia ha allagato alcuni scantinati della frazione bassa e la protezione civile ha distribuito sacchi di sabbia ai residenti.",
        "Il tecnico comunale ha spiegato che la copertura era stata rifatta nel duemilasei e che i controlli periodici non avevano segnalato criticità.",
        "La Regione ha annunciato che valuterà la richiesta di stato di calamità dopo il sopralluogo previsto per la prossima settimana.",
        "Alcuni abitanti hanno raccontato di aver sentito un boato improvviso e di aver visto pezzi di guaina volare fino al campo da calcio vicino.",
        "Il traffico sulla provinciale è rimasto a senso unico alternato per circa tre ore, il tempo necessario a rimuovere i detriti dalla carreggiata.",
        "L'amministrazione ha aperto un numero verde per le segnalazioni dei cittadini e invita a non avvicinarsi all'area transennata.",
    ],
    "en": [
        "A water main burst under the high street shortly before dawn, flooding three shops and leaving around two thousand homes with low pressure.",
        "Engineers from the utility company isolated the pipe by mid-morning, but the road is expected to remain closed for most of the week.",
        "The council said buses would be diverted through the industrial estate and asked drivers to avoid the town centre during the repairs.",
        "One shop owner said the water reached the top of his counter within twenty minutes and that most of his stock would have to be thrown away.",
        "The pipe is believed to be more than eighty years old and was on a list of mains scheduled for replacement next spring.",
        "Residents who still have no supply can collect bottled water from the leisure centre car park until the evening.",
        "A spokesperson for the company apologised for the disruption and said compensation claims would be handled as quickly as possible.",
        "Local councillors have called for an independent review of how quickly the ageing network is being renewed.",
    ],
    "de": [
        "Ein Brand in einer Lagerhalle im Gewerbegebiet hat in der Nacht einen Großeinsatz der Feuerwehr ausgelöst.",
        "Die Einsatzkräfte waren mit mehr als achtzig Personen vor Ort und konnten ein Übergreifen der Flammen auf die benachbarte Spedition verhindern.",
        "Anwohner wurden über die Warn-App aufgefordert, Fenster und Türen geschlossen zu halten, weil eine dichte Rauchwolke über den Ort zog.",
        "Verletzt wurde nach ersten Angaben niemand, der Sachschaden wird von der Polizei auf mehrere hunderttausend Euro geschätzt.",
        "Die Kriminalpolizei hat die Ermittlungen zur Brandursache aufgenommen und die Halle vorerst beschlagnahmt.",
        "Die Kreisstraße zwischen den beiden Ortsteilen blieb bis zum frühen Vormittag gesperrt, der Busverkehr wurde umgeleitet.",
        "Der Bürgermeister dankte den freiwilligen Helfern, die bis in die Morgenstunden Getränke und Verpflegung an die Einsatzstelle gebracht hatten.",
    ],
    "fr": [
        "Un glissement de terrain a coupé la route départementale entre les deux villages dans la nuit de dimanche à lundi.",
        "Les pompiers ont évacué par précaution quatre maisons situées en contrebas du talus, dont les habitants ont été relogés chez des proches.",
        "Selon la préfecture, les fortes pluies des derniers jours ont saturé les sols et fragilisé le mur de soutènement construit dans les années soixante.",
        "Une déviation a été mise en place par la vallée, ce qui allonge le trajet d'une vingtaine de minutes pour les automobilistes.",
        "Les géologues du département doivent se rendre sur place mardi pour évaluer la stabilité du versant avant tout début de travaux.",
        "Le maire a demandé aux habitants de signaler toute nouvelle fissure apparue sur les murs ou dans les jardins.",
        "Le ramassage scolaire est maintenu, mais les cars emprunteront l'itinéraire de déviation jusqu'à nouvel ordre.",
    ],
    "es": [
        "Un apagón dejó sin luz a buena parte del barrio norte durante casi cinco horas en la tarde del martes.",
        "La compañía eléctrica atribuyó la avería a un fallo en un transformador de la subestación y desplazó a varias brigadas para repararlo.",
        "Los semáforos de la avenida principal dejaron de funcionar y la policía local tuvo que regular el tráfico en los cruces más concurridos.",
        "Varios comercios cerraron antes de hora y un centro de salud tuvo que activar su generador de emergencia para mantener la atención.",
        "Los vecinos se quejaron de la falta de información durante las primeras horas del corte, cuando el teléfono de averías no respondía.",
        "El ayuntamiento ha pedido a la empresa un informe detallado sobre las causas y sobre las medidas para evitar que se repita.",
    ],
    "pt": [
        "Um incêndio num armazém de produtos agrícolas obrigou ao corte da estrada nacional durante a madrugada de quarta-feira.",
        "Os bombeiros de três corporações combateram as chamas durante mais de quatro horas até darem o fogo como dominado.",
        "Não houve feridos, mas o proprietário estima que os prejuízos ultrapassem meio milhão de euros em máquinas e sementes.",
        "A Guarda Nacional Republicana desviou o trânsito por estradas municipais e pediu aos condutores que evitassem a zona.",
        "As causas do incêndio estão a ser investigadas e a Polícia Judiciária já recolheu vestígios no local.",
        "O presidente da junta de freguesia elogiou a rapidez da resposta e disse que a população colaborou em tudo o que foi pedido.",
    ],
    "nl": [
        "Door een storing in het seinsysteem reden dinsdagochtend urenlang geen treinen tussen de twee steden.",
        "Duizenden reizigers strandden op de stations en moesten gebruikmaken van bussen die de vervoerder in allerijl had ingezet.",
        "Volgens de spoorbeheerder werd de storing veroorzaakt door een kapotte kabel die bij graafwerkzaamheden was geraakt.",
        "Monteurs hebben de kabel in de loop van de middag gerepareerd, waarna de dienstregeling geleidelijk werd hervat.",
        "Reizigersorganisaties vinden dat de informatievoorziening op de perrons opnieuw tekortschoot.",
        "De vervoerder laat weten dat reizigers met veel vertraging een deel van hun reiskosten kunnen terugvragen.",
    ],
    "pl": [
        "Silny wiatr zerwał dach z budynku szkoły podstawowej w nocy z poniedziałku na wtorek.",
        "Strażacy przez kilka godzin zabezpieczali uszkodzoną konstrukcję i usuwali połamane drzewa z drogi dojazdowej.",
        "Lekcje zostały odwołane do końca tygodnia, a uczniowie będą uczyć się zdalnie do czasu zakończenia napraw.",
        "Wójt gminy zapowiedział, że wystąpi do wojewody o pomoc finansową na odbudowę dachu.",
        "W kilku miejscowościach wciąż nie ma prądu, a energetycy pracują nad przywróceniem zasilania.",
        "Mieszkańcy mogą zgłaszać szkody w urzędzie gminy, gdzie uruchomiono specjalny punkt informacyjny.",
    ],
    "sv": [
        "Ett vattenläckage i centrala staden gjorde att flera hundra hushåll stod utan vatten under tisdagen.",
        "Kommunens tekniker arbetade hela dagen med att laga ledningen som sprack under natten.",
        "Invånarna uppmanades att koka vattnet innan det används till matlagning tills vidare.",
        "En skola och ett äldreboende fick nödvatten levererat med tankbil under eftermiddagen.",
        "Kommunen säger att ledningen var planerad att bytas ut nästa år men att arbetet nu kan tidigareläggas.",
    ],
    "fi": [
        "Myrsky katkaisi sähköt tuhansista kotitalouksista eri puolilla maakuntaa maanantain ja tiistain välisenä yönä.",
        "Kaatuneet puut katkoivat linjoja erityisesti haja-asutusalueilla, joissa korjaustyöt etenevät hitaasti.",
        "Sähköyhtiön mukaan osa asiakkaista voi joutua odottamaan sähköjen palautumista vielä keskiviikkoon asti.",
        "Pelastuslaitos sai yön aikana kymmeniä tehtäviä, joista suurin osa liittyi teille kaatuneisiin puihin.",
        "Kunta avasi koulun liikuntasalin lämpimäksi tilaksi niille, joiden kodeissa on kylmää.",
    ],
    "hu": [
        "Vezetéktörés miatt kedden több utcában is elzárták az ivóvizet a város keleti részén.",
        "A vízművek dolgozói egész nap a hiba elhárításán dolgoztak, a lakosok lajtoskocsiból juthattak vízhez.",
        "A közlekedést a javítás idejére terelőúton vezették, ami reggel jelentős torlódást okozott.",
        "A szolgáltató szerint a vezeték több mint ötven éves, cseréje már szerepelt a jövő évi tervekben.",
        "Az önkormányzat arra kéri a lakosokat, hogy a helyreállítás után néhány percig folyassák a csapot.",
    ],
    "el": [
        "Μεγάλη πυρκαγιά ξέσπασε το απόγευμα της Τρίτης σε δασική έκταση κοντά στο χωριό.",
        "Στην περιοχή επιχείρησαν δεκάδες πυροσβέστες με οχήματα και δύο αεροσκάφη.",
        "Οι αρχές έστειλαν μήνυμα στους κατοίκους να απομακρυνθούν προληπτικά από τα σπίτια τους.",
        "Δεν αναφέρθηκαν τραυματισμοί, όμως καταστράφηκαν αποθήκες και ελαιόδεντρα.",
        "Ο δήμαρχος ζήτησε να κηρυχθεί η περιοχή σε κατάσταση έκτακτης ανάγκης.",
    ],
    "hr": [
        "Snažno nevrijeme s tučom pogodilo je u utorak poslijepodne nekoliko naselja u županiji.",
        "Vatrogasci su tijekom večeri imali više od pedeset intervencija, uglavnom zbog poplavljenih podruma.",
        "U dijelu grada nekoliko je sati bio prekinut promet jer je bujica nanijela blato na cestu.",
        "Župan je najavio da će se šteta procijeniti tijekom idućih dana.",
        "Građani štetu mogu prijaviti povjerenstvu u gradskoj upravi do kraja mjeseca.",
    ],
    "ro": [
        "O alunecare de teren a blocat drumul județean care leagă cele două comune, după ploile abundente din ultimele zile.",
        "Pompierii au evacuat preventiv trei familii ale căror case se află chiar sub versantul afectat.",
        "Autoritățile locale au instituit o rută ocolitoare, iar circulația se desfășoară cu dificultate.",
        "Specialiștii vor analiza în zilele următoare stabilitatea terenului înainte de începerea lucrărilor.",
        "Primarul a cerut sprijin de la consiliul județean pentru consolidarea drumului.",
    ],
    "cs": [
        "Silný vítr v noci na úterý strhl střechu z budovy základní školy v obci.",
        "Hasiči několik hodin zajišťovali poškozenou konstrukci a odstraňovali spadlé stromy ze silnice.",
        "Výuka byla zrušena do konce týdne a žáci se budou učit na dálku.",
        "Starosta oznámil, že požádá kraj o finanční pomoc na opravu střechy.",
        "V několika obcích stále není elektřina a energetici pracují na obnovení dodávek.",
    ],
}

CHROME = {
    "it": {"menu": ["Cronaca", "Politica", "Economia", "Sport", "Cultura", "Spettacoli", "Meteo", "Video", "Podcast", "Lettere", "Necrologie", "Annunci"],
           "related": "Potrebbe interessarti", "most": "I più letti", "rights": "Tutti i diritti riservati", "cookie": "Questo sito utilizza cookie tecnici e di profilazione"},
    "en": {"menu": ["News", "Politics", "Business", "Sport", "Culture", "Weather", "Video", "Podcasts", "Opinion", "Letters", "Obituaries", "Jobs"],
           "related": "You may also like", "most": "Most read", "rights": "All rights reserved", "cookie": "We use cookies to improve your experience"},
    "de": {"menu": ["Lokales", "Politik", "Wirtschaft", "Sport", "Kultur", "Wetter", "Videos", "Podcasts", "Meinung", "Leserbriefe", "Traueranzeigen", "Jobs"],
           "related": "Das könnte Sie auch interessieren", "most": "Meistgelesen", "rights": "Alle Rechte vorbehalten", "cookie": "Wir verwenden Cookies"},
    "fr": {"menu": ["Actualité", "Politique", "Économie", "Sport", "Culture", "Météo", "Vidéos", "Podcasts", "Opinions", "Courrier", "Avis de décès", "Emploi"],
           "related": "À lire aussi", "most": "Les plus lus", "rights": "Tous droits réservés", "cookie": "Nous utilisons des cookies"},
    "es": {"menu": ["Local", "Política", "Economía", "Deportes", "Cultura", "Tiempo", "Vídeos", "Podcasts", "Opinión", "Cartas", "Esquelas", "Empleo"],
           "related": "Te puede interesar", "most": "Lo más leído", "rights": "Todos los derechos reservados", "cookie": "Utilizamos cookies"},
    "pt": {"menu": ["País", "Política", "Economia", "Desporto", "Cultura", "Tempo", "Vídeos", "Podcasts", "Opinião", "Cartas", "Necrologia", "Emprego"],
           "related": "Também lhe pode interessar", "most": "Mais lidas", "rights": "Todos os direitos reservados", "cookie": "Utilizamos cookies"},
    "nl": {"menu": ["Binnenland", "Politiek", "Economie", "Sport", "Cultuur", "Weer", "Video", "Podcasts", "Opinie", "Brieven", "Overlijden", "Vacatures"],
           "related": "Lees ook", "most": "Meest gelezen", "rights": "Alle rechten voorbehouden", "cookie": "Wij gebruiken cookies"},
    "pl": {"menu": ["Kraj", "Polityka", "Gospodarka", "Sport", "Kultura", "Pogoda", "Wideo", "Podcasty", "Opinie", "Listy", "Nekrologi", "Praca"],
           "related": "Zobacz także", "most": "Najczęściej czytane", "rights": "Wszelkie prawa zastrzeżone", "cookie": "Używamy plików cookie"},
    "sv": {"menu": ["Nyheter", "Politik", "Ekonomi", "Sport", "Kultur", "Väder", "Video", "Poddar", "Debatt", "Insändare", "Familj", "Jobb"],
           "related": "Läs också", "most": "Mest läst", "rights": "Alla rättigheter förbehållna", "cookie": "Vi använder kakor"},
    "fi": {"menu": ["Kotimaa", "Politiikka", "Talous", "Urheilu", "Kulttuuri", "Sää", "Video", "Podcastit", "Mielipide", "Kirjeet", "Muistot", "Työpaikat"],
           "related": "Lue myös", "most": "Luetuimmat", "rights": "Kaikki oikeudet pidätetään", "cookie": "Käytämme evästeitä"},
    "hu": {"menu": ["Belföld", "Politika", "Gazdaság", "Sport", "Kultúra", "Időjárás", "Videó", "Podcast", "Vélemény", "Levelek", "Gyászhír", "Állás"],
           "related": "Ezt is ajánljuk", "most": "Legolvasottabb", "rights": "Minden jog fenntartva", "cookie": "Sütiket használunk"},
    "el": {"menu": ["Ελλάδα", "Πολιτική", "Οικονομία", "Αθλητισμός", "Πολιτισμός", "Καιρός", "Βίντεο", "Podcast", "Απόψεις", "Επιστολές", "Κηδείες", "Εργασία"],
           "related": "Διαβάστε επίσης", "most": "Δημοφιλή", "rights": "Με επιφύλαξη παντός δικαιώματος", "cookie": "Χρησιμοποιούμε cookies"},
    "hr": {"menu": ["Vijesti", "Politika", "Gospodarstvo", "Sport", "Kultura", "Vrijeme", "Video", "Podcast", "Komentari", "Pisma", "Osmrtnice", "Posao"],
           "related": "Pročitajte i", "most": "Najčitanije", "rights": "Sva prava pridržana", "cookie": "Koristimo kolačiće"},
    "ro": {"menu": ["Actualitate", "Politică", "Economie", "Sport", "Cultură", "Vremea", "Video", "Podcast", "Opinii", "Scrisori", "Decese", "Locuri de muncă"],
           "related": "Citește și", "most": "Cele mai citite", "rights": "Toate drepturile rezervate", "cookie": "Folosim cookie-uri"},
    "cs": {"menu": ["Domov", "Politika", "Ekonomika", "Sport", "Kultura", "Počasí", "Video", "Podcasty", "Názory", "Dopisy", "Úmrtí", "Práce"],
           "related": "Mohlo by vás zajímat", "most": "Nejčtenější", "rights": "Všechna práva vyhrazena", "cookie": "Používáme cookies"},
}

TEASER_TITLES = {
    "it": ["Cantiere sulla statale, riapre una corsia", "Furto in farmacia, caccia a due giovani", "Nuovo orario per gli autobus extraurbani", "Il consiglio approva il bilancio", "Neve in quota, catene obbligatorie", "Chiusa per lavori la biblioteca civica"],
    "en": ["Roadworks to close bridge for a fortnight", "Two arrested after shop break-in", "New timetable for rural buses", "Council approves budget", "Snow warning for the hills", "Library to close for repairs"],
    "de": ["Baustelle auf der Bundesstraße", "Einbruch in Apotheke", "Neuer Fahrplan für Regionalbusse", "Gemeinderat beschließt Haushalt", "Schneefall in höheren Lagen", "Bibliothek wird saniert"],
    "fr": ["Travaux sur la nationale", "Cambriolage dans une pharmacie", "Nouveaux horaires des cars", "Le conseil vote le budget", "Neige attendue en altitude", "La médiathèque ferme pour travaux"],
    "es": ["Obras en la carretera nacional", "Robo en una farmacia", "Nuevos horarios de autobús", "El pleno aprueba el presupuesto", "Aviso por nieve en la sierra", "Cierra la biblioteca por obras"],
    "pt": ["Obras na estrada nacional", "Assalto a farmácia", "Novos horários dos autocarros", "Câmara aprova orçamento", "Aviso de neve na serra", "Biblioteca fecha para obras"],
    "nl": ["Werkzaamheden aan de provinciale weg", "Inbraak bij apotheek", "Nieuwe dienstregeling bussen", "Raad stemt in met begroting", "Sneeuw verwacht", "Bibliotheek gaat dicht"],
    "pl": ["Remont drogi krajowej", "Włamanie do apteki", "Nowy rozkład autobusów", "Rada przyjęła budżet", "Ostrzeżenie przed śniegiem", "Biblioteka zamknięta"],
    "sv": ["Vägarbete på riksvägen", "Inbrott på apotek", "Ny tidtabell för bussarna", "Fullmäktige klubbar budget", "Snövarning", "Biblioteket stänger"],
    "fi": ["Tietyö valtatiellä", "Murto apteekkiin", "Uudet bussiaikataulut", "Valtuusto hyväksyi talousarvion", "Lumivaroitus", "Kirjasto suljetaan"],
    "hu": ["Útfelújítás a főúton", "Betörés a gyógyszertárba", "Új buszmenetrend", "Elfogadták a költségvetést", "Havazás várható", "Bezár a könyvtár"],
    "el": ["Έργα στην εθνική οδό", "Διάρρηξη σε φαρμακείο", "Νέα δρομολόγια λεωφορείων", "Εγκρίθηκε ο προϋπολογισμός", "Χιόνια στα ορεινά", "Κλείνει η βιβλιοθήκη"],
    "hr": ["Radovi na državnoj cesti", "Provala u ljekarnu", "Novi vozni red autobusa", "Vijeće usvojilo proračun", "Upozorenje na snijeg", "Knjižnica se zatvara"],
    "ro": ["Lucrări pe drumul național", "Spargere la o farmacie", "Program nou pentru autobuze", "Consiliul a aprobat bugetul", "Avertizare de ninsoare", "Biblioteca se închide"],
    "cs": ["Oprava silnice první třídy", "Vloupání do lékárny", "Nový jízdní řád autobusů", "Zastupitelstvo schválilo rozpočet", "Výstraha před sněžením", "Knihovna se zavírá"],
}

FIRST = ["Marco", "Giulia", "Luca", "Sara", "Anna", "Paolo", "Elena", "Tom", "Claire", "Jonas", "Marta", "Pieter", "Ewa", "Lars", "Aino"]
LAST = ["Bellini", "Ferraro", "Gatti", "Morandi", "Hughes", "Becker", "Durand", "Navarro", "Costa", "de Vries", "Kowalska", "Lindqvist", "Virtanen"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def prose(rng: random.Random, lang: str, n_par: int) -> list[str]:
    sentences = PROSE[lang]
    out = []
    for _ in range(n_par):
        k = rng.randint(2, 4)
        out.append(" ".join(rng.sample(sentences, min(k, len(sentences)))))
    return out


def inline_config(rng: random.Random, kb: int) -> str:
    """A realistic blob of inline configuration JavaScript (ad slots, analytics, consent vendors)."""
    parts = []
    i = 0
    while sum(len(p) for p in parts) < kb * 1024:
        i += 1
        parts.append(json.dumps({
            "slot": f"div-gpt-ad-{rng.randint(10**12, 10**13)}-{i}", "sizes": [[300, 250], [728, 90], [970, 250]][: rng.randint(1, 3)],
            "targeting": {"pos": rng.choice(["top", "mid", "bottom", "side"]), "kw": rng.sample(["meteo", "cronaca", "locale", "video", "sport"], 2)},
            "vendor": {"id": rng.randint(1, 900), "purposes": rng.sample(range(1, 11), 4), "legInt": rng.random() > 0.5},
            "hash": "%032x" % rng.getrandbits(128),
        }))
    return "window.__ADCFG__ = [" + ",\n".join(parts) + "];"


def css_blob(rng: random.Random, kb: int) -> str:
    rules = []
    while sum(len(r) for r in rules) < kb * 1024:
        cls = "c-%x" % rng.getrandbits(24)
        rules.append(f".{cls}{{margin:{rng.randint(0, 24)}px {rng.randint(0, 24)}px;padding:{rng.randint(0, 16)}px;"
                     f"color:#{rng.getrandbits(24):06x};font-size:{rng.randint(11, 22)}px;line-height:1.{rng.randint(2, 6)}}}")
    return "\n".join(rules)


def svg_icons(rng: random.Random, n: int) -> str:
    out = []
    for i in range(n):
        d = " ".join(f"L{rng.randint(0, 24)} {rng.randint(0, 24)}" for _ in range(rng.randint(8, 20)))
        out.append(f'<symbol id="icon-{i}" viewBox="0 0 24 24"><path d="M0 0 {d} Z"/></symbol>')
    return '<svg style="display:none" xmlns="http://www.w3.org/2000/svg">' + "".join(out) + "</svg>"


def nav(rng: random.Random, lang: str, host: str) -> str:
    c = CHROME[lang]
    items = []
    for sec in c["menu"]:
        subs = "".join(f'<li><a href="https://{host}/{sec.lower()}/{sub}/">{esc(sec)} {sub}</a></li>' for sub in rng.sample(
            ["provincia", "citta", "valle", "costa", "montagna", "nord", "sud", "est", "ovest", "centro", "area-metropolitana"], 6))
        items.append(f'<li class="menu-item has-sub"><a href="https://{host}/{sec.lower()}/">{esc(sec)}</a><ul class="sub-menu">{subs}</ul></li>')
    return f'<nav class="main-nav" aria-label="menu"><ul class="menu">{"".join(items)}</ul></nav>'


def teasers(rng: random.Random, lang: str, host: str, label: str, dates: list[str], cls: str = "teaser") -> str:
    titles = TEASER_TITLES[lang]
    items = []
    for i, d in enumerate(dates):
        t = titles[i % len(titles)]
        slug = "-".join(t.lower().split()[:4])
        items.append(f'<li class="{cls}"><a href="https://{host}/cronaca/{slug}-{rng.randint(1000, 9999)}/">'
                     f'<img src="https://{host}/img/{rng.randint(10**5, 10**6)}.jpg" alt="" loading="lazy" width="160" height="90">'
                     f'<span class="{cls}-title">{esc(t)}</span></a> <span class="{cls}-date">{esc(d)}</span></li>')
    return f'<aside class="box-{cls}"><h3>{esc(label)}</h3><ul>{"".join(items)}</ul></aside>'


def footer(rng: random.Random, lang: str, host: str, publisher: str, year: str = "2023") -> str:
    c = CHROME[lang]
    links = "".join(f'<li><a href="https://{host}/{w}/">{w.replace("-", " ").title()}</a></li>' for w in
                    ["chi-siamo", "redazione", "contatti", "pubblicita", "privacy", "cookie-policy", "termini", "abbonamenti", "archivio", "rss", "lavora-con-noi", "mappa-del-sito"])
    return (f'<footer class="site-footer"><ul class="footer-links">{links}</ul>'
            f'<p class="copy">© {year} {esc(publisher)} – P.IVA 0{rng.randint(10**9, 10**10 - 1)} – {esc(c["rights"])}</p></footer>')


def cookie_banner(lang: str) -> str:
    return (f'<div id="cmp-banner" class="cmp" role="dialog"><p>{esc(CHROME[lang]["cookie"])}. '
            f'<a href="/privacy">Privacy</a></p><button class="cmp-accept">OK</button><button class="cmp-reject">✕</button></div>')


def shell(rng: random.Random, *, lang: str, host: str, publisher: str, head_extra: str, body_inner: str, title: str,
          aside: str = "", pad_kb: int = 40, css_kb: int = 10, page_class: str = "article") -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{head_extra}
<link rel="stylesheet" href="https://{host}/static/css/main.{rng.getrandbits(32):08x}.css">
<style>{css_blob(rng, css_kb)}</style>
<script>{inline_config(rng, pad_kb // 2)}</script>
<script async src="https://{host}/static/js/app.{rng.getrandbits(32):08x}.js"></script>
</head>
<body class="page-{page_class}">
{svg_icons(rng, 40)}
{cookie_banner(lang)}
<header class="site-header"><a class="logo" href="https://{host}/"><img src="https://{host}/logo.svg" alt="{esc(publisher)}"></a>
{nav(rng, lang, host)}
<form class="search" action="/cerca"><input type="search" name="q"></form></header>
<div class="layout">
<main id="main" class="content">
{body_inner}
</main>
{aside}
</div>
{footer(rng, lang, host, publisher)}
<script>{inline_config(rng, pad_kb // 2)}</script>
</body>
</html>
"""


def paragraphs(rng, lang, n, cls="") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{esc(p)}</p>" for p in prose(rng, lang, n))


def share_bar() -> str:
    return ('<div class="share"><a class="fb" href="#">Facebook</a><a class="tw" href="#">Twitter</a>'
            '<a class="wa" href="#">WhatsApp</a><a class="mail" href="#">Email</a></div>')


def og(title, url, lang, extra=""):
    return (f'<meta property="og:title" content="{esc(title)}">\n<meta property="og:url" content="{esc(url)}">\n'
            f'<meta property="og:type" content="article">\n<meta property="og:locale" content="{lang}_{lang.upper()}">\n{extra}')


def ld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


# ---------------------------------------------------------------- page specs
PAGES: dict[str, dict] = {}


def add(name, *, url, lang, title, author, published, updated, html_text, contains, not_contains, is_listing=False):
    PAGES[name] = dict(html=html_text, gold={
        "file": f"unseen4/{name}.html", "url": url, "http_charset": None, "title": title, "author": author,
        "published": published, "updated": updated, "lang": lang, "contains": contains, "not_contains": not_contains,
        "is_listing": is_listing, "group": "unseen4"})


def article_page(name, rng, *, host, url, lang, publisher, title, author, published, updated, header_html,
                 head_extra="", n_par=8, aside_dates=None, below_html="", pad_kb=40, lead=None, body_cls="article-body",
                 article_tag="article", after_title=""):
    body = paragraphs(rng, lang, n_par)
    first = prose(rng, lang, 1)[0] if lead is None else lead
    inner = (f'<div class="breadcrumb"><a href="/">Home</a> › <a href="/cronaca/">{esc(CHROME[lang]["menu"][0])}</a></div>'
             f'<{article_tag} class="story">{after_title}<h1 class="story-title">{esc(title)}</h1>{header_html}{share_bar()}'
             f'<figure><img src="https://{host}/foto/{rng.randint(10**6, 10**7)}.jpg" alt=""><figcaption>{esc(publisher)}</figcaption></figure>'
             f'<div class="{body_cls}"><p class="lead">{esc(first)}</p>{body}</div></{article_tag}>{below_html}')
    aside = teasers(rng, lang, host, CHROME[lang]["most"], aside_dates or [])
    inner += teasers(rng, lang, host, CHROME[lang]["related"], (aside_dates or [])[::-1][:4], cls="related")
    text = shell(rng, lang=lang, host=host, publisher=publisher, head_extra=head_extra, body_inner=inner, title=f"{title} - {publisher}",
                 aside=aside, pad_kb=pad_kb)
    add(name, url=url, lang=lang, title=title, author=author, published=published, updated=updated, html_text=text,
        contains=first[:40], not_contains=CHROME[lang]["rights"])


def build() -> None:
    rng = random.Random(20230124)

    # 1 Italian regional TV: date only in span.data, no metadata; sidebar teasers also use span.data-like dates
    article_page("it-tvreg-span-data", rng, host="www.televalle.test", lang="it", publisher="TeleValle",
                 url="https://www.televalle.test/notizie/cronaca/tromba-d-aria-scoperchia-palestra-comunale-48211",
                 title="Tromba d'aria scoperchia la palestra comunale, danni per duecentomila euro", author=None,
                 published="2023-01-23", updated=None,
                 header_html='<div class="info-news"><span class="categoria">Cronaca</span> <span class="data">23/01/2023</span></div>',
                 aside_dates=["22/01/2023", "21/01/2023", "20/01/2023", "19/01/2023", "18/01/2023"])

    # 2 "Pubblicato" label + separate "ore" element
    article_page("it-tvreg-pubblicato-ore", rng, host="www.tgmontagna.test", lang="it", publisher="TG Montagna",
                 url="https://www.tgmontagna.test/video/cronaca/allagamenti-frazione-bassa-sacchi-sabbia/",
                 title="Allagamenti nella frazione bassa, la protezione civile distribuisce sacchi di sabbia", author="Redazione TG Montagna",
                 published="2023-01-24T18:05:00+01:00", updated=None,
                 header_html='<div class="meta-news"><span class="lbl">Pubblicato</span> <span class="giorno">24/01/2023</span> '
                             '<span class="ore">ore 18:05</span> <span class="firma">Redazione TG Montagna</span></div>',
                 head_extra=og("Allagamenti nella frazione bassa", "https://www.tgmontagna.test/video/cronaca/allagamenti-frazione-bassa-sacchi-sabbia/", "it"),
                 aside_dates=["24/01/2023 ore 16:40", "24/01/2023 ore 12:02", "23/01/2023 ore 19:30", "23/01/2023 ore 08:15"])

    # 3 dotted two-digit year
    article_page("it-dots-two-digit", rng, host="www.ilpiccolocorriere.test", lang="it", publisher="Il Piccolo Corriere",
                 url="https://www.ilpiccolocorriere.test/cronaca/palestra-inagibile-fino-a-fine-stagione-n93412",
                 title="Palestra inagibile fino a fine stagione, le società si spostano nella scuola media", author="Paolo Gatti",
                 published="2023-01-24T10:12:00+01:00", updated=None,
                 header_html='<p class="byline">di <b>Paolo Gatti</b></p><p class="dateline">24.01.23 - 10:12</p>',
                 aside_dates=["23.01.23 - 21:40", "23.01.23 - 18:02", "22.01.23 - 09:50"])

    # 4 three-letter Italian months, with an update
    article_page("it-three-letter-month", rng, host="www.gazzettadelcolle.test", lang="it", publisher="Gazzetta del Colle",
                 url="https://www.gazzettadelcolle.test/notizie/stato-di-calamita-sopralluogo-regione-7731.html",
                 title="Stato di calamità, la Regione fa il sopralluogo la prossima settimana", author="Elena Morandi",
                 published="2023-01-24", updated="2023-01-25T09:10:00+01:00",
                 header_html='<div class="art-meta"><span class="autore">Elena Morandi</span> · <span class="pub">24 gen 2023</span> '
                             '<span class="agg">agg. 25 gen 2023 09:10</span></div>',
                 aside_dates=["25 gen 2023", "24 gen 2023", "23 gen 2023", "22 gen 2023"])

    # 5 weekday long form with comma time
    article_page("it-weekday-long", rng, host="www.tvsette.test", lang="it", publisher="TV Sette Regione",
                 url="https://www.tvsette.test/tg/2023/boato-e-pezzi-di-guaina-fino-al-campo-da-calcio",
                 title="Un boato e pezzi di guaina fino al campo da calcio: il racconto dei residenti", author=None,
                 published="2023-01-23T18:05:00+01:00", updated=None,
                 header_html='<div class="tg-date">lunedì 23 gennaio 2023, 18:05</div>',
                 head_extra=og("Un boato e pezzi di guaina", "https://www.tvsette.test/tg/2023/boato-e-pezzi-di-guaina-fino-al-campo-da-calcio", "it"),
                 aside_dates=["lunedì 23 gennaio 2023, 14:20", "domenica 22 gennaio 2023, 20:00", "sabato 21 gennaio 2023, 13:30"])

    # 6 two bylines (print + web) with metadata
    u = "https://www.quotidianodellapianura.test/cronaca/2023/01/25/numero-verde-segnalazioni-area-transennata/"
    article_page("it-two-bylines", rng, host="www.quotidianodellapianura.test", lang="it", publisher="Quotidiano della Pianura",
                 url=u, title="Numero verde per le segnalazioni, vietato avvicinarsi all'area transennata", author="Marco Bellini",
                 published="2023-01-25T07:30:00+01:00", updated="2023-01-25T12:45:00+01:00",
                 header_html='<div class="firme"><p class="firma-carta">di Marco Bellini <span>(edizione cartacea)</span></p>'
                             '<p class="firma-web">Versione web a cura di Sara Ferraro</p>'
                             '<p class="date"><time datetime="2023-01-25T07:30:00+01:00">25 gennaio 2023</time> · aggiornato alle 12:45</p></div>',
                 head_extra=og("Numero verde", u, "it", '<meta property="article:published_time" content="2023-01-25T07:30:00+01:00">\n'
                               '<meta property="article:modified_time" content="2023-01-25T12:45:00+01:00">\n<meta name="author" content="Marco Bellini">'),
                 aside_dates=["25 gennaio 2023", "24 gennaio 2023", "24 gennaio 2023"])

    # 7 aggregator embedding the original (Italian): gold is the original publication
    u = "https://www.rassegnanotizie.test/it/a/tromba-d-aria-palestra-comunale-9f81c2"
    orig = ('<div class="aggr-source"><img src="/favicons/televalle.png" alt=""> <a class="src" href="https://www.televalle.test/notizie/cronaca/x">TeleValle</a> '
            '<span class="src-date">23 gennaio 2023 alle 19:42</span></div>')
    article_page("it-aggregator-embed", rng, host="www.rassegnanotizie.test", lang="it", publisher="RassegnaNotizie",
                 url=u, title="Tromba d'aria, il tetto della palestra comunale vola sul parcheggio", author=None,
                 published="2023-01-23T19:42:00+01:00", updated=None, header_html=orig,
                 head_extra=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tromba d'aria, il tetto della palestra comunale vola sul parcheggio",
                                "datePublished": "2023-01-23T19:42:00+01:00", "isBasedOn": "https://www.televalle.test/notizie/cronaca/x",
                                "publisher": {"@type": "Organization", "name": "TeleValle"}}),
                 below_html='<div class="aggr-more"><p class="added">Aggiunto alla rassegna il 24/01/2023 06:10</p>'
                            '<a class="read-orig" href="https://www.televalle.test/notizie/cronaca/x">Leggi l\'articolo completo su TeleValle</a></div>',
                 aside_dates=["24 gennaio 2023 alle 05:50", "24 gennaio 2023 alle 05:12", "23 gennaio 2023 alle 23:59"])

    # 8 English "Published: 1 day ago" + machine date
    u = "https://www.northvalegazette.test/news/local/water-main-burst-floods-high-street-shops-2023"
    article_page("en-relative-machine", rng, host="www.northvalegazette.test", lang="en", publisher="Northvale Gazette",
                 url=u, title="Water main burst floods high street shops and cuts pressure to 2,000 homes", author="Tom Hughes",
                 published="2023-03-14T08:20:00+01:00", updated=None,
                 header_html='<div class="article-meta"><span class="by">By <a rel="author" href="/profile/tom-hughes">Tom Hughes</a></span> '
                             '<span class="ago">Published: <time datetime="2023-03-14T07:20:00Z" title="14 March 2023 07:20">1 day ago</time></span></div>',
                 aside_dates=["2 hours ago", "5 hours ago", "1 day ago", "3 days ago"])

    # 9 English UK-style with GMT and "Updated 2 hours ago"
    u = "https://www.eastshiretimes.test/news/23393811.council-review-ageing-water-network/"
    article_page("en-gmt-updated-ago", rng, host="www.eastshiretimes.test", lang="en", publisher="Eastshire Times",
                 url=u, title="Councillors call for independent review of ageing water network", author="Claire Durand",
                 published="2023-03-15T09:05:00+01:00", updated=None,
                 header_html='<div class="mar-meta"><p class="author">By Claire Durand, Local Democracy Reporter</p>'
                             '<p class="dates"><span>Published 15 March 2023, 08:05 GMT</span> <span>Updated 2 hours ago</span></p></div>',
                 head_extra=og("Councillors call for review", u, "en"),
                 aside_dates=["14 March 2023", "14 March 2023", "13 March 2023"])

    # 10 newsletter archived as web page (Mailchimp-like tables)
    rng2 = random.Random(7)
    rows = "".join(f'<tr><td class="mcnTextContent" style="padding:9px 18px;color:#202020;font-family:Helvetica;font-size:16px;line-height:150%;">'
                   f'<h2 style="margin:0">{esc(t)}</h2><p>{esc(p)}</p></td></tr>'
                   for t, p in zip(["Burst main on the high street", "Bus diversions", "Bottled water points", "What happens next"], prose(rng2, "en", 4)))
    nl_html = f"""<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8">
<meta property="og:title" content="Northvale Community Bulletin #142">
<meta property="og:description" content="Water main burst, bus diversions and bottled water points">
<title>Northvale Community Bulletin #142</title><style>{css_blob(rng2, 25)}</style></head>
<body><center><table id="bodyTable" width="100%" cellpadding="0" cellspacing="0"><tr><td id="bodyCell">
<table class="templateContainer"><tr><td class="preheader"><span class="mcnPreviewText" style="display:none">Water main burst, bus diversions and bottled water points</span>
<a href="https://us5.campaign-archive.test/?u=ab12&amp;id=cd34">View this email in your browser</a></td></tr>
<tr><td class="header"><img src="https://mcusercontent.test/logo.png" alt="Northvale Community Trust"></td></tr>
<tr><td class="mcnTextContent"><h1>Northvale Community Bulletin #142</h1><p class="issue-date">Tuesday, March 14, 2023</p></td></tr>
{rows}
<tr><td class="mcnTextContent">{"".join(f"<p>{esc(p)}</p>" for p in prose(rng2, "en", 6))}</td></tr>
<tr><td class="footer"><em>Copyright © 2023 Northvale Community Trust, All rights reserved.</em><br>You are receiving this email because you opted in.
<br><a href="*|UNSUB|*">unsubscribe from this list</a> <a href="*|UPDATE_PROFILE|*">update subscription preferences</a></td></tr>
</table></td></tr></table></center>
<script>{inline_config(rng2, 40)}</script>
<div id="awesomebar"><a href="https://us5.campaign-archive.test/home/?u=ab12&amp;id=ef56">Past Issues</a> <a href="#">Subscribe</a> <a href="#">RSS</a></div>
</body></html>"""
    add("en-newsletter-archive", url="https://us5.campaign-archive.test/?u=ab12&id=cd34", lang="en", title="Northvale Community Bulletin #142",
        author=None, published="2023-03-14", updated=None, html_text=nl_html, contains=prose(random.Random(7), "en", 1)[0][:0] or "Burst main on the high street",
        not_contains="unsubscribe from this list")

    # 11 Italian newsletter archived (comune), date in subject line style
    rng3 = random.Random(11)
    body = "".join(f"<tr><td class='txt' style='padding:10px 20px'><p>{esc(p)}</p></td></tr>" for p in prose(rng3, "it", 7))
    nl_it = f"""<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Newsletter del Comune n. 4/2023</title>
<style>{css_blob(rng3, 28)}</style></head><body><table width="100%" class="wrapper"><tr><td>
<table class="container" width="600" align="center"><tr><td class="top"><a href="#">Visualizza nel browser</a></td></tr>
<tr><td class="head"><h1 style="font-size:24px">Newsletter del Comune n. 4/2023</h1><p style="color:#777">Inviata il 26/01/2023</p></td></tr>
<tr><td class="txt"><h2>Maltempo: palestra inagibile e numero verde</h2></td></tr>
{body}
<tr><td class="foot"><p>Comune di Valfonda – Piazza del Municipio 1 – © 2023</p><p><a href="#">Annulla iscrizione</a></p></td></tr>
</table></td></tr></table><script>{inline_config(rng3, 36)}</script></body></html>"""
    add("it-newsletter-comune", url="https://newsletter.comune-valfonda.test/archivio/2023/4/", lang="it",
        title="Newsletter del Comune n. 4/2023", author=None, published="2023-01-26", updated=None, html_text=nl_it,
        contains="Maltempo: palestra inagibile e numero verde", not_contains="Annulla iscrizione")

    # 12-13 PDF turned into HTML (pdf2htmlEX-style absolute divs)
    def pdf_page(name, seed, lang, title, lines, url, published, place_date, author=None):
        r = random.Random(seed)
        divs = []
        y = 1100
        for ln in [title, place_date] + lines:
            y -= r.randint(18, 30)
            divs.append(f'<div class="t m0 x{r.randint(1, 9)} h{r.randint(2, 6)} y{y:x} ff{r.randint(1, 4)} fs{r.randint(0, 3)} fc0 sc0 ls0 ws0">{esc(ln)}</div>')
        pages = []
        chunk = 18
        for pi in range(0, len(divs), chunk):
            pages.append(f'<div id="pf{pi // chunk + 1:x}" class="pf w0 h0" data-page-no="{pi // chunk + 1:x}"><div class="pc pc{pi // chunk + 1:x} w0 h0">'
                         f'<img class="bi x0 y0 w1 h1" alt="" src="data:image/png;base64,{"iVBORw0KGgo" + "A" * 1800}">{"".join(divs[pi:pi + chunk])}</div></div>')
        text = f"""<!DOCTYPE html>
<!-- Created by pdf2htmlEX (https://github.com/coolwanglu/pdf2htmlex) -->
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/>
<meta name="generator" content="pdf2htmlEX"/><meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1"/>
<style type="text/css">{css_blob(r, 30)}</style>
<title></title></head><body><div id="sidebar"><div id="outline"></div></div><div id="page-container">{"".join(pages)}</div>
<div class="loading-indicator"></div><script>{inline_config(r, 20)}</script></body></html>"""
        text_lines = []
        for p in lines:
            text_lines.append(p)
        add(name, url=url, lang=lang, title=title, author=author, published=published, updated=None, html_text=text,
            contains=lines[0][:40], not_contains="pdf2htmlEX")

    def wrap_lines(paras, width=90):
        out = []
        for p in paras:
            words, cur = p.split(), ""
            for w in words:
                if len(cur) + len(w) + 1 > width:
                    out.append(cur)
                    cur = w
                else:
                    cur = (cur + " " + w).strip()
            out.append(cur)
        return out

    r = random.Random(12)
    pdf_page("it-pdf-comunicato", 12, "it", "COMUNICATO STAMPA", wrap_lines(prose(r, "it", 14)),
             "https://www.prefettura-valfonda.test/allegati/comunicato_stampa_maltempo.pdf.html", "2023-03-07",
             "Valfonda, 7 marzo 2023")
    r = random.Random(13)
    pdf_page("fr-pdf-communique", 13, "fr", "COMMUNIQUÉ DE PRESSE", wrap_lines(prose(r, "fr", 14)),
             "https://www.prefecture-hautval.test/content/download/communique-glissement-de-terrain.html", "2023-02-13",
             "Hautval, le 13 février 2023")

    # 14 German dotted two-digit year with Uhr
    u = "https://www.kreisbote-nord.test/lokales/grossbrand-lagerhalle-gewerbegebiet-92113847.html"
    article_page("de-dots-two-digit-uhr", rng, host="www.kreisbote-nord.test", lang="de", publisher="Kreisbote Nord", url=u,
                 title="Großbrand in Lagerhalle: Feuerwehr verhindert Übergreifen auf Spedition", author="Jonas Becker",
                 published="2023-01-24T10:12:00+01:00", updated="2023-01-25T08:00:00+01:00",
                 header_html='<div class="id-Story-timestamp"><p>Veröffentlicht am 24.01.23 um 10:12 Uhr</p><p>Aktualisiert am 25.01.23 um 08:00 Uhr</p></div>'
                             '<p class="id-Story-authors">Von Jonas Becker</p>',
                 aside_dates=["24.01.23, 09:40", "23.01.23, 17:15", "23.01.23, 07:00"])

    # 15 French long weekday with "h"
    u = "https://www.ledauphinois-valley.test/faits-divers/2023/01/23/glissement-de-terrain-route-coupee"
    article_page("fr-weekday-h", rng, host="www.ledauphinois-valley.test", lang="fr", publisher="Le Dauphinois de la Vallée", url=u,
                 title="Glissement de terrain : la route départementale coupée entre les deux villages", author="Claire Durand",
                 published="2023-01-23T18:05:00+01:00", updated=None,
                 header_html='<p class="auteur">Par Claire Durand</p><p class="date">Publié le lundi 23 janvier 2023 à 18h05</p>',
                 aside_dates=["Il y a 2 heures", "lundi 23 janvier 2023 à 12h00", "dimanche 22 janvier 2023 à 20h15"])

    # 16 Spanish three-letter month
    u = "https://www.diariodelnorte.test/local/apagon-barrio-norte-cinco-horas_12345_102.html"
    article_page("es-three-letter", rng, host="www.diariodelnorte.test", lang="es", publisher="Diario del Norte", url=u,
                 title="Un apagón deja sin luz al barrio norte durante casi cinco horas", author="Marta Navarro",
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<div class="firma"><span class="autor">Marta Navarro</span><span class="fecha">Publicado: 24 ene 2023 - 10:35</span></div>',
                 aside_dates=["23 ene 2023 - 20:10", "23 ene 2023 - 11:00", "22 ene 2023 - 09:45"])

    # 17 Spanish two bylines
    u = "https://www.elcorreodelvalle.test/sucesos/ayuntamiento-pide-informe-apagon-20230125.html"
    article_page("es-two-bylines", rng, host="www.elcorreodelvalle.test", lang="es", publisher="El Correo del Valle", url=u,
                 title="El ayuntamiento pide un informe a la eléctrica tras el apagón", author="Marta Navarro",
                 published="2023-01-25T13:20:00+01:00", updated=None,
                 header_html='<div class="autores"><p>Texto: Marta Navarro</p><p>Edición web: Luca Costa</p></div>'
                             '<p class="fecha"><time datetime="2023-01-25T13:20:00+01:00">25/01/2023 13:20</time></p>',
                 aside_dates=["25/01/2023", "24/01/2023", "24/01/2023"])

    # 18 Portuguese "às 10h35"
    u = "https://www.jornaldaregiao.test/sociedade/incendio-armazem-agricola-corta-estrada-nacional"
    article_page("pt-as-h", rng, host="www.jornaldaregiao.test", lang="pt", publisher="Jornal da Região", url=u,
                 title="Incêndio em armazém agrícola obriga ao corte da estrada nacional", author=None,
                 published="2023-02-01T10:35:00+01:00", updated=None,
                 header_html='<p class="data-pub">1 fev 2023 às 10h35</p>',
                 aside_dates=["31 jan 2023 às 22h10", "31 jan 2023 às 18h00", "30 jan 2023 às 09h00"])

    # 19 Dutch short weekday + short month
    u = "https://www.stedenbode.test/nieuws/storing-seinsysteem-urenlang-geen-treinen~a4421981/"
    article_page("nl-short-weekday", rng, host="www.stedenbode.test", lang="nl", publisher="Stedenbode", url=u,
                 title="Storing in seinsysteem: urenlang geen treinen tussen de twee steden", author="Pieter de Vries",
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<div class="artstyle__byline">Pieter de Vries</div><div class="artstyle__production"><time>di 24 jan 2023, 10:35</time></div>',
                 aside_dates=["ma 23 jan 2023", "ma 23 jan 2023", "zo 22 jan 2023"])

    # 20 Polish dotted full date
    u = "https://www.gazetapowiatowa.test/wiadomosci/wiatr-zerwal-dach-szkoly,n,1000234511.html"
    article_page("pl-dotted-comma", rng, host="www.gazetapowiatowa.test", lang="pl", publisher="Gazeta Powiatowa", url=u,
                 title="Wiatr zerwał dach szkoły. Lekcje odwołane do końca tygodnia", author="Ewa Kowalska",
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<div class="autor">Ewa Kowalska</div><div class="data-publikacji">Data utworzenia: 24.01.2023, 10:35</div>',
                 aside_dates=["23.01.2023, 18:00", "23.01.2023, 09:12", "22.01.2023, 20:40"])

    # 21 Swedish "24 jan. 2023 kl. 10.35"
    u = "https://www.lanstidningen.test/nyheter/vattenlacka-centrala-staden-hundratals-hushall-utan-vatten"
    article_page("sv-kl", rng, host="www.lanstidningen.test", lang="sv", publisher="Länstidningen", url=u,
                 title="Vattenläcka i centrala staden – hundratals hushåll utan vatten", author="Lars Lindqvist",
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<p class="byline">Lars Lindqvist</p><p class="pubdate">Publicerad 24 jan. 2023 kl. 10.35</p>',
                 aside_dates=["23 jan. 2023", "23 jan. 2023", "22 jan. 2023"])

    # 22 Finnish "24.1.2023 klo 10.35"
    u = "https://www.maakuntalehti.test/uutiset/myrsky-katkaisi-sahkot-tuhansista-kotitalouksista/"
    article_page("fi-klo", rng, host="www.maakuntalehti.test", lang="fi", publisher="Maakuntalehti", url=u,
                 title="Myrsky katkaisi sähköt tuhansista kotitalouksista", author="Aino Virtanen",
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<p class="kirjoittaja">Aino Virtanen</p><p class="julkaistu">Julkaistu 24.1.2023 klo 10.35</p>',
                 aside_dates=["23.1.2023", "23.1.2023", "22.1.2023"])

    # 23 Hungarian "2023. jan. 24. 10:35"
    u = "https://www.varosihirek.test/belfold/vezetektores-ivoviz-keleti-varosresz"
    article_page("hu-short-month", rng, host="www.varosihirek.test", lang="hu", publisher="Városi Hírek", url=u,
                 title="Vezetéktörés: több utcában elzárták az ivóvizet", author=None,
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<div class="cikk-datum">2023. jan. 24. 10:35</div>',
                 aside_dates=["2023. jan. 23.", "2023. jan. 23.", "2023. jan. 22."])

    # 24 Greek three-letter month
    u = "https://www.topikaneа.test/ellada/megali-pyrkagia-dasiki-ektasi".replace("а", "a")
    article_page("el-short-month", rng, host="www.topikanea.test", lang="el", publisher="Τοπικά Νέα", url=u,
                 title="Μεγάλη πυρκαγιά σε δασική έκταση κοντά στο χωριό", author=None,
                 published="2023-05-16T17:40:00+02:00", updated=None,
                 header_html='<span class="article-date">16 Μαΐ 2023, 17:40</span>',
                 aside_dates=["16 Μαΐ 2023", "15 Μαΐ 2023", "15 Μαΐ 2023"])

    # 25 Croatian with short month "sij"
    u = "https://www.zupanijskilist.test/vijesti/nevrijeme-s-tucom-pogodilo-naselja-20230124"
    article_page("hr-short-month", rng, host="www.zupanijskilist.test", lang="hr", publisher="Županijski list", url=u,
                 title="Nevrijeme s tučom pogodilo nekoliko naselja u županiji", author=None,
                 published="2023-01-24T19:10:00+01:00", updated=None,
                 header_html='<div class="datum">24. sij. 2023. u 19:10</div>',
                 aside_dates=["23. sij. 2023.", "23. sij. 2023.", "22. sij. 2023."])

    # 26 Romanian "24 ian. 2023, 10:35"
    u = "https://www.ziarulvaii.test/actualitate/alunecare-de-teren-drum-judetean-blocat-123456"
    article_page("ro-short-month", rng, host="www.ziarulvaii.test", lang="ro", publisher="Ziarul Văii", url=u,
                 title="Alunecare de teren: drumul județean dintre cele două comune, blocat", author=None,
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<div class="post-date">Publicat: 24 ian. 2023, 10:35</div>',
                 aside_dates=["23 ian. 2023", "23 ian. 2023", "22 ian. 2023"])

    # 27 Czech "24. 1. 2023 10:35"
    u = "https://www.krajskelisty.test/zpravy/vitr-strhl-strechu-skoly-r~4f2a1b"
    article_page("cs-spaced-dots", rng, host="www.krajskelisty.test", lang="cs", publisher="Krajské listy", url=u,
                 title="Vítr strhl střechu školy, výuka je zrušena", author=None,
                 published="2023-01-24T10:35:00+01:00", updated=None,
                 header_html='<span class="time">24. 1. 2023 10:35</span>',
                 aside_dates=["23. 1. 2023", "23. 1. 2023", "22. 1. 2023"])

    # 28 Italian "Aggiornato" first then "Pubblicato alle ... del ..."
    u = "https://www.ecodellariviera.test/cronaca/provinciale-senso-unico-alternato-detriti/"
    article_page("it-aggiornato-prima", rng, host="www.ecodellariviera.test", lang="it", publisher="Eco della Riviera", url=u,
                 title="Provinciale a senso unico alternato per tre ore, rimossi i detriti", author="Luca Gatti",
                 published="2023-01-24T08:30:00+01:00", updated="2023-01-24T20:10:00+01:00",
                 header_html='<div class="info"><span>Aggiornato alle 20:10 del 24/01/2023</span> — <span>Pubblicato alle 08:30</span> '
                             '<span class="autore">di Luca Gatti</span></div>',
                 aside_dates=["24/01/2023", "23/01/2023", "23/01/2023"])

    # 29 Italian regional TV with "Martedì 24 gennaio 2023 ore 13:30" + VideoObject
    u = "https://www.rtvvalle.test/tg/edizione-13-30-24-01-2023/servizio-traffico-provinciale"
    article_page("it-tvreg-videoobject", rng, host="www.rtvvalle.test", lang="it", publisher="RTV Valle", url=u,
                 title="Traffico in tilt sulla provinciale dopo il maltempo", author=None,
                 published="2023-01-24T13:30:00+01:00", updated=None,
                 header_html='<p class="date-tg">Martedì 24 gennaio 2023 ore 13:30</p>',
                 head_extra=ld({"@context": "https://schema.org", "@type": "VideoObject", "name": "Traffico in tilt sulla provinciale",
                                "uploadDate": "2023-01-24T13:30:00+01:00", "duration": "PT2M10S",
                                "thumbnailUrl": "https://www.rtvvalle.test/thumb/1.jpg"}),
                 aside_dates=["Martedì 24 gennaio 2023 ore 08:00", "Lunedì 23 gennaio 2023 ore 19:30", "Lunedì 23 gennaio 2023 ore 13:30"])

    # 30 Italian with dd/mm/yy only
    u = "https://www.lavocedelborgo.test/news/danni-palestra-controlli-periodici-copertura.html"
    article_page("it-slash-two-digit", rng, host="www.lavocedelborgo.test", lang="it", publisher="La Voce del Borgo", url=u,
                 title="Controlli periodici sulla copertura: il tecnico comunale spiega", author="Anna Ferraro",
                 published="2023-01-26T11:00:00+01:00", updated=None,
                 header_html='<p class="meta">Anna Ferraro | 26/01/23 11:00</p>',
                 aside_dates=["25/01/23", "25/01/23", "24/01/23"])

    # 31 German aggregator (dpa via portal) embedding original with original time
    u = "https://www.nachrichtenportal.test/regional/brand-lagerhalle-ermittlungen-kripo-id12345.html"
    article_page("de-aggregator-dpa", rng, host="www.nachrichtenportal.test", lang="de", publisher="Nachrichtenportal", url=u,
                 title="Nach Brand in Lagerhalle: Kripo ermittelt zur Ursache", author=None,
                 published="2023-01-24T14:48:00+01:00", updated=None,
                 header_html='<div class="quelle">Quelle: <a href="https://www.kreisbote-nord.test/">Kreisbote Nord</a> · 24.01.2023, 14:48 Uhr</div>',
                 below_html='<p class="portal-note">Auf Nachrichtenportal übernommen am 24.01.2023 um 15:30 Uhr</p>',
                 aside_dates=["24.01.2023, 15:10 Uhr", "24.01.2023, 13:00 Uhr", "23.01.2023, 22:00 Uhr"])

    # 32 English aggregator with original in blockquote and relative + machine date
    u = "https://www.newsroundup.test/story/7f3e2a/bus-diversions-after-water-main-burst"
    article_page("en-aggregator-embed", rng, host="www.newsroundup.test", lang="en", publisher="News Roundup", url=u,
                 title="Bus diversions after water main burst in Northvale", author=None,
                 published="2023-03-14T11:02:00+01:00", updated=None,
                 header_html='<div class="source-card"><span class="source-name">Northvale Gazette</span> · '
                             '<time class="source-time" datetime="2023-03-14T10:02:00Z">3 months ago</time></div>',
                 below_html='<p class="curated">Curated by News Roundup · <span>Added Mar 15, 2023</span></p>',
                 aside_dates=["3 months ago", "3 months ago", "4 months ago"])

    # 33 Italian "Pubblicato il" label with separate ore in a <time> without datetime, plus wrong copyright year
    u = "https://www.notiziedelmolise-test.test/cronaca/regione-numero-verde-segnalazioni"
    article_page("it-pubblicato-il-time", rng, host="www.notiziedelmolise-test.test", lang="it", publisher="Notizie del Molise", url=u,
                 title="La Regione attiva un numero verde per i danni del maltempo", author="Giulia Bellini",
                 published="2023-01-27T16:45:00+01:00", updated=None,
                 header_html='<div class="post-meta"><span class="label">Pubblicato il</span> <time>27 gennaio 2023</time> '
                             '<span class="ore">alle ore 16:45</span> <span class="by">da Giulia Bellini</span></div>',
                 aside_dates=["27 gennaio 2023", "26 gennaio 2023", "26 gennaio 2023"])

    # 34 English "Published: 1 day ago" with data-timestamp (epoch ms), no datetime attribute
    u = "https://www.coastalecho.test/news/bottled-water-leisure-centre-car-park"
    article_page("en-relative-epoch", rng, host="www.coastalecho.test", lang="en", publisher="Coastal Echo", url=u,
                 title="Bottled water available at leisure centre car park until evening", author="Tom Hughes",
                 published="2023-03-14T12:00:00+01:00", updated=None,
                 header_html='<div class="meta">By Tom Hughes · <span class="timeago" data-timestamp="1678791600000" '
                             'title="2023-03-14T11:00:00.000Z">Published: 1 day ago</span></div>'
                             + ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bottled water available",
                                   "datePublished": "2023-03-14T11:00:00.000Z", "author": {"@type": "Person", "name": "Tom Hughes"}}),
                 aside_dates=["1 day ago", "2 days ago", "2 days ago"])

    # ------------------------------------------------------------ listings
    def listing(name, seed, *, host, url, lang, publisher, title, items_html, cls="lista"):
        r = random.Random(seed)
        inner = f'<h1 class="section-title">{esc(title)}</h1><div class="{cls}">{items_html}</div><nav class="pagination"><a href="?page=2">2</a><a href="?page=3">3</a><a href="?page=2">›</a></nav>'
        text = shell(r, lang=lang, host=host, publisher=publisher, head_extra='<meta property="og:type" content="website">',
                     body_inner=inner, title=f"{title} - {publisher}", aside=teasers(r, lang, host, CHROME[lang]["most"], []), pad_kb=40, page_class="section")
        add(name, url=url, lang=lang, title=title, author=None, published=None, updated=None, html_text=text,
            contains=None, not_contains=None, is_listing=True)

    def cards(seed, lang, host, n, datefmt):
        r = random.Random(seed)
        out = []
        for i in range(n):
            t = TEASER_TITLES[lang][i % len(TEASER_TITLES[lang])] + f" ({i + 1})"
            p = prose(r, lang, 1)[0][:160]
            out.append(f'<div class="card"><a href="https://{host}/n/{r.randint(10**5, 10**6)}"><img src="https://{host}/i/{i}.jpg" alt=""></a>'
                       f'<h2><a href="https://{host}/n/{r.randint(10**5, 10**6)}">{esc(t)}</a></h2><p>{esc(p)}</p>{datefmt(i)}</div>')
        return "".join(out)

    listing("it-listing-tvreg-archive", 101, host="www.televalle.test", url="https://www.televalle.test/notizie/cronaca/", lang="it",
            publisher="TeleValle", title="Cronaca",
            items_html=cards(101, "it", "www.televalle.test", 24, lambda i: f'<span class="data">{23 - i // 3:02d}/01/2023</span>'))
    listing("it-listing-aggregator-home", 102, host="www.rassegnanotizie.test", url="https://www.rassegnanotizie.test/it/", lang="it",
            publisher="RassegnaNotizie", title="Le notizie di oggi",
            items_html=cards(102, "it", "www.rassegnanotizie.test", 30, lambda i: f'<span class="src">Fonte {i}</span> <span class="src-date">24 gennaio 2023 alle {8 + i // 4:02d}:{(i * 7) % 60:02d}</span>'))
    listing("en-listing-newsletter-archive", 103, host="www.northvalecommunity.test", url="https://www.northvalecommunity.test/newsletter/archive/", lang="en",
            publisher="Northvale Community Trust", title="Newsletter archive",
            items_html=cards(103, "en", "www.northvalecommunity.test", 26, lambda i: f'<p class="issue">Issue #{142 - i} · {["Tuesday", "Monday"][i % 2]}, March {14 - i // 2}, 2023</p>' if i < 26 else ""))
    listing("it-listing-comunicati", 104, host="www.prefettura-valfonda.test", url="https://www.prefettura-valfonda.test/comunicati-stampa/", lang="it",
            publisher="Prefettura di Valfonda", title="Comunicati stampa",
            items_html=cards(104, "it", "www.prefettura-valfonda.test", 22, lambda i: f'<p class="meta">Pubblicato il {28 - i:02d}.02.23 <a class="pdf" href="/allegati/c{i}.pdf">PDF</a></p>'))
    listing("de-listing-ticker", 105, host="www.kreisbote-nord.test", url="https://www.kreisbote-nord.test/lokales/", lang="de",
            publisher="Kreisbote Nord", title="Lokales",
            items_html=cards(105, "de", "www.kreisbote-nord.test", 28, lambda i: f'<p class="ts">{24 - i // 5:02d}.01.23, {(20 - i % 12):02d}:{(i * 13) % 60:02d} Uhr</p>'))


def main() -> None:
    build()
    OUT.mkdir(parents=True, exist_ok=True)
    gold = {}
    for name, spec in sorted(PAGES.items()):
        data = spec["html"].encode("utf-8")
        (OUT / f"{name}.html").write_bytes(data)
        gold[name] = spec["gold"]
        size = len(data)
        if not 40_000 <= size <= 150_000:
            print(f"warning: {name} is {size} bytes")
    GOLD.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(gold)} pages, {sum(g['is_listing'] for g in gold.values())} listings")


if __name__ == "__main__":
    main()
