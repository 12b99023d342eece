"""Find the parts of a page: the headline, the article region, and boilerplate to ignore."""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree

from .titles import meta_content, strip_site_name

SKIP_TAGS = set(
    "script style noscript template iframe svg button select form nav footer aside "
    "figcaption".split()
)
# one word of a class name (split at spaces, "-" and "_"), searched in the whole string at once
BOILERPLATE_WORD_RE = re.compile(
    r"(?:^|[\s_-])(?:comments?|commenti|commentaires|kommentare?|comentarios|comentários|"
    r"komentarze?|reacties|reactions|discussione?|discussions?|diskussion|replies|related|"
    r"correlati|correlate|sidebar|"
    r"footer|cookies?|consent|gdpr|share|sharing|social|newsletter|promo|adv|ads|advert|"
    r"advertising|"
    r"banner|breadcrumbs?|menu|nav|navbar|navigation|taboola|outbrain|recommended|recommendations|"
    r"popular|"
    r"mostread|trending|subscribe|ticker|disqus|reply|respond|masthead|topbar|aside|feedback|"
    r"rating|ratings|helpful|utile|survey|poll|vote|"
    r"piede|legal|copyright|colophon|credits|disclaimer|impressum|contentinfo|complementary|dialog|"
    r"alertdialog)(?=$|[\s_-])"
)
BOILERPLATE_PHRASE_RE = re.compile(
    r"leggi.?anche|read.?more|also.?read|more.?stories|more.?news|ti.?potrebbe|"
    r"potrebbe.?interessarti|"
    r"mehr.?zum|weitere.?artikel|lire.?aussi|a.?lire|te.?puede|most.?read|piu.?lett|top.?bar|"
    r"site.?header|"
    r"header.?date|today.?date|data.?oggi|page.?header.?date|cookie|comment|related|sidebar|footer",
    re.IGNORECASE,
)
BLOCK_TAGS = set(
    "p div section article main header h1 h2 h3 h4 h5 h6 li ul ol table tr td th "
    "blockquote pre br dd dt dl figure time address hr".split()
)
# a class value starting with "widget" names a sidebar box ("widget widget_recent_entries"); after a
# prefix ("elementor-widget-text-editor") it is a page builder's block, a story's too
WIDGET_RE = re.compile(r"(?:^|\s)widgets?(?=$|[\s_-])")
WEAK_WIDGET_RE = re.compile(r"[_-]widgets?(?=$|[\s_-])")
# class values that set spacing or alignment, not a kind of box: "padding-bottom", "space-bottom"
MODIFIER_RE = re.compile(r"margin|padding|offset|spac(?:e|ing)|gutter|align")
# a box named for comments stays boilerplate even when it outweighs the story (long threads)
COMMENT_TOKEN_RE = re.compile(
    r"comment|kommentar|reacties|replies|disqus|discussion|diskussion|discussione"
)
# a boilerplate-named element holding this share of its region's prose is the story's container
STORY_SHARE = 0.5
STORY_MIN = 400
# a paragraph this long (outside links) is prose; a teaser's blurb or date line is shorter
PROSE_PARAGRAPH = 80
# a box named for where it sits ("page-bottom", "tip-bottom-container"): the page's foot, unless it
# holds the page's headline (a layout's lower half, where the story begins)
POSITION_WORD_RE = re.compile(r"(?:^|[\s_-])(?:bottom|fondo)(?=$|[\s_-])")
SITE_HEADER_RE = re.compile(r"[\s_-]*(?:header|site|top)(?:$|[\s_-])")
HEADLINE_MIN = 15
# paragraph text that marks an ancestor of the headline as the article (not a header box)
REGION_PROSE = 400
# levels above a header box with prose (a long standfirst) where the story's run is looked for
RUN_CLIMB = 2
# more elements than this under one parent: a story or a page section, not a teaser card
TEASER_NODES = 24
ARTICLE_ITEMTYPE_RE = re.compile(r"Article|Posting|Report", re.I)
# a heading that introduces other stories (the whole heading, in 11 languages)
READ_ALSO_HEADING_RE = re.compile(
    r"\W*(?:read (?:also|more|next)|also read|see also|related(?: articles| stories| news| posts)?|"
    r"more (?:stories|news|articles)|more (?:from|on|in) [\w' ]{1,40}|you (?:may|might) also like|"
    r"recommended(?: for you)?|leggi anche|potrebbe interessarti|ti potrebbe interessare|"
    r"articoli correlati|notizie correlate|altre notizie|lesen sie auch|mehr zum thema|"
    r"weitere artikel|das könnte sie auch interessieren|à lire aussi|a lire aussi|"
    r"sur le même sujet|voir aussi|te puede interesar|noticias relacionadas|lee también|"
    r"leia também|veja também|notícias relacionadas|lees ook|gerelateerde artikelen|czytaj też|"
    r"czytaj także|zobacz też|zobacz także|przeczytaj też|läs också|relaterade artiklar)\W*$",
    re.IGNORECASE,
)
READ_ALSO_HEADING_MAX = 60


# attribute-axis paths: libxml2 looks at attribute nodes only, 1.6-2.5x faster than testing every
# element
# with a predicate (".//*[@class or @id]"); same elements, same document order, the context node
# left out
CLASSED_XPATH = etree.XPath("(descendant::*/@class|descendant::*/@id)/..")
# the class, id and role strings themselves (each knows its element): most elements are judged
# by their names alone
NAME_VALUES_XPATH = etree.XPath("descendant::*/@class|descendant::*/@id|descendant::*/@role")
ITEMPROP_XPATH = etree.XPath("descendant::*/@itemprop/..")
REL_AUTHOR_XPATH = etree.XPath('descendant::*/@rel[.="author"]/..')
# the length test first: libxml2 looks at the ancestors of long text nodes only
LONG_TEXT_XPATH = etree.XPath(
    "descendant::text()[string-length(normalize-space(.)) >= 80]"
    "[not(ancestor::a|ancestor::script|ancestor::style)]"
)


XML_DECLARATION_RE = re.compile(r"\s*<\?xml[^>]*>")


def parse(html: str) -> lxml.html.HtmlElement | None:
    """Parse HTML text once into an lxml tree (None if there is nothing to parse).

    >>> parse("<p>ciao</p>").tag
    'html'
    """
    # each of these used to copy or scan the whole page (re.sub tries every position, strip()
    # copies):
    # ~0.08 ms on a 70 KB page, now only the first bytes are looked at unless there is something to
    # fix
    declaration = XML_DECLARATION_RE.match(html)
    if declaration:
        html = html[declaration.end() :]  # lxml refuses str input with an encoding declaration
    if "\x00" in html:
        html = html.replace("\x00", "")
    if not html or html.isspace():
        return None
    try:
        tree = lxml.html.document_fromstring(html, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None
    return tree


PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
)
# lxml.html picks each element's Python class in a Python callback (forms, inputs, labels get their
# own
# classes) every time an element is touched; we need none of those classes, so a C-level default
# lookup
# gives every element lxml.html's HtmlElement (text_content and the rest) without the per-element
# call
PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def classes(el) -> str:
    """The class, id and role of an element as one lowercase string."""
    get = el.get
    found = [value for value in (get("class"), get("id"), get("role")) if value]
    return " ".join(found).lower() if found else ""


def is_boilerplate(el) -> bool:
    """True for navigation, sidebars, comments, related boxes, cookie banners and footers.

    >>> is_boilerplate(parse('<div class="related-articles">x</div>').find(".//div"))
    True
    """
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS:
        return True
    if tag == "header":
        return not is_article_header(el)
    attrs = classes(el)
    if not attrs:
        return False
    verdict = boilerplate_attrs(attrs)
    if verdict == "site-header":
        return not has_headline(el)
    if verdict == "widget":
        return not holds_prose(el)
    if verdict == "position":
        return not any(len(h.text_content().strip()) >= HEADLINE_MIN for h in el.iter("h1"))
    return verdict == "yes"


@lru_cache(maxsize=4096)
def boilerplate_attrs(attrs: str) -> str:
    """Verdict on a class/id/role string alone: 'yes', 'no', 'site-header' (boilerplate unless it
    holds the headline), 'position' (boilerplate unless it holds an h1 headline) or 'widget'
    (boilerplate unless it holds prose)."""
    if MODIFIER_RE.search(attrs):
        attrs = " ".join(value for value in attrs.split() if not MODIFIER_RE.search(value))
    if (
        BOILERPLATE_WORD_RE.search(attrs)
        or BOILERPLATE_PHRASE_RE.search(attrs)
        or WIDGET_RE.search(attrs)
    ):
        return "yes"
    if WEAK_WIDGET_RE.search(attrs):
        return "widget"
    if POSITION_WORD_RE.search(attrs):
        return "position"
    if SITE_HEADER_RE.match(attrs):
        return "site-header"
    return "no"


def holds_prose(el) -> bool:
    """True if an element holds a paragraph, or a run of text, of prose length (outside links)."""
    return paragraph_chars(el) >= PROSE_PARAGRAPH or text_block_chars(el) >= PROSE_PARAGRAPH


def is_article_header(el) -> bool:
    """True for a <header> that introduces the article rather than the site (no menu, a real
    headline)."""
    if any(a.tag in ("article", "main") for a in el.iterancestors()):
        return True
    return el.find(".//nav") is None and has_headline(el)


def has_headline(el) -> bool:
    """True if the element holds a real headline (not a logo in an h1)."""
    return any(len(h.text_content().strip()) >= HEADLINE_MIN for h in el.iter("h1", "h2"))


def in_boilerplate(el) -> bool:
    """True if the element or one of its ancestors is boilerplate."""
    while el is not None:
        if is_boilerplate(el):
            return True
        el = el.getparent()
    return False


class Layout:
    """The parts of one parsed page, with boilerplate verdicts remembered (each element is judged
    once).

    >>> Layout(parse("<main><h1>Mail giù da domenica sera</h1></main>")).region.tag
    'main'
    """

    def __init__(self, tree):
        self.tree = tree
        # keeping the judged elements referenced keeps lxml's proxies stable, so they hash the same
        self.verdicts: dict = {}
        # element → whether it or an ancestor is boilerplate
        self.inside: dict = {}
        self.region = None
        self._region_line: set = set()
        self._measures: dict = {}
        self._captions = None
        self.head = headline(tree, self.in_boilerplate)
        self.region = article_region(tree, self.head)
        # the headline was looked for with verdicts taken against the whole page: now the region
        # is known
        self.verdicts.clear()
        self.inside.clear()
        self._region_line = {self.region, *self.region.iterancestors()}
        # boxes introduced by a "read also" heading are boilerplate whatever their class, unless
        # the heading sits among the story's own paragraphs
        self.read_also = [
            box
            for box in read_also_boxes(tree, self._region_line)
            if not has_story_run(box) and not self.holds_story(box)
        ]
        for box in self.read_also:
            self.verdicts[box] = True
        self._lines = None
        self._parts: list[str] = []
        self._spans: dict = {}
        self._classed = None
        self._itemprops = None

    @property
    def classed(self) -> list:
        """(element, "class id") of the article region's elements with a class or id (looked up
        once, shared by
        the byline and author scans)."""
        if self._classed is None:
            # with each element's "class id" hint, built once for the byline and author scans
            self._classed = [
                (el, " ".join(filter(None, (el.get("class"), el.get("id")))))
                for el in CLASSED_XPATH(self.region)
            ]
        return self._classed

    @property
    def itemprops(self) -> list:
        """Elements of the body with an itemprop, in document order (looked up once)."""
        if self._itemprops is None:
            body = self.tree.find("body")
            self._itemprops = ITEMPROP_XPATH(body) if body is not None else []
        return self._itemprops

    def is_boilerplate(self, el) -> bool:
        """``is_boilerplate``, except for the story's own container, whatever its class says (a
        Blogger "widget", an "l-sidebar-fixed" body segment, an ASP.NET page-wide <form>)."""
        verdict = self.verdicts.get(el)
        if verdict is None:
            verdict = self.verdicts[el] = (
                is_boilerplate(el) and not self.holds_story(el) and not self.story_part(el)
            )
        return verdict

    def story_part(self, el) -> bool:
        """True for a box inside the article region named only for where it sits in the story's
        layout ("tip-bottom-userbox", "article-header__bottom"): the page's foot is outside it
        (unless the region is the whole page), and so is a list of other stories' headlines (one
        link may be the byline's own card)."""
        region = self.region
        if region is None or region.tag == "body" or boilerplate_attrs(classes(el)) != "position":
            return False
        if not any(a is region for a in el.iterancestors()):
            return False
        return sum(is_headline_link(a) for a in el.iter("a")) < 2

    def holds_story(self, el) -> bool:
        """True for the story's container: <html>, <body>, the article region and its ancestors, or
        an element with half the prose of the region it sits in (else of the page), unless it is
        named for comments."""
        if el.tag in ("html", "body") or el in self._region_line:
            return True
        if el.tag == "figcaption":
            return self.captions_tell_story()
        if el.tag in SKIP_TAGS and el.tag != "form":
            return False
        if len(el.text_content()) < STORY_MIN:
            return False  # a share button or a small box: too short to hold a story
        inside = self.region is not None and any(a is self.region for a in el.iterancestors())
        if inside:
            scope = self.region
        else:
            scope = self.tree.find("body")
            scope = self.tree if scope is None else scope
        measure, total = self.prose_measure(scope)
        own = measure(el)
        if own < STORY_MIN or own < STORY_SHARE * total:
            return False
        return not COMMENT_TOKEN_RE.search(classes(el))

    def captions_tell_story(self) -> bool:
        """True on a gallery page: the region's captions hold most of its prose (else a caption is
        boilerplate, the credit under a picture)."""
        if self.region is None:
            return False  # the headline is still being looked for
        if self._captions is None:
            captions = sum(
                paragraph_chars(fc) or len(fc.text_content())
                for fc in self.region.iter("figcaption")
            )
            prose = paragraph_chars(self.region)
            self._captions = captions >= STORY_MIN and captions >= STORY_SHARE * prose
        return self._captions

    def prose_measure(self, scope) -> tuple:
        """How prose is measured in ``scope`` and how much it holds: long paragraphs (they tell a
        story from a box of teasers), or on pages without them long runs of text (split by <br>)."""
        known = self._measures.get(scope)
        if known is None:
            total = paragraph_chars(scope)
            if total >= STORY_MIN:
                known = (paragraph_chars, total)
            else:
                known = (text_block_chars, text_block_chars(scope))
            self._measures[scope] = known
        return known

    def in_boilerplate(self, el) -> bool:
        """True if the element or one of its ancestors is boilerplate."""
        # element-keyed dicts and inlined look-ups: this runs for every paragraph, link and text
        # node scanned
        inside, verdicts = self.inside, self.verdicts
        chain = []
        verdict = False
        while el is not None:
            known = inside.get(el)
            if known is not None:
                verdict = known
                break
            own = verdicts.get(el)
            if own is None:
                own = self.is_boilerplate(el)
            if own:
                verdict = True
                break
            chain.append(el)
            el = el.getparent()
        for seen in chain:
            inside[seen] = verdict
        return verdict

    @property
    def region_lines(self) -> list[str]:
        """The visible lines of the article region (computed once)."""
        if self._lines is None:
            self._parts, self._spans = self.text_parts(self.region)
            self._lines = split_lines(self._parts)
        return self._lines

    def lines(self, el) -> list[str]:
        """Visible text of an element outside boilerplate, one line per block.

        An element of the region that the region's own walk reached gives the same text parts in
        that walk as in a walk of its own, so its lines are cut from the region's parts instead
        of walking it again.
        """
        if self._lines is None:
            _ = self.region_lines  # the region's walk fills the parts and spans read below
        span = self._spans.get(el)
        if span is not None:
            return split_lines(self._parts[span[0] : span[1]])
        return split_lines(self.text_parts(el)[0])

    def text_parts(self, el) -> tuple[list[str], dict]:
        """The text pieces of ``walk`` (with ``self.is_boilerplate``, the verdict look-up inlined:
        this is the largest pass over the region), and the (start, end) piece span of each
        element with children reached.
        """
        parts: list[str] = []
        spans: dict = {}
        append = parts.append
        verdicts = self.verdicts

        def visit(node) -> None:
            for child in node:
                tag = child.tag
                if isinstance(tag, str):
                    verdict = verdicts.get(child)
                    if verdict is None:
                        verdict = self.is_boilerplate(child)
                    if not verdict and not is_hidden(child):
                        start = len(parts)
                        block = tag in BLOCK_TAGS
                        if block:
                            append("\n")
                        text = child.text
                        if text:
                            # "<span>Feb</span> <span>18</span><span>2009</span>": a date's parts
                            # in boxes of their own are set apart by the page's style, not by text
                            glued = parts and parts[-1][-1:].isalnum()
                            if glued and not block and text[0].isdigit():
                                append(" ")
                            append(text)
                        if len(child):
                            visit(child)
                            if block:
                                append("\n")
                            spans[child] = (start, len(parts))
                        elif block:
                            append("\n")
                if child.tail:
                    append(child.tail)

        if isinstance(el.tag, str):
            block = el.tag in BLOCK_TAGS
            if block:
                append("\n")
            if el.text:
                append(el.text)
            visit(el)
            if block:
                append("\n")
            spans[el] = (0, len(parts))
        return parts, spans


HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def is_hidden(el) -> bool:
    """True for an element the page hides from its readers (the ``hidden`` attribute, an inline
    ``display: none``): a CMS's hidden copy of the headline and its dates for search engines.

    >>> is_hidden(parse('<div style="display:none">x</div>').find(".//div"))
    True
    """
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style) and HIDDEN_STYLE_RE.search(style) is not None


def split_lines(parts: list[str]) -> list[str]:
    """Text pieces joined and cut into whitespace-normalised, non-empty lines."""
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def headline(tree, judge=in_boilerplate):
    """The element of the page's main headline.

    The first h1 outside boilerplate that agrees with the page's titles (<title>, og:title); when
    none agrees, a heading that repeats one of them (the h1 was the site's logo or another story's
    card); else a boilerplate h1 that agrees (the title over a site header's picture), the first
    h1 outside boilerplate, a boilerplate h1, itemprop=headline."""
    titles = page_titles(tree)
    first = fallback = agreeing = None
    for h in tree.iter("h1"):
        text = normalized(h.text_content())
        if len(text) < 3:
            continue
        if judge(h):
            fallback = fallback if fallback is not None else h
            if agreeing is None and titles and agrees(text, titles):
                agreeing = h
            continue
        if not titles or agrees(text, titles):
            return h
        first = first if first is not None else h
    for choice in (repeating_heading(tree, titles, judge), agreeing, first, fallback):
        if choice is not None:
            return choice
    for h in tree.xpath('//body/descendant::*/@itemprop[.="headline"]/..'):
        if h.tag not in ("meta", "link") and h.text_content().strip():
            return h
    return None


WORD_RE = re.compile(r"\w+")
# a title covering this share of a heading's words is the same headline, worded for another place
AGREEMENT = 0.5
# headings and bold lines by tag, title-classed elements through their class attribute (libxml2
# tests attribute strings, not every element); the union comes back in document order
HEADING_XPATH = etree.XPath(
    "//body//h2|//body//h3|//body//dt|//body//b|//body//strong|"
    "//body/descendant::*/@class[contains(., 'title') or contains(., 'titul') or "
    "contains(., 'titol') or contains(., 'titel') or contains(., 'tytu') or "
    "contains(., 'headline')]/.."
)


def normalized(text: str) -> str:
    """Lowercase words joined by single spaces: "Mail giù!" → "mail giù"."""
    return " ".join(WORD_RE.findall(text.lower()))


def page_titles(tree) -> list[str]:
    """The page's own titles (og:title, twitter:title, <title>), normalized, each also without its
    site name."""
    found = [meta_content(tree, "og:title"), meta_content(tree, "twitter:title")]
    title = tree.find(".//title")
    found.append(title.text_content() if title is not None else None)
    titles = []
    for text in filter(None, found):
        for variant in (text, strip_site_name(" ".join(text.split()))):
            variant = normalized(variant)
            if variant and variant not in titles:
                titles.append(variant)
    return titles


def agrees(text: str, titles: list[str]) -> bool:
    """True if a normalized heading and a title are mostly the same words, or one holds most of
    the other (a logo h1 holding only the site name is a small part of "Headline - Site": no).

    >>> title = ["libero mail down da due giorni il quotidiano"]
    >>> agrees("libero mail down da due giorni", title), agrees("il quotidiano", title)
    (True, False)
    """
    words = set(text.split())
    for title in titles:
        shorter, longer = sorted((text, title), key=len)
        if shorter in longer and len(shorter) >= AGREEMENT * len(longer):
            return True
        if len(words & set(title.split())) >= AGREEMENT * max(len(words), len(title.split())):
            return True
    return False


def repeating_heading(tree, titles: list[str], judge):
    """The first heading, bold line or title-classed element ("titulo_nota", "article-title")
    outside boilerplate that repeats most of a page title."""
    if not titles:
        return None
    longest = max(len(t) for t in titles)
    for h in HEADING_XPATH(tree):
        raw = h.text_content()
        if not HEADLINE_MIN <= len(raw) <= 2 * longest:
            continue  # too short for a headline, or a whole block of text
        text = normalized(raw)
        # not a longer heading holding the title: forum replies are "Re: <title>"
        if any(text in t and len(text) >= 0.6 * len(t) for t in titles) and not judge(h):
            return h
    return None


def article_region(tree, head):
    """The element holding the article: the <article>/<main>/schema.org Article around the
    headline, or the nearest ancestor holding the story's paragraphs, else the articleBody or <main>
    with the most prose, else the page's only <article>, else body."""
    body = tree.find("body")
    if body is None:
        body = tree
    if head is not None:
        found = region_around(head, body)
        if found is not None:
            return found
    # no headline: the story's body is the marked one, or the <main>, that says most (a page may
    # have two)
    bodies = tree.xpath('//@itemprop[.="articleBody"]/..|//main')
    if bodies:
        return max(bodies, key=paragraph_chars) if len(bodies) > 1 else bodies[0]
    articles = tree.findall(".//article")
    if len(articles) == 1:
        return articles[0]
    return body


def region_around(head, body):
    """The nearest ancestor of the headline that is an article with paragraphs, or that holds a run
    of the story's paragraphs: teaser grids, rails and comment threads around it stay out.

    A header box with a long standfirst holds prose but no run: a run one or two levels up (the
    body beside the header), or the article element around both, is the story; failing that, the
    box. An article element around only the headline and its picture gives way to the story's
    paragraphs further out."""
    paragraphless = None
    boxed = prosy = None
    above = 0  # levels climbed since the first ancestor with prose
    for anc in head.iterancestors():
        if anc is body or anc.tag == "html":
            break
        above += prosy is not None
        itemtype = anc.get("itemtype") or ""
        if prosy is not None and (anc.tag == "article" or ARTICLE_ITEMTYPE_RE.search(itemtype)):
            # however far up: the story's own article element, when it holds the run
            return anc if has_story_run(anc) else prosy
        if above > RUN_CLIMB:
            continue  # only an article element can still take the region from the box
        structural = anc.tag in ("article", "main") or ARTICLE_ITEMTYPE_RE.search(itemtype)
        if structural and boxed is None:
            if paragraph_chars(anc) or text_block_chars(anc) >= REGION_PROSE:
                return anc if prosy is None or has_story_run(anc) else prosy
            boxed = anc
        if has_story_run(anc):
            return anc
        if prosy is None and has_prose(anc):
            prosy = anc
        # a page without paragraphs (text split by <br> in divs and spans): long runs of text
        if paragraphless is None:
            paragraphless = not has_prose(body)
        if paragraphless and text_block_chars(anc) >= REGION_PROSE:
            return anc
    return prosy if prosy is not None else boxed


def paragraph_chars(el) -> int:
    """Characters of the element's prose: its paragraphs of at least 80 characters outside links
    (a teaser's blurb or date line is shorter).

    >>> div = parse("<div><p>" + "Parola " * 20 + "<a href='/x'>link</a></p><p>Corto</p></div>")
    >>> paragraph_chars(div.find(".//div"))
    140
    """
    total = 0
    for p in el.iter("p"):
        own = len(p.text_content())
        for a in p.iter("a"):
            own -= len(a.text_content())
        if own >= PROSE_PARAGRAPH:
            total += own
    return total


def text_block_chars(el) -> int:
    """Characters of the element's long runs of text outside links, wherever they sit (text split
    by <br> in divs and spans: pages without paragraphs).

    >>> div = parse("<div>" + "Parola " * 20 + "<br><a href='/x'>" + "Link " * 20 + "</a></div>")
    >>> text_block_chars(div.find(".//div"))
    139
    """
    return sum(len(text.strip()) for text in LONG_TEXT_XPATH(el))


def read_also_boxes(tree, protected: set) -> list:
    """The boxes of other stories introduced by a heading that says so ("Read also", "Related
    articles", "Mehr zum Thema", "Potrebbe interessarti"...): the nearest ancestor of such a
    heading that holds more than the heading, unless it holds the story (``protected``).

    >>> page = parse("<div class=g><h2>Read also</h2><a href=/x>Other story</a></div>")
    >>> [box.get("class") for box in read_also_boxes(page, set())]
    ['g']
    """
    boxes = []
    for heading in tree.iter("h2", "h3", "h4", "h5"):
        text = heading.text_content()
        if len(text) > READ_ALSO_HEADING_MAX or not READ_ALSO_HEADING_RE.match(text):
            continue
        box = heading.getparent()
        while box is not None and len(box) < 2:
            box = box.getparent()
        if box is not None and box not in protected and box.tag not in ("body", "html"):
            boxes.append(box)
    return boxes


def has_story_run(el, minimum: int = REGION_PROSE) -> bool:
    """True if two or more sibling paragraphs of the element hold at least `minimum` characters
    together: a story's body, not a long standfirst alone in a header box."""
    runs: dict = {}
    for p in el.iter("p"):
        parent = p.getparent()
        count, size = runs.get(parent, (0, 0))
        count, size = count + 1, size + len(p.text_content())
        if count >= 2 and size >= minimum:
            return True
        runs[parent] = (count, size)
    return False


def has_prose(el, minimum: int = REGION_PROSE) -> bool:
    """True if the element's paragraphs hold at least `minimum` characters."""
    total = 0
    for p in el.iter("p"):
        total += len(p.text_content())
        if total >= minimum:
            return True
    return False


def is_headline_link(a) -> bool:
    """True for a link whose text reads as another story's headline: four words and twenty
    characters, not an author's name."""
    text = a.text_content().strip()
    return bool(a.get("href")) and len(text) >= 20 and len(text.split()) >= 4


def is_teaser(el) -> bool:
    """True for an element beside another story's headline link (a card, a list of stories)."""
    parent = el.getparent()
    if parent is None:
        return False
    # a card is small: a byline whose parent is the whole story is not a teaser because of a "read
    # also" link
    for n, node in enumerate(parent.iter()):
        if n > TEASER_NODES or node.tag == "h1":
            return False
    return any(is_headline_link(a) for a in parent.iter("a"))


def lines(el) -> list[str]:
    """The visible text of an element outside boilerplate, one line per block.

    >>> lines(parse("<div><p>Uno</p><aside>no</aside><p>Due <b>tre</b></p></div>").find(".//div"))
    ['Uno', 'Due tre']
    """
    parts: list[str] = []
    walk(el, parts, root=True)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def walk(el, parts: list[str], root: bool = False, judge=is_boilerplate) -> None:
    if not isinstance(el.tag, str):
        return
    if not root and judge(el):
        return
    block = el.tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    if el.text:
        parts.append(el.text)
    for child in el:
        walk(child, parts, judge=judge)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")
