"""Answer checks for the exercise notebooks, one module per chapter.

Every check takes whatever the learner typed and returns a message; it never raises.
A correct answer returns exactly :data:`CORRECT`, which is what the otter tests expect,
so a wrong answer shows the learner our feedback instead of a traceback.
"""
CORRECT = "Correct!"

#: What a multiple-choice check returns for any valid letter. The package students install holds
#: no answer key: which letter is right is decided only by the autograder's hidden tests.
RECORDED = "Recorded: a valid choice. Multiple-choice answers are marked only when your work is graded."
