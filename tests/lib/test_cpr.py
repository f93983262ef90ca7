import datetime

import pydantic
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import Promise
from hypothesis import given
from hypothesis import strategies as st

from pejling.lib.cpr import NoCprStr, contains_cpr_number, find_cpr_numbers, validate_no_cpr

DANISH_MESSAGE = (
    "Teksten ser ud til at indeholde et CPR-nummer. Fjern det, og beskriv personen uden CPR-nummer."
)
ENGLISH_MESSAGE = (
    "The text seems to contain a CPR number. Remove it and describe the person without the "
    "CPR number."
)


@pytest.mark.parametrize(
    "text",
    [
        "010190-1234",
        "0101901234",
        "Borgeren (0101901234) ringede i dag.",
        "CPR: 010190-1234.",
        "311299-0000",
    ],
)
def test_valid_cpr_number_is_found(text):
    assert contains_cpr_number(text)


def test_find_returns_the_number_as_written():
    assert find_cpr_numbers("A 010190-1234 og B 0202024321") == ["010190-1234", "0202024321"]


@pytest.mark.parametrize("text", ["320190-1234", "311390-1234", "000000-0000", "310490-1234"])
def test_number_without_a_real_date_is_allowed(text):
    assert not contains_cpr_number(text)


@pytest.mark.parametrize("seventh", ["4", "5", "6", "7", "8", "9"])
def test_29_february_2000_is_a_date(seventh):
    assert contains_cpr_number(f"290200-{seventh}123")


@pytest.mark.parametrize("seventh", ["0", "1", "2", "3"])
def test_29_february_1900_is_not_a_date(seventh):
    assert not contains_cpr_number(f"290200-{seventh}123")


def test_29_february_in_a_leap_year_of_the_1800s_is_a_date():
    assert contains_cpr_number("290260-5123")  # 1860


def test_29_february_in_a_common_year_is_not_a_date():
    assert not contains_cpr_number("290201-4123")


@pytest.mark.parametrize(
    "text",
    [
        "12345678901234",
        "010190123456",
        "90101901234",
        "010190-12345",
        "Sag 2011-116007",
        "Dokument 2011-704991",
        "sagsnummer 2011-116007, dokumentnummer 2011-704991",
    ],
)
def test_digits_inside_longer_numbers_are_not_matched(text):
    assert not contains_cpr_number(text)


def test_empty_text_has_no_cpr_number():
    assert find_cpr_numbers("") == []


def test_validator_refuses_cpr_number_with_danish_message():
    with pytest.raises(ValidationError) as caught:
        validate_no_cpr("Borgeren har CPR 010190-1234")
    assert caught.value.code == "cpr_number"
    assert caught.value.messages == [DANISH_MESSAGE]


def test_validator_message_is_translated_when_rendered():
    with pytest.raises(ValidationError) as caught:
        validate_no_cpr("0101901234")
    message = caught.value.message
    assert isinstance(message, Promise)  # lazy: rendered in the reader's language
    with translation.override("en"):
        assert str(message) == ENGLISH_MESSAGE
    with translation.override("da"):
        assert str(message) == DANISH_MESSAGE


def test_validator_accepts_text_without_cpr_number():
    validate_no_cpr("Sag 2011-116007 om borgeren")


def test_validator_ignores_values_that_are_not_text():
    validate_no_cpr(None)


class _Note(pydantic.BaseModel):
    body: NoCprStr


def test_pydantic_type_refuses_cpr_number():
    with pytest.raises(pydantic.ValidationError) as caught:
        _Note(body="ring til 010190-1234")
    assert DANISH_MESSAGE in str(caught.value)


def test_pydantic_type_message_follows_the_active_language():
    with translation.override("en"), pytest.raises(pydantic.ValidationError) as caught:
        _Note(body="ring til 010190-1234")
    assert ENGLISH_MESSAGE in str(caught.value)


def test_pydantic_type_accepts_text_without_cpr_number():
    assert _Note(body="Sag 2011-116007").body == "Sag 2011-116007"


def _seventh_digits_for(year: int) -> list[int]:
    """The CPR Office's century table, written out independently of the code under test."""
    digits = []
    if 1900 <= year <= 1999:
        digits += [0, 1, 2, 3]
    if (2000 <= year <= 2036) or (1937 <= year <= 1999):
        digits += [4, 9]
    if (2000 <= year <= 2057) or (1858 <= year <= 1899):
        digits += [5, 6, 7, 8]
    return digits


@given(
    date=st.dates(min_value=datetime.date(1858, 1, 1), max_value=datetime.date(2057, 12, 31)),
    data=st.data(),
    rest=st.integers(min_value=0, max_value=999),
    hyphen=st.booleans(),
)
def test_every_real_date_with_a_matching_sequence_digit_is_detected(date, data, rest, hyphen):
    seventh = data.draw(st.sampled_from(_seventh_digits_for(date.year)))
    number = f"{date:%d%m%y}{'-' if hyphen else ''}{seventh}{rest:03d}"
    assert find_cpr_numbers(f"Notat om {number} fra mødet") == [number]
