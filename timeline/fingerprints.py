"""Request fingerprints that let each channel read a page once, whatever the other channels did.

One spider crawls the whole incident (spiders/incident.py), so one duplicate filter sees
every request. A page listed by a feed, a sitemap or GDELT comes with what the channel
knows of it (its date, its title): filtered because the site channel fetched it first, it
would lose that (an undated page dated only by its sitemap entry would be dropped). So a
channel's page request names its channel in meta (``SCOPE``) and its fingerprint includes
it: each channel reads a page once, as when every channel was its own spider.

    REQUEST_FINGERPRINTER_CLASS = "incident_timeline.fingerprints.ChannelFingerprinter"
"""

from __future__ import annotations

import hashlib

from scrapy.utils.request import RequestFingerprinter

# Meta key: the channel whose duplicate filter a request belongs to (absent: the crawl's).
SCOPE = "timeline_dedupe_scope"


def scoped(fingerprint: bytes, request) -> bytes:
    """``fingerprint`` made distinct for the request's channel, when it names one."""
    scope = request.meta.get(SCOPE)
    return (
        hashlib.sha1(fingerprint + b"\0" + scope.encode("utf-8")).digest() if scope else fingerprint
    )


class ChannelFingerprinter(RequestFingerprinter):
    """Scrapy's fingerprints, made distinct per channel for the requests that name one."""

    def fingerprint(self, request) -> bytes:
        return scoped(super().fingerprint(request), request)
