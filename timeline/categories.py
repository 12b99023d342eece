"""What an event is about, and who acts: cue words in the sentence around a date.

    categorise("Il servizio è stato ripristinato per tutti gli utenti.", "it")
    # → ("restoration_complete", "media")
    categorise("Codacons sends a formal warning and threatens a class action", "en", "news")
    # → ("consumer_action", "consumer_association")

Cue words are written as plain words; each is reduced to its Snowball stem once, at
import, and matched as a word prefix, so "ripristinato", "ripristino" and "ripristinati"
all match the cue "ripristino", and "restored"/"restoring" match "restore". A cue starting
with "=" is matched as a whole word only (short or ambiguous words such as "bug", "down").
The categories are tried in a fixed order (the most specific first) and the first with a
cue wins; restoration is split into partial and complete by a second set of cues.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import snowballstemmer

CATEGORIES = (
    "outage_start", "provider_statement", "cause", "restoration_partial",
    "restoration_complete", "deadline", "consumer_action", "regulator_action",
    "compensation", "other",
)
ACTORS = ("provider", "media", "consumer_association", "regulator", "users")

# Cue words by category, Italian and English together (a cue is harmless in the other language).
CUES: dict[str, tuple[str, ...]] = {
    "consumer_action": (
        "diffida", "reclamo", "=class action", "azione collettiva", "esposto", "denuncia",
        "modulo di reclamo", "clausola vessatoria", "complaint", "lawsuit", "=sue", "sued",
        "formal warning", "collective action", "petizione", "petition",
    ),
    "regulator_action": (
        "=agcom", "autorità garante", "=garante", "governo", "presidenza del consiglio",
        "palazzo chigi", "interrogazione", "parlamentare", "deputato", "deputata", "senatore",
        "senatrice", "ministero", "ministro", "=mise", "=antitrust", "=agcm", "regulator",
        "government", "parliament", "=ofcom", "=fcc", "inquiry", "=mp",
    ),
    "compensation": (
        "indennizzo", "rimborso", "risarcimento", "ristoro", "compensazione", "compensation",
        "refund", "reimburse", "mesi gratuiti", "mesi gratis", "spazio aggiuntivo",
        "free months", "extra storage", "=credit",
    ),
    "deadline": (
        "=entro", "scadenza", "termine ultimo", "=nelle prossime", "=nei prossimi",
        "=within", "deadline", "=no later than", "=by the end of", "=expected to",
        "=dovrebbe tornare", "=dovrebbero tornare", "=prevede di", "=è previsto",
    ),
    "restoration": (
        "ripristino", "ripristinare", "ripristinato", "=tornato", "=tornata", "=tornati",
        "=tornate", "=torna", "=tornano", "=di nuovo accessibile", "=di nuovo accessibili",
        "di nuovo funzionante", "=nuovamente accessibile", "=nuovamente accessibili",
        "=funziona di nuovo", "=funzionano di nuovo", "=torna a funzionare", "risolto",
        "risoluzione", "restore", "=back online", "=back up", "=working again", "resolved",
        "recovered", "=fixed", "riattivato", "riattivazione", "recupero",
        "=monitoring",  # status pages: a fix is out, its effect is being watched
    ),
    "cause": (
        "=a causa", "=causato", "=causata", "=dovuto a", "=dovuta a", "=bug", "=attacco",
        "attacco informatico", "=hacker", "cyber", "sistema operativo", "migrazione",
        "=storage", "fornitore esterno", "malfunzionamento", "=caused", "=due to",
        "=root cause", "=because", "operating system", "migration", "=vendor",
        "=cyberattack", "=firmware", "=identified",  # status pages: "the issue has been identified"
    ),
    "provider_statement": (
        "comunicato", "=nota ufficiale", "=in una nota", "dichiarato", "dichiarazione",
        "=ha spiegato", "=spiega", "=ha fatto sapere", "=fa sapere", "=ci scusiamo",
        "=scuse", "=si scusa", "=aggiornamento", "=annuncia", "=ha annunciato",
        "=faq", "statement", "=said", "=says", "announced", "apologise", "apologize",
        "=update", "=spokesperson", "=portavoce", "=confirmed", "=ha confermato", "=conferma",
    ),
    "outage_start": (
        "disservizio", "guasto", "interruzione", "interrotto", "=blackout", "=down",
        "=non funziona", "=non funzionano", "=non funzionava", "inaccessibile",
        "=non disponibile", "=non disponibili", "=non accessibile", "=non accessibili",
        "=non riescono", "=impossibile accedere", "=segnalazioni", "=downdetector",
        "=problemi di accesso", "=è iniziato", "=sono iniziati", "=outage", "=outages",
        "unavailable", "inaccessible", "=went down", "=stopped working", "=disruption",
        "=can't access", "=cannot access", "=could not access", "=couldn't access",
        "=unable to", "=not working", "=investigating", "=major outage", "=partial outage",
        "=degraded performance", "=smesso di funzionare", "=smette di funzionare", "bloccato",
        "bloccate", "bloccati", "=blocco", "=in tilt", "irraggiungibile", "irraggiungibili",
        "=fuori uso", "=ko", "=è fermo", "=sono ferme", "=si è fermato", "=si sono fermati",
        "=is down", "=are down", "=crashed", "=senza posta", "=senza email", "=senza e-mail",
        "=senza mail", "=senza servizio", "=senza connessione", "=senza linea", "=senza corrente",
        "=without service", "=without email", "=without power", "=no service",
    ),
}
PARTIAL_CUES = (
    "parzialmente", "=in parte", "=una parte", "=una prima parte", "=parte degli",
    "=parte delle", "=alcuni", "=alcune", "=primi", "=prime", "gradualmente",
    "progressivamente", "=in corso", "=ancora", "partially", "partial", "=some",
    "=first", "gradually", "=progressively", "=still", "=in progress", "=ongoing", "=monitoring",
)
COMPLETE_CUES = (
    "completamente", "=del tutto", "=tutti", "=tutte", "=pienamente", "=totalmente",
    "=completato", "=completata", "=all", "fully", "completely", "=entire", "=everyone",
)
ORDER = ("consumer_action", "regulator_action", "compensation", "deadline", "restoration",
         "cause", "provider_statement", "outage_start")

ACTOR_CUES: dict[str, tuple[str, ...]] = {
    "consumer_association": (
        "=codacons", "=altroconsumo", "=confconsumatori", "=adiconsum", "=federconsumatori",
        "=adoc", "=adusbef", "unione nazionale consumatori", "movimento consumatori",
        "associazione consumatori", "associazioni dei consumatori", "consumer association",
        "consumer group",
    ),
    "regulator": CUES["regulator_action"],
    "provider": (
        "=l'azienda", "=la società", "=il provider", "=l'operatore", "=il gestore",
        "=the company", "=the provider", "=cto", "=ceo", "=portavoce", "=spokesperson",
        "=amministratore delegato",
    ),
    "users": (
        "=utenti", "=clienti", "=abbonati", "=users", "=customers", "=subscribers",
    ),
}
KIND_ACTORS = {"provider": "provider", "status": "provider", "consumer": "consumer_association",
               "regulator": "regulator", "social": "users"}
CATEGORY_ACTORS = {"consumer_action": "consumer_association", "regulator_action": "regulator",
                   "provider_statement": "provider"}

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
        return r"\s+".join(re.escape(w) for w in words) + r"(?![\w'])"
    return r"\s+".join(_word_pattern(w) for w in cue.split())


def _compile(cues: tuple[str, ...]) -> re.Pattern:
    alternatives = sorted((_cue_pattern(c.lower()) for c in cues), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


_PATTERNS = {name: _compile(cues) for name, cues in CUES.items()}
_PARTIAL = _compile(PARTIAL_CUES)
_COMPLETE = _compile(COMPLETE_CUES)
_ACTOR_PATTERNS = {name: _compile(cues) for name, cues in ACTOR_CUES.items()}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})


@lru_cache(maxsize=4096)
def categorise(sentence: str, lang: str = "it", kind: str | None = None) -> tuple[str, str]:
    """(category, actor) of the sentence a date was found in; ("other", …) when no cue matches.

    ``lang`` is accepted for symmetry with the tagger: cue lists cover Italian and English
    at once, so a quoted English statement in an Italian article is still recognised.
    ``kind`` is the document's kind (news, provider, consumer, …), the prior for the actor.
    """
    text = (sentence or "").translate(_APOSTROPHES)
    category = "other"
    for name in ORDER:
        if _PATTERNS[name].search(text):
            category = name
            break
    if category == "restoration":
        # Partial wins when both appear: "tornato per alcuni, non ancora per tutti".
        if _PARTIAL.search(text):
            category = "restoration_partial"
        else:
            category = "restoration_complete"
    return category, _actor(text, category, kind)


def _actor(text: str, category: str, kind: str | None) -> str:
    if kind in KIND_ACTORS:
        return KIND_ACTORS[kind]
    if category in CATEGORY_ACTORS:
        return CATEGORY_ACTORS[category]
    # Users are the actor only of what happens to them (the outage), not of what is done for them.
    named = ("consumer_association", "regulator", "provider")
    if category in ("outage_start", "other"):
        named += ("users",)
    for name in named:
        if _ACTOR_PATTERNS[name].search(text):
            return name
    return "media"


# Where a clause ends: punctuation, or a conjunction that starts a new statement.
CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]«»\"“”]|\s[–—-]\s|\s(?:e|ed|ma|mentre|poi|però|quindi|che|and|but|while|then|whereas|which|who)\s",
    re.IGNORECASE)


def clause_around(sentence: str, span: tuple[int, int]) -> str:
    """The clause of ``sentence`` holding ``sentence[span[0]:span[1]]``.

    >>> s = "Il servizio si è fermato domenica sera e è tornato sabato."
    >>> clause_around(s, (25, 38))
    'Il servizio si è fermato domenica sera'
    """
    begin, end = span
    start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, begin)), default=0)
    following = CLAUSE_BREAK.search(sentence, end)
    return sentence[start:following.start() if following else len(sentence)].strip()


def categorise_in_context(sentence: str, span: tuple[int, int], lang: str = "it",
                          kind: str | None = None) -> tuple[str, str]:
    """Categorise by the clause around the date first, then by the whole sentence.

    "Si è fermato domenica e è tornato sabato": "domenica" is the outage start, "sabato"
    the restoration, though both sit in one sentence.
    """
    category, actor = categorise(clause_around(sentence, span), lang, kind)
    return (category, actor) if category != "other" else categorise(sentence, lang, kind)
