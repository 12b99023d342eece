"""categorise(): one sentence per category, in Italian and in English."""

import pytest

from timeline.categories import CATEGORIES, categorise, categorise_in_context

SENTENCES = [
    ("it", "news", "Da domenica sera migliaia di utenti non riescono ad accedere alla casella.", "outage_start"),
    ("en", "news", "Users could not access their mailboxes from Sunday evening.", "outage_start"),
    ("it", "news", "In una nota la società ha spiegato che nessun messaggio è andato perso.", "provider_statement"),
    ("en", "news", "The company said on Tuesday that no message had been lost.", "provider_statement"),
    ("it", "news", "Il blocco è dovuto a un bug nel sistema operativo del nuovo storage.", "cause"),
    ("en", "news", "The failure was caused by a bug in the storage firmware.", "cause"),
    ("it", "news", "Il servizio è stato ripristinato per una prima parte degli utenti.", "restoration_partial"),
    ("en", "news", "Service was partially restored on Thursday afternoon.", "restoration_partial"),
    ("it", "news", "Giovedì sera tutte le caselle sono state ripristinate.", "restoration_complete"),
    ("en", "news", "All mailboxes were fully restored on Saturday.", "restoration_complete"),
    ("it", "provider", "Il servizio tornerà disponibile entro le prossime 48 ore.", "deadline"),
    ("en", "news", "The provider expects to finish the repair within two days.", "deadline"),
    ("it", "news", "L'associazione ha inviato una diffida e prepara una class action.", "consumer_action"),
    ("en", "news", "A consumer group filed a complaint with the provider on Wednesday.", "consumer_action"),
    ("it", "news", "Un deputato ha presentato un'interrogazione e chiesto all'AGCOM di intervenire.", "regulator_action"),
    ("en", "news", "The government contacted the chief executive on Wednesday morning.", "regulator_action"),
    ("it", "news", "Chi ha un abbonamento riceverà un indennizzo di sei mesi gratuiti.", "compensation"),
    ("en", "news", "Customers will receive compensation as extra storage.", "compensation"),
    ("it", "news", "Il 2 febbraio era un giovedì piovoso.", "other"),
    ("en", "news", "The weather on 2 February was rainy.", "other"),
]


@pytest.mark.parametrize("lang,kind,sentence,expected", SENTENCES)
def test_category(lang, kind, sentence, expected):
    assert categorise(sentence, lang, kind)[0] == expected


def test_every_category_is_covered():
    assert {expected for *_, expected in SENTENCES} == set(CATEGORIES)


@pytest.mark.parametrize("word", ["ripristinato", "ripristino", "ripristinati", "ripristinata"])
def test_italian_inflections_match(word):
    assert categorise(f"Il servizio è stato {word} per tutti.", "it")[0] == "restoration_complete"


@pytest.mark.parametrize("word", ["restored", "restoring", "restoration"])
def test_english_inflections_match(word):
    assert categorise(f"Engineers {word} the service for everyone.", "en")[0] == "restoration_complete"


def test_consumer_association_is_the_actor_of_its_action():
    assert categorise("Il Codacons ha inviato una diffida.", "it", "news")[1] == "consumer_association"


def test_regulator_is_the_actor_of_its_action():
    assert categorise("L'AGCOM ha aperto un'istruttoria sul blocco.", "it", "news")[1] == "regulator"


def test_provider_kind_is_the_prior_for_the_actor():
    assert categorise("Ci scusiamo con i nostri utenti per il disservizio.", "it", "provider")[1] == "provider"


def test_consumer_kind_is_the_prior_for_the_actor():
    assert categorise("Chiediamo un indennizzo per tutti.", "it", "consumer")[1] == "consumer_association"


def test_users_are_the_actor_of_what_they_report():
    assert categorise("Gli utenti segnalano che la posta non funziona da ieri.", "it", "news")[1] == "users"


def test_news_without_a_named_actor_is_media():
    assert categorise("Il servizio è tornato sabato sera.", "it", "news")[1] == "media"


def test_empty_sentence_is_other():
    assert categorise("", "it") == ("other", "media")


@pytest.mark.parametrize("sentence,expected", [
    ("Investigating — We are investigating reports of login failures.", "outage_start"),
    ("Identified — The issue has been identified and a fix is being implemented.", "cause"),
    ("Monitoring — A fix has been implemented and we are monitoring the results.", "restoration_partial"),
    ("Resolved — This incident has been resolved.", "restoration_complete"),
])
def test_status_page_updates(sentence, expected):
    assert categorise(sentence, "en", "status")[0] == expected


CLAUSE_SENTENCE = ("Le caselle hanno smesso di funzionare domenica sera e sono tornate "
                   "disponibili per tutti sabato mattina.")


@pytest.mark.parametrize("phrase, category", [("domenica sera", "outage_start"),
                                              ("sabato mattina", "restoration_complete")])
def test_each_date_takes_the_category_of_its_clause(phrase, category):
    begin = CLAUSE_SENTENCE.index(phrase)
    assert categorise_in_context(CLAUSE_SENTENCE, (begin, begin + len(phrase)))[0] == category


def test_clause_without_cue_falls_back_to_the_sentence():
    sentence = "Il Codacons ha inviato una diffida, come aveva annunciato tre giorni fa."
    begin = sentence.index("tre giorni fa")
    assert categorise_in_context(sentence, (begin, begin + 13))[0] == "consumer_action"


@pytest.mark.parametrize("sentence", [
    "Il deputato ha scritto all'Autorità sul guasto che da lunedì lascia senza connessione mezza città.",
    "Residents have been without power since Tuesday night, the council said.",
])
def test_being_left_without_service_is_the_outage(sentence):
    phrase = "lunedì" if "lunedì" in sentence else "Tuesday night"
    begin = sentence.index(phrase)
    assert categorise_in_context(sentence, (begin, begin + len(phrase)))[0] == "outage_start"
