import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.validators import normalise_vietnamese_phone, tel_href, validate_vietnamese_phone


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("0912 345 678", "+84912345678"),
        ("+84 912.345.678", "+84912345678"),
        ("0203 3878 123", "+842033878123"),
        ("(0203) 3878-123", "+842033878123"),
    ],
)
def test_vietnamese_numbers_are_accepted_however_they_are_typed(typed, normalised):
    validate_vietnamese_phone(typed)
    assert normalise_vietnamese_phone(typed) == normalised
    assert tel_href(typed) == f"tel:{normalised}"


@pytest.mark.parametrize("typed", ["12345", "0912 345 67", "+86 912 345 678", "phone", ""])
def test_numbers_that_are_not_vietnamese_are_rejected_with_a_clear_message(typed):
    for language, words in (("en", "Vietnamese phone number"), ("vi", "Nhập số điện thoại")):
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                validate_vietnamese_phone(typed)
            assert words in str(error.value)
    assert tel_href(typed) == ""
