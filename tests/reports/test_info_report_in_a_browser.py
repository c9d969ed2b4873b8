"""The SEN information report's web page opened in a real headless browser (Debian's
Chromium), which lays it out and styles it; a small script then checks what a screen reader and
a reader with low vision get: the language, headings in order, alternative text, table captions
and headers, link text and the contrast of every piece of text as the browser draws it.

Nothing is fetched: the page is a local file and the browser runs with its network features
off. Without Chromium (``make test`` installs it as root) the test is skipped and says why."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from factories import photo_png

from sencodesk.reports import info_report_html as page
from sencodesk.services import info_report, school
from sencodesk.services.context import Desk

CHECK = Path(__file__).with_name("a11y_check.js")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--dump-dom")


def _browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed: `make test` run as root installs it "
                    "(apt-get install chromium)")
    return found


def checked_in_browser(html: str, tmp_path: Path) -> dict[str, object]:
    """Open ``html`` (with the check script added at the end of its body) in headless
    Chromium and return the script's findings."""
    script = f"<script>{CHECK.read_text(encoding='utf-8')}</script>"
    target = tmp_path / "page.html"
    target.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    profile = tmp_path / "profile"
    done = subprocess.run(
        [_browser(), *FLAGS, f"--user-data-dir={profile}", target.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    # the last one: the script's own source (in the dump too) names the element
    found = re.findall(r'<pre id="a11y-result">(.*?)</pre>', done.stdout, re.S)
    assert found, f"the browser gave no result (exit {done.returncode}): {done.stderr[-600:]}"
    text = found[-1].replace("&quot;", '"').replace("&lt;", "<").replace(
        "&gt;", ">").replace("&amp;", "&")
    result: dict[str, object] = json.loads(text)
    return result


def test_the_information_report_passes_in_chromium(demo_desk: Desk, tmp_path: Path) -> None:
    info_report.set_text(demo_desk, "complaints", "Talk to the class teacher first.")
    school.set_logo(demo_desk, photo_png())  # an image, whose alternative text is checked
    html = page.info_report_html(info_report.gather(demo_desk)).decode("utf-8")
    result = checked_in_browser(html, tmp_path)
    assert result["problems"] == []
    facts = result["facts"]
    assert isinstance(facts, dict)
    assert facts["lang"] == "en-GB"
    assert facts["headings"][0] == 1 and facts["tables"] >= 1 and facts["images"] == 1
    assert facts["texts_checked"] > 50 and facts["lowest_contrast"] >= 4.5


def test_the_check_finds_what_a_bad_page_gets_wrong(tmp_path: Path) -> None:
    bad = ("<!DOCTYPE html><html><head><title>x</title></head><body>"
           "<h2>Skipped the h1</h2><h4>and h3</h4>"
           '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
           "<table><tr><td>no headers</td></tr></table>"
           '<p style="color:#999999">pale grey on white</p>'
           '<a href="#x"></a></body></html>')
    problems = checked_in_browser(bad, tmp_path)["problems"]
    assert isinstance(problems, list)
    words = " ".join(problems)
    for expected in ("no valid lang", "first heading is not h1", "jumps from h2 to h4",
                     "has no alt", "table 1 has no caption", "table 1 has no header cells",
                     "contrast 2.85 < 4.5", "a link has no text"):
        assert expected in words, expected
