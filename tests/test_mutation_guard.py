"""The mutation copy guard (tests/mutation_reads.py) counts what a test reads, not what the import
system lists: a folder on sys.path is listed on every import, whichever test put it there."""
import sys
from pathlib import Path

import mutation_reads as guard

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = str(ROOT / "scripts")  # not copied by make mutation


def _seen(event, args):
    guard._reads = set()
    try:
        guard._audit(event, args)
        return guard.outside_copy(guard._reads)
    finally:
        guard._reads = None


def test_listing_a_folder_on_the_import_path_is_not_a_read(monkeypatch):
    monkeypatch.setattr(sys, "path", [SCRIPTS, *sys.path])
    assert _seen("os.listdir", (SCRIPTS,)) == []
    assert _seen("os.scandir", (SCRIPTS,)) == []


def test_reading_a_file_from_that_folder_still_is(monkeypatch):
    monkeypatch.setattr(sys, "path", [SCRIPTS, *sys.path])
    assert _seen("open", (str(ROOT / "scripts" / "serve.py"), "r")) == ["scripts/serve.py"]


def test_listing_an_uncopied_folder_off_the_import_path_is_a_read(monkeypatch):
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != SCRIPTS])
    assert _seen("os.listdir", (SCRIPTS,)) == ["scripts"]


def test_hypothesis_reading_its_own_cache_is_not_a_read_of_the_repository():
    """Hypothesis keeps its example database and source constants in .hypothesis/, written and
    read wherever it runs (mutmut's folder too); a worker reading what another wrote failed the
    guard once, depending only on which test ran first."""
    cache = guard.ROOT / ".hypothesis" / "constants" / "0d3263a056111676"
    assert guard.outside_copy({cache}) == []
    assert guard.outside_copy({guard.ROOT / "scripts" / "serve.py"}) == ["scripts/serve.py"]
