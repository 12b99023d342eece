"""Reading a clause: category, modality and actor, in Italian and in English (sentences ours)."""

import pytest
from incident_timeline.categories import (
    CATEGORIES,
    categorise,
    facts_of,
    read_mention,
    read_statement,
)


def reading(sentence: str, phrase: str, kind: str = "news", lang: str = "it"):
    begin = sentence.index(phrase)
    return read_mention(sentence, (begin, begin + len(phrase)), lang, kind)


SENTENCES = [
    (
        "it",
        "news",
        "Da domenica sera migliaia di utenti non riescono ad accedere alla casella.",
        "domenica sera",
        "outage_start",
    ),
    (
        "en",
        "news",
        "Users could not access their mailboxes from Sunday evening.",
        "Sunday evening",
        "outage_start",
    ),
    (
        "it",
        "news",
        "Martedì pomeriggio la posta era ancora irraggiungibile per molti.",
        "Martedì pomeriggio",
        "outage_ongoing",
    ),
    (
        "en",
        "news",
        "On Tuesday the company said that no message had been lost.",
        "Tuesday",
        "provider_statement",
    ),
    (
        "it",
        "news",
        "Mercoledì la società ha spiegato che il blocco è dovuto a un bug.",
        "Mercoledì",
        "provider_statement",
    ),
    ("en", "news", "A faulty update on 2 March caused the failure.", "2 March", "cause"),
    (
        "it",
        "news",
        "Giovedì il servizio è stato ripristinato per una prima parte degli utenti.",
        "Giovedì",
        "restoration_partial",
    ),
    (
        "en",
        "news",
        "Service was partially restored on Thursday afternoon.",
        "Thursday afternoon",
        "restoration_partial",
    ),
    (
        "it",
        "news",
        "Giovedì sera tutte le caselle sono state ripristinate.",
        "Giovedì sera",
        "restoration_complete",
    ),
    (
        "en",
        "news",
        "All mailboxes were fully restored on Saturday.",
        "Saturday",
        "restoration_complete",
    ),
    (
        "it",
        "provider",
        "Il servizio tornerà disponibile entro le prossime 48 ore.",
        "entro le prossime 48 ore",
        "deadline",
    ),
    (
        "en",
        "news",
        "The provider expects the service to be restored within two days.",
        "within two days",
        "deadline",
    ),
    (
        "it",
        "news",
        "Ieri l'associazione ha inviato una diffida e prepara una class action.",
        "Ieri",
        "consumer_action",
    ),
    (
        "en",
        "news",
        "A consumer group filed a complaint with the provider on Wednesday.",
        "Wednesday",
        "consumer_action",
    ),
    (
        "it",
        "news",
        "Oggi un deputato ha presentato un'interrogazione al ministro.",
        "Oggi",
        "regulator_action",
    ),
    (
        "en",
        "news",
        "The government contacted the chief executive on Wednesday morning.",
        "Wednesday morning",
        "regulator_action",
    ),
    (
        "it",
        "news",
        "Il 2 febbraio agli abbonati è arrivato un indennizzo di sei mesi.",
        "2 febbraio",
        "compensation",
    ),
    (
        "en",
        "news",
        "Customers received their compensation on 10 March.",
        "10 March",
        "compensation",
    ),
    ("it", "news", "Il 2 febbraio era un giovedì piovoso.", "2 febbraio", "other"),
    ("en", "news", "The weather on 2 February was rainy.", "2 February", "other"),
]


@pytest.mark.parametrize("lang,kind,sentence,phrase,expected", SENTENCES)
def test_category(lang, kind, sentence, phrase, expected):
    assert reading(sentence, phrase, kind, lang).category == expected


def test_every_category_is_covered():
    assert {row[-1] for row in SENTENCES} == set(CATEGORIES)


@pytest.mark.parametrize(
    "sentence, phrase, category",
    [
        # each date takes the fact of its own clause
        (
            "Le caselle hanno smesso di funzionare domenica sera e sono tornate disponibili per "
            "tutti "
            "sabato mattina.",
            "domenica sera",
            "outage_start",
        ),
        (
            "Le caselle hanno smesso di funzionare domenica sera e sono tornate disponibili per "
            "tutti "
            "sabato mattina.",
            "sabato mattina",
            "restoration_complete",
        ),
        # the start verb next to the date beats the restoration of the main clause
        (
            "I disagi cominciati martedì scorso sono stati risolti.",
            "martedì scorso",
            "outage_start",
        ),
        # a date introduced by "dal" is the start of the state the sentence describes
        (
            "La Regione ha chiesto una verifica sul disservizio che dal 14 marzo interessa le "
            "linee.",
            "14 marzo",
            "outage_start",
        ),
        # the notice is dated by its own clause, not by what it talks about
        (
            "La Regione ha chiesto oggi una verifica sul disservizio che dal 14 marzo interessa le "
            "linee.",
            "oggi",
            "regulator_action",
        ),
        # a formal warning today about a block that goes on since three days
        (
            "L'associazione ha inviato oggi una diffida per il blocco, "
            "che va avanti da tre giorni.",
            "tre giorni",
            "outage_start",
        ),
        # never across a colon
        (
            "Chi è rientrato trova la casella vuota: la posta arrivata dopo le 16 del 6 marzo è "
            "stata "
            "respinta.",
            "dopo le 16 del 6 marzo",
            "outage_ongoing",
        ),
        # the regulator as a recipient is no regulator action; asked to act, it is one
        (
            "Oggi l'associazione ha mandato copia della diffida all'Autorità.",
            "Oggi",
            "consumer_action",
        ),
        (
            "Oggi un deputato ha chiesto all'Autorità di aprire un fascicolo.",
            "Oggi",
            "regulator_action",
        ),
        # a complaint filed with the regulator is a request to it
        (
            "Oggi abbiamo presentato un esposto all'autorità di vigilanza.",
            "Oggi",
            "regulator_action",
        ),
        # a clause with its own date keeps its fact
        (
            "The repair was completed on 3 May, and all accounts were accessible again by 5 May.",
            "3 May",
            "other",
        ),
    ],
)
def test_each_date_takes_the_fact_of_its_clause(sentence, phrase, category):
    others = [
        (sentence.index(p), sentence.index(p) + len(p))
        for p in ("3 May", "5 May")
        if p in sentence and p != phrase
    ]
    begin = sentence.index(phrase)
    got = read_mention(sentence, (begin, begin + len(phrase)), "it", "news", tuple(others))
    assert got.category == category


@pytest.mark.parametrize(
    "sentence, phrase, category, modality",
    [
        (
            "Non si è trattato di un attacco informatico, ha precisato ieri la società.",
            "ieri",
            "provider_statement",
            "happened",
        ),
        ("Lunedì il servizio non era ancora tornato.", "Lunedì", "outage_ongoing", "happened"),
        (
            "The service has not been restored yet on Friday.",
            "Friday",
            "outage_ongoing",
            "happened",
        ),
        (
            "La società conta di ripristinare tutto entro venerdì.",
            "entro venerdì",
            "deadline",
            "expected",
        ),
        (
            "Users should be back online by Monday evening.",
            "Monday evening",
            "deadline",
            "expected",
        ),
        # a promised compensation with a date is a deadline too
        (
            "Lo spazio in più sarà attivato entro il 28 febbraio.",
            "28 febbraio",
            "deadline",
            "expected",
        ),
        ("The credit will appear on the December bill.", "December", "deadline", "expected"),
        # asking for compensation is a consumer action, not an offer
        (
            "Oggi l'associazione chiede un indennizzo per tutti.",
            "Oggi",
            "consumer_action",
            "happened",
        ),
        # "come previsto" is not a promise
        (
            "Il 3 marzo il disco non ha funzionato come previsto a causa di un bug.",
            "3 marzo",
            "cause",
            "happened",
        ),
    ],
)
def test_negation_and_tense(sentence, phrase, category, modality):
    got = reading(sentence, phrase)
    assert (got.category, got.modality) == (category, modality)


@pytest.mark.parametrize(
    "sentence, facts",
    [
        (
            "Non si tratta di un attacco informatico: la causa è un bug del firmware.",
            [("cause", "negated"), ("cause", "happened")],
        ),
        (
            "Gli abbonati riceveranno sei mesi di servizio in omaggio.",
            [("compensation", "expected")],
        ),
        (
            "No customer data was lost, the company said.",
            [("provider_statement", "negated"), ("provider_statement", "happened")],
        ),
    ],
)
def test_facts_of_a_sentence_without_a_date(sentence, facts):
    assert [(r.category, r.modality) for r in facts_of(sentence)] == facts


@pytest.mark.parametrize(
    "status, body, category",
    [
        # an update is the provider's statement, unless its only news is the service coming back
        ("investigating", "We are looking into login failures.", "provider_statement"),
        ("identified", "We found the problem.", "provider_statement"),
        ("identified", "The cause is a bug in a storage controller.", "provider_statement"),
        (
            "update",
            "About 85% of users are back; all promised by 6pm; email still down.",
            "provider_statement",
        ),
        (
            "update",
            "The first of our two routers is back and customers are starting to reconnect.",
            "restoration_partial",
        ),
        (
            "monitoring",
            "Restoration has begun: some accounts are back. No data was lost.",
            "restoration_partial",
        ),
        ("completed", "The scheduled maintenance has been completed.", "restoration_complete"),
        ("monitoring", "All accounts are back; we keep watching.", "restoration_complete"),
        (
            "resolved",
            "All mailboxes are reachable again. The iOS app is still being checked.",
            "restoration_complete",
        ),
        ("resolved", "Most users are back; a few accounts still fail.", "restoration_partial"),
    ],
)
def test_status_updates(status, body, category):
    # (planned maintenance is told apart by the events stage, from the incident's status words)
    assert read_statement(body, "en", "status", status).category == category


def test_consumer_association_is_the_actor_of_its_action():
    assert (
        categorise("Il Codacons ha inviato una diffida.", "it", "news")[1] == "consumer_association"
    )


def test_regulator_is_the_actor_of_its_action():
    assert (
        categorise("L'AGCOM ha aperto un'istruttoria sul blocco.", "it", "news")[1] == "regulator"
    )


def test_provider_kind_is_the_prior_for_the_actor():
    assert (
        categorise("Ci scusiamo con i nostri utenti per il disservizio.", "it", "provider")[1]
        == "provider"
    )


def test_users_are_the_actor_of_what_they_report():
    assert categorise("Gli utenti segnalano che la posta non funziona.", "it", "news")[1] == "users"


def test_news_without_a_named_actor_is_media():
    assert categorise("Il servizio è tornato per tutti sabato sera.", "it", "news")[1] == "media"


def test_empty_sentence_is_other():
    assert categorise("", "it") == ("other", "media")
