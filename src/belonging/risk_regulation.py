"""Risk regulation: an illustrative model of balancing connection against self-protection.

Sources: Murray, Holmes & Collins (2006), "Optimizing assurance: The risk regulation system
in relationships", Psychological Bulletin 132(5), 641–666; Murray, Derrick, Leder & Holmes
(2008), JPSP 94(3), 429–459; and, for the self-fulfilling prophecy, Downey, Freitas,
Michaelis & Khouri (1998), JPSP 75, 545–560. None of them publishes equations: this is a
pedagogical translation (course dossier §2.2 and §3.3), and its numbers are
**illustrative**, not measurements.

The theory was built for **romantic relationships**. Applying it to friendships or groups,
as the course does, is an extension, not a tested claim.

What the model keeps from the theory
------------------------------------
Each episode the partner does something a little ambiguous: its negativity ``x`` (0 = plainly
warm, 1 = plainly cold) is centred on ``1 - W``, where ``W`` is the partner's actual warmth,
with random noise. Then three if–then rules run:

1. **Appraisal.** IF the partner's behaviour is ambiguous, THEN gauge it against a rejection
   threshold ``θ(R) = θ0 + a·R + charitable_interpretation``. Low perceived regard ``R`` means a
   low threshold, so more rejection is read into the same behaviour:
   ``p_reject = σ(k·(x − θ))``.
2. **Affective signal.** IF rejection is perceived, THEN hurt follows, more so for people who
   doubt their partner's regard: ``hurt = p_reject·(1 − R)``.
3. **Behaviour.** IF hurt passes a threshold ``τ``, THEN self-protect (lower dependence ``D``:
   distance, rely less); ELSE connect (raise ``D``: seek closeness, rely on the partner).

And the loop closes through the partner and through experience:

* **Behavioural confirmation.** The partner's warmth drifts towards a level set by their own
  baseline warmth and by the agent's dependence: withdrawal cools the partner, connection
  warms them (Downey et al. 1998: rejection-sensitive behaviour elicits the feared rejection).
* **Learning.** Perceived regard drifts towards the acceptance actually experienced:
  ``R ← R + η·(accept − R)``, with ``accept = 1 − p_reject·(1 − reassurance)``: a responsive
  partner's reassurance repairs part of each perceived slight.

What it leaves out: self-esteem as a separate trait, the partner's own insecurities, the
executive-control conflict between the two goals that Murray et al. (2008) describe, conflict
of interests, and everything else that makes a real relationship.

Reproduces (tests/models/test_risk_regulation.py): **two basins** with the same partner, a
secure loop (high regard, high dependence) and a self-protective loop (low regard, low
dependence); reassurance or charitable interpretation moves an agent from the self-protective
basin into the secure one; and the self-protective loop cools the partner.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._checks import check_int, check_number, make_rng

#: Rejection threshold at zero perceived regard, and how much full regard raises it.
THRESHOLD_BASE = 0.15
THRESHOLD_PER_REGARD = 0.55
#: Steepness of the appraisal rule: how sharply "probably rejecting" turns on around θ.
APPRAISAL_STEEPNESS = 10.0
#: Hurt above this level triggers self-protection instead of connection.
HURT_THRESHOLD = 0.2
#: How far one episode moves dependence (up when connecting, down when self-protecting).
DEPENDENCE_STEP = 0.1
#: How strongly the agent's dependence pulls the partner's warmth away from its baseline.
PARTNER_REACTIVITY = 0.3
#: Share of the gap the partner's warmth closes per episode.
PARTNER_ADJUSTMENT = 0.2
#: Learning rate of perceived regard from experienced acceptance.
REGARD_LEARNING = 0.1
#: Spread of the partner's behaviour around its warmth (how ambiguous episodes are).
AMBIGUITY = 0.15

MAX_EPISODES = 500
MAX_CHARITY = 0.5


@dataclass(frozen=True)
class RiskRun:
    episodes: np.ndarray        # 0 .. n (index 0 is the starting state)
    regard: np.ndarray          # R: perceived regard, 0..1
    dependence: np.ndarray      # D: dependence / closeness-seeking, 0..1
    partner_warmth: np.ndarray  # W: the partner's actual warmth, 0..1
    rejection: np.ndarray       # p_reject read into each episode (index 0 is 0)
    hurt: np.ndarray            # affective signal of each episode (index 0 is 0)
    self_protect: np.ndarray    # True where the behavioural rule chose self-protection

    @property
    def basin(self) -> str:
        """Where the run ended: 'secure', 'self-protective' or 'undecided'."""
        return classify(float(self.regard[-1]), float(self.dependence[-1]))


def classify(regard: float, dependence: float) -> str:
    """The basin a state lies in: 'secure' (both at least 0.6), 'self-protective' (both at most
    0.4) or 'undecided'."""
    regard = check_number("regard", regard, 0.0, 1.0)
    dependence = check_number("dependence", dependence, 0.0, 1.0)
    if regard >= 0.6 and dependence >= 0.6:
        return "secure"
    if regard <= 0.4 and dependence <= 0.4:
        return "self-protective"
    return "undecided"


def threshold(regard: float, charitable_interpretation: float = 0.0) -> float:
    """Rule 1's rejection threshold θ(R): how cold behaviour must look before it reads as rejection."""
    check_number("regard", regard, 0.0, 1.0)
    check_number("charitable_interpretation", charitable_interpretation, 0.0, MAX_CHARITY)
    return THRESHOLD_BASE + THRESHOLD_PER_REGARD * regard + charitable_interpretation


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def simulate(
    initial_regard: float = 0.5,
    *,
    partner_warmth: float = 0.6,
    reassurance: float = 0.0,
    charitable_interpretation: float = 0.0,
    initial_dependence: float = 0.5,
    episodes: int = 80,
    seed: int = 0,
) -> RiskRun:
    """Run the risk-regulation loop for a number of ambiguous episodes with one partner."""
    r = check_number("initial_regard", initial_regard, 0.0, 1.0)
    base_w = check_number("partner_warmth", partner_warmth, 0.0, 1.0)
    reassure = check_number("reassurance", reassurance, 0.0, 1.0)
    charity = check_number("charitable_interpretation", charitable_interpretation, 0.0, MAX_CHARITY)
    d = check_number("initial_dependence", initial_dependence, 0.0, 1.0)
    n = check_int("episodes", episodes, 1, MAX_EPISODES)
    rng = make_rng(seed)
    noise = rng.normal(0.0, AMBIGUITY, n)
    w = base_w
    regard, dep, warmth = [r], [d], [w]
    rejection, hurts, protect = [0.0], [0.0], [False]
    for t in range(n):
        x = min(1.0, max(0.0, 1.0 - w + noise[t]))
        p = _sigmoid(APPRAISAL_STEEPNESS * (x - threshold(r, charity)))   # rule 1: appraisal
        hurt = p * (1.0 - r)                                                # rule 2: affect
        shields = hurt > HURT_THRESHOLD  # rule 3  # pragma: no mutate (continuous hurt: > and >= agree)
        d = max(0.0, d - DEPENDENCE_STEP) if shields else min(1.0, d + DEPENDENCE_STEP)
        target = min(1.0, max(0.0, base_w + PARTNER_REACTIVITY * (d - 0.5)))
        w += PARTNER_ADJUSTMENT * (target - w)                              # partner responds to D
        accept = 1.0 - p * (1.0 - reassure)
        r += REGARD_LEARNING * (accept - r)                                 # regard learns
        for series, value in ((regard, r), (dep, d), (warmth, w), (rejection, p),
                              (hurts, hurt), (protect, shields)):
            series.append(value)
    return RiskRun(
        episodes=np.arange(n + 1),
        regard=np.array(regard),
        dependence=np.array(dep),
        partner_warmth=np.array(warmth),
        rejection=np.array(rejection),
        hurt=np.array(hurts),
        self_protect=np.array(protect),
    )


def default_run() -> RiskRun:
    """An agent who starts unsure of a moderately warm partner's regard, for 80 episodes."""
    return simulate()
