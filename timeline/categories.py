"""What a sentence reports, read from the clause that carries the fact: category, modality, actor.

    read_mention("Il Codacons ha inviato ieri una diffida per il blocco iniziato domenica.",
                 (30, 34), "it")          # "ieri"
    # → Reading(category="consumer_action", modality="happened", actor="consumer_association")
    read_mention("Il servizio tornerà entro venerdì.", (26, 33), "it")
    # → Reading(category="deadline", modality="expected", actor="media")

A date belongs to the fact of its own clause: in "il Codacons ha inviato ieri una diffida per
il blocco iniziato domenica", "ieri" dates the formal warning and "domenica" the outage's
start. Within the clause the cue nearest to the date wins; a clause without a cue borrows
from the sentence, again the cue nearest to the date. Then:

- **negation** ("non è ancora tornato", "not a cyber attack", "nessun dato perso") turns a
  restoration into the outage still going on, and marks a cause or a statement as denied;
- **tense** (a future or conditional verb, "entro", "nelle prossime ore", "will", "expected
  to") makes the fact expected rather than happened: an expected restoration is a deadline;
- **start markers** ("è iniziato", "da domenica", "since Sunday", "le prime segnalazioni")
  tell the outage's start from the outage merely observed at a time (``outage_ongoing``).

Cue words are written as plain words; each is reduced to its Snowball stem once, at
import, and matched as a word prefix ("ripristinato", "ripristino" match "ripristino"). A
cue starting with "=" is matched as a whole phrase only (short or ambiguous words).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from incident_timeline.items import KEY_CATEGORIES

#: Every category an event may have: the story's, the outage observed, and "other".
CATEGORIES = KEY_CATEGORIES + ("outage_ongoing", "other")
ACTORS = ("provider", "media", "consumer_association", "regulator", "users")

# Cue words by fact, Italian and English together (a cue is harmless in the other language).
CUES: dict[str, tuple[str, ...]] = {
    "consumer_action": (
        "diffida",
        "diffidato",
        "reclamo",
        "reclami",
        "=class action",
        "azione collettiva",
        "esposto",
        "denuncia",
        "modulo di reclamo",
        "clausola vessatoria",
        "complaint",
        "lawsuit",
        "=sue",
        "=sued",
        "=suing",
        "formal warning",
        "collective action",
        "petizione",
        "petition",
        "=legal action",
        "=small claims",
        "=ricorso",
        "=conciliazione",
    ),
    "regulator_action": (
        "=agcom",
        "autorità garante",
        "=garante",
        "=governo",
        "presidenza del consiglio",
        "palazzo chigi",
        "interrogazione",
        "=parlamentare",
        "=deputato",
        "=deputata",
        "=senatore",
        "=senatrice",
        "=ministero",
        "=ministro",
        "=mise",
        "=antitrust",
        "=agcm",
        "=istruttoria",
        "=fascicolo",
        "regulator",
        "=government",
        "=parliament",
        "=ofcom",
        "=fcc",
        "=inquiry",
        "=investigation",
        "=indagine",
        "=inchiesta",
        "=mp",
        "=minister",
        "=ministry",
        "=watchdog",
        "=regolatore",
        "=vigilanza",
        "=supervisor",
        "=supervisory",
        "=ombudsman",
        "=authority",
        "=l'autorità",
        "=all'autorità",
        "=dell'autorità",
        "=consob",
        "=bankitalia",
        "=banca d'italia",
        "=ivass",
        "=arera",
        "=la regione",
        "=il comune",
        "=il sindaco",
        "=il prefetto",
        "=la prefettura",
        "=council",
        "=mayor",
        "=governor",
        "=congress",
    ),
    "compensation": (
        "indennizzo",
        "indennizzi",
        "rimborso",
        "risarcimento",
        "ristoro",
        "compensazione",
        "compensation",
        "=compensate",
        "=compensated",
        "refund",
        "reimburse",
        "mesi gratuiti",
        "mesi gratis",
        "=in omaggio",
        "spazio aggiuntivo",
        "free months",
        "=free month",
        "riaccredito",
        "=credited back",
        "=waive",
        "=waived",
        "=spazio in più",
        "=più spazio",
        "=more storage",
        "=extra space",
        "=gb in più",
        "=gratis",
        "=free of charge",
        "extra storage",
        "=credit",
        "=credits",
        "=goodwill",
        "=bonus",
        "=sconto",
        "=discount",
    ),
    "restoration": (
        "ripristino",
        "ripristinare",
        "ripristinato",
        "=tornato",
        "=tornata",
        "=tornati",
        "=tornate",
        "=torna",
        "=tornano",
        "=tornando",
        "=tornare",
        "=tornerà",
        "=torneranno",
        "=di nuovo accessibile",
        "=di nuovo accessibili",
        "=di nuovo funzionante",
        "=di nuovo funzionanti",
        "=di nuovo raggiungibile",
        "=di nuovo raggiungibili",
        "=di nuovo disponibile",
        "=di nuovo disponibili",
        "=di nuovo online",
        "=nuovamente accessibile",
        "=nuovamente accessibili",
        "=nuovamente disponibile",
        "=nuovamente disponibili",
        "=funziona di nuovo",
        "=funzionano di nuovo",
        "=riesce di nuovo",
        "=riescono di nuovo",
        "=può di nuovo",
        "=possono di nuovo",
        "=ripreso a funzionare",
        "=riprende a funzionare",
        "=riattivato",
        "=riattivata",
        "riattivazione",
        "=risolto",
        "=risolti",
        "=risolta",
        "=risolte",
        "=risolvere",
        "=alla normalità",
        "=normalmente",
        "=regolarmente",
        "=fixed",
        "restore",
        "=back online",
        "=back up",
        "=back to normal",
        "=working again",
        "=resolved",
        "=recovered",
        "=recovery",
        "=up and running",
        "=operational again",
        "=fully operational",
        "=operativo",
        "=operativa",
        "=operativi",
        "=accessible again",
        "=available again",
        "=access again",
        "=monitoring",
        "=rientrato",
        "=rientrati",
        "=ritrovato",
        "=ritrovata",
        "reconnect",
        "=riconnessi",
        "=riconnesse",
        "=ricollegati",
        "=back in service",
        "=in service again",
        "=send and receive",
        "=working normally",
        "=funziona regolarmente",
        "=funzionano regolarmente",
        "=back online",
    ),
    "cause": (
        "=a causa",
        "=causato",
        "=causata",
        "=causa:",
        "=la causa è",
        "=la causa era",
        "=causa del guasto è",
        "=dovuto a",
        "=dovuta a",
        "=dovuti a",
        "=colpa di",
        "=originato",
        "=bug",
        "=attacco",
        "attacco informatico",
        "=hacker",
        "=hackers",
        "=cyber",
        "=malfunzionamento",
        "=caused",
        "=causing",
        "=due to",
        "=root cause",
        "=cause:",
        "=the cause was",
        "=the cause is",
        "=because of",
        "=cyberattack",
        "=cyber attack",
        "=cyber-attack",
        "=ransomware",
        "=errore umano",
        "=human error",
        "=blamed",
        "=triggered by",
        "=stemmed from",
        "=origine del",
        "=difetto",
        "=defect",
        "=flaw",
        "=glitch",
        "=anomalia",
        "=a fault in",
        "=a fault with",
        "=a fault on",
        "=fault in our",
        "=faulty",
        "=guasto al",
        "=guasto alla",
        "=guasto nel",
        "=guasto nella",
        "=guasto a un",
        "=guasto di un",
        "=linked to",
        "=legato a",
        "=legata a",
        "=following planned",
        "=after planned",
        "=dopo un intervento",
        "=triggered",
        "=ha innescato",
        "=ha provocato",
        "=provocato da",
        "=provocata da",
        "=led to",
        "=resulted in",
    ),
    "data": (
        "=dati persi",
        "=dato perso",
        "=andato perso",
        "=andati persi",
        "=perdita di dati",
        "=data loss",
        "=data was lost",
        "=data has been lost",
        "=lost any data",
        "=no data",
        "=nessun dato",
        "=messaggi persi",
        "=nessun messaggio",
    ),
    "provider_statement": (
        "=comunicato",
        "=comunicati",
        "=nota ufficiale",
        "=in una nota",
        "=una nota",
        "=seconda nota",
        "=prima nota",
        "=nuova nota",
        "=nota diffusa",
        "=nota pubblicata",
        "=dichiarato",
        "=dichiarazione",
        "=ha spiegato",
        "=spiega",
        "=ha fatto sapere",
        "=fa sapere",
        "=ci scusiamo",
        "=scuse",
        "=si scusa",
        "=annuncia",
        "=ha annunciato",
        "=faq",
        "=statement",
        "=said",
        "=says",
        "=announced",
        "=apologise",
        "=apologize",
        "=apologised",
        "=apologized",
        "=spokesperson",
        "=spokesman",
        "=spokeswoman",
        "=portavoce",
        "=confirmed",
        "=ha confermato",
        "=conferma",
        "=ha comunicato",
        "=comunica",
        "=ha ribadito",
        "=ribadisce",
        "=ha precisato",
        "=precisa",
        "=blog post",
        "=post sul blog",
        "=told",
        "=wrote",
        "=ha scritto",
    ),
    "outage": (
        "disservizio",
        "disservizi",
        "guasto",
        "guasti",
        "interruzione",
        "=interrotto",
        "=interrotta",
        "=blackout",
        "=down",
        "=non funziona",
        "=non funzionano",
        "=non funzionava",
        "=non funzionavano",
        "=inaccessibile",
        "=inaccessibili",
        "=non disponibile",
        "=non disponibili",
        "=non accessibile",
        "=non accessibili",
        "=non riescono",
        "=non riesce",
        "=non riuscivano",
        "=impossibile accedere",
        "=segnalazioni",
        "=downdetector",
        "=problemi di accesso",
        "=outage",
        "=outages",
        "=unavailable",
        "=inaccessible",
        "=went down",
        "=stopped working",
        "=disruption",
        "=can't access",
        "=cannot access",
        "=could not access",
        "=couldn't access",
        "=unable to",
        "=not working",
        "=investigating",
        "=major outage",
        "=partial outage",
        "=degraded performance",
        "=smesso di funzionare",
        "=smette di funzionare",
        "=bloccato",
        "=bloccata",
        "=bloccate",
        "=bloccati",
        "=blocco",
        "=in tilt",
        "=irraggiungibile",
        "=irraggiungibili",
        "=fuori uso",
        "=ko",
        "=è fermo",
        "=sono ferme",
        "=sono fermi",
        "=fermo",
        "=fermi",
        "=si è fermato",
        "=si sono fermati",
        "=is down",
        "=are down",
        "=was down",
        "=were down",
        "=crashed",
        "=senza posta",
        "=senza email",
        "=senza e-mail",
        "=senza mail",
        "=senza servizio",
        "=senza connessione",
        "=senza linea",
        "=senza corrente",
        "=without service",
        "=without email",
        "=without power",
        "=no service",
        "=problemi",
        "=problems",
        "=failure",
        "=failures",
        "=errors",
        "=errori",
        "=respinti",
        "=respinte",
        "=respinto",
        "=respinta",
        "=rifiutati",
        "=rifiutate",
        "=bounced",
        "=offline",
        "=not available",
        "=failed",
        "=failing",
        "=non consente",
        "=non consentono",
        "=non consentiva",
        "=rifiuta",
        "=rifiutano",
        "=refuse",
        "=refused",
        "=refusing",
        "=stopped accepting",
        "=locked out",
        "=lost access",
        "=lost their",
        "=lost its",
        "=persa la connessione",
        "=perso la connessione",
    ),
}
# The outage's beginning rather than its being observed: "è iniziato", "le prime segnalazioni".
# They are outage cues themselves, so that a date next to them is read as the start.
START_CUES = (
    "=iniziato",
    "=iniziata",
    "=iniziati",
    "=iniziate",
    "=cominciato",
    "=cominciata",
    "=cominciati",
    "=cominciate",
    "=partito",
    "=partita",
    "=scattato",
    "=scattata",
    "=prime segnalazioni",
    "=primi problemi",
    "=prime difficoltà",
    "=began",
    "=begun",
    "=started",
    "=first reports",
    "=first reported",
    "=went down",
    "=stopped working",
    "=smesso di funzionare",
    "=si è fermato",
    "=si è fermata",
    "=si sono fermati",
    "=onset",
    "=inizio del disservizio",
    "=inizio del guasto",
    "=start of the outage",
)
# A date introduced like this is the start of the state its sentence describes.
SINCE_BEFORE_DATE = re.compile(
    r"(?:\b(?:da|dal|dalla|dallo|dalle|dai|dagli|dall'|a partire da(?:l|lla|lle|i)?|since|"
    r"from|starting)\s*(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)
PARTIAL_CUES = (
    "parzialmente",
    "=in parte",
    "=una parte",
    "=prima parte",
    "=parte degli",
    "=parte delle",
    "=parte dei",
    "=maggior parte",
    "=maggioranza",
    "=alcuni",
    "=alcune",
    "=primi",
    "=prime",
    "gradualmente",
    "progressivamente",
    "=graduale",
    "=quasi",
    "=restanti",
    "=rimanenti",
    "=partially",
    "=partial",
    "=some",
    "=most",
    "=majority",
    "=gradually",
    "=progressively",
    "=a first",
    "=first users",
    "=remaining",
    "=nearly",
    "=almost",
    "=the first",
    "=starting to",
    "=start to",
    "=starts to",
    "=iniziano a",
    "=cominciano a",
    "=stanno iniziando",
    "=all but",
    "=except",
    "=tranne",
    "=eccetto",
    "=ad eccezione",
    "=not all",
    "=non tutti",
    "=non tutte",
    "=iniziato il ripristino",
    "=started to",
    "=begun to",
    "=began to",
    "=stanno tornando",
    "=sta tornando",
    "=are coming back",
    "=is coming back",
)
COMPLETE_CUES = (
    "completamente",
    "=del tutto",
    "=tutti",
    "=tutte",
    "=pienamente",
    "=totalmente",
    "=completato",
    "=completata",
    "=all",
    "=fully",
    "=completely",
    "=entire",
    "=everyone",
    "=every",
    "=ogni",
    "=resolved",
    "=risolto",
    "=definitivamente",
    "=finally",
)
NEGATIONS = frozenset(
    """non not no nessun nessuna nessuno né mai never neither nor without
    senza nothing nulla niente escluso esclude escludere excluded""".split()
)
DETERMINER_NEGATIONS = frozenset("no nessun nessuna nessuno none zero".split())
# Words a negation reaches across: copulas, auxiliaries, articles, "ancora", "yet".
LIGHT_WORDS = frozenset(
    """si se tratta trattato trattata trattava è e' era sarebbe stato stata
    stati state sono siamo di del della un una uno un' l' il lo la i gli le a da dal dalla
    ancora più affatto stati dovuto dovuta causato causata is was were be been being are has
    have had it its a an the of by yet still any at all caused due to dovuti""".split()
)
NEGATION = re.compile(
    r"(?:\b(?:non|not|no|nessun|nessuna|nessuno|né|mai|never|neither|nor|without|senza|"
    r"nothing|nulla|niente|escluso|esclude|excluded|ruled out)\b|n't\b)[^.;:]{0,40}$",
    re.IGNORECASE,
)
# Future, conditional or promise: what is expected, not what happened.
EXPECTED = re.compile(
    r"\b(?:entro|nelle prossime|nei prossimi|nella prossima|prossimamente|dovrebbe|"
    r"dovrebbero|dovrà|dovranno|prevede|prevediamo|previsto|prevista|previsti|contiamo|"
    r"cont(?:a|ano|ava|avano) di|puntano a|punta a|ci aspettiamo|promette|promesso|promettono|"
    r"stima di|will|'ll|shall|expect\w*|"
    r"should be|is set to|are set to|plans to|aims to|hopes to|by the end of|within|"
    r"no later than|promised|promises|pledged|estimated|eta|scheduled|before \w+ing|"
    r"prima di \w+(?:are|ere|ire)|"
    # Working towards it, as soon as possible: the aim, not the result.
    r"(?:al lavoro|lavor\w+|impegnat\w+) per \w+(?:are|ere|ire)|working to|work to|"
    r"il prima possibile|"
    r"al più presto|quanto prima|as soon as possible|"
    r"\w+(?:erà|irà|arà|eranno|iranno|aranno|eremo|iremo|aremo|rò))\b",
    re.IGNORECASE,
)
PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|per ?cento|percent)", re.IGNORECASE)
AS_PLANNED = re.compile(r"\b(?:come|as)\s+(?:previst\w|expected|planned|scheduled)", re.IGNORECASE)
# Asking for something: compensation demanded is an action of whoever asks, not an offer.
DEMAND = re.compile(
    r"\b(?:chied\w*|richied\w*|richiest\w*|pretend\w*|reclam\w*|diritto a|demand\w*|ask\w*|"
    r"call(?:s|ed|ing)? for|claim\w*|urg\w+|entitled to|seek\w*|sought)\b",
    re.IGNORECASE,
)
# Filed with or asked of an authority: with a regulator named, a request to it.
REQUEST = re.compile(
    r"\b(?:espost\w*|petizion\w*|petition\w*|ricors\w*|complaint\w*|"
    r"chied\w*|chiest\w*|sollecit\w*|ask\w*|urg\w+|call(?:s|ed|ing)? on|wr(?:ote|itten|ites) to|"
    r"scritto a\w*)\b",
    re.IGNORECASE,
)
# The regulator as the one something is sent to, not the one acting.
ADDRESSED = re.compile(r"(?:\b(?:a|al|alla|ai|alle|to|with)\s+(?:the\s+)?|\ball')$", re.IGNORECASE)
# Said or reported by the provider: a deadline in a news article is still the provider's promise.
PRIORITY = (
    "consumer_action",
    "regulator_action",
    "compensation",
    "cause",
    "data",
    "start",
    "restoration",
    "provider_statement",
    "outage",
)

ACTOR_CUES: dict[str, tuple[str, ...]] = {
    "consumer_association": (
        "=codacons",
        "=altroconsumo",
        "=confconsumatori",
        "=adiconsum",
        "=federconsumatori",
        "=adoc",
        "=adusbef",
        "unione nazionale consumatori",
        "movimento consumatori",
        "associazione consumatori",
        "associazioni dei consumatori",
        "consumer association",
        "consumer group",
        "=which?",
        "=consumer rights",
        "=citizens advice",
        "=associazione",
        "=consumatori",
    ),
    "regulator": CUES["regulator_action"],
    "provider": (
        "=l'azienda",
        "=la società",
        "=il provider",
        "=l'operatore",
        "=il gestore",
        "=the company",
        "=the provider",
        "=the firm",
        "=cto",
        "=ceo",
        "=portavoce",
        "=spokesperson",
        "=amministratore delegato",
        "=we",
        "=noi",
        "=our",
        "=nostri",
        "=nostra",
        "=nostro",
        "=nostre",
    ),
    "users": (
        "=utenti",
        "=clienti",
        "=abbonati",
        "=users",
        "=customers",
        "=subscribers",
    ),
}
KIND_ACTORS = {
    "provider": "provider",
    "status": "provider",
    "consumer": "consumer_association",
    "regulator": "regulator",
    "social": "users",
}
CATEGORY_ACTORS = {
    "consumer_action": "consumer_association",
    "regulator_action": "regulator",
    "provider_statement": "provider",
    "cause": "provider",
}
# What a status page's own status word says, when the body says nothing more precise.
STATUS_WORDS = {
    "investigating": "outage_ongoing",
    "identified": "provider_statement",
    "monitoring": "restoration_partial",
    "resolved": "restoration_complete",
    "postmortem": "cause",
    "update": "provider_statement",
    "scheduled": "deadline",
    "in_progress": "outage_ongoing",
    "verifying": "restoration_partial",
    "completed": "restoration_complete",
}

_STEMMERS = (snowballstemmer.stemmer("italian"), snowballstemmer.stemmer("english"))


def _word_pattern(word: str) -> str:
    """A word as a prefix of its stems (shortest common prefix of word and each stem)."""
    prefixes = {os.path.commonprefix([word, stemmer.stemWord(word)]) for stemmer in _STEMMERS}
    prefix = min(prefixes, key=len)
    # A stem of 3 letters or fewer would match too much ("post", "dov"): keep the whole word.
    if len(prefix) < 4:
        return re.escape(word) + r"(?![\w'])"
    return re.escape(prefix) + r"\w*"


def _cue_pattern(cue: str) -> str:
    if cue.startswith("="):
        words = cue[1:].split()
        tail = "" if words[-1][-1:] in ":'?" else r"(?![\w'])"
        return r"\s+".join(re.escape(w) for w in words) + tail
    return r"\s+".join(_word_pattern(w) for w in cue.split())


def _compile(cues: tuple[str, ...]) -> re.Pattern:
    alternatives = sorted((_cue_pattern(c.lower()) for c in cues), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + _by_first_letter(alternatives) + ")", re.IGNORECASE)


def _by_first_letter(alternatives: list[str]) -> str:
    """The alternation with the alternatives that open with the same letter under one branch
    ("a(?:ttacc\\w*|zienda)|b(?:ug)"): the regex engine then tries only the branch of the
    letter it reads, instead of every cue at every position. The order within a branch, and so
    which alternative wins, is unchanged."""
    branches: dict[str, list[str]] = {}
    others = []
    for alternative in alternatives:
        if alternative[:1].isalnum():
            branches.setdefault(alternative[0], []).append(alternative[1:])
        else:
            others.append(alternative)  # an escape opens it: not a plain letter
    grouped = [f"{letter}(?:{'|'.join(rest)})" for letter, rest in branches.items()]
    return "|".join(grouped + others)


_START = _compile(START_CUES)
_PATTERNS = {name: _compile(cues) for name, cues in CUES.items()} | {"start": _START}

_PARTIAL = _compile(PARTIAL_CUES)
_COMPLETE = _compile(COMPLETE_CUES)
_ACTOR_PATTERNS = {name: _compile(cues) for name, cues in ACTOR_CUES.items()}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})

# Where a part of a sentence ends: a date never borrows a fact from across these.
PART_BREAK = re.compile(r"[:;()\[\]]|\s[–—-]\s")
# Where a clause ends: punctuation, or a conjunction that starts a new statement.
CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]«»\"“”]|\s[–—-]\s|\s(?:e|ed|ma|mentre|poi|però|quindi|che|perché|dopo che|"
    r"and|but|while|then|whereas|which|who|after|because|although)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Actors:
    """The incident's own regulators and consumer associations, by the names its sources file
    gives them ("ivb", "fair-deal"): their names in a sentence are those actors."""

    regulators: tuple[str, ...] = ()
    consumers: tuple[str, ...] = ()

    @classmethod
    def of(cls, sources) -> Actors:
        """From a sources file's sources (``name`` and ``kind`` each)."""

        def names(kind):
            return tuple(
                sorted(
                    {
                        " ".join(re.split(r"[-_.]+", s.name))
                        for s in sources
                        if s.kind == kind and len(s.name) > 2
                    }
                )
            )

        return cls(names("regulator"), names("consumer"))


NO_ACTORS = Actors()


@lru_cache(maxsize=64)
def _actor_patterns(actors: Actors) -> tuple[tuple[str, re.Pattern], ...]:
    """(fact, pattern) for the incident's named actors, besides the general cues."""
    return tuple(
        (fact, _compile(tuple("=" + name for name in names)))
        for fact, names in (
            ("regulator_action", actors.regulators),
            ("consumer_action", actors.consumers),
        )
        if names
    )


@dataclass(frozen=True)
class Reading:
    """What one clause asserts: its category, whether it happened, and who acts."""

    category: str = "other"
    modality: str = "happened"
    actor: str = "media"


def clause_around(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The bounds of the clause of ``sentence`` holding ``sentence[span[0]:span[1]]``.

    >>> s = "Il servizio si è fermato domenica sera e è tornato sabato."
    >>> begin, end = clause_around(s, (25, 38))
    >>> s[begin:end]
    'Il servizio si è fermato domenica sera'
    """
    begin, end = span
    start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, begin)), default=0)
    following = CLAUSE_BREAK.search(sentence, end)
    stop = following.start() if following else len(sentence)
    while start < stop and sentence[start].isspace():
        start += 1
    return start, stop


def _hits(
    text: str, start: int, stop: int, actors: Actors = NO_ACTORS
) -> list[tuple[int, int, str]]:
    """(begin, end, fact) of every cue in ``text[start:stop]`` (the incident's actors included).

    A start verb whose object is the restoration ("è iniziato il ripristino", "began
    restoring") starts the restoration, not the outage: it is left out.
    """
    hits = []
    for name, pattern in (*_PATTERNS.items(), *_actor_patterns(actors)):
        for match in pattern.finditer(text, start, stop):
            hits.append((match.start(), match.end(), name))
    restorations = [h for h in hits if h[2] == "restoration"]
    return [
        h
        for h in hits
        if h[2] != "start"
        or not any(0 <= r[0] - h[1] <= 25 or 0 <= h[0] - r[1] <= 12 for r in restorations)
    ]


def _distance(hit: tuple[int, int, str], span: tuple[int, int]) -> int:
    begin, end, _ = hit
    if end <= span[0]:
        return span[0] - end
    if begin >= span[1]:
        return begin - span[1]
    return 0


def _nearest(hits: list[tuple[int, int, str]], span: tuple[int, int] | None) -> tuple | None:
    if not hits:
        return None
    if span is None:
        return min(hits, key=lambda h: (PRIORITY.index(h[2]), h[0]))
    return min(hits, key=lambda h: (_distance(h, span), PRIORITY.index(h[2])))


def _negated(text: str, cue: tuple[int, int, str], clause_start: int) -> bool:
    """A negation that reaches the cue: right before it, or across light words only
    ("non si tratta di un attacco", "has not been restored", "wasn't a cyber attack"), or
    inside the cue ("nessun dato")."""
    if re.match(r"(?:no|nessun|non)\b", text[cue[0] : cue[1]], re.IGNORECASE):
        return True
    words = re.findall(r"[\w']+", text[clause_start : cue[0]])
    skipped = 0  # "no customer data was lost": a negating determiner reaches across its noun
    for word in reversed(words[-6:]):
        word = word.lower()
        if word in NEGATIONS or word.endswith("n't"):
            return not skipped or word in DETERMINER_NEGATIONS
        if word not in LIGHT_WORDS:
            skipped += 1
            if skipped > 1:
                return False
    return False


def _restoration(text: str, start: int, stop: int) -> str:
    """restoration_partial or restoration_complete from the clause's quantity words."""
    clause = text[start:stop]
    partial = _PARTIAL.search(clause) or any(
        float(n.replace(",", ".")) < 100 for n in PERCENT.findall(clause)
    )
    complete = _COMPLETE.search(clause)
    # "non per tutti", "not all": the opposite of complete.
    negated_complete = complete and NEGATION.search(clause, 0, complete.start())
    if partial or negated_complete:
        return "restoration_partial"
    return "restoration_complete"


def _expected(text: str, start: int, stop: int) -> bool:
    """A future, a conditional or a promise in the clause ("come previsto" is not one)."""
    return any(
        not AS_PLANNED.search(text, max(0, m.start() - 8), m.end())
        for m in EXPECTED.finditer(text, start, stop)
    )


def _category(
    fact: str,
    text: str,
    clause: tuple[int, int],
    span: tuple[int, int] | None,
    cue: tuple[int, int, str],
    actors: Actors = NO_ACTORS,
) -> tuple[str, str]:
    """(category, modality) of a fact cue in its clause; ``span`` is the date's, if any."""
    start, stop = clause
    negated = _negated(text, cue, start)
    expected = _expected(text, start, stop)
    part = max((m.end() for m in PART_BREAK.finditer(text, 0, cue[0])), default=0)
    demanded = DEMAND.search(text, max(part, cue[0] - 100), cue[0])
    if fact in ("restoration", "compensation") and demanded:
        return "consumer_action", "happened"  # asking for it is the asker's action, not the thing
    if (
        fact == "consumer_action"
        and REQUEST.search(text, start, stop)
        and any(h[2] == "regulator_action" for h in _hits(text, start, stop, actors))
    ):
        return "regulator_action", "happened"  # a complaint filed with the regulator
    if (
        fact == "regulator_action"
        and ADDRESSED.search(text, max(start, cue[0] - 6), cue[0])
        and not REQUEST.search(text, start, stop)
    ):
        return "other", "happened"  # "copia all'AGCOM", "sent to the regulator": a recipient
    if fact == "start":
        return "outage_start", "happened"
    if fact == "outage":
        since = span is not None and SINCE_BEFORE_DATE.search(text, max(0, span[0] - 40), span[0])
        started = since or _START.search(text, start, stop)
        return ("outage_start" if started else "outage_ongoing"), "happened"
    if fact == "restoration":
        if negated:
            # "non è ancora tornato", "not yet restored": the outage goes on.
            return "outage_ongoing", "happened"
        if expected:
            return "deadline", "expected"
        return _restoration(text, start, stop), "happened"
    if fact == "compensation" and expected and span is not None and not negated:
        return "deadline", "expected"  # "applicata entro il 28 febbraio": a promised time
    # "nessun dato è andato perso": what the provider says about the data.
    category = "provider_statement" if fact == "data" else fact
    return category, ("negated" if negated else "expected" if expected else "happened")


def _actor(text: str, category: str, kind: str | None) -> str:
    if kind in KIND_ACTORS:
        return KIND_ACTORS[kind]
    if category in CATEGORY_ACTORS and category != "cause":
        return CATEGORY_ACTORS[category]
    named = ("consumer_association", "regulator", "provider")
    if category in ("outage_start", "outage_ongoing", "other"):
        named += ("users",)
    for name in named:
        if _ACTOR_PATTERNS[name].search(text):
            return name
    return "media"


@lru_cache(maxsize=8192)
def read_mention(
    sentence: str,
    span: tuple[int, int] | None,
    lang: str = "it",
    kind: str | None = None,
    other_dates: tuple[tuple[int, int], ...] = (),
    actors: Actors = NO_ACTORS,
) -> Reading:
    """The reading of the clause that holds ``sentence[span[0]:span[1]]`` (a date).

    ``span`` None reads the sentence as a whole (a statement's title, a status update).
    ``other_dates`` are the spans of the sentence's other dates: a clause dated by one of
    them owns its fact, which this date never borrows. ``lang`` is accepted for symmetry
    with the tagger: the cue lists cover Italian and English at once. ``kind`` is the
    document's kind, the prior for the actor; ``actors`` the incident's named actors.
    """
    text = (sentence or "").translate(_APOSTROPHES)
    clause = clause_around(text, span) if span else (0, len(text))
    hits = _hits(text, *clause, actors)
    if not hits and span is not None:
        # A clause without a fact of its own: the fact nearest to the date in its part of the
        # sentence (never across a colon, a semicolon or a dash, never a dated clause's).
        part_start = max((m.end() for m in PART_BREAK.finditer(text, 0, span[0])), default=0)
        following = PART_BREAK.search(text, span[1])
        dated = [clause_around(text, other) for other in other_dates]
        hits = [
            hit
            for hit in _hits(
                text, part_start, following.start() if following else len(text), actors
            )
            if not any(start <= hit[0] < stop for start, stop in dated)
        ]
    cue = _nearest(hits, span)
    if cue is None:
        return Reading(actor=_actor(text, "other", kind))
    if not hits or not (clause[0] <= cue[0] < clause[1]) or span is None:
        clause = clause_around(text, cue[:2])  # tense and negation are read in the fact's clause
    category, modality = _category(cue[2], text, clause, span, cue, actors)
    return Reading(category, modality, _actor(text, category, kind))


def read_statement(
    sentence: str,
    lang: str = "it",
    kind: str | None = None,
    status: str | None = None,
    actors: Actors = NO_ACTORS,
) -> Reading:
    """The reading of a whole statement: a document's title and lead, a status update.

    A status update is the provider's statement, unless its only news is the service
    coming back: then it is the restoration, partial or complete by its status word
    ("monitoring", "resolved") and its quantity words ("most users", "all mailboxes").
    """
    reading = read_mention(sentence, None, lang, kind, (), actors)
    word = STATUS_WORDS.get((status or "").lower())
    if word is None:
        return reading
    text = (sentence or "").translate(_APOSTROPHES)
    facts = {r.category for r in facts_of(text, lang, kind, actors)}
    news = facts - {"provider_statement"}  # "nessun dato è andato perso" is reassurance, not news
    if word.startswith("restoration") and news <= {"restoration_partial", "restoration_complete"}:
        category = word
        if word == "restoration_complete" and _PARTIAL.search(text.split(". ")[0]):
            category = "restoration_partial"  # "resolved for most users"
        elif word == "restoration_partial" and _COMPLETE.search(text) and not _PARTIAL.search(text):
            category = "restoration_complete"  # "monitoring: all mailboxes are back"
        return Reading(category, "happened", reading.actor)
    facts.discard("provider_statement")  # "nessun dato è andato perso" is reassurance, not news
    if facts and facts <= {"restoration_partial", "restoration_complete"}:
        return Reading(
            facts.pop() if len(facts) == 1 else "restoration_partial", "happened", reading.actor
        )
    return Reading("provider_statement", "happened", reading.actor)


def facts_of(
    sentence: str, lang: str = "it", kind: str | None = None, actors: Actors = NO_ACTORS
) -> list[Reading]:
    """The distinct facts a sentence without a date carries, one reading per clause with a cue.

    >>> [(r.category, r.modality) for r in facts_of("Non è stato un attacco: la causa è un bug.")]
    [('cause', 'negated'), ('cause', 'happened')]
    """
    text = (sentence or "").translate(_APOSTROPHES)
    readings, seen = [], set()
    position = 0
    while position < len(text):
        clause = clause_around(text, (position, position))
        hits = _hits(text, *clause, actors)
        cue = _nearest(hits, None)
        if cue is not None:
            category, modality = _category(cue[2], text, clause, None, cue, actors)
            if (category, modality) not in seen:
                seen.add((category, modality))
                readings.append(Reading(category, modality, _actor(text, category, kind)))
        position = max(clause[1] + 1, position + 1)
    return readings


def categorise(sentence: str, lang: str = "it", kind: str | None = None) -> tuple[str, str]:
    """(category, actor) of a whole sentence: ``read_mention`` without a date."""
    reading = read_mention(sentence, None, lang, kind)
    return reading.category, reading.actor
