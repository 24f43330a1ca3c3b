"""The instructor guide's syllabi agree with the chapters (issue 19): the four-week unit's hours
come from the chapters' own **Time:** lines, and the 90-minute session teaches only chapters
assigned before it."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "book" / "instructors" / "index.md").read_text("utf-8")


def minutes(number: int) -> int:
    (chapter,) = (ROOT / "book" / "chapters").glob(f"{number:02d}-*.md")
    return int(re.search(r"^\*\*Time:\*\* about (\d+) minutes", chapter.read_text("utf-8"), flags=re.M).group(1))


def test_the_four_week_units_reading_time_is_the_chapters_sum():
    plan = GUIDE.split("**A four-week unit**", 1)[1].split("\n\n", 1)[0]
    weeks = [sum(minutes(n) for n in range(first, first + 3)) for first in (1, 4, 7, 10)]
    stated = [int(m) for m in re.findall(r"\b(\d{3})\b", plan)]
    assert stated == weeks
    low, high = re.search(r"about (\S+) to (\S+) hours", plan).groups()
    value = {"2": 2, "2¼": 2.25, "2½": 2.5, "2¾": 2.75, "3": 3}
    assert value[low] * 60 <= min(weeks) and max(weeks) <= value[high] * 60


def test_the_90_minute_session_teaches_only_what_was_assigned():
    session = GUIDE.split("**One 90-minute session**", 1)[1].split("*Grade:*", 1)[0]
    before = session.split("*In class:*", 1)[0]
    assigned = set(re.findall(r"chapter (\d+)", before))
    in_class = session.split("*In class:*", 1)[1]
    taught = set(re.findall(r"\(chapter (\d+)", in_class)) | set(re.findall(r"chapter (\d+) (?:figure|notes)", in_class))
    assert assigned and taught and taught <= assigned, (taught, assigned)
