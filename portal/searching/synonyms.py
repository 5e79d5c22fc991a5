"""Common English names of Vietnamese things, as foreign visitors type them.

Each folded phrase on the left is searched as the folded words on the right. Page
titles already exist in English, so only names with no English word in any title
belong here; editors can add more per page in the Promote tab's search description.
"""

import re

ENGLISH_NAMES = {
    "lunar new year": "tet",
    "new year": "tet",
}


def expand(folded):
    """'dao new year' → 'dao tet' (longest names first, whole words only)."""
    for name in sorted(ENGLISH_NAMES, key=len, reverse=True):
        folded = re.sub(rf"\b{re.escape(name)}\b", ENGLISH_NAMES[name], folded)
    return folded
