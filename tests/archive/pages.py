"""The pages of our made-up outage ("Posta Lampo", February 2024), written for these tests.

Articles carry their publication date in JSON-LD; the provider's login page carries none
and shows a banner while the service is down; the help page states one date.
"""

from __future__ import annotations

import html
import json

INCIDENT = "Posta Lampo"


def article(title: str, published: str, paragraphs: list[str], links: list[str] = ()) -> str:
    """A news article dated ``published`` (ISO 8601 with offset)."""
    jsonld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": published,
        }
    )
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    more = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return f"""<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<script type="application/ld+json">{jsonld}</script></head>
<body><header><a href="/">Cronaca Digitale</a></header>
<article><h1>{html.escape(title)}</h1>
<p class="byline"><time datetime="{published}">{published[:10]}</time></p>
{body}
</article><ul class="correlati">{more}</ul></body></html>
"""


def outage_article(n: int, day: int, extra: str = "") -> str:
    """The n-th article about the outage, published on ``day`` February 2024 at 09:30."""
    return article(
        f"{INCIDENT}: caselle bloccate, aggiornamento numero {n}",
        f"2024-02-{day:02d}T09:30:00+01:00",
        [
            f"Da lunedì {day} febbraio molti utenti di {INCIDENT} non riescono a leggere la posta. "
            "Il guasto riguarda la webmail e l'applicazione per smartphone.",
            "L'azienda spiega che un sistema di archiviazione si è fermato e che i tecnici "
            "lavorano al ripristino, atteso entro due giorni. "
            f"Questo è l'articolo numero {n} della nostra cronaca.",
            *([extra] if extra else []),
        ],
    )


def off_topic_article(n: int, day: int) -> str:
    return article(
        f"Campionato di calcio, giornata {n}",
        f"2024-02-{day:02d}T18:00:00+01:00",
        [
            "La squadra di casa ha vinto con due reti nel secondo tempo "
            "davanti a ventimila tifosi.",
            "L'allenatore ha lodato la difesa e ha annunciato un turno di riposo per tre titolari.",
        ],
    )


BANNER = (
    f"Avviso: {INCIDENT} sta riscontrando problemi di accesso alle caselle di posta. "
    "I nostri tecnici sono al lavoro per risolvere il disservizio."
)


def login_page(banner: bool) -> str:
    """The provider's login page (no date of its own), with or without the outage banner."""
    notice = f'<div class="avviso"><p>{html.escape(BANNER)}</p></div>' if banner else ""
    return f"""<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>Accedi a {INCIDENT}</title></head>
<body><main>
<h1>Accedi alla tua casella {INCIDENT}</h1>
{notice}
<p>Inserisci il tuo indirizzo di posta e la password per leggere i messaggi di {INCIDENT}.
Se hai dimenticato la password puoi recuperarla dalla pagina di assistenza in pochi passaggi.</p>
<p>{INCIDENT} non ti chiederà mai la password per email o per telefono: diffida dei messaggi
che promettono di sbloccare la casella in cambio delle tue credenziali.</p>
<form><input name="utente"><input name="password" type="password"></form>
</main></body></html>
"""


def help_page(update: str | None = None) -> str:
    """The provider's help page about the outage, dated 6 February 2024, optionally updated."""
    paragraphs = [
        f"Dal 5 febbraio 2024 alcuni utenti di {INCIDENT} non riescono ad accedere alla posta "
        "dalla webmail e dalle applicazioni. Il problema dipende da un guasto del sistema di "
        "archiviazione.",
        "I messaggi ricevuti in questi giorni non sono andati persi: saranno consegnati appena il "
        "servizio tornerà disponibile. Ci scusiamo per il disagio.",
    ]
    if update:
        paragraphs.append(update)
    return article(
        f"{INCIDENT}: cosa sta succedendo alla posta", "2024-02-06T11:00:00+01:00", paragraphs
    )


def listing(title: str, links: list[str]) -> str:
    items = "\n".join(f'<li><a href="{href}">{html.escape(href)}</a></li>' for href in links)
    return f"""<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body><h1>{html.escape(title)}</h1><ul>
{items}
</ul></body></html>
"""
