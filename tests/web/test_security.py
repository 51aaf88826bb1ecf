"""Headers on every response, no inline script or style, and document text kept as text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.web.security import CONTENT_SECURITY_POLICY
from tests.web.factories import event_id
from tests.web.html import parse

PAGES = ["/", "/?actor=militia", f"/events/{event_id(5)}", "/documents/d0c0000000000001",
         "/documents/d0c0000000000002", f"/events/{event_id(100)}", "/?from=bad", "/events/nope"]


@pytest.mark.parametrize("path", [*PAGES, "/api/events", "/healthz", "/static/app.css", "/static/htmx.min.js"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("path", PAGES)
def test_no_inline_script_or_style(client: TestClient, path: str) -> None:
    elements = parse(client.get(path).text)
    scripts = [e for e in elements if e.tag == "script"]
    assert scripts and all(e.attrs.get("src", "").startswith("/static/") and not e.text.strip() for e in scripts)
    assert not [e for e in elements if e.tag == "style" or "style" in e.attrs]
    assert not [e for e in elements for name in e.attrs if name.startswith("on")]


def test_htmx_is_vendored_and_configured_for_the_csp(client: TestClient) -> None:
    page = client.get("/").text
    assert '"allowEval": false' in page and '"includeIndicatorStyles": false' in page
    assert '"allowScriptTags": false' in page
    script = client.get("/static/htmx.min.js")
    assert script.status_code == 200 and 'version:"2.0.11"' in script.text
    assert ".htmx-indicator" in client.get("/static/app.css").text


def test_document_text_is_escaped(client: TestClient) -> None:
    page = client.get("/documents/d0c0000000000002").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "&lt;i&gt;Hostile&lt;/i&gt; &amp;amp; co" not in page and "&lt;i&gt;Hostile&lt;/i&gt; &amp; co" in page
    assert 'href="javascript:' not in page


def test_event_title_and_excerpt_are_escaped(client: TestClient) -> None:
    for path in ["/", f"/events/{event_id(100)}", "/documents/d0c0000000000002"]:
        page = client.get(path).text
        assert "<script>alert" not in page


def test_json_keeps_the_raw_text(client: TestClient) -> None:
    event = client.get(f"/api/events/{event_id(100)}").json()
    assert event["title"] == "<script>alert(2)</script>"


def test_templates_never_bypass_escaping_or_inline_style() -> None:
    from app.resources import TEMPLATES_DIR

    for template in TEMPLATES_DIR.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, template.name
        assert "style=" not in source and "<style" not in source, template.name
