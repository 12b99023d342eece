"""The ``from`` and ``to`` days of the incident page and the timeline query (page, JSON, CSV,
feeds) in the forms people write them, or a 400 that shows the expected form — never a
silently empty page.

    ?from=25/01/2023  ?from=25 gennaio 2023  ?from=January 25, 2023  ?from=2023-01-25T10:00
        → from=2023-01-25 (the request goes on with the ISO day)
    ?from=31/02/2023  ?from=ieri  ?from=2023-02-01&to=2023-01-25
        → 400: "… write it as 2023-01-25, 25/01/2023 or 25 gennaio 2023"
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Request, Response
from incident_timeline.labels import MONTHS, language

PARAMETERS = ("from", "to")
#: The pages whose from/to are days: the incident page and the timeline query in any format.
PATHS = re.compile(r"^/(incidents/[^/]+|[^/]+/timeline(\.\w+)?)$")
MONTH_NUMBERS = {name.lower(): n for names in MONTHS.values() for n, name in enumerate(names, 1)}
MONTH_NUMBERS.update({name[:3]: n for name, n in list(MONTH_NUMBERS.items())})
MONTH_NUMBERS.update(
    {"sept": 9, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9, "ott": 10, "dic": 12}
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_WORDS_DAY_FIRST = re.compile(
    r"^(?:[^\W\d]+,?\s+)?(\d{1,2})(?:°|º|st|nd|rd|th)?\s+([^\W\d]+)\.?,?\s+(\d{4})$"
)
_WORDS_MONTH_FIRST = re.compile(
    r"^(?:[^\W\d]+,?\s+)?([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$"
)


def parse_day(text: str) -> dt.date | None:
    """A day written as ISO (a time after it is ignored), day first with / . or -, or in
    Italian or English words, optionally with the weekday; None if it is none of these or
    not a real day.

    >>> parse_day("25 gennaio 2023"), parse_day("Wednesday, January 25, 2023")
    (datetime.date(2023, 1, 25), datetime.date(2023, 1, 25))
    """
    text = " ".join(str(text).split()).lower()
    year = month = day = None
    if match := _ISO.match(text) or _YEAR_FIRST.match(text):
        year, month, day = (int(g) for g in match.groups()[:3])
    elif match := _DAY_FIRST.match(text):
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
    elif match := _WORDS_DAY_FIRST.match(text):
        day, month, year = (
            int(match.group(1)),
            MONTH_NUMBERS.get(match.group(2)),
            int(match.group(3)),
        )
    elif match := _WORDS_MONTH_FIRST.match(text):
        month, day, year = (
            MONTH_NUMBERS.get(match.group(1)),
            int(match.group(2)),
            int(match.group(3)),
        )
    try:
        return dt.date(year, month, day) if year and month and day else None
    except ValueError:
        return None


def problem(name: str, value: str, lang: str) -> str:
    if lang == "it":
        return (
            f"La data «{value}» in «{name}» non è valida: scrivila come 2023-01-25, "
            f"25/01/2023 oppure 25 gennaio 2023."
        )
    return (
        f"The date “{value}” in “{name}” is not valid: write it as 2023-01-25, 25/01/2023 "
        f"or 25 January 2023."
    )


def normalised(query: str, lang: str) -> tuple[str, str | None]:
    """The query string with from/to as ISO days, and the problem with them, if any."""
    args = parse_qsl(query, keep_blank_values=True)
    days = {}
    out = []
    for key, value in args:
        if key in PARAMETERS and value.strip():
            day = parse_day(value)
            if day is None:
                return query, problem(key, value, lang)
            days[key] = day
            value = day.isoformat()
        out.append((key, value))
    if len(days) == 2 and days["from"] > days["to"]:
        return query, (
            f"«from» ({days['from']}) viene dopo «to» ({days['to']}): nessun giorno è compreso."
            if lang == "it"
            else f"“from” ({days['from']}) comes after “to” ({days['to']}): no day is in between."
        )
    return urlencode(out), None


async def _bad_request(datasette, scope, receive, send, message):
    path = scope.get("path", "")
    if path.endswith(".json"):
        response = Response(
            json.dumps({"ok": False, "error": message, "status": 400}),
            status=400,
            content_type="application/json; charset=utf-8",
        )
    elif "." in path.rsplit("/", 1)[-1]:
        response = Response.text(message, status=400)
    else:
        # This wrapper runs before Datasette's CSRF layer, which would give the page its token.
        request = Request(dict(scope, csrftoken=lambda: ""), receive)
        await datasette.invoke_startup()  # done once; the wrapper may answer before Datasette has
        body = await datasette.render_template(
            "error.html",
            {"ok": False, "error": message, "status": 400, "title": None},
            request=request,
        )
        response = Response.html(body, status=400)
    await response.asgi_send(send)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def date_params(scope, receive, send):
            query = scope.get("query_string", b"").decode("latin-1")
            if (
                scope.get("type") == "http"
                and PATHS.match(scope.get("path", ""))
                and any(f"{name}=" in query for name in PARAMETERS)
            ):
                args = dict(parse_qsl(query))
                lang = language(
                    args.get("lang"), "it" if scope["path"].startswith("/incidents/") else "en"
                )
                fixed, message = normalised(query, lang)
                if message:
                    return await _bad_request(datasette, scope, receive, send, message)
                scope = dict(scope, query_string=fixed.encode("latin-1"))
            await app(scope, receive, send)

        return date_params

    return wrap
