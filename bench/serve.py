"""A million documents: how fast `timeline serve` answers on a big database, against raw SQLite.

    .venv/bin/python bench/serve.py                       # 1,000,000 documents (built once, then
    cached)
    .venv/bin/python bench/serve.py --documents 20000     # quick
    .venv/bin/python bench/serve.py --rebuild             # build the database again

Builds a database of synthetic documents (a title and ~1–2 KB of Italian text each, ~3
events each, two incidents) through the project's own store (TimelineStore.save_documents)
and key moments, caches it as bench/output/serve-<N>.db, starts the real ``timeline
serve`` on a free loopback port, and times the searches (rare and common words, the
``search`` canned query and the documents table's ``_search=``), the ``timeline`` canned
query for one day, the incident page and the table JSON, each beside the same SQL run
directly with sqlite3. Prints p50/p95 and the ratios.

The bulk build drops the full-text triggers, loads, rebuilds the FTS index in one pass and
puts the triggers back (``bulk_fts``): the same index as the triggers would give, built
several times faster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from incident_timeline.config import Incident  # noqa: E402
from incident_timeline.store import TimelineStore  # noqa: E402

BIN = Path(sys.executable).parent
OUTPUT = ROOT / "bench" / "output"
INCIDENTS = [
    Incident(
        slug="posta-2023",
        title="Posta elettronica bloccata, gennaio 2023",
        keywords=("libero mail",),
        window_start=dt.date(2023, 1, 15),
        window_end=dt.date(2023, 3, 31),
    ),
    Incident(
        slug="rete-2024",
        title="Rete mobile irraggiungibile, marzo 2024",
        keywords=("rete mobile",),
        window_start=dt.date(2024, 3, 1),
        window_end=dt.date(2024, 4, 30),
    ),
]
SOURCES = [f"testata-{n:02d}" for n in range(40)]
KINDS = ["news"] * 8 + ["provider", "consumer", "regulator", "status"]
CATEGORIES = (
    "outage_start provider_statement cause restoration_partial restoration_complete "
    "deadline consumer_action regulator_action compensation other".split()
)
ACTORS = ["provider", "media", "consumer_association", "regulator", "users"]
MONTHS = (
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
).split()
SENTENCES = [
    "Il servizio di posta è rimasto irraggiungibile per molte ore e gli utenti hanno segnalato "
    "errori di accesso.",
    "L'azienda ha spiegato che il guasto riguarda i sistemi di archiviazione e che i tecnici "
    "lavorano senza sosta.",
    "Le associazioni dei consumatori chiedono un indennizzo per chi usa la casella per lavoro.",
    "Secondo il portavoce il ripristino sarà graduale e richiederà ancora qualche giorno.",
    "Molti professionisti raccontano di aver perso fatture, contratti e comunicazioni degli uffici "
    "pubblici.",
    "Sui social network la protesta è cresciuta di ora in ora con migliaia di messaggi.",
    "Gli esperti escludono un attacco informatico e parlano di un errore durante la migrazione dei "
    "dati.",
    "La pagina di stato indicava ancora problemi per una parte degli utenti nella serata.",
    "Il garante ha chiesto chiarimenti sulla sicurezza dei messaggi conservati nei server.",
    "Chi ha un abbonamento a pagamento riceverà uno sconto sul prossimo rinnovo.",
    "L'applicazione per smartphone funziona a singhiozzo, mentre il sito resta lento.",
    "Il servizio clienti ha ricevuto più di diecimila chiamate nelle prime ventiquattro ore.",
    "La procura ha aperto un fascicolo dopo l'esposto presentato da un gruppo di utenti.",
    "I tecnici hanno completato la copia dei dati su nuovi dischi e avviato le verifiche.",
    "Le caselle aziendali sono state le prime a tornare in funzione, poi quelle gratuite.",
    "Il disservizio ha colpito anche la rete mobile in alcune regioni del sud.",
]
TIME_PHRASES = [
    "il {d} {m}",
    "dal {d} {m}",
    "alle {h}:{mi} del {d} {m}",
    "entro il {d} {m}",
    "nella notte del {d} {m}",
]
SYLLABLES = "ba ce di fo gu la me ni po ru sa te vi zo tri glo".split()
RARE_WORDS = 5000  # each document carries one of these code words: ~1/5000 of the documents each


def rare_word(n: int) -> str:
    """A made-up word, deterministic in ``n`` ('bacedizo' …), that no sentence contains."""
    word, k = "", n + 5000
    while k:
        k, r = divmod(k, len(SYLLABLES))
        word += SYLLABLES[r]
    return word + "ex"


def synthetic_documents(count: int, seed: int = 1):
    """``(document, events)`` pairs: half per incident, ~1–2 KB of text, ~3 events each."""
    rng = random.Random(seed)
    for i in range(count):
        incident = INCIDENTS[i % 2]
        start = incident.window_start
        published = dt.datetime(start.year, start.month, start.day, 6) + dt.timedelta(
            minutes=rng.randrange(60 * 24 * 40)
        )
        day = published.date()
        sentences = rng.sample(SENTENCES, rng.randrange(9, 15))
        sentences.insert(
            rng.randrange(len(sentences)),
            f"Il codice della segnalazione è {rare_word(rng.randrange(RARE_WORDS))}.",
        )
        events = []
        for _ in range(rng.choice((2, 3, 3, 4))):
            when = day - dt.timedelta(days=rng.randrange(0, 5))
            hour, minute = rng.randrange(0, 24), rng.choice((0, 15, 30, 45))
            phrase = rng.choice(TIME_PHRASES).format(
                d=when.day, m=MONTHS[when.month - 1], h=hour, mi=f"{minute:02d}"
            )
            position = rng.randrange(len(sentences))
            sentences[position] = (
                f"{phrase.capitalize()} {sentences[position][0].lower()}{sentences[position][1:]}"
            )
            moment = dt.datetime(when.year, when.month, when.day, hour, minute)
            timed = ":" in phrase
            events.append(
                {
                    "origin": "text",
                    "text": phrase,
                    "value": moment.strftime("%Y-%m-%dT%H:%M") if timed else when.isoformat(),
                    "type": "TIME" if timed else "DATE",
                    "mod": None,
                    "earliest": (
                        moment if timed else dt.datetime(when.year, when.month, when.day)
                    ).strftime("%Y-%m-%dT%H:%M:%S+01:00"),
                    "latest": (
                        moment
                        if timed
                        else dt.datetime(when.year, when.month, when.day, 23, 59, 59)
                    ).strftime("%Y-%m-%dT%H:%M:%S+01:00"),
                    "day": when.isoformat(),
                    "sentence": sentences[position],
                    "category": rng.choice(CATEGORIES),
                    "actor": rng.choice(ACTORS),
                    "modality": "happened",
                    # the three times, as the events stage writes them for a date in the text
                    "reported_at": published.strftime("%Y-%m-%dT%H:%M:00+01:00"),
                    "happened_at": (
                        moment if timed else dt.datetime(when.year, when.month, when.day)
                    ).strftime("%Y-%m-%dT%H:%M:%S+01:00"),
                    "happened_earliest": (
                        moment if timed else dt.datetime(when.year, when.month, when.day)
                    ).strftime("%Y-%m-%dT%H:%M:%S+01:00"),
                    "happened_latest": (
                        moment
                        if timed
                        else dt.datetime(when.year, when.month, when.day, 23, 59, 59)
                    ).strftime("%Y-%m-%dT%H:%M:%S+01:00"),
                    "happened_precision": "minute" if timed else "day",
                    "happened_day": when.isoformat(),
                }
            )
        text = " ".join(sentences)
        source = rng.choice(SOURCES)
        yield (
            {
                "url": f"https://{source}.example/{day:%Y/%m/%d}/notizia-{i}/",
                "incident": incident.slug,
                "source": source,
                "kind": rng.choice(KINDS),
                "title": (
                    f"{rng.choice(['Libero Mail', 'Virgilio', 'La rete mobile'])}: "
                    f"{sentences[0][:60].rstrip()} ({i})"
                ),
                "author": rng.choice(["Giulia Ferri", "Marco Bianchi", "Elena Russo", None]),
                "published": published.strftime("%Y-%m-%dT%H:%M:00+01:00"),
                "updated": None,
                "published_precision": "minute",
                "day": day.isoformat(),
                "lang": "it",
                "text": text,
                "found_via": "page",
                "fetched_at": "2024-05-01T00:00:00+00:00",
            },
            events,
        )


@contextmanager
def bulk_fts(store: TimelineStore):
    """Drop the FTS triggers for a bulk load, then rebuild the index in one pass, restore them."""
    db = store.db
    triggers = {
        name: sql
        for name, sql in db.execute(
            "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'documents'"
        ).fetchall()
    }
    for name in triggers:
        db.execute(f"drop trigger [{name}]")
    try:
        yield
    finally:
        with db.conn:
            db.execute("insert into documents_fts(documents_fts) values ('rebuild')")
            for sql in triggers.values():
                db.execute(sql)


def build(path: Path, count: int) -> None:
    """Build the database at ``path`` through the project's store, batched; key moments included."""
    import sqlite_utils
    from incident_timeline.key_moments import rebuild_story

    partial = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    store = TimelineStore(partial)
    for incident in INCIDENTS:
        store.save_incident(incident)
    started = time.monotonic()
    with bulk_fts(store):
        done = 0
        batch = 20_000
        generator = synthetic_documents(count)
        while done < count:
            done += store.save_documents(
                (next(generator) for _ in range(min(batch, count - done))), batch_size=5000
            )
            rate = done / (time.monotonic() - started)
            print(f"  … {done:,} documents stored ({rate:,.0f}/s)", file=sys.stderr, flush=True)
    loaded = time.monotonic()
    print(
        f"  documents and events in {loaded - started:.0f} s (FTS index rebuilt in one pass)",
        file=sys.stderr,
    )
    db = sqlite_utils.Database(partial)
    rebuild_story(db)
    finished = time.monotonic()
    print(f"  key moments rebuilt in {finished - loaded:.0f} s", file=sys.stderr)
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    store.close()
    partial.rename(path)
    for suffix in ("-wal", "-shm"):
        leftover = partial.with_name(partial.name + suffix)
        if leftover.exists():
            leftover.unlink()
    print(
        f"Built {path} ({path.stat().st_size / 1e9:.2f} GB) in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )


# --- measuring -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def timeline_server(db: Path):
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "timeline"), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/-/versions.json", None, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def raw_sqlite_app(db: Path):
    """The baseline server: an ASGI app that runs the SQL it is POSTed on sqlite3 and answers
    the rows as JSON — nothing else (no routing, permissions, metadata, templates, threads).

    The request body is ``[[sql, params], …]``; the answer is one list of rows per query.
    """
    conn = raw_connection(db)

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while (message := await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        answer = json.dumps(
            [conn.execute(sql, params).fetchall() for sql, params in json.loads(body)]
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(answer)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": answer})

    return app


@contextmanager
def raw_sqlite_server(db: Path):
    """``raw_sqlite_app`` on a free loopback port, in its own process, run by uvicorn as
    ``timeline serve`` runs Datasette."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--raw-server", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, [["select 1", {}]], proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def wait_until_up(url: str, body, proc: subprocess.Popen, timeout: float = 300) -> None:
    """Poll ``url`` until it answers (POST ``body`` if given), or fail with the server's error
    output."""
    deadline = time.monotonic() + timeout
    data = json.dumps(body).encode() if body is not None else None
    while True:
        try:
            urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=5).read()
            return
        except OSError as error:
            if proc.poll() is not None or time.monotonic() > deadline:
                output = proc.stderr.read().decode()[-2000:]
                raise SystemExit(f"{url} did not start: {output}") from error
            time.sleep(0.2)


def post_queries(base: str, queries: list[tuple[str, dict]]) -> bytes:
    """The raw server's answer to ``queries``."""
    request = urllib.request.Request(
        base, data=json.dumps(queries).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


ERRORS: dict[str, int] = {}


def fetch(url: str) -> bytes:
    """The body of ``url``; an HTTP error (e.g. Datasette's time limit) is counted, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        key = f"HTTP {error.code} {urllib.parse.urlsplit(url).path}"
        ERRORS[key] = ERRORS.get(key, 0) + 1
        return error.read()


def timed(run, repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls (after one warm-up call)."""
    run(0)
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        run(i)
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def raw_connection(db: Path) -> sqlite3.Connection:
    """sqlite3 on the same file, read-only, with the SQL functions the queries use (ours and
    Datasette's)."""
    from datasette.utils import escape_fts
    from incident_timeline.sql_functions import register

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    register(conn)
    conn.create_function("escape_fts", 1, escape_fts)
    return conn


def canned_sql(name: str) -> str:
    import yaml

    return yaml.safe_load((ROOT / "metadata.yml").read_text("utf-8"))["databases"]["timeline"][
        "queries"
    ][name]["sql"]


class Tracer:
    """The SQL statements, with their parameters, that Datasette runs on ``db`` to answer a
    path: an in-process Datasette configured as ``timeline serve``'s, its tracer on, one
    warm-up request first so that start-up work is not counted."""

    def __init__(self, db: Path):
        import asyncio

        from incident_timeline.serve import database_name, datasette_for

        self.ds, self.name = datasette_for(db), database_name(db)
        self.loop = asyncio.new_event_loop()

    def statements(self, path: str) -> list[tuple[str, dict]]:
        return self.loop.run_until_complete(self._capture(path))

    async def _capture(self, path: str) -> list[tuple[str, dict]]:
        from datasette.tracer import capture_traces

        await self.ds.client.get(path)
        traces = []
        with capture_traces(traces):
            response = await self.ds.client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        return [
            (t["sql"], t["params"] or {})
            for t in traces
            if t.get("type") == "sql" and t.get("database") == self.name
        ]


def datasette_extras(page: dict) -> str:
    """What Datasette ran beside the table query, from a sample of its JSON."""
    facets = len(page.get("facet_results") or {})
    counted = page.get("filtered_table_rows_count") is not None
    return (
        f"Datasette also computes {facets} facet{'s' if facets != 1 else ''}; "
        f"match count {'shown' if counted else 'not computed'}"
    )


def measure(db: Path, repeat: int) -> list[dict]:
    """Each measurement three ways: through ``timeline serve``; the same SQL through the
    baseline server (``raw_sqlite_app``: HTTP on the same loopback, no Datasette); the same
    SQL on sqlite3 in this process (no HTTP at all)."""
    name = db.stem
    conn = raw_connection(db)
    rng = random.Random(7)
    rare = [rare_word(rng.randrange(RARE_WORDS)) for _ in range(repeat + 1)]
    common = "servizio utenti posta tecnici guasto ripristino azienda messaggi".split()
    day = "2023-01-24"
    results = []
    tracer = Tracer(db)
    with timeline_server(db) as base, raw_sqlite_server(db) as raw_base:

        def row(label: str, http_run, queries, note: str = "") -> None:
            """``queries(i)``: the SQL and parameters of request i, as Datasette runs them."""
            # Each request reads its own pages of a 7 GB file: read them all once first, so that
            # no side is timed on a cold page cache the side before it warmed for the next.
            for i in range(repeat):
                for sql, params in queries(i):
                    conn.execute(sql, params).fetchall()
            served = timed(http_run, repeat)
            raw_served = timed(lambda i: post_queries(raw_base, queries(i)), repeat)
            direct = timed(
                lambda i: [conn.execute(sql, params).fetchall() for sql, params in queries(i)],
                repeat,
            )
            results.append(
                {
                    "what": label,
                    "p50": percentile(served, 50),
                    "p95": percentile(served, 95),
                    "served_p50": percentile(raw_served, 50),
                    "served_p95": percentile(raw_served, 95),
                    "raw_p50": percentile(direct, 50),
                    "raw_p95": percentile(direct, 95),
                    "note": note,
                }
            )
            r = results[-1]
            print(
                f"  {label:<42} {r['p50']:8.1f} {r['p95']:8.1f} {r['served_p50']:8.1f} "
                f"{r['raw_p50']:8.1f}"
                f" {ratio(r, 'served_p50'):6.1f}× {ratio(r, 'raw_p50'):6.1f}×",
                file=sys.stderr,
                flush=True,
            )

        search = canned_sql("search")
        for label, words in (("rare", rare), ("common", common)):
            row(
                f"search canned query, {label} word",
                lambda i, w=words: fetch(
                    f"{base}/{name}/search.json?"
                    + urllib.parse.urlencode({"q": w[i % len(w)], "incident": ""})
                ),
                lambda i, w=words: [(search, {"q": w[i % len(w)], "incident": ""})],
            )
        # The table search's statements depend on the word (big_tables.py picks a plan by
        # how many rows match): trace each request's.
        for label, words in (("rare", rare), ("common", common)):
            urls = [
                f"/{name}/documents.json?"
                + urllib.parse.urlencode({"_search": words[i % len(words)]})
                for i in range(repeat)
            ]
            statements = [tracer.statements(url) for url in urls]
            row(
                f"documents.json?_search=, {label} word",
                lambda i, u=urls: fetch(base + u[i]),
                lambda i, s=statements: s[i],
                note=f"raw: the {len(statements[0])} statements Datasette runs "
                "(plan chosen by match count); "
                "no facets; match count not computed",
            )
        for label, words in (("rare", rare), ("common", common)):
            row(
                f"documents search box (HTML), {label} word",
                lambda i, w=words: fetch(
                    f"{base}/{name}/documents?" + urllib.parse.urlencode({"_search": w[i % len(w)]})
                ),
                lambda i, w=words: [(search, {"q": w[i % len(w)], "incident": ""})],
                note="big table: redirected to the search query, followed",
            )
        timeline_params = {
            "incident": INCIDENTS[0].slug,
            "category": "",
            "source": "",
            "from": day,
            "to": day,
            "lang": "",
        }
        timeline = canned_sql("timeline")
        row(
            "timeline canned query, one day",
            lambda i: fetch(
                f"{base}/{name}/timeline.json?" + urllib.parse.urlencode(timeline_params)
            ),
            lambda i: [(timeline, timeline_params)],
        )
        page = tracer.statements(f"/incidents/{INCIDENTS[0].slug}")
        row(
            f"incident page /incidents/{INCIDENTS[0].slug}",
            lambda i: fetch(f"{base}/incidents/{INCIDENTS[0].slug}"),
            lambda i: page,
            note=f"raw: the {len(page)} statements the page runs, their rows as JSON (no HTML)",
        )
        for table, extra in (("events", ""), ("documents", "sorted by published desc; ")):
            sample = json.loads(fetch(f"{base}/{name}/{table}.json"))
            statements = tracer.statements(f"/{name}/{table}.json")
            row(
                f"table JSON /{table}.json",
                lambda i, t=table: fetch(f"{base}/{name}/{t}.json"),
                lambda i, q=statements: q,
                note=f"raw: the {len(statements)} statements Datasette runs; "
                + extra
                + datasette_extras(sample),
            )
    return results


def goal_lines(results: list[dict]) -> list[str]:
    """The issue's three goals, judged on this run's rows (each group named, none left out)."""

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    ranked = [
        r for r in results if r["what"].startswith(("search canned query", "documents search box"))
    ]
    table_search = [r for r in results if r["what"].startswith("documents.json?_search=")]
    page = next(r for r in results if r["what"].startswith("incident page"))
    html = [r for r in results if "(HTML)" in r["what"]]
    served_side = [r for r in results if r not in html]
    worst = max(served_side, key=lambda r: ratio(r, "served_p50"))
    worst_html = max(html, key=lambda r: ratio(r, "served_p50"), default=None)
    within = [r for r in results if ratio(r, "raw_p50") <= 3]
    lines = [
        "Goal: search p50 < 50 ms",
        "  ranked search (search.json, and the search box): "
        f"{verdict(all(r['p50'] < 50 for r in ranked))}"
        f" — worst {max(r['p50'] for r in ranked):.0f} ms",
        f"  Datasette's table search API (documents.json?_search=, every match, by date): "
        f"{verdict(all(r['p50'] < 50 for r in table_search))} — "
        + ", ".join(
            f"{r['what'].split(', ')[1]} {r['p50']:.0f} ms (raw SQL {r['raw_p50']:.0f} ms)"
            for r in table_search
        ),
        f"Goal: incident page < 100 ms: {verdict(page['p50'] < 100)} ({page['p50']:.0f} ms)",
        "Goal: Datasette within 3× raw SQLite",
        f"  against the same SQL served by a bare ASGI app (JSON requests, incident page): "
        f"{verdict(ratio(worst, 'served_p50') <= 3)} — worst {ratio(worst, 'served_p50'):.1f}× "
        f"({worst['what']})",
    ]
    if worst_html:
        lines.append(
            f"  Datasette's HTML result pages: worst {ratio(worst_html, 'served_p50'):.1f}× "
            f"({worst_html['what']})"
        )
    lines.append(
        f"  against sqlite3 in this process, no HTTP: within 3× for {len(within)} of "
        f"{len(results)} "
        f"(those whose SQL takes ≥ {min((r['raw_p50'] for r in within), default=0):.0f} ms)"
    )
    return lines


def ratio(result: dict, baseline: str) -> float:
    return result["p50"] / max(result[baseline], 0.01)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument(
        "--rebuild", action="store_true", help="build the database again even if cached"
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per measurement")
    parser.add_argument(
        "--raw-server", metavar="DB", help=argparse.SUPPRESS
    )  # the baseline server's own process
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.raw_server:
        import uvicorn

        uvicorn.run(
            raw_sqlite_app(Path(args.raw_server)),
            host="127.0.0.1",
            port=args.port,
            log_level="warning",
            lifespan="on",
            workers=1,
        )
        return 0
    OUTPUT.mkdir(parents=True, exist_ok=True)
    db = OUTPUT / f"serve-{args.documents}.db"
    if args.rebuild or not db.exists():
        print(f"Building {args.documents:,} documents into {db} …", file=sys.stderr)
        build(db, args.documents)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        documents, events, moments = conn.execute(
            "select (select count(*) from documents), (select count(*) from events), "
            "(select count(*) from key_moments)"
        ).fetchone()
    print(
        f"Database: {db} — {documents:,} documents, {events:,} events, {moments:,} key moments, "
        f"{db.stat().st_size / 1e9:.2f} GB"
    )
    print(
        f"  {'what':<42} {'p50 ms':>8} {'p95 ms':>8} {'served':>8} {'in-proc':>8} {'÷served':>7} "
        f"{'÷in-proc':>7}",
        file=sys.stderr,
    )
    results = measure(db, args.repeat)
    print()
    print(
        "| what | timeline serve p50 / p95 (ms) | raw SQLite served p50 / p95 (ms) | raw SQLite "
        "in-process p50 / p95 (ms) "
        "| ratio to raw served (p50) | ratio to raw in-process (p50) | note |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['what']} | {r['p50']:.1f} / {r['p95']:.1f} | {r['served_p50']:.1f} / "
            f"{r['served_p95']:.1f} | "
            f"{r['raw_p50']:.1f} / {r['raw_p95']:.1f} | {ratio(r, 'served_p50'):.1f}× | "
            f"{ratio(r, 'raw_p50'):.1f}× | {r['note']} |"
        )
    if ERRORS:
        print(f"HTTP errors (timed anyway): {ERRORS}")
    print()
    for line in goal_lines(results):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
