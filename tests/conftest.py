"""Shared pytest set-up: Hypothesis profiles.

"dev" (the default) explores new random examples on every run; "ci" (chosen
when the CI variable is set, or with HYPOTHESIS_PROFILE=ci) is derandomized so
that a CI run is repeatable. Neither sets a deadline: timing belongs to the
benchmarks, not to the tests. Per-test @settings (max_examples) still apply.
"""

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
