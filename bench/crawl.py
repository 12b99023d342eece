"""Crawl throughput: the whole crawl (fetch, extract, tag dates, store) against `scrapy bench`.

    .venv/bin/python bench/crawl.py                       # 2,000 articles, concurrency 16
    .venv/bin/python bench/crawl.py --articles 300 --bench-seconds 5      # quick
    .venv/bin/python bench/crawl.py --profile             # also write a pyinstrument profile

Generates a synthetic Italian news site (paginated listings, JSON-LD NewsArticle pages
with several dates each and the incident keywords), serves it on 127.0.0.1 with a
threaded HTTP server, runs ``timeline crawl`` on it as a subprocess (wall time, peak
memory) and ``scrapy bench`` (the baseline, the same machine, the same run), and prints
pages per minute for both and their ratio. Output goes to bench/output/crawl/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OUTPUT = ROOT / "bench" / "output" / "crawl"
GOAL_RATIO, FLOOR_RATIO = 0.8, 0.5

# --- the synthetic site --------------------------------------------------------------------

WEEKDAYS = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
MONTHS = (
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
).split()
SERVICES = ["Libero Mail", "Virgilio Mail", "la posta di Libero", "le caselle di Virgilio"]
PEOPLE = [
    "un portavoce di Italiaonline",
    "l'amministratore delegato",
    "un tecnico dell'azienda",
    "la responsabile delle relazioni esterne",
    "il garante per la privacy",
    "un'associazione di consumatori",
]
CITIES = "Milano Torino Roma Napoli Bologna Firenze Bari Palermo Genova Verona".split()
TOPICS = ["il guasto", "il disservizio", "il blocco", "l'interruzione", "il malfunzionamento"]
# Sentences of the generated articles; {date}, {time}, {weekday} and friends are filled per article.
SENTENCES = [
    "{Service} è rimasta irraggiungibile da {weekday} mattina, quando migliaia di utenti hanno "
    "segnalato errori di accesso.",
    "Secondo {person}, {topic} è cominciato {date} intorno alle {time} e ha colpito soprattutto la "
    "webmail.",
    "Nella notte tra {weekday} e {weekday2} i tecnici hanno avviato il ripristino dei server di "
    "archiviazione.",
    "Italiaonline ha comunicato che il servizio sarà riattivato gradualmente entro {date2}.",
    "A {city} molti professionisti raccontano di non aver potuto leggere le fatture arrivate per "
    "posta elettronica.",
    "Le associazioni dei consumatori chiedono un indennizzo per {topic} che dura ormai da {days} "
    "giorni.",
    "Alle {time2} di {weekday2} la pagina di stato indicava ancora problemi per una parte delle "
    "caselle.",
    "Il {date} {person} aveva assicurato che nessun messaggio era andato perduto.",
    "Gli utenti di {Service} possono intanto usare l'applicazione per smartphone, che funziona a "
    "singhiozzo.",
    "Da {weekday} scorso l'azienda pubblica aggiornamenti due volte al giorno, alle {time} e alle "
    "{time2}.",
    "{topic_cap} ha riguardato circa nove milioni di account, secondo le stime diffuse {date2}.",
    "Il ripristino completo, annunciato per {date2}, è slittato di almeno {days} giorni.",
    "Sui social network la protesta è cresciuta di ora in ora, con migliaia di messaggi sotto "
    "l'hashtag dedicato.",
    "La procura di {city} ha aperto un fascicolo dopo l'esposto presentato {date}.",
    "Il Codacons ha annunciato un'azione collettiva se entro {date2} non arriveranno risposte "
    "chiare.",
    "Chi ha un abbonamento a pagamento riceverà uno sconto, ha spiegato {person} {date}.",
    "I primi segnali del problema risalgono a {weekday} {date}, poco dopo le {time}.",
    "Il servizio clienti ha ricevuto più di diecimila chiamate nelle prime ventiquattro ore.",
    "Secondo gli esperti di sicurezza non si tratta di un attacco informatico ma di un errore "
    "durante la migrazione dei dati.",
    "A distanza di {days} giorni, {Service} funziona di nuovo per quasi tutti gli utenti.",
]
BOILERPLATE = (
    "Il Notiziario Tecnologico è una testata registrata presso il tribunale di Milano. "
    "Tutti i diritti riservati. Informativa sulla privacy e gestione dei cookie. "
    "Abbonati alla newsletter per ricevere ogni mattina le notizie del giorno."
)


def article_slug(i: int) -> str:
    return f"/2023/01/posta-bloccata-aggiornamento-{i}/"


def article(i: int, articles: int, rng: random.Random) -> tuple[str, str]:
    """(headline, HTML) of article ``i``: 8–14 sentences in paragraphs, several dates, JSON-LD."""
    published = dt.datetime(2023, 1, 20, 7, 0) + dt.timedelta(
        minutes=rng.randrange(0, 60 * 24 * 25)
    )

    def day_phrase(offset: int) -> str:
        d = published.date() + dt.timedelta(days=offset)
        return f"{'il ' if rng.random() < 0.5 else ''}{d.day} {MONTHS[d.month - 1]}" + (
            f" {d.year}" if rng.random() < 0.4 else ""
        )

    slots = {
        "weekday": WEEKDAYS[(published.weekday() - rng.randrange(0, 3)) % 7],
        "weekday2": WEEKDAYS[(published.weekday() + 1) % 7],
        "date": day_phrase(-rng.randrange(0, 4)),
        "date2": day_phrase(rng.randrange(1, 5)),
        "time": f"{rng.randrange(6, 23)}:{rng.choice(['00', '15', '30', '45'])}",
        "time2": f"{rng.randrange(6, 23)}:{rng.choice(['05', '20', '40', '50'])}",
        "person": rng.choice(PEOPLE),
        "city": rng.choice(CITIES),
        "days": rng.randrange(2, 12),
    }
    service, topic = rng.choice(SERVICES), rng.choice(TOPICS)
    slots.update(
        service=service,
        Service=service[0].upper() + service[1:],
        topic=topic,
        topic_cap=topic[0].upper() + topic[1:],
    )
    sentences = [s.format(**slots) for s in rng.sample(SENTENCES, rng.randrange(8, 15))]
    paragraphs = [" ".join(sentences[k : k + 2]) for k in range(0, len(sentences), 2)]
    service = rng.choice(["Libero Mail", "Virgilio Mail"])
    headline = (
        f"{service}: {topic} continua, {slots['city']} tra le città più colpite (aggiornamento {i})"
    )
    related = "".join(
        f'<li><a href="{article_slug(j)}">Posta bloccata, gli aggiornamenti del caso numero '
        f"{j}</a></li>"
        for j in rng.sample(range(max(i - 50, 0), min(i + 50, articles)), 3)
    )
    meta = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "datePublished": published.strftime("%Y-%m-%dT%H:%M:00+01:00"),
        "author": {
            "@type": "Person",
            "name": rng.choice(["Giulia Ferri", "Marco Bianchi", "Elena Russo"]),
        },
        "mainEntityOfPage": article_slug(i),
    }
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        headline,
        f"""<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>{headline} - Il Notiziario</title>
<meta property="og:type" content="article"><meta property="og:title" content="{headline}">
<script type="application/ld+json">{json.dumps(meta, ensure_ascii=False)}</script>
<link rel="stylesheet" href="/static/style.css"></head>
<body><header><a href="/">Il Notiziario</a><nav><ul><li><a href="/">Prima pagina</a></li>
<li><a href="/pagina/2/">Archivio</a></li></ul></nav></header>
<main><article><h1>{headline}</h1><p class="byline">di {meta["author"]["name"]} ·
<time datetime="{meta["datePublished"]}">{published.day} {MONTHS[published.month - 1]}
{published.year}, {published:%H:%M}</time></p>
{body}</article>
<aside class="related"><h3>Leggi anche</h3><ul>{related}</ul></aside></main>
<footer><p>{BOILERPLATE}</p></footer></body></html>""",
    )


def listing(number: int, pages: int, headlines: list[tuple[int, str]]) -> str:
    teasers = "".join(
        f'<article class="teaser"><h2><a href="{article_slug(i)}">{h}</a></h2>'
        f"<p>Gli ultimi aggiornamenti sul disservizio della posta elettronica.</p></article>"
        for i, h in headlines
    )
    pager = " ".join(
        f'<a href="{"/" if n == 1 else f"/pagina/{n}/"}">{n}</a>' for n in range(1, pages + 1)
    )
    nxt = f'<link rel="next" href="/pagina/{number + 1}/">' if number < pages else ""
    return f"""<!doctype html>
<html lang="it"><head><meta charset="utf-8">
<title>Tecnologia - pagina {number} - Il Notiziario</title>{nxt}</head>
<body><header><a href="/">Il Notiziario</a></header><main><h1>Tecnologia</h1>{teasers}
<nav class="pagination">{pager}</nav></main><footer><p>{BOILERPLATE}</p></footer></body></html>"""


def generate_site(folder: Path, articles: int, per_page: int = 20, seed: int = 2023) -> int:
    """Write the site under ``folder``; return the number of pages (listings + articles)."""
    rng = random.Random(seed)
    headlines = []
    for i in range(articles):
        headline, html = article(i, articles, rng)
        path = folder / article_slug(i).strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, "utf-8")
        headlines.append((i, headline))
    pages = -(-articles // per_page)
    for number in range(1, pages + 1):
        path = folder / ("index.html" if number == 1 else f"pagina/{number}/index.html")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            listing(number, pages, headlines[(number - 1) * per_page : number * per_page]), "utf-8"
        )
    (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    return articles + pages


class CountingHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real origin

    def log_message(self, *args):
        with self.server.lock:
            self.server.requests += 1


def serve(folder: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CountingHandler, directory=str(folder)))
    server.daemon_threads = True
    server.requests, server.lock = 0, threading.Lock()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- running and measuring -----------------------------------------------------------------


def run_measured(
    command: list[str], cwd: Path, log: Path, env: dict | None = None
) -> tuple[float, int, int]:
    """Run ``command``; return (wall seconds, peak RSS in MB of that process, exit code)."""
    started = time.monotonic()
    with open(log, "w") as out:
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - started, usage.ru_maxrss // 1024, proc.returncode


def scrapy_bench(seconds: int, concurrency: int) -> dict:
    """Run ``scrapy bench`` outside the project (own settings) for ``seconds``; parse its stats."""
    log = OUTPUT / "scrapy-bench.log"
    with tempfile.TemporaryDirectory() as empty:
        wall, rss, code = run_measured(
            [
                str(BIN / "scrapy"),
                "bench",
                "-s",
                f"CLOSESPIDER_TIMEOUT={seconds}",
                "-s",
                "LOGSTATS_INTERVAL=1",
                "-s",
                f"CONCURRENT_REQUESTS={concurrency}",
            ],
            Path(empty),
            log,
        )
    text = log.read_text()
    if code != 0:
        raise SystemExit(f"scrapy bench failed (exit {code}); see {log}")
    rates = [int(m) for m in re.findall(r"Crawled \d+ pages \(at (\d+) pages/min\)", text)]
    responses = int(re.search(r"'response_received_count': (\d+)", text).group(1))
    elapsed = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", text).group(1))
    steady = sorted(rates[2:] or rates)  # the first intervals are the warm-up
    return {
        "pages": responses,
        "seconds": elapsed,
        "per_minute": responses / elapsed * 60,
        "steady_per_minute": steady[len(steady) // 2] if steady else None,
        "peak_mb": rss,
        "wall": wall,
    }


def timeline_crawl(site_url: str, concurrency: int, profile: bool) -> dict:
    config, db = OUTPUT / "sources.yml", OUTPUT / "timeline.db"
    for leftover in OUTPUT.glob("timeline.db*"):
        leftover.unlink()
    config.write_text(
        "incident:\n  slug: posta-bench\n  title: Posta elettronica bloccata (benchmark)\n"
        "  timezone: Europe/Rome\n  keywords: [libero mail, virgilio, italiaonline]\n"
        "  window: {start: 2023-01-15, end: 2023-03-31}\n"
        f"sources:\n  - name: notiziario\n    kind: news\n    start_urls: ['{site_url}']\n",
        "utf-8",
    )
    crawl = [
        "crawl",
        "--config",
        str(config),
        "--db",
        str(db),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        f"CONCURRENT_REQUESTS={concurrency}",
        "-s",
        f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
    ]
    if profile:
        command = [
            str(BIN / "pyinstrument"),
            "-r",
            "text",
            "-o",
            str(OUTPUT / "profile.txt"),
            "-m",
            "incident_timeline.cli",
            *crawl,
        ]
    else:
        command = [str(BIN / "timeline"), *crawl]
    log = OUTPUT / ("crawl-profiled.log" if profile else "crawl.log")
    wall, rss, code = run_measured(command, ROOT, log, env={**os.environ, "PYTHONPATH": str(ROOT)})
    text = log.read_text()
    if code != 0:
        raise SystemExit(f"timeline crawl failed (exit {code}); see {log}")
    finished = re.search(
        r"Crawl finished in ([\d.]+) s: (\d+) pages fetched · (\d+) documents stored", text
    )
    seconds, pages, stored = (
        float(finished.group(1)),
        int(finished.group(2)),
        int(finished.group(3)),
    )
    with sqlite3.connect(db) as conn:
        documents, events = conn.execute(
            "select (select count(*) from documents), (select count(*) from events)"
        ).fetchone()
    return {
        "pages": pages,
        "seconds": seconds,
        "wall": wall,
        "per_minute": pages / seconds * 60,
        "wall_per_minute": pages / wall * 60,
        "stored": stored,
        "documents": documents,
        "events": events,
        "peak_mb": rss,
    }


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    mem = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem / 1024:.1f} GB RAM, Python {sys.version.split()[0]}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles",
        type=int,
        default=2000,
        help="article pages in the synthetic site (default 2000)",
    )
    parser.add_argument("--per-page", type=int, default=20, help="teasers per listing page")
    parser.add_argument(
        "--concurrency", type=int, default=16, help="CONCURRENT_REQUESTS for both crawls"
    )
    parser.add_argument("--bench-seconds", type=int, default=20, help="how long scrapy bench runs")
    parser.add_argument(
        "--profile",
        action="store_true",
        help=(
            "run the crawl a second time under pyinstrument;"
            " report in bench/output/crawl/profile.txt"
        ),
    )
    args = parser.parse_args(argv)

    OUTPUT.mkdir(parents=True, exist_ok=True)
    site = Path(tempfile.mkdtemp(prefix="timeline-bench-site-"))
    try:
        total = generate_site(site, args.articles, args.per_page)
        size = sum(p.stat().st_size for p in site.rglob("*.html"))
        print(f"Machine: {machine()}")
        print(
            f"Site: {total} pages ({args.articles} articles, {total - args.articles} listings), "
            f"{size / total / 1024:.1f} KB per page on average, in {site}"
        )
        server = serve(site)
        url = f"http://127.0.0.1:{server.server_port}/"

        baseline = scrapy_bench(args.bench_seconds, args.concurrency)
        print(
            f"scrapy bench: {baseline['pages']} pages in {baseline['seconds']:.1f} s = "
            f"{baseline['per_minute']:.0f} pages/min (steady {baseline['steady_per_minute']} "
            "pages/min), "
            f"peak {baseline['peak_mb']} MB"
        )

        server.requests = 0
        ours = timeline_crawl(url, args.concurrency, profile=False)
        print(
            f"timeline crawl: {ours['pages']} pages in {ours['seconds']:.1f} s = "
            f"{ours['per_minute']:.0f} pages/min "
            f"(wall {ours['wall']:.1f} s with start-up and corroboration = "
            f"{ours['wall_per_minute']:.0f} pages/min), "
            f"{ours['documents']} documents, {ours['events']} events, peak {ours['peak_mb']} MB; "
            f"origin served {server.requests} requests"
        )
        if ours["documents"] != args.articles:
            print(
                f"  WARNING: expected {args.articles} documents, the database has "
                f"{ours['documents']}"
            )
        ratio = ours["per_minute"] / baseline["per_minute"]
        verdict = (
            "met"
            if ratio >= GOAL_RATIO
            else ("below goal, above floor" if ratio >= FLOOR_RATIO else "BELOW FLOOR")
        )
        print(
            f"ratio timeline/scrapy bench: {ratio:.2f}× (goal ≥ {GOAL_RATIO}×, floor "
            f"{FLOOR_RATIO}×): {verdict}"
        )
        if args.profile:
            profiled = timeline_crawl(url, args.concurrency, profile=True)
            print(
                f"profiled crawl: {profiled['per_minute']:.0f} pages/min under pyinstrument; "
                f"report: {OUTPUT / 'profile.txt'}"
            )
        server.shutdown()
    finally:
        shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
