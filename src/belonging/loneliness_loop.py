"""Loneliness loop: an illustrative model of how loneliness can keep itself going.

Sources: Cacioppo & Hawkley (2009), "Perceived social isolation and cognition", Trends in
Cognitive Sciences 13(10), 447–454; Hawkley & Cacioppo (2010), "Loneliness matters",
Annals of Behavioral Medicine 40(2), 218–227; Masi, Chen, Hawkley & Cacioppo (2011), "A
meta-analysis of interventions to reduce loneliness", Personality and Social Psychology
Review 15(3), 219–266; Knowles, Lucas, Baumeister & Gardner (2015), "Choking under social
pressure", PSPB 41(6), 805–821. None of them publishes equations: this is a pedagogical
translation (course dossier §2.4 and §3.4), and its numbers are **illustrative**.

What the model keeps from the theory
------------------------------------
Week by week, a person has a few social interactions (a random, Poisson number).

* **Loneliness** ``L`` (0 = connected, 1 = very lonely) is *perceived* isolation: it drifts
  towards a level set by how connecting this week's interactions *felt*, not by how many
  there were.
* **Hypervigilance** ``V`` for social threat follows loneliness: the lonelier you are, the
  more you watch for signs of rejection.
* **Bias.** Vigilance colours perception: an interaction is felt as
  ``true valence − threat_bias·V``. ``threat_bias`` is the person's susceptibility; it is the
  attentional, confirmatory and memory bias of Cacioppo & Hawkley's loop.
* **Behavioural confirmation.** Vigilance also makes a person warier and less warm, and
  other people respond to warmth: the *true* valence of an interaction depends on the
  environment's friendliness and on the person's own warmth, plus noise. So a lonely,
  vigilant person really does meet cooler responses, which confirms the fear.
* The model treats the lonely person's difficulty as **bias and anxiety, not missing
  skill**: their baseline warmth is the same as anyone's, and only vigilance lowers it.
  That is a modelling choice, not a settled finding: Knowles et al. (2015) found in four
  small studies that lonely people decode social cues well unless they feel evaluated, but
  Floyd & Woo (2020, Personal Relationships 27(1), 209–223) did not replicate it (lonelier
  adults decoded worse overall), and Pearce et al. (2022, IJBD 46(1), 50–62) found it in
  54,060 people only at ages 25–34.

Each week, loneliness moves towards ``0.05 + 0.9 / (1 + exp(s·(felt − need)))``, where
``felt`` is the sum of the week's felt valences; vigilance then moves towards loneliness.
With a low bias the loop has one resting state (connected); with a high bias it has two,
and a person who starts lonely stays there.

Interventions (a 12-week programme starting in week 8, then stopped), after Masi et al.'s
four types: ``"more_contact"`` doubles the number of interactions; ``"social_skills"`` raises
baseline warmth; ``"social_support"`` adds two interactions a week with a reliably warm
supporter; ``"social_cognition"`` shrinks the threat bias. ``"none"`` is the comparison.
Because every programme stops, a lasting effect needs the person to be tipped out of the
lonely resting state. More contact cannot do that for a strongly biased person: when the
average interaction *feels* negative, more interactions add more felt rejection.

What it leaves out: the physiology (sleep, stress hormones), genes, network contagion,
depression, and every individual story. Intervention strengths are chosen by hand.

Reproduces (tests/models/test_loneliness_loop.py): two people in the same environment with
different threat bias diverge, one recovers and one stays lonely; and for a high-bias person,
averaged over seeds, changing social cognition reduces loneliness most, while more contact
alone does no better than the other interventions and brings little or no lasting relief.
Only the **ordering** follows Masi et al. (2011), whose randomized studies found
social-cognitive interventions most effective; the model's magnitudes are not theirs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._checks import check_choice, check_int, check_number, make_rng

INTERVENTIONS = ("none", "more_contact", "social_skills", "social_support", "social_cognition")

#: Baseline warmth of anyone who is not vigilant (the same for lonely and non-lonely people).
BASE_WARMTH = 0.8
#: How much full vigilance lowers one's own warmth (anxiety, not lack of skill).
VIGILANCE_COOLS = 0.2
#: Spread of the true valence of single interactions.
VALENCE_NOISE = 0.2
#: Felt connection (sum of perceived valences) at which loneliness sits halfway.
NEED = 0.5
#: How sharply loneliness responds to a week's felt connection.
SENSITIVITY = 2.0
#: Loneliness never settles quite at 0 or 1: ordinary ups and downs remain.
FLOOR, CEILING = 0.05, 0.95
#: Share of the gap to this week's level that loneliness closes; vigilance follows loneliness.
LONELINESS_RATE = 0.3
VIGILANCE_RATE = 0.3

#: The programme: when it starts, how long it lasts, and what each type changes.
PROGRAMME_START = 8
PROGRAMME_WEEKS = 12
CONTACT_MULTIPLIER = 2.0
SKILLS_BOOST = 0.15
SUPPORT_VALENCE = 0.8
SUPPORT_CONTACTS = 2
COGNITION_BIAS_FACTOR = 0.3

MAX_WEEKS = 156
MAX_CONTACTS_PER_WEEK = 30.0


@dataclass(frozen=True)
class LonelinessRun:
    weeks: np.ndarray              # 0 .. n (index 0 is the starting state)
    loneliness: np.ndarray         # L, 0..1
    vigilance: np.ndarray          # V, 0..1
    warmth: np.ndarray             # own warmth shown to others, 0..1
    true_valence: np.ndarray       # mean valence of the week's interactions as they were (NaN if none)
    perceived_valence: np.ndarray  # mean valence as they felt (NaN if none)
    intervention: str


@dataclass(frozen=True)
class _Week:
    """What the programme changes in one week."""

    contact_multiplier: float = 1.0
    warmth_boost: float = 0.0
    supporter: bool = False
    bias_factor: float = 1.0


PLANS = {
    "none": _Week(),
    "more_contact": _Week(contact_multiplier=CONTACT_MULTIPLIER),
    "social_skills": _Week(warmth_boost=SKILLS_BOOST),
    "social_support": _Week(supporter=True),
    "social_cognition": _Week(bias_factor=COGNITION_BIAS_FACTOR),
}


def _schedule(intervention: str, weeks: int) -> list[_Week]:
    """The plan for every week: the intervention inside the programme weeks, nothing outside."""
    end = PROGRAMME_START + PROGRAMME_WEEKS
    return [PLANS[intervention] if PROGRAMME_START <= w < end else PLANS["none"] for w in range(weeks)]


def simulate(
    threat_bias: float = 0.7,
    intervention: str = "none",
    *,
    weeks: int = 52,
    friendliness: float = 0.7,
    contacts_per_week: float = 5.0,
    start_loneliness: float = 0.6,
    seed: int = 0,
) -> LonelinessRun:
    """Run the loop week by week; ``friendliness`` is how warmly others meet a warm person."""
    threat_bias = check_number("threat_bias", threat_bias, 0.0, 1.0)
    intervention = check_choice("intervention", intervention, INTERVENTIONS)
    weeks = check_int("weeks", weeks, 1, MAX_WEEKS)
    friendliness = check_number("friendliness", friendliness, 0.0, 1.0)
    contacts_per_week = check_number("contacts_per_week", contacts_per_week, 0.0, MAX_CONTACTS_PER_WEEK)
    start_loneliness = check_number("start_loneliness", start_loneliness, 0.0, 1.0)
    rng = make_rng(seed)
    plans = _schedule(intervention, weeks)
    # Draw all randomness up front (fast, and independent of threat_bias, so runs that differ
    # only in bias meet exactly the same people with the same luck).
    others = rng.poisson([contacts_per_week * plan.contact_multiplier for plan in plans])
    supporters = [SUPPORT_CONTACTS if plan.supporter else 0 for plan in plans]
    noise = rng.normal(0.0, VALENCE_NOISE, int(others.sum()) + sum(supporters))
    lonely = vigil = float(start_loneliness)
    rows = [(lonely, vigil, BASE_WARMTH - VIGILANCE_COOLS * vigil, np.nan, np.nan)]
    used = 0
    for plan, k, extra in zip(plans, others, supporters):
        warmth = BASE_WARMTH + plan.warmth_boost - VIGILANCE_COOLS * vigil   # 0.6 .. 0.95: inside 0..1
        true = noise[used:used + k + extra].copy()
        used += k + extra
        true[:k] += friendliness + warmth - 1.0   # others respond to warmth: behavioural confirmation
        true[k:] += SUPPORT_VALENCE               # a supporter is warm whatever your manner
        np.clip(true, -1.0, 1.0, out=true)
        shift = threat_bias * plan.bias_factor * vigil   # vigilance colours every interaction
        felt_sum = float(true.sum()) - shift * true.size
        target = FLOOR + (CEILING - FLOOR) / (1.0 + math.exp(SENSITIVITY * (felt_sum - NEED)))
        lonely += LONELINESS_RATE * (target - lonely)
        vigil += VIGILANCE_RATE * (lonely - vigil)
        mean_true = float(true.mean()) if true.size else np.nan
        rows.append((lonely, vigil, warmth, mean_true, mean_true - shift))
    cols = np.array(rows).T
    return LonelinessRun(np.arange(weeks + 1), *cols, intervention=intervention)


def compare(
    threat_bias: float = 0.7,
    *,
    seeds: int = 20,
    weeks: int = 52,
    friendliness: float = 0.7,
    contacts_per_week: float = 5.0,
    start_loneliness: float = 0.6,
) -> dict[str, np.ndarray]:
    """Mean loneliness over weeks for each intervention, averaged over ``seeds`` simulated people.

    Every intervention sees the same seeds 0 .. seeds-1, so the comparison is like-for-like.
    """
    n = check_int("seeds", seeds, 1, 200)
    out = {}
    for name in INTERVENTIONS:
        runs = [simulate(threat_bias, name, weeks=weeks, friendliness=friendliness,
                         contacts_per_week=contacts_per_week, start_loneliness=start_loneliness,
                         seed=s).loneliness for s in range(n)]
        out[name] = np.mean(runs, axis=0)
    return out


def default_run() -> LonelinessRun:
    """A person with a strong threat bias, a year with no intervention."""
    return simulate()
