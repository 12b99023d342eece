"""The page's language: declared in the markup, checked against the text with py3langid."""

from __future__ import annotations

import re
from functools import lru_cache

from .jsonld import text as ld_text
from .titles import meta_content

EUROPEAN = (
    "it en de fr es pt nl ca ro pl cs sk sl hr hu sv da no fi el ru uk bg sr et lv lt ga "
    "mt eu gl lb tr sq".split()
)
MIN_DETECT = 200
# a thousand characters settle the language; more only costs time
SAMPLE = 1000
CONFIDENT = 0.9
DISTINCT_SHARE = 0.03


# the commonest function words: enough to confirm a declared language without running the model
STOPWORDS = {
    "it": set(
        "il lo la di che è e per non un una del della dei delle sono con alla nel nella anche ma "
        "più".split()
    ),
    "en": set("the and of to is in that for with was are on it be by this has have from".split()),
    "de": set(
        "der die und das ist nicht mit den von sich ein eine zu auf dem des im auch für".split()
    ),
    "fr": set("le la les et des est une du pour que dans pas sur il au aux ne qui ce".split()),
    "es": set("el la los las y de que en del una por con para es se al lo como su".split()),
    "pt": set("o a os as de que em do da um uma não para com é se no na dos das".split()),
    "nl": set("de het een en van is dat niet op met voor zijn ook er te in aan bij".split()),
    # distinctive words only: "a", "de", "se", "na", "do" belong to several languages above
    "pl": set(
        "się że nie jest jak ale dla przez są który która oraz było także już jego czy".split()
    ),
    "cs": set(
        "je že jsou pro jako ale které který která byl bylo podle také už či než jen při".split()
    ),
    "sv": set(
        "och att det som är på för med till av inte har ett också eller men efter kan".split()
    ),
    "ro": set(
        "și în cu pe din că care pentru mai sunt fost această acest după despre când fi".split()
    ),
    # Danish and Norwegian share most function words: only the ones that tell them apart
    "da": set("af efter blev hvad mellem havde bliver nogle siger kun være mod".split()),
    "no": set("av etter ble hva mellom hadde blir noen sier bare å mot ikkje".split()),
    "fi": set("ja on ei että oli se mukaan myös kun ovat tai mutta jo kuin hän vain sekä".split()),
    "hu": set(
        "a az és hogy nem is egy meg volt már csak de mint van vagy ami szerint után".split()
    ),
    "el": set("και το η να του της τα σε με που την για από στο οι στην είναι τον των".split()),
    "hr": set("je i u na da se za su od kao ali što koji koja bi bio nije iz".split()),
    "sl": set("je in v na da se za so pa ki tudi bi po od kot iz smo ter".split()),
}
# codes that share another code's word list (Norwegian Bokmål and Nynorsk)
ALIASES = {"nb": "no", "nn": "no"}
WORD_RE = re.compile(r"[^\W\d_]+")
# word → the languages it is a function word of (one dictionary look-up per word)
WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _code, _words in STOPWORDS.items():
    for _word in _words:
        WORD_LANGS[_word] = WORD_LANGS.get(_word, ()) + (_code,)
# words of three letters or more that belong to one list only: short shared words ("a", "i",
# "na", "je", "o") make Polish or Czech look Portuguese or Croatian; these tell them apart
DISTINCTIVE = {w: langs[0] for w, langs in WORD_LANGS.items() if len(langs) == 1 and len(w) >= 3}


def confirms(lang: str, text: str) -> bool:
    """True if the text's function words point to `lang` more than to any other language we know.

    >>> confirms("it", "Il servizio di posta non è ancora tornato per tutti gli utenti: la "
    ...     "società dice che i tecnici sono al lavoro e che il problema sarà risolto in giornata, "
    ...     "ma per molti la casella resta vuota da domenica sera.")
    True
    """
    if lang not in STOPWORDS:
        return False
    words = WORD_RE.findall(text[:SAMPLE].lower())
    if len(words) < 20:
        return False
    scores = dict.fromkeys(STOPWORDS, 0)
    for w in words:
        for code in WORD_LANGS.get(w, ()):
            scores[code] += 1
    if not decisive(lang, scores, len(words)):
        # the short words shared by several lists may have decided: count only the distinctive ones
        scores = dict.fromkeys(STOPWORDS, 0)
        for w in words:
            code = DISTINCTIVE.get(w)
            if code is not None:
                scores[code] += 1
        # three distinctive words of the declared language and none of any other also settle it
        return decisive(lang, scores, len(words)) or (
            scores[lang] >= 3 and sum(scores.values()) == scores[lang]
        )
    return True


def decisive(lang: str, scores: dict, n: int) -> bool:
    """True if ``lang`` leads the function-word counts clearly enough over ``n`` words."""
    best = max(scores.values())
    second = sorted(scores.values())[-2]
    if scores[lang] != best:
        return False
    # common function words: a tenth of the text; distinctive ones (Polish, Danish, Finnish...)
    # are rarer, so fewer will do when no other language comes close
    return (best >= 0.1 * n and second < best) or (
        best >= max(4, DISTINCT_SHARE * n) and 3 * second <= best
    )


@lru_cache(maxsize=1)
def identifier():
    """py3langid restricted to European languages, with normalised probabilities (loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    found.set_languages(EUROPEAN)
    return found


def declared(tree, article: dict | None) -> str | None:
    """The language the markup declares: <html lang>, og:locale, Content-Language, JSON-LD
    inLanguage."""
    root = tree.getroottree().getroot()
    for value in (
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta_content(tree, "og:locale", "content-language", "language", "dc.language"),
        ld_text(article.get("inLanguage")) if article else None,
    ):
        code = iso639_1(value)
        if code:
            return code
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language":
            code = iso639_1(meta.get("content"))
            if code:
                return code
    return None


def iso639_1(value: str | None) -> str | None:
    """'it-IT' / 'it_IT' / 'IT' → 'it'."""
    match = re.match(r"\s*([a-zA-Z]{2})(?:[-_,\s]|$)", value or "")
    return match.group(1).lower() if match else None


def language(tree, article: dict | None, text: str) -> str | None:
    """The declared language, unless the text clearly says otherwise (templates often lie:
    lang="en").

    >>> from incident_timeline.extract.layout import parse
    >>> language(parse('<html lang="it-IT"><p>ciao</p></html>'), None, "ciao")
    'it'
    """
    stated = declared(tree, article)
    if stated and confirms(ALIASES.get(stated, stated), text):
        return stated
    if len(text) < MIN_DETECT:
        return stated or (detect(text) if text.strip() else None)
    found, probability = identifier().classify(text[:SAMPLE])
    if stated and found == ALIASES.get(stated):
        return stated
    if stated and found != stated and probability < CONFIDENT:
        return stated
    return found


def detect(text: str) -> str:
    return identifier().classify(text[:SAMPLE])[0]
