"""The balance rules: one small function each, reading a :class:`Context`, yielding findings.

Each docstring names the rule's source: the coaching blog in ``shared/seed`` or a study it
cites. Adding a check means adding a function here, listing it in ``RULES`` and a test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from coachdesk.checks.report import Context, Finding, PlacedSlot, Severity
from coachdesk.checks.week import ExerciseInfo
from coachdesk.vocab import (
    WEEKDAYS,
    CorePlane,
    Goal,
    Injury,
    Intensity,
    Muscle,
    Phase,
    RaceDistance,
    Stage,
    Weekday,
    phrase,
)

DAY_NAMES = {Weekday.MON: "Monday", Weekday.TUE: "Tuesday", Weekday.WED: "Wednesday",
             Weekday.THU: "Thursday", Weekday.FRI: "Friday", Weekday.SAT: "Saturday",
             Weekday.SUN: "Sunday"}
SHORT_DAY = {w: DAY_NAMES[w][:3] for w in WEEKDAYS}
ANTI_PLANES = (CorePlane.ANTI_EXTENSION, CorePlane.ANTI_ROTATION, CorePlane.ANTI_LATERAL_FLEXION)
STAGE_PHASES = {
    Stage.STABILITY: (Phase.STABILITY,),
    Stage.STRENGTH: (Phase.STRENGTH, Phase.STABILITY),
    Stage.POWER: (Phase.POWER, Phase.STRENGTH, Phase.STABILITY),
}


# --- wording helpers -------------------------------------------------------------------------


def and_list(items: Sequence[str], word: str = "and") -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def day_list(days: Iterable[Weekday]) -> str:
    ordered = sorted(set(days), key=WEEKDAYS.index)
    return and_list([DAY_NAMES[d] for d in ordered])


def slot_list(placed: Sequence[PlacedSlot], limit: int = 4) -> str:
    """``Goblet Squat (Mon), Romanian Deadlift (Thu)``, shortened after ``limit`` slots."""
    named = [f"{p.exercise.name} ({SHORT_DAY[p.weekday]})" for p in placed]
    named = list(dict.fromkeys(named))
    if len(named) > limit:
        return f"{', '.join(named[:limit])} and {len(named) - limit} more"
    return and_list(named)


def client_name(ctx: Context) -> str:
    return ctx.client.name if ctx.client and ctx.client.name else "this client"


def possessive(ctx: Context) -> str:
    return f"{ctx.client.name}'s" if ctx.client and ctx.client.name else "The client's"


def suggestions(ctx: Context, wanted: Callable[[ExerciseInfo], bool], count: int = 3
                ) -> list[str]:
    """Library exercises that would fix a finding, fitting the client's stage, not already
    in the week; plyometric work is never suggested before the power stage."""
    if not ctx.library:
        return []
    used = {p.exercise.name.casefold() for p in ctx.placed}
    stage = ctx.client.stage if ctx.client and ctx.client.stage else Stage.STRENGTH
    phases = STAGE_PHASES[stage]
    fitting = [
        e for e in ctx.library
        if wanted(e) and e.name.casefold() not in used and e.phase in phases
        and not (e.plyometric and stage != Stage.POWER)
    ]
    fitting.sort(key=lambda e: (phases.index(e.phase), e.name))
    return [e.name for e in fitting[:count]]


def hint(ctx: Context, wanted: Callable[[ExerciseInfo], bool], fallback: str,
         lead: str = "Add") -> str:
    names = suggestions(ctx, wanted)
    if names:
        return f"{lead} {and_list(names, 'or')}."
    return fallback


# --- the rules ----------------------------------------------------------------------------------


def empty_week(ctx: Context) -> Iterator[Finding]:
    """A program needs exercises. (Blog: runners benefit from two to four strength sessions a
    week, depending on their goal.)"""
    if not ctx.placed:
        yield Finding(
            "EMPTY_WEEK", Severity.ERROR, "This week has no exercises yet.",
            hint="Drag exercises from the library onto two or more days to build the sessions.",
        )


def unilateral_share_low(ctx: Context) -> Iterator[Finding]:
    """Running is a series of single-leg landings (Panariello & Hansen 2011); the blog asks
    for single-leg stability first and favours split squats, lunges and step-downs."""
    stats = ctx.stats
    minimum = ctx.settings.unilateral_share_min
    if not stats.lower_body_sets or stats.unilateral_share >= minimum:
        return
    bilateral = [p for p in ctx.placed
                 if p.exercise.is_lower_body and not p.exercise.is_unilateral]
    yield Finding(
        "UNILATERAL_SHARE_LOW", Severity.WARNING,
        f"Only {stats.unilateral_share:.0%} of the lower-body sets are single-leg work "
        f"({stats.unilateral_lower_sets} of {stats.lower_body_sets}); aim for at least "
        f"{minimum:.0%}. Two-leg work this week: {slot_list(bilateral)}.",
        days=tuple(sorted({p.weekday for p in bilateral}, key=WEEKDAYS.index)),
        slots=tuple(p.where for p in bilateral),
        hint=hint(ctx, lambda e: e.is_unilateral and e.is_lower_body,
                  "Swap a two-leg lift for a split squat, step-down or single-leg hinge.",
                  "Swap some two-leg work for"),
    )


def sides_uneven(ctx: Context) -> Iterator[Finding]:
    """Each leg takes every other stride, so one-sided work should load both legs alike
    (blog: unilateral training for even foot, ankle and hip strength)."""
    left, right = ctx.stats.left_volume, ctx.stats.right_volume
    if left == right:
        return
    one_sided = [p for p in ctx.placed if p.slot.side is not None]
    light = "right" if left > right else "left"
    yield Finding(
        "SIDES_UNEVEN", Severity.WARNING,
        f"The left leg gets {left} reps (or seconds) a week and the right {right}: "
        f"{slot_list(one_sided)} load one side only.",
        days=tuple(sorted({p.weekday for p in one_sided}, key=WEEKDAYS.index)),
        slots=tuple(p.where for p in one_sided),
        hint=f"Add matching {light}-side work, or set the one-sided slots to “per side”.",
    )


def core_missing_day(ctx: Context) -> Iterator[Finding]:
    """The blog asks for core strength in every basic program, for posture over long runs."""
    days = [d.weekday for d in ctx.week.training_days
            if not any(s.exercise.is_core for s in d.slots)]
    if not days:
        return
    verb = "has" if len(days) == 1 else "have"
    yield Finding(
        "CORE_MISSING_DAY", Severity.WARNING,
        f"{day_list(days)} {verb} no core exercise.",
        days=tuple(days),
        hint=hint(ctx, lambda e: e.is_core,
                  "Add a plank, dead bug, Pallof press or side plank to each session.",
                  "Add a core exercise to each of those days, such as"),
    )


def core_planes_narrow(ctx: Context) -> Iterator[Finding]:
    """A runner's trunk resists bending forward, twisting and side-bending on every stride;
    train more than one of those (blog: core strength for posture)."""
    if not ctx.week.training_days:
        return
    covered = [p for p in ANTI_PLANES if p in ctx.stats.core_planes]
    if len(covered) >= ctx.settings.core_planes_min:
        return
    missing = [p for p in ANTI_PLANES if p not in covered]
    covered_text = and_list([phrase(p) for p in covered]) or "no anti-movement plane"
    yield Finding(
        "CORE_PLANES_NARROW", Severity.INFO,
        f"The core work covers {covered_text}; anti-extension, anti-rotation and "
        "anti-lateral-flexion all matter for a stable trunk on the run.",
        days=tuple(d.weekday for d in ctx.week.training_days),
        hint=hint(ctx, lambda e: e.core_plane in missing,
                  f"Add {and_list([phrase(p) for p in missing], 'or')} work.",
                  "Add, for another plane,"),
    )


def muscle_uncovered(ctx: Context) -> Iterator[Finding]:
    """Glutes, hamstrings, quads and core belong in every basic program; calves, feet and
    ankles and the hip abductors protect against common running injuries (blog)."""
    missing = [m for m in Muscle if m in ctx.settings.key_muscles
               and not ctx.stats.sets_per_muscle.get(m)]
    if not missing:
        return
    names = []
    for muscle in missing:
        names += suggestions(ctx, lambda e, m=muscle: m in e.muscles, 1)
    yield Finding(
        "MUSCLE_UNCOVERED", Severity.WARNING,
        f"No sets this week for {and_list([phrase(m) for m in missing])}.",
        hint=(f"Add {and_list(list(dict.fromkeys(names)))}." if names
              else f"Add work for {and_list([phrase(m) for m in missing])}."),
    )


def frequency_fits_goal(ctx: Context) -> Iterator[Finding]:
    """Racers do best with two (up to three) full-body sessions a week; hobby runners and
    runners after body composition, three to four (blog)."""
    if ctx.client is None or ctx.client.goal is None:
        return
    low, high = ctx.settings.frequency[ctx.client.goal]
    sessions = ctx.stats.sessions_per_week
    goal = {Goal.RACE: "a race goal", Goal.HOBBY: "a hobby runner",
            Goal.BODY_COMPOSITION: "a body-composition goal"}[ctx.client.goal]
    if sessions < low:
        code, word = "FREQUENCY_BELOW_GOAL", "fewer"
        fix = f"Add {low - sessions} more session{'s' if low - sessions > 1 else ''}."
    elif sessions > high:
        code, word = "FREQUENCY_ABOVE_GOAL", "more"
        fix = "Merge sessions or turn one into a rest day; running is training too."
    else:
        return
    yield Finding(
        code, Severity.WARNING,
        f"{sessions} strength session{'s' if sessions != 1 else ''} this week is {word} than "
        f"the {low}–{high} that suit {goal}.",
        days=tuple(d.weekday for d in ctx.week.training_days),
        hint=fix,
    )


def not_full_body(ctx: Context) -> Iterator[Finding]:
    """With two or three sessions a week, make each one full body (blog)."""
    days = ctx.week.training_days
    if not 2 <= len(days) <= 3:
        return
    for day in days:
        exercises = [s.exercise for s in day.slots]
        missing = [part for part, present in (
            ("lower body", any(e.is_lower_body for e in exercises)),
            ("core", any(e.is_core for e in exercises)),
            ("upper body", any(e.is_upper_body for e in exercises)),
        ) if not present]
        if missing:
            yield Finding(
                "NOT_FULL_BODY", Severity.INFO,
                f"{DAY_NAMES[day.weekday]}'s session has no {and_list(missing)} work; with "
                f"{len(days)} sessions a week each one should be full body.",
                days=(day.weekday,),
                hint=hint(ctx, lambda e, m=missing: ("upper body" in m and e.is_upper_body)
                          or ("core" in m and e.is_core)
                          or ("lower body" in m and e.is_lower_body),
                          f"Add {and_list(missing)} work to {DAY_NAMES[day.weekday]}.",
                          f"On {DAY_NAMES[day.weekday]}, add"),
            )


def plyometrics_before_strength(ctx: Context) -> Iterator[Finding]:
    """Master stability and balance, then add load; only after a strength base add
    plyometrics and jumping (blog)."""
    if ctx.client is None or ctx.client.stage != Stage.STABILITY:
        return
    jumps = [p for p in ctx.placed if p.exercise.plyometric or p.exercise.phase == Phase.POWER]
    if jumps:
        yield Finding(
            "PLYO_BEFORE_STRENGTH", Severity.ERROR,
            f"{slot_list(jumps)} {'is' if len(jumps) == 1 else 'are'} power work, but "
            f"{client_name(ctx)} is still at the stability stage.",
            days=tuple(sorted({p.weekday for p in jumps}, key=WEEKDAYS.index)),
            slots=tuple(p.where for p in jumps),
            hint=hint(ctx, lambda e: e.phase == Phase.STABILITY and e.is_lower_body,
                      "Replace the jumps with balance and control work until a strength "
                      "base is built.", "Replace the jumps for now with"),
        )


def load_before_stability(ctx: Context) -> Iterator[Finding]:
    """Stability and balance come before load (blog)."""
    if ctx.client is None or ctx.client.stage != Stage.STABILITY:
        return
    heavy = [p for p in ctx.placed if p.slot.intensity == Intensity.HEAVY]
    if heavy:
        yield Finding(
            "LOAD_BEFORE_STABILITY", Severity.WARNING,
            f"{slot_list(heavy)} {'is' if len(heavy) == 1 else 'are'} set heavy, but "
            f"{client_name(ctx)} is at the stability stage.",
            days=tuple(sorted({p.weekday for p in heavy}, key=WEEKDAYS.index)),
            slots=tuple(p.where for p in heavy),
            hint="Use light or moderate loads until balance and control are solid.",
        )


def eccentric_hamstring_missing(ctx: Context) -> Iterator[Finding]:
    """Sprinters often strain hamstrings as they absorb knee extension at speed; eccentric
    hamstring work (Nordic curls, glute ham raises) builds strength where it is weakest
    (blog)."""
    client = ctx.client
    if client is None:
        return
    at_risk = Injury.HAMSTRING_STRAIN in client.injuries or client.race_distance == \
        RaceDistance.SPRINT
    if not at_risk:
        return
    if any(p.exercise.eccentric and Muscle.HAMSTRINGS in p.exercise.muscles for p in ctx.placed):
        return
    why = ("a history of hamstring strains" if Injury.HAMSTRING_STRAIN in client.injuries
           else "sprint racing")
    yield Finding(
        "ECCENTRIC_HAMSTRING_MISSING", Severity.WARNING,
        f"With {why}, {client_name(ctx)} needs eccentric hamstring work, and this week has "
        "none.",
        hint=hint(ctx, lambda e: e.eccentric and Muscle.HAMSTRINGS in e.muscles,
                  "Add a Nordic curl or glute ham raise.", "Add"),
    )


def _unilateral_with(muscle: Muscle) -> Callable[[ExerciseInfo], bool]:
    return lambda e: e.is_unilateral and muscle in e.muscles


INJURY_FOCUS: dict[Injury, tuple[tuple[str, Callable[[ExerciseInfo], bool], Severity], ...]] = {
    # Verrelst 2013: weak hip abductors and external rotators preceded shin pain; the blog
    # adds calves and, as a smaller part, the tibialis.
    Injury.SHIN_SPLINTS: (
        ("calves", lambda e: Muscle.CALVES in e.muscles, Severity.WARNING),
        ("hip abductors", lambda e: Muscle.HIP_ABDUCTORS in e.muscles, Severity.WARNING),
        ("tibialis", lambda e: Muscle.TIBIALIS in e.muscles, Severity.INFO),
    ),
    # Fredericson 2000: distance runners with ITB syndrome had weak hip abductors.
    Injury.ITBS: (
        ("hip abductors", lambda e: Muscle.HIP_ABDUCTORS in e.muscles, Severity.WARNING),
    ),
    # Prins & van der Wurff 2009, Niemuth 2005: knee pain goes with weak hips.
    Injury.KNEE_PAIN: (
        ("hip abductors", lambda e: Muscle.HIP_ABDUCTORS in e.muscles, Severity.WARNING),
        ("single-leg quad work", _unilateral_with(Muscle.QUADS), Severity.WARNING),
    ),
    Injury.PATELLOFEMORAL_PAIN: (
        ("hip abductors", lambda e: Muscle.HIP_ABDUCTORS in e.muscles, Severity.WARNING),
        ("single-leg quad work", _unilateral_with(Muscle.QUADS), Severity.WARNING),
    ),
    # Blog: balancing on one leg strengthens the feet and the tissues around the ankle.
    Injury.ANKLE_SPRAIN: (
        ("single-leg balance work for the feet and ankles", _unilateral_with(Muscle.FEET_ANKLES),
         Severity.WARNING),
    ),
}


def injury_focus_missing(ctx: Context) -> Iterator[Finding]:
    """An injury history asks for its focus groups (sources beside ``INJURY_FOCUS``)."""
    if ctx.client is None:
        return
    exercises = [p.exercise for p in ctx.placed]
    for injury in Injury:
        if injury not in ctx.client.injuries:
            continue
        for severity in (Severity.WARNING, Severity.INFO):
            missing = [(name, test) for name, test, level in INJURY_FOCUS.get(injury, ())
                       if level == severity and not any(test(e) for e in exercises)]
            if not missing:
                continue
            names: list[str] = []
            for _name, test in missing:
                names += suggestions(ctx, test, 2)
            yield Finding(
                "INJURY_FOCUS_MISSING", severity,
                f"{possessive(ctx)} {phrase(injury)} history calls for "
                f"{and_list([n for n, _t in missing])}, and this week has none.",
                hint=(f"Add {and_list(list(dict.fromkeys(names)), 'or')}." if names
                      else f"Add work for {and_list([n for n, _t in missing])}."),
            )


def heavy_before_key_run(ctx: Context) -> Iterator[Finding]:
    """Heavy leg work the day before or the day of a hard or long run leaves the legs tired
    for the session that matters most (coaching practice; blog: running is the main goal)."""
    if ctx.client is None or not ctx.client.key_run_days:
        return
    runs = ctx.client.key_run_days
    for placed in ctx.placed:
        if placed.slot.intensity != Intensity.HEAVY or not placed.exercise.is_lower_body:
            continue
        next_day = WEEKDAYS[(WEEKDAYS.index(placed.weekday) + 1) % 7]
        if placed.weekday in runs:
            when = f"on {DAY_NAMES[placed.weekday]}, a key run day"
        elif next_day in runs:
            when = f"on {DAY_NAMES[placed.weekday]}, the day before {DAY_NAMES[next_day]}'s key run"
        else:
            continue
        yield Finding(
            "HEAVY_BEFORE_KEY_RUN", Severity.WARNING,
            f"Heavy {placed.exercise.name} {when}.",
            days=(placed.weekday,),
            slots=(placed.where,),
            hint="Move it to a day with no key run next, or lower it to moderate.",
        )


RULES: tuple[Callable[[Context], Iterable[Finding]], ...] = (
    empty_week,
    plyometrics_before_strength,
    unilateral_share_low,
    sides_uneven,
    core_missing_day,
    muscle_uncovered,
    frequency_fits_goal,
    load_before_stability,
    eccentric_hamstring_missing,
    injury_focus_missing,
    heavy_before_key_run,
    core_planes_narrow,
    not_full_body,
)
