"""Exports for learning management systems, run as ``python -m belonging.lms`` (``make lms``):
the quiz and exam banks as GIFT and QTI 1.2 (``formats``), the course as one Common Cartridge
(``cartridge``), and seeded exam variants (``variants``, with ``model_questions``).
Imports run one way: ``__main__`` → ``cartridge``/``variants`` → ``formats`` → ``belonging.pages.quiz``.
"""
