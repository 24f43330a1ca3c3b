"""Figures and live panel for friendship hours (model: :mod:`belonging.friendship`)."""
from __future__ import annotations

import plotly.graph_objects as go

from .. import friendship as model
from .palette import REFERENCE
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel, int_slider, slider

WEEKS = 80
LEISURE_STEPS = list(range(1, 11))
STAGE_LABELS = ("Acquaintance", "Casual friend", "Friend", "Close friend")


def _threshold_lines(weeks: int) -> list[dict]:
    names = ("Casual friend (~50 h)", "Friend (~90 h)", "Close friend (~200 h)")
    return [dict(x=[0, weeks], y=[mid, mid], name=name, hoverinfo="skip")
            for mid, name in zip(model.MIDPOINTS, names)]


def explorable() -> Explorable:
    """Leisure hours per week on the slider; the chance of each stage over 80 weeks."""

    def traces(hours_per_week: int) -> list[dict]:
        curves = model.stage_curves(hours_per_week, weeks=WEEKS)
        weeks = curves.weeks.tolist()
        return [dict(x=weeks, y=curves.probabilities[:, i], name=label)
                for i, label in enumerate(STAGE_LABELS)]

    return slider_figure(
        values=LEISURE_STEPS,
        traces_for=traces,
        slider_label="Leisure hours together per week",
        value_format=lambda h: f"{h} h/wk",
        title="From acquaintance to close friend, week by week (illustrative)",
        x_title="Weeks since meeting",
        y_title="Chance of being at this stage (0–1)",
        active=4,
        layout=dict(yaxis=dict(range=[0, 1.02])),
        summary=(
            "Two people meet and then spend a steady number of leisure hours together each week. "
            "The four lines give the chance that, after a given number of weeks, the pair are "
            "acquaintances, casual friends, friends or close friends, using fuzzy cut points at "
            "about 50, 90 and 200 hours from Hall (2019). At 5 hours a week they are most likely "
            "casual friends after about 10 weeks, friends after about 18 weeks and close friends "
            "after about 40 weeks. Moving the slider to 1 hour a week stretches everything out: "
            "after 80 weeks the pair are most likely still casual friends. At 10 hours a week "
            "close friendship arrives in about 20 weeks. The cut points come from adult and "
            "college samples and are averages, not guarantees; the numbers are illustrative."
        ),
    )


def school_versus_leisure_figure() -> Explorable:
    """The same hours count for less at school or work than in chosen leisure time."""
    xs = list(range(2, 21))
    traces = []
    for stage in ("casual friend", "close friend"):
        traces.append(dict(x=xs, y=[model.weeks_to_stage(stage, h) for h in xs],
                           name=f"Leisure time → {stage}"))
        traces.append(dict(x=xs, y=[model.weeks_to_stage(stage, 0, h) for h in xs],
                           name=f"School/work time → {stage}"))
    return static_figure(
        traces=traces,
        title="Leisure hours count more than school or work hours (illustrative)",
        x_title="Hours together per week",
        y_title="Weeks to reach the stage",
        summary=(
            "Each line shows how many weeks of steady time together it takes to reach casual "
            "friendship or close friendship, for hours spent in chosen leisure (hanging out, "
            "meals, games) or the same hours spent side by side at school or work. In this "
            "illustrative model school or work hours count 0.4 as much as leisure hours, following "
            "Hall's (2019) finding that leisure time predicted closeness more. At 5 hours a week, "
            "close friendship takes about 40 weeks of leisure time but about 100 weeks of school "
            "time. More hours shorten every wait, with diminishing savings."
        ),
    )


def acquaintances_figure() -> Explorable:
    """Eight simulated acquaintances at the same average pace reach each stage at different times."""
    run = model.simulate(acquaintances=8, weeks=WEEKS, leisure_hours_per_week=5, seed=4)
    weeks = run.weeks.tolist()
    traces = [dict(x=weeks, y=hours, name=f"Acquaintance {i + 1}", line=dict(width=2))
              for i, hours in enumerate(run.hours)]
    for line in _threshold_lines(WEEKS):
        traces.append({**line, "line": dict(color=REFERENCE, dash="dot", width=2)})
    return static_figure(
        traces=traces,
        title="Eight new acquaintances, five leisure hours a week on average (illustrative)",
        x_title="Weeks since meeting",
        y_title="Leisure-equivalent hours together (h)",
        summary=(
            "Eight simulated acquaintances each spend five leisure hours a week with you on "
            "average, but some see you more than others and every week differs. The dotted grey "
            "lines mark the rough cut points for casual friend (about 50 hours), friend (about 90) "
            "and close friend (about 200). The fastest pairing passes 200 hours after about 22 "
            "weeks, while two of the eight are still short of it after 80 weeks, so the same "
            "average pace leads to friendships at quite different times. The numbers are "
            "illustrative."
        ),
    )


def _panel_figure(leisure_hours_per_week: float, school_hours_per_week: float,
                  variation: float, weeks: int) -> go.Figure:
    run = model.simulate(acquaintances=6, weeks=weeks, leisure_hours_per_week=leisure_hours_per_week,
                         school_hours_per_week=school_hours_per_week, variation=variation, seed=1)
    traces = [dict(x=run.weeks.tolist(), y=hours, name=f"Acquaintance {i + 1}", line=dict(width=2))
              for i, hours in enumerate(run.hours)]
    traces += [{**line, "line": dict(color=REFERENCE, dash="dot", width=2)}
               for line in _threshold_lines(weeks)]
    return static_figure(
        traces=traces,
        title=f"{leisure_hours_per_week:g} leisure h + {school_hours_per_week:g} school h per week",
        x_title="Weeks since meeting", y_title="Leisure-equivalent hours (h)", summary="",
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider reruns the simulation of six acquaintances."""
    return LivePanel(
        {
            "leisure_hours_per_week": slider("Leisure hours per week", 5, 0, 20, 0.5),
            "school_hours_per_week": slider("School or work hours per week", 0, 0, 40, 1),
            "variation": slider("How much people differ", 0.5, 0, 1, 0.05),
            "weeks": int_slider("Weeks to follow", WEEKS, 10, 160, 10),
        },
        _panel_figure,
        note="Illustrative model: the hour cut points come from adult and college samples (Hall 2019).",
    )


EXPLORABLES = (explorable, school_versus_leisure_figure, acquaintances_figure)


# --- Chapter 8: a newcomer's first friend (the new-preschool story) -------------------------

FIRST_FRIEND_WEEKS = 52
FIRST_FRIEND_STEPS = [1, 2, 3, 4, 5, 6, 8, 10]
PLAYMATES = 5
NEWCOMERS = 200


def first_friend_weeks(hours_per_week: float, *, as_play: bool = True, playmates: int = PLAYMATES,
                       newcomers: int = NEWCOMERS, weeks: int = FIRST_FRIEND_WEEKS,
                       seed: int = 0) -> list[float]:
    """Week in which each simulated newcomer first has a casual friend (``inf`` if not by ``weeks``).

    Each newcomer meets ``playmates`` children and spends ``hours_per_week`` with each on average,
    counted as leisure (``as_play=True``, weight 1.0) or as time side by side at school
    (weight :data:`belonging.friendship.SCHOOL_WEIGHT`, an assumption of the model). Newcomer ``i``
    is :func:`belonging.friendship.simulate` with ``seed + i``, so the numbers are reproducible.
    """
    leisure, school = (hours_per_week, 0.0) if as_play else (0.0, hours_per_week)
    firsts = []
    for i in range(newcomers):
        run = model.simulate(acquaintances=playmates, weeks=weeks, leisure_hours_per_week=leisure,
                             school_hours_per_week=school, seed=seed + i)
        reached = (run.stage >= 1).any(axis=0)
        firsts.append(float(run.weeks[reached.argmax()]) if reached.any() else float("inf"))
    return firsts


def share_with_first_friend(firsts: list[float], weeks: int = FIRST_FRIEND_WEEKS) -> list[float]:
    """Share of newcomers with a first friend by each week 0..``weeks``."""
    n = len(firsts)
    return [sum(f <= w for f in firsts) / n for w in range(weeks + 1)]


def median_first_friend_week(hours_per_week: float, *, as_play: bool = True) -> float:
    """Week by which half the simulated newcomers have a first friend (``inf`` if not within a year)."""
    ordered = sorted(first_friend_weeks(hours_per_week, as_play=as_play))
    return ordered[(len(ordered) - 1) // 2]


def first_friend_explorable() -> Explorable:
    """Slider: hours a week a newcomer plays with each of five children; share with a first friend."""
    weeks = list(range(FIRST_FRIEND_WEEKS + 1))

    def traces(hours: int) -> list[dict]:
        return [
            dict(x=weeks, y=share_with_first_friend(first_friend_weeks(hours, as_play=True)),
                 name="Play counted as leisure (weight 1.0)"),
            dict(x=weeks, y=share_with_first_friend(first_friend_weeks(hours, as_play=False)),
                 name=f"Play counted as school time (weight {model.SCHOOL_WEIGHT:g}, assumed)"),
        ]

    at3_play = median_first_friend_week(3, as_play=True)
    at3_school = median_first_friend_week(3, as_play=False)
    at1_play = median_first_friend_week(1, as_play=True)
    at8_play = median_first_friend_week(8, as_play=True)
    return slider_figure(
        values=FIRST_FRIEND_STEPS,
        traces_for=traces,
        slider_label="Hours a week with each of five playmates",
        value_format=lambda h: f"{h} h/wk",
        title="A newcomer's first friend, in adult hours (illustrative)",
        x_title="Weeks since starting",
        y_title="Share of 200 simulated newcomers with a first friend",
        static_traces=[dict(x=[0, FIRST_FRIEND_WEEKS], y=[0.5, 0.5], name="Half of newcomers",
                            hoverinfo="skip")],
        active=FIRST_FRIEND_STEPS.index(3),
        layout=dict(yaxis=dict(range=[0, 1.02])),
        summary=(
            "Two hundred simulated newcomers each start spending the same average number of hours a "
            "week with five new children; a first friend is the first of the five to pass the "
            "model's casual-friend cut point (about 50 hours, from Hall's 2019 adult and student "
            "samples). The solid line counts the time as leisure; the dashed line counts it at the "
            f"model's assumed school-time weight of {model.SCHOOL_WEIGHT:g}; the dotted grey line "
            "marks half of the newcomers. At 3 hours a week with "
            f"each child, half of the newcomers have a first friend by week {at3_play:g} if the time "
            f"counts as leisure, but only by week {at3_school:g} if it counts as school time. At 1 hour "
            f"a week, half have one by week {_week_text(at1_play)}; at 8 hours a week, by week "
            f"{at8_play:g}. The lines rise gradually because people differ in pace and in where their "
            "cut points fall. The hours come from adults, not four-year-olds, and the numbers are "
            "illustrative."
        ),
    )


def _week_text(week: float) -> str:
    return f"{week:g}" if week != float("inf") else f"{FIRST_FRIEND_WEEKS} (not within a year)"


EXPLORABLES = EXPLORABLES + (first_friend_explorable,)
