"""Every model in the course, by name: used by the step test, the benchmarks and the model page.

Each entry names a model module (``belonging.<name>``) with ``default_run()``, and a
presentation module (``belonging.present.<name>``) with ``explorable()``, ``panel()`` and a
tuple ``EXPLORABLES`` of every figure the course shows for that model.
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


def present_module(name: str) -> ModuleType:
    return importlib.import_module(f"belonging.present.{name}")
