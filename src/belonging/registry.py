"""Every model in the course, by name: used by the step test, the benchmarks and the model page.

Each entry names a model module (``belonging.<name>``) with ``default_run()``, and a
presentation module (``belonging.figures.<name>``) with ``explorable()``, ``panel()`` and a
tuple ``EXPLORABLES`` of every figure the course shows for that model
(:func:`explorables` adds figures from other modules that draw the same model).
"""
from __future__ import annotations

import importlib
from types import ModuleType

MODELS: dict[str, str] = {
    "homeostat": "Belonging homeostat",
    "friendship": "Friendship hours",
    "survival": "Survival in groups",
    "ostracism": "Ostracism and need threat",
    "mortality": "Mortality comparison",
    "network": "Interdependence network",
    "risk_regulation": "Risk regulation",
    "loneliness_loop": "Loneliness loop",
    "convoy": "Convoy across the lifespan",
    "support": "Social support",
    "weak_ties": "Weak ties and social capital",
    "alone_lonely": "Alone versus lonely",
    "needs": "Needs and well-being",
}


def model_module(name: str) -> ModuleType:
    return importlib.import_module(f"belonging.{name}")


def figure_module(name: str) -> ModuleType:
    return importlib.import_module(f"belonging.figures.{name}")


#: Presentation modules that are not named after a model but draw one: their figures belong to
#: that model (chapter 10's intervention comparison runs the loneliness loop).
EXTRA_PRESENTATIONS: dict[str, tuple[str, ...]] = {"loneliness_loop": ("interventions",)}


def explorables(name: str) -> tuple:
    """Every figure the course shows for model ``name``, from all its presentation modules."""
    modules = [figure_module(name)] + [importlib.import_module(f"belonging.figures.{extra}")
                                        for extra in EXTRA_PRESENTATIONS.get(name, ())]
    return tuple(build for module in modules for build in module.EXPLORABLES)
