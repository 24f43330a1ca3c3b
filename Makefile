# The Need to Belong: every command a learner, instructor or author needs.
# `make serve` and `make test` set everything up on a fresh machine with Python 3.11 and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HTML   := book/_build/html
PORT   ?= 8000
# make test spreads tests over this many processes (pytest-xdist); a group of tests that share a
# browser or a build stays on one. Four on two cores: each process also waits (on a kernel, a
# page, a subprocess), and with three the two cores were 88% busy over a clean-clone run, with
# four 99% (612 s -> 564 s).
TEST_JOBS ?= 4

.PHONY: help install build serve test bench lab exercises assignments grade lms mutation clean

help:
	@echo "make serve      build the course and serve it at http://127.0.0.1:$(PORT)"
	@echo "make test       run every test (models, notebooks, book build, browser, exercises)"
	@echo "make build      build the site only (warnings are errors)"
	@echo "make lab        open JupyterLab on the exercises"
	@echo "make bench      check the speed and size budgets"
	@echo "make bench-site build times, then Lighthouse on every page, median of 3 (PAGES=..., RUNS=...; npm installs it into tools/)"
	@echo "make pdf        print the whole course, contents and quiz answers included, to dist/the-need-to-belong.pdf"
	@echo "make offline    zip the site to read straight from disk, no server: dist/the-need-to-belong-offline.zip"
	@echo "make epub       the whole course as an EPUB 3 e-book, figures described, quiz answers after each chapter: dist/the-need-to-belong.epub"
	@echo "make slides     one editable lecture deck per chapter, speaker notes from the instructor notes: dist/slides/NN-slug.pptx"
	@echo "make exercises  regenerate learner notebooks and autograders from their sources"
	@echo "make assignments  write dist/assignments/NN-slug/: student and solution notebooks, autograder zip, README"
	@echo "make grade CHAPTER=01 SUBMISSIONS=dir [TIMEOUT=120 JOBS=2]  grade a folder of submitted notebooks into grades-01.csv"
	@echo "make lms        export quizzes and exam banks (GIFT, QTI 1.2) and one Common Cartridge of the course to lms/;"
	@echo "                its chapter links use BASE_URL=https://your.site/path/ (default http://127.0.0.1:8000/);"
	@echo "                SEED=n also writes exam variants (questions and options shuffled) and their key to lms/variants/seed-n/"
	@echo "make mutation   mutation-test the models (15-20 min on 2 cores; not part of make test)"

# Reinstall whenever the pins or the package metadata change.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

build: install
	$(BIN)/jupyter-book build -W -n --keep-going book

serve: build
	$(BIN)/python scripts/serve.py --port $(PORT) --directory $(HTML)

# It ends with the ten slowest tests, so a test that grows slow is seen where it is run.
# --no-loadscope-reorder keeps the order tests/conftest.py gives (the book build first, the
# browser groups last): xdist would otherwise start the groups with the most tests first, and
# those are browser tests that wait for the build.
test: install
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadgroup --no-loadscope-reorder --durations=10

bench: install
	$(BIN)/python -m pytest benchmarks -q --benchmark-columns=min,median,max

# Page speed of the built site (scripts/bench_site.py). Lighthouse is bench tooling only: npm
# installs the version pinned in tools/package-lock.json into tools/node_modules (git-ignored).
.PHONY: bench-site
LIGHTHOUSE := tools/node_modules/lighthouse/package.json
$(LIGHTHOUSE): tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --ignore-scripts
	touch $(LIGHTHOUSE)

# It times a clean build and a no-change rebuild (in a temporary folder), then measures that build.
bench-site: install $(LIGHTHOUSE)
	$(BIN)/python scripts/bench_site.py --time-builds

# The course on paper and off line, both from the built site. Debian's chromium prints the PDF
# (through the pinned Playwright); nothing is downloaded.
.PHONY: pdf offline
pdf: build
	$(BIN)/python scripts/make_pdf.py

offline: build
	$(BIN)/python scripts/make_offline.py

# The course for e-readers, assembled from the built site (scripts/make_epub.py): no browser, no
# download; `epubcheck` (Debian's package) checks the result in the tests.
.PHONY: epub
epub: build
	$(BIN)/python scripts/make_epub.py

# One PowerPoint deck per chapter, written with python-pptx from the chapters, instructor notes,
# quiz banks and the figure pictures the build draws (so it needs the build); nothing is downloaded.
.PHONY: slides
slides: build
	$(BIN)/python scripts/make_slides.py

# JupyterLab refuses to start as root (containers, CI); allow it only when that is who we are.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: install
	$(BIN)/jupyter lab $(LAB_ROOT) exercises

exercises: install
	$(BIN)/python -m belonging.exercises.generate

assignments: install
	$(BIN)/python -m belonging.exercises.generate --dist dist/assignments

# One chapter's autograder (built first if missing) grades every file in SUBMISSIONS, each
# notebook in a sandbox (bubblewrap where installed), TIMEOUT seconds each, JOBS at a time.
CHAPTER ?= 01
SUBMISSIONS ?= submissions
TIMEOUT ?= 120
JOBS ?= 2
grade: install
	@test -n "$$(ls dist/assignments/$(CHAPTER)-*/autograder.zip 2>/dev/null)" \
	  || $(BIN)/python -m belonging.exercises.generate --dist dist/assignments $(CHAPTER)
	$(BIN)/python -m belonging.exercises.grade $$(ls dist/assignments/$(CHAPTER)-*/autograder.zip) \
	  $(SUBMISSIONS) --out grades-$(CHAPTER).csv --timeout $(TIMEOUT) --jobs $(JOBS)

lms: install
	SEED="$(SEED)" $(BIN)/python -m belonging.lms

# Mutation testing of the model modules (configured in pyproject.toml, [tool.mutmut]); a fresh
# run every time, so no result is left over from older tests. Not part of `make test` or CI.
MUTATION_JOBS ?= 2
MUTATION_MIN  ?= 95

mutation: install
	rm -rf mutants mutants-report
	mkdir -p mutants-report
	@echo "mutmut run --max-children $(MUTATION_JOBS): progress in mutants-report/run.log"
	@start=$$(date +%s); \
	$(BIN)/mutmut run --max-children $(MUTATION_JOBS) > mutants-report/run.log 2>&1 \
	  || { tail -c 3000 mutants-report/run.log; exit 1; }; \
	echo "mutmut run took $$(( $$(date +%s) - start )) s"
	$(BIN)/python scripts/mutation_report.py --min-score $(MUTATION_MIN)

clean:
	rm -rf book/_build .pytest_cache
