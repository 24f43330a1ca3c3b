"""The "How sure are we?" box: how strong the evidence is behind one key finding.

A chapter writes, right after the paragraph that states a finding::

    ```{evidence} mixed
    :finding: Lonely people perform worse when they feel judged.
    One lab found it {cite:p}`knowles2015choking`; a direct replication did not ...
    ```

The argument must be one of ``LABELS``; the box shows the label's words (never colour alone),
the finding in bold and the one or two sentences of why, with their citations. It is an ordinary
admonition underneath, so every builder (HTML, print, LaTeX, EPUB) shows it without help.
tests/test_evidence.py checks every chapter's boxes against the same table.
"""
from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

#: Label → what the reader sees. Ordered from strongest to weakest evidence; the glossary's
#: "Replication" entry explains each in the same words.
LABELS = {
    "replicated": "Replicated in large samples",
    "mixed": "Mixed evidence",
    "few": "A few small studies",
    "one": "One study",
    "not-replicated": "Did not replicate",
}
TITLE = "How sure are we?"


class Evidence(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec = {"finding": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        label = self.arguments[0].strip()
        if label not in LABELS:
            raise self.error(f"evidence: label must be one of {', '.join(LABELS)}; got {label!r}")
        finding = (self.options.get("finding") or "").strip()
        if not finding:
            raise self.error("evidence: the :finding: option (one sentence) is required")
        if not self.content:
            raise self.error("evidence: say in one or two cited sentences why the label fits")
        box = nodes.admonition(classes=["belonging-evidence", f"belonging-evidence-{label}"])
        box["strength"] = label
        title_text = f"{TITLE} · {LABELS[label]}"
        textnodes, messages = self.state.inline_text(title_text, self.lineno)
        box += nodes.title(title_text, "", *textnodes)
        claim = nodes.paragraph(classes=["belonging-evidence-finding"])
        claim += nodes.strong(text=finding)
        box += claim
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box, *messages]


def setup(app):
    app.add_directive("evidence", Evidence)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
