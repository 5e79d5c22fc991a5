"""Hypothesis strategies for the one query-parameter policy (portal/params.py), stated
independently of its code: what a visitor may type is answered (200, with a notice at
most); a control character or a number no one could type is a 400 that says why."""

import string

from hypothesis import strategies as st

# Control characters the policy refuses: C0 except tab, LF, CR; DEL and C1.
CONTROL = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]]
# Numbers no keyboard in the visitor's hands produces for a number field: digits of
# other scripts, and integers beyond the database's 64-bit range (2**63 - 1 has 19 digits).
MALFORMED_NUMBERS = ["²", "①", "٣", "１２", "٣٤", "9" * 20, "-" + "9" * 20, str(2**63)]

# Any text without control characters (a search box, a type name).
typed_text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
# What may be typed into a number field: ASCII words, signs and digits, up to 18 digits
# (always within the database's range), words and decimals included.
typed_number = st.one_of(
    st.text(alphabet=string.ascii_letters + " .,+-", max_size=12),
    st.integers(min_value=-(10**18), max_value=10**18).map(str),
    st.sampled_from(["", "0", "-1", "4.5", "abc", "1e3"]),
)


def with_control_character(text):
    """``text`` with a refused control character put inside it."""
    return st.tuples(st.sampled_from(CONTROL), st.integers(0, len(text))).map(
        lambda pair: text[: pair[1]] + pair[0] + text[pair[1] :]
    )
