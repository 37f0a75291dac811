"""One place names the weekdays and turns an enum member into its plain value."""

from __future__ import annotations

import pytest

from coachdesk.vocab import WEEKDAYS, Weekday, day_name, short_day_name


def test_day_names_in_week_order_from_an_enum_or_its_value() -> None:
    assert [day_name(w) for w in WEEKDAYS] == ["Monday", "Tuesday", "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"]
    assert day_name("thu") == day_name(Weekday.THU) == "Thursday"
    assert short_day_name("sun") == "Sun"
    with pytest.raises(ValueError):
        day_name("someday")


def test_plain_turns_enum_members_into_their_values_and_leaves_the_rest() -> None:
    from coachdesk.vocab import Side, plain

    assert plain(Side.LEFT) == "left" and type(plain(Side.LEFT)) is str
    assert plain(None) is None
    assert plain("left") == "left" and plain(3) == 3
