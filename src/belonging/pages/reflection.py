"""A private reflection: a few open prompts, text boxes, and a download of your own answers.

``reflection(key=...)`` returns an IPython display object: HTML with an inline ``<style>``
and an inline ``<script>``, so the same cell works on the static site and in JupyterLab,
with no kernel once shown (as :mod:`belonging.pages.cyberball` does).

Privacy, by construction
------------------------
Nothing the reader writes is stored or sent. The script makes no network request and uses no
``localStorage``, ``sessionStorage`` or cookies (on the site, if the reader turns on "Remember
my answers on this device", ``book/_static/belonging-progress.js`` notes which boxes were written
in, never their text); the text areas ask the browser not to
autofill or remember them (``autocomplete="off"``). The "Download my answers" button builds a
plain-text file in the browser (a ``Blob``, an object URL and an ``<a download>`` link that is
never added to the page) and hands it to the browser's own download; the object URL is
released once the download has started. Reloading or closing the page clears the answers, so
while any box holds text the page asks before it is left: the browser's own "leave this page?"
question (``beforeunload``: reload, close, typed address), and a question of the page's own when
a link on the page is followed (a glossary term's second tap included), because phone browsers
often skip the first. The date in the file is written with the month in words ("6 December 2026").

The prompts are the course's own. They are **not** items from any validated scale (the
scales this course describes, such as the UCLA Loneliness Scale or the Need to Belong Scale,
are copyrighted and are not reproduced), and the page says so: this is not a test of
anything, there are no scores and no right answers.

Accessibility: every text area has its own visible ``<label>``; the privacy note is linked
to the download button with ``aria-describedby``; the button is a real
``<button>`` (mouse, touch, keyboard) with a visible focus ring; after a download (or an
attempt with every box empty) a polite ``role="status"`` message says what happened; the card
has its own colours in light and dark themes (contrast at least 4.5:1) and fits a phone's
width; ids are unique per ``key`` so that two reflections can share a page.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any

from IPython.display import HTML

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")
_FILENAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}\.txt$")
MAX_PROMPTS = 8
MAX_PROMPT_CHARS = 400

#: The closing chapter's prompts: the course's own, open-ended, not from any scale.
PROMPTS = (
    "Think of one relationship you are building at the moment, or would like to build. "
    "What is one small, ordinary thing you could do together in the next couple of weeks?",
    "Think of one relationship you want to keep. What has helped it last so far, "
    "and what would help it through the next few years?",
    "Is there someone around you (in a class, at work, next door) who might be waiting by the sandpit, "
    "as Ana was? What could you do to make joining in easier for them?",
    "Think of a recent moment when you felt unsure of your welcome. What is one other, kinder way "
    "to read what happened?",
    "Which idea from this course changed how you see your own relationships, or someone else's?",
)

DEFAULT_TITLE = "A private reflection"
DEFAULT_HELP = "../intro.html#if-you-are-struggling"


def _check_text(name: str, value: Any, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string; got {value!r}")
    if len(value) > limit:
        raise ValueError(f"{name} must be at most {limit} characters; got {len(value)}")
    return value.strip()


def _check_prompts(prompts: Any) -> tuple[str, ...]:
    if isinstance(prompts, str) or not isinstance(prompts, (list, tuple)) or not 1 <= len(prompts) <= MAX_PROMPTS:
        raise ValueError(f"prompts must be a list of 1 to {MAX_PROMPTS} strings; got {prompts!r}")
    checked = []
    for prompt in prompts:
        if not isinstance(prompt, str) or not prompt.strip() or len(prompt) > MAX_PROMPT_CHARS:
            raise ValueError(
                f"prompts must be a list of 1 to {MAX_PROMPTS} non-empty strings of at most "
                f"{MAX_PROMPT_CHARS} characters; got {prompt!r}")
        checked.append(prompt.strip())
    if len(set(checked)) != len(checked):
        raise ValueError("prompts must not repeat a prompt")
    return tuple(checked)


def _safe_href(href: Any) -> str | None:
    if href is None:
        return None
    if not isinstance(href, str) or not href.strip() or re.match(r"^\s*(javascript|data|vbscript|blob):", href, re.I):
        raise ValueError(f"help_href must be a relative or http(s) link, or None; got {href!r}")
    return html.escape(href, quote=True)


_STYLE = """<style>
.belonging-reflection { margin: 1.5rem 0; padding: 1rem; border: 1px solid #d0d7de; border-radius: 8px;
  background: #ffffff; color: #1a1a1a; line-height: 1.5; max-width: 100%; box-sizing: border-box; }
.belonging-reflection p, .belonging-reflection label, .belonging-reflection strong { color: #1a1a1a; }
.belonging-reflection a { color: #1f4e79; text-decoration: underline; }
.belonging-reflection .brf-title { font-size: 1.1rem; margin: 0 0 0.5rem; }
.belonging-reflection .brf-note { border-left: 6px solid #1f4e79; background: #f3f8fc; padding: 0.5rem 0.75rem;
  margin: 0 0 0.75rem; border-radius: 4px; }
.belonging-reflection .brf-note p { margin: 0.25rem 0; }
.belonging-reflection .brf-item { margin: 0.9rem 0; }
.belonging-reflection label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.belonging-reflection textarea { display: block; width: 100%; box-sizing: border-box; min-height: 6rem; font: inherit;
  padding: 0.5rem; color: #1a1a1a; background: #ffffff; border: 2px solid #5f6b7a; border-radius: 6px; resize: vertical; }
.belonging-reflection button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; margin: 0.25rem 0;
  border-radius: 6px; cursor: pointer; color: #ffffff; background: #1f4e79; border: 2px solid #1f4e79; }
.belonging-reflection a:focus-visible, .belonging-reflection button:focus-visible,
.belonging-reflection textarea:focus-visible { outline: 3px solid #D55E00; outline-offset: 2px; }
.belonging-reflection .brf-status { margin: 0.5rem 0; padding: 0.4rem 0.6rem; background: #f6f8fa; border-radius: 4px; }
.belonging-reflection .brf-status:empty { padding: 0; background: transparent; }
html[data-theme="dark"] .belonging-reflection { background: #1e2328; border-color: #5f6b7a; color: #eef1f4; }
html[data-theme="dark"] .belonging-reflection p, html[data-theme="dark"] .belonging-reflection label,
html[data-theme="dark"] .belonging-reflection strong { color: #eef1f4; }
html[data-theme="dark"] .belonging-reflection a { color: #9cc9f5; }
html[data-theme="dark"] .belonging-reflection .brf-note { background: #26313c; border-left-color: #9cc9f5; }
html[data-theme="dark"] .belonging-reflection textarea { color: #eef1f4; background: #14181c; border-color: #a3adb8; }
html[data-theme="dark"] .belonging-reflection button { color: #10161c; background: #9cc9f5; border-color: #9cc9f5; }
html[data-theme="dark"] .belonging-reflection .brf-status { background: #26313c; }
html[data-theme="dark"] .belonging-reflection .brf-status:empty { background: transparent; }
html[data-theme="dark"] .belonging-reflection a:focus-visible, html[data-theme="dark"] .belonging-reflection button:focus-visible,
html[data-theme="dark"] .belonging-reflection textarea:focus-visible { outline-color: #ffb27a; }
</style>"""

# The answers never leave the page: the file is made here and handed to the browser's own
# download. Status text lives in one text node, changed in place (as in the Cyberball game),
# so the theme's observers of added and removed nodes are not set off.
_SCRIPT = r"""<script>
(function () {
  "use strict";
  var box = document.getElementById("%(id)s");
  if (!box || box.dataset.ready) { return; }
  box.dataset.ready = "1";
  var cfg = JSON.parse(document.getElementById("%(id)s-data").textContent);
  var status = box.querySelector(".brf-status");
  if (!status.firstChild) { status.appendChild(document.createTextNode("")); }
  function say(text) { status.firstChild.data = text; }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  function longDate(d) { return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear(); }
  function fileText(areas) {
    var lines = [cfg.heading, "Written on " + longDate(new Date()) + ".", cfg.note, ""];
    areas.forEach(function (area, i) {
      lines.push((i + 1) + ". " + cfg.prompts[i]);
      lines.push(area.value.trim() ? area.value.replace(/\r\n?/g, "\n") : "(no answer)");
      lines.push("");
    });
    return lines.join("\n");
  }
  box.querySelector("button[data-action='download']").addEventListener("click", function () {
    var areas = Array.prototype.slice.call(box.querySelectorAll("textarea"));
    if (!areas.some(function (a) { return a.value.trim(); })) {
      say("There is nothing to download yet: every box is empty. Write in any box first.");
      return;
    }
    var url = URL.createObjectURL(new Blob([fileText(areas)], { type: "text/plain;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = cfg.filename;
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say("Your answers were saved by your browser as " + cfg.filename +
        ", usually in your downloads folder. Nothing was sent anywhere.");
  });
  // Leaving the page loses the writing (it is never stored): ask first while any box has text.
  function written() {
    return box.isConnected && Array.prototype.some.call(box.querySelectorAll("textarea"), function (a) { return a.value.trim(); });
  }
  var leaving = false;  // the reader already said yes to the page's own question
  window.addEventListener("beforeunload", function (event) {
    if (leaving || !written()) { return; }
    event.preventDefault();
    event.returnValue = "";  // older browsers need a value to ask
  });
  // A glossary term's first tap only shows its definition (that script prevents the click,
  // on the term itself, before this runs); its second tap follows the link, and asks here.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.target === "_blank" || link.hasAttribute("download") || !written()) { return; }
    var to = new URL(link.href, window.location.href), here = window.location;
    if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search) { return; }  // same page
    if (window.confirm(cfg.leave)) { leaving = true; } else { event.preventDefault(); }
  });
})();
</script>"""


def reflection(key: str = "reflection", *, prompts: list[str] | tuple[str, ...] = PROMPTS,
               title: str = DEFAULT_TITLE, filename: str = "my-reflection.txt",
               help_href: str | None = DEFAULT_HELP) -> HTML:
    """A private reflection with labelled text boxes and a download of the reader's answers.

    ``key`` is a short lowercase slug, unique on the page (it prefixes every id);
    ``prompts`` is a list of 1 to 8 open prompts (the course's own, never a scale's items);
    ``title`` heads the card and the downloaded file; ``filename`` is the name offered for the
    plain-text download (letters, digits, ``.``, ``_``, ``-``, ending in ``.txt``);
    ``help_href`` links to where the course lists sources of help (None leaves the link out,
    for example in a notebook).
    """
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValueError(f"key must be a short lowercase slug (letters, digits, hyphens); got {key!r}")
    prompts = _check_prompts(prompts)
    title = _check_text("title", title, 120)
    if not isinstance(filename, str) or not _FILENAME.match(filename):
        raise ValueError(f"filename must be a plain name ending in .txt (letters, digits, . _ -); got {filename!r}")
    href = _safe_href(help_href)
    rid = f"reflection-{key}"
    note = ("This is not a test of anything. The prompts are this course's own, not items from any validated "
            "questionnaire; there are no scores, labels or right answers.")
    privacy = ("What you type stays in this page on your device: it is never stored or sent anywhere, and it is "
               "gone when you reload or close the page. To keep it, download your answers as a plain-text file. "
               "A phone may also close a page left in the background, so download before you switch to another app. "
               "If you turn on Remember my answers on this device, the course keeps only which prompts you "
               "wrote in, never what you wrote.")
    data = json.dumps({
        "prompts": list(prompts), "filename": filename, "heading": title,
        "note": "Private: written for yourself. " + note,
        "leave": ("You have written in the reflection. Leaving this page loses what you wrote, because it is "
                  "never stored. Leave anyway? (Cancel to stay; Download my answers keeps a copy.)"),
    }).replace("</", "<\\/")
    items = "\n".join(
        f'<div class="brf-item"><label for="{rid}-q{i}">{i}. {html.escape(prompt)}</label>'
        f'<textarea id="{rid}-q{i}" name="{rid}-q{i}" rows="4" autocomplete="off"></textarea></div>'
        for i, prompt in enumerate(prompts, start=1)
    )
    help_text = (
        f'<p>If a prompt brings up something painful, you can leave it, and you do not have to deal with it alone: '
        f'the course\'s <a href="{href}">welcome page</a> lists places to find support.</p>' if href else
        "<p>If a prompt brings up something painful, you can leave it, and you do not have to deal with it alone: "
        "the course's welcome page lists places to find support.</p>"
    )
    body = f"""<section class="belonging-reflection" id="{rid}" aria-labelledby="{rid}-title">
{_STYLE}
<p class="brf-title" id="{rid}-title"><strong>{html.escape(title)}</strong></p>
<div class="brf-note" role="note">
<p id="{rid}-not-a-test"><strong>{html.escape(note.split('. ', 1)[0])}.</strong> {html.escape(note.split('. ', 1)[1])}
Write as much or as little as you like, in any box, or none.</p>
<p id="{rid}-private">{html.escape(privacy)}</p>
</div>
{items}
<p><button type="button" data-action="download" aria-describedby="{rid}-private">Download my answers (.txt)</button></p>
<p class="brf-status" role="status" aria-live="polite" aria-atomic="true"></p>
{help_text}
<script type="application/json" id="{rid}-data">{data}</script>
</section>
"""
    return HTML(body + _SCRIPT % {"id": rid})
