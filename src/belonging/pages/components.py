"""Small page components emitted as HTML with inline JavaScript.

They work the same on the static site and in Jupyter, need no kernel once shown, and
send nothing anywhere. Nothing is stored either, unless the reader turns on "Remember my
answers on this device" on the site: then a prediction is kept by the site's progress store
(``book/_static/belonging-progress.js``), never by the component itself.
"""
from __future__ import annotations

import html
import re

from IPython.display import HTML

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")

# The reader's choice is kept: once they reveal, the options are locked and their prediction
# stays beside what the figure shows. With "Remember my answers on this device" on, the site's
# progress store (book/_static/belonging-progress.js, window.BelongingProgress) also keeps it
# across reloads; without the store (in Jupyter, or before it loads) the prompt works the same
# for this page view. The store's script is deferred, so it may arrive after this one.
_PREDICT_SCRIPT = """<script>
(function () {
  var box = document.getElementById("%(id)s");
  if (!box || box.dataset.ready) { return; }
  box.dataset.ready = "1";
  var key = "%(key)s";
  var fieldset = box.querySelector("fieldset");
  var button = box.querySelector("button");
  var result = box.querySelector(".belonging-predict-result");
  var radios = Array.prototype.slice.call(box.querySelectorAll("input[type=radio]"));
  function labelOf(radio) {
    return box.querySelector("label[for='" + radio.id + "'] span").textContent;
  }
  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  // The options that match what the figure shows (data-expected), so the reveal can say
  // whether the reader's prediction did; a prompt without them only sets the two side by side.
  var expected = (box.dataset.expected || "").split(",").filter(Boolean).map(Number);
  function verdict(choice) {
    if (!expected.length) { return ""; }
    if (expected.indexOf(choice) >= 0) {
      return '<p class="belonging-predict-match">Your prediction matches what the figure shows.</p>';
    }
    var right = expected.map(function (i) { return "\u201c" + escape(labelOf(radios[i])) + "\u201d"; }).join(" or ");
    return '<p class="belonging-predict-match">Not what the figure shows: it matches ' + right + ".</p>";
  }
  function show(label, choice, focus) {
    fieldset.disabled = true;
    button.hidden = true;
    result.hidden = false;
    result.innerHTML = "<p><strong>You predicted:</strong> " + escape(label) + "</p>" +
      box.querySelector("template").innerHTML + verdict(choice);
    if (focus) { result.focus(); }
  }
  function store() { return window.BelongingProgress; }
  function storeKey() { return store().pageChapter() + ":" + key; }
  button.addEventListener("click", function () {
    var chosen = box.querySelector("input[type=radio]:checked");
    if (!chosen) {
      result.hidden = false;
      result.innerHTML = "<p>Choose the option you expect first, then reveal.</p>";
      return;
    }
    var label = labelOf(chosen);
    if (store()) {
      store().put("predictions", storeKey(),
                  { choice: Number(chosen.value), label: label, at: new Date().toISOString() });
    }
    show(label, Number(chosen.value), true);
  });
  function restore() {
    var kept = store().get("predictions")[storeKey()];
    if (!kept || fieldset.disabled) { return; }
    var radio = radios[kept.choice];
    var same = radio && labelOf(radio) === kept.label;
    if (same) { radio.checked = true; }
    show(kept.label, same ? kept.choice : -1, false);
  }
  if (store()) { restore(); } else { document.addEventListener("belonging-progress-ready", restore); }
})();
</script>"""

def _expected(expected, count: int) -> str:
    """The ``data-expected`` attribute for the options that match the figure ("" for none)."""
    if expected is None:
        return ""
    chosen = [expected] if isinstance(expected, int) and not isinstance(expected, bool) else expected
    if (not isinstance(chosen, (list, tuple)) or not chosen or len(set(chosen)) != len(chosen)
            or any(isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < count for i in chosen)):
        raise ValueError(f"expected must be an option's index from 0 to {count - 1}, or a list of different "
                         f"indices, or None; got {expected!r}")
    return f' data-expected="{",".join(str(i) for i in sorted(chosen))}"'


_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


def predict(key: str, question: str, options: list[str], reveal: str, *,
            figure: str | None = None, figure_title: str | None = None,
            expected: int | list[int] | None = None) -> HTML:
    """Ask the reader to commit to a prediction before the figure that answers it.

    ``key`` is a short unique slug for the page (it becomes the element id); ``reveal``
    is plain text saying what the figure shows, revealed after the reader commits, next to
    their own choice. ``figure`` is the anchor of the figure the prediction is about (a MyST
    target such as ``(ch01-contact-figure)=`` just above it) and ``figure_title`` its title
    as the page shows it: the prompt names the figure and links to it. Give both or neither.
    ``expected`` is the index (or list of indices) of the option(s) that match what the figure
    shows: the reveal then says whether the reader's prediction matched, and which one did.
    """
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValueError(f"key must be a short lowercase slug (letters, digits, hyphens); got {key!r}")
    if not isinstance(options, (list, tuple)) or not 2 <= len(options) <= 6:
        raise ValueError("options must be a list of between 2 and 6 choices")
    if (figure is None) != (figure_title is None):
        raise ValueError("figure and figure_title must be given together (the anchor and the title it links to)")
    if figure is not None and (not isinstance(figure, str) or not _ANCHOR.match(figure)):
        raise ValueError(f"figure must be the anchor of a figure on the page (lowercase letters, digits, "
                         f"hyphens; at most 81 characters); got {figure!r}")
    if figure_title is not None and (not isinstance(figure_title, str) or not figure_title.strip()):
        raise ValueError(f"figure_title must be the figure's title, a non-empty string; got {figure_title!r}")
    matches = _expected(expected, len(options))
    box = f"predict-{key}"
    items = "\n".join(
        f'<div class="belonging-predict-option"><input type="radio" name="{box}" id="{box}-{i}" value="{i}">'
        f'<label for="{box}-{i}"><span>{html.escape(text)}</span></label></div>'
        for i, text in enumerate(options)
    )
    # The figure's link sits just above the prompt's card, not in it: inside, the card holds
    # only its own controls (options and Reveal), which keyboard tests operate one by one.
    about = ""
    if figure is not None:
        link = f'<a href="#{figure}">{html.escape(figure_title.strip())}</a>'
        about = f'<p class="belonging-predict-figure" id="{box}-figure">This prediction is about the figure {link}.</p>\n'
    body = (
        f"{about}"
        f'<section class="belonging-predict" id="{box}" aria-labelledby="{box}-legend"{matches}>\n'
        f'<fieldset><legend id="{box}-legend"><strong>Predict first.</strong> {html.escape(question)}</legend>\n'
        f"{items}\n</fieldset>\n"
        f'<button type="button" class="belonging-button">Reveal</button>\n'
        f'<div class="belonging-predict-result" aria-live="polite" tabindex="-1" hidden></div>\n'
        f"<template><p><strong>The figure shows:</strong> {html.escape(reveal)}</p></template>\n"
        f"</section>\n"
    )
    return HTML(body + _PREDICT_SCRIPT % {"id": box, "key": key})
