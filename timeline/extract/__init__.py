"""Article extraction: title, author, publication dates, language, text, listing-ness (and a page's
links).

>>> from incident_timeline.extract import extract_article, extract_page, decode_html, Article, Page
"""

from .article import Article, Page, extract_article, extract_page
from .encoding import decode_html

__all__ = ["Article", "Page", "decode_html", "extract_article", "extract_page"]
