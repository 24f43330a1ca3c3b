"""Answer checks for the exercise notebooks, one module per chapter.

Every check takes whatever the learner typed and returns a message; it never raises.
A correct answer returns exactly :data:`CORRECT`, which is what the otter tests expect,
so a wrong answer shows the learner our feedback instead of a traceback.
"""
CORRECT = "Correct!"
