"""The shared argument checks: what a learner who types a bad value reads, word for word.

Every model validates through ``belonging._checks``, so a wrong bound, a lost parameter name or
a garbled message here would mislead learners in every chapter.
"""
import fractions
import math

import numpy as np
import pytest

from belonging import _checks as c


# --- check_number -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", [0.25, 0.5, 0.75, np.float64(0.6), fractions.Fraction(1, 2)])
def test_number_inside_the_range_comes_back_as_a_float(value):
    got = c.check_number("rate", value, 0.25, 0.75)
    assert type(got) is float and got == float(value)


def test_whole_numbers_are_numbers_too():
    got = c.check_number("rate", 1, 0, 2)
    assert type(got) is float and got == 1.0


@pytest.mark.parametrize("value", [0.25, 0.75])
def test_number_range_includes_both_ends(value):
    assert c.check_number("rate", value, 0.25, 0.75) == value


@pytest.mark.parametrize("value", [math.nextafter(0.25, -1), math.nextafter(0.75, 2), -1e9, 1e9])
def test_number_just_outside_is_rejected_with_name_range_and_value(value):
    with pytest.raises(ValueError) as error:
        c.check_number("rate", value, 0.25, 0.75)
    assert str(error.value) == f"rate must be a number between 0.25 and 0.75; got {value!r}"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_number_not_finite_is_rejected(value):
    with pytest.raises(ValueError) as error:
        c.check_number("rate", value, -math.inf, math.inf)
    assert str(error.value) == f"rate must be a number between -inf and inf; got {value!r}"


@pytest.mark.parametrize("value, kind", [(True, "bool"), (False, "bool"), ("0.5", "str"),
                                         (None, "NoneType"), (1j, "complex"), ([0.5], "list")])
def test_number_of_the_wrong_type_says_what_it_got(value, kind):
    with pytest.raises(ValueError) as error:
        c.check_number("rate", value, 0, 1)
    assert str(error.value) == f"rate must be a number between 0 and 1; got {value!r} of type {kind}"


def test_long_values_are_shortened_in_the_message():
    """A learner who passes a whole list sees its start, not a screenful."""
    exactly_40 = "x" * 38  # repr adds two quotes: 40 characters, shown whole
    with pytest.raises(ValueError) as error:
        c.check_number("rate", exactly_40, 0, 1)
    assert str(error.value).endswith(f"got '{exactly_40}' of type str")
    longer = "y" * 39  # 41 characters: the first 37, then "..."
    with pytest.raises(ValueError) as error:
        c.check_number("rate", longer, 0, 1)
    assert str(error.value).endswith("got '" + "y" * 36 + "... of type str")
    assert c._describe(list(range(100))) == repr(list(range(100)))[:37] + "..."
    assert len(c._describe(list(range(100)))) == 40


# --- check_int --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [3, 7, 5, np.int64(4), 5.0, np.float64(6.0)])
def test_whole_number_inside_the_range_comes_back_as_an_int(value):
    got = c.check_int("days", value, 3, 7)
    assert type(got) is int and got == value


@pytest.mark.parametrize("value", [2, 8, 2.0, 8.0, -(10**20), 10**20])
def test_whole_number_outside_the_range_names_it(value):
    with pytest.raises(ValueError) as error:
        c.check_int("days", value, 3, 7)
    assert str(error.value) == f"days must be a whole number between 3 and 7; got {int(value)}"


@pytest.mark.parametrize("value, kind", [(2.5, "float"), (True, "bool"), (False, "bool"), ("5", "str"),
                                         (None, "NoneType"), (math.nan, "float"), (math.inf, "float")])
def test_not_a_whole_number_says_what_it_got(value, kind):
    with pytest.raises(ValueError) as error:
        c.check_int("days", value, 0, 10)
    assert str(error.value) == f"days must be a whole number between 0 and 10; got {value!r} of type {kind}"


# --- seeds, choices, random generators --------------------------------------------------------

@pytest.mark.parametrize("seed", [0, c.SEED_MAX, 12.0])
def test_seed_accepts_the_whole_range(seed):
    assert c.check_seed(seed) == seed


@pytest.mark.parametrize("seed", [-1, c.SEED_MAX + 1])
def test_seed_outside_the_range_is_rejected(seed):
    with pytest.raises(ValueError) as error:
        c.check_seed(seed)
    assert str(error.value) == f"seed must be a whole number between 0 and {2**32 - 1}; got {seed}"


def test_make_rng_is_seeded_and_checked():
    a, b = c.make_rng(5).random(3), np.random.default_rng(5).random(3)
    assert np.array_equal(a, b)
    assert not np.array_equal(c.make_rng(6).random(3), b)
    with pytest.raises(ValueError, match=r"^seed must be a whole number between 0 and"):
        c.make_rng(-5)


def test_choice_returns_the_choice_and_lists_every_option():
    assert c.check_choice("by", "support", ("support", "integration")) == "support"
    assert c.check_choice("by", "integration", ("support", "integration")) == "integration"
    for value, shown in (("friends", "'friends'"), (3, "3"), (None, "None")):
        with pytest.raises(ValueError) as error:
            c.check_choice("by", value, ("support", "integration"))
        assert str(error.value) == f"by must be one of 'support', 'integration'; got {shown}"
