"""The page in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright): paste a note, see the highlights and the findings in reading order, open
one, apply a replacement, copy the note, all by keyboard too; no console errors, no
request leaves this computer, WCAG AA contrast, and it fits a phone.

Screenshots go to tmp_path, or to $NOTECHECK_SCREENSHOTS when set (docs/images/serve.png
is made that way)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium chromium-driver)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
uvicorn = pytest.importorskip("uvicorn")

from notecheck.serve.app import Engine, bind, create_app  # noqa: E402

NOTE = """Home visit to Jamie at the family home.

I will assist Mum with the LAC review paperwork next week.
Mum was non-compliant with the safety plan and Jamie was kicking off when I arrived.
Jamie appeared settled by the end of the visit.
"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--no-default-browser-check"]


@pytest.fixture(scope="module")
def server():
    engine = Engine(None, None)
    engine.start()
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = create_app(engine, host="127.0.0.1", port=port)
    instance = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert instance.started
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(15)
    engine.stop()
    sock.close()


@pytest.fixture(scope="module")
def browser_context(server, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")  # an empty --user-data-dir
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900}, locale="en-GB",
            permissions=["clipboard-read", "clipboard-write"])
        yield context
        context.close()


class Watch:
    """What the page asked for and complained about."""

    def __init__(self, page, origin: str):
        self.outside: list[str] = []
        self.errors: list[str] = []
        own = urlsplit(origin).netloc

        def route(route):
            url = urlsplit(route.request.url)
            if url.scheme in ("data", "blob") or url.netloc == own:
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture
def page(browser_context, server):
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    watch = Watch(page, server)
    page.goto(server + "/")
    yield page
    assert watch.errors == []
    assert watch.outside == []
    page.close()


def screenshots_dir(tmp_path: Path) -> Path:
    wanted = os.environ.get("NOTECHECK_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_for_findings(page, minimum: int = 1):
    page.wait_for_function(
        "n => document.querySelectorAll('#findings li').length >= n && "
        "document.getElementById('checking').hidden", arg=minimum, timeout=30_000)


def finding_texts(page) -> list[str]:
    return page.eval_on_selector_all("#findings li .finding__message", "els => els.map(e => e.textContent)")


def test_paste_a_note_and_see_highlights_and_findings_in_reading_order(page, tmp_path):
    page.locator("#note").fill(NOTE)
    wait_for_findings(page, 5)
    marks = page.eval_on_selector_all("#highlights mark", "els => els.map(e => e.textContent)")
    assert {"assist", "LAC", "non-compliant", "kicking off"} <= set(marks)
    lines = page.eval_on_selector_all(
        "#findings li .finding__meta span",
        "els => els.map(e => e.textContent).filter(t => t.startsWith('Line ')).map(t => +t.slice(5))")
    assert lines == sorted(lines) and lines[0] >= 1
    messages = finding_texts(page)
    assert any("'assist' is more formal" in m for m in messages)
    assert any("'LAC'" in m for m in messages)
    status = page.locator("#status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().split(":")[0] == f"{len(messages)} findings"
    # The highlights sit exactly under the words in the textarea.
    box = page.evaluate("""() => {
        const mark = [...document.querySelectorAll('#highlights mark')].find(m => m.textContent === 'assist');
        const note = document.getElementById('note');
        const r = mark.getBoundingClientRect(), n = note.getBoundingClientRect();
        return {left: r.left - n.left, top: r.top - n.top, noteHeight: n.height,
                backdropHeight: document.getElementById('highlights').scrollHeight};
    }""")
    assert 0 < box["left"] < 400 and 0 < box["top"] < box["noteHeight"]
    assert abs(box["backdropHeight"] - box["noteHeight"]) < 30
    # Why it matters, and what to write instead.
    label = page.locator("#findings li", has_text="'Non-compliant'").first
    label.locator("summary").click()
    assert label.locator(".details__text").is_visible()
    assert "Principle:" in label.locator(".details__text").inner_text()
    assert "What to write instead:" in label.inner_text()


def test_one_click_applies_a_replacement_and_the_note_is_checked_again(page):
    page.locator("#note").fill(NOTE)
    wait_for_findings(page, 5)
    button = page.get_by_role("button", name="Replace ‘assist’ with ‘help’")
    button.click()
    assert "I will help Mum with the LAC review" in page.locator("#note").input_value()
    page.wait_for_function("() => ![...document.querySelectorAll('#findings .finding__message')]"
                           ".some(e => e.textContent.includes(\"'assist'\"))", timeout=30_000)
    wait_for_findings(page, 3)
    assert any("'LAC'" in m for m in finding_texts(page))
    assert "Replaced ‘assist’ with ‘help’" in page.locator("#status").inner_text() or \
        "findings" in page.locator("#status").inner_text()


def test_typing_keeps_highlights_on_their_words(page):
    note = page.locator("#note")
    note.fill(NOTE)
    wait_for_findings(page, 5)
    note.press("Control+Home")
    page.keyboard.type("Today: ")
    # Before the next check answers, the marks have moved with the text.
    marks = page.eval_on_selector_all("#highlights mark", "els => els.map(e => e.textContent)")
    assert "assist" in marks and "LAC" in marks
    wait_for_findings(page, 5)
    value = note.input_value()
    start = page.evaluate("() => { const m = [...document.querySelectorAll('#highlights mark')]"
                          ".find(m => m.textContent === 'assist'); let n = 0;"
                          " for (let e = m.parentNode.firstChild; e !== m; e = e.nextSibling) n += e.textContent.length;"
                          " return n; }")
    assert value[start:start + 6] == "assist"


def test_keyboard_alone(page):
    for _ in range(15):  # Tab from the top of the page to the note
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "note":
            break
    assert page.evaluate("document.activeElement.id") == "note"
    page.keyboard.insert_text(NOTE)
    wait_for_findings(page, 5)
    # Tab on to the findings, to the first 'Show in note', and use it.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").startswith("Show in note"):
            break
    focused = page.evaluate("() => { const e = document.activeElement; const s = getComputedStyle(e);"
                            " return {text: e.textContent, background: s.backgroundColor}; }")
    assert focused["text"].startswith("Show in note")
    assert focused["background"] == "rgb(255, 221, 0)"  # the yellow focus state
    page.keyboard.press("Enter")
    selected = page.evaluate("() => { const n = document.getElementById('note');"
                             " return [document.activeElement.id, n.value.slice(n.selectionStart, n.selectionEnd)]; }")
    assert selected[0] == "note" and selected[1] in focused["text"]
    # On to the replacement for 'assist', with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").startswith("Replace ‘assist’"):
            break
    page.keyboard.press("Enter")
    assert "I will help Mum" in page.locator("#note").input_value()


def test_copy_note(page):
    page.locator("#note").fill(NOTE)
    page.get_by_role("button", name="Copy note").click()
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Note copied')")
    assert page.evaluate("navigator.clipboard.readText()") == NOTE


def fill_details(page, subject: str, contact: str, recorded: str, note_type: str | None = None):
    """Open "Add the note's details" and fill it in for a child."""
    page.locator("summary", has_text="Add the note's details").click()
    page.locator("#subject").fill(subject)
    page.get_by_label("Child").check()
    if note_type is not None:
        page.locator("#note-type").fill(note_type)
    page.locator("#contact-date").fill(contact)
    page.locator("#recorded-date").fill(recorded)


def test_the_details_change_the_findings(page):
    text = "Home visit. Jamie said 'I like my new school'. I saw him on his own in his bedroom.\n"
    page.locator("#note").fill(text)
    wait_for_findings(page, 1)
    fill_details(page, "Jamie", "2026-11-02", "2026-11-20")
    page.locator("#recorded-date").dispatch_event("change")
    page.wait_for_function("() => [...document.querySelectorAll('#findings .finding__message')]"
                           ".some(e => e.textContent.includes('working days after the contact'))",
                           timeout=30_000)


def test_contrast_meets_wcag_aa(page):
    page.locator("#note").fill(NOTE)
    wait_for_findings(page, 5)
    page.locator("summary", has_text="Add the note's details").click()
    page.locator("#findings summary").first.click()
    failures = page.evaluate(CONTRAST_CHECK)
    assert failures == []


def test_it_fits_a_phone(page, tmp_path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#note").fill(NOTE)
    wait_for_findings(page, 5)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    targets = page.evaluate("() => [...document.querySelectorAll('button, summary, input[type=radio] + label')]"
                            ".filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)")
    assert min(targets) >= 24  # WCAG 2.2 target size (minimum)


DEMO = """Home visit to Jamie (8) at the family home.

Jamie showed me his bedroom and said "I like my new school, but I miss my dog."
I will assist Mum with the LAC review paperwork next week.
Mum was non-compliant with the safety plan and Jamie was kicking off when I arrived.
"""


def test_screenshots_at_desktop_and_phone_width(page, tmp_path):
    folder = screenshots_dir(tmp_path)
    fill_details(page, "Jamie", "2026-11-30", "2026-11-30", note_type="home visit")
    page.locator("summary", has_text="Add the note's details").click()
    page.locator("#note").fill(DEMO)
    wait_for_findings(page, 3)
    page.screenshot(path=str(folder / "serve.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("window.scrollTo(0, document.getElementById('note').getBoundingClientRect().top + window.scrollY - 60)")
    page.screenshot(path=str(folder / "serve-phone.png"))
    page.screenshot(path=str(tmp_path / "serve-phone-full.png"), full_page=True)
    for path in (folder / "serve.png", folder / "serve-phone.png", tmp_path / "serve-phone-full.png"):
        assert path.stat().st_size > 10_000


# Every visible piece of text against the colour behind it: 4.5:1, or 3:1 for large text.
CONTRAST_CHECK = """() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = el => { for (let e = el; e; e = e.parentElement) {
      if (e.id === 'note') continue;  // the note's text sits over the highlights: checked below
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const failures = [];
  const check = (el, fg, bg, what) => {
    const s = getComputedStyle(el); const size = parseFloat(s.fontSize); const bold = +s.fontWeight >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < (large ? 3 : 4.5)) failures.push(what + ' ' + ratio.toFixed(2));
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement; if (!n.textContent.trim() || !el.offsetParent && el.tagName !== 'BODY') continue;
    if (el.closest('#highlights') || el.closest('[hidden]')) continue;
    const fg = parse(getComputedStyle(el).color); if (!fg || fg.a === 0) continue;
    check(el, fg, background(el), el.tagName + '.' + el.className + ': ' + n.textContent.trim().slice(0, 30));
  }
  const note = document.getElementById('note'); const ink = parse(getComputedStyle(note).color);
  for (const mark of document.querySelectorAll('#highlights mark'))
    check(note, ink, parse(getComputedStyle(mark).backgroundColor), 'note text on ' + mark.className);
  return failures;
}"""
