"""Summarise a finished `mutmut run`: caught, survived, total and the score, per module and overall.

Reads mutmut's own results (the ``mutants/**/*.py.meta`` files it writes, classified with
mutmut's ``status_by_exit_code``, exactly as ``mutmut results`` does) and writes each
surviving mutant's diff (the text ``mutmut show <name>`` prints, made by the same function)
to ``mutants-report/survivors/<name>.diff``, plus ``mutants-report/summary.txt``.

How mutants are counted:

* **caught** = killed + timeout: a test failed, or the mutant made the tests run far longer
  than usual (an endless loop is a bug the suite noticed);
* **survived** = every test passed with the mutant in place;
* **not caught, other**: "no tests" (no selected test reaches the function), "suspicious",
  "segfault", "skipped", "not checked". These count in the total, against the score, and
  their diffs are written too: a mutant nobody tested is as bad as one that survived.

The score is caught / total. Run from the repository root: ``python scripts/mutation_report.py
[--min-score 95]``; it exits 1 when the score is below ``--min-score``.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from pathlib import Path

from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

REPORT = Path("mutants-report")
CAUGHT = ("killed", "timeout")
NOT_CAUGHT_OTHER = ("no tests", "suspicious", "segfault", "skipped", "not checked",
                    "check was interrupted by user")


def _row(name: str, counts: Counter) -> str:
    total = sum(counts.values())
    caught = sum(counts[s] for s in CAUGHT)
    other = total - caught - counts["survived"]
    score = 100.0 * caught / total if total else 100.0
    return (f"{name:<22} {total:>6} {caught:>7} {counts['survived']:>9} {other:>6} "
            f"{counts['timeout']:>8} {score:>7.1f}%")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--min-score", type=float, default=0.0, help="exit 1 below this percentage")
    args = parser.parse_args()

    per_module: dict[str, Counter] = {}
    not_caught: list[tuple[str, str, Path]] = []
    for path in sorted(walk_mutatable_files()):
        data = SourceFileMutationData(path=path)
        data.load()
        if not data.exit_code_by_key:
            continue
        counts = Counter(status_by_exit_code[code] for code in data.exit_code_by_key.values())
        per_module[path.stem] = counts
        for name, code in data.exit_code_by_key.items():
            status = status_by_exit_code[code]
            if status not in CAUGHT:
                not_caught.append((name, status, path))
    if not per_module:
        print("No mutmut results in mutants/: run `make mutation` (or `mutmut run`) first.")
        return 1

    survivors = REPORT / "survivors"
    shutil.rmtree(survivors, ignore_errors=True)
    survivors.mkdir(parents=True)
    for name, status, path in not_caught:
        diff = get_diff_for_mutant(name, path=path)
        (survivors / f"{name}.diff").write_text(f"# {name}: {status}\n{diff}\n", "utf-8")

    overall = sum(per_module.values(), Counter())
    header = (f"{'module':<22} {'total':>6} {'caught':>7} {'survived':>9} {'other':>6} "
              f"{'(timeout)':>8} {'score':>8}")
    lines = [header, "-" * len(header)]
    lines += [_row(name, counts) for name, counts in per_module.items()]
    lines += ["-" * len(header), _row("all models", overall), ""]
    total = sum(overall.values())
    caught = sum(overall[s] for s in CAUGHT)
    score = 100.0 * caught / total
    lines.append(f"caught {caught} (killed {overall['killed']} + timeout {overall['timeout']}), "
                 f"survived {overall['survived']}, other not caught "
                 f"{total - caught - overall['survived']} "
                 f"({', '.join(f'{s} {overall[s]}' for s in NOT_CAUGHT_OTHER if overall[s]) or 'none'}), "
                 f"total {total}")
    lines.append(f"mutation score: {score:.1f}% (caught / total)")
    lines.append(f"diffs of the {len(not_caught)} mutants not caught: {survivors}/<name>.diff")
    text = "\n".join(lines)
    (REPORT / "summary.txt").write_text(text + "\n", "utf-8")
    print(text)
    if score < args.min_score:
        print(f"FAIL: the score is below {args.min_score:g}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
