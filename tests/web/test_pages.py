"""The home page and the incident timeline page (/incidents/<slug>)."""

import re

import pytest

JANUARY, JUNE = "postarapida-2023-01", "postarapida-2023-06"


@pytest.fixture
async def page(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}")
    assert response.status_code == 200
    return response.text


def _event(page, sentence_start):
    """The HTML of the event whose quoted sentence contains the given words."""
    for chunk in page.split('<li class="event ')[1:]:
        if sentence_start in chunk:
            return chunk
    raise AssertionError(f"no event with {sentence_start!r}")


def _entry(page, sentence_start):
    """The HTML of the grouped entry (several reports of one happening on one day) quoting these words."""
    for chunk in page.split('<li class="happening entry ')[1:]:
        if sentence_start in chunk.split('class="reports"')[-1] or sentence_start in chunk:
            return chunk.split('<li class="happening entry ')[0]
    raise AssertionError(f"no grouped entry with {sentence_start!r}")


async def test_home_lists_incidents(ds):
    response = await ds.client.get("/")
    assert f'href="/incidents/{JANUARY}"' in response.text


async def test_home_lists_second_incident(ds):
    response = await ds.client.get("/")
    assert f'href="/incidents/{JUNE}"' in response.text


async def test_home_document_counts(ds):
    response = await ds.client.get("/")
    assert "7 documenti" in response.text


async def test_home_event_counts(ds):
    response = await ds.client.get("/")
    assert "11 date trovate" in response.text


async def test_page_title(page):
    assert "<h1>Posta Rapida: la posta non funziona (gennaio 2023)</h1>" in page


async def test_page_summary(page):
    assert "milioni di caselle restano irraggiungibili" in page


async def test_days_in_order(page):
    days = re.findall(r'data-day="([0-9-]+)"', page)
    assert days == sorted(days) and len(days) == 6


async def test_day_heading_is_local_day(page):
    assert "domenica 22 gennaio 2023" in page


async def test_june_incident_not_on_january_page(page):
    assert "giugno" not in page.split('<ol class="days">')[1]


async def test_time_at_minute_precision(page):
    assert ">20:30</time>" in _event(page, "tutte le caselle erano")


async def test_approx_time_shown_as_approximate(page):
    assert ">verso le 16:00</time>" in _event(page, "prima parte degli utenti")


async def test_approx_time_precision_class(page):
    assert "precision-approx" in _event(page, "prima parte degli utenti")


async def test_part_of_day(page):
    assert ">mattina</time>" in _event(page, "Presidenza del Consiglio")


async def test_day_only_event_has_no_time(page):
    assert "<time datetime" not in _event(page, "abbiamo inviato una diffida").split('<div class="what">')[0]


async def test_deadline_shown_as_before(page):
    assert ">entro il 26 gen</time>" in _event(page, "Contiamo di ripristinare")


async def test_interval_shows_both_ends(page):
    assert ">26 gen → 28 gen</time>" in _event(page, "il ripristino è andato avanti")


async def test_corroboration_count_per_day(page):
    assert '<span class="corroboration"' in _entry(page, "Caselle irraggiungibili")


async def test_grouped_entry_counts_its_sources(page):
    assert "2 fonti</span>" in _entry(page, "Caselle irraggiungibili")


async def test_grouped_entry_lists_every_report(page):
    assert "Tutte le citazioni (2)" in _entry(page, "Caselle irraggiungibili")


async def test_disagreement_shown(page):
    assert "le fonti indicano" in _entry(page, "Caselle irraggiungibili")


async def test_disagreement_links_other_day(page):
    assert "22 gen (2 fonti)</a>" in _entry(page, "Caselle irraggiungibili")


async def test_summary_at_top(page):
    assert 'class="key-moments"' in page.split('<section class="band main"')[0]


async def test_summary_outage_start_contested(page):
    section = page.split('class="key-moments"')[1].split("</section>")[0]
    assert "le fonti non concordano sul giorno" in section


async def test_summary_lists_provider_documents(page):
    assert "Aggiornamento sul disservizio della posta" in page.split('class="key-moments"')[1].split("</section>")[0]


async def test_summary_first_report(page):
    assert "Prima notizia" in page


async def test_summary_hidden_when_filtering(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=deadline")
    assert 'class="key-moments"' not in response.text


async def test_other_hidden_by_default(page):
    assert 'data-category="other"' not in page


async def test_other_toggle_in_form(page):
    assert 'name="other" value="1"' in page


async def test_disagreement_summary(page):
    assert "22 gen (2 fonti)" in page.split('class="disagreements"')[1]


async def test_source_link(page):
    assert 'href="https://quotidianonord.example/tecnologia/23_gennaio_23/posta-rapida-guasto.shtml"' in page


async def test_legend_lists_categories(page):
    assert 'class="cat cat-restoration_partial' in page.split('class="legend"')[1]


async def test_expression_marked_in_sentence(page):
    assert "<mark>Sabato 28 gennaio alle 20:30</mark>" in page


async def test_category_filter_keeps_only_that_category(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=restoration_partial")
    assert set(re.findall(r'data-category="([a-z_]+)"', response.text)) == {"restoration_partial"}


async def test_category_filter_count(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=restoration_partial")
    assert len(re.findall(r'<li class="event ', response.text)) == 2


async def test_source_filter(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?source=consumatori-uniti")
    assert set(re.findall(r'data-source="([a-z-]+)"', response.text)) == {"consumatori-uniti"}


async def test_filter_selected_in_form(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=deadline")
    assert '<option value="deadline" selected>' in response.text


async def test_unknown_filter_value_is_empty_not_an_error(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=%27%3B+drop+table+events")
    assert response.status_code == 200


async def test_english_labels(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?lang=en")
    assert ">about 16:00</time>" in response.text


async def test_unknown_slug_is_404(ds):
    response = await ds.client.get("/incidents/nessun-incidente")
    assert response.status_code == 404


async def test_feed_links_on_page(page, db_name):
    assert f"/{db_name}/timeline.jsonfeed?incident={JANUARY}" in page


async def test_stylesheet_served(ds):
    response = await ds.client.get("/static/timeline.css")
    assert response.status_code == 200


async def test_date_range_filter(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?from=2023-01-25&to=2023-01-26")
    assert set(re.findall(r'data-day="([0-9-]+)"', response.text)) == {"2023-01-25", "2023-01-26"}



async def test_home_coverage_is_the_documents_publication_range(ds, db_path):
    import sqlite3

    from web.plugins.timeline_page import short_day

    first, last = sqlite3.connect(db_path).execute(
        "select min(day), max(day) from documents where incident = ?", [JUNE]).fetchone()
    response = await ds.client.get("/")
    assert f"pubblicati dal {short_day(first)} {first[:4]} al {short_day(last)} {last[:4]}" in response.text
