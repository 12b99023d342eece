"""Article extraction: title, author, publication dates, language, text, listing-ness.

>>> from timeline.extract import extract_article, decode_html, Article
"""

from .article import Article, extract_article
from .encoding import decode_html

__all__ = ["Article", "decode_html", "extract_article"]
