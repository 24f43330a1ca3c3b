"""Every public function of the exercises and the models refuses nonsense at once (issue 21).

NaN, infinities and sizes that would not finish, passed to any parameter of any public function,
raise a ValueError that names that parameter, within a few seconds, instead of answering
(ch02.smallest_group(share=nan) gave a group size) or hanging (ch04.most_catches_below_midpoint
with a huge `throws` did not return). The exercises' check_* functions are not here: they answer
every value with feedback (tests/test_exercises.py).
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import signal
from contextlib import contextmanager

import pytest

import belonging
import belonging.exercises

NONSENSE = {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf"), "huge": 10**12}
SECONDS = 5
#: A valid value for each required parameter (the fuzz varies one parameter at a time).
VALID = {
    "alone_lonely.correlation_at": lambda: {"parameter": "contact_mean", "value": 2.0},
    "alone_lonely.sweep": lambda: {"parameter": "contact_mean", "values": [1.0, 2.0]},
    "friendship.stage_curves": lambda: {"leisure_hours_per_week": 4.0},
    "friendship.weeks_to_stage": lambda: {"stage": "casual friend", "leisure_hours_per_week": 4.0},
    "friendship.weighted_hours": lambda: {"leisure_hours": 4.0},
    "homeostat.simulate": lambda: {"partners": [_partner()]},
    "homeostat.simulate_one": lambda: {"contacts_per_week": 2.0, "bond_stability": 0.5},
    "homeostat.steady_state": lambda: {"contacts_per_week": 2.0, "bond_stability": 0.5},
    "needs.belonging_gain": lambda: {"basic": 0.5},
    "network.ego_layers": lambda: {"seed": 0},
    "network.loneliness_scores": lambda: {"adjacency": _adjacency(), "contagion": 0.2},
    "ostracism.expected_need_level": lambda: {"share_received": 0.5},
    "ostracism.simulate_condition": lambda: {"condition": "inclusion"},
    "ostracism.time_course": lambda: {"share_received": 0.5},
    "risk_regulation.threshold": lambda: {"regard": 0.5},
    "support.distress_by_stress": lambda: {"survey": _survey()},
    "support.expected_distress": lambda: {"stress": 0.5, "integration": 0.5, "support": 0.5},
    "survival.compare": lambda: {"cv": 1.0},
    "survival.simulate": lambda: {"cv": 1.0},
    "survival.survival_probability": lambda: {"cv": 1.0},
    "exercises.ch04.need_level_after": lambda: {"catches": 2},
    "exercises.ch09.still_lonely": lambda: {"threat_bias": 0.6, "start_loneliness": 0.3},
    "exercises.ch12.kept_share": lambda: {"circle": 2},
}


def _partner():
    from belonging import homeostat
    return homeostat.Partner(contacts_per_week=2.0, bond_stability=0.5)


def _adjacency():
    import numpy as np
    return np.array([[0, 1], [1, 0]])


def _survey():
    from belonging import support
    return support.default_run()
MODELS = [m.name for m in pkgutil.iter_modules(belonging.__path__)
          if not m.ispkg and not m.name.startswith("_") and m.name != "registry"]
EXERCISES = [m.name for m in pkgutil.iter_modules(belonging.exercises.__path__) if m.name.startswith("ch")]


def _functions(package: str, names: list[str]):
    for name in names:
        module = importlib.import_module(f"{package}.{name}")
        for fname, func in inspect.getmembers(module, inspect.isfunction):
            if func.__module__ != module.__name__ or fname.startswith(("_", "check_")):
                continue
            yield module.__name__.removeprefix("belonging."), fname, func


def _cases():
    for where, fname, func in [*_functions("belonging", MODELS), *_functions("belonging.exercises", EXERCISES)]:
        for param in inspect.signature(func).parameters.values():
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            example = param.default
            if example is param.empty:
                example = VALID.get(f"{where}.{fname}", dict)().get(param.name)
            # Numbers only: a parameter whose default or valid example is a number.
            if isinstance(example, bool) or not isinstance(example, (int, float)):
                continue
            yield pytest.param(func, param.name, id=f"{where}.{fname}.{param.name}")


CASES = list(_cases())


@contextmanager
def time_limit(seconds: int):
    def stop(signum, frame):
        raise TimeoutError(f"did not return within {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_survey_finds_the_functions_the_fuzz_found_wrong():
    ids = {case.id for case in CASES}
    assert {"exercises.ch02.smallest_group.share", "exercises.ch04.most_catches_below_midpoint.throws",
            "exercises.ch04.most_catches_below_midpoint.midpoint",
            "exercises.ch08.fewest_hours_for_close_friend.weeks"} <= ids
    assert len(CASES) > 60


@pytest.mark.parametrize("func, param", CASES)
@pytest.mark.parametrize("kind", list(NONSENSE))
def test_nonsense_is_refused_naming_the_argument(func, param, kind):
    where = f"{func.__module__.removeprefix('belonging.')}.{func.__name__}"
    required = [p.name for p in inspect.signature(func).parameters.values()
                if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    arguments = VALID[where]() if required else {}
    assert set(required) <= set(arguments), f"VALID needs a value for {where}'s {required}"
    with time_limit(SECONDS), pytest.raises(ValueError) as refused:
        func(**{**arguments, param: NONSENSE[kind]})
    # correlation_at(parameter, value) checks `value` as the model parameter it sets.
    named = arguments["parameter"] if param == "value" and "parameter" in arguments else param
    assert named in str(refused.value), f"the message does not name {named}: {refused.value}"


@pytest.mark.parametrize("shares", [[0.1, float("nan")], [float("inf")], "0.5", 3])
def test_a_sequence_of_shares_is_checked_item_by_item(shares):
    from belonging.exercises import ch11
    with pytest.raises(ValueError, match="shares"):
        ch11.first_step_half(shares)
