"""The registry gathers every figure the course shows for each model."""
import importlib

from belonging import registry


def test_explorables_are_a_models_own_figures_plus_those_other_modules_draw_from_it():
    """Chapter 10's intervention comparison runs the loneliness loop, so its figures count as the
    loop's; every other model's figures are exactly its own presentation module's."""
    for name in registry.MODELS:
        own = tuple(registry.figure_module(name).EXPLORABLES)
        extra = tuple(build for module in registry.EXTRA_PRESENTATIONS.get(name, ())
                      for build in importlib.import_module(f"belonging.figures.{module}").EXPLORABLES)
        assert registry.explorables(name) == own + extra, name
    interventions = importlib.import_module("belonging.figures.interventions").EXPLORABLES
    assert len(interventions) > 0
    assert registry.explorables("loneliness_loop")[-len(interventions):] == tuple(interventions)
