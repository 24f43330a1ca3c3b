"""Page-speed benchmark of the built course: Lighthouse 13 on every page, each figure beside its budget.

With --time-builds (as `make bench-site` runs it) it first builds the book from nothing into a
temporary folder, as `make build` does on a fresh clone, and then again with nothing changed,
timing both against their budgets, and measures that build.

Serves the built site compressed with scripts/serve.py (as `make serve` does), runs Lighthouse
(mobile form factor, default simulated throttling) RUNS times per page in Debian's Chromium, and
prints the median of each score and of the compressed bytes the page transferred while loading
(the sum of transferSize over Lighthouse's network-requests audit: everything fetched before a
reader touches the page; plotly.js is fetched only when a figure nears the viewport, so it is
not counted unless a figure sits on the first screen). Exits 1 if any budget is missed.

Scores depend on the CPU: the output starts and ends with the machine's load and Lighthouse's
own CPU benchmark index, so a run on a busy machine can be recognised as such.

Usage:  make bench-site                      (times two builds, installs Lighthouse into tools/)
        PAGES="intro.html chapters/01-what-belonging-is.html" RUNS=1 .venv/bin/python scripts/bench_site.py
        (the second form measures book/_build/html as it is, without timing builds)
Node.js only runs Lighthouse (tools/package.json pins it); nothing here is needed to build or
read the course.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ is not a package
import book_toc  # noqa: E402  (the reading of _toc.yml make pdf and the site tests share)
from chromium import CHROMIUM_FLAGS, chromium_path  # noqa: E402  (the browser the site tests drive)

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "tools" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH") or chromium_path() or "/usr/bin/chromium"
CHROME_FLAGS = " ".join(CHROMIUM_FLAGS)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# Budgets (issue 10). A "figure" page has at least one explorable; chapters count as figure pages.
PERFORMANCE_MIN = {"text": 95, "figures": 90}
OTHER_SCORE_MIN = 100
KB_MAX = {"text": 250, "figures": 500}
#: Seconds for `make build` from nothing (fresh clone) and again with nothing changed.
BUILD_MAX = {"clean build": 240, "no-change rebuild": 20}


def toc_pages() -> list[str]:
    """Every page in book/_toc.yml, in order, plus the search page, as built paths."""
    return [path for path, _ in book_toc.pages()] + ["search.html"]


def page_kind(site: Path, page: str) -> str:
    body = (site / page).read_text("utf-8")
    return "figures" if page.startswith("chapters/") or "belonging-plot" in body else "text"


def machine_state() -> str:
    one, five, fifteen = os.getloadavg()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores ({cpu})"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(site: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "--port", str(port), "--directory", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            return server, base
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("bench-site: scripts/serve.py did not start")


@dataclass
class Run:
    scores: dict[str, int]
    transfer_bytes: int
    benchmark_index: float


def lighthouse(url: str, scratch: Path) -> Run:
    report = scratch / "report.json"
    command = [
        "node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
        # The full-page screenshot stretches the viewport to the whole page, which would make
        # every figure "near the viewport" and fetch plotly.js; it is only a picture anyway.
        "--disable-full-page-screenshot",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = dict(os.environ, CHROME_PATH=CHROME)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.is_file():
        raise SystemExit(f"bench-site: lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    lhr = json.loads(report.read_text("utf-8"))
    report.unlink()
    if lhr.get("runtimeError"):
        raise SystemExit(f"bench-site: lighthouse could not load {url}: {lhr['runtimeError']}")
    scores = {}
    for name in CATEGORIES:
        score = lhr["categories"][name]["score"]
        if score is None:
            raise SystemExit(f"bench-site: no {name} score for {url}")
        scores[name] = round(score * 100)
    requests = lhr["audits"]["network-requests"]["details"]["items"]
    transfer = sum(int(item.get("transferSize") or 0) for item in requests)
    return Run(scores, transfer, float(lhr["environment"]["benchmarkIndex"]))


@dataclass
class Result:
    page: str
    kind: str
    scores: dict[str, float]
    kilobytes: float
    misses: list[str]


def judge(page: str, kind: str, runs: list[Run]) -> Result:
    scores = {name: statistics.median(run.scores[name] for run in runs) for name in CATEGORIES}
    kilobytes = statistics.median(run.transfer_bytes for run in runs) / 1000
    misses = []
    if scores["performance"] < PERFORMANCE_MIN[kind]:
        misses.append("performance")
    misses += [name for name in CATEGORIES[1:] if scores[name] < OTHER_SCORE_MIN]
    if kilobytes > KB_MAX[kind]:
        misses.append("bytes")
    return Result(page, kind, scores, kilobytes, misses)


def row(result: Result) -> str:
    def cell(name: str, minimum: int) -> str:
        mark = " " if result.scores[name] >= minimum else "!"
        return f"{result.scores[name]:>5.0f} ≥{minimum:<3d}{mark}"

    kind = result.kind
    size_mark = " " if result.kilobytes <= KB_MAX[kind] else "!"
    return (f"{result.page:<62} {kind:<7} {cell('performance', PERFORMANCE_MIN[kind])} "
            f"{cell('accessibility', OTHER_SCORE_MIN)} {cell('best-practices', OTHER_SCORE_MIN)} "
            f"{cell('seo', OTHER_SCORE_MIN)} {result.kilobytes:>6.0f} ≤{KB_MAX[kind]:<3d}{size_mark}")


HEADER = (f"{'page':<62} {'kind':<7} {'performance':<12} {'accessibility':<12} {'best pract.':<12} "
          f"{'SEO':<12} {'KB transferred':<14}")


def selected_pages(all_pages: list[str], wanted: str) -> list[str]:
    """PAGES may name built paths (chapters/01-what-belonging-is.html) or bits of them (01-what)."""
    if not wanted.strip():
        return all_pages
    chosen = []
    for word in wanted.replace(",", " ").split():
        matches = [p for p in all_pages if p == word or word in p]
        if not matches:
            raise SystemExit(f"bench-site: PAGES names {word!r}, which is not in book/_toc.yml")
        chosen += [m for m in matches if m not in chosen]
    return chosen


def timed_builds(out: Path) -> tuple[Path, list[str]]:
    """Build the book into `out` from nothing, then again unchanged; print each time beside its
    budget. Returns the built site and the builds over budget."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", "-W", "-n", "--keep-going",
               "--path-output", str(out), "book"]
    missed = []
    for what in BUILD_MAX:
        started = time.monotonic()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
        seconds = time.monotonic() - started
        if result.returncode != 0 or "build succeeded" not in result.stdout:
            raise SystemExit(f"bench-site: the {what} failed:\n{(result.stdout + result.stderr)[-3000:]}")
        ok = seconds <= BUILD_MAX[what]
        print(f"{what:<18} {seconds:>6.1f} s ≤{BUILD_MAX[what]} s{'' if ok else '  MISSED'}", flush=True)
        missed += [] if ok else [what]
    return out / "_build" / "html", missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "book" / "_build" / "html")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS") or 3))
    parser.add_argument("--pages", default=os.environ.get("PAGES", ""),
                        help="space- or comma-separated pages (default: every page in book/_toc.yml)")
    parser.add_argument("--time-builds", action="store_true",
                        help="time a clean build and a no-change rebuild (into a temporary folder), "
                             "then measure that build instead of --site")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error(f"RUNS must be 1 or more, got {args.runs}")
    if not LIGHTHOUSE.is_file():
        raise SystemExit("bench-site: Lighthouse is missing; run `make bench-site` (it runs npm ci in tools/)")
    if not shutil.which(CHROME) and not Path(CHROME).is_file():
        raise SystemExit(f"bench-site: no Chromium at {CHROME} (apt-get install chromium, or set CHROME_PATH)")
    pages = selected_pages(toc_pages(), args.pages)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as build_dir:
        slow_builds = []
        if args.time_builds:
            print(f"builds: {machine_state()}", flush=True)
            args.site, slow_builds = timed_builds(Path(build_dir))
        missing = [p for p in pages if not (args.site / p).is_file()]
        if missing:
            raise SystemExit(f"bench-site: not built in {args.site}: {', '.join(missing)} (run make build)")
        failed = measure(args, pages)
    for what in slow_builds:
        print(f"MISSED: the {what} took longer than {BUILD_MAX[what]} s")
    return 1 if failed or slow_builds else 0


def measure(args, pages: list[str]) -> list[Result]:
    """Lighthouse on each page; print the table; return the pages that missed a budget."""
    lighthouse_version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text())["version"]
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Lighthouse {lighthouse_version}, {chromium}, mobile, default throttling; "
          f"median of {args.runs} run(s) per page; served compressed by scripts/serve.py")
    print(f"before: {machine_state()}", flush=True)
    server, base = start_server(args.site)
    results, indexes = [], []
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-site-") as scratch:
            print(HEADER, flush=True)
            for page in pages:
                runs = [lighthouse(base + page, Path(scratch)) for _ in range(args.runs)]
                indexes += [run.benchmark_index for run in runs]
                results.append(judge(page, page_kind(args.site, page), runs))
                print(row(results[-1]), flush=True)
    finally:
        server.terminate()
        server.wait()
    print(f"after:  {machine_state()}; Lighthouse CPU benchmark index median "
          f"{statistics.median(indexes):.0f} (range {min(indexes):.0f}-{max(indexes):.0f}); "
          f"{time.monotonic() - started:.0f} s")
    failed = [r for r in results if r.misses]
    for result in failed:
        print(f"MISSED on {result.page}: {', '.join(result.misses)}")
    print(f"{len(results) - len(failed)} of {len(results)} pages within every budget"
          + ("" if failed else " (all budgets met)"))
    return failed


if __name__ == "__main__":
    sys.exit(main())
