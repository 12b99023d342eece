"""decode_html: BOM, declared charsets (validated), guesses favouring cp1252 for Western text."""

import codecs

import pytest
from incident_timeline.extract import decode_html, extract_article
from scrapy.http import HtmlResponse

ITALIAN = (
    "<html><body><h1>La responsabilità è del fornitore</h1><p>Perché la posta non funziona più? "
    "Così dicono gli utenti: è un disservizio, città per città.</p></body></html>"
)


def test_undeclared_cp1252_is_not_read_as_cp1250():
    text = decode_html(ITALIAN.encode("cp1252"))
    assert "responsabilità" in text and "responsabilitŕ" not in text and " č " not in text


def test_scrapy_guess_vs_ours_on_undeclared_cp1252():
    body = ITALIAN.encode("cp1252")
    response = HtmlResponse("https://example.it/a", body=body)
    # whatever Scrapy guesses, extraction from the raw body must be right
    assert "responsabilità" in extract_article(response.body, response.url).title


def test_meta_latin1_means_cp1252():
    body = '<meta charset="iso-8859-1"><p>Costa 5 € al mese</p>'.encode("cp1252")
    assert "5 € al mese" in decode_html(body)


def test_http_ascii_means_cp1252():
    assert "città" in decode_html("<p>città</p>".encode("cp1252"), "us-ascii")


def test_utf8_with_lying_latin1_header():
    body = "<p>Publié le 25 janvier : dédommagement réclamé</p>".encode()
    assert "dédommagement réclamé" in decode_html(body, "ISO-8859-1")


def test_lying_utf8_declaration_falls_back_to_cp1252():
    body = '<meta charset="utf-8"><p>La responsabilità è tua, perché sì.</p>'.encode("cp1252")
    assert "responsabilità è tua" in decode_html(body)


@pytest.mark.parametrize(
    "bom,codec",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_bom_wins(bom, codec):
    assert decode_html(bom + "<p>perché</p>".encode(codec), "iso-8859-1") == "<p>perché</p>"


def test_central_european_text_stays_cp1250():
    body = "<p>Příliš žluťoučký kůň úpěl ďábelské ódy. Šéf řekl, že to stačí.</p>".encode("cp1250")
    assert "žluťoučký" in decode_html(body)


def test_truncated_utf8_is_still_utf8():
    body = "<p>la città è ferma</p><p>perché".encode()[:-1]
    assert "la città è ferma" in decode_html(body)


def test_unknown_declared_charset_is_ignored():
    assert "città" in decode_html('<meta charset="x-nonsense"><p>città</p>'.encode())


def test_wrong_type():
    with pytest.raises(TypeError):
        decode_html(12)
