"""The Need to Belong: illustrative, seeded models used throughout the course.

Each model lives in its own module and imports no plotting or widget library.
Figures, live panels and quizzes live in :mod:`belonging.present`.
"""
__version__ = "0.1.0"
