"""Exam variants for one class: ``make lms SEED=n``.

The course is open: anyone can read ``book/exams/*.json`` in the repository, keys included. So
an exam cannot rely on its questions being secret. What an instructor can rely on is that a
student who learned the bank's order or its answer letters gains nothing: a variant puts the
questions of each exam bank in an order of its own and every question's options in an order of
its own, drawn from the seed. The same seed gives the same files, so an instructor can
regenerate a variant (and its key) later; a new seed gives a new variant.

The bank questions are fixed text: each stem quotes the numbers of one model run, so a variant
re-orders them. For chapters with a model question maker (:mod:`belonging.lms.model_questions`:
chapters 1, 2, 4 and 8) a variant also holds a question whose settings are drawn from the seed and
whose right and wrong options the model computes. The key of each variant is computed from the
options' ``correct`` flags, never typed by hand.

Files (in ``lms/variants/seed-N/``, never on the site): ``NN-slug-exam-seedN.gift.txt`` and
``NN-slug-exam-seedN-qti.zip`` per chapter, and ``key.md`` with every question's correct
letters. The variant's question and option identifiers carry the seed, so a variant can sit in
an LMS beside the bank's own export.
"""
from __future__ import annotations

import random
from pathlib import Path

from . import formats, model_questions

LETTERS = "abcdefghij"


def check_seed(seed) -> int:
    """``seed`` as an int from 0 to 10**9, else a ValueError naming SEED."""
    try:
        value = int(str(seed).strip())
    except ValueError:
        raise ValueError(f"SEED must be a whole number from 0 to 1000000000; got {seed!r}") from None
    if not 0 <= value <= 10**9:
        raise ValueError(f"SEED must be a whole number from 0 to 1000000000; got {seed!r}")
    return value


def variant(bank: dict, seed: int) -> dict:
    """The bank with its questions, and each question's options, in the seed's order, plus the
    chapter's questions drawn fresh from its model (:mod:`belonging.lms.model_questions`).

    The generator is seeded with the seed and the chapter (a string seed is hashed with SHA-512
    by :class:`random.Random`, so the order is the same on every machine and every run).
    """
    seed = check_seed(seed)
    rng = random.Random(f"belonging-exam/{seed}/{bank['chapter']}")
    drawn = [make(rng) for make in model_questions.QUESTIONS.get(bank["chapter"], [])]
    questions = [dict(q, answers=rng.sample(q["answers"], len(q["answers"]))) for q in bank["questions"] + drawn]
    rng.shuffle(questions)
    return {**bank, "questions": questions, "seed": seed}


def key_lines(bank: dict) -> list[str]:
    """One line per question: its number in the variant, the correct letters, the objective and
    the start of the correct option(s)."""
    lines = []
    for number, q in enumerate(bank["questions"], start=1):
        right = [(LETTERS[i], a["answer"]) for i, a in enumerate(q["answers"]) if a["correct"]]
        letters = ", ".join(letter for letter, _ in right)
        words = "; ".join(text if len(text) <= 70 else text[:67] + "..." for _, text in right)
        lines.append(f"| {number} | {letters} | {q['objective']} | {words} |")
    return lines


def key_markdown(banks: list[dict], seed: int | None = None) -> str:
    """The key of ``banks``: of a variant if ``seed`` is given, else of the banks' own order."""
    which = f"Exam variants, seed {seed}" if seed is not None else "Exam banks"
    again = f"make lms SEED={seed}" if seed is not None else "make lms"
    parts = [f"# {which}: answer key (instructors only)", "",
             "Options are lettered in the order the export lists them (a = first); an LMS that "
             f"shuffles shows its own order, so mark by option text there. Regenerate with `{again}`.", ""]
    for bank in banks:
        parts += [f"## {bank['chapter']}", "", "| Q | Correct | Objective | Correct option |",
                  "|---|---|---|---|", *key_lines(bank), ""]
    return "\n".join(parts)


def write(root: Path, out: Path, seed) -> list[Path]:
    """Write every exam bank's variant for ``seed`` and its key into ``out/seed-N/``."""
    seed = check_seed(seed)
    folder = out / f"seed-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    banks = [variant(formats.load_exam(path), seed) for path in sorted((root / "book" / "exams").glob("*.json"))]
    written = []
    for bank in banks:
        written += formats.write_bank(bank, "exam", folder, root)
    key = folder / "key.md"
    key.write_text(key_markdown(banks, seed), encoding="utf-8")
    return written + [key]
