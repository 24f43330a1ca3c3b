"""The Need to Belong: illustrative, seeded models used throughout the course.

Each model lives in its own module and imports no plotting or widget library.
Figures and live panels live in :mod:`belonging.figures`, page components (quizzes, games,
reflections, progress) in :mod:`belonging.pages`, and the LMS exports in :mod:`belonging.lms`.
"""
__version__ = "0.1.0"
