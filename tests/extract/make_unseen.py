"""Generate the "unseen" group: realistic-size news pages (40-120 KB) in eight languages.

Run:  .venv/bin/python tests/extract/make_unseen.py

Each page is a small article wrapped in the chrome real news sites carry: mega-menus, inline scripts,
JSON state blobs with other stories' dates, teaser grids and "most read" lists with dates, comment
threads, cookie banners, a header widget with today's date and a copyright footer. The templates
follow the structure of common CMSs (WordPress, Arc-like, Drupal, BEM div soup, AMP, Next.js);
all names and text are invented. Output is deterministic (fixed seed).
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from unseen_langs import COMMENT_TEXT, COMMENTERS, PROSE, TEASERS, WORDS, long_date, numeric_date, today_widget

HERE = Path(__file__).parent
OUT = HERE / "pages" / "unseen"
NOW = datetime(2023, 7, 1, 9, 30, tzinfo=ZoneInfo("Europe/Rome"))
SITE_ZONE = {"en": "Europe/London", "pt": "Europe/Lisbon"}


def site_zone(lang: str) -> ZoneInfo:
    return ZoneInfo(SITE_ZONE.get(lang, "Europe/Rome"))


# name, lang, cms, site, title, subject, author, published (site-local), updated, signals
SPECS = [
    ("it-wp-graph", "it", "wordpress", "www.lagazzettaonline.test", "Posta elettronica in tilt, migliaia di caselle irraggiungibili", "la posta di Tiscalina", "Chiara Benedetti", "2023-03-14 08:52", "2023-03-14 17:20", "graph time_pub"),
    ("it-byline-only", "it", "bem", "www.ilcorrieredelnord.test", "Treni regionali fermi per un guasto informatico alla rete", "il sistema di circolazione", "Paolo Greco", "2023-02-09 07:41", None, "byline"),
    ("it-relative-meta", "it", "arc", "www.primopiano24.test", "Blackout nella zona industriale, aziende ferme per ore", "la rete elettrica", "Redazione", "2023-06-30 22:15", None, "meta relative"),
    ("it-amp", "it", "amp", "amp.notiziedelgiorno.test", "App della banca fuori uso, clienti senza accesso ai conti", "l'app di Banca Fioriti", "Luca Marchetti", "2023-04-18 11:05", "2023-04-18 15:47", "ld url"),
    ("it-url-only", "it", "drupal", "www.cronachelocali.test", "Acquedotto, interruzione programmata in tre quartieri", "l'acquedotto comunale", None, "2023-02-07", None, "url"),
    ("it-updated-first", "it", "bem", "www.giornaledellasera.test", "Sito dell'Agenzia delle entrate irraggiungibile a ridosso della scadenza", "il portale fiscale", "Elena Fabbri", "2023-05-02 21:05", "2023-05-03 18:40", "byline updated_first"),
    ("it-comments-inside", "it", "wordpress", "blog.tecnoitalia.test", "Perché il cloud si è fermato: la nostra ricostruzione", "il cloud di Nuvola Italia", "Davide Sarti", "2023-01-17", None, "byline_day comments_inside"),
    ("en-arc-utc", "en", "arc", "www.dailyherald-uk.test", "Card payments fail at supermarkets across the country", "the card network", "Oliver Grant", "2023-03-04 23:40", None, "ld_utc"),
    ("en-drupal-submitted", "en", "drupal", "www.northshirepost.test", "Council website down as residents try to pay tax", "the council website", "Jane Holloway", "2023-05-09 14:22", None, "submitted"),
    ("en-time-only", "en", "bem", "www.thecapitalwire.test", "Air traffic systems glitch delays hundreds of flights", "the flight planning system", "Sam Okafor", "2023-05-21 08:05", None, "time_plain"),
    ("en-nextjs", "en", "nextjs", "www.techbriefing.test", "Streaming service outage leaves viewers with blank screens", "StreamBox", "Priya Nair", "2023-05-02 07:30", None, "byline_ampm state_own"),
    ("en-modified-only", "en", "wordpress", "www.westcountrynews.test", "Hospital appointment system restored after weekend failure", "the booking system", "Martin Reeves", "2023-04-12", "2023-04-13 09:10", "ld_modified_only byline_day"),
    ("de-graph", "de", "bem", "www.rheinkurier.test", "Störung im Mobilfunknetz: Kunden ohne Verbindung", "das Netz von Funkwelle", "Katrin Vogel", "2023-04-03 06:58", "2023-04-03 13:12", "graph time_pub"),
    ("de-byline-stand", "de", "bem", "www.nordseezeitung.test", "Ausfall bei der Sparkassen-App sorgt für Ärger", "die Banking-App", "Jens Albrecht", "2023-04-12 14:30", None, "byline numeric"),
    ("de-meta-only", "de", "arc", "www.morgenblatt-online.test", "Stellwerksstörung legt Pendlerverkehr lahm", "das Stellwerk", "dpa", "2023-06-30 17:45", None, "meta relative"),
    ("de-microdata", "de", "custom", "www.alpenbote.test", "Webmail-Anbieter kämpft mit massiven Zustellproblemen", "der Webmail-Dienst", "Lena Hofer", "2023-01-26 10:03", None, "microdata"),
    ("fr-wp-time", "fr", "wordpress", "www.lavoixdusud.test", "Panne géante chez un opérateur : les clients privés d'internet", "la box d'Optinet", "Camille Roux", "2023-04-06 07:45", "2023-04-06 12:10", "time_pub byline"),
    ("fr-byline-maj", "fr", "bem", "www.leprogresdelouest.test", "Le site des impôts saturé le dernier jour des déclarations", "le site des impôts", "Julien Marchand", "2023-06-08 07:45", "2023-06-08 12:10", "byline_maj"),
    ("fr-amp-graph", "fr", "amp", "amp.franceinfosite.test", "Les distributeurs de billets hors service dans plusieurs villes", "le réseau de distributeurs", "Sophie Lemaire", "2023-03-22 16:20", None, "graph"),
    ("fr-dateline", "fr", "drupal", "www.echosdesalpes.test", "Coupure d'électricité géante dans la vallée", "le réseau électrique", None, "2023-02-22", None, "dateline"),
    ("es-ld-list-dateonly", "es", "bem", "www.eldiariodelsur.test", "Caída del sistema de citas médicas en toda la región", "el sistema de citas", "Marta Jiménez", "2023-05-10 18:30", None, "ld_list_dateonly byline"),
    ("es-updated-cest", "es", "arc", "www.lavanguardiadigital.test", "Los cajeros de una entidad dejan de funcionar durante horas", "los cajeros de Banco Meseta", "Javier Ortega", "2023-05-10 22:48", "2023-05-11 09:15", "byline updated_first"),
    ("es-relative-url", "es", "wordpress", "www.noticiasdelnorte.test", "El metro sufre un fallo en la señalización", "el metro", "Redacción", "2023-06-12", None, "url relative"),
    ("nl-graph-utc", "nl", "wordpress", "www.hetdagbladnoord.test", "Storing bij betaalterminals treft winkels in het hele land", "de pinautomaten", "Sanne de Vries", "2023-03-18 19:35", None, "graph_utc"),
    ("nl-byline", "nl", "bem", "www.deweekkrant.test", "Website van de gemeente urenlang onbereikbaar", "de gemeentelijke website", "Bram Jansen", "2023-03-03 16:45", "2023-03-03 19:02", "byline"),
    ("nl-time-plain", "nl", "custom", "www.omroepoost.test", "Telefooncentrale van ziekenhuis valt uit", "de telefooncentrale", "Redactie", "2023-01-19 11:30", None, "time_plain"),
    ("pt-meta-byline", "pt", "arc", "www.diariodolitoral.test", "Falha informática deixa balcões dos correios sem sistema", "o sistema dos correios", "Rita Fonseca", "2023-06-04 10:12", None, "meta byline"),
    ("pt-byline-only", "pt", "bem", "www.jornaldonorte.test", "Rede móvel sem serviço durante a manhã em várias cidades", "a rede móvel", "Tiago Almeida", "2023-03-28 15:40", None, "byline"),
    ("pl-ld", "pl", "custom", "www.gazetapomorska.test", "Awaria systemu biletowego w komunikacji miejskiej", "system biletowy", "Anna Kowalska", "2023-06-15 12:40", None, "ld"),
    ("pl-byline", "pl", "bem", "www.kurierlubelski.test", "Bankowość internetowa nie działała przez pół dnia", "bankowość internetowa", "Piotr Nowak", "2023-05-12 10:21", "2023-05-12 15:02", "byline_numeric"),
    ("pl-months", "pl", "wordpress", "www.wiadomoscislaskie.test", "Poczta elektroniczna jednego z portali znów niedostępna", "poczta portalu", "Marek Zieliński", "2023-05-15 08:30", None, "byline_plain"),
]
LISTINGS = [
    ("it-listing-category", "it", "www.lagazzettaonline.test", "/category/tecnologia/", "Tecnologia", "cards"),
    ("de-listing-presse", "de", "www.stadtwerke-ulmenau.test", "/presse/", "Pressemitteilungen", "table"),
    ("pl-listing-page2", "pl", "www.wiadomoscislaskie.test", "/wiadomosci/?strona=2", "Wiadomości", "list"),
]


def slugify(text: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(p for p in keep.split("-") if p)[:70]


class Page:
    """Builds one page's HTML; `rng` makes the chrome vary from page to page."""

    def __init__(self, lang: str, site: str, rng: random.Random):
        self.lang, self.site, self.rng = lang, site, rng
        self.w = WORDS[lang]
        self.tz = site_zone(lang)

    def other_date(self, around: datetime) -> datetime:
        moment = around + timedelta(minutes=self.rng.randint(-60 * 24 * 40, 60 * 24 * 40))
        return min(moment, NOW.astimezone(self.tz) - timedelta(minutes=self.rng.randint(5, 600)))

    def headline(self) -> str:
        base = self.rng.choice(TEASERS[self.lang])
        return base if self.rng.random() < 0.5 else f"{base}: {self.rng.choice(TEASERS[self.lang]).split(':')[0].lower()}"

    def story_url(self, when: datetime) -> str:
        return f"https://{self.site}/{self.rng.choice(self.w['sections'].split()).lower()}/{slugify(self.headline())}-{self.rng.randint(100000, 999999)}.html"

    # --- head ---
    def styles(self) -> str:
        rules = []
        for i in range(160):
            rules.append(f".c-{self.rng.randint(100, 999)}-{i}{{margin:{self.rng.randint(0, 32)}px {self.rng.randint(0, 32)}px;font-size:{self.rng.randint(11, 28)}px;color:#{self.rng.randint(0, 0xFFFFFF):06x}}}")
        return "<style>" + "".join(rules) + "</style>"

    def analytics(self) -> str:
        slots = [{"id": f"div-gpt-ad-{self.rng.randint(10**12, 10**13)}-{i}", "sizes": [[300, 250], [728, 90]], "path": f"/1234/{self.site}/{s.lower()}"}
                 for i, s in enumerate(self.w["sections"].split())]
        config = {"site": self.site, "build": "2023-06-30T21:14:08Z", "release": "20230630.4", "slots": slots,
                  "consent": {"vendors": list(range(1, 120)), "updated": "2022-11-08"}}
        js = ["window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());",
              f"window.__ADS_CONFIG__={json.dumps(config)};",
              "!function(e,t){var n=t.createElement('script');n.async=!0,n.src='https://cdn.ads.test/tag.js?v='+e;"
              "var a=t.getElementsByTagName('script')[0];a.parentNode.insertBefore(n,a)}(Date.now(),document);"]
        for i in range(70):
            js.append(f"function f{i}_{self.rng.randint(1000, 9999)}(a,b){{var c=a||{{}};for(var k in b)c[k]=b[k];return c.t={self.rng.randint(1, 10**9)},c}}")
        return "<script>" + "".join(js) + "</script>"

    def state_blob(self, around: datetime, own: dict | None = None) -> str:
        stories = []
        for _ in range(24):
            when = self.other_date(around)
            stories.append({"id": self.rng.randint(10**6, 10**7), "headline": self.headline(), "url": self.story_url(when),
                            "publishedAt": when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                            "updatedAt": (when + timedelta(hours=2)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "section": self.rng.choice(self.w["sections"].split())})
        state = {"props": {"pageProps": {"article": own, "latest": stories[:12], "mostRead": stories[12:]}}, "buildId": "a1b2c3", "isFallback": False}
        return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state, ensure_ascii=False)}</script>'

    def initial_state(self, around: datetime) -> str:
        items = [{"title": self.headline(), "date": int(self.other_date(around).timestamp()), "tags": ["home", "breaking"]} for _ in range(20)]
        return f"<script>window.__INITIAL_STATE__={json.dumps({'feed': items, 'user': None, 'ab': {'paywall': 'B'}}, ensure_ascii=False)};</script>"

    # --- body chrome ---
    def cookie_banner(self) -> str:
        return (f'<div id="onetrust-banner-sdk" class="otFlat"><div class="ot-sdk-container"><p>{self.w["cookie"]}</p>'
                f'<button id="onetrust-accept-btn-handler">{self.w["accept"]}</button></div></div>')

    def mega_menu(self) -> str:
        cols = []
        for section in self.w["sections"].split():
            links = "".join(f'<li><a href="https://{self.site}/{section.lower()}/{slugify(t)}/">{escape(t.split(":")[0])}</a></li>'
                            for t in self.rng.sample(TEASERS[self.lang], 6))
            cols.append(f'<li class="menu-item has-children"><a href="https://{self.site}/{section.lower()}/">{section}</a><ul class="sub-menu">{links}</ul></li>')
        return f'<nav class="main-navigation" aria-label="Menu"><ul id="primary-menu" class="menu">{"".join(cols)}</ul></nav>'

    def site_header(self, style: int) -> str:
        today = today_widget(self.lang, NOW.astimezone(self.tz))
        widget = [f'<div class="top-bar__date">{today}</div>', f'<span class="tb-left">{today}</span>', f'<p class="edition">{today} · {self.site}</p>'][style % 3]
        return (f'<header class="site-header" id="masthead"><div class="top-bar">{widget}<a class="login" href="/login">Login</a></div>'
                f'<div class="site-branding"><a href="/" class="logo"><h1 class="logo-title">{self.site.split(".")[1].capitalize()}</h1></a></div>'
                f"{self.mega_menu()}</header>")

    def teaser_card(self, around: datetime, heading: str = "h3") -> str:
        when = self.other_date(around)
        headline = escape(self.headline())
        return (f'<article class="card"><a class="card__link" href="{self.story_url(when)}"><{heading} class="card__title">{headline}</{heading}></a>'
                f'<time class="card__date" datetime="{when.isoformat(timespec="seconds")}">{long_date(self.lang, when)}</time>'
                f'<p class="card__kicker">{self.rng.choice(self.w["sections"].split())}</p></article>')

    def teaser_grid(self, around: datetime, cls: str) -> str:
        cards = "".join(self.teaser_card(around) for _ in range(12))
        return f'<section class="{cls}"><h2 class="{cls}__title">{self.rng.choice(self.w["sections"].split())}</h2><div class="grid">{cards}</div></section>'

    def most_read(self, around: datetime, cls: str) -> str:
        items = []
        for i in range(10):
            when = self.other_date(around)
            items.append(f'<li><span class="rank">{i + 1}</span><a href="{self.story_url(when)}">{escape(self.headline())}</a>'
                         f' <span class="date">{numeric_date(self.lang, when, True)}</span></li>')
        return f'<div class="{cls}"><h3>{self.w["most_read"]}</h3><ol>{"".join(items)}</ol></div>'

    def inline_related(self, around: datetime) -> str:
        when = self.other_date(around)
        return (f'<div class="box-embed"><strong>{self.w["read_also"]}</strong> <a href="{self.story_url(when)}">{escape(self.headline())}</a>'
                f' <span class="meta-date">{long_date(self.lang, when)}</span></div>')

    def comments(self, published: datetime, cls: str) -> str:
        items = []
        for i in range(6):
            when = min(published + timedelta(minutes=self.rng.randint(20, 60 * 30)), NOW.astimezone(self.tz) - timedelta(minutes=1))
            items.append(f'<li class="comment"><div class="comment-meta"><b>{self.rng.choice(COMMENTERS)}</b> <span class="comment-date">'
                         f'{long_date(self.lang, when, True)}</span></div><p>{COMMENT_TEXT[self.lang]}</p><a class="reply" href="#r{i}">{self.w["reply"]}</a></li>')
        return f'<section id="{cls}" class="{cls}"><h2>{self.w["comments"]} (6)</h2><ol>{"".join(items)}</ol></section>'

    def footer(self) -> str:
        cols = "".join(f'<div class="footer-col"><h4>{s}</h4><ul>' + "".join(f'<li><a href="/{s.lower()}/{i}">{t.split(":")[0]}</a></li>' for i, t in enumerate(TEASERS[self.lang][:5])) + "</ul></div>"
                       for s in self.w["sections"].split()[:6])
        return (f'<footer class="site-footer">{cols}<div class="newsletter-box"><p>{self.w["newsletter"]}</p><input type="email"></div>'
                f'<p class="copyright">© 2023 {self.site} – {self.w["rights"]} – P.IVA 01234567890</p></footer>')

    def prose(self, subject: str, count: int) -> list[str]:
        sentences = [s.replace("{x}", subject) for s in PROSE[self.lang]]
        first, rest = sentences[0], sentences[1:]
        self.rng.shuffle(rest)
        picked = [first] + rest[: count - 1]
        return [" ".join(picked[i : i + 2]) for i in range(0, len(picked), 2)]


def iso(moment: datetime | None, utc: bool = False) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if utc else moment.isoformat(timespec="seconds")


def build_article(spec, rng: random.Random) -> tuple[str, dict]:
    name, lang, cms, site, title, subject, author, pub_text, upd_text, flags = spec
    flags = set(flags.split())
    page = Page(lang, site, rng)
    w, tz = page.w, page.tz
    day_only = len(pub_text) == 10
    pub = datetime.fromisoformat(pub_text + (" 00:00" if day_only else "")).replace(tzinfo=tz)
    upd = datetime.fromisoformat(upd_text).replace(tzinfo=tz) if upd_text else None
    section = rng.choice(w["sections"].split()).lower()
    slug = slugify(title)
    url = f"https://{site}/{section}/{pub:%Y/%m/%d}/{slug}/" if "url" in flags else f"https://{site}/{section}/{slug}-{rng.randint(10**6, 10**7)}.html"
    utc = bool(flags & {"ld_utc", "graph_utc"})

    # --- machine-readable signals ---
    head_extra = [f'<meta property="og:title" content="{escape(title)}">', f'<meta property="og:site_name" content="{site}">',
                  f'<meta property="og:url" content="{url}">', '<meta name="twitter:card" content="summary_large_image">']
    head_extra.append('<meta property="og:type" content="article">')
    if "meta" in flags:
        head_extra.append(f'<meta property="article:published_time" content="{iso(pub)}">')
    person = {"@type": "Person", "name": author} if author else {"@type": "Organization", "name": site}
    node = {"@type": "NewsArticle", "headline": title, "url": url, "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "author": person, "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": f"https://{site}/logo.png"}},
            "image": [f"https://{site}/img/{slug}.jpg"], "inLanguage": lang}
    ld = None
    if flags & {"ld", "ld_utc", "graph", "graph_utc"}:
        node["datePublished"] = iso(pub, utc)
        if upd:
            node["dateModified"] = iso(upd, utc)
        ld = node
        if flags & {"graph", "graph_utc"}:
            ld = {"@context": "https://schema.org", "@graph": [
                {"@type": "WebSite", "@id": f"https://{site}/#website", "url": f"https://{site}/", "name": site},
                {"@type": "Organization", "@id": f"https://{site}/#org", "name": site, "foundingDate": "1998-05-04"},
                {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://{site}/"}]},
                {"@type": "WebPage", "@id": url, "url": url, "datePublished": iso(pub, utc), "isPartOf": {"@id": f"https://{site}/#website"}},
                dict(node, **{"@id": url + "#article"})]}
        else:
            ld = dict({"@context": "https://schema.org"}, **node)
    elif "ld_modified_only" in flags:
        ld = dict({"@context": "https://schema.org"}, **node, dateModified=iso(upd))
    elif "ld_list_dateonly" in flags:
        ld = [dict({"@context": "https://schema.org"}, **node, datePublished=pub.date().isoformat()),
              {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []}]
    if ld is not None:
        head_extra.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')

    # --- the visible byline ---
    by = f'<span class="author-name">{w["by"]} <a href="/autori/{slugify(author or "x")}">{author}</a></span>' if author else ""
    meta_parts = []
    if "byline" in flags or "byline_numeric" in flags or "numeric" in flags:
        fmt = numeric_date if flags & {"byline_numeric", "numeric"} else long_date
        published_line = f'{w["published"]} {fmt(lang, pub, True)}'
        updated_line = f'{w["updated"]} {fmt(lang, upd, True)}' if upd else ""
        if lang == "es":
            published_line += " CEST" if pub.dst() else " CET"
            updated_line += (" CEST" if upd.dst() else " CET") if upd else ""
        if "updated_first" in flags and upd:
            meta_parts.append(f'<p class="article-dates">{updated_line} | {published_line}</p>')
        else:
            meta_parts.append(f'<p class="article-dates">{published_line}' + (f" — {updated_line}" if updated_line else "") + "</p>")
    if "byline_maj" in flags:
        meta_parts.append(f'<p class="meta">{w["published"]} {long_date(lang, pub, True)}, mis à jour à {upd:%H}h{upd:%M}</p>')
    if "byline_day" in flags:
        meta_parts.append(f'<p class="post-meta">{long_date(lang, pub)}</p>')
    if "byline_plain" in flags:
        meta_parts.append(f"<div class=\"entry-info\">{long_date(lang, pub, True)}</div>")
    if "byline_ampm" in flags:
        hour12 = pub.hour % 12 or 12
        meta_parts.append(f'<div class="story-meta">{pub:%B} {pub.day}, {pub.year} {hour12}:{pub:%M} {"am" if pub.hour < 12 else "pm"} {"BST" if pub.dst() else "GMT"}</div>')
    if "submitted" in flags:
        meta_parts.append(f'<div class="node__submitted">Submitted by <span class="username">{author}</span> on <span>{long_date(lang, pub)} - {pub:%H:%M}</span></div>')
        by = ""
    if "relative" in flags:
        meta_parts.append(f'<span class="timestamp">{w["ago"]}</span>')
    if "time_pub" in flags:
        upd_el = f' <time class="updated" datetime="{iso(upd)}">{long_date(lang, upd, True)}</time>' if upd else ""
        meta_parts.append(f'<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{iso(pub)}">{long_date(lang, pub)}</time>{upd_el}</span></div>')
    if "time_plain" in flags:
        meta_parts.append(f'<div class="article__info"><time datetime="{iso(pub)}">{long_date(lang, pub)}</time></div>')
    if "microdata" in flags:
        meta_parts.append(f'<meta itemprop="datePublished" content="{iso(pub)}"><span class="info-line">{long_date(lang, pub)}</span>')
    own_state = {"headline": title, "publishedAt": iso(pub, True)} if "state_own" in flags else None

    paragraphs = page.prose(subject, 8)
    if "dateline" in flags:
        paragraphs[0] = f"GRENOBLE, {long_date(lang, pub)} — {paragraphs[0]}"
    body = [f"<p>{escape(p)}</p>" for p in paragraphs]
    body.insert(2, page.inline_related(pub))
    body.insert(4, f'<figure class="wp-block-image"><img src="/img/{slug}-2.jpg" alt=""><figcaption>Foto archivio · {long_date(lang, page.other_date(pub))}</figcaption></figure>')
    body_html = "".join(body)
    meta_html = "".join(meta_parts)
    itemprop = ' itemprop="headline"' if "microdata" in flags else ""
    h1 = f'<h1 class="headline"{itemprop}>{escape(title)}</h1>'
    header_style = rng.randint(0, 2)
    comments_cls = rng.choice(["comments", "discussione", "reader-reactions"])

    if cms == "wordpress":
        inside = page.comments(pub, "discussione") if "comments_inside" in flags else ""
        main = (f'<div id="content" class="site-content"><main id="main" class="site-main"><article id="post-{rng.randint(1000, 99999)}" class="post type-post status-publish">'
                f'<header class="entry-header">{h1}{meta_html}{by}</header><div class="entry-content">{body_html}</div>'
                f'<footer class="entry-footer"><span class="tags-links">Tag: {section}</span></footer>{inside}</article>'
                f'{page.comments(pub, "comments") if "comments_inside" not in flags else ""}</main>'
                f'<aside id="secondary" class="widget-area">{page.most_read(pub, "widget widget_popular")}</aside></div>'
                f'{page.teaser_grid(pub, "more-stories")}')
    elif cms == "arc":
        main = (f'<div id="fusion-app"><div class="layout-section"><div class="b-article-header">{h1}'
                f'<div class="c-byline">{by}</div><div class="c-date">{meta_html}</div></div>'
                f'<div class="article-body">{body_html}</div>{page.teaser_grid(pub, "river")}</div>'
                f'<div class="right-rail">{page.most_read(pub, "rail-list")}</div></div>')
    elif cms == "drupal":
        main = (f'<div class="layout-container"><main role="main"><div class="region region-content">'
                f'<div class="node node--type-article node--view-mode-full">{h1}<div class="node__meta">{meta_html}{by}</div>'
                f'<div class="field field--name-body">{body_html}</div></div>{page.comments(pub, comments_cls)}</div></main>'
                f'<div class="region region-sidebar-second">{page.most_read(pub, "block-views-popular")}</div>'
                f'{page.teaser_grid(pub, "view-content")}</div>')
    elif cms == "amp":
        main = (f'<amp-sidebar id="sidebar" layout="nodisplay">{page.mega_menu()}</amp-sidebar><main><article class="amp-article">'
                f'<header class="amp-header">{h1}{by}{meta_html}</header><div class="amp-body">{body_html}</div></article>'
                f'{page.teaser_grid(pub, "amp-related")}</main>')
    elif cms == "nextjs":
        main = (f'<div id="__next"><div class="Layout_main__x1"><div class="Article_wrap__a9">{h1}<div class="Byline_root__k2">{by}{meta_html}</div>'
                f'<div class="Article_body__q8">{body_html}</div></div>{page.teaser_grid(pub, "Feed_grid__z3")}'
                f'{page.most_read(pub, "Popular_list__p1")}</div></div>')
    else:  # bem / custom div soup
        main = (f'<div class="page"><div class="story"><div class="story__header">{h1}<div class="story__meta">{by}{meta_html}</div></div>'
                f'<div class="story__body">{body_html}</div>{page.comments(pub, comments_cls)}</div>'
                f'<div class="col-right">{page.most_read(pub, "most-read")}</div>{page.teaser_grid(pub, "teasers")}</div>')
    if "microdata" in flags:
        main = f'<div itemscope itemtype="https://schema.org/NewsArticle">{main}</div>'

    head = (f'<head><meta charset="utf-8"><title>{escape(title)} | {site}</title><meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="description" content="{escape(paragraphs[0][:150])}">{"".join(head_extra)}'
            + "".join(f'<link rel="preload" href="https://cdn.{site}/static/{rng.randint(10**6, 10**7)}.js" as="script">' for _ in range(12))
            + page.styles() + page.analytics() + "</head>")
    amp = " amp" if cms == "amp" else ""
    html = (f'<!DOCTYPE html><html lang="{lang}"{amp}>{head}<body class="single">{page.cookie_banner()}{page.site_header(header_style)}'
            f"{main}{page.footer()}{page.state_blob(pub, own_state) if cms == 'nextjs' else page.initial_state(pub)}</body></html>")
    gold = {
        "file": f"unseen/{name}.html", "url": url, "http_charset": None, "title": title, "author": author,
        "published": pub.date().isoformat() if day_only else iso(pub), "updated": iso(upd),
        "lang": lang, "contains": paragraphs[0][:40], "not_contains": w["rights"], "is_listing": False, "group": "unseen",
    }
    return html, gold


def build_listing(spec, rng: random.Random) -> tuple[str, dict]:
    name, lang, site, path, title, kind = spec
    page = Page(lang, site, rng)
    around = NOW.astimezone(page.tz) - timedelta(days=20)
    if kind == "cards":
        content = page.teaser_grid(around, "archive-list") + page.teaser_grid(around, "archive-list")
        content += '<nav class="navigation pagination"><a class="page-numbers" href="?page=2">2</a><a class="page-numbers" href="?page=3">3</a><a class="next page-numbers" href="?page=2">›</a></nav>'
    elif kind == "table":
        rows = []
        for _ in range(8):
            when = page.other_date(around)
            rows.append(f'<tr><td>{numeric_date(lang, when)}</td><td><a href="{page.story_url(when)}">{escape(page.headline())}</a></td></tr>')
        content = f'<table class="liste"><tr><th>Datum</th><th>Titel</th></tr>{"".join(rows)}</table>'
    else:
        items = []
        for _ in range(10):
            when = page.other_date(around)
            items.append(f'<li class="wpis"><span class="kiedy">{long_date(lang, when, True)}</span> <a href="{page.story_url(when)}">{escape(page.headline())}</a></li>')
        content = f'<ul class="lista-wiadomosci">{"".join(items)}</ul><div class="stronicowanie"><a href="/wiadomosci/?strona=1">« Poprzednia</a> <a href="/wiadomosci/?strona=3">Następna »</a></div>'
    head = f'<head><meta charset="utf-8"><title>{title} – {site}</title>{page.styles()}{page.analytics()}</head>'
    html = (f'<!DOCTYPE html><html lang="{lang}">{head}<body>{page.cookie_banner()}{page.site_header(1)}'
            f'<div class="main-col"><h1>{title}</h1>{content}</div>{page.most_read(around, "sidebar-box")}{page.most_read(around, "sidebar-box")}{page.footer()}{page.initial_state(around)}</body></html>')
    gold = {"file": f"unseen/{name}.html", "url": f"https://{site}{path}", "http_charset": None, "title": title, "author": None,
            "published": None, "updated": None, "lang": lang, "contains": "", "not_contains": page.w["rights"], "is_listing": True, "group": "unseen"}
    return html, gold


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    expected = {}
    for i, spec in enumerate(SPECS):
        html, gold = build_article(spec, random.Random(1000 + i))
        (OUT / f"{spec[0]}.html").write_text(html, encoding="utf-8")
        expected[spec[0]] = gold
    for i, spec in enumerate(LISTINGS):
        html, gold = build_listing(spec, random.Random(2000 + i))
        (OUT / f"{spec[0]}.html").write_text(html, encoding="utf-8")
        expected[spec[0]] = gold
    (HERE / "expected_unseen.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
