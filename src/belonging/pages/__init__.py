"""Page components: the HTML a chapter's hidden cells emit (quizzes, predict-first prompts,
the Cyberball game, reflections, the progress and review pages) and the bank checks behind them.
A component's own browser script sits beside it in ``static/`` (see CONTRIBUTING, "Where code
lives"); scripts every page loads live in ``book/_static/``.
"""
