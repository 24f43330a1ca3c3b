"""``make lms``: the one entry point of the LMS exports (``python -m belonging.lms``).

It writes, into ``lms/``:

* every quiz and exam bank as GIFT and QTI 1.2 (:mod:`belonging.lms.formats`);
* ``exam-key.md``, the exam banks' key in the exports' own order, for instructors;
* the course as one Common Cartridge (:mod:`belonging.lms.cartridge`), its links pointing
  at ``BASE_URL``;
* with ``SEED=n``, exam variants and their key in ``lms/variants/seed-n/``
  (:mod:`belonging.lms.variants`).

``lms`` and ``cartridge`` do not import this module, and ``lms`` does not import
``cartridge``: the imports run one way only.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from . import cartridge, formats, variants


def export(root: Path, url: str, seed: int | None) -> list[Path]:
    out = root / "lms"
    written = formats.export_all(root / "book" / "quizzes", out, root / "book" / "exams")
    if not written:
        raise ValueError("no quiz banks found in book/quizzes")
    exams = [formats.load_exam(path) for path in sorted((root / "book" / "exams").glob("*.json"))]
    key = out / "exam-key.md"
    key.write_text(variants.key_markdown(exams), encoding="utf-8")
    written += [key, cartridge.write(root, out, url)]
    if seed is not None:
        written += variants.write(root, out / "variants", seed)
    return written


def main() -> None:
    root = Path.cwd()
    try:  # a bad BASE_URL, SEED or bank is a message for the instructor, not a traceback
        url = cartridge.base_url()  # checked before anything is written
        seed = os.environ.get("SEED", "").strip()
        seed = variants.check_seed(seed) if seed else None
        written = export(root, url, seed)
    except ValueError as error:  # QuizError is a ValueError
        sys.exit(f"make lms: {error}")
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    if url == cartridge.DEFAULT_BASE_URL:
        print(f"note: the cartridge links to {url} (make serve, this machine only); "
              "set BASE_URL to where students read the course, e.g. make lms BASE_URL=https://example.edu/belonging/")


if __name__ == "__main__":
    main()
