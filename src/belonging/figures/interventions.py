"""Chapter 10's figures: kinds of help for loneliness, compared on the loneliness loop.

Model: :mod:`belonging.loneliness_loop` (illustrative; only the *ordering* of the kinds of help
follows Masi et al. 2011). The threat-bias comparison is
:func:`belonging.figures.loneliness_loop.explorable`; this module adds two views of it:

* :func:`explorable`: the same five kinds of help for a person with a strong threat bias, with
  the *setting* on the slider (how friendly other people are). It shows what Walton et al.
  (2023) found for the social-belonging intervention: help that changes how a person reads
  social life works only where the setting offers something to belong to.
* :func:`during_and_after_figure`: for that person in the chapter's default setting, each kind
  of help while the programme runs and at the end of the year.

It lives in its own module (not in the model's presentation module) so that chapter 10 can
grow without touching chapter 9's figures; it has its own ``EXPLORABLES``.
"""
from __future__ import annotations

import numpy as np

from .. import loneliness_loop as model
from . import loneliness_loop as loop_figures
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel

#: The person every figure here follows: a strong threat bias, as in chapter 9's person B.
THREAT_BIAS = loop_figures.HIGH_BIAS
#: The chapter's default setting (the model's default friendliness).
FRIENDLINESS = 0.7
#: Settings on the slider, from cool to very warm.
FRIENDLINESS_STEPS = [round(0.1 * i, 1) for i in range(4, 11)]
WEEKS = loop_figures.WEEKS
PEOPLE = loop_figures.PEOPLE

#: Rows of a run that hold the level at the end of each programme week.
DURING = slice(model.PROGRAMME_START + 1, model.PROGRAMME_START + model.PROGRAMME_WEEKS + 1)
#: The row at the end of the programme's last week.
PROGRAMME_END = model.PROGRAMME_START + model.PROGRAMME_WEEKS


def curves(friendliness: float = FRIENDLINESS, threat_bias: float = THREAT_BIAS) -> dict[str, np.ndarray]:
    """Mean loneliness, week by week, of the same 20 simulated people under each kind of help."""
    return model.compare(threat_bias, seeds=PEOPLE, weeks=WEEKS, friendliness=friendliness)


def during_and_after(friendliness: float = FRIENDLINESS,
                     threat_bias: float = THREAT_BIAS) -> dict[str, tuple[float, float]]:
    """For each kind of help: (mean loneliness over the programme weeks, loneliness at week 52)."""
    return {name: (float(curve[DURING].mean()), float(curve[-1]))
            for name, curve in curves(friendliness, threat_bias).items()}


def explorable() -> Explorable:
    """How friendly the setting is on the slider; one line per kind of help, 20 people each."""
    weeks = list(range(WEEKS + 1))

    def traces(friendliness: float) -> list[dict]:
        found = curves(friendliness)
        return [dict(x=weeks, y=found[name], name=loop_figures.LABELS[name]) for name in model.INTERVENTIONS]

    return slider_figure(
        values=FRIENDLINESS_STEPS,
        traces_for=traces,
        slider_label="How friendly other people are",
        value_format=lambda f: f"{f:.1f}",
        title="The same help in cooler and warmer settings (illustrative model)",
        x_title="Week",
        y_title=loop_figures.LONELINESS_AXIS,
        active=FRIENDLINESS_STEPS.index(FRIENDLINESS),
        layout=loop_figures._layout(),
        summary=(
            "Each line is the average of 20 simulated people with a strong threat bias (0.7) who "
            "start fairly lonely (0.6); a 12-week programme runs from week 8. The slider sets how "
            "friendly the people around them are. In cool settings (0.4 and 0.5) nothing helps "
            "for long: changing social cognition lowers loneliness only partly while it runs (to "
            "about 0.69 by its last week at 0.5), and everyone ends the year near 0.94. At 0.6 the "
            "cognitive programme brings loneliness down to about 0.37 by its last week, but once it "
            "stops the loop closes again and the year ends near 0.94. At 0.7 its gain lasts: about "
            "0.38 at the end of the year against 0.92 with no help, while the other kinds of help "
            "fade. At 0.8, 15 of the 20 people recover without any help, and skills training, a "
            "supporter or changing social cognition speed that up; at 0.9 and 1.0 all 20 recover. "
            "Changing how interactions "
            "are read helps for good only where the interactions are good enough to be worth "
            "reading kindly."
        ),
    )


def during_and_after_figure() -> Explorable:
    """Bars: each kind of help while it runs and at the end of the year, for the high-bias person."""
    found = during_and_after()
    labels = [loop_figures.LABELS[name] for name in model.INTERVENTIONS]
    return static_figure(
        traces=[
            dict(type="bar", x=labels, y=[found[n][0] for n in model.INTERVENTIONS],
                 name="During the programme (average over its 12 weeks)"),
            dict(type="bar", x=labels, y=[found[n][1] for n in model.INTERVENTIONS],
                 name="End of the year (week 52)", marker=dict(pattern=dict(shape="/"))),
        ],
        title="Each kind of help while it runs and after it stops (illustrative model)",
        x_title="Kind of help",
        y_title=loop_figures.LONELINESS_AXIS,
        layout=dict(barmode="group", yaxis=dict(range=[0, 1]), hovermode="closest"),
        summary=(
            "For 20 simulated people with a strong threat bias (0.7) in a fairly friendly setting "
            "(0.7), the first bar of each pair is average loneliness over the 12 programme weeks "
            "and the second is loneliness at the end of the year. With no help it is about 0.89 "
            "during those weeks and 0.92 at the end. More contact is no better: 0.92 and 0.92. "
            "Social-skills training (0.78) and a supporter (0.81) help a little while they run, "
            "and nothing of it is left at the end (0.92). Changing social cognition brings it to "
            "0.37 during the programme and 0.38 at the end of the year."
        ),
    )


def panel() -> LivePanel:
    """The loneliness loop's live panel: every slider reruns all five kinds of help."""
    return loop_figures.panel()


EXPLORABLES = (explorable, during_and_after_figure)
