"""Write tests/extract/pages/unseen3/*.html and tests/extract/expected_unseen3.json (group "unseen3").

Written before reading the extractor code (timeline/extract/) or the earlier generators; templates and
prose are new (language packs in unseen3_langs.py). Deterministic: run it again to get the same files.

    .venv/bin/python tests/extract/make_unseen3.py

Each page models the structure of one kind of real site or CMS (national and local papers, news agencies
with datelines, tech sites, Blogger/Medium/Ghost/Substack-like blogs, press-release portals, corporate
newsrooms, help centres, forum threads, TV/radio sites, magazines with print editions, AMP, OG-only,
meta-only, JSON-LD @graph) and carries what real pages carry around the story: mega-menu, inline CSS,
analytics scripts with build dates, an app-state blob with other stories' dates, rails and grids of
dated teasers, comments with later dates, a cookie banner, a footer with ©.

Gold decisions:
- published = when the page's story first appeared online, as the page itself says; output in Europe/Rome.
- a naive time on a page is the site's own wall time (London, Lisbon, Helsinki, Athens differ from Rome).
- help-centre articles: published = created (the machine date); "Updated 3 days ago" is the update.
- forum threads: published = first post.
- magazines: the online publication, not the print issue ("Heft 4/2023").
- wire copy: the stamp of the item; the dateline "ROMA, 24 GEN" gives the day.
- where the page only gives a day, the gold is a day ("2023-03-21").
- listings (section fronts, tag, author, search, monthly archives, forum index): no dates.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from unseen3_langs import AUTHORS, MONTHS, PROSE, TEASERS, TITLES, UI, WEEKDAYS

HERE = Path(__file__).parent
OUT = HERE / "pages" / "unseen3"
ROME = ZoneInfo("Europe/Rome")
UTC = ZoneInfo("UTC")
SAVED = datetime(2023, 7, 1, 9, 40, tzinfo=ROME)
ZONES = {"it": "Europe/Rome", "en": "Europe/London", "de": "Europe/Berlin", "fr": "Europe/Paris", "es": "Europe/Madrid",
         "pt": "Europe/Lisbon", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw", "sv": "Europe/Stockholm", "da": "Europe/Copenhagen",
         "nb": "Europe/Oslo", "fi": "Europe/Helsinki", "hu": "Europe/Budapest", "el": "Europe/Athens", "hr": "Europe/Zagreb",
         "sl": "Europe/Ljubljana"}


def rome(y, mo, d, h=None, mi=0):
    return datetime(y, mo, d, h or 0, mi, tzinfo=ROME), h is not None


def local(dt, lang=None, zone=None):
    return dt.astimezone(ZoneInfo(zone or ZONES[lang]))


def long_date(lang, dt):
    m = MONTHS[lang][dt.month - 1]
    if lang == "en":
        return f"{m} {dt.day}, {dt.year}"
    if lang == "hu":
        return f"{dt.year}. {m} {dt.day}."
    if lang in ("de", "da", "nb", "fi", "hr", "sl", "pl"):
        return f"{dt.day}. {m} {dt.year}" if lang not in ("pl",) else f"{dt.day} {m} {dt.year}"
    if lang in ("es", "pt"):
        return f"{dt.day} de {m} de {dt.year}"
    return f"{dt.day} {m} {dt.year}"


def iso(dt, zone="UTC", frac=False, z=False):
    d = dt.astimezone(ZoneInfo(zone))
    s = d.strftime("%Y-%m-%dT%H:%M:%S") + (".000" if frac else "")
    if z and zone == "UTC":
        return s + "Z"
    off = d.strftime("%z")
    return s + off[:3] + ":" + off[3:]


# ---------------------------------------------------------------- page furniture

def css(rng, blocks):
    parts = []
    names = ["header", "nav", "menu", "card", "teaser", "rail", "grid", "footer", "btn", "badge", "hero", "byline", "share", "comment", "ad", "promo"]
    for i in range(blocks):
        n = rng.choice(names)
        parts.append(f".{n}-{i}{{display:flex;margin:{rng.randint(0, 24)}px {rng.randint(0, 24)}px;padding:{rng.randint(0, 16)}px;"
                     f"color:#{rng.randint(0, 0xFFFFFF):06x};font:{rng.randint(11, 22)}px/1.{rng.randint(2, 6)} var(--font-{n})}}"
                     f"@media (min-width:{rng.choice([480, 768, 1024, 1280])}px){{.{n}-{i}__inner{{grid-template-columns:repeat({rng.randint(2, 6)},1fr);gap:{rng.randint(4, 32)}px}}}}")
    return "<style>" + "\n".join(parts) + "</style>"


def analytics(rng, site):
    build = datetime(2023, 6, rng.randint(20, 30), rng.randint(0, 23), rng.randint(0, 59), tzinfo=UTC)
    return (f"<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());"
            f"gtag('config','G-{rng.randint(10**9, 10**10)}',{{anonymize_ip:true}});</script>\n"
            f"<script>var __buildInfo={{\"app\":\"{site}-web\",\"version\":\"4.{rng.randint(1, 30)}.{rng.randint(0, 99)}\","
            f"\"builtAt\":\"{build.strftime('%Y-%m-%dT%H:%M:%SZ')}\",\"commit\":\"{rng.getrandbits(40):010x}\"}};</script>\n"
            f"<script async src=\"https://cdn.adserve.test/prebid/{rng.randint(5, 9)}.{rng.randint(0, 9)}/prebid.js\"></script>\n"
            "<script>var adSlots=[" + ",".join(f"{{\"id\":\"div-gpt-{i}\",\"sizes\":[[300,250],[728,90]],\"refresh\":{rng.randint(30, 90)}}}" for i in range(8)) + "];</script>")


def menu(lang, site, rng, cls="nav"):
    ui = UI[lang]
    items = []
    for s in ui["sections"]:
        subs = "".join(f"<li class=\"{cls}__sub-item\"><a href=\"https://{site}/{s.lower()}/{k}/\">{s} {k}</a></li>" for k in
                       ["regione", "citta", "video", "foto", "analisi", "podcast", "dati", "opinioni", "archivio", "speciali"][: rng.randint(6, 10)])
        items.append(f"<li class=\"{cls}__item\"><a class=\"{cls}__link\" href=\"https://{site}/{s.lower()}/\">{s}</a><ul class=\"{cls}__sub\">{subs}</ul></li>")
    return f"<nav class=\"{cls}\" aria-label=\"menu\"><ul class=\"{cls}__list\">{''.join(items)}</ul></nav>"


def app_state(rng, lang, site, var="__APP_STATE__"):
    stories = []
    for i in range(28):
        d = SAVED - timedelta(days=rng.randint(0, 200), minutes=rng.randint(0, 1440))
        stories.append({"id": 100000 + rng.randint(0, 899999), "headline": rng.choice(TEASERS[lang]),
                        "url": f"https://{site}/n/{rng.randint(1000, 9999)}", "publishedAt": d.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "updatedAt": (d + timedelta(hours=2)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "section": rng.choice(UI[lang]["sections"])})
    return f"<script>window.{var}={json.dumps({'route': 'article', 'stories': stories, 'user': None}, ensure_ascii=False)};</script>"


def num_date(dt, sep="."):
    return f"{dt.day:02d}{sep}{dt.month:02d}{sep}{dt.year}"


def teaser_rail(lang, site, rng, cls, title, n, around, style="time"):
    ui = UI[lang]
    rows = []
    for _ in range(n):
        d = around + timedelta(days=rng.randint(-20, 20), minutes=rng.randint(0, 1400))
        if d > SAVED:
            d = SAVED - timedelta(hours=rng.randint(1, 90))
        d = local(d, lang)
        t = rng.choice(TEASERS[lang])
        if style == "time":
            stamp = f"<time class=\"{cls}__date\" datetime=\"{iso(d, ZONES[lang])}\">{num_date(d)} {d:%H:%M}</time>"
        elif style == "text":
            stamp = f"<span class=\"{cls}__date\">{long_date(lang, d)}</span>"
        else:
            stamp = f"<span class=\"{cls}__time\">{d:%H:%M}</span>"
        rows.append(f"<li class=\"{cls}__item\">{stamp}<a href=\"https://{site}/{rng.choice(ui['sections']).lower()}/{rng.randint(10000, 99999)}\">{t}</a></li>")
    return f"<section class=\"{cls}\"><h2 class=\"{cls}__title\">{title}</h2><ul class=\"{cls}__list\">{''.join(rows)}</ul></section>"


def related_grid(lang, site, rng, around, cls="related"):
    cards = []
    for i in range(12):
        d = local(min(SAVED - timedelta(hours=3), around + timedelta(days=rng.randint(-40, 30), minutes=rng.randint(0, 1400))), lang)
        cards.append(f"<div class=\"{cls}-card\"><a class=\"{cls}-card__link\" href=\"https://{site}/articolo/{rng.randint(100000, 999999)}\">"
                     f"<img src=\"https://img.{site}/thumb/{i}.jpg\" alt=\"\" loading=\"lazy\" width=\"320\" height=\"180\">"
                     f"<h3 class=\"{cls}-card__title\">{rng.choice(TEASERS[lang])}</h3></a>"
                     f"<time class=\"{cls}-card__time\" datetime=\"{iso(d, ZONES[lang])}\">{long_date(lang, d)}</time></div>")
    return f"<section class=\"{cls}\"><h2>{UI[lang]['related']}</h2><div class=\"{cls}__grid\">{''.join(cards)}</div></section>"


COMMENT_TEXT = {
    "it": ["Sempre la stessa storia, nessuno fa manutenzione.", "Da noi è tornata solo nel pomeriggio.", "Grazie per l'aggiornamento puntuale."],
    "en": ["Same thing happened last year, nothing changed.", "Ours came back after lunch.", "Thanks for keeping us posted."],
    "de": ["Jedes Jahr dasselbe.", "Bei uns ging es erst mittags wieder.", "Danke für die Infos."],
}


def comments(lang, rng, after, cls="comments"):
    texts = COMMENT_TEXT.get(lang, COMMENT_TEXT["en"])
    rows = []
    for i in range(6):
        d = local(min(SAVED, after + timedelta(hours=rng.randint(1, 60), minutes=rng.randint(0, 59))), lang)
        rows.append(f"<li class=\"{cls}__item\" id=\"c{rng.randint(1000, 9999)}\"><div class=\"{cls}__author\">user{rng.randint(10, 999)}</div>"
                    f"<div class=\"{cls}__date\">{num_date(d, '/')} {d:%H:%M}</div><p>{rng.choice(texts)}</p>"
                    f"<a class=\"{cls}__reply\" href=\"#\">{UI[lang]['reply']}</a></li>")
    return f"<section class=\"{cls}\" id=\"comments\"><h2>{UI[lang]['comments']} (6)</h2><ol class=\"{cls}__list\">{''.join(rows)}</ol></section>"


def footer(lang, site, rng, name):
    ui = UI[lang]
    cols = "".join(f"<div class=\"footer__col\"><h4>{s}</h4><ul>" + "".join(f"<li><a href=\"https://{site}/{s.lower()}/{k}\">{s} {k}</a></li>" for k in range(1, 7)) + "</ul></div>"
                   for s in ui["sections"])
    return (f"<footer class=\"footer\"><div class=\"footer__cols\">{cols}</div><p class=\"footer__legal\">© 2023 {name} S.p.A. – "
            f"P.IVA 0{rng.randint(10**9, 10**10 - 1)} – {ui['rights']}. Reg. Trib. n. {rng.randint(10, 999)}/1998.</p></footer>")


def cookie(lang):
    return f"<div id=\"cmp-banner\" class=\"cmp\" role=\"dialog\"><p>{UI[lang]['cookie']}</p><button>OK</button><button>Impostazioni</button></div>"


def date_widget(lang, cls="topbar__date"):
    d = SAVED
    return f"<div class=\"{cls}\">{WEEKDAYS[lang][d.weekday()]} {long_date(lang, d)}</div>"


def paragraphs(lang, topic, rng, n=6, first_prefix=""):
    paras = list(PROSE[lang][topic % len(PROSE[lang])])
    head, rest = paras[0], paras[1:]
    rng.shuffle(rest)
    out = [first_prefix + head] + rest[: n - 1]
    return out


def body_html(lang, site, rng, paras, around, box=True, pcls=None):
    pa = f" class=\"{pcls}\"" if pcls else ""
    html = []
    for i, p in enumerate(paras):
        html.append(f"<p{pa}>{p}</p>")
        if i == 1 and box:
            d = local(around - timedelta(days=rng.randint(2, 30)), lang)
            html.append(f"<aside class=\"inline-related\"><strong>{UI[lang]['read_also']}</strong> <a href=\"https://{site}/x/{rng.randint(1000, 9999)}\">"
                        f"{rng.choice(TEASERS[lang])}</a> <span class=\"inline-related__date\">{num_date(d)}</span></aside>")
        if i == 3:
            html.append(f"<div class=\"ad-slot\" id=\"div-gpt-{i}\" data-ad=\"inread\"></div>")
    return "\n".join(html)


def page(spec, rng):
    lang, site, name = spec["lang"], spec["site"], spec["sitename"]
    head = [f"<meta charset=\"utf-8\">", f"<title>{spec.get('doc_title') or (spec['title'] + ' | ' + name)}</title>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            f"<link rel=\"canonical\" href=\"{spec['url']}\">"]
    if spec.get("og", True):
        head += [f"<meta property=\"og:title\" content=\"{spec['title']}\">", f"<meta property=\"og:type\" content=\"{spec.get('og_type', 'article')}\">",
                 f"<meta property=\"og:url\" content=\"{spec['url']}\">", f"<meta property=\"og:site_name\" content=\"{name}\">",
                 f"<meta property=\"og:image\" content=\"https://img.{site}/og/{rng.randint(1000, 9999)}.jpg\">"]
    head += spec.get("head", [])
    for ld in spec.get("jsonld", []):
        head.append(f"<script type=\"application/ld+json\">{json.dumps(ld, ensure_ascii=False)}</script>")
    head.append(css(rng, spec.get("css", 110)))
    head.append(analytics(rng, site.split(".")[1] if site.count(".") > 1 else site))
    top = [cookie(lang), "<header class=\"site-header\"><div class=\"topbar\">"]
    if spec.get("widget"):
        top.append(date_widget(lang))
    top.append(spec.get("header_extra", ""))
    top.append(f"<a class=\"logo\" href=\"https://{site}/\">{spec.get('logo_tag', 'div') and name}</a></div>")
    top.append(menu(lang, site, rng, spec.get("navcls", "nav")))
    top.append("</header>")
    around = spec["around"]
    tail = [
        f"<aside class=\"sidebar\">{teaser_rail(lang, site, rng, 'rail', UI[lang]['latest'], spec.get('rail', 14), around)}"
        f"{teaser_rail(lang, site, rng, 'mostread', UI[lang]['most_read'], 8, around, 'text')}</aside>",
        related_grid(lang, site, rng, around),
    ]
    if spec.get("comments", True) and spec.get("published_dt"):
        tail.append(comments(lang, rng, spec["published_dt"]))
    tail.append(footer(lang, site, rng, name))
    tail.append(app_state(rng, lang, site))
    html_attrs = spec.get("html_attrs", f"lang=\"{spec['locale']}\"")
    return ("<!DOCTYPE html>\n<html " + html_attrs + ">\n<head>\n" + "\n".join(head) + "\n</head>\n<body class=\"" + spec.get("bodycls", "article-page") + "\">\n"
            + "\n".join(top) + "\n<main id=\"main\" class=\"main\">\n" + spec["main"] + "\n" + "\n".join(tail[:2]) + "\n</main>\n" + "\n".join(tail[2:]) + "\n</body>\n</html>\n")


def breadcrumb(lang, site, section):
    return (f"<nav class=\"breadcrumb\" aria-label=\"breadcrumb\"><ol><li><a href=\"https://{site}/\">{UI[lang]['home']}</a></li>"
            f"<li><a href=\"https://{site}/{section.lower()}/\">{section}</a></li></ol></nav>")


def ld_breadcrumb(site, section):
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://{site}/"},
        {"@type": "ListItem", "position": 2, "name": section, "item": f"https://{site}/{section.lower()}/"}]}


# ---------------------------------------------------------------- article bodies by CMS kind

def main_html(kind, s, rng):
    """The story block for one CMS family; s holds title, byline (html), paras, section, extra bits."""
    lang, site, title, byline = s["lang"], s["site"], s["title"], s.get("byline", "")
    around = s["around"]
    body = body_html(lang, site, rng, s["paras"], around, pcls=s.get("pcls"))
    fig = (f"<figure class=\"lead-image\"><img src=\"https://img.{site}/{rng.randint(10**5, 10**6)}.jpg\" alt=\"\" width=\"1200\" height=\"675\">"
           f"<figcaption>{s.get('caption', 'Foto: archivio')}</figcaption></figure>")
    crumb = breadcrumb(lang, site, s["section"])
    tags = "<ul class=\"tags\">" + "".join(f"<li><a href=\"https://{site}/tag/{t}/\">#{t}</a></li>" for t in s.get("tags", ["incidente", "servizi", "citta"])) + "</ul>"
    share = f"<div class=\"share\"><span>{UI[lang]['share']}</span><a href=\"#\">Facebook</a><a href=\"#\">X</a><a href=\"#\">WhatsApp</a><a href=\"#\">E-mail</a></div>"
    if kind == "wp":
        return (f"<div id=\"primary\" class=\"content-area\">{crumb}<article id=\"post-{rng.randint(1000, 99999)}\" class=\"post type-post status-publish format-standard has-post-thumbnail hentry category-{s['section'].lower()}\">"
                f"<header class=\"entry-header\"><h1 class=\"entry-title\">{title}</h1><div class=\"entry-meta\">{byline}</div></header>{fig}"
                f"<div class=\"entry-content\">{body}</div><footer class=\"entry-footer\">{tags}{share}</footer></article></div>")
    if kind == "arc":
        return (f"<div class=\"b-article-layout\">{crumb}<article class=\"b-article\"><div class=\"c-heading\"><span class=\"c-overline\">{s['section']}</span>"
                f"<h1 class=\"c-heading__title\">{title}</h1><h2 class=\"c-heading__subtitle\">{s['paras'][1][:120]}</h2></div>"
                f"<div class=\"c-byline\">{byline}</div>{share}{fig}<div class=\"c-article-body\">{body}</div>{tags}</article></div>")
    if kind == "drupal":
        return (f"<div class=\"region region-content\">{crumb}<article role=\"article\" class=\"node node--type-article node--promoted node--view-mode-full\">"
                f"<h1 class=\"page-title\"><span class=\"field field--name-title field--type-string\">{title}</span></h1>"
                f"<div class=\"node__meta\">{byline}</div>{fig}<div class=\"node__content\"><div class=\"clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item\">{body}</div>"
                f"<div class=\"field field--name-field-tags\">{tags}</div></div></article></div>")
    if kind == "bem":
        return (f"<div class=\"page__wrapper\"><div class=\"page__content\">{crumb}<div class=\"story\"><div class=\"story__header\">"
                f"<div class=\"story__kicker\">{s['section']}</div><h1 class=\"story__headline\">{title}</h1><div class=\"story__meta\">{byline}</div></div>"
                f"<div class=\"story__media\">{fig}</div><div class=\"story__body\">{body}</div><div class=\"story__footer\">{tags}{share}</div></div></div></div>")
    if kind == "wire":
        return (f"<div class=\"news-container\">{crumb}<div class=\"news-item\"><div class=\"news-meta\">{byline}</div><h1 class=\"news-title\">{title}</h1>"
                f"<div class=\"news-txt\">{body}</div><div class=\"news-copy\">{s.get('wire_copy', '')}</div>{share}</div></div>")
    if kind == "amp":
        return (f"<article class=\"amp-article\"><header><p class=\"kicker\">{s['section']}</p><h1 class=\"amp-title\">{title}</h1>"
                f"<div class=\"amp-byline\">{byline}</div></header><amp-img src=\"https://img.{site}/a.jpg\" width=\"1200\" height=\"675\" layout=\"responsive\"></amp-img>"
                f"<div class=\"amp-body\">{body}</div><amp-social-share type=\"facebook\"></amp-social-share></article>")
    if kind == "blogger":
        return s["main_override"]
    raise ValueError(kind)


def lead(lang, topic, rng, n=6, prefix=""):
    return paragraphs(lang, topic, rng, n, prefix)


# ---------------------------------------------------------------- the pages

SPECS = []


def add(name, lang, locale, site, sitename, url, kind, pub, upd=None, author=None, title=None, topic=0, byline="", head=(), jsonld=(),
        prefix="", widget=False, header_extra="", section=None, extra=None, **kw):
    pub_dt, has_time = pub if pub else (None, False)
    SPECS.append(dict(name=name, lang=lang, locale=locale, site=site, sitename=sitename, url=url, kind=kind, pub_dt=pub_dt, has_time=has_time,
                      upd=upd, author=author, title=title, topic=topic, byline=byline, head=list(head), jsonld=list(jsonld), prefix=prefix,
                      widget=widget, header_extra=header_extra, section=section or UI[lang]["sections"][0], extra=extra or {}, **kw))


def by(lang, s):
    return f"<span class=\"author\">{s}</span>"


# ---- Italian
d, _ = p = rome(2023, 1, 12, 9, 14)
u = datetime(2023, 1, 12, 11, 40, tzinfo=ROME)
add("it-national-graph", "it", "it-IT", "www.corrierenazionale.test", "Corriere Nazionale",
    "https://www.corrierenazionale.test/cronaca/23_gennaio_12/guasto-cabina-elettrica-quattromila-utenze-buio-a1b2c3.shtml", "arc", p, u,
    "Giulia Ferretti", TITLES["it"][0], 0,
    byline=f"di <a class=\"c-byline__author\" href=\"/autori/giulia-ferretti\">Giulia Ferretti</a> <span class=\"c-byline__date\">12 gennaio 2023 (modifica il 12 gennaio 2023 | 11:40)</span>",
    jsonld=[{"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://www.corrierenazionale.test/#webpage", "url": "https://www.corrierenazionale.test/cronaca/", "name": "Cronaca",
         "datePublished": "2019-04-02T10:00:00+02:00", "dateModified": "2023-07-01T08:10:00+02:00"},
        {"@type": "NewsArticle", "headline": TITLES["it"][0], "datePublished": iso(d, "Europe/Rome"), "dateModified": iso(u, "Europe/Rome"),
         "author": [{"@type": "Person", "name": "Giulia Ferretti"}], "publisher": {"@type": "Organization", "name": "Corriere Nazionale"}},
        ld_breadcrumb("www.corrierenazionale.test", "Cronaca")]}], widget=True)

d, _ = p = rome(2023, 1, 24, 10, 35)
add("it-wire-agipress", "it", "it", "www.agipress.test", "AgiPress",
    "https://www.agipress.test/notiziari/cronaca/2023/01/24/blackout-citta-scuole-senza-mensa_8f2e1d.html", "wire", p, None,
    None, TITLES["it"][1], 0, byline="<span class=\"news-date\">24 gennaio 2023 10:35</span> <span class=\"news-section\">CRONACA</span>",
    prefix="(AGIPRESS) - ROMA, 24 GEN - ", wire_copy="(AGIPRESS). RIPRODUZIONE RISERVATA © Copyright AgiPress")

d, _ = p = rome(2023, 2, 7, 17, 52)
add("it-wire-regional", "it", "it", "www.notiziarioregioni.test", "Notiziario Regioni",
    "https://www.notiziarioregioni.test/lombardia/notizie/2023/02/07/fiamme-nel-capannone-procura-apre-fascicolo_33a1.html", "wire", p, None,
    None, TITLES["it"][5], 1, byline="<span class=\"flash\">ULTIM'ORA</span> <span class=\"ora\">17:52</span>",
    prefix="(NR) - MILANO, 7 FEB - ", wire_copy="(NR) © Riproduzione riservata")

d, _ = p = rome(2023, 2, 3, 18, 20)
u = datetime(2023, 2, 4, 8, 5, tzinfo=ROME)
add("it-local-wp", "it", "it-IT", "www.lecodelcanavese.test", "L'Eco del Canavese",
    "https://www.lecodelcanavese.test/2023/02/03/corrente-saltata-protezione-civile-generatori/", "wp", p, u, "Marco Bellandi", TITLES["it"][7], 0,
    byline="<span class=\"byline\">di <a href=\"/author/mbellandi/\" rel=\"author\">Marco Bellandi</a></span> <span class=\"posted-on\">Pubblicato il 3 febbraio 2023 alle 18:20 · Aggiornato il 4 febbraio 2023 alle 08:05</span>",
    head=[f"<meta property=\"article:published_time\" content=\"{iso(d, 'UTC')}\">", f"<meta property=\"article:modified_time\" content=\"{iso(u, 'UTC')}\">"],
    widget=True)

d, _ = p = rome(2023, 3, 14, 13, 30)
palinsesto = ("<div class=\"onair\"><strong>Palinsesto di oggi</strong><ul>" + "".join(
    f"<li><time datetime=\"2023-07-01T{h}\">{h}</time> {t}</li>" for h, t in [("06:30", "Buongiorno Valle"), ("13:30", "TG Valle"), ("14:00", "Meteo"),
                                                                             ("19:30", "TG Valle sera"), ("21:15", "Film")]) + "</ul></div>")
add("it-tv-news", "it", "it", "www.televalle.test", "TeleValle",
    "https://www.televalle.test/tg/incendio-deposito-imballaggi-fumo-visibile-chilometri/", "bem", p, None, "Chiara Colombo", TITLES["it"][3], 1,
    byline="<span class=\"story__program\">TG Valle</span> · <span class=\"story__date\">14/03/2023 ore 13:30</span> · di Chiara Colombo",
    header_extra=palinsesto)

d, _ = p = (datetime(2023, 4, 5, tzinfo=ROME), False)
add("it-magazine-print", "it", "it", "www.mensilescienza.test", "Mensile Scienza & Città",
    "https://www.mensilescienza.test/numero-aprile-2023/cavo-media-tensione-comune-relazione-gestore", "drupal", p, None, "Elena Ruggeri", TITLES["it"][2], 0,
    byline="<div class=\"print-edition\">Dal numero di aprile 2023 – in edicola dal 28 marzo</div><div class=\"authors\">di Elena Ruggeri</div><div class=\"online-date\">Pubblicato online il 5 aprile 2023</div>")

d, _ = p = rome(2023, 2, 15, 21, 7)
add("it-blogger", "it", "it", "quartierenord.blogspot.test", "Quartiere Nord – il blog",
    "https://quartierenord.blogspot.test/2023/02/deposito-distrutto-dal-fuoco.html", "blogger", p, None, "Paolo Santoro", TITLES["it"][6], 1)

d, _ = p = (datetime(2023, 5, 9, tzinfo=ROME), False)
add("it-meta-date", "it", "it", "www.ilpaesedelmattino.test", "Il Paese del Mattino",
    "https://www.ilpaesedelmattino.test/notizie/rogo-zona-industriale-finestre-chiuse", "bem", p, None, None, TITLES["it"][4], 1,
    byline="<span class=\"story__section\">Cronaca locale</span>", head=["<meta name=\"date\" content=\"2023-05-09\">"], og=False)

d, _ = p = rome(2023, 3, 27, 5, 30)
add("it-jsonld-newyork", "it", "it-IT", "www.italiaoggi24.test", "ItaliaOggi24",
    "https://www.italiaoggi24.test/cronaca/blackout-quattromila-utenze", "arc", p, None, "Davide Marchetti", TITLES["it"][0], 0,
    byline="<span class=\"c-byline__author\">Davide Marchetti</span> <span class=\"c-byline__date\">27 marzo 2023</span>",
    jsonld=[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES["it"][0], "datePublished": iso(d, "America/New_York"),
             "author": {"@type": "Person", "name": "Davide Marchetti"}}])

# ---- English
d, _ = p = rome(2023, 3, 3, 10, 12)
add("en-wire-london", "en", "en", "www.newslinewire.test", "Newsline",
    "https://www.newslinewire.test/business/payments-outage-what-happened-2023-03-03/", "wire", p, None, "Oliver Brennan", TITLES["en"][5], 0,
    byline="<span class=\"wire-author\">By Oliver Brennan</span> <span class=\"wire-stamp\">March 3, 2023 9:12 AM GMT</span>",
    head=[f"<meta property=\"article:published_time\" content=\"{iso(d, 'UTC', z=True)}\">"],
    prefix="LONDON, March 3 (Newsline) - ", wire_copy="Reporting by Oliver Brennan; Editing by Tom Ashcroft")

d, _ = p = rome(2023, 5, 11, 16, 20)
add("en-tech-utc", "en", "en-GB", "www.gadgetdesk.test", "GadgetDesk",
    "https://www.gadgetdesk.test/news/backup-failed-during-update-payments-company-admits", "bem", p, None, "Priya Raman", TITLES["en"][7], 0,
    byline=f"<span class=\"story__author\">Priya Raman</span> <time datetime=\"{iso(d, 'UTC', z=True)}\">May 11, 2023 3:20 PM BST</time>")

d, _ = p = rome(2023, 4, 2, 9, 12)
add("en-medium", "en", "en", "medium.test", "Medium", "https://medium.test/@hwhitlock/shoppers-stranded-at-tills-4f1c2d9e8a7b", "medium", p,
    datetime(2023, 4, 3, 20, 40, tzinfo=ROME),
    "Hannah Whitlock", TITLES["en"][1], 0,
    jsonld=[{"@context": "http://schema.org", "@type": "NewsArticle", "headline": TITLES["en"][1], "datePublished": iso(d, "UTC", frac=True, z=True),
             "dateModified": "2023-04-03T18:40:11.532Z", "dateCreated": "2023-04-02T07:12:45.123Z", "author": {"@type": "Person", "name": "Hannah Whitlock"}}])

d, _ = p = rome(2023, 6, 5, 13, 0)
add("en-substack", "en", "en", "floodwatch.substack.test", "Flood Watch", "https://floodwatch.substack.test/p/flood-defences-to-be-reviewed", "substack", p, None,
    "Megan O'Rourke", TITLES["en"][4], 1,
    jsonld=[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES["en"][4], "datePublished": iso(d, "UTC"),
             "dateModified": iso(d, "UTC"), "author": [{"@type": "Person", "name": "Megan O'Rourke"}]}])

d, _ = p = (datetime(2023, 3, 21, tzinfo=ROME), False)
add("en-newsroom", "en", "en-GB", "www.northpay.test", "NorthPay Group", "https://www.northpay.test/newsroom/statement-on-card-payment-disruption", "newsroom", p, None,
    None, TITLES["en"][2], 0)

d, _ = p = rome(2023, 4, 18, 15, 22)
add("en-helpcentre", "en", "en-us", "support.tillpoint.test", "TillPoint Help Center",
    "https://support.tillpoint.test/hc/en-us/articles/360041122334-Taking-payments-during-an-outage", "zendesk", p,
    datetime(2023, 6, 28, 10, 5, tzinfo=ROME), "Daniel Osei", "Taking payments during an outage", 0)

d, _ = p = rome(2023, 2, 3, 22, 14)
add("en-forum-phpbb", "en", "en-GB", "www.shopkeepersforum.co.uk", "Shopkeepers Forum",
    "https://www.shopkeepersforum.co.uk/viewtopic.php?t=48812", "phpbb", p, None, "tillmaster", "Card payments down at our shop?", 0)

d, _ = p = rome(2023, 4, 12, 10, 5)
u = datetime(2023, 4, 12, 12, 30, tzinfo=ROME)
add("en-uk-local", "en", "en-GB", "www.valleyecho.co.uk", "The Valley Echo",
    "https://www.valleyecho.co.uk/news/river-bursts-banks-overnight-rain", "drupal", p, u, "Tom Ashcroft", TITLES["en"][3], 1,
    byline="<div class=\"byline\">By <a href=\"/author/tom-ashcroft\">Tom Ashcroft</a></div><div class=\"dates\">Published: 09:05, 12 April 2023 | Updated: 11:30, 12 April 2023</div>")

# ---- German
d, _ = p = rome(2023, 2, 7, 11, 45)
add("de-presseportal", "de", "de-DE", "www.presseverteiler.test", "Presseverteiler",
    "https://www.presseverteiler.test/pm/118233/5421876", "press", p, None, None, TITLES["de"][2], 0)

d, _ = p = rome(2023, 3, 9, 19, 48)
add("de-forum-vb", "de", "de", "www.bahnforum.test", "Bahnforum", "https://www.bahnforum.test/forum/showthread.php?t=77231", "vbulletin", p, None,
    "Pendler_NRW", "Stellwerk ausgefallen – wer steckt noch fest?", 1)

d, _ = p = rome(2023, 3, 26, 0, 45)
add("de-jsonld-utc-night", "de", "de-DE", "www.rheinblatt.test", "Rheinblatt",
    "https://www.rheinblatt.test/digital/cyberangriff-stadtwerke-portale-lahmgelegt-a-8812.html", "wp", p, None, "Katrin Vogelsang", TITLES["de"][0], 0,
    byline="<span class=\"byline\">Von Katrin Vogelsang</span> · <span class=\"date\">26.03.2023, 00:45 Uhr</span>",
    jsonld=[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES["de"][0], "datePublished": iso(d, "UTC"),
             "author": {"@type": "Person", "name": "Katrin Vogelsang"}, "publisher": {"@type": "Organization", "name": "Rheinblatt"}}])

d, _ = p = (datetime(2023, 3, 28, tzinfo=ROME), False)
add("de-magazin-heft", "de", "de", "www.technikmonat.test", "TechnikMonat",
    "https://www.technikmonat.test/heft-4-2023/stadtwerke-portale-offline", "drupal", p, None, "Florian Kessler", TITLES["de"][4], 0,
    byline="<div class=\"issue\">Erschienen in Heft 4/2023 (Erstverkaufstag 23.03.2023)</div><div class=\"authors\">Von Florian Kessler</div><div class=\"online\">Online veröffentlicht am 28.03.2023</div>")

d, _ = p = rome(2023, 6, 14, 8, 2)
add("de-stand-graph", "de", "de-DE", "www.tagesfunk.test", "Tagesfunk",
    "https://www.tagesfunk.test/inland/stellwerk-kabelbrand-pendler-100.html", "arc", p, datetime(2023, 6, 14, 16, 20, tzinfo=ROME), "Jonas Hartmann",
    TITLES["de"][3], 1, byline="<span class=\"c-byline__author\">Von Jonas Hartmann</span> <span class=\"c-byline__stand\">Stand: 14.06.2023 16:20 Uhr</span>",
    jsonld=[{"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "url": "https://www.tagesfunk.test/inland/stellwerk-kabelbrand-pendler-100.html", "dateModified": "2023-06-14T16:20:00+02:00"},
        {"@type": "NewsArticle", "headline": TITLES["de"][3], "datePublished": iso(d, "Europe/Berlin"), "dateModified": "2023-06-14T16:20:00+02:00"},
        ld_breadcrumb("www.tagesfunk.test", "Inland")]}])

# ---- French
d, _ = p = rome(2023, 2, 21, 6, 30)
add("fr-amp", "fr", "fr-FR", "amp.lequotidiendelouest.test", "Le Quotidien de l'Ouest",
    "https://amp.lequotidiendelouest.test/economie/reseau-mobile-erreur-configuration-123456.amp.html", "amp", p,
    datetime(2023, 2, 21, 8, 15, tzinfo=ROME), "Claire Dumoulin", TITLES["fr"][1], 0,
    byline="Par <span class=\"author\">Claire Dumoulin</span> — Publié le 21/02/2023 à 06h30, mis à jour à 08h15",
    jsonld=[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES["fr"][1], "datePublished": iso(d, "Europe/Paris"),
             "dateModified": "2023-02-21T08:15:00+01:00", "author": {"@type": "Person", "name": "Claire Dumoulin"}}],
    html_attrs="⚡ lang=\"fr\"")

d, _ = p = (datetime(2023, 5, 16, tzinfo=ROME), False)
add("fr-dc-issued", "fr", "fr", "www.observatoire-numerique.test", "Observatoire du numérique",
    "https://www.observatoire-numerique.test/analyses/panne-reseau-mobile-gouvernement-convoque", "drupal", p, None, None, TITLES["fr"][2], 0,
    head=["<meta name=\"DC.date.issued\" content=\"2023-05-16\">", "<meta name=\"DC.language\" content=\"fr\">", "<meta name=\"DC.publisher\" content=\"Observatoire\">"],
    og=False)

d, _ = p = rome(2023, 3, 3, 14, 2)
add("fr-wire", "fr", "fr", "www.depechesfrance.test", "Dépêches France", "https://www.depechesfrance.test/depeche/panne-geante-reseau-mobile-2f8a", "wire", p, None,
    None, TITLES["fr"][0], 0, byline="<span class=\"dep-date\">Dépêche du 03/03/2023 à 14:02</span>", prefix="PARIS, 3 mars (DFP) - ",
    wire_copy="cd/jm/DFP")

# ---- Spanish
d, _ = p = rome(2023, 4, 20, 19, 45)
add("es-og-only", "es", "es", "www.diariodelsur.test", "Diario del Sur", "https://www.diariodelsur.test/sociedad/apagon-veinte-mil-hogares-centro_1234.html", "bem", p, None,
    None, TITLES["es"][0], 0, head=[f"<meta property=\"article:published_time\" content=\"{iso(d, 'Europe/Madrid')}\">"])

d, _ = p = rome(2023, 3, 14, 9, 0)
add("es-ghost", "es", "es", "cortesdeluz.test", "Cortes de luz", "https://cortesdeluz.test/la-distribuidora-atribuye-el-apagon/", "ghost", p,
    datetime(2023, 3, 15, 11, 12, tzinfo=ROME),
    "Javier Castaño", TITLES["es"][2], 0, head=[f"<meta property=\"article:published_time\" content=\"{iso(d, 'UTC', frac=True, z=True)}\">",
                                                "<meta property=\"article:modified_time\" content=\"2023-03-15T10:12:00.000Z\">"])

d, _ = p = rome(2023, 5, 30, 10, 15)
add("es-helpdesk", "es", "es", "ayuda.pagafacil.test", "PagaFácil – Centro de ayuda", "https://ayuda.pagafacil.test/support/solutions/articles/44002918833",
    "freshdesk", p, datetime(2023, 6, 27, 10, 12, tzinfo=ROME), None, "Qué hacer si el datáfono no funciona durante un apagón", 0,
    jsonld=[{"@context": "https://schema.org", "@type": "Article", "headline": "Qué hacer si el datáfono no funciona durante un apagón",
             "datePublished": iso(d, "UTC", z=True), "dateModified": "2023-06-27T08:12:00Z"}])

# ---- Portuguese
d, _ = p = rome(2023, 3, 14, 10, 20)
add("pt-pt-byline", "pt", "pt-PT", "www.jornaldolitoral.pt", "Jornal do Litoral", "https://www.jornaldolitoral.pt/pais/falha-informatica-cancelas-metro", "wp", p, None,
    "Inês Carvalho", TITLES["pt"][0], 0, byline="<span class=\"byline\">Inês Carvalho</span> <span class=\"posted-on\">Publicado a 14 de março de 2023, 09:20</span>")

d, _ = p = rome(2023, 5, 22, 9, 40)
add("pt-radio", "pt", "pt-PT", "www.radiolitoral.pt", "Rádio Litoral", "https://www.radiolitoral.pt/noticias/atualizacao-software-perturba-transportes", "bem", p, None,
    "Rui Monteiro", TITLES["pt"][1], 0, byline="<span>Rádio Litoral</span> · <span class=\"story__date\">22 de maio de 2023 · 08h40</span> · Rui Monteiro",
    header_extra="<div class=\"onair\">No ar: <time datetime=\"2023-07-01T09:00\">09:00</time> Manhã Litoral · A seguir <time datetime=\"2023-07-01T12:00\">12:00</time> Jornal do Meio-Dia</div>")

# ---- Dutch
d, _ = p = rome(2023, 2, 2, 13, 15)
add("nl-meta-date", "nl", "nl", "www.gelderlandnieuws.test", "Gelderland Nieuws", "https://www.gelderlandnieuws.test/artikel/alarmnummers-slecht-bereikbaar", "bem", p, None,
    None, TITLES["nl"][0], 0, head=[f"<meta name=\"date\" content=\"{iso(d, 'Europe/Amsterdam')}\">"], og=False)

d, _ = p = rome(2023, 6, 6, 10, 20)
agenda = ("<div class=\"agenda\"><strong>Agenda</strong><ul><li><time datetime=\"2023-07-08\">za 8 jul</time> Havenfestival</li>"
          "<li><time datetime=\"2023-07-12\">wo 12 jul</time> Zomerconcert in het park</li><li><time datetime=\"2023-07-15\">za 15 jul</time> Braderie</li></ul></div>")
add("nl-events-header", "nl", "nl-NL", "www.stadskoerier.test", "Stadskoerier", "https://www.stadskoerier.test/nieuws/kamer-wil-opheldering-meldkamer", "drupal", p, None,
    "Pieter Janssen", TITLES["nl"][1], 0, byline="<span class=\"author\">Door Pieter Janssen</span> · <span class=\"date\">Gepubliceerd op 6 juni 2023 om 10:20</span>",
    header_extra=agenda)

# ---- Polish
d, _ = p = rome(2023, 4, 17, 7, 45)
add("pl-graph", "pl", "pl-PL", "www.gazetamiejska.test", "Gazeta Miejska", "https://www.gazetamiejska.test/wiadomosci/awaria-magistrali-bez-wody,12345.html", "arc", p,
    datetime(2023, 4, 17, 12, 10, tzinfo=ROME), "Agnieszka Wróbel", TITLES["pl"][0], 0,
    byline="<span class=\"c-byline__author\">Agnieszka Wróbel</span> <span>Opublikowano: 17 kwietnia 2023, 07:45</span> <span>Aktualizacja: 17 kwietnia 2023, 12:10</span>",
    jsonld=[{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "datePublished": "2021-01-01T00:00:00+01:00"},
                                                           {"@type": "NewsArticle", "headline": TITLES["pl"][0], "datePublished": iso(d, "UTC", z=True)},
                                                           ld_breadcrumb("www.gazetamiejska.test", "Kraj")]}])

d, _ = p = rome(2023, 5, 17, 14, 30)
add("pl-numeric", "pl", "pl", "www.kurierlokalny.test", "Kurier Lokalny", "https://www.kurierlokalny.test/2023/05/beczkowozy-na-osiedlach/", "wp", p, None,
    "Tomasz Zieliński", TITLES["pl"][1], 0, byline="<span class=\"byline\">Autor: Tomasz Zieliński</span> <span class=\"date\">17.05.2023 14:30</span>")

# ---- Swedish
d, _ = p = rome(2023, 5, 8, 10, 20)
events = ("<div class=\"evenemang\">Evenemang: <time datetime=\"2023-07-06T19:00\">6 juli kl. 19.00</time> Sommarkonsert · "
          "<time datetime=\"2023-07-09T11:00\">9 juli</time> Loppis</div>")
add("sv-events", "sv", "sv-SE", "www.lansbladet.test", "Länsbladet", "https://www.lansbladet.test/nyheter/it-avbrott-stoppade-operationer", "bem", p,
    datetime(2023, 5, 8, 13, 5, tzinfo=ROME), "Elin Lindqvist", TITLES["sv"][0], 0,
    byline="<span class=\"story__author\">Elin Lindqvist</span> <span>Publicerad 8 maj 2023 kl. 10.20</span> <span>Uppdaterad 8 maj 2023 kl. 13.05</span>",
    header_extra=events)

d, _ = p = rome(2023, 1, 30, 6, 0)
add("sv-jsonld", "sv", "sv", "www.norrlandsposten.test", "Norrlandsposten", "https://www.norrlandsposten.test/2023/journalsystemet-nere", "wp", p, None,
    "Johan Berglund", TITLES["sv"][1], 0, byline="<span class=\"byline\">Johan Berglund</span> <span class=\"date\">30 jan 2023</span>",
    jsonld=[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES["sv"][1], "datePublished": iso(d, "Europe/Stockholm")}])

# ---- Danish
d, _ = p = rome(2023, 3, 14, 10, 20)
add("da-byline", "da", "da-DK", "www.dagbladetfyn.test", "Dagbladet Fyn", "https://www.dagbladetfyn.test/indland/nedbrud-betalingssystem", "arc", p,
    datetime(2023, 3, 14, 12, 2, tzinfo=ROME), "Mette Kjærgaard", TITLES["da"][0], 0,
    byline="<span class=\"c-byline__author\">Mette Kjærgaard</span> <span>Offentliggjort 14. marts 2023 kl. 10.20</span> <span>Opdateret 14. marts 2023 kl. 12.02</span>")

d, _ = p = rome(2023, 6, 1, 6, 30)
add("da-og-utc", "da", "da", "www.finansnyt.test", "FinansNyt", "https://www.finansnyt.test/artikel/finanstilsynet-kraever-redegoerelse", "drupal", p, None,
    "Rasmus Holm", TITLES["da"][1], 0, byline="<span class=\"author\">Rasmus Holm</span> · <span class=\"date\">1. juni 2023</span>",
    head=[f"<meta property=\"article:published_time\" content=\"{iso(d, 'UTC', z=True)}\">"])

# ---- Norwegian
d, _ = p = rome(2023, 4, 25, 21, 35)
add("nb-byline", "nb", "nb-NO", "www.fjordavisa.test", "Fjordavisa", "https://www.fjordavisa.test/nyheter/jordskred-stengte-riksveien/s/5-88-12345", "bem", p,
    datetime(2023, 4, 26, 7, 10, tzinfo=ROME), "Ingrid Solberg", TITLES["nb"][0], 0,
    byline="<span class=\"story__author\">Ingrid Solberg</span> <span>Publisert 25.04.2023 21:35</span> <span>Oppdatert 26.04.2023 07:10</span>")

d, _ = p = rome(2023, 5, 3, 7, 0)
add("nb-graph", "nb", "no", "www.vestlandsnytt.test", "Vestlandsnytt", "https://www.vestlandsnytt.test/a/kan-ta-dager", "arc", p, None, "Eirik Haugen", TITLES["nb"][1], 0,
    byline="<span class=\"c-byline__author\">Eirik Haugen</span> <span>3. mai 2023</span>",
    jsonld=[{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Vestlandsnytt"},
                                                           {"@type": "NewsArticle", "headline": TITLES["nb"][1], "datePublished": iso(d, "Europe/Oslo")},
                                                           ld_breadcrumb("www.vestlandsnytt.test", "Innenriks")]}])

# ---- Finnish
d, _ = p = rome(2023, 4, 11, 7, 15)
add("fi-byline", "fi", "fi", "www.itasanomat.fi", "Itäsanomat", "https://www.itasanomat.fi/kotimaa/muuntamopalo-pimensi/", "bem", p,
    datetime(2023, 4, 11, 9, 2, tzinfo=ROME), "Aino Virtanen", TITLES["fi"][0], 0,
    byline="<span class=\"story__author\">Aino Virtanen</span> <span>Julkaistu 11.4.2023 8:15</span> | <span>Päivitetty 11.4.2023 10:02</span>")

d, _ = p = rome(2023, 2, 7, 8, 30)
add("fi-jsonld", "fi", "fi-FI", "www.kaupunkiuutiset.test", "Kaupunkiuutiset", "https://www.kaupunkiuutiset.test/2023/02/sahkokatko-raitiovaunut", "wp", p, None,
    "Mikko Laine", TITLES["fi"][1], 0, byline="<span class=\"byline\">Mikko Laine</span> <span class=\"date\">7.2.2023 klo 9.30</span>",
    jsonld=[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES["fi"][1], "datePublished": iso(d, "Europe/Helsinki")}])

# ---- Hungarian
d, _ = p = rome(2023, 3, 14, 10, 20)
add("hu-byline", "hu", "hu", "www.varosihirek.test", "Városi Hírek", "https://www.varosihirek.test/belfold/2023/03/csotores-belvaros", "bem", p,
    datetime(2023, 3, 14, 12, 45, tzinfo=ROME), "Kovács Eszter", TITLES["hu"][0], 0,
    byline="<span class=\"story__author\">Kovács Eszter</span> <span>2023. március 14. 10:20</span> <span>Frissítve: 2023. március 14. 12:45</span>")

d, _ = p = rome(2023, 5, 19, 16, 5)
add("hu-meta", "hu", "hu-HU", "www.hirportal24.test", "Hírportál24", "https://www.hirportal24.test/gazdasag/otvenes-vezetek-hibaja", "drupal", p, None,
    "Nagy Bence", TITLES["hu"][1], 0, byline="<span class=\"author\">Nagy Bence</span> <span class=\"date\">2023.05.19. 16:05</span>",
    head=[f"<meta property=\"article:published_time\" content=\"{iso(d, 'Europe/Budapest')}\">"])

# ---- Greek
d, _ = p = rome(2023, 3, 14, 10, 20)
add("el-byline", "el", "el-GR", "www.eidiseis-notia.gr", "Ειδήσεις Νότια", "https://www.eidiseis-notia.gr/ellada/pyrkagia-oikismos/", "bem", p,
    datetime(2023, 3, 14, 12, 0, tzinfo=ROME), "Μαρία Παπαδοπούλου", TITLES["el"][0], 0,
    byline="<span class=\"story__author\">Μαρία Παπαδοπούλου</span> <span>Δημοσίευση: 14 Μαρτίου 2023, 11:20</span> <span>Ενημέρωση: 14 Μαρτίου 2023, 13:00</span>")

d, _ = p = rome(2023, 6, 20, 7, 45)
add("el-jsonld", "el", "el", "www.protoselido.test", "Πρωτοσέλιδο", "https://www.protoselido.test/article/fotia-yfesi", "arc", p, None, "Νίκος Αλεξίου", TITLES["el"][1], 0,
    byline="<span class=\"c-byline__author\">Νίκος Αλεξίου</span> <span>20.06.2023 • 08:45</span>",
    jsonld=[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES["el"][1], "datePublished": iso(d, "Europe/Athens")}])

# ---- Croatian, Slovenian
d, _ = p = rome(2023, 5, 9, 10, 15)
add("hr-byline", "hr", "hr", "www.vecernjidnevnik.test", "Večernji dnevnik", "https://www.vecernjidnevnik.test/vijesti/kvar-trafostanica-1654321", "wp", p, None,
    "Ivana Horvat", TITLES["hr"][0], 0, byline="<span class=\"byline\">Ivana Horvat</span> <span class=\"posted-on\">Objavljeno: 9. svibnja 2023. u 10:15</span>")

d, _ = p = rome(2023, 5, 23, 9, 40)
add("sl-byline", "sl", "sl", "www.dnevnikstajerske.test", "Dnevnik Štajerske", "https://www.dnevnikstajerske.test/novice/brez-pitne-vode", "bem", p, None,
    "Maja Kranjc", TITLES["sl"][0], 0, byline="<span class=\"story__author\">Maja Kranjc</span> <span>Objavljeno: 23. maja 2023 ob 09:40</span>")


# ---------------------------------------------------------------- special families (blogs, help centres, forums, press portals)

HELP_PROSE = {
    "en": ["If your card terminal shows a connection error during a wider outage, you can still take payments offline for a limited amount and time.",
           "Open the terminal menu, choose Settings, then Offline mode, and confirm with your manager PIN. The screen will show a cloud icon with a line through it.",
           "Offline payments are stored on the device and sent automatically when the connection returns. Do not switch the terminal off until the queue is empty.",
           "Each card can be used offline up to the floor limit set for your account. Above that limit the terminal will ask you to decline or to take another payment method.",
           "If payments are still pending after twenty-four hours, contact our support team with the terminal serial number and the time of the first failed payment.",
           "You can check the live status of our services on the status page, which is updated by our operations team during every incident."],
    "es": ["Si el datáfono muestra un error de conexión durante un apagón o una caída de la red, todavía puedes cobrar en modo sin conexión con algunos límites.",
           "Entra en el menú del terminal, elige Ajustes y después Modo sin conexión, y confirma con el PIN de responsable. Verás un icono de nube tachada.",
           "Los cobros sin conexión se guardan en el dispositivo y se envían solos cuando vuelve la conexión. No apagues el terminal hasta que la cola esté vacía.",
           "Cada tarjeta admite pagos sin conexión hasta el límite configurado en tu cuenta; por encima de ese importe el terminal pedirá otro medio de pago.",
           "Si tras veinticuatro horas hay cobros pendientes, escribe a soporte indicando el número de serie del terminal y la hora del primer fallo.",
           "Puedes consultar el estado de nuestros servicios en la página de estado, que el equipo de operaciones actualiza durante cada incidencia."],
}

FORUM_REPLIES = {
    "en": ["Same here in the high street, nothing since about half eight.", "Ours is working on the backup SIM but really slowly.",
           "Their status page still says all systems operational, unbelievable.", "Back up for us now. Took three hours in total.",
           "Got an email from them apologising, no mention of compensation though.", "We put a sign up saying cash only and most people were fine."],
    "de": ["Bei mir in der S-Bahn dasselbe, stehen seit 20 Minuten vor dem Tunnel.", "Laut App fällt die RB komplett aus.",
           "Bin aufs Rad umgestiegen, geht schneller.", "Jetzt rollt es wieder langsam an.", "Informationen am Bahnsteig waren eine Katastrophe.",
           "Heute früh wieder alles normal bei mir."],
}


def special_main(s, rng):
    kind, lang, site, title = s["kind"], s["lang"], s["site"], s["title"]
    d = s["pub_dt"]
    body = body_html(lang, site, rng, s["paras"], s["around"], box=kind not in ("zendesk", "freshdesk", "phpbb", "vbulletin"))
    if kind == "blogger":
        dl = local(d, lang)
        archive = "<div class=\"widget BlogArchive\"><h2>Archivio blog</h2><ul>" + "".join(
            f"<li class=\"archivedate\"><a href=\"https://{site}/2023/{m:02d}/\">{MONTHS['it'][m - 1]} 2023</a> ({rng.randint(2, 9)})</li>" for m in range(6, 0, -1)) + "</ul></div>"
        return (f"<div class=\"header-outer\"><h1 class=\"title\">{s['sitename']}</h1><p class=\"description\">Notizie e segnalazioni dal quartiere</p></div>"
                f"<div class=\"main-inner\"><div class=\"blog-posts hfeed\"><div class=\"date-outer\"><h2 class=\"date-header\"><span>{WEEKDAYS['it'][dl.weekday()]} {long_date('it', dl)}</span></h2>"
                f"<div class=\"date-posts\"><div class=\"post-outer\"><div class=\"post hentry uncustomized-post-template\" itemprop=\"blogPost\" itemscope itemtype=\"http://schema.org/BlogPosting\">"
                f"<meta itemprop=\"image_url\" content=\"https://blogger.test/img/a.jpg\"><a name=\"{rng.getrandbits(60)}\"></a>"
                f"<h3 class=\"post-title entry-title\" itemprop=\"name\">{title}</h3><div class=\"post-header\"><div class=\"post-header-line-1\"></div></div>"
                f"<div class=\"post-body entry-content\" id=\"post-body-{rng.getrandbits(60)}\" itemprop=\"description articleBody\">{body}</div>"
                f"<div class=\"post-footer\"><div class=\"post-footer-line post-footer-line-1\"><span class=\"post-author vcard\">Pubblicato da <span class=\"fn\" itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\"><span itemprop=\"name\">{s['author']}</span></span></span> "
                f"<span class=\"post-timestamp\">alle <meta itemprop=\"url\" content=\"{s['url']}\"><a class=\"timestamp-link\" href=\"{s['url']}\" rel=\"bookmark\" title=\"permanent link\">"
                f"<abbr class=\"published\" itemprop=\"datePublished\" title=\"{iso(d, 'Europe/Rome', frac=True)}\">{dl:%H:%M}</abbr></a></span>"
                f" <span class=\"post-comment-link\"><a class=\"comment-link\" href=\"{s['url']}#comment-form\">{rng.randint(2, 9)} commenti</a></span></div></div></div></div></div></div></div>"
                f"<div class=\"sidebar-blog\">{archive}</div></div>")
    if kind == "medium":
        return (f"<div class=\"ab ca\"><article><div class=\"l\"><section><div class=\"fr fs ft fu fv\"><div class=\"ch bg fw fx fy fz\">"
                f"<h1 id=\"{rng.getrandbits(16):04x}\" class=\"pw-post-title ga gb gc be gd ge gf gg gh gi gj gk\" data-testid=\"storyTitle\">{title}</h1>"
                f"<div class=\"speechify-ignore ab co\"><div class=\"pw-author bg\"><a data-testid=\"authorName\" href=\"/@hwhitlock\">{s['author']}</a></div>"
                f"<div class=\"ab iq\"><span data-testid=\"storyReadTime\">6 min read</span><span class=\"iv\">·</span><span data-testid=\"storyPublishDate\">{local(d, 'en'):%b} {d.day}, {d.year}</span></div>"
                f"<div class=\"clap\"><button data-testid=\"headerClapButton\">{rng.randint(100, 900)}</button></div></div>"
                + body.replace("<p>", "<p class=\"pw-post-body-paragraph lj lk fp ll b lm ln lo lp lq\">") +
                "</div></div></section></div></article></div>")
    if kind == "substack":
        return (f"<div class=\"single-post-container\"><div class=\"container\"><div class=\"single-post\"><div class=\"post-header\">"
                f"<h1 class=\"post-title published\" dir=\"auto\">{title}</h1><h3 class=\"subtitle\" dir=\"auto\">Notes from the river towns, issue {rng.randint(20, 90)}</h3>"
                f"<div class=\"post-meta\"><div class=\"profile-hover-card-target\"><a href=\"https://substack.test/@megor\" class=\"pencraft pc-reset link-LIBpto\">{s['author']}</a></div>"
                f"<div class=\"pencraft pc-reset color-pub-secondary-text-hGQ02T\">{local(d, 'en'):%b} {d.day}, {d.year}</div></div></div>"
                f"<div class=\"available-content\"><div dir=\"auto\" class=\"body markup\">{body}</div></div>"
                f"<div class=\"subscribe-widget\"><p>Flood Watch is a reader-supported publication.</p><button>Subscribe</button></div></div></div></div>")
    if kind == "ghost":
        return (f"<main id=\"site-main\" class=\"site-main\"><article class=\"article post tag-apagones featured\"><header class=\"article-header gh-canvas\">"
                f"<div class=\"article-tag post-card-tags\"><span class=\"post-card-primary-tag\"><a href=\"/tag/apagones/\">Apagones</a></span></div>"
                f"<h1 class=\"article-title\">{title}</h1><p class=\"article-excerpt\">{s['paras'][1][:140]}</p>"
                f"<div class=\"article-byline\"><section class=\"article-byline-content\"><div class=\"article-byline-meta\"><h4 class=\"author-name\"><a href=\"/author/javier/\">{s['author']}</a></h4>"
                f"<div class=\"byline-meta-content\"><time class=\"byline-meta-date\" datetime=\"{local(d, 'es'):%Y-%m-%d}\">{d.day} mar {d.year}</time>"
                f"<span class=\"byline-reading-time\"><span class=\"bull\">•</span> 4 min de lectura</span></div></div></section></div></header>"
                f"<section class=\"gh-content gh-canvas\">{body}</section></article></main>")
    if kind == "zendesk":
        return (f"<div class=\"container\"><nav class=\"sub-nav\"><ol class=\"breadcrumbs\"><li><a href=\"/hc/en-us\">TillPoint Help Center</a></li>"
                f"<li><a href=\"/hc/en-us/categories/1\">Payments</a></li><li><a href=\"/hc/en-us/sections/2\">Troubleshooting</a></li></ol></nav>"
                f"<div class=\"article-container\" id=\"article-container\"><aside class=\"article-sidebar\"><section class=\"section-articles collapsible-sidebar\"><h3>Articles in this section</h3><ul>"
                + "".join(f"<li><a class=\"sidenav-item\" href=\"/hc/en-us/articles/{rng.randint(10**11, 10**12)}\">{t}</a></li>" for t in
                          ["Pairing a new terminal", "Printing a Z report", "Refunding a contactless payment", "Changing the receipt logo", "Offline floor limits explained"]) +
                f"</ul></section></aside><article id=\"main-content\" class=\"article\"><header class=\"article-header\"><h1 title=\"{title}\" class=\"article-title\">{title}</h1>"
                f"<div class=\"article-author\"><div class=\"avatar article-avatar\"><img src=\"/avatar.png\" alt=\"\" class=\"user-avatar\"></div><div class=\"article-meta\">"
                f"<a href=\"/hc/en-us/profiles/1-Daniel-Osei\">{s['author']}</a><ul class=\"meta-group\"><li class=\"meta-data\">"
                f"<time datetime=\"{iso(d, 'UTC', z=True)}\" title=\"{d.astimezone(UTC):%Y-%m-%d %H:%M}\" data-datetime=\"calendar\">{d:%B} {d.day}, {d.year} {d.astimezone(UTC):%H:%M}</time></li>"
                f"<li class=\"meta-data\">Updated <time datetime=\"{iso(s['upd'], 'UTC', z=True)}\" title=\"{s['upd'].astimezone(UTC):%Y-%m-%d %H:%M}\" data-datetime=\"relative\">3 days ago</time></li></ul></div></div>"
                f"<a class=\"article-subscribe button\" href=\"#\">Follow</a></header><section class=\"article-info\"><div class=\"article-content\"><div class=\"article-body\">{body}"
                f"</div></div></section><footer><div class=\"article-votes\"><span class=\"article-votes-question\">Was this article helpful?</span><button>Yes</button><button>No</button>"
                f"<small class=\"article-votes-count\">{rng.randint(10, 80)} out of {rng.randint(80, 120)} found this helpful</small></div></footer></article></div></div>")
    if kind == "freshdesk":
        return (f"<section class=\"container\"><div class=\"breadcrumb\"><a href=\"/support/home\">Inicio</a> / <a href=\"/support/solutions\">Soluciones</a> / <a href=\"#\">Datáfonos</a></div>"
                f"<div class=\"article-title\"><h2 class=\"heading\">{title}</h2><p class=\"help-text\">Actualizado hace 4 días</p></div>"
                f"<article class=\"article-body\" id=\"article-body\" itemprop=\"articleBody\">{body}</article>"
                f"<div class=\"article-vote\"><p>¿Le ha sido útil esta respuesta?</p><a class=\"vote-up\">Sí</a><a class=\"vote-down\">No</a></div>"
                f"<div class=\"related-articles\"><h3>Artículos relacionados</h3><ul>" + "".join(
                    f"<li><a href=\"/support/solutions/articles/{rng.randint(10**10, 10**11)}\">{t}</a></li>" for t in
                    ["Cómo emparejar un terminal nuevo", "Imprimir el cierre de caja", "Devolver un pago sin contacto", "Cambiar el logotipo del ticket"]) + "</ul></div></section>")
    if kind == "phpbb":
        posts = []
        for i in range(7):
            t = d if i == 0 else min(SAVED, d + timedelta(minutes=7 + 23 * i * i))
            tl = local(t, zone="Europe/London")
            text = s["paras"][0] + " Anyone else seeing this? The terminal just says 'host unavailable'." if i == 0 else FORUM_REPLIES["en"][i - 1]
            user = s["author"] if i == 0 else f"{rng.choice(['corner', 'deli', 'village', 'hardware', 'bakery'])}{rng.randint(1, 99)}"
            posts.append(f"<div id=\"p{90000 + i}\" class=\"post has-profile bg{1 + i % 2}\"><div class=\"inner\"><dl class=\"postprofile\"><dt><a class=\"username\" href=\"./memberlist.php?u={i}\">{user}</a></dt>"
                         f"<dd class=\"profile-posts\"><strong>Posts:</strong> {rng.randint(3, 3000)}</dd><dd class=\"profile-joined\"><strong>Joined:</strong> {rng.choice(['Mon Mar 02, 2015', 'Thu Jul 14, 2011', 'Sat Jan 05, 2019'])} 8:12 pm</dd></dl>"
                         f"<div class=\"postbody\"><h3 class=\"first\"><a href=\"#p{90000 + i}\">{'Re: ' if i else ''}{title}</a></h3>"
                         f"<p class=\"author\"><a class=\"unread\" href=\"#p{90000 + i}\"><span class=\"imageset icon_post_target\">Post</span></a><span class=\"responsive-hide\">by <strong><a class=\"username\">{user}</a></strong> » </span>"
                         f"<time datetime=\"{iso(t, 'UTC')}\">{tl:%a %b %d, %Y} {tl.hour % 12 or 12}:{tl:%M} {'am' if tl.hour < 12 else 'pm'}</time></p>"
                         f"<div class=\"content\">{text}</div></div></div></div>")
        return (f"<div id=\"page-body\" class=\"page-body\"><h2 class=\"topic-title\"><a href=\"{s['url']}\">{title}</a></h2><div class=\"action-bar bar-top\"><div class=\"pagination\">7 posts • Page <strong>1</strong> of <strong>1</strong></div></div>"
                + "".join(posts) + "<div class=\"action-bar bar-bottom\"><a href=\"./posting.php?mode=reply\" class=\"button\">Post Reply</a></div>"
                "<div class=\"stat-block online-list\"><h3>Who is online</h3><p>Users browsing this forum: No registered users and 4 guests</p></div></div>")
    if kind == "vbulletin":
        posts = []
        for i in range(7):
            t = d if i == 0 else min(SAVED, d + timedelta(minutes=5 + 31 * i * i))
            tl = local(t, "de")
            stamp = f"{num_date(tl)}, {tl:%H:%M}"
            text = s["paras"][0] + " Hat jemand genauere Infos, wann es weitergeht?" if i == 0 else FORUM_REPLIES["de"][i - 1]
            h2 = '<h2 class="title icon">' + title + '</h2>'
            user = s["author"] if i == 0 else f"{rng.choice(['Rheinpendler', 'Gleis7', 'Stellwerker', 'Tf_Bernd', 'RE_Fahrer'])}{rng.randint(1, 99)}"
            posts.append(f"<li class=\"postbitlegacy postbitim postcontainer old\" id=\"post_{55000 + i}\"><div class=\"posthead\"><span class=\"postdate old\"><span class=\"date\">{stamp}</span></span>"
                         f"<span class=\"nodecontrols\"><a name=\"post{55000 + i}\" href=\"#post{55000 + i}\" class=\"postcounter\">#{i + 1}</a></span></div>"
                         f"<div class=\"postdetails\"><div class=\"userinfo\"><a class=\"username\">{user}</a><span class=\"usertitle\">Benutzer</span>"
                         f"<dl class=\"userinfo_extra\"><dt>Registriert seit</dt><dd>{rng.choice(['03.2012', '11.2016', '07.2009'])}</dd><dt>Beiträge</dt><dd>{rng.randint(5, 4000)}</dd></dl></div>"
                         f"<div class=\"postbody\"><div class=\"postrow\">{h2 if i == 0 else ''}<div class=\"content\"><div id=\"post_message_{55000 + i}\"><blockquote class=\"postcontent restore\">{text}</blockquote></div></div></div></div></div></li>")
        return (f"<div id=\"breadcrumb\" class=\"breadcrumb\"><ul class=\"floatcontainer\"><li><a href=\"/forum/\">Bahnforum</a></li><li><a href=\"/forum/forumdisplay.php?f=12\">Regionalverkehr</a></li></ul></div>"
                f"<div id=\"pagetitle\"><h1>Thema: <span class=\"threadtitle\"><a href=\"{s['url']}\">{title}</a></span></h1></div>"
                f"<div id=\"postlist\" class=\"postlist restrain\"><ol id=\"posts\" class=\"posts\">{''.join(posts)}</ol></div>"
                f"<div id=\"wgo\"><h2>Aktive Benutzer</h2><p>Letzter Beitrag: Heute, 09:12</p></div>")
    if kind == "press":
        others = "".join(f"<li><span class=\"date\">{num_date(local(d - timedelta(days=k * 9 + 1), 'de'))}</span> <a href=\"/pm/118233/{5421876 - k}\">{t}</a></li>"
                         for k, t in enumerate(["Stadtwerke-Verbund erweitert Glasfaserausbau", "Neue Ladesäulen im Kreisgebiet", "Jahresbilanz 2022 vorgelegt",
                                                "Ausbildungsstart: 40 neue Azubis", "Preisanpassung Fernwärme zum 1. April"]))
        dl = local(d, "de")
        return (f"<div class=\"pr-layout\"><div class=\"pr-main\"><div class=\"pr-kicker\"><a href=\"/nr/118233\">KommunalIT Service GmbH</a></div>"
                f"<div class=\"pr-meta\">Pressemitteilung vom {num_date(dl)} – {dl:%H:%M} Uhr · Pressemitteilung von KommunalIT Service GmbH</div>"
                f"<h1 class=\"pr-title\">{title}</h1><div class=\"pr-text\">{body}</div>"
                f"<div class=\"pr-contact\"><h3>Pressekontakt</h3><p>KommunalIT Service GmbH, Unternehmenskommunikation, Tel. 0211 555 0123</p>"
                f"<p>Original-Content von: KommunalIT Service GmbH, übermittelt durch Presseverteiler</p></div></div>"
                f"<aside class=\"pr-more\"><h3>Weitere Pressemitteilungen von KommunalIT Service GmbH</h3><ul>{others}</ul></aside></div>")
    if kind == "newsroom":
        others = "".join(f"<li class=\"release\"><span class=\"release__date\">{long_date('en', d - timedelta(days=k * 17 + 3)).replace(',', '')}</span> <a href=\"/newsroom/r{k}\">{t}</a></li>"
                         for k, t in enumerate(["NorthPay reports full-year results", "NorthPay appoints new chief technology officer", "Partnership with regional banks extended",
                                                "Contactless limit raised for small merchants"]))
        return (f"<div class=\"newsroom\"><div class=\"newsroom__hero\"><span class=\"newsroom__type\">Press release</span><h1 class=\"newsroom__title\">{title}</h1>"
                f"<p class=\"newsroom__date\">{d.day} {d:%B} {d.year}</p></div><div class=\"newsroom__body\">{body}"
                f"<h3>Media contacts</h3><p>press@northpay.test · +44 20 7946 0000</p><h3>About NorthPay</h3><p>NorthPay processes card payments for more than 80,000 merchants.</p></div>"
                f"<aside class=\"newsroom__recent\"><h3>Recent releases</h3><ul>{others}</ul></aside></div>")
    raise ValueError(kind)


# ---------------------------------------------------------------- listings

LISTINGS = [
    ("it-listing-section", "it", "it-IT", "www.corrierenazionale.test", "Corriere Nazionale", "https://www.corrierenazionale.test/cronaca/", "Cronaca", "section"),
    ("en-listing-author", "en", "en-GB", "www.valleyecho.co.uk", "The Valley Echo", "https://www.valleyecho.co.uk/author/tom-ashcroft", "Tom Ashcroft", "author"),
    ("de-listing-tag", "de", "de-DE", "www.rheinblatt.test", "Rheinblatt", "https://www.rheinblatt.test/thema/stromausfall/", "Thema: Stromausfall", "tag"),
    ("fr-listing-search", "fr", "fr-FR", "www.lequotidiendelouest.test", "Le Quotidien de l'Ouest", "https://www.lequotidiendelouest.test/recherche/?q=panne", "Résultats de recherche pour « panne »", "search"),
    ("es-listing-archive", "es", "es", "cortesdeluz.test", "Cortes de luz", "https://cortesdeluz.test/2023/03/", "Archivo: marzo de 2023", "archive"),
    ("pl-listing-forum", "pl", "pl", "www.forummiejskie.test", "Forum Miejskie", "https://www.forummiejskie.test/forum/awarie-i-utrudnienia", "Awarie i utrudnienia", "forum"),
    ("sv-listing-latest", "sv", "sv-SE", "www.lansbladet.test", "Länsbladet", "https://www.lansbladet.test/senaste/", "Senaste nytt", "section"),
    ("hu-listing-tag", "hu", "hu", "www.varosihirek.test", "Városi Hírek", "https://www.varosihirek.test/cimke/csotores", "Címke: csőtörés", "tag"),
]


def listing_main(name, lang, site, heading, style, rng):
    cards = []
    base = datetime(2023, 6, 30, 18, 0, tzinfo=ROME) if style != "archive" else datetime(2023, 3, 31, 20, 0, tzinfo=ROME)
    for i in range(30):
        t = local(base - timedelta(hours=7 * i + rng.randint(0, 5), minutes=rng.randint(0, 59)), lang)
        head = rng.choice(TEASERS[lang] + TITLES[lang])
        summary = rng.choice(PROSE[lang][0])[:150] + "…"
        href = f"https://{site}/{UI[lang]['sections'][i % 8].lower()}/{rng.randint(100000, 999999)}"
        if style == "forum":
            cards.append(f"<li class=\"row bg{1 + i % 2}\"><dl class=\"row-item topic_read\"><dt><div class=\"list-inner\"><a href=\"{href}\" class=\"topictitle\">{head}</a>"
                         f"<br><span class=\"responsive-hide\">przez <a class=\"username\">user{rng.randint(1, 900)}</a> » {num_date(t)} {t:%H:%M}</span></div></dt>"
                         f"<dd class=\"posts\">{rng.randint(0, 80)}</dd><dd class=\"views\">{rng.randint(50, 9000)}</dd>"
                         f"<dd class=\"lastpost\"><span>przez <a class=\"username\">user{rng.randint(1, 900)}</a> {num_date(t)} {(t + timedelta(minutes=40)):%H:%M}</span></dd></dl></li>")
        elif style == "search":
            cards.append(f"<li class=\"search-result\"><h3><a href=\"{href}\">{head}</a></h3><p class=\"search-result__meta\">Publié le {num_date(t, '/')}</p><p>{summary}</p></li>")
        else:
            cards.append(f"<article class=\"card\"><a class=\"card__link\" href=\"{href}\"><img src=\"https://img.{site}/c/{i}.jpg\" alt=\"\"><h2 class=\"card__title\">{head}</h2></a>"
                         f"<p class=\"card__summary\">{summary}</p><time class=\"card__time\" datetime=\"{iso(t, ZONES[lang])}\">{long_date(lang, t)}, {t:%H:%M}</time></article>")
    intro = ""
    if style == "author":
        intro = "<div class=\"author-bio\"><img src=\"/tom.jpg\" alt=\"\"><p>Tom Ashcroft covers transport, flooding and local government for the Echo. He joined the paper in 2016.</p></div>"
    wrap = "ul class=\"topiclist topics\"" if style == "forum" else ("ol class=\"search-results\"" if style == "search" else "div class=\"cards\"")
    close = wrap.split()[0]
    pager = "<nav class=\"pagination\"><a href=\"?page=2\">2</a><a href=\"?page=3\">3</a><a href=\"?page=2\">»</a></nav>"
    return f"<div class=\"listing listing--{style}\"><h1 class=\"listing__title\">{heading}</h1>{intro}<{wrap}>{''.join(cards)}</{close}>{pager}</div>"


# ---------------------------------------------------------------- write

def build():
    OUT.mkdir(parents=True, exist_ok=True)
    gold = {}
    for n, s in enumerate(SPECS):
        rng = random.Random(f"unseen3-{s['name']}")
        s["around"] = s["pub_dt"]
        s["published_dt"] = s["pub_dt"]
        if s["kind"] in ("zendesk", "freshdesk"):
            s["paras"] = HELP_PROSE[s["lang"]]
        else:
            s["paras"] = lead(s["lang"], s["topic"], rng, 6, s["prefix"])
        if s["kind"] == "amp":
            s.setdefault("css", 40)
        if s["kind"] in ("wp", "arc", "drupal", "bem", "wire", "amp"):
            s["main"] = main_html(s["kind"], s, rng)
        else:
            s["main"] = special_main(s, rng)
        s.setdefault("css", rng.choice([90, 120, 160, 220, 300, 450]))
        html = page(s, rng)
        (OUT / f"{s['name']}.html").write_text(html, encoding="utf-8")
        pub = s["pub_dt"].isoformat() if s["has_time"] else s["pub_dt"].date().isoformat()
        first = s["paras"][0]
        gold[s["name"]] = {"file": f"unseen3/{s['name']}.html", "url": s["url"], "http_charset": None, "title": s["title"], "author": s["author"],
                           "published": pub, "updated": s["upd"].isoformat() if s["upd"] else None, "lang": s["locale"].split("-")[0].lower(),
                           "contains": (first[len(s["prefix"]):] if s["prefix"] else first)[:40], "not_contains": UI[s["lang"]]["rights"],
                           "is_listing": False, "group": "unseen3"}
    for name, lang, locale, site, sitename, url, heading, style in LISTINGS:
        rng = random.Random(f"unseen3-{name}")
        spec = dict(name=name, lang=lang, locale=locale, site=site, sitename=sitename, url=url, title=heading, around=datetime(2023, 6, 20, tzinfo=ROME),
                    main=listing_main(name, lang, site, heading, style, rng), og_type="website", published_dt=None, bodycls="listing-page",
                    widget=style == "section", css=rng.choice([100, 200, 300]))
        (OUT / f"{name}.html").write_text(page(spec, rng), encoding="utf-8")
        gold[name] = {"file": f"unseen3/{name}.html", "url": url, "http_charset": None, "title": None, "author": None, "published": None, "updated": None,
                      "lang": lang, "contains": None, "not_contains": UI[lang]["rights"], "is_listing": True, "group": "unseen3"}
    (HERE / "expected_unseen3.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold


if __name__ == "__main__":
    g = build()
    sizes = sorted((OUT / v["file"].split("/")[1]).stat().st_size for v in g.values())
    print(len(g), "pages;", sum(1 for v in g.values() if v["is_listing"]), "listings; sizes", sizes[0], "-", sizes[-1])
