"""The plain week data, the coach's thresholds and the JSON report."""

from __future__ import annotations

import json
from typing import Any

import pytest

from coachdesk.checks import CheckSettings, ClientProfile, Day, Severity, Slot, Week, evaluate
from coachdesk.errors import ValidationError
from coachdesk.vocab import Goal, Muscle, Side, Stage, Weekday

from .factory import DEAD_BUG, GOBLET, POGO, PUSH_UP, SIDE_PLANK, SPLIT_SQUAT, good_week, s

# --- week ------------------------------------------------------------------------------------


def test_from_mapping_builds_all_seven_days_in_order() -> None:
    week = Week.from_mapping({"thu": [s(GOBLET)], "mon": [s(DEAD_BUG)]}, {"thu": "Legs"})
    assert [d.weekday.value for d in week.days] == ["mon", "tue", "wed", "thu", "fri", "sat",
                                                    "sun"]
    assert [d.weekday for d in week.training_days] == [Weekday.MON, Weekday.THU]
    assert week.days[3].title == "Legs"


def test_from_mapping_refuses_an_unknown_day() -> None:
    with pytest.raises(ValueError, match="monday"):
        Week.from_mapping({"monday": [s(GOBLET)]})


def test_a_week_lists_each_day_once() -> None:
    with pytest.raises(ValueError, match="once"):
        Week((Day(Weekday.MON), Day(Weekday.MON)))


def test_slot_volume_is_sets_times_reps_or_seconds() -> None:
    assert Slot(GOBLET, 3, reps=8).volume == 24
    assert Slot(SIDE_PLANK, 3, seconds=30).volume == 90
    assert Slot(GOBLET, 3).volume == 0


def test_exercise_traits() -> None:
    assert SPLIT_SQUAT.is_unilateral and SPLIT_SQUAT.is_lower_body
    assert not SPLIT_SQUAT.is_core and not SPLIT_SQUAT.is_upper_body
    assert PUSH_UP.is_upper_body and not PUSH_UP.is_lower_body
    assert DEAD_BUG.is_core


def test_stats_of_a_small_week() -> None:
    week = Week.from_mapping({
        "mon": [s(GOBLET, 4), s(SPLIT_SQUAT, 2, 8), s(DEAD_BUG, 3)],
        "thu": [s(SPLIT_SQUAT, 2, 10, side=Side.LEFT), s(PUSH_UP, 3)],
    })
    stats = evaluate(week).stats
    # Thursday's two exercises make a micro-session: counted apart from the sessions.
    assert (stats.sessions_per_week, stats.micro_sessions, stats.working_sets) == (1, 1, 14)
    assert (stats.lower_body_sets, stats.unilateral_lower_sets) == (8, 4)
    assert stats.unilateral_share == 0.5
    assert (stats.core_sets, stats.core_planes) == (3, frozenset({"anti_extension"}))
    assert stats.sets_per_muscle[Muscle.GLUTES] == 8
    assert (stats.left_volume, stats.right_volume) == (36, 16)


# --- settings ----------------------------------------------------------------------------------


def test_default_settings_are_the_blogs() -> None:
    settings = CheckSettings()
    assert settings.unilateral_share_min == 0.40 and settings.core_planes_min == 2
    assert settings.frequency == {Goal.RACE: (2, 3), Goal.HOBBY: (3, 4),
                                  Goal.BODY_COMPOSITION: (3, 4)}
    assert Muscle.HIP_ABDUCTORS in settings.key_muscles and Muscle.CHEST not in settings.key_muscles


def test_settings_survive_a_trip_through_json() -> None:
    frequency = {**CheckSettings().frequency, Goal.RACE: (1, 2)}
    settings = CheckSettings(0.5, 3, frozenset({Muscle.GLUTES}), frequency)
    stored = json.loads(json.dumps(settings.to_dict()))
    back = CheckSettings.from_dict(stored)
    assert back == settings and hash(back) == hash(settings)
    assert back != CheckSettings()


def test_a_goal_left_out_of_the_ranges_keeps_its_default() -> None:
    settings = CheckSettings(frequency={Goal.RACE: (1, 2)})
    assert settings.sessions_for(Goal.RACE) == (1, 2)
    assert settings.sessions_for(Goal.HOBBY) == (3, 4)
    assert CheckSettings.from_dict(settings.to_dict()).sessions_for(Goal.HOBBY) == (3, 4)


def test_missing_settings_take_the_defaults() -> None:
    assert CheckSettings.from_dict({}) == CheckSettings()
    assert CheckSettings.from_dict({"frequency": {"hobby": [2, 5]}}).frequency[Goal.HOBBY] == (2, 5)


@pytest.mark.parametrize(("data", "field"), [
    ({"unilateral_share_min": 1.5}, "unilateral_share_min"),
    ({"unilateral_share_min": "0.4"}, "unilateral_share_min"),
    ({"unilateral_share_min": True}, "unilateral_share_min"),
    ({"core_planes_min": 4}, "core_planes_min"),
    ({"core_planes_min": 2.5}, "core_planes_min"),
    ({"key_muscles": "glutes"}, "key_muscles"),
    ({"key_muscles": ["glutes", "biceps"]}, "key_muscles"),
    ({"frequency": {"race": [3, 2]}}, "frequency"),
    ({"frequency": {"race": [0, 2]}}, "frequency"),
    ({"frequency": {"race": [2]}}, "frequency"),
    ({"frequency": {"race": ["2", "3"]}}, "frequency"),
    ({"frequency": {"marathon": [2, 3]}}, "frequency"),
    ({"frequency": [2, 3]}, "frequency"),
])
def test_bad_settings_name_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        CheckSettings.from_dict(data)
    assert caught.value.field == field


def test_settings_are_checked_when_built_directly() -> None:
    with pytest.raises(ValidationError):
        CheckSettings(unilateral_share_min=-0.1)
    with pytest.raises(ValidationError):
        CheckSettings(frequency={Goal.RACE: (4, 2)})


# --- report -------------------------------------------------------------------------------------


def test_the_report_is_json_ready() -> None:
    week = good_week()
    week["mon"] = [s(POGO), *week["mon"]]
    report = evaluate(Week.from_mapping(week), ClientProfile(stage=Stage.STABILITY))
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"findings", "stats"}
    first = data["findings"][0]
    assert first["code"] == "PLYO_BEFORE_STRENGTH" and first["severity"] == "error"
    assert first["days"] == ["mon"] and first["slots"] == [{"day": "mon", "position": 0}]
    assert data["stats"]["sessions_per_week"] == 2
    assert data["stats"]["core_planes"] == ["anti_extension", "anti_lateral_flexion",
                                            "anti_rotation"]
    assert report.worst == Severity.ERROR and len(report.errors) == 1
    calm = evaluate(Week.from_mapping(good_week()), ClientProfile(goal=Goal.RACE))
    assert calm.findings == () and calm.worst is None
    assert calm.errors == calm.warnings == calm.infos == ()
