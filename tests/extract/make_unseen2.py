"""Generate tests/extract/pages/unseen2/ and expected_unseen2.json (group "unseen2").

Written before reading the extractor: structures modelled on regional Italian papers, tech blogs,
German public broadcasters and regional papers, French, Spanish, Dutch, Portuguese (pt-BR/pt-PT),
Polish, Swedish, Czech, Romanian and English (UK/US/IE) news sites. All prose, names and sites are
invented for this project. Deterministic: run `python tests/extract/make_unseen2.py`.

Gold decisions:
- the page's publication moment, converted to Europe/Rome (US "ET", Lisbon, London, Dublin and
  Brasília wall times converted from the page's own zone);
- live blogs: the blog's start; syndicated pages: the original publication the page states;
- URL date vs an unlabelled later byline date: the URL day (the byline is a revision);
- a date shown without a time → date-only gold ("same local day").
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).parent
OUT = HERE / "pages" / "unseen2"
ROME = ZoneInfo("Europe/Rome")

# ---------------------------------------------------------------- language packs (our own words)

MONTHS = {
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "en": "January February March April May June July August September October November December",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}

WORDS = {  # menu sections, most read, related, comments, cookie text, footer, search, login
    "it": dict(sections="Home Cronaca Politica Economia Sport Cultura Spettacoli Motori Tecnologia Salute Meteo Provincia".split(),
               most="I più letti", related="Potrebbe interessarti", comments="Commenti dei lettori", reply="Rispondi",
               cookie="Questo sito usa cookie tecnici e, previo consenso, cookie di profilazione di terze parti. Puoi accettare, rifiutare o scegliere le finalità.",
               accept="Accetta tutto", reject="Rifiuta", rights="Tutti i diritti riservati", vat="P.IVA 01234567890 - Reg. Trib. n. 12/2004",
               latest="Ultime notizie", login="Accedi", subscribe="Abbonati", weather="Meteo oggi", read="Leggi"),
    "de": dict(sections="Startseite Politik Wirtschaft Panorama Sport Kultur Wissen Digital Region Reise Auto Wetter".split(),
               most="Meistgelesen", related="Mehr aus der Region", comments="Leserkommentare", reply="Antworten",
               cookie="Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und Zugriffe zu messen. Ihre Einwilligung können Sie jederzeit widerrufen.",
               accept="Alle akzeptieren", reject="Ablehnen", rights="Alle Rechte vorbehalten", vat="Verlagshaus Nordlicht GmbH, Amtsgericht HRB 4711",
               latest="Neueste Meldungen", login="Anmelden", subscribe="Abo abschließen", weather="Wetter heute", read="Weiterlesen"),
    "fr": dict(sections="Accueil International Politique Société Économie Sports Culture Sciences Numérique Régions Météo Opinions".split(),
               most="Les plus lus", related="Sur le même sujet", comments="Réactions", reply="Répondre",
               cookie="Avec votre accord, nous et nos partenaires utilisons des cookies pour mesurer l'audience et proposer des publicités adaptées.",
               accept="Accepter et fermer", reject="Continuer sans accepter", rights="Tous droits réservés", vat="Éditions du Littoral SAS au capital de 150 000 €",
               latest="Dernières infos", login="Se connecter", subscribe="S'abonner", weather="Météo du jour", read="Lire"),
    "es": dict(sections="Portada Nacional Internacional Economía Deportes Cultura Tecnología Sociedad Opinión Comunidad Tiempo Vídeos".split(),
               most="Lo más leído", related="Noticias relacionadas", comments="Comentarios", reply="Responder",
               cookie="Utilizamos cookies propias y de terceros para analizar la navegación y mostrarte publicidad personalizada. Puedes configurar o rechazar su uso.",
               accept="Aceptar", reject="Configurar", rights="Todos los derechos reservados", vat="Ediciones del Levante S.L., CIF B12345678",
               latest="Última hora", login="Iniciar sesión", subscribe="Suscríbete", weather="El tiempo", read="Leer"),
    "nl": dict(sections="Voorpagina Binnenland Buitenland Politiek Economie Sport Cultuur Tech Regio Weer Video Podcasts".split(),
               most="Meest gelezen", related="Meer over dit onderwerp", comments="Reacties", reply="Reageer",
               cookie="Wij en onze partners gebruiken cookies om de site te verbeteren en advertenties af te stemmen. Je kunt je keuze altijd wijzigen.",
               accept="Akkoord", reject="Instellingen", rights="Alle rechten voorbehouden", vat="Mediahuis Polder B.V., KvK 12345678",
               latest="Net binnen", login="Inloggen", subscribe="Abonneer", weather="Weerbericht", read="Lees"),
    "pt": dict(sections="Início Política Economia Mundo Desporto Cultura Tecnologia Sociedade Opinião Local Tempo Vídeos".split(),
               most="Mais lidas", related="Leia também", comments="Comentários", reply="Responder",
               cookie="Usamos cookies para melhorar a sua experiência e para fins estatísticos. Ao continuar a navegar, aceita a nossa política de privacidade.",
               accept="Aceitar", reject="Gerir opções", rights="Todos os direitos reservados", vat="Grupo Atlântico de Comunicação, NIPC 501234567",
               latest="Últimas", login="Entrar", subscribe="Assine", weather="Tempo", read="Ler"),
    "pl": dict(sections="Główna Kraj Świat Polityka Biznes Sport Kultura Technologie Region Pogoda Wideo Opinie".split(),
               most="Najczęściej czytane", related="Zobacz także", comments="Komentarze", reply="Odpowiedz",
               cookie="Korzystamy z plików cookie, aby dopasować treści i reklamy oraz analizować ruch. Możesz zmienić ustawienia w dowolnym momencie.",
               accept="Akceptuję", reject="Ustawienia", rights="Wszelkie prawa zastrzeżone", vat="Wydawnictwo Wisła Sp. z o.o., NIP 123-456-78-90",
               latest="Najnowsze", login="Zaloguj", subscribe="Subskrybuj", weather="Pogoda", read="Czytaj"),
    "sv": dict(sections="Start Nyheter Sverige Världen Ekonomi Sport Kultur Teknik Lokalt Väder Debatt Ledare".split(),
               most="Mest läst", related="Läs också", comments="Kommentarer", reply="Svara",
               cookie="Vi använder kakor för att anpassa innehåll och annonser och för att analysera trafiken. Du kan ändra dina val när som helst.",
               accept="Godkänn alla", reject="Inställningar", rights="Alla rättigheter förbehållna", vat="Tidningshuset Norrland AB, org.nr 556000-1234",
               latest="Senaste nytt", login="Logga in", subscribe="Prenumerera", weather="Vädret", read="Läs"),
    "cs": dict(sections="Úvod Domácí Zahraničí Ekonomika Sport Kultura Technet Regiony Počasí Názory Video Bydlení".split(),
               most="Nejčtenější", related="Související články", comments="Diskuse", reply="Odpovědět",
               cookie="Používáme soubory cookie k personalizaci obsahu a reklam a k analýze návštěvnosti. Souhlas můžete kdykoli odvolat.",
               accept="Souhlasím", reject="Nastavení", rights="Všechna práva vyhrazena", vat="Vydavatelství Vltava a.s., IČO 12345678",
               latest="Nejnovější", login="Přihlásit", subscribe="Předplatné", weather="Počasí", read="Číst"),
    "ro": dict(sections="Acasă Actualitate Politică Economie Externe Sport Cultură Tehnologie Local Meteo Opinii Video".split(),
               most="Cele mai citite", related="Articole similare", comments="Comentarii", reply="Răspunde",
               cookie="Folosim cookie-uri pentru a personaliza conținutul și reclamele și pentru a analiza traficul. Puteți modifica opțiunile oricând.",
               accept="Accept", reject="Setări", rights="Toate drepturile rezervate", vat="Media Carpați SRL, CUI RO12345678",
               latest="Ultima oră", login="Autentificare", subscribe="Abonează-te", weather="Vremea", read="Citește"),
    "en": dict(sections="Home News World Business Politics Sport Culture Tech Science Local Weather Opinion".split(),
               most="Most read", related="More on this story", comments="Comments", reply="Reply",
               cookie="We and our partners use cookies to personalise content and ads and to analyse our traffic. You can change your choices at any time.",
               accept="Accept all", reject="Manage preferences", rights="All rights reserved", vat="Harbourline Media Ltd, registered in England No. 01234567",
               latest="Latest", login="Sign in", subscribe="Subscribe", weather="Weather", read="Read"),
}

TEASERS = {
    "it": ["Nuovo parcheggio in centro, i lavori partono a settembre", "Sagra del paese, record di presenze nel weekend",
           "Scuole, il piano per i nuovi laboratori di informatica", "Incidente sulla provinciale, un ferito lieve",
           "Bilancio comunale approvato dopo una lunga seduta", "Il mercato coperto riapre dopo la ristrutturazione",
           "Bus notturni, da lunedì cambiano gli orari", "Raccolta differenziata, la frazione supera il 70 per cento"],
    "de": ["Neue Radwege sollen bis zum Herbst fertig sein", "Stadtrat streitet über die Parkgebühren",
           "Bäckerei im Ortskern schließt nach vierzig Jahren", "Hochwasserschutz am Fluss wird verstärkt",
           "Schulen bekommen schnelleres Internet", "Verkehrsunfall auf der Bundesstraße mit zwei Verletzten",
           "Freibad öffnet früher als geplant", "Wochenmarkt zieht auf den Rathausplatz um"],
    "fr": ["La médiathèque rouvre ses portes après six mois de travaux", "Le marché de Noël attire un public record",
           "Transports scolaires : les horaires changent à la rentrée", "Un nouveau parc solaire en projet sur la commune",
           "Le conseil municipal vote le budget sans surprise", "Accident sur la départementale, la route coupée",
           "Les boulangers face à la hausse du prix de l'énergie", "Festival d'été : la programmation dévoilée"],
    "es": ["El Ayuntamiento aprueba el nuevo plan de movilidad", "Récord de visitantes en el museo durante la Semana Santa",
           "Cortes de tráfico por las obras del paseo marítimo", "Los agricultores piden ayudas por la sequía",
           "La biblioteca amplía su horario en época de exámenes", "Un incendio forestal obliga a desalojar una urbanización",
           "El puerto estrena una terminal de cruceros", "La universidad abre la matrícula de verano"],
    "nl": ["Gemeente wil meer groen in de binnenstad", "Fietsbrug gaat drie weken dicht voor onderhoud",
           "Boeren protesteren tegen nieuwe regels", "Bibliotheek krijgt een nieuwe plek aan de haven",
           "Zwembad heropend na grote renovatie", "Verkeersdrempels moeten hardrijders afremmen",
           "Kermis trekt meer bezoekers dan vorig jaar", "Nieuwe wijk krijgt eigen basisschool"],
    "pt": ["Câmara aprova obras na avenida principal", "Festival de verão anuncia cartaz completo",
           "Hospital reforça equipas nas urgências", "Novo troço de ciclovia abre ao público",
           "Pescadores queixam-se da falta de apoios", "Biblioteca municipal alarga horário de funcionamento",
           "Incêndio em armazém mobiliza dezenas de bombeiros", "Feira do livro regressa ao jardim central"],
    "pl": ["Nowa linia tramwajowa ruszy jesienią", "Radni przyjęli budżet miasta na przyszły rok",
           "Remont mostu potrwa dłużej niż planowano", "Szpital otrzymał nowy sprzęt diagnostyczny",
           "Festyn rodzinny przyciągnął tłumy mieszkańców", "Wypadek na obwodnicy, utrudnienia w ruchu",
           "Biblioteka wydłuża godziny otwarcia", "Rolnicy domagają się wyższych dopłat"],
    "sv": ["Ny cykelväg ska stå klar till hösten", "Kommunen satsar på fler förskoleplatser",
           "Badplatsen stängs på grund av algblomning", "Bussarna får nya tider från måndag",
           "Bibliotek flyttar in i gamla stationshuset", "Olycka på riksvägen, en person till sjukhus",
           "Rekordmånga besökare på sommarfestivalen", "Bönder oroas av den torra våren"],
    "cs": ["Nová cyklostezka bude hotová na podzim", "Zastupitelé schválili rozpočet města",
           "Oprava mostu se protáhne do zimy", "Nemocnice získala nový přístroj",
           "Letní kino láká na klasické filmy", "Nehoda na obchvatu zkomplikovala dopravu",
           "Knihovna prodlouží otevírací dobu", "Zemědělci žádají vyšší dotace"],
    "ro": ["Primăria anunță lucrări pe bulevardul central", "Festivalul de vară își prezintă programul",
           "Spitalul județean primește aparatură nouă", "Accident pe centură, traficul este îngreunat",
           "Biblioteca își prelungește programul", "Fermierii cer sprijin din cauza secetei",
           "Noua linie de autobuz intră în circulație", "Târgul de carte revine în parcul central"],
    "en": ["Council approves plan for new cycle lanes", "Town centre market moves to the old square",
           "Bridge repairs to last longer than expected", "Hospital trust opens new diagnostic unit",
           "Summer festival announces full line-up", "Crash on the ring road causes long delays",
           "Library extends opening hours for exam season", "Farmers warn of poor harvest after dry spring"],
}

COMMENTS = {
    "it": ["Ennesimo disservizio, e nessuno che si prenda la responsabilità.", "Da noi è tornato tutto a posto verso sera, grazie per l'aggiornamento.",
           "Qualcuno sa se rimborseranno i giorni di interruzione?"],
    "de": ["Bei uns ging stundenlang gar nichts, sehr ärgerlich.", "Danke für die schnelle Information!", "Weiß jemand, ob es eine Entschädigung gibt?"],
    "fr": ["Chez nous, toujours rien ce soir, c'est inadmissible.", "Merci pour l'info, tout est revenu vers midi.", "Quelqu'un sait si on sera remboursés ?"],
    "es": ["En mi barrio sigue sin funcionar, vergonzoso.", "Gracias por la información, ya se ha restablecido.", "¿Alguien sabe si habrá compensación?"],
    "nl": ["Bij ons deed het de hele ochtend niets.", "Bedankt voor de update, het werkt weer.", "Weet iemand of er een vergoeding komt?"],
    "pt": ["Aqui continua sem funcionar, uma vergonha.", "Obrigado pela informação, já voltou ao normal.", "Alguém sabe se vão compensar os clientes?"],
    "pl": ["U nas nadal nic nie działa, skandal.", "Dzięki za informację, już wszystko wróciło.", "Czy ktoś wie, czy będzie rekompensata?"],
    "sv": ["Hos oss fungerade ingenting på hela förmiddagen.", "Tack för uppdateringen, nu funkar det igen.", "Vet någon om det blir någon ersättning?"],
    "cs": ["U nás to nešlo celé dopoledne.", "Díky za informaci, už to zase funguje.", "Neví někdo, jestli bude nějaká kompenzace?"],
    "ro": ["La noi tot nu funcționează, e inadmisibil.", "Mulțumesc pentru informație, a revenit totul.", "Știe cineva dacă vor oferi despăgubiri?"],
    "en": ["Still nothing working here, absolutely shocking.", "Thanks for the update, it came back around lunchtime.", "Does anyone know if there will be compensation?"],
}

NAMES = ["Giulia", "Marco_74", "lettore_attento", "Hannes", "Claire B.", "pepe_g", "Joost", "anaR", "kuba88", "Elin", "Petr N.", "andrei_c", "Tom W."]

# ---------------------------------------------------------------- stories (title, paragraphs)

STORIES = {
    "it1": ("Rete idrica, tubatura rotta: mezzo quartiere senza acqua fino a sera",
            ["Una condotta principale ha ceduto nelle prime ore del mattino sotto la strada che collega la stazione al vecchio mercato, lasciando senza acqua circa quattromila utenze. I tecnici del gestore sono intervenuti con due squadre e hanno chiuso le valvole a monte per limitare le perdite.",
             "Secondo l'azienda la rottura è stata causata dal cedimento di un tratto posato negli anni Sessanta, già inserito nel piano di sostituzione. Il comune ha disposto due autobotti in piazza e ha chiesto ai residenti di limitare i consumi una volta ripristinata la fornitura.",
             "Le scuole della zona sono rimaste aperte con servizi ridotti. I commercianti lamentano una mattinata persa e chiedono che i lavori di rinnovo della rete vengano anticipati, mentre l'opposizione annuncia un'interrogazione in consiglio."]),
    "it2": ("Il gestionale delle prenotazioni sanitarie si blocca, agende chiuse per un giorno",
            ["Il sistema con cui gli sportelli e i medici di base prenotano visite ed esami è rimasto fermo per gran parte della giornata, costringendo gli operatori a prendere i nomi su carta e a richiamare i pazienti nei giorni successivi.",
             "L'azienda sanitaria parla di un problema emerso durante l'aggiornamento della banca dati notturno, che ha reso illeggibili alcune tabelle. Il fornitore ha ripristinato una copia di sicurezza e ha ricaricato a mano le prenotazioni della mattina.",
             "I sindacati chiedono un piano di emergenza che permetta di lavorare anche senza il programma, mentre le associazioni dei pazienti segnalano attese al telefono superiori a un'ora."]),
    "it3": ("Aggiornamento difettoso manda in crash i router di migliaia di clienti",
            ["Da ieri sera molti clienti di un operatore di rete fissa si ritrovano con il modem che si riavvia di continuo. La causa, spiega l'azienda, è un aggiornamento del firmware distribuito automaticamente che su alcuni modelli entra in conflitto con la configurazione salvata.",
             "Il consiglio dei tecnici è di non spegnere l'apparecchio e di attendere la nuova versione, che verrà installata da remoto nelle prossime ore. Chi ha già provato il ripristino alle impostazioni di fabbrica dovrà reinserire a mano i dati della linea.",
             "Sui forum di assistenza le segnalazioni arrivano da tutta la penisola. L'operatore promette uno sconto in bolletta per chi è rimasto senza connessione per più di ventiquattro ore."]),
    "de1": ("Stromausfall legt Teile der Innenstadt über Stunden lahm",
            ["Ein defektes Kabel in einem Umspannwerk hat am Morgen weite Teile der Innenstadt vom Netz getrennt. Ampeln fielen aus, Straßenbahnen blieben stehen und in mehreren Bürogebäuden mussten Aufzüge von der Feuerwehr geöffnet werden.",
             "Die Stadtwerke konnten die Versorgung schrittweise über Umleitungen wiederherstellen. Nach Angaben eines Sprechers war der Fehler in einer Muffe entstanden, die erst vor drei Jahren erneuert worden war; ein Gutachter soll die Ursache nun klären.",
             "Händler in der Fußgängerzone berichten von Einbußen, weil Kartenzahlungen nicht möglich waren. Die Stadt prüft, ob für Notfälle künftig mobile Generatoren an zentralen Kreuzungen bereitstehen sollen."]),
    "de2": ("Hackerangriff auf Kreisverwaltung: Bürgerbüros bleiben geschlossen",
            ["Nach einem Angriff mit Schadsoftware hat die Kreisverwaltung ihre Systeme vorsorglich vom Internet getrennt. Anträge auf Ausweise, Zulassungen und Sozialleistungen können vorerst nicht bearbeitet werden.",
             "Der Landrat sprach von einem professionell vorbereiteten Angriff; Forderungen der Täter wolle man nicht erfüllen. Spezialisten des Landeskriminalamts untersuchen die betroffenen Server, Hinweise auf abgeflossene Daten gebe es bislang nicht.",
             "Für dringende Fälle richtet der Kreis eine Telefonhotline ein. Wie lange die Einschränkungen dauern, ist offen; Fachleute rechnen mit mehreren Wochen, bis alle Fachverfahren wieder laufen."]),
    "fr1": ("Panne géante du réseau de téléphonie mobile dans tout le département",
            ["Des milliers d'abonnés se sont retrouvés sans réseau pendant une bonne partie de la matinée, impossible d'appeler ou d'envoyer un message. Les numéros d'urgence restaient joignables depuis les autres opérateurs, a précisé la préfecture.",
             "L'opérateur évoque une défaillance logicielle sur un équipement central, survenue lors d'une opération de maintenance programmée. Le service a été rétabli progressivement à partir de midi, d'abord dans les grandes villes puis dans les zones rurales.",
             "Plusieurs commerçants disent avoir perdu des ventes faute de terminal de paiement. Une association de consommateurs demande un geste commercial pour tous les clients touchés."]),
    "fr2": ("Cyberattaque contre l'hôpital : les urgences réorientent les patients",
            ["L'hôpital du centre-ville fonctionne en mode dégradé depuis qu'un logiciel malveillant a chiffré une partie de ses serveurs. Les dossiers des patients sont tenus sur papier et les ambulances sont dirigées vers les établissements voisins.",
             "La direction a porté plainte et a prévenu l'agence nationale chargée de la sécurité informatique. Aucune rançon ne sera versée, assure-t-elle, et les sauvegardes semblent intactes.",
             "Les consultations programmées sont maintenues autant que possible, mais les délais s'allongent. Les soignants décrivent des journées épuisantes, à recopier à la main des prescriptions d'ordinaire automatiques."]),
    "es1": ("Un fallo informático paraliza los trenes de cercanías durante la hora punta",
            ["Miles de viajeros se quedaron atrapados en los andenes después de que un error en el sistema de señalización obligara a detener todos los trenes de cercanías. Las pantallas de las estaciones dejaron de mostrar información y el servicio de atención al cliente se vio desbordado.",
             "La empresa ferroviaria atribuye la incidencia a una actualización del programa que gestiona los enclavamientos. Los técnicos tardaron casi tres horas en volver a la versión anterior y recuperar la circulación con normalidad.",
             "Los sindicatos denuncian que no es la primera vez que ocurre y reclaman más personal en los centros de control. El Gobierno regional ha pedido un informe detallado sobre lo sucedido."]),
    "es2": ("La caída de la web de citas médicas deja sin servicio a los centros de salud",
            ["La plataforma con la que los pacientes piden cita en atención primaria ha dejado de funcionar durante toda la tarde, y las llamadas a los centros de salud se han multiplicado hasta saturar las centralitas.",
             "Fuentes de la consejería explican que el problema se debió a un certificado de seguridad caducado en uno de los servidores. Una vez renovado, la web volvió a estar disponible, aunque con lentitud.",
             "Los profesionales piden un sistema alternativo para estos casos. Las asociaciones de pacientes recuerdan que muchas personas mayores dependen del teléfono y sufrieron esperas de más de una hora."]),
    "nl1": ("Storing bij betaalterminals: pinnen urenlang niet mogelijk in winkels",
            ["In grote delen van het land konden klanten zaterdagmiddag niet pinnen. Supermarkten en tankstations vroegen om contant geld of lieten klanten later betalen, terwijl bij de kassa's lange rijen ontstonden.",
             "De verwerker van de betalingen spreekt van een fout in een netwerkcomponent in een van de datacenters. Na het omschakelen naar een reservesysteem werkte alles weer, maar het duurde ruim drie uur voordat de laatste terminals volgden.",
             "Winkeliersorganisaties willen weten waarom de reserve niet direct inschakelde. De toezichthouder heeft om een verklaring gevraagd."]),
    "pt1": ("Falha em sistema bancário deixa clientes sem acesso ao aplicativo",
            ["Clientes de um dos maiores bancos do país não conseguiram acessar o aplicativo nem fazer transferências durante boa parte da manhã. Nas redes sociais, as reclamações se multiplicaram, com relatos de pagamentos recusados em lojas e postos de combustível.",
             "Em nota, o banco informou que uma instabilidade em seus servidores afetou os canais digitais e que nenhum dado de cliente foi comprometido. O serviço foi normalizado no início da tarde.",
             "Órgãos de defesa do consumidor orientam quem teve prejuízo a guardar os comprovantes e registrar reclamação. O Banco Central disse acompanhar o caso."]),
    "pt2": ("Avaria na rede elétrica deixa milhares de casas sem luz no distrito",
            ["Uma avaria numa subestação deixou sem eletricidade cerca de quinze mil clientes durante a madrugada e parte da manhã. Semáforos apagados e escolas sem aquecimento foram as consequências mais visíveis.",
             "A empresa distribuidora explicou que a falha teve origem num transformador danificado pelo temporal da véspera. As equipas trabalharam durante toda a noite para repor o fornecimento por zonas.",
             "Os autarcas da região pedem um reforço da rede, lembrando que as quebras se têm repetido nos últimos invernos. A empresa promete um plano de investimento para os próximos anos."]),
    "pl1": ("Awaria systemu biletowego: pasażerowie nie mogli kupić biletów",
            ["Przez kilka godzin automaty biletowe i aplikacja przewoźnika nie działały, a kasy na dworcach obsługiwały wyłącznie płatności gotówką. Przed okienkami ustawiły się długie kolejki, a część podróżnych wsiadała do pociągów bez biletu.",
             "Spółka tłumaczy, że przyczyną była awaria serwera obsługującego płatności. Konduktorzy otrzymali polecenie, aby sprzedawać bilety w pociągach bez dodatkowej opłaty.",
             "Rzecznik praw pasażerów zapowiada wyjaśnienie sprawy. Przewoźnik przeprasza i obiecuje zwrot kosztów osobom, które musiały zapłacić więcej."]),
    "sv1": ("Driftstörning i sjukhusens journalsystem – vården fick gå över till papper",
            ["Under flera timmar kunde personalen på länets sjukhus inte öppna patientjournaler. Akutmottagningarna arbetade med pappersblanketter och planerade operationer sköts upp.",
             "Regionen uppger att felet uppstod vid en uppgradering av en databas hos leverantören. Systemet var åter i drift på eftermiddagen men vissa funktioner fungerade fortfarande långsamt.",
             "Fackförbundet kräver en genomgång av reservrutinerna. Regionen lovar en utredning och säger att ingen patient ska ha kommit till skada."]),
    "cs1": ("Výpadek proudu ochromil tramvajovou dopravu v centru města",
            ["Porucha v rozvodně vyřadila z provozu tramvaje v celém centru. Cestující museli vystoupit a pokračovat pěšky, náhradní autobusy vyjely až po hodině.",
             "Podle dopravního podniku poruchu způsobil zkrat v kabelu, který poškodila stavební technika při výkopových pracích. Technici provoz obnovili po necelých třech hodinách.",
             "Radnice chce po stavební firmě náhradu škody. Dopravní podnik zároveň zvažuje, že na klíčové trasy pořídí záložní napájení."]),
    "ro1": ("Pană de sistem la casele de marcat: magazinele, nevoite să închidă",
            ["Mai multe lanțuri de magazine au fost nevoite să își închidă temporar casele după ce sistemul de transmitere a bonurilor fiscale a încetat să funcționeze. Clienții au așteptat la cozi sau au renunțat la cumpărături.",
             "Furnizorul platformei susține că problema a apărut în urma unei supraîncărcări a serverelor și a fost rezolvată în câteva ore. Autoritatea fiscală spune că nu va aplica amenzi pentru întârzieri.",
             "Asociațiile comercianților cer o soluție de rezervă pentru astfel de situații și despăgubiri pentru pierderile suferite."]),
    "en1": ("Airline check-in systems crash, leaving passengers stranded for hours",
            ["Travellers faced long queues at several airports after the check-in and boarding software used by a major airline stopped working early in the morning. Staff wrote boarding passes by hand and some flights left with empty seats.",
             "The carrier said the fault lay with a third-party supplier and was not caused by a cyber attack. Systems were gradually restored by late morning, but knock-on delays continued into the evening.",
             "Consumer groups reminded passengers that they may be entitled to compensation for long delays. The airline apologised and said it would review its contingency plans."]),
    "en2": ("Ransomware attack forces county school district to cancel classes",
            ["Classes were called off across the district after administrators discovered that files on its servers had been encrypted overnight. Teachers were told not to log in to school computers until further notice.",
             "Officials said they had contacted federal investigators and were working with an outside security firm. There was no sign yet that student records had been copied, a spokesperson said.",
             "Parents criticised the late notice, which came by text message shortly before buses were due. The district hopes to reopen within the week, possibly with paper-based lessons."]),
    "en3": ("Water supply restored after burst main floods city centre street",
            ["Homes and businesses in the city centre were left without water for most of the day after a large main burst beneath a busy junction, sending water gushing along the road.",
             "Engineers isolated the pipe and set up bottled water stations for vulnerable customers. The utility said the main, laid more than a century ago, would be replaced rather than patched.",
             "Traffic was diverted while repairs continued, and the council warned that the junction could stay closed for several days while the road surface is rebuilt."]),
}

# ---------------------------------------------------------------- boilerplate pieces

def css(rng: random.Random, n: int) -> str:
    props = ["margin:0", "padding:0 12px", "display:flex", "font-size:14px", "line-height:1.5", "color:#222", "background:#fff",
             "border-bottom:1px solid #e5e5e5", "text-transform:uppercase", "font-weight:700", "grid-template-columns:repeat(4,1fr)",
             "gap:16px", "position:relative", "max-width:1180px", "overflow:hidden", "letter-spacing:.02em"]
    blocks = []
    for i in range(n):
        sel = rng.choice(["c", "blk", "ui", "tpl", "w"]) + "-" + "".join(rng.choice("abcdefghijklmnop") for _ in range(6))
        blocks.append("." + sel + "{" + ";".join(rng.sample(props, 5)) + "}")
    return "<style>" + "".join(blocks) + "</style>"


def fmt(lang: str, dt: datetime, style: int = 0) -> str:
    """A trap date in the page's language (teasers, comments, sidebars)."""
    m = MONTHS[lang][dt.month - 1]
    if lang == "en":
        return [f"{dt.day} {m} {dt.year}", f"{m[:3]} {dt.day}, {dt.year}", f"{dt:%d/%m/%Y %H:%M}"][style % 3]
    if style % 3 == 0:
        return f"{dt:%d.%m.%Y %H:%M}" if lang in ("de", "cs", "pl", "ro") else f"{dt:%d/%m/%Y %H:%M}"
    if style % 3 == 1:
        return f"{dt.day} {m} {dt.year}"
    return f"{dt.day} {m[:3]} {dt.year}, {dt:%H:%M}"


def menu(lang: str, host: str, rng: random.Random) -> str:
    w = WORDS[lang]
    cols = []
    for s in w["sections"]:
        sub = "".join(f'<li><a href="https://{host}/{s.lower()}/{t.split()[0].lower()}-{rng.randint(1, 99)}">{t.split(",")[0][:28]}</a></li>'
                      for t in rng.sample(TEASERS[lang], 4))
        cols.append(f'<li class="mm-item"><a class="mm-link" href="https://{host}/{s.lower()}/">{s}</a><ul class="mm-sub">{sub}</ul></li>')
    return '<ul class="mm-root">' + "".join(cols) + "</ul>"


def teaser_cards(lang: str, host: str, rng: random.Random, base: datetime, n: int, kind: str) -> str:
    out = []
    for i in range(n):
        t = TEASERS[lang][i % len(TEASERS[lang])]
        d = base - timedelta(days=rng.randint(-3, 40), minutes=rng.randint(0, 900))
        slug = "-".join(t.lower().replace(",", "").split()[:6])
        href = f"https://{host}/{rng.choice(WORDS[lang]['sections']).lower()}/{slug}-{rng.randint(100000, 999999)}"
        if kind == "time":
            stamp = f'<time datetime="{d.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")}">{fmt(lang, d, i)}</time>'
        elif kind == "span":
            stamp = f'<span class="k-when">{fmt(lang, d, i)}</span>'
        else:
            stamp = f'<small>{fmt(lang, d, i + 1)}</small>'
        out.append(f'<div class="k-card k-card--{i % 3}"><a class="k-img" href="{href}"><img src="https://img.{host}/{rng.randint(10**6, 10**7)}.jpg" alt=""></a>'
                   f'<div class="k-body"><p class="k-kicker">{rng.choice(WORDS[lang]["sections"])}</p><p class="k-head"><a href="{href}">{t}</a></p>{stamp}</div></div>')
    return "".join(out)


def comments(lang: str, rng: random.Random, base: datetime, n: int, wrapper: str) -> str:
    items = []
    for i in range(n):
        d = base + timedelta(hours=rng.randint(1, 70), minutes=rng.randint(0, 59))
        items.append(f'<li class="rx-item"><div class="rx-meta"><b>{rng.choice(NAMES)}</b> · <span>{fmt(lang, d, i)}</span></div>'
                     f'<div class="rx-text">{COMMENTS[lang][i % 3]}</div><a class="rx-reply" href="#">{WORDS[lang]["reply"]}</a></li>')
    return f'<{wrapper} class="rx-wrap" id="reactions"><h3>{WORDS[lang]["comments"]} ({n})</h3><ol class="rx-list">' + "".join(items) + f"</ol></{wrapper}>"


def state_blob(lang: str, host: str, rng: random.Random, base: datetime) -> str:
    items = []
    for i in range(18):
        d = base - timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1000))
        items.append({"id": rng.randint(10**6, 10**7), "title": TEASERS[lang][i % 8], "firstPublished": d.isoformat(),
                      "lastModified": (d + timedelta(hours=3)).isoformat(), "section": rng.choice(WORDS[lang]["sections"])})
    cfg = {"site": host, "build": "2023-06-28T04:12:09Z", "release": "v7.12.3", "feed": items,
           "ads": {"slots": [f"top_{i}" for i in range(6)], "refresh": 30}}
    return "<script>window.__APP_STATE__ = " + json.dumps(cfg, ensure_ascii=False) + ";</script>"


def analytics(rng: random.Random, host: str) -> str:
    return ("<script>(function(w,d){w.dataLayer=w.dataLayer||[];w.dataLayer.push({'event':'pageview','site':'" + host +
            "','tplVersion':'2022-11-03','consentVersion':'2022-05-12'});var s=d.createElement('script');s.async=1;s.src='https://stats." + host +
            "/t.js?v=" + str(rng.randint(1000, 9999)) + "';d.head.appendChild(s);})(window,document);</script>"
            "<script>var ADCFG={lazy:true,zones:['leaderboard','mpu1','mpu2','skin'],targeting:{env:'prod',ts:'20230629'}};</script>")


def footer(lang: str, host: str, site: str, rng: random.Random, year: int = 2023) -> str:
    w = WORDS[lang]
    links = "".join(f'<a href="https://{host}/{s.lower()}/">{s}</a> ' for s in w["sections"])
    return (f'<div class="site-foot"><div class="foot-links">{links}</div><p>© 2004-{year} {site} - {w["rights"]}. {w["vat"]}</p>'
            f'<p class="foot-small">Privacy · Cookie policy · Contatti/Contact · {w["subscribe"]}</p></div>')


def cookie_banner(lang: str, wall: bool = False) -> str:
    w = WORDS[lang]
    cls = "cmp-wall cmp-wall--blocking" if wall else "cmp-bar"
    return (f'<div class="{cls}" data-cmp="v2"><div class="cmp-box"><p>{w["cookie"]}</p>'
            f'<button class="cmp-btn">{w["accept"]}</button> <button class="cmp-btn2">{w["reject"]}</button></div></div>')


# ---------------------------------------------------------------- page assembly

def paragraphs(story: str, extra: str = "") -> str:
    return "".join(f"<p>{p}</p>" for p in STORIES[story][1]) + extra


def page(spec: dict) -> str:
    rng = random.Random(spec["name"])
    lang = spec["lang"]
    w = WORDS[lang]
    host = spec["url"].split("/")[2]
    site = spec["site"]
    title = spec.get("title") or STORIES[spec["story"]][0]
    base = spec.get("trap_base", datetime(2023, 6, 29, 9, 0, tzinfo=ROME))
    head = spec.get("head", "")
    amp = spec.get("amp", False)
    html_lang = spec.get("html_lang", lang)
    style = spec.get("shell", "a")
    today = spec.get("today", "")
    top = (f'<div class="hdr-top"><span class="hdr-date">{today}</span> <span>{w["weather"]}: 24°</span> '
           f'<a href="#">{w["login"]}</a> <a href="#">{w["subscribe"]}</a></div>') if today else ""
    nav = f'<div class="hdr-nav" id="megamenu">{menu(lang, host, rng)}</div>'
    brand = f'<div class="hdr-brand"><a href="https://{host}/"><img src="https://{host}/logo.svg" alt="{site}"></a></div>'
    rail = (f'<div class="col-right"><div class="box-latest"><h4>{w["latest"]}</h4>{teaser_cards(lang, host, rng, base, 8, "span")}</div>'
            f'<div class="box-top"><h4>{w["most"]}</h4>{teaser_cards(lang, host, rng, base, 6, "small")}</div></div>')
    grid = f'<div class="tpl-grid"><h3>{w["related"]}</h3>{teaser_cards(lang, host, rng, base, 12, "time")}</div>'
    body_html = spec["body"]
    if spec.get("listing"):
        main = body_html
    else:
        main = body_html + (comments(lang, rng, spec.get("comment_base", base - timedelta(days=20)), spec.get("ncomments", 6), spec.get("comment_tag", "div")) if spec.get("comments", True) else "")
    head_base = (f'<meta charset="utf-8"><title>{title} - {site}</title>'
                 f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                 f'<link rel="canonical" href="{spec["url"]}">' + head + css(rng, spec.get("css", 180)) + analytics(rng, host))
    if amp:
        head_base = '<script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>body{visibility:hidden}</style>' + head_base
    amp_attr = " amp" if amp else ""
    if style == "print":
        return (f'<!DOCTYPE html><html lang="{html_lang}"><head>{head_base}</head><body class="print">'
                f'<div class="print-head"><img src="https://{host}/logo-print.png" alt="{site}"> <a href="javascript:window.print()">Stampa</a></div>'
                f'{main}<div class="print-foot">{footer(lang, host, site, rng)}</div></body></html>')
    return (f'<!DOCTYPE html><html lang="{html_lang}"{amp_attr}><head>{head_base}</head><body class="tpl-{style}">'
            f'{cookie_banner(lang, spec.get("wall", False))}{top}<div class="hdr">{brand}{nav}</div>'
            f'<div class="wrap"><div class="col-main">{main}</div>{rail}</div>{grid}'
            f'{state_blob(lang, host, rng, base) if spec.get("state", True) else ""}{footer(lang, host, site, rng)}</body></html>')


def ld(obj) -> str:
    return '<script type="application/ld+json">' + json.dumps(obj, ensure_ascii=False) + "</script>"


def gold_time(local: str, zone: str = "Europe/Rome") -> str:
    """'2023-01-24 10:35' in zone → ISO in Europe/Rome; '2023-01-24' stays a date-only gold."""
    if len(local) == 10:
        return local
    dt = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone))
    return dt.astimezone(ROME).isoformat()


def h1(story, cls=""):
    return f'<h1 class="{cls}">{STORIES[story][0]}</h1>'


# ---------------------------------------------------------------- the pages

def listing_body(lang, host, rng_name, heading, n=16, kind="time", intro="", pager=True, query=None):
    rng = random.Random(rng_name)
    base = datetime(2023, 6, 28, 18, 0, tzinfo=ROME)
    items = []
    for i in range(n):
        t = TEASERS[lang][i % 8]
        d = base - timedelta(hours=rng.randint(2, 400))
        slug = "-".join(t.lower().replace(",", "").split()[:6])
        href = f"https://{host}/{d:%Y/%m/%d}/{slug}-{rng.randint(1000, 9999)}/"
        when = (f'<time datetime="{d.isoformat()}">{fmt(lang, d, i)}</time>' if kind == "time" else f'<span class="meta">{fmt(lang, d, i)}</span>')
        snippet = STORIES[[k for k in STORIES if k.startswith(lang)][0]][1][i % 3][:140] + "…"
        items.append(f'<div class="res"><h2 class="res-title"><a href="{href}">{t}</a></h2>{when}<p class="res-snip">{snippet}</p></div>')
    pg = (f'<div class="paging"><a href="?page=1">1</a> <b>2</b> <a href="?page=3">3</a> <a href="?page=3">»</a></div>') if pager else ""
    return f'<h1>{heading}</h1>{intro}<div class="results">{"".join(items)}</div>{pg}'


def specs() -> list[dict]:
    S = []

    def add(name, lang, url, site, story, body, pub, upd=None, pub_zone="Europe/Rome", upd_zone=None, **kw):
        S.append(dict(name=name, lang=lang, url=url, site=site, story=story, body=body,
                      gold_pub=gold_time(pub, pub_zone) if pub else None,
                      gold_upd=gold_time(upd, upd_zone or pub_zone) if upd else None, **kw))

    # ---------------- Italian
    add("it-regional-pipe", "it", "https://www.gazzettadellavalle.test/cronaca/rete-idrica-tubatura-rotta-mezzo-quartiere-senza-acqua-56123.html",
        "La Gazzetta della Valle", "it1",
        '<div class="art-head">' + h1("it1") + '<div class="art-sub">I tecnici al lavoro dall\'alba, autobotti in piazza</div>'
        '<div class="art-info">di Redazione | 24/01/2023 | 10:35</div></div>'
        '<div class="art-text">' + paragraphs("it1") + '</div>',
        "2023-01-24 10:35", today="Martedì 31 gennaio 2023")
    add("it-pubblicato-abbr", "it", "https://www.ilcorrierecittadino.test/salute/gestionale-prenotazioni-bloccato-agende-chiuse/",
        "Il Corriere Cittadino", "it2",
        '<div class="entry">' + h1("it2", "entry-title") + '<div class="entry-meta"><span class="who">Sara Colombo</span> '
        '<span class="pub">Pubblicato: 14 Feb 2023 18:05</span> <span class="upd">Aggiornato: 15 Feb 2023 08:40</span></div>'
        '<div class="entry-content">' + paragraphs("it2") + '</div></div>',
        "2023-02-14 18:05", "2023-02-15 08:40",
        head=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["it2"][0], "dateModified": "2023-02-15T08:40:00+01:00",
                 "author": {"@type": "Person", "name": "Sara Colombo"}, "mainEntityOfPage": "https://www.ilcorrierecittadino.test/salute/gestionale-prenotazioni-bloccato-agende-chiuse/"}),
        today="Giovedì, 29 Giugno 2023")
    add("it-ultimo-agg", "it", "https://www.ilmessaggerodellapianura.test/notizie/rete-idrica-tubatura-rotta-quartiere-senza-acqua/78812/",
        "Il Messaggero della Pianura", "it1",
        '<div class="stamp-bar">ultimo aggiornamento 03.03.2023 - 11:02</div>' + h1("it1") +
        '<p class="occhiello">venerdì 3 marzo 2023 ore 7.48</p><div class="testo">' + paragraphs("it1") + "</div>",
        "2023-03-03 07:48", "2023-03-03 11:02")
    related = [{"@type": "NewsArticle", "headline": t, "url": f"https://www.lavocedelnordest.test/cronaca/{i}-correlato.html",
                "datePublished": f"2023-05-{10 + i:02d}T0{i}:15:00+02:00", "dateModified": f"2023-05-{10 + i:02d}T1{i}:15:00+02:00"}
               for i, t in enumerate(TEASERS["it"][:3], start=1)]
    main_url = "https://www.lavocedelnordest.test/cronaca/gestionale-sanitario-in-tilt-agende-chiuse-per-un-giorno-99120.html"
    add("it-multi-jsonld", "it", main_url, "La Voce del Nordest", "it2",
        '<article class="story">' + h1("it2") + '<p class="autore">di Federico Rinaldi</p><div class="story-body">' + paragraphs("it2") + "</div></article>",
        "2023-05-22 16:40", "2023-05-22 19:05",
        head=ld(related + [{"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["it2"][0], "url": main_url,
                            "datePublished": "2023-05-22T16:40:00+02:00", "dateModified": "2023-05-22T19:05:00+02:00",
                            "author": [{"@type": "Person", "name": "Federico Rinaldi"}]}]))
    wp_url = "https://www.bitebyte.test/2023/03/aggiornamento-difettoso-crash-router/"
    add("it-techblog-wp", "it", wp_url, "BiteByte", "it3",
        '<div class="post-wrap">' + h1("it3", "post-title") +
        '<div class="post-info">Pubblicato il 7 Marzo 2023 alle 16:20 da <a href="/author/marco">Marco Ferri</a> · Aggiornato il 9 Marzo 2023</div>'
        '<div class="post-content">' + paragraphs("it3") + "</div></div>",
        "2023-03-07 16:20", "2023-03-09",
        head=ld({"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "@id": "https://www.bitebyte.test/#website", "name": "BiteByte"},
            {"@type": "WebPage", "@id": wp_url, "datePublished": "2023-03-07T15:20:11+00:00", "dateModified": "2023-03-09T08:02:44+00:00"},
            {"@type": "BlogPosting", "headline": STORIES["it3"][0], "datePublished": "2023-03-07T15:20:11+00:00",
             "dateModified": "2023-03-09T08:02:44+00:00", "author": {"name": "Marco Ferri"}, "isPartOf": {"@id": wp_url}}]}),
        comment_base=datetime(2023, 3, 7, 18, 0, tzinfo=ROME), ncomments=9)
    add("it-techblog-icons", "it", "https://www.smanettoni.test/reti/router-in-crash-aggiornamento-difettoso",
        "Smanettoni", "it3",
        '<div class="pst">' + h1("it3") + '<ul class="pst-meta"><li><i class="ico ico-user"></i> Andrea Neri</li>'
        '<li><i class="ico ico-calendar"></i> 11/05/2023</li><li><i class="ico ico-clock"></i> 9:00</li><li><i class="ico ico-comment"></i> 14</li></ul>'
        '<div class="pst-body">' + paragraphs("it3") + "</div></div>",
        "2023-05-11 09:00", comment_base=datetime(2023, 5, 11, 10, 0, tzinfo=ROME))
    amp_url = "https://www.notizieflash.test/amp/cronaca/tubatura-rotta-quartiere-senza-acqua-1827.html"
    add("it-amp-naive", "it", amp_url, "Notizie Flash", "it1",
        '<article>' + h1("it1") + '<div class="a-by">Laura Gatti</div><div class="a-date">2 aprile 2023 - 21:40</div>'
        '<amp-img src="https://img.notizieflash.test/1.jpg" width="800" height="450" layout="responsive"></amp-img>' + paragraphs("it1") + "</article>",
        "2023-04-02 21:40", amp=True,
        head=ld({"@context": "http://schema.org", "@type": "NewsArticle", "headline": STORIES["it1"][0], "datePublished": "2023-04-02T21:40:00",
                 "dateModified": "2023-04-02T21:40:00", "author": {"@type": "Person", "name": "Laura Gatti"}}))
    posts = []
    start = datetime(2023, 5, 16, 6, 30, tzinfo=ROME)
    for i in range(14, -1, -1):
        t = start + timedelta(minutes=50 * i + 5)
        posts.append({"@type": "BlogPosting", "headline": f"Aggiornamento {i + 1}", "datePublished": t.isoformat(), "articleBody": "Nuove informazioni dalla protezione civile."})
    live_html = "".join(f'<div class="live-post"><span class="live-ora">ore {(start + timedelta(minutes=50 * i + 5)):%H.%M}</span>'
                        f'<p>{STORIES["it1"][1][i % 3][:180]}</p></div>' for i in range(14, -1, -1))
    add("it-live", "it", "https://www.radiocittaviva.test/diretta/maltempo-e-guasti-la-diretta-della-giornata-2211",
        "Radio Città Viva", "it1",
        '<div class="live">' + '<h1>Maltempo e guasti alla rete idrica, la diretta della giornata</h1>'
        '<div class="live-badge">DIRETTA</div><div class="live-byline">a cura della redazione</div>' + live_html + "</div>",
        "2023-05-16 06:30", "2023-05-16 18:55", title="Maltempo e guasti alla rete idrica, la diretta della giornata",
        head=ld({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Maltempo e guasti alla rete idrica, la diretta della giornata",
                 "coverageStartTime": "2023-05-16T06:30:00+02:00", "datePublished": "2023-05-16T06:30:00+02:00",
                 "dateModified": "2023-05-16T18:55:00+02:00", "liveBlogUpdate": posts}))
    add("it-url-vs-byline", "it", "https://www.ilpiccolodelsud.test/2023/06/05/router-in-crash-per-un-aggiornamento-difettoso/",
        "Il Piccolo del Sud", "it3",
        '<div class="articolo">' + h1("it3") + '<div class="firma">Giorgio Esposito <span class="data">07/06/2023 12:44</span></div>' + paragraphs("it3") + "</div>",
        "2023-06-05")
    add("it-print", "it", "https://www.eco-del-lago.test/stampa/articolo.php?id=44120&print=1", "Eco del Lago", "it2",
        '<table class="print-table" width="100%"><tr><td class="print-meta">Stampato il 29/06/2023</td></tr>'
        '<tr><td>' + h1("it2") + '<p class="print-info">Articolo del 18 aprile 2023, 15:10 — di Elena Fabbri</p>' + paragraphs("it2") +
        "".join(f"<p>{p}</p>" for p in STORIES["it1"][1]) + "</td></tr></table>",
        "2023-04-18 15:10", shell="print", comments=False, css=520)
    add("it-syndicated", "it", "https://www.portalecomuni.test/news/il-gestionale-delle-prenotazioni-si-blocca-16633",
        "Portale Comuni", "it2",
        '<article class="news">' + h1("it2") + '<div class="news-meta">Redazione Portale Comuni · 6 febbraio 2023</div>' + paragraphs("it2") +
        '<p class="fonte"><em>Questo articolo è stato pubblicato originariamente su Sanità Digitale Oggi il 2 febbraio 2023.</em></p></article>',
        "2023-02-02",
        head=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["it2"][0], "datePublished": "2023-02-06T09:00:00+01:00"}))
    add("it-cookie-wall-itemprop", "it", "https://www.lanuovaprovincia.test/economia/router-crash-aggiornamento-56771",
        "La Nuova Provincia", "it3",
        '<div class="cmp-policy">Informativa aggiornata il 12 maggio 2022</div><div itemscope itemtype="https://schema.org/NewsArticle">'
        '<meta itemprop="datePublished" content="2023-03-22T13:15:00+01:00"><meta itemprop="dateModified" content="2023-03-22T13:15:00+01:00">'
        + h1("it3") + '<div class="sig">Paola Ricci</div>' + paragraphs("it3") + "</div>",
        "2023-03-22 13:15", wall=True)
    add("it-listing-section", "it", "https://www.gazzettadellavalle.test/cronaca/", "La Gazzetta della Valle", "it1",
        listing_body("it", "www.gazzettadellavalle.test", "itl", "Cronaca", kind="span"), None, listing=True)

    # ---------------- German
    add("de-stand", "de", "https://www.nordfunk.test/inland/stromausfall-innenstadt-100.html", "NordFunk", "de1",
        '<article class="seitenkopf">' + '<span class="kicker">Versorgung</span>' + h1("de1") +
        '<p class="metatextline">Stand: 24.01.2023 10:35 Uhr</p>' + '<div class="textabsatz">' + paragraphs("de1") + "</div></article>",
        "2023-01-24 08:12", "2023-01-24 10:35",
        head=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["de1"][0],
                 "datePublished": "2023-01-24T08:12:44.000+01:00", "dateModified": "2023-01-24T10:35:02.000+01:00"}))
    add("de-vor-stunden", "de", "https://www.derblick.test/netzwelt/hackerangriff-kreisverwaltung-buergerbueros-geschlossen-a-4f2c",
        "Der Blick", "de2",
        '<div data-area="intro">' + h1("de2") + '<div class="timeformat-wrap"><span class="rel">vor 2 Stunden</span> · '
        '<time class="timeformat" datetime="2023-02-21 17:40:00">21.02.2023, 17.40 Uhr</time></div></div>'
        '<div data-area="body">' + paragraphs("de2") + "</div>",
        "2023-02-21 17:40")
    add("de-regional", "de", "https://www.landbote-online.test/region/stromausfall-innenstadt-stunden-lahm-91920311.html",
        "Landbote Online", "de1",
        '<div class="story">' + h1("de1") + '<div class="story-date">Veröffentlicht: 09.03.2023, 06:15 Uhr | Aktualisiert: 09.03.2023, 14:50 Uhr</div>'
        '<div class="story-author">Von Jana Krüger</div>' + paragraphs("de1") + "</div>",
        "2023-03-09 06:15", "2023-03-09 14:50", head='<meta name="date" content="2023-03-09">', comment_tag="section")
    ticker = "".join(f'<div class="tk-entry"><time datetime="{(datetime(2023, 6, 12, 7, 0, tzinfo=ROME) + timedelta(minutes=47 * i)).isoformat()}">'
                     f'{(datetime(2023, 6, 12, 7, 0, tzinfo=ROME) + timedelta(minutes=47 * i)):%H:%M} Uhr</time><p>{STORIES["de2"][1][i % 3][:200]}</p></div>'
                     for i in range(16, 0, -1))
    add("de-ticker", "de", "https://www.rheinpost.test/ticker/hackerangriff-kreis-liveticker_aid-8812", "Rheinpost", "de2",
        '<div class="tk">' + '<h1>Hackerangriff auf die Kreisverwaltung: der Liveticker</h1>'
        '<div class="tk-head">Erstellt am 12.06.2023 um 07:00 Uhr</div>' + ticker + "</div>",
        "2023-06-12 07:00", title="Hackerangriff auf die Kreisverwaltung: der Liveticker")
    add("de-listing-tag", "de", "https://www.landbote-online.test/thema/stromausfall/", "Landbote Online", "de1",
        listing_body("de", "www.landbote-online.test", "del", "Thema: Stromausfall", kind="time"), None, listing=True)

    # ---------------- French
    add("fr-publie-a", "fr", "https://www.lecho-du-bocage.test/actualites/panne-geante-reseau-mobile-departement-4481",
        "L'Écho du Bocage", "fr1",
        '<div class="article-header">' + h1("fr1") + '<p class="article-dates">Publié le 24/01/2023 à 10h35, mis à jour le 24/01/2023 à 11h02</p></div>'
        '<div class="article-content">' + paragraphs("fr1") + "</div>",
        "2023-01-24 10:35", "2023-01-24 11:02")
    add("fr-lemonde-style", "fr", "https://www.lejournalduvent.test/societe/article/2023/02/08/cyberattaque-hopital-urgences_6160001_3224.html",
        "Le Journal du Vent", "fr2",
        '<section class="article__header">' + h1("fr2", "article__title") +
        '<p class="meta meta__date">Publié le 08 février 2023 à 06h30 - Mis à jour le 08 février 2023 à 14h12</p>'
        '<p class="meta__reading-time">Lecture 3 min.</p></section><article class="article__content">' + paragraphs("fr2") + "</article>",
        "2023-02-08 06:30", "2023-02-08 14:12",
        head='<meta property="og:article:published_time" content="2023-02-08T05:30:00+00:00">')
    add("fr-datecreated", "fr", "https://www.courrierdelest.test/faits-divers/panne-geante-telephonie-mobile-departement",
        "Le Courrier de l'Est", "fr1",
        '<div class="art">' + h1("fr1") + '<div class="art-sign">Par Julien Marchand</div>' + paragraphs("fr1") + "</div>",
        "2023-03-28 07:15", "2023-03-28 12:00",
        head=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["fr1"][0], "dateCreated": "2023-03-27T18:00:00+02:00",
                 "datePublished": "2023-03-28T07:15:00+02:00", "dateModified": "2023-03-28T12:00:00+02:00"}))
    add("fr-time-pubdate", "fr", "https://blog.securiteinfo-libre.test/cyberattaque-hopital-urgences-reorientees/", "SécuritéInfo Libre", "fr2",
        '<div class="billet">' + h1("fr2") + '<p class="billet-meta">Par Nadia Leroy, le <time pubdate datetime="2023-04-12T09:20:00+02:00">12 avril 2023</time></p>'
        + paragraphs("fr2") + "</div>",
        "2023-04-12 09:20", comment_base=datetime(2023, 4, 12, 10, 0, tzinfo=ROME))
    add("fr-listing-search", "fr", "https://www.lecho-du-bocage.test/recherche?q=panne", "L'Écho du Bocage", "fr1",
        listing_body("fr", "www.lecho-du-bocage.test", "frl", "Résultats de recherche pour « panne »", kind="span",
                     intro="<p>243 résultats</p>"), None, listing=True)

    # ---------------- Spanish
    add("es-cet", "es", "https://www.eldiariodelcabo.test/espana/fallo-informatico-paraliza-trenes-cercanias.html", "El Diario del Cabo", "es1",
        '<header class="a_e">' + h1("es1") + '<div class="a_md"><span class="a_md_a">Marta Ruiz</span> '
        '<span class="a_md_f">Madrid - 24 ene 2023 - 10:35 CET</span> <span class="a_md_u">Actualizado: 24 ene 2023 - 11:02 CET</span></div></header>'
        '<div class="a_c">' + paragraphs("es1") + "</div>",
        "2023-01-24 10:35", "2023-01-24 11:02")
    add("es-actualizado-las", "es", "https://www.laprovincia-hoy.test/sociedad/caida-web-citas-medicas-centros-salud-N77120",
        "La Provincia Hoy", "es2",
        '<div class="noticia">' + h1("es2") + '<div class="fecha">13 abr 2023 19:20</div><div class="act">Actualizado a las 21:47</div>'
        + paragraphs("es2") + "</div>",
        "2023-04-13 19:20", "2023-04-13 21:47")
    add("es-update-first", "es", "https://www.heraldodelsur.test/noticias/fallo-informatico-trenes-cercanias-hora-punta-1552",
        "Heraldo del Sur", "es1",
        '<div class="cuerpo">' + h1("es1") + '<p class="fechas">Actualizada 27/05/2023 a las 12:04 · Publicada 26/05/2023 a las 22:15</p>' + paragraphs("es1") + "</div>",
        "2023-05-26 22:15", "2023-05-27 12:04")
    add("es-url-num", "es", "https://www.lavanguardiamar.test/local/20230620/8912345/caida-web-citas-medicas.html", "La Vanguardia del Mar", "es2",
        '<div class="story-leaf">' + h1("es2") + '<div class="byline">Jordi Pons | Barcelona</div><div class="created">20/06/2023 08:30 h</div>'
        + paragraphs("es2") + "</div>",
        "2023-06-20 08:30")

    # ---------------- Dutch
    add("nl-nos-style", "nl", "https://www.omroepdelta.test/artikel/2461123-storing-bij-betaalterminals", "Omroep Delta", "nl1",
        '<div class="art">' + h1("nl1") + '<p class="art-time">24 jan 2023, 10:35</p><p class="art-upd">Aangepast 24 jan 2023, 11:02</p>'
        + paragraphs("nl1") + "</div>",
        "2023-01-24 10:35", "2023-01-24 11:02")
    add("nl-regional-om", "nl", "https://www.dekrantvanhetnoorden.test/regio/storing-pinnen-winkels~a5512/", "De Krant van het Noorden", "nl1",
        '<div class="artikel">' + h1("nl1") + '<div class="meta">Door Pieter de Vries · di 7 mrt 2023 om 08:12 · Bijgewerkt: 14:30</div>'
        + paragraphs("nl1") + "</div>",
        "2023-03-07 08:12", "2023-03-07 14:30")
    add("nl-jsonld-utc", "nl", "https://www.techkrant.test/nieuws/storing-betaalterminals-urenlang-niet-pinnen/", "TechKrant", "nl1",
        '<article>' + h1("nl1") + '<div class="by">Sanne Bakker</div>' + paragraphs("nl1") + "</article>",
        "2023-05-02 13:40",
        head=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["nl1"][0], "datePublished": "2023-05-02T11:40:00.000Z"}))

    # ---------------- Portuguese
    add("pt-br-utc", "pt", "https://g2.noticias.test/economia/noticia/2023/01/24/falha-sistema-bancario-aplicativo.ghtml", "G2 Notícias", "pt1",
        '<div class="content-head">' + h1("pt1") + '<p class="content-publication-data__from">Por Ana Souza, G2</p>'
        '<p class="content-publication-data__updated"><time itemprop="datePublished" datetime="2023-01-24T13:35:50.123Z">24/01/2023 10h35</time> '
        'Atualizado há 2 horas</p></div>' + paragraphs("pt1"),
        "2023-01-24 10:35", pub_zone="America/Sao_Paulo", html_lang="pt-BR",
        head=ld({"@context": "http://schema.org", "@type": "NewsArticle", "headline": STORIES["pt1"][0], "datePublished": "2023-01-24T13:35:50.123Z"}))
    add("pt-br-horario", "pt", "https://www.jornaldoplanalto.test/economia/falha-banco-clientes-sem-aplicativo/", "Jornal do Planalto", "pt1",
        '<div class="materia">' + h1("pt1") + '<div class="data-pub">Publicado em 15/03/2023 - 18:20 (horário de Brasília)</div>'
        + paragraphs("pt1") + "</div>",
        "2023-03-15 18:20", pub_zone="America/Sao_Paulo", html_lang="pt-BR")
    add("pt-pt-publico", "pt", "https://www.diariodoatlantico.pt/sociedade/avaria-rede-eletrica-casas-sem-luz-2051", "Diário do Atlântico", "pt2",
        '<div class="story">' + h1("pt2") + '<div class="story__meta">Rui Carvalho · 24 de Janeiro de 2023, 10:35</div>' + paragraphs("pt2") + "</div>",
        "2023-01-24 10:35", pub_zone="Europe/Lisbon", html_lang="pt-PT")
    add("pt-pt-naive-ld", "pt", "https://www.correiodominho.test.pt/local/avaria-subestacao-quinze-mil-clientes", "Correio do Minho Digital", "pt2",
        '<div class="noticia">' + h1("pt2") + '<span class="quando">9 mai 2023 16:05</span>' + paragraphs("pt2") + "</div>",
        "2023-05-09 16:05", pub_zone="Europe/Lisbon", html_lang="pt-PT",
        head=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["pt2"][0], "datePublished": "2023-05-09T16:05:00"}))

    # ---------------- Polish
    add("pl-opublikowano", "pl", "https://www.gazetapomorska-online.test/awaria-systemu-biletowego/ar/c1-17220011", "Gazeta Pomorska Online", "pl1",
        '<div class="atomsArticleHead">' + h1("pl1") + '<div class="componentsArticleDate">Opublikowano: 24.01.2023 10:35 Aktualizacja: 24.01.2023 11:02</div></div>'
        + paragraphs("pl1"),
        "2023-01-24 10:35", "2023-01-24 11:02")
    add("pl-portal", "pl", "https://wiadomosci.portalwisla.test/awaria-biletow-pasazerowie-6551122", "Portal Wisła", "pl1",
        '<div class="article">' + h1("pl1") + '<div class="info"><span>2 godziny temu</span> <span class="d">14 lutego 2023, 08:45</span></div>'
        + paragraphs("pl1") + "</div>",
        "2023-02-14 08:45")

    # ---------------- Swedish
    add("sv-publicerad", "sv", "https://www.norrlandsposten.test/nyheter/driftstorning-journalsystem-vard-papper/", "Norrlandsposten", "sv1",
        '<div class="art">' + h1("sv1") + '<div class="art-dates">Publicerad 1 februari 2023 kl. 06.00 · Uppdaterad 1 februari 2023 kl. 09.14</div>'
        + paragraphs("sv1") + "</div>",
        "2023-02-01 06:00", "2023-02-01 09:14")
    add("sv-iso", "sv", "https://www.dagbladetvast.test/sverige/journalsystem-storning-sjukhus", "Dagbladet Väst", "sv1",
        '<div class="article">' + h1("sv1") + '<div class="byline">Erik Lind</div><div class="ts">Publicerad: 2023-06-14 21:10</div>'
        + paragraphs("sv1") + "</div>",
        "2023-06-14 21:10")

    # ---------------- Czech
    add("cs-aktualizovano", "cs", "https://www.zpravy-denne.test/domaci/vypadek-proudu-tramvaje-centrum.A230124_103500", "Zprávy Denně", "cs1",
        '<div class="art-full">' + h1("cs1") + '<div class="art-info"><span class="time">24. ledna 2023 10:35, aktualizováno 11:02</span> '
        '<span class="aut">Tomáš Dvořák</span></div>' + paragraphs("cs1") + "</div>",
        "2023-01-24 10:35", "2023-01-24 11:02")
    add("cs-publikovano", "cs", "https://www.brnenskylist.test/zpravy/vypadek-proudu-tramvaje-stoji", "Brněnský list", "cs1",
        '<div class="clanek">' + h1("cs1") + '<p class="datum">Publikováno: 6. 4. 2023 13:20</p>' + paragraphs("cs1") + "</div>",
        "2023-04-06 13:20")

    # ---------------- Romanian
    add("ro-publicat", "ro", "https://www.gazetadevest.test/actualitate/pana-sistem-case-de-marcat-magazine-1920331", "Gazeta de Vest", "ro1",
        '<div class="single">' + h1("ro1") + '<div class="meta">Publicat: 24.01.2023 10:35 | Actualizat: 24.01.2023 11:02</div>'
        + paragraphs("ro1") + "</div>",
        "2023-01-24 10:35", "2023-01-24 11:02")
    add("ro-luna", "ro", "https://www.stiricarpati.test/economie/pana-case-marcat-2283", "Știri Carpați", "ro1",
        '<div class="art">' + h1("ro1") + '<div class="data">marți, 14 martie 2023, 17:45</div>' + paragraphs("ro1") + "</div>",
        "2023-03-14 17:45")

    # ---------------- English
    add("en-us-et", "en", "https://www.riverbendcourier.test/news/2023/01/24/school-district-ransomware-classes-cancelled", "Riverbend Courier", "en2",
        '<div class="article-hed">' + h1("en2") + '<div class="byline">By Dana Whitfield</div>'
        '<div class="timestamp">Published Jan. 24, 2023 10:35 a.m. ET | Updated Jan. 24, 2023 1:02 p.m. ET</div></div>' + paragraphs("en2"),
        "2023-01-24 10:35", "2023-01-24 13:02", pub_zone="America/New_York", html_lang="en-US")
    add("en-us-cnn-style", "en", "https://www.continentalnewsnet.test/2023/06/13/us/ransomware-school-district/index.html", "CNN-like Continental", "en2",
        '<div class="headline">' + h1("en2") + '<div class="byline__names">By Kevin Ortiz</div>'
        '<div class="timestamp">Updated 3:02 PM EDT, Tue June 13, 2023</div><div class="timestamp">Published 9:15 AM EDT, Tue June 13, 2023</div></div>'
        + paragraphs("en2"),
        "2023-06-13 09:15", "2023-06-13 15:02", pub_zone="America/New_York", html_lang="en")
    add("en-uk-naive", "en", "https://www.thewessexherald.co.uk/news/water-main-burst-city-centre-12345", "The Wessex Herald", "en3",
        '<div class="art">' + h1("en3") + '<div class="art-meta"><span>By Oliver Grant</span> <span>Published 2 March 2023, 08:12</span> <span>Last updated: 09:40</span></div>'
        + paragraphs("en3") + "</div>",
        "2023-03-02 08:12", "2023-03-02 09:40", pub_zone="Europe/London", html_lang="en-GB")
    add("en-ie", "en", "https://www.shannonnews.ie/news/2023/0124/airline-check-in-systems-crash/", "Shannon News", "en1",
        '<div class="article-meta">' + h1("en1") + '<span class="time">Updated / Tuesday, 24 Jan 2023 10:35</span></div>' + paragraphs("en1"),
        "2023-01-24 10:35", pub_zone="Europe/Dublin", html_lang="en-IE")
    add("en-syndicated", "en", "https://www.civicledger.test/tech/airline-check-in-crash-stranded-passengers", "The Civic Ledger", "en1",
        '<article>' + h1("en1") + '<div class="byline">By Priya Nair, The Flight Desk</div>' + paragraphs("en1") +
        '<p class="syndication"><em>This article was originally published on The Flight Desk on May 3, 2023. Read the original article.</em></p></article>',
        "2023-05-03",
        head=ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": STORIES["en1"][0], "datePublished": "2023-05-05T14:00:00Z"}))
    add("en-listing-search", "en", "https://www.riverbendcourier.test/search/?q=outage&page=2", "Riverbend Courier", "en2",
        listing_body("en", "www.riverbendcourier.test", "enl", "Search results for \u201coutage\u201d", kind="time"), None, listing=True)
    return S


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    gold = {}
    for spec in specs():
        html = page(spec)
        path = OUT / f"{spec['name']}.html"
        path.write_text(html, encoding="utf-8")
        size = len(html.encode("utf-8"))
        assert 30_000 <= size <= 150_000, (spec["name"], size)
        title = spec.get("title") or STORIES[spec["story"]][0]
        if spec.get("listing"):
            title = None
        gold[spec["name"]] = {
            "file": f"unseen2/{spec['name']}.html", "url": spec["url"], "http_charset": None,
            "title": title, "author": None, "published": spec["gold_pub"], "updated": spec["gold_upd"],
            "lang": spec["lang"], "contains": None if spec.get("listing") else STORIES[spec["story"]][1][0][:40],
            "not_contains": WORDS[spec["lang"]]["rights"], "is_listing": bool(spec.get("listing")), "group": "unseen2",
        }
    (HERE / "expected_unseen2.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(gold), "pages")


if __name__ == "__main__":
    main()
