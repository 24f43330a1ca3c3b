"""A playable, accessible Cyberball game with ratings, a comparison and a debrief.

``game(key=...)`` returns an IPython display object: HTML with an inline ``<style>`` and an
inline ``<script>``, so the same cell works on the static site and in JupyterLab with no
kernel once shown. It sends nothing anywhere and stores nothing (no cookies, no
localStorage, no network requests).

What the reader gets, in order
------------------------------
1. A content note and a "skip the game" link to an anchor after the game.
2. A ball-toss game with two computer players, named as such on the page (no deception:
   Zadro, Williams & Richardson 2004 found that being left out by players known to be a
   computer still lowers need satisfaction). In the usual exclusion script the reader gets
   the ball a couple of times early and then never (Williams & Jarvis 2006, as in
   :data:`belonging.ostracism.EARLY_THROWS_IN_EXCLUSION`); in the included round about a
   third of the throws (:data:`belonging.ostracism.FAIR_SHARE`). About 30 throws, with the
   computers pausing 0.5–2 s before each throw. The last two throws of a round always go
   between the computers, so every catch gives the reader a turn to throw.
3. Four ratings, one per need of the need-threat model (belonging, self-esteem, control,
   meaningful existence), on a 1–5 scale. The prompts are the course's own, plainly
   non-diagnostic; they are **not** the Need-Threat Scale's items.
4. The reader's answers beside where typical players land: the mean and middle half of
   2,000 simulated players per round from the illustrative model :mod:`belonging.ostracism`,
   whose gap between left-out and included players is sized to the meta-analytic average
   of Hartgerink, van Beest, Wicherts & Williams (2015), d > |1.4| across all outcome types.
5. A debrief: what happened, why it stings, that it is normal and usually passes in
   minutes, that the game was simulated, an offer to play an included round, and a pointer
   to help.

Accessibility: real buttons for the two throws (mouse, touch, keyboard), a visible focus
ring, the throws announced in an ``aria-live="polite"`` status, no animation under
``prefers-reduced-motion``, focus moved to each new stage, whose title is a heading (level
``heading_level``), card colours of its own in the light and dark themes (contrast at least
4.5:1), ids unique per ``key`` so that two games can share a page. A screen reader takes two or
three seconds to say a throw while the computers throw every 0.5-2 s, so the throws nobody has
to act on are spoken at most once every :data:`SPEECH_GAP_MS`, several in one sentence; the
reader's turn, the end of the game and the answer to a press of a throw button out of turn are
spoken at once. Timers: at most two pending timeouts (the next throw, the next spoken update),
cleared when the game ends or stops. Tests can set ``data-speed`` on the game's element (or pass
``speed``) to shorten the computers' pauses; the spoken updates keep their real pace.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache

import numpy as np
from IPython.display import HTML

from .. import ostracism
from .._checks import check_int, check_number

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")
PLAYERS = ("Sam", "Alex")
#: The computers' pause before each throw, in milliseconds at speed 1.
PAUSE_MS = (500, 2000)
#: The shortest time between two spoken updates about throws, in milliseconds (about the time a
#: screen reader takes to say one): faster throws are gathered into the next update.
SPEECH_GAP_MS = 3000
#: Simulated players per round for the typical values.
TYPICAL_N = 2000

#: The course's own prompts, one per need (not the Need-Threat Scale's items).
PROMPTS = {
    "belonging": "While you played, how much did the other two players make you feel part of the game?",
    "self_esteem": "Right now, how comfortable do you feel with yourself?",
    "control": "How much could you influence what happened in the game?",
    "meaningful_existence": "How much did you feel that your presence in the game was noticed?",
}
SCALE = ("not at all", "a little", "somewhat", "quite a lot", "very much")
ROUNDS = {"exclusion": "left-out round", "inclusion": "included round"}


@lru_cache(maxsize=4)
def typical_values(n: int = TYPICAL_N, seed: int = 0) -> dict:
    """Mean and middle half (25th to 75th percentile) of each need, rounded to 0.1, for
    ``n`` simulated players in each standard round of :mod:`belonging.ostracism`."""
    check_int("n", n, 2, ostracism.MAX_PEOPLE)
    check_int("seed", seed, 0, 2**32 - 2)
    out = {}
    for condition in ostracism.CONDITIONS:
        sample = ostracism.simulate_condition(condition, n=n, seed=seed)
        low, high = np.percentile(sample.needs, [25, 75], axis=0)
        out[condition] = {
            need: {"mean": round(float(sample.needs[:, i].mean()), 1),
                   "low": round(float(low[i]), 1), "high": round(float(high[i]), 1)}
            for i, need in enumerate(ostracism.NEEDS)
        }
    return out


def _config(throws: int, speed: float) -> dict:
    share = ostracism.FAIR_SHARE
    return {
        "throws": throws,
        "speed": speed,
        "early": ostracism.EARLY_THROWS_IN_EXCLUSION,
        "fairShare": share,
        # A computer throws to you with probability q = share / (1 - share); you always pass
        # to a computer, so in a long game you receive the share (as in belonging.ostracism).
        "toYou": share / (1.0 - share),
        "pauseMin": PAUSE_MS[0],
        "pauseMax": PAUSE_MS[1],
        "speechGap": SPEECH_GAP_MS,
        "players": list(PLAYERS),
        "needs": list(ostracism.NEEDS),
        "labels": list(ostracism.NEED_LABELS),
        "typical": typical_values(),
        "model": "belonging.ostracism",
    }


_STYLE = """<style>
.belonging-cyberball { margin: 1.5rem 0; padding: 1rem; border: 1px solid #d0d7de; border-radius: 8px;
  background: #ffffff; color: #1a1a1a; line-height: 1.5; }
.belonging-cyberball p, .belonging-cyberball li, .belonging-cyberball legend, .belonging-cyberball label,
.belonging-cyberball strong, .belonging-cyberball span, .belonging-cyberball th, .belonging-cyberball td,
.belonging-cyberball caption { color: #1a1a1a; }
.belonging-cyberball code { color: #1a1a1a; background: #eef1f4; border: none; }
.belonging-cyberball a { color: #1f4e79; text-decoration: underline; }
.belonging-cyberball a:focus-visible, .belonging-cyberball button:focus-visible,
.belonging-cyberball input:focus-visible, .belonging-cyberball [tabindex="-1"]:focus-visible {
  outline: 3px solid #D55E00; outline-offset: 2px; }
.belonging-cyberball .bcb-title { font-size: 1.1rem; margin: 0 0 0.5rem; }
.belonging-cyberball .bcb-heading { font-size: 1.05rem; line-height: 1.4; font-weight: 700; margin: 0.25rem 0 0.5rem;
  color: #1a1a1a; letter-spacing: normal; }
.belonging-cyberball .bcb-counter { margin: 0 0 0.25rem; }
.belonging-cyberball .bcb-note { border-left: 6px solid #8a4b00; background: #fff6e8; padding: 0.5rem 0.75rem;
  margin: 0 0 0.75rem; border-radius: 4px; }
.belonging-cyberball .bcb-note p { margin: 0.25rem 0; }
.belonging-cyberball button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; margin: 0.25rem 0.5rem 0.25rem 0;
  border-radius: 6px; cursor: pointer; }
.belonging-cyberball .bcb-primary { color: #ffffff; background: #1f4e79; border: 2px solid #1f4e79; }
.belonging-cyberball .bcb-secondary { color: #1f4e79; background: #ffffff; border: 2px solid #1f4e79; }
.belonging-cyberball .bcb-throw { color: #ffffff; background: #1f4e79; border: 2px solid #1f4e79; min-width: 9rem; }
.belonging-cyberball .bcb-throw[aria-disabled="true"] { color: #333333; background: #e4e9ef; border: 2px dashed #5f6b7a;
  cursor: default; }
.belonging-cyberball .bcb-field { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; margin: 0.5rem 0;
  padding: 0; list-style: none; }
/* Commas only a screen reader hears: "Sam, computer player, with the ball", not one run-on line. */
.belonging-cyberball .bcb-sep { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.belonging-cyberball .bcb-player { border: 2px solid #d0d7de; border-radius: 8px; padding: 0.5rem; text-align: center;
  background: #ffffff; min-height: 5.5rem; }
.belonging-cyberball .bcb-player[data-player="0"] { grid-column: 1 / span 2; justify-self: center; min-width: 50%; }
.belonging-cyberball .bcb-player.bcb-has-ball { border: 3px solid #0072B2; background: #f3f8fc; }
.belonging-cyberball .bcb-name { display: block; font-weight: 700; }
.belonging-cyberball .bcb-role { display: block; font-size: 0.9rem; }
.belonging-cyberball .bcb-ball-slot { display: block; height: 1.6rem; }
.belonging-cyberball .bcb-ball { display: inline-block; width: 1.4rem; height: 1.4rem; border-radius: 50%;
  background: #D55E00; border: 2px solid #1a1a1a; }
.belonging-cyberball .bcb-ball[hidden] { display: none; }
.belonging-cyberball .bcb-pop { animation: bcb-pop 0.35s ease-out; }
@keyframes bcb-pop { from { transform: scale(0.3) translateY(-0.8rem); } to { transform: scale(1) translateY(0); } }
@media (prefers-reduced-motion: reduce) {
  .belonging-cyberball .bcb-pop, .belonging-cyberball .bcb-ball { animation: none; transition: none; }
}
.belonging-cyberball .bcb-status { min-height: 3rem; margin: 0.5rem 0; padding: 0.4rem 0.6rem; background: #f6f8fa;
  border-radius: 4px; }
.belonging-cyberball .bcb-status:empty { padding: 0; min-height: 0; background: transparent; }
.belonging-cyberball fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 0.75rem 0; padding: 0.5rem 0.75rem; }
/* The theme sets legends large and floated; a rating's question reads as body text. */
.belonging-cyberball legend { float: none; width: auto; font-size: 1rem; line-height: 1.4; font-weight: 400;
  padding: 0 0.25rem; margin: 0 0 0.25rem; }
/* The 1-5 scale stays in order: one row where it fits, else one column, never 1 2 / 3 4 / 5. */
.belonging-cyberball .bcb-scale { display: flex; flex-wrap: nowrap; gap: 0.25rem 0.75rem; }
@media (max-width: 47.99rem) { .belonging-cyberball .bcb-scale { flex-direction: column; gap: 0; } }
.belonging-cyberball .bcb-scale label { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 44px; }
.belonging-cyberball .bcb-scale input { width: 1.2rem; height: 1.2rem; margin: 0; }
.belonging-cyberball table { border-collapse: collapse; width: 100%; max-width: 100%; margin: 0.5rem 0;
  background: #ffffff; font-size: 0.95rem; }
.belonging-cyberball th, .belonging-cyberball td { border: 1px solid #d0d7de; padding: 0.35rem 0.4rem; text-align: left;
  vertical-align: top; background: #ffffff; }
.belonging-cyberball thead th { background: #f3f8fc; }
.belonging-cyberball caption { text-align: left; font-weight: 400; padding-bottom: 0.25rem; }
/* A phone: a little less padding and smaller table text, so the four columns fit the card. */
@media (max-width: 30rem) {
  .belonging-cyberball { padding: 0.75rem; }
  .belonging-cyberball table { font-size: 0.85rem; }
  .belonging-cyberball th, .belonging-cyberball td { padding: 0.3rem 0.25rem; }
}
.belonging-cyberball .bcb-end { height: 1px; }
/* Dark theme: a dark card, not a white block on a black page (same contrasts, at least 4.5:1). */
html[data-theme="dark"] .belonging-cyberball { background: #1e2328; border-color: #5f6b7a; color: #eef1f4; }
html[data-theme="dark"] .belonging-cyberball :is(p, li, legend, label, strong, span, th, td, caption, .bcb-heading) { color: #eef1f4; }
html[data-theme="dark"] .belonging-cyberball code { color: #eef1f4; background: #2b3440; }
html[data-theme="dark"] .belonging-cyberball a { color: #9cc9f5; }
html[data-theme="dark"] .belonging-cyberball .bcb-note { background: #3a2c1a; border-left-color: #ffb27a; }
html[data-theme="dark"] .belonging-cyberball :is(.bcb-primary, .bcb-throw) { color: #10161c; background: #9cc9f5; border-color: #9cc9f5; }
html[data-theme="dark"] .belonging-cyberball .bcb-secondary { color: #9cc9f5; background: #1e2328; border-color: #9cc9f5; }
html[data-theme="dark"] .belonging-cyberball .bcb-throw[aria-disabled="true"] { color: #eef1f4; background: #2b3440;
  border-color: #a3adb8; }
html[data-theme="dark"] .belonging-cyberball .bcb-player { background: #1e2328; border-color: #5f6b7a; }
html[data-theme="dark"] .belonging-cyberball .bcb-player.bcb-has-ball { background: #26313c; border-color: #9cc9f5; }
html[data-theme="dark"] .belonging-cyberball .bcb-ball { border-color: #eef1f4; }
html[data-theme="dark"] .belonging-cyberball .bcb-status { background: #26313c; }
html[data-theme="dark"] .belonging-cyberball .bcb-status:empty { background: transparent; }
html[data-theme="dark"] .belonging-cyberball fieldset { border-color: #5f6b7a; }
html[data-theme="dark"] .belonging-cyberball :is(table, th, td) { background: #1e2328; border-color: #5f6b7a; }
html[data-theme="dark"] .belonging-cyberball thead th { background: #26313c; }
html[data-theme="dark"] .belonging-cyberball input[type="radio"] { accent-color: #9cc9f5; }
html[data-theme="dark"] .belonging-cyberball :is(a, button, input, [tabindex="-1"]):focus-visible { outline-color: #ffb27a; }
</style>"""

_SCRIPT = r"""<script>
(function () {
  "use strict";
  var box = document.getElementById("%(id)s");
  if (!box || box.dataset.ready) { return; }
  box.dataset.ready = "1";
  var cfg = JSON.parse(document.getElementById("%(id)s-data").textContent);
  var NAMES = ["you", cfg.players[0], cfg.players[1]];
  var status = box.querySelector(".bcb-status");
  var stages = {};
  Array.prototype.forEach.call(box.querySelectorAll("[data-stage]"), function (el) { stages[el.dataset.stage] = el; });
  var throwButtons = box.querySelectorAll("button[data-target]");
  var cards = box.querySelectorAll(".bcb-player");
  var counter = box.querySelector(".bcb-counter");
  // Every text the game changes lives in a text node made once, here: later updates change
  // its data only, so the page's own observers of added and removed nodes (the theme's
  // MutationObserver on the main content) are not set off on every throw.
  Array.prototype.forEach.call(box.querySelectorAll(".bcb-status, .bcb-holding, .bcb-result, .bcb-counter, .bcb-yours"),
    function (el) { if (!el.firstChild) { el.appendChild(document.createTextNode("")); } });
  var motion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
  var timer = null;
  var g = null;

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function clearTimer() { if (timer !== null) { window.clearTimeout(timer); timer = null; } }
  function setText(el, text) {
    var node = el.firstChild;
    if (node && node.nodeType === 3 && !node.nextSibling) { node.data = text; } else { el.textContent = text; }
  }
  // Spoken updates. say(): at once (a turn, the end, a stage, an answer to a key press).
  // report(): a throw nobody has to act on, gathered with the others that come within
  // cfg.speechGap of the last update, so the speech never falls behind the game.
  var lastSaid = -Infinity, pending = [], sayTimer = null;
  function clearSay() { if (sayTimer !== null) { window.clearTimeout(sayTimer); sayTimer = null; } pending = []; }
  function announce(text) { setText(status, text); lastSaid = Date.now(); }
  function say(text) { clearSay(); announce(text); }
  function throwText(t) {
    return "Throw " + t.n + " of " + g.total + ": " + (t.from === 0 ? "you" : NAMES[t.from]) +
      " threw the ball to " + (t.to === 0 ? "you" : NAMES[t.to]) + ".";
  }
  // Several throws in one sentence: the reader's own, the computers' between them, a catch.
  function batchText(list, holder) {
    if (list.length === 1) { return throwText(list[0]) + (holder ? " " + holder : ""); }
    var first = list[0], last = list[list.length - 1], rest = list.slice(), parts = [];
    if (first.from === 0) { parts.push("you threw the ball to " + NAMES[first.to]); rest.shift(); }
    var caught = rest.length && rest[rest.length - 1].to === 0 ? rest.pop() : null;
    if (rest.length === 1) { parts.push(NAMES[rest[0].from] + " threw it to " + NAMES[rest[0].to]); }
    else if (rest.length) { parts.push(NAMES[1] + " and " + NAMES[2] + " threw it to each other " + rest.length + " times"); }
    if (caught) { parts.push(NAMES[caught.from] + " threw it to you"); }
    return "Throws " + first.n + " to " + last.n + " of " + g.total + ": " + parts.join(", then ") + "." +
      (holder ? " " + holder : "");
  }
  function holds(h) { return h === 0 ? "" : NAMES[h] + " has the ball."; }
  // The throws not yet told, and this one, at once (a catch, the end of the round).
  function tell(t) {
    var list = pending.concat([t]);
    clearSay();
    return batchText(list, "");
  }
  function flush() {
    sayTimer = null;
    if (!pending.length) { return; }
    var text = batchText(pending, pending.length > 1 ? holds(pending[pending.length - 1].to) : "");
    pending = [];
    announce(text);
  }
  function report(t) {
    pending.push(t);
    var wait = lastSaid + cfg.speechGap - Date.now();
    if (wait <= 0) { flush(); } else if (sayTimer === null) { sayTimer = window.setTimeout(flush, wait); }
  }
  function show(name, focus) {
    Object.keys(stages).forEach(function (k) { stages[k].hidden = k !== name; });
    // A stage's buttons carry their data-action only while the stage is shown, so each
    // action names one live control (the intro and the debrief both offer an included round).
    each(box.querySelectorAll("button[data-act]"), function (b) {
      if (stages[name].contains(b)) { b.dataset.action = b.dataset.act; } else { delete b.dataset.action; }
    });
    box.dataset.state = name;
    var target = focus || stages[name].querySelector(".bcb-heading");
    if (target) { target.focus(); }
  }
  function pause() {
    var speed = Number(box.dataset.speed);
    if (!(speed > 0)) { speed = 1; }
    return (cfg.pauseMin + Math.random() * (cfg.pauseMax - cfg.pauseMin)) * speed;
  }
  function setHolder(h) {
    g.holder = h;
    each(cards, function (card) {
      var mine = Number(card.dataset.player) === h;
      card.classList.toggle("bcb-has-ball", mine);
      setText(card.querySelector(".bcb-holding"), mine ? "with the ball" : "");
      var ball = card.querySelector(".bcb-ball");
      ball.hidden = !mine;
      ball.classList.remove("bcb-pop");
      if (mine && !(motion && motion.matches)) { void ball.offsetWidth; ball.classList.add("bcb-pop"); }
    });
    var yours = h === 0 && !g.over;
    each(throwButtons, function (b) { b.setAttribute("aria-disabled", yours ? "false" : "true"); });
  }
  function start(mode) {
    clearTimer();
    clearSay();
    g = { mode: mode, thrown: 0, received: 0, holder: 1, run: 0, over: false, total: cfg.throws };
    box.dataset.mode = mode;
    box.dataset.thrown = "0";
    box.dataset.received = "0";
    each(box.querySelectorAll("input[type=radio]"), function (r) { r.checked = false; });
    each(box.querySelectorAll("[data-round]"), function (el) { el.hidden = el.dataset.round !== mode; });
    setText(counter, "Throws so far: 0 of " + g.total);
    show("playing", throwButtons[0]);
    setHolder(1);
    say("The game has started. " + NAMES[1] + " has the ball.");
    timer = window.setTimeout(computerThrow, pause());
  }
  function target(holder) {
    var other = holder === 1 ? 2 : 1;
    // The round's last two throws go between the computers, so every catch gives the reader
    // a turn and the round always ends on a computer's throw.
    if (g.thrown + 2 >= g.total) { return other; }
    if (g.mode === "inclusion") {
      var behind = (g.thrown + 1) * cfg.fairShare - g.received;
      if (behind >= 1) { return 0; }
      if (behind <= -0.5) { return other; }
      return Math.random() < cfg.toYou ? 0 : other;
    }
    if (g.received < cfg.early) { return (Math.random() < cfg.toYou || g.run >= 2) ? 0 : other; }
    return other;
  }
  function record(from, to) {
    g.thrown += 1;
    if (to === 0) { g.received += 1; g.run = 0; } else if (from !== 0) { g.run += 1; }
    box.dataset.thrown = String(g.thrown);
    box.dataset.received = String(g.received);
    setText(counter, "Throws so far: " + g.thrown + " of " + g.total);
    var t = { n: g.thrown, from: from, to: to };
    if (g.thrown >= g.total) { finish(tell(t) + " The game is over."); return; }
    setHolder(to);
    if (to === 0) {
      say(tell(t) + " Your turn: throw to " + NAMES[1] + " or " + NAMES[2] + ".");
    } else {
      report(t);
      timer = window.setTimeout(computerThrow, pause());
    }
  }
  function computerThrow() {
    timer = null;
    if (!g || g.over) { return; }
    if (!box.isConnected) { g.over = true; return; }
    record(g.holder, target(g.holder));
  }
  function yourThrow(to) {
    if (!g || g.over) { return; }
    if (g.holder !== 0) {  // pressed out of turn: say why nothing happened
      say("Not your turn yet: " + NAMES[g.holder] + " has the ball. These buttons work when it comes to you.");
      return;
    }
    record(0, to);
  }
  function summary() {
    return "You played the " + (g.mode === "inclusion" ? "included" : "left-out") + " round and caught " +
      g.received + " of " + g.thrown + " throws (" + Math.round(100 * g.received / Math.max(g.thrown, 1)) + "%%).";
  }
  function end() {
    clearTimer();
    clearSay();
    g.over = true;
    setHolder(-1);
    box.dataset.share = String(g.thrown ? g.received / g.thrown : 0);
    each(box.querySelectorAll(".bcb-result"), function (el) { setText(el, summary()); });
  }
  function finish(text) {
    end();
    say(text);
    show("rating");
  }
  function stop() {
    if (!g || g.over) { return; }
    end();
    say("You stopped the game. " + summary());
    show("debrief");
  }
  function compare() {
    each(cfg.needs, function (need, i) {
      var chosen = box.querySelector("input[name='%(id)s-" + need + "']:checked");
      var row = box.querySelector("tr[data-need='" + need + "']");
      setText(row.querySelector(".bcb-yours"), chosen ? chosen.value + " (" + chosen.dataset.word + ")" : "no answer");
    });
    show("compare");
  }
  box.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button") : null;
    if (!button || !box.contains(button)) { return; }
    if (button.dataset.target) { yourThrow(Number(button.dataset.target)); return; }
    var action = button.dataset.action;
    if (action === "start-exclusion") { start("exclusion"); }
    else if (action === "start-inclusion") { start("inclusion"); }
    else if (action === "stop") { stop(); }
    else if (action === "compare") { compare(); }
    else if (action === "debrief") { show("debrief"); }
  });
})();
</script>"""


def _button(text: str, action: str, kind: str = "bcb-primary", *, live: bool = False) -> str:
    """A stage button. ``data-act`` names its action; the script copies it to ``data-action``
    while the button's stage is shown (``live`` marks the intro's, shown before the script runs)."""
    shown = f' data-action="{action}"' if live else ""
    return f'<button type="button" class="{kind}" data-act="{action}"{shown}>{html.escape(text)}</button>'


def _player(number: int, name: str, role: str) -> str:
    """One player's card: a list item a screen reader reads as "Sam, computer player, with the ball"."""
    comma = '<span class="bcb-sep">, </span>'
    return (f'<li class="bcb-player" data-player="{number}"><span class="bcb-name">{html.escape(name)}</span>{comma}'
            f'<span class="bcb-role">{html.escape(role)}</span><span class="bcb-ball-slot"><span class="bcb-ball" '
            f'aria-hidden="true" hidden></span></span>{comma}<span class="bcb-holding"></span></li>')


def _safe_href(href: str | None) -> str | None:
    if href is None:
        return None
    if not isinstance(href, str) or not href or re.match(r"^\s*(javascript|data|vbscript):", href, re.I):
        raise ValueError(f"help_href must be a relative or http(s) link, or None; got {href!r}")
    return html.escape(href, quote=True)


def _rating_fields(gid: str) -> str:
    fields = []
    for need, label in zip(ostracism.NEEDS, ostracism.NEED_LABELS):
        options = "".join(
            f'<label><input type="radio" name="{gid}-{need}" value="{v}" data-word="{html.escape(word)}">'
            f"<span>{v} {html.escape(word)}</span></label>"
            for v, word in enumerate(SCALE, start=1)
        )
        fields.append(
            f'<fieldset><legend><strong>{html.escape(label)}:</strong> {html.escape(PROMPTS[need])}</legend>'
            f'<div class="bcb-scale">{options}</div></fieldset>'
        )
    return "\n".join(fields)


def _comparison_rows() -> str:
    typical = typical_values()
    rows = []
    for need, label in zip(ostracism.NEEDS, ostracism.NEED_LABELS):
        cells = []
        for condition in ("exclusion", "inclusion"):
            t = typical[condition][need]
            cells.append(f"<td>{t['mean']:.1f} ({t['low']:.1f}–{t['high']:.1f})</td>")
        rows.append(f'<tr data-need="{need}"><th scope="row">{html.escape(label)}</th>'
                    f'<td class="bcb-yours">no answer</td>{"".join(cells)}</tr>')
    return "\n".join(rows)


def game(key: str = "cyberball", *, throws: int = 30, speed: float = 1.0,
         help_href: str | None = "../intro.html#if-you-are-struggling", heading_level: int = 4) -> HTML:
    """A Cyberball game with ratings, a comparison with typical players and a debrief.

    ``key`` is a short lowercase slug, unique on the page (it prefixes every id);
    ``throws`` is the length of a round; ``speed`` multiplies the computers' pauses of
    0.5–2 s (tests use a small value); ``help_href`` links the debrief to where the course
    lists sources of help (None leaves the link out, for example in a notebook);
    ``heading_level`` (2 to 6) is the level of the stages' titles, one below the heading the
    game sits under (chapter 4 shows it under a level-3 heading).
    """
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValueError(f"key must be a short lowercase slug (letters, digits, hyphens); got {key!r}")
    throws = check_int("throws", throws, 10, 100)
    speed = check_number("speed", speed, 0.001, 5.0)
    href = _safe_href(help_href)
    h = check_int("heading_level", heading_level, 2, 6)
    gid = f"cyberball-{key}"
    sam, alex = PLAYERS
    data = json.dumps(_config(throws, speed)).replace("</", "<\\/")
    help_text = (
        f'The course\'s <a href="{href}">welcome page</a> lists places to find support.' if href else
        "The course's welcome page lists places to find support."
    )
    body = f"""<section class="belonging-cyberball" id="{gid}" aria-labelledby="{gid}-title" data-state="intro" data-speed="{speed:g}">
{_STYLE}
<p class="bcb-title" id="{gid}-title"><strong>Cyberball: a ball-tossing game</strong></p>
<div class="bcb-note" role="note">
<p><strong>Content note.</strong> In the main round of this game the two computer players stop throwing the ball
to you after a few throws. Being left out, even by a program, can sting for a few minutes. Playing is optional.</p>
<p><a href="#{gid}-end">Skip the game</a> and carry on reading below it.</p>
</div>
<p class="bcb-status" role="status" aria-live="polite" aria-atomic="true"></p>
<div data-stage="intro">
<h{h} class="bcb-heading" tabindex="-1">How it works</h{h}>
<p>You will toss a ball with two computer players, {sam} and {alex}. They are not people: a few lines of code in
this page decide every throw they make, and nobody else is playing. When the ball reaches you, throw it to
{sam} or {alex} with the buttons (mouse, touch or keyboard). A round is {throws} throws and takes about a minute.
Nothing you do here is sent anywhere or saved.</p>
<p>{_button("Play the game", "start-exclusion", live=True)}{_button("Play an included round instead", "start-inclusion", "bcb-secondary", live=True)}</p>
</div>
<div data-stage="playing" hidden>
<h{h} class="bcb-heading" tabindex="-1">The game</h{h}>
<p class="bcb-counter">Throws so far: 0 of {throws}</p>
<ul class="bcb-field" aria-label="Players">
{_player(1, sam, "computer player")}
{_player(2, alex, "computer player")}
{_player(0, "You", "the reader")}
</ul>
<div role="group" aria-label="Your throw">
<button type="button" class="bcb-throw" data-target="1" aria-disabled="true">Throw to {sam}</button><button type="button" class="bcb-throw" data-target="2" aria-disabled="true">Throw to {alex}</button>
</div>
<p>{_button("Stop the game", "stop", "bcb-secondary")}</p>
</div>
<div data-stage="rating" hidden>
<h{h} class="bcb-heading" tabindex="-1">How do you feel right now?</h{h}>
<p class="bcb-result"></p>
<p>Four quick questions, one for each need that being left out is thought to threaten. They are this course's
own questions, not a test: there are no right answers and nothing is recorded. Answer any, all or none.</p>
<div class="bcb-ratings">
{_rating_fields(gid)}
</div>
<p>{_button("Compare with typical players", "compare")}{_button("Skip to what happened", "debrief", "bcb-secondary")}</p>
</div>
<div data-stage="compare" hidden>
<h{h} class="bcb-heading" tabindex="-1">Your answers beside typical players</h{h}>
<p class="bcb-result"></p>
<table>
<caption>Ratings from 1 (not at all) to 5 (very much). Typical: the average, and in brackets the middle half of players.</caption>
<thead><tr><th scope="col">Need</th><th scope="col">You</th><th scope="col">Typical, left out</th><th scope="col">Typical, included</th></tr></thead>
<tbody>
{_comparison_rows()}
</tbody>
</table>
<p>Where do the typical values come from? From the course's illustrative ostracism model
(<code>belonging.ostracism</code>): {TYPICAL_N:,} simulated players per round. The model's gap between left-out and
included players is sized to the average effect across 120 Cyberball studies (Hartgerink and colleagues, 2015),
an average over every kind of outcome those studies measured, not only these four needs. Your questions are not
the researchers' questionnaire, so read this as a rough picture, not a score. It says nothing about you as a person.</p>
<p>{_button("What happened, and why it stings", "debrief")}</p>
</div>
<div data-stage="debrief" hidden>
<h{h} class="bcb-heading" tabindex="-1">What happened</h{h}>
<p class="bcb-result"></p>
<p data-round="exclusion">The game was scripted. In the left-out round, {sam} and {alex} threw to you a couple of times
near the start and then only to each other. Nothing you did caused it: the script would have run the same way
for anyone.</p>
<p data-round="inclusion" hidden>The game was scripted. In the included round, {sam} and {alex} threw to you about a third
of the time, a fair share among three players.</p>
<p>It was simulated: both players were a few lines of code in this page, and nothing was recorded or sent.</p>
<p><strong>Why it can sting.</strong> Being ignored threatens four needs at once: to belong, to feel good about
yourself, to have some control and to feel that you matter. In studies with this game, most people feel worse after
being left out, even when they know the other players are computers, and even for a trivial game with strangers.</p>
<p><strong>It is normal, and it usually passes.</strong> A sting, irritation, or feeling nothing much are all common
reactions. For most people the feeling fades within minutes, and a round in which you are included, or simply
getting on with something ordinary, helps. If it stays with you, or the game brought up something painful,
talk to someone you trust. {help_text}</p>
<p>{_button("Play an included round", "start-inclusion")}{_button("Play the left-out round", "start-exclusion", "bcb-secondary")}
<a href="#{gid}-end">Continue reading</a></p>
</div>
<script type="application/json" id="{gid}-data">{data}</script>
</section>
<div class="bcb-end" id="{gid}-end" tabindex="-1"></div>
"""
    return HTML(body + _SCRIPT % {"id": gid})
