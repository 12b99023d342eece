"""Scrapy responses built from saved files, for testing spider callbacks without a network.

    response = file_response(PAGES / "feed.rss", "http://www.notiziario.test/feed/")
    items = list(spider.parse(response))

The response class (HtmlResponse, XmlResponse, TextResponse or plain Response) is chosen
as Scrapy's downloader would: from the headers, then the URL, then the body.
"""

from __future__ import annotations

from pathlib import Path

from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes


def file_response(
    path: str | Path, url: str, headers: dict | None = None, **request_kwargs
) -> Response:
    """A response for ``url`` whose body is the file at ``path`` (``headers`` as the server sent
    them)."""
    body = Path(path).read_bytes()
    headers = Headers(headers or {})
    response_class = responsetypes.from_args(headers=headers, url=url, body=body)
    return response_class(
        url=url, body=body, headers=headers, status=200, request=Request(url, **request_kwargs)
    )
