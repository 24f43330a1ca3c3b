"""Chapter 6: the exercise checks and the instructor's key agree with the network model."""
from pathlib import Path

from belonging import network
from belonging.exercises import CORRECT, RECORDED, ch06
from belonging.exercises.generate import hidden_tests
from belonging.figures import network as figures

ROOT = Path(__file__).resolve().parents[1]
SLUG = "06-interconnected-and-interdependent"


def one_tie(contagion, **kwargs):
    return float(network.clustering_by_distance(contagion, **kwargs).relative_likelihood[0])


def test_checks_accept_model_answers_and_reject_near_misses():
    q1 = one_tie(0.8)
    assert ch06.check_q1(q1) == CORRECT
    assert ch06.check_q1(q1 + 0.02) != CORRECT
    assert ch06.check_q1(float(network.clustering_by_distance(0.8).relative_likelihood[1])) != CORRECT
    q2 = one_tie(0.0)
    assert ch06.check_q2(q2) == CORRECT
    assert ch06.check_q2(1.0) != CORRECT and ch06.check_q2(q1) != CORRECT
    assert ch06.check_q3(" (B) ") == RECORDED and hidden_tests("06")["q3"]["key"] == "c"
    assert ch06.check_q3("a") != CORRECT and ch06.check_q3("c") != CORRECT
    pooled = network.clustering_by_distance(0.8, people=400, networks=6, seed=7)
    first = next(int(d) for d, v in zip(pooled.distance, pooled.relative_likelihood) if v < 1.1)
    assert ch06.check_q4(first) == CORRECT
    assert ch06.check_q4(first - 1) != CORRECT and ch06.check_q4(first + 1) != CORRECT
    assert ch06.check_q5("D") == RECORDED and hidden_tests("06")["q5"]["key"] == "d"
    assert all(ch06.check_q5(x) != CORRECT for x in "abc")


def test_a_single_network_without_contagion_shows_chance_clustering_that_pooling_removes():
    """The chapter's claim: one network can show about 1.3x chance with contagion off; pooled, about 1."""
    assert 1.25 < one_tie(0.0) < 1.4
    singles, pooled = figures.single_runs(0.0)
    assert min(singles) < 1 < max(singles)
    assert abs(pooled - 1) < 0.05
    strong, strong_pooled = figures.single_runs(0.8)
    assert min(strong) > max(singles) and strong_pooled > 2


def test_instructor_exercise_key_matches_the_model():
    notes = (ROOT / "book" / "instructors" / f"{SLUG}.md").read_text("utf-8")
    key = notes.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]
    for contagion in (0.0, 0.8):
        singles = [one_tie(contagion, networks=1, seed=s) for s in range(10)]
        pooled = one_tie(contagion, networks=10, seed=0)
        for value in (min(singles), max(singles), pooled):
            assert f"**{value:.2f}**" in key, (contagion, value)


def test_chapter_quotes_the_model_numbers():
    chapter = (ROOT / "book" / "chapters" / f"{SLUG}.md").read_text("utf-8")
    run = network.clustering_by_distance(0.0)
    lonely_friends = round(run.relative_likelihood[0] * run.pairs[0] * run.chance)
    assert f"{lonely_friends} lonely friends among the {int(run.pairs[0])} friends" in chapter
    assert f"about {round(run.pairs[0] * run.chance)} would be expected" in chapter
    assert f"1.33 times as likely" in chapter and f"{one_tie(0.0):.2f}" == "1.33"
    strong = network.clustering_by_distance(0.95, people=400, networks=6, seed=7).relative_likelihood
    assert f"still {strong[2]:.2f} times chance at three ties and {strong[3]:.2f} at four" in chapter


def _predict_reveal(chapter: str, key: str) -> str:
    return chapter.split(f'"{key}"', 1)[1].split("```", 1)[0]


def test_predict_reveals_quote_the_figures_they_reveal():
    chapter = (ROOT / "book" / "chapters" / f"{SLUG}.md").read_text("utf-8")
    # The distance prompt reveals the explorable at contagion 0.8 (figures.explorable's settings).
    reveal = _predict_reveal(chapter, "ch06-distance")
    pooled = network.clustering_by_distance(0.8, people=figures.PEOPLE, networks=figures.NETWORKS, seed=7)
    one, two, three, four = pooled.relative_likelihood[:4]
    assert f"about {one:.1f} times as likely" in reveal and f"about {two:.1f} times at two ties" in reveal
    assert f"{three:.1f} at three and {four:.2f} at four" in reveal
    assert all(v < 1.005 for v in pooled.relative_likelihood[4:])           # "then at or slightly below chance"
    off = network.clustering_by_distance(0.0, people=figures.PEOPLE, networks=figures.NETWORKS, seed=7)
    assert max(abs(v - 1) for v in off.relative_likelihood) < 0.05          # "within about 5 per cent"
    # The single-runs prompt reveals single_runs_figure.
    reveal = _predict_reveal(chapter, "ch06-single")
    for contagion in (0.0, 0.2, 0.8):
        singles, _ = figures.single_runs(contagion)
        assert f"{min(singles):.2f} to {max(singles):.2f}" in reveal, contagion
    assert f"pooling all 20 gives {figures.single_runs(0.0)[1]:.2f}" in reveal


def test_instructor_notebook_key_matches_the_checks():
    notes = (ROOT / "book" / "instructors" / f"{SLUG}.md").read_text("utf-8")
    key = (ROOT / "keys" / f"{SLUG}.md").read_text("utf-8").split("## Answer key: exercise notebook", 1)[1].split("\n## ", 1)[0]
    assert f"**{one_tie(0.8):.2f}**" in key and ch06.check_q1(round(one_tie(0.8), 2)) == CORRECT
    assert f"**{one_tie(0.0):.2f}**" in key and ch06.check_q2(round(one_tie(0.0), 2)) == CORRECT
    assert "**(c)**" in key and hidden_tests("06")["q3"]["key"] == "c"
    assert f"at **{ch06._first_near_chance()}** ties" in key
    assert "**(d)**" in key and hidden_tests("06")["q5"]["key"] == "d"
    singles, pooled = figures.single_runs(0.0)
    assert f"{min(singles):.2f} to {max(singles):.2f} and pooling to {pooled:.2f}" in key
