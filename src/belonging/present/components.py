"""Small page components emitted as HTML with inline JavaScript.

They work the same on the static site and in Jupyter, need no kernel once shown, and
keep everything in the page: nothing is sent anywhere or stored.
"""
from __future__ import annotations

import html
import re

from IPython.display import HTML

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")

_PREDICT_SCRIPT = """<script>
(function () {
  var box = document.getElementById("%(id)s");
  if (!box || box.dataset.ready) { return; }
  box.dataset.ready = "1";
  var button = box.querySelector("button");
  var result = box.querySelector(".belonging-predict-result");
  button.addEventListener("click", function () {
    var chosen = box.querySelector("input[type=radio]:checked");
    if (!chosen) {
      result.hidden = false;
      result.innerHTML = "<p>Choose the option you expect first, then reveal.</p>";
      return;
    }
    var label = box.querySelector("label[for='" + chosen.id + "'] span").textContent;
    result.hidden = false;
    result.innerHTML = "<p><strong>Your prediction:</strong> " + label.replace(/</g, "&lt;") + "</p>" +
      box.querySelector("template").innerHTML;
  });
})();
</script>"""


def predict(key: str, question: str, options: list[str], reveal: str) -> HTML:
    """Ask the reader to commit to a prediction before the figure that answers it.

    ``key`` is a short unique slug for the page (it becomes the element id); ``reveal``
    is plain text shown after the reader commits, next to their own choice.
    """
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValueError(f"key must be a short lowercase slug (letters, digits, hyphens); got {key!r}")
    if not isinstance(options, (list, tuple)) or not 2 <= len(options) <= 6:
        raise ValueError("options must be a list of between 2 and 6 choices")
    box = f"predict-{key}"
    items = "\n".join(
        f'<div class="belonging-predict-option"><input type="radio" name="{box}" id="{box}-{i}" value="{i}">'
        f'<label for="{box}-{i}"><span>{html.escape(text)}</span></label></div>'
        for i, text in enumerate(options)
    )
    body = (
        f'<section class="belonging-predict" id="{box}" aria-labelledby="{box}-legend">\n'
        f'<fieldset><legend id="{box}-legend"><strong>Predict first.</strong> {html.escape(question)}</legend>\n'
        f"{items}\n</fieldset>\n"
        f'<button type="button" class="belonging-button">Reveal</button>\n'
        f'<div class="belonging-predict-result" aria-live="polite" hidden></div>\n'
        f"<template><p>{html.escape(reveal)}</p></template>\n"
        f"</section>\n"
    )
    return HTML(body + _PREDICT_SCRIPT % {"id": box})
