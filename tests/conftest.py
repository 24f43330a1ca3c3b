import os

from hypothesis import settings

# Property tests: enough examples to find edge cases, few enough for a 2-core CI machine.
settings.register_profile("course", max_examples=60, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "course"))
