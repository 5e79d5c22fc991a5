"""Test settings with Simplified Chinese switched on, as `PORTAL_LANGUAGES=vi,en,zh-hans`
would do in production: CI runs the whole suite a second time with these."""

import os

os.environ["PORTAL_LANGUAGES"] = "vi,en,zh-hans"

from .test import *  # noqa: E402, F403
