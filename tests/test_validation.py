"""The field rules the models and the PDF command's brand share."""

from __future__ import annotations

import pytest

from coachdesk import validation
from coachdesk.errors import ValidationError
from coachdesk.models import BrandProfile, Client


def test_each_rule_cleans_or_names_the_field() -> None:
    assert validation.color("accent_color", " #ABCDEF ") == "#abcdef"
    assert validation.one_line("website", "  coach.example  ") == "coach.example"
    assert validation.email(None) == ""
    assert validation.choice("paper", "Letter", validation.PAPER_SIZES) == "Letter"
    for check, message in [
        (lambda: validation.color("primary_color", "teal"), "'teal' is not a colour"),
        (lambda: validation.one_line("phone", "1\r2"), "Phone must be on one line"),
        (lambda: validation.one_line("website", "x" * 301), "Website must be at most 300"),
        (lambda: validation.email("a@b"), "E-mail: 'a@b' is not a valid e-mail address"),
        (lambda: validation.choice("units", "stone", validation.UNITS),
         "Units must be one of kg, lb"),
        (lambda: validation.footer("x" * 2_001), "Footer must be at most 2000"),
    ]:
        with pytest.raises(ValidationError, match=message):
            check()


def test_the_models_use_the_shared_rules() -> None:
    with pytest.raises(ValidationError, match="is not a colour"):
        BrandProfile(primary_color="#12345")
    with pytest.raises(ValidationError, match="must be on one line"):
        BrandProfile(business_name="Two\nlines")
    with pytest.raises(ValidationError, match="is not a valid e-mail address"):
        Client(email="nobody")
    assert BrandProfile(accent_color="#E07A2F").accent_color == "#e07a2f"
