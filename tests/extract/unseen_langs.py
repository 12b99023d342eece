"""Language packs for the unseen-set generator: words, date formats and prose written for this project."""

from __future__ import annotations

MONTHS = {
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
WEEKDAYS = {
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela",
}


def long_date(lang: str, d, with_time: bool = False) -> str:
    """A date the way a byline in `lang` writes it."""
    month = MONTHS[lang].split()[d.month - 1]
    hm = f"{d.hour:02d}:{d.minute:02d}"
    if lang == "it":
        return f"{d.day} {month} {d.year}" + (f" ore {hm}" if with_time else "")
    if lang == "en":
        return f"{d.day} {month} {d.year}" + (f", {hm}" if with_time else "")
    if lang == "de":
        return f"{d.day}. {month} {d.year}" + (f", {hm} Uhr" if with_time else "")
    if lang == "fr":
        return f"{d.day} {month} {d.year}" + (f" à {d.hour:02d}h{d.minute:02d}" if with_time else "")
    if lang == "es":
        return f"{d.day} de {month} de {d.year}" + (f" - {hm}" if with_time else "")
    if lang == "nl":
        return f"{d.day} {month} {d.year}" + (f", {hm}" if with_time else "")
    if lang == "pt":
        return f"{d.day} de {month} de {d.year}" + (f", às {d.hour:02d}h{d.minute:02d}" if with_time else "")
    return f"{d.day} {month} {d.year}" + (f", {hm}" if with_time else "")


def numeric_date(lang: str, d, with_time: bool = False) -> str:
    sep = "." if lang in ("de", "pl") else "/" if lang in ("it", "fr", "es", "pt", "en") else "-"
    text = f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
    return text + (f" {d.hour:02d}:{d.minute:02d}" if with_time else "")


def today_widget(lang: str, d) -> str:
    day = WEEKDAYS[lang].split()[d.weekday()]
    return f"{day.capitalize()} {long_date(lang, d)}"


WORDS = {
    "it": dict(published="Pubblicato il", updated="Aggiornato il", by="di", ago="2 ore fa", read_also="Leggi anche",
               most_read="I più letti", comments="Commenti", reply="Rispondi", newsletter="Iscriviti alla newsletter",
               cookie="Questo sito usa cookie tecnici e, con il tuo consenso, cookie di profilazione di terze parti.",
               accept="Accetta tutto", rights="Tutti i diritti riservati", sections="Cronaca Politica Economia Esteri Sport Cultura Tecnologia Salute Motori Viaggi Meteo Oroscopo"),
    "en": dict(published="Published", updated="Updated", by="By", ago="3 hours ago", read_also="Read more",
               most_read="Most read", comments="Comments", reply="Reply", newsletter="Sign up to our newsletter",
               cookie="We use cookies to personalise content and ads and to analyse our traffic.",
               accept="Accept all", rights="All rights reserved", sections="News UK World Business Politics Tech Science Health Sport Culture Travel Weather"),
    "de": dict(published="Veröffentlicht am", updated="Aktualisiert am", by="Von", ago="vor 3 Stunden", read_also="Mehr zum Thema",
               most_read="Meistgelesen", comments="Kommentare", reply="Antworten", newsletter="Newsletter abonnieren",
               cookie="Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren.",
               accept="Alle akzeptieren", rights="Alle Rechte vorbehalten", sections="Politik Wirtschaft Panorama Sport Kultur Wissen Digital Reise Auto Gesundheit Regional Wetter"),
    "fr": dict(published="Publié le", updated="Mis à jour le", by="Par", ago="il y a 2 heures", read_also="Lire aussi",
               most_read="Les plus lus", comments="Commentaires", reply="Répondre", newsletter="Recevoir la newsletter",
               cookie="Nous utilisons des cookies pour mesurer l'audience et proposer des publicités adaptées.",
               accept="Tout accepter", rights="Tous droits réservés", sections="International Politique Société Économie Sport Culture Sciences Tech Santé Météo Régions Vidéos"),
    "es": dict(published="Publicado el", updated="Actualizado el", by="Por", ago="hace 3 horas", read_also="Te puede interesar",
               most_read="Lo más leído", comments="Comentarios", reply="Responder", newsletter="Suscríbete al boletín",
               cookie="Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
               accept="Aceptar todo", rights="Todos los derechos reservados", sections="España Internacional Economía Sociedad Deportes Cultura Tecnología Ciencia Salud Opinión Vídeos Tiempo"),
    "nl": dict(published="Gepubliceerd op", updated="Bijgewerkt op", by="Door", ago="3 uur geleden", read_also="Lees ook",
               most_read="Meest gelezen", comments="Reacties", reply="Reageer", newsletter="Schrijf je in voor de nieuwsbrief",
               cookie="Wij gebruiken cookies om de website te verbeteren en advertenties te tonen.",
               accept="Alles accepteren", rights="Alle rechten voorbehouden", sections="Binnenland Buitenland Politiek Economie Sport Cultuur Tech Wetenschap Gezondheid Regio Weer Video"),
    "pt": dict(published="Publicado em", updated="Atualizado em", by="Por", ago="há 3 horas", read_also="Leia também",
               most_read="Mais lidas", comments="Comentários", reply="Responder", newsletter="Assine a newsletter",
               cookie="Utilizamos cookies para melhorar a sua experiência de navegação.",
               accept="Aceitar tudo", rights="Todos os direitos reservados", sections="País Mundo Política Economia Desporto Cultura Tecnologia Ciência Saúde Opinião Vídeos Tempo"),
    "pl": dict(published="Opublikowano", updated="Aktualizacja", by="Autor:", ago="3 godziny temu", read_also="Czytaj także",
               most_read="Najczęściej czytane", comments="Komentarze", reply="Odpowiedz", newsletter="Zapisz się do newslettera",
               cookie="Używamy plików cookie, aby dopasować treści i reklamy do Twoich zainteresowań.",
               accept="Akceptuję", rights="Wszelkie prawa zastrzeżone", sections="Kraj Świat Polityka Biznes Sport Kultura Technologie Nauka Zdrowie Regiony Pogoda Wideo"),
}

# sentences about service disruptions and local incidents, written for this project; {x} = the page's subject
PROSE = {
    "it": [
        "Da questa mattina molti utenti segnalano problemi con {x} in diverse regioni del paese.",
        "L'azienda ha confermato il guasto in una breve nota e ha promesso aggiornamenti nel corso della giornata.",
        "Secondo i tecnici il problema riguarda una parte dell'infrastruttura che gestisce le connessioni degli utenti.",
        "Sui social network le lamentele sono cresciute rapidamente, soprattutto tra chi usa il servizio per lavoro.",
        "Le associazioni dei consumatori chiedono chiarezza sui tempi di ripristino e su eventuali rimborsi.",
        "Non è la prima volta che {x} subisce un'interruzione di questo tipo negli ultimi mesi.",
        "Un portavoce ha spiegato che i dati degli utenti non sono stati compromessi in alcun modo.",
        "Nel pomeriggio il servizio ha ripreso a funzionare per una parte degli utenti, ma con forti rallentamenti.",
        "Gli esperti consigliano di non ripetere più volte l'accesso e di attendere le comunicazioni ufficiali.",
        "La vicenda ha riaperto il dibattito sulla dipendenza da pochi fornitori per servizi considerati essenziali.",
    ],
    "en": [
        "Since early this morning thousands of customers have reported problems with {x} across the country.",
        "The company acknowledged the fault in a short statement and said engineers were working on a fix.",
        "According to people familiar with the matter, the failure started in a data centre that handles log-ins.",
        "Complaints spread quickly on social media, especially from small businesses that rely on the service.",
        "Consumer groups have asked for a clear timetable for the repair and for compensation where it is due.",
        "This is not the first time {x} has gone down in recent months, critics were quick to point out.",
        "A spokesperson insisted that no customer data had been lost or exposed during the incident.",
        "By the afternoon the service was back for some users, although it remained slow and unreliable.",
        "Experts advised customers not to keep retrying and to wait for official updates from the provider.",
        "The episode has revived a debate about how much everyday life now depends on a handful of suppliers.",
    ],
    "de": [
        "Seit dem frühen Morgen melden zahlreiche Nutzer Probleme mit {x} in mehreren Bundesländern.",
        "Das Unternehmen bestätigte die Störung in einer knappen Mitteilung und kündigte weitere Informationen an.",
        "Nach Angaben der Techniker liegt die Ursache in einem Teil der Infrastruktur, der die Anmeldungen verarbeitet.",
        "In den sozialen Netzwerken häuften sich die Beschwerden, vor allem von Selbstständigen und kleinen Firmen.",
        "Verbraucherschützer fordern einen klaren Zeitplan für die Behebung und eine faire Entschädigung.",
        "Es ist nicht das erste Mal, dass {x} in den vergangenen Monaten ausgefallen ist.",
        "Eine Sprecherin versicherte, dass keine Kundendaten verloren gegangen oder abgeflossen seien.",
        "Am Nachmittag funktionierte der Dienst für einen Teil der Kunden wieder, allerdings nur sehr langsam.",
        "Fachleute raten davon ab, sich immer wieder neu anzumelden, und empfehlen, auf offizielle Hinweise zu warten.",
        "Der Vorfall hat die Debatte über die Abhängigkeit von wenigen großen Anbietern neu entfacht.",
    ],
    "fr": [
        "Depuis ce matin, de nombreux usagers signalent des difficultés avec {x} dans plusieurs régions.",
        "L'entreprise a reconnu la panne dans un bref communiqué et promet de nouvelles informations dans la journée.",
        "Selon les techniciens, l'incident touche une partie de l'infrastructure qui gère les connexions.",
        "Les plaintes se sont multipliées sur les réseaux sociaux, notamment chez les artisans et les petites entreprises.",
        "Les associations de consommateurs réclament un calendrier précis pour le retour à la normale.",
        "Ce n'est pas la première fois que {x} connaît une interruption de ce genre ces derniers mois.",
        "Une porte-parole a assuré qu'aucune donnée personnelle n'avait été perdue ni divulguée.",
        "Dans l'après-midi, le service fonctionnait de nouveau pour une partie des clients, mais avec lenteur.",
        "Les spécialistes conseillent de ne pas multiplier les tentatives de connexion et d'attendre les annonces officielles.",
        "L'affaire relance le débat sur la dépendance à un petit nombre de fournisseurs pour des services essentiels.",
    ],
    "es": [
        "Desde primera hora de la mañana numerosos usuarios denuncian problemas con {x} en varias comunidades.",
        "La compañía reconoció la avería en un breve comunicado y aseguró que sus técnicos trabajan para resolverla.",
        "Según fuentes técnicas, el fallo afecta a una parte de la infraestructura que gestiona los accesos.",
        "Las quejas se multiplicaron en las redes sociales, sobre todo entre autónomos y pequeñas empresas.",
        "Las organizaciones de consumidores piden un calendario claro para la reparación y compensaciones.",
        "No es la primera vez que {x} sufre una interrupción de este tipo en los últimos meses.",
        "Un portavoz insistió en que los datos de los clientes no se han visto comprometidos.",
        "Por la tarde el servicio volvió a funcionar para parte de los usuarios, aunque con mucha lentitud.",
        "Los expertos recomiendan no intentar el acceso una y otra vez y esperar a los avisos oficiales.",
        "El episodio ha reabierto el debate sobre la dependencia de unos pocos proveedores para servicios esenciales.",
    ],
    "nl": [
        "Sinds vanochtend melden veel gebruikers problemen met {x} in verschillende delen van het land.",
        "Het bedrijf bevestigde de storing in een korte verklaring en beloofde later meer informatie te geven.",
        "Volgens technici zit het probleem in een deel van de infrastructuur dat de aanmeldingen verwerkt.",
        "Op sociale media stroomden de klachten binnen, vooral van zzp'ers en kleine bedrijven.",
        "Consumentenorganisaties willen een duidelijke planning voor het herstel en een passende vergoeding.",
        "Het is niet de eerste keer dat {x} de afgelopen maanden onderuit is gegaan.",
        "Een woordvoerder benadrukte dat er geen klantgegevens verloren zijn gegaan of gelekt.",
        "In de middag werkte de dienst weer voor een deel van de klanten, zij het erg traag.",
        "Deskundigen raden aan niet steeds opnieuw in te loggen en de officiële berichten af te wachten.",
        "Het voorval heeft de discussie over de afhankelijkheid van een paar grote aanbieders opnieuw aangewakkerd.",
    ],
    "pt": [
        "Desde o início da manhã muitos utilizadores relatam problemas com {x} em várias regiões do país.",
        "A empresa confirmou a avaria num breve comunicado e prometeu novas informações ao longo do dia.",
        "Segundo os técnicos, a falha afeta uma parte da infraestrutura que gere as ligações dos clientes.",
        "As queixas multiplicaram-se nas redes sociais, sobretudo entre trabalhadores independentes.",
        "As associações de defesa do consumidor pedem um calendário claro para a reposição do serviço.",
        "Não é a primeira vez que {x} sofre uma interrupção deste tipo nos últimos meses.",
        "Um porta-voz garantiu que os dados dos clientes não foram perdidos nem expostos.",
        "Durante a tarde o serviço voltou a funcionar para parte dos clientes, embora com grande lentidão.",
        "Os especialistas aconselham a não repetir o acesso várias vezes e a aguardar os avisos oficiais.",
        "O caso reabriu o debate sobre a dependência de poucos fornecedores para serviços essenciais.",
    ],
    "pl": [
        "Od rana wielu użytkowników zgłasza problemy z {x} w różnych częściach kraju.",
        "Firma potwierdziła awarię w krótkim komunikacie i zapowiedziała kolejne informacje w ciągu dnia.",
        "Według techników problem dotyczy części infrastruktury, która obsługuje logowanie klientów.",
        "W mediach społecznościowych szybko przybywało skarg, zwłaszcza od małych firm.",
        "Organizacje konsumenckie domagają się jasnego harmonogramu naprawy i rekompensat.",
        "To nie pierwszy raz, gdy {x} przestaje działać w ostatnich miesiącach.",
        "Rzecznik zapewnił, że dane klientów nie zostały utracone ani ujawnione.",
        "Po południu usługa znów działała dla części klientów, choć bardzo wolno.",
        "Eksperci radzą, by nie logować się wielokrotnie i czekać na oficjalne komunikaty.",
        "Sprawa ożywiła dyskusję o zależności od kilku dużych dostawców usług uznawanych za podstawowe.",
    ],
}

# fragments for other stories' headlines (teasers, most-read lists, JSON state blobs)
TEASERS = {
    "it": ["Sciopero dei treni, le fasce garantite", "Caldo record al Sud, allerta in dieci città", "Bollette, cosa cambia dal prossimo mese",
           "Il comune approva il nuovo piano per le piste ciclabili", "Calciomercato, le trattative della settimana", "Come scegliere un router per la casa",
           "Musei gratis la prima domenica del mese", "Autostrade, cantieri e code nel weekend", "Scuola, il calendario delle prove", "Incendio in un capannone alla periferia nord"],
    "en": ["Rail strike: which services will still run", "Heatwave warning issued for the south-east", "Energy bills: what changes next month",
           "Council approves new cycle lane plan", "Transfer window: the deals of the week", "How to choose a home router",
           "Free museum entry returns this weekend", "Motorway roadworks and delays ahead", "Exam timetable published for schools", "Warehouse fire on the northern ring road"],
    "de": ["Bahnstreik: Diese Verbindungen fahren trotzdem", "Hitzewarnung für den Süden ausgegeben", "Energiepreise: Was sich im nächsten Monat ändert",
           "Stadtrat beschließt neue Radwege", "Transfermarkt: Die Wechsel der Woche", "So finden Sie den passenden Router",
           "Freier Eintritt in die Museen am Sonntag", "Baustellen und Staus am Wochenende", "Prüfungstermine für die Schulen stehen fest", "Brand in einer Lagerhalle am Stadtrand"],
    "fr": ["Grève SNCF : les trains qui circuleront", "Canicule : alerte orange dans le Sud", "Factures d'énergie : ce qui change le mois prochain",
           "La mairie adopte un nouveau plan vélo", "Mercato : les transferts de la semaine", "Comment choisir sa box internet",
           "Musées gratuits le premier dimanche du mois", "Travaux et bouchons sur l'autoroute ce week-end", "Bac : le calendrier des épreuves", "Incendie dans un entrepôt en périphérie"],
    "es": ["Huelga de trenes: los servicios mínimos", "Aviso por calor extremo en el sur", "Facturas de la luz: qué cambia el mes que viene",
           "El ayuntamiento aprueba nuevos carriles bici", "Mercado de fichajes: las operaciones de la semana", "Cómo elegir un router para casa",
           "Museos gratis el primer domingo de mes", "Obras y atascos en las autovías este fin de semana", "Selectividad: el calendario de exámenes", "Incendio en una nave industrial"],
    "nl": ["Treinstaking: deze treinen rijden wel", "Hittewaarschuwing voor het zuiden", "Energierekening: wat verandert er volgende maand",
           "Gemeente stemt in met nieuwe fietspaden", "Transfermarkt: de deals van de week", "Zo kies je een goede router",
           "Gratis naar het museum op zondag", "Wegwerkzaamheden en files dit weekend", "Examenrooster voor scholen bekend", "Brand in loods aan de rand van de stad"],
    "pt": ["Greve na CP: os comboios que vão circular", "Aviso de calor extremo no Alentejo", "Contas da luz: o que muda no próximo mês",
           "Câmara aprova novas ciclovias", "Mercado de transferências: os negócios da semana", "Como escolher um router para casa",
           "Museus gratuitos no primeiro domingo do mês", "Obras e filas nas autoestradas no fim de semana", "Exames nacionais: o calendário", "Incêndio num armazém na periferia"],
    "pl": ["Strajk na kolei: które pociągi pojadą", "Ostrzeżenie przed upałem na południu", "Rachunki za prąd: co się zmieni w przyszłym miesiącu",
           "Rada miasta przyjęła plan nowych ścieżek rowerowych", "Okno transferowe: transakcje tygodnia", "Jak wybrać router do domu",
           "Bezpłatne wejście do muzeów w niedzielę", "Remonty i korki na autostradach w weekend", "Harmonogram egzaminów ogłoszony", "Pożar hali magazynowej na obrzeżach"],
}

COMMENTERS = ["marco_77", "Giulia R.", "tomh", "Anke", "jp.durand", "Lucía", "pieter88", "Ana S.", "kasia_w", "oldreader", "N. Costa", "fritz"]
COMMENT_TEXT = {
    "it": "Anche da me non funziona niente da stamattina, e nessuno risponde al telefono.",
    "en": "Same here, nothing has worked since breakfast and the helpline just rings out.",
    "de": "Bei mir geht auch seit heute früh nichts, und die Hotline ist dauerbesetzt.",
    "fr": "Chez moi non plus, rien ne marche depuis ce matin et le service client ne répond pas.",
    "es": "A mí tampoco me funciona desde esta mañana y el teléfono de atención no contesta.",
    "nl": "Bij mij werkt ook niets sinds vanochtend en de klantenservice neemt niet op.",
    "pt": "Aqui também não funciona nada desde manhã e a linha de apoio não atende.",
    "pl": "U mnie też nic nie działa od rana, a infolinia nie odbiera.",
}
