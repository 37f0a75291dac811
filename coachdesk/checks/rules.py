"""The balance rules: one small function each, reading a :class:`Context`, yielding findings.

Each docstring names the rule's source: the coaching blog in ``shared/seed`` ("Strength
Training for Runners") or a study it cites. Adding a check means adding a function here,
listing it in ``RULES`` and adding a row to ``tests/checks/test_rules.py``.
"""

from __future__ import annotations

import math
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
    Side,
    Stage,
    Weekday,
    phrase,
)

Rule = Callable[[Context], Iterable[Finding]]
Wanted = Callable[[ExerciseInfo], bool]

DAY_NAMES = {Weekday.MON: "Monday", Weekday.TUE: "Tuesday", Weekday.WED: "Wednesday",
             Weekday.THU: "Thursday", Weekday.FRI: "Friday", Weekday.SAT: "Saturday",
             Weekday.SUN: "Sunday"}
SHORT_DAY = {w: DAY_NAMES[w][:3] for w in WEEKDAYS}
DAY_INDEX = {w: i for i, w in enumerate(WEEKDAYS)}
NEXT_DAY = {w: WEEKDAYS[(i + 1) % 7] for i, w in enumerate(WEEKDAYS)}
PREVIOUS_DAY = {w: WEEKDAYS[i - 1] for i, w in enumerate(WEEKDAYS)}
ANTI_PLANES = (CorePlane.ANTI_EXTENSION, CorePlane.ANTI_ROTATION, CorePlane.ANTI_LATERAL_FLEXION)
# Which exercise phases suit a client's stage, best fit first.
STAGE_PHASES = {
    Stage.STABILITY: (Phase.STABILITY,),
    Stage.STRENGTH: (Phase.STRENGTH, Phase.STABILITY),
    Stage.POWER: (Phase.POWER, Phase.STRENGTH, Phase.STABILITY),
}
MAX_SUGGESTIONS = 3


# --- wording helpers -------------------------------------------------------------------------


def and_list(items: Iterable[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (duplicates dropped, order kept); a serial comma
    when an item has an "and" of its own (``calves, and feet and ankles``)."""
    unique = list(dict.fromkeys(items))
    if len(unique) <= 1:
        return "".join(unique)
    comma = "," if len(unique) > 2 and any(" and " in i for i in unique) else ""
    return f"{', '.join(unique[:-1])}{comma} {word} {unique[-1]}"


def short_list(items: Iterable[str], limit: int = 4) -> str:
    """Like :func:`and_list`, ending in ``and 3 more`` after ``limit`` items."""
    unique = list(dict.fromkeys(items))
    if len(unique) > limit:
        return f"{', '.join(unique[:limit])} and {len(unique) - limit} more"
    return and_list(unique)


def ordered_days(days: Iterable[Weekday]) -> tuple[Weekday, ...]:
    return tuple(sorted(set(days), key=DAY_INDEX.__getitem__))


def day_list(days: Iterable[Weekday], word: str = "and") -> str:
    """``Monday and Thursday``, in week order."""
    return and_list([DAY_NAMES[d] for d in ordered_days(days)], word)


def days_of(placed: Iterable[PlacedSlot]) -> tuple[Weekday, ...]:
    return ordered_days(p.weekday for p in placed)


def slot_list(placed: Sequence[PlacedSlot], limit: int = 4) -> str:
    """``Goblet Squat (Mon) and Romanian Deadlift (Thu)``, shortened after ``limit``."""
    return short_list((f"{p.exercise.name} ({SHORT_DAY[p.weekday]})" for p in placed), limit)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def client_name(ctx: Context) -> str:
    return ctx.client.name if ctx.client and ctx.client.name else "this client"


def possessive(ctx: Context) -> str:
    return f"{ctx.client.name}'s" if ctx.client and ctx.client.name else "The client's"


# --- library suggestions -----------------------------------------------------------------------


def fitting(ctx: Context, wanted: Wanted, prefer: frozenset[Muscle] = frozenset()
            ) -> list[ExerciseInfo]:
    """Library exercises that satisfy ``wanted``, suit the client's stage and are not in the
    week yet: most muscles shared with ``prefer`` first, then best phase; plyometrics only
    ever for a power-stage client."""
    if not ctx.library:
        return []
    used = {p.exercise.name.casefold() for p in ctx.placed}
    stage = ctx.client.stage if ctx.client and ctx.client.stage else Stage.STRENGTH
    phases = STAGE_PHASES[stage]
    found = [
        e for e in ctx.library
        if e.phase in phases and not (e.plyometric and stage != Stage.POWER)
        and e.name.casefold() not in used and wanted(e)
    ]
    found.sort(key=lambda e: (-len(e.muscles & prefer), phases.index(e.phase),
                              e.name.casefold()))
    return found


def suggestions(ctx: Context, wanted: Wanted, count: int = MAX_SUGGESTIONS,
                prefer: frozenset[Muscle] = frozenset()) -> list[str]:
    return list(dict.fromkeys(e.name for e in fitting(ctx, wanted, prefer)))[:count]


def muscles_of(placed: Iterable[PlacedSlot]) -> frozenset[Muscle]:
    return frozenset().union(*(p.exercise.muscles for p in placed))


def library_hint(ctx: Context, wanted: Wanted, lead: str, fallback: str,
                 prefer: frozenset[Muscle] = frozenset()) -> str:
    """``{lead} A, B or C.`` from the library, or the fallback when nothing fits."""
    names = suggestions(ctx, wanted, prefer=prefer)
    return f"{lead} {and_list(names, 'or')}." if names else fallback


def round_robin(ctx: Context, wants: Sequence[Wanted]) -> list[str]:
    """Up to three suggestions, taking one for each want in turn so every gap gets one."""
    pools = [suggestions(ctx, w) for w in wants]
    names: list[str] = []
    for rank in range(MAX_SUGGESTIONS):
        names += [pool[rank] for pool in pools if rank < len(pool)]
    return list(dict.fromkeys(names))[:MAX_SUGGESTIONS]


# --- the rules ----------------------------------------------------------------------------------


def empty_week(ctx: Context) -> Iterator[Finding]:
    """A program needs exercises. Blog: every runner should do some weight-bearing strength
    work, two to four sessions a week depending on the goal."""
    if not ctx.placed:
        yield Finding(
            "EMPTY_WEEK", Severity.ERROR, "This week has no exercises yet.",
            hint="Drag exercises from the library onto two or more days, e.g. Monday and "
                 "Thursday, to build full-body sessions.",
        )


def plyometrics_before_strength(ctx: Context) -> Iterator[Finding]:
    """Blog: master stability and balance, then add load, and only after a strength base add
    plyometrics and jumping. Running is itself a series of alternating hops (Panariello &
    Hansen 2011), so extra jumping comes last."""
    if ctx.client is None or ctx.client.stage != Stage.STABILITY:
        return
    jumps = [p for p in ctx.placed if p.exercise.plyometric or p.exercise.phase == Phase.POWER]
    if not jumps:
        return
    yield Finding(
        "PLYO_BEFORE_STRENGTH", Severity.ERROR,
        f"{slot_list(jumps)} {'is' if len(jumps) == 1 else 'are'} jumping or power work, but "
        f"{client_name(ctx)} is still at the stability stage.",
        days=days_of(jumps),
        slots=tuple(p.where for p in jumps),
        hint=library_hint(
            ctx, lambda e: e.phase == Phase.STABILITY and e.is_lower_body,
            "Until a strength base is built, replace the jumps with",
            "Until a strength base is built, replace the jumps with single-leg balance and "
            "control work (single-leg toe touch, lateral step-down).", muscles_of(jumps)),
    )


def unilateral_share_low(ctx: Context) -> Iterator[Finding]:
    """Running is a series of single-leg landings (Panariello & Hansen 2011); the blog asks
    for single-leg stability work and favours split squats, lunges and step-downs."""
    stats, minimum = ctx.stats, ctx.settings.unilateral_share_min
    if not stats.lower_body_sets or stats.unilateral_share >= minimum:
        return
    bilateral = [p for p in ctx.placed if p.lower and not p.unilateral]
    swap = max(1, math.ceil(minimum * stats.lower_body_sets - 1e-9) - stats.unilateral_lower_sets)
    lead = f"Swap at least {plural(swap, 'set')} of two-leg work for single-leg work:"
    yield Finding(
        "UNILATERAL_SHARE_LOW", Severity.WARNING,
        f"Only {stats.unilateral_share:.0%} of the lower-body sets are single-leg work "
        f"({stats.unilateral_lower_sets} of {stats.lower_body_sets}); aim for at least "
        f"{minimum:.0%}. Two-leg work this week: {slot_list(bilateral)}.",
        days=days_of(bilateral),
        slots=tuple(p.where for p in bilateral),
        hint=library_hint(ctx, lambda e: e.is_unilateral and e.is_lower_body, lead,
                          f"{lead} a split squat, lateral step-down or single-leg toe touch.",
                          muscles_of(bilateral)),
    )


def sides_uneven(ctx: Context) -> Iterator[Finding]:
    """Each leg takes every other stride (Panariello & Hansen 2011), so one-sided work should
    load both sides alike; blog: unilateral training for the feet, ankles and hips."""
    one_sided = [p for p in ctx.placed if p.slot.side is not None and not p.slot.per_side]
    left = sum(p.slot.volume for p in one_sided if p.slot.side == Side.LEFT)
    right = sum(p.slot.volume for p in one_sided if p.slot.side == Side.RIGHT)
    if left == right:
        return
    timed = {p.slot.reps is None for p in one_sided}
    unit = "reps and seconds" if len(timed) > 1 else ("seconds" if True in timed else "reps")
    light, heavy = (Side.RIGHT, Side.LEFT) if left > right else (Side.LEFT, Side.RIGHT)
    listed = short_list(f"{p.exercise.name} ({SHORT_DAY[p.weekday]}, {p.slot.side})"
                      for p in one_sided)
    to_mirror = short_list(p.exercise.name for p in one_sided if p.slot.side == heavy)
    yield Finding(
        "SIDES_UNEVEN", Severity.WARNING,
        f"One-sided slots give the left side {left} {unit} a week and the right side "
        f"{right}: {listed}.",
        days=days_of(one_sided),
        slots=tuple(p.where for p in one_sided),
        hint=f"Give the {light} side {abs(left - right)} more {unit} ({light}-side sets of "
             f"{to_mirror}), or mark the one-sided slots “per side”.",
    )


def core_missing_day(ctx: Context) -> Iterator[Finding]:
    """Blog: the core belongs in every basic program, since a strong core holds posture over
    long runs; with two or three sessions, each one trains single-leg, hip and core."""
    days = [d for d in ctx.training_days if not any(p.core for p in ctx.on(d))]
    if not days:
        return
    core = [p for p in ctx.placed if p.core]
    elsewhere = (f"; this week's core work is {slot_list(core)}" if core
                 else "; the week has no core work at all")
    planes = [p for p in ANTI_PLANES if p not in ctx.stats.core_planes] or ANTI_PLANES
    names = round_robin(ctx, [lambda e, p=p: e.core_plane == p for p in planes]) or \
        suggestions(ctx, lambda e: e.is_core)
    yield Finding(
        "CORE_MISSING_DAY", Severity.WARNING,
        f"{day_list(days)} {'has' if len(days) == 1 else 'have'} no core exercise{elsewhere}.",
        days=tuple(days),
        hint=(f"Add a core exercise to {day_list(days)}, such as {and_list(names, 'or')}."
              if names else
              f"Add a plank, dead bug, Pallof press or side plank to {day_list(days)}."),
    )


def core_planes_narrow(ctx: Context) -> Iterator[Finding]:
    """The trunk resists bending forward, twisting and side-bending on every stride; train
    more than one of those (blog: a strong core for posture on long runs)."""
    if not ctx.training_days:
        return
    covered = [p for p in ANTI_PLANES if p in ctx.stats.core_planes]
    if len(covered) >= ctx.settings.core_planes_min:
        return
    missing = [p for p in ANTI_PLANES if p not in covered]
    core = [p for p in ctx.placed if p.core]
    where = (f"The week's core work, {slot_list(core)}," if core
             else f"This week's sessions ({day_list(ctx.training_days)})")
    verb = "trains" if core else "train"
    planes = "the three planes (anti-extension, anti-rotation, anti-lateral-flexion)"
    at_least = ctx.settings.core_planes_min
    message = (f"{where} {verb} only {and_list(phrase(p) for p in covered)}; aim for at "
               f"least {at_least} of {planes}." if covered
               else f"{where} {verb} none of {planes}; aim for at least {at_least}.")
    names = round_robin(ctx, [lambda e, p=p: e.core_plane == p for p in missing])
    wanted = and_list([phrase(p) for p in missing], "or")
    yield Finding(
        "CORE_PLANES_NARROW", Severity.INFO, message,
        days=days_of(core) or ctx.training_days,
        slots=tuple(p.where for p in core),
        hint=(f"Add {wanted} work, such as {and_list(names, 'or')}." if names
              else f"Add {wanted} work (a plank, Pallof press or side plank)."),
    )


def _trains(exercise: ExerciseInfo) -> frozenset[Muscle]:
    return exercise.muscles | {Muscle.CORE} if exercise.is_core else exercise.muscles


def covering(ctx: Context, missing: Sequence[Muscle]) -> tuple[list[str], list[Muscle]]:
    """Up to three library exercises that together cover most missing groups (greedy), each
    named with what it adds; and the groups still left over."""
    left = set(missing)
    pool = fitting(ctx, lambda e: not left.isdisjoint(_trains(e)))
    picks: list[str] = []
    while left and pool and len(picks) < MAX_SUGGESTIONS:
        best = max(pool, key=lambda e: len(left & _trains(e)))  # first best keeps the order
        gained = [m for m in missing if m in left & _trains(best)]
        if not gained:
            break
        picks.append(f"{best.name} ({', '.join(phrase(m) for m in gained)})")
        left -= _trains(best)
        pool.remove(best)
    return picks, [m for m in missing if m in left]


def muscle_uncovered(ctx: Context) -> Iterator[Finding]:
    """Blog: glutes, hamstrings, quads and core belong in every basic program; calves, feet
    and ankles matter too, and weak hip abductors go with running injuries (Niemuth 2005)."""
    per_muscle = ctx.stats.sets_per_muscle
    missing = [m for m in Muscle if m in ctx.settings.key_muscles and not per_muscle.get(m)
               and not (m == Muscle.CORE and ctx.stats.core_sets)]
    if not missing:
        return
    groups = and_list(phrase(m) for m in missing)
    picks, left = covering(ctx, missing)
    rest = f"work for {and_list(phrase(m) for m in left)}" if left else ""
    yield Finding(
        "MUSCLE_UNCOVERED", Severity.WARNING,
        f"Nothing in this week's sessions ({day_list(ctx.training_days)}) works the {groups}.",
        hint=f"Add {and_list([*picks, rest] if rest else picks)}.",
    )


def _free_days(ctx: Context) -> tuple[list[Weekday], str]:
    """Rest days best suited to a new session, and why they suit."""
    used = set(ctx.training_days)
    runs = ctx.client.key_run_days if ctx.client else frozenset()
    free = [w for w in WEEKDAYS if w not in used]
    clear = [w for w in free if w not in runs and NEXT_DAY[w] not in runs]
    apart = [w for w in clear if PREVIOUS_DAY[w] not in used and NEXT_DAY[w] not in used]
    if apart:
        return apart, "a rest day from the other sessions and clear of the key runs"
    if clear:
        return clear, "clear of the key runs"
    return free, "the days still free"


def frequency_fits_goal(ctx: Context) -> Iterator[Finding]:
    """Blog: racers do best with two (up to three) full-body sessions a week; hobby runners
    and those after body composition, three to four. Strength training improves running
    economy (Johnston 1995, Støren 2008, Beattie 2016, Balsalobre-Fernández 2016)."""
    if ctx.client is None or ctx.client.goal is None:
        return
    low, high = ctx.settings.sessions_for(ctx.client.goal)
    sessions = ctx.stats.sessions_per_week
    goal = {Goal.RACE: "a race goal", Goal.HOBBY: "a hobby runner",
            Goal.BODY_COMPOSITION: "a body-composition goal"}[ctx.client.goal]
    if sessions < low:
        code, word = "FREQUENCY_BELOW_GOAL", "fewer"
        days, why = _free_days(ctx)
        fix = (f"Add {plural(low - sessions, 'more session')}, e.g. on "
               f"{day_list(days[:3], 'or')} ({why}).")
    elif sessions > high:
        code, word = "FREQUENCY_ABOVE_GOAL", "more"
        smallest = sorted(ctx.training_days, key=lambda d: sum(p.slot.sets for p in ctx.on(d)))
        drop = smallest[: sessions - high]
        fix = (f"Merge {day_list(drop)}'s work into the other sessions or make "
               f"{'it a rest day' if len(drop) == 1 else 'them rest days'}; the running is "
               "training too.")
    else:
        return
    yield Finding(
        code, Severity.WARNING,
        f"This week has {plural(sessions, 'strength session')} "
        f"({day_list(ctx.training_days)}), {word} than the {low}–{high} that suit {goal}.",
        days=ctx.training_days,
        hint=fix,
    )


def not_full_body(ctx: Context) -> Iterator[Finding]:
    """Blog: with two or three sessions a week, make each one full body, with single-leg,
    hip and core work in every session."""
    if not 2 <= len(ctx.training_days) <= 3:
        return
    for day in ctx.training_days:
        placed = ctx.on(day)
        missing = [part for part, present in (
            ("lower-body", any(p.lower for p in placed)),
            ("core", any(p.core for p in placed)),
            ("upper-body", any(p.upper for p in placed)),
        ) if not present]
        if not missing:
            continue
        names = short_list(p.exercise.name for p in placed)
        yield Finding(
            "NOT_FULL_BODY", Severity.INFO,
            f"{DAY_NAMES[day]}'s session ({names}) has no {and_list(missing)} work; with "
            f"{len(ctx.training_days)} sessions a week each one should be full body.",
            days=(day,),
            hint=library_hint(
                ctx, lambda e, m=missing: ("upper-body" in m and e.is_upper_body)
                or ("core" in m and e.is_core) or ("lower-body" in m and e.is_lower_body),
                f"On {DAY_NAMES[day]}, add", f"Add {and_list(missing)} work to {DAY_NAMES[day]}."),
        )


def load_before_stability(ctx: Context) -> Iterator[Finding]:
    """Blog: in every movement, master stability and balance first, then add load."""
    if ctx.client is None or ctx.client.stage != Stage.STABILITY:
        return
    heavy = [p for p in ctx.placed if p.slot.intensity == Intensity.HEAVY]
    if not heavy:
        return
    names = short_list(p.exercise.name for p in heavy)
    yield Finding(
        "LOAD_BEFORE_STABILITY", Severity.WARNING,
        f"{slot_list(heavy)} {'is' if len(heavy) == 1 else 'are'} set heavy, but "
        f"{client_name(ctx)} is at the stability stage.",
        days=days_of(heavy),
        slots=tuple(p.where for p in heavy),
        hint=f"Set {names} to light or moderate until balance and control are solid, then "
             f"move {client_name(ctx)} on to the strength stage.",
    )


def eccentric_hamstring_missing(ctx: Context) -> Iterator[Finding]:
    """Blog: hamstring strains are common, above all in sprinters, because the hamstrings
    brake knee extension at speed; eccentric work (Nordic curls, glute ham raises) builds
    strength where they are most vulnerable."""
    client = ctx.client
    if client is None:
        return
    strained = Injury.HAMSTRING_STRAIN in client.injuries
    if not (strained or client.race_distance == RaceDistance.SPRINT):
        return
    hamstrings = [p for p in ctx.placed if Muscle.HAMSTRINGS in p.exercise.muscles]
    if any(p.exercise.eccentric for p in hamstrings):
        return
    why = "a history of hamstring strains" if strained else "sprint racing"
    names = suggestions(ctx, lambda e: e.eccentric and Muscle.HAMSTRINGS in e.muscles)
    fallback = ["a Nordic curl", "a glute ham raise"]
    verb = "works" if len(hamstrings) == 1 else "work"
    now = (f"{slot_list(hamstrings)} {verb} the hamstrings, but not eccentrically" if hamstrings
           else f"nothing in this week's sessions ({day_list(ctx.training_days)}) works them")
    yield Finding(
        "ECCENTRIC_HAMSTRING_MISSING", Severity.WARNING,
        f"With {why}, {client_name(ctx)} needs eccentric hamstring work; {now}.",
        days=days_of(hamstrings),
        slots=tuple(p.where for p in hamstrings),
        hint=f"Add {and_list(names or fallback, 'or')} to {day_list(ctx.training_days, 'or')}.",
    )


def _has(muscle: Muscle) -> Wanted:
    return lambda e: muscle in e.muscles


def _unilateral_with(muscle: Muscle) -> Wanted:
    return lambda e: e.is_unilateral and muscle in e.muscles


HIP_ABDUCTORS = ("hip abductor work", _has(Muscle.HIP_ABDUCTORS), Severity.WARNING)
SINGLE_LEG_QUADS = ("single-leg quad work", _unilateral_with(Muscle.QUADS), Severity.WARNING)
INJURY_FOCUS: dict[Injury, tuple[tuple[str, Wanted, Severity], ...]] = {
    # Verrelst 2013: weak hip abductors and external rotators preceded exertional medial
    # tibial pain; the blog adds calf strength and, as a smaller part, the tibialis.
    Injury.SHIN_SPLINTS: (
        ("calf work", _has(Muscle.CALVES), Severity.WARNING),
        HIP_ABDUCTORS,
        ("tibialis work", _has(Muscle.TIBIALIS), Severity.INFO),
    ),
    # Fredericson 2000: distance runners with ITB syndrome had weak hip abductors.
    Injury.ITBS: (HIP_ABDUCTORS,),
    # Prins & van der Wurff 2009, Niemuth 2005: knee pain goes with weak hips; blog: split
    # squats with the knee over the toe for knee health.
    Injury.KNEE_PAIN: (HIP_ABDUCTORS, SINGLE_LEG_QUADS),
    Injury.PATELLOFEMORAL_PAIN: (HIP_ABDUCTORS, SINGLE_LEG_QUADS),
    # Blog: balancing on one leg strengthens the feet and the tissue around the ankle.
    Injury.ANKLE_SPRAIN: (
        ("single-leg balance work for the feet and ankles", _unilateral_with(Muscle.FEET_ANKLES),
         Severity.WARNING),
    ),
}


def injury_focus_missing(ctx: Context) -> Iterator[Finding]:
    """An injury history asks for its focus groups: Verrelst 2013 (shin pain), Fredericson
    2000 (ITB syndrome), Niemuth 2005 and Prins & van der Wurff 2009 (knee pain), and the
    blog's single-leg balance work for the ankles (see ``INJURY_FOCUS``)."""
    if ctx.client is None:
        return
    exercises = [p.exercise for p in ctx.placed]
    for injury in Injury:
        if injury not in ctx.client.injuries:
            continue
        for severity in (Severity.WARNING, Severity.INFO):
            missing = [(name, test) for name, test, level in INJURY_FOCUS.get(injury, ())
                       if level == severity and not any(test(e) for e in exercises)]
            if missing:
                yield _injury_finding(ctx, injury, severity, missing)


def _injury_finding(ctx: Context, injury: Injury, severity: Severity,
                    missing: list[tuple[str, Wanted]]) -> Finding:
    wanted = and_list(name for name, _test in missing)
    names = round_robin(ctx, [test for _name, test in missing])
    return Finding(
        "INJURY_FOCUS_MISSING", severity,
        f"{possessive(ctx)} {phrase(injury)} history calls for {wanted}, and this week's "
        f"sessions ({day_list(ctx.training_days)}) have none.",
        hint=(f"Add {and_list(names, 'or')} to {day_list(ctx.training_days, 'or')}." if names
              else f"Add {wanted} to {day_list(ctx.training_days, 'or')}."),
    )


def heavy_before_key_run(ctx: Context) -> Iterator[Finding]:
    """Strength work is there to make the running better (running economy: Støren 2008,
    Beattie 2016), so heavy leg work stays off the day of a key run and the day before,
    when tired legs would blunt the session that matters most."""
    if ctx.client is None or not ctx.client.key_run_days:
        return
    runs = ctx.client.key_run_days
    safe = [w for w in WEEKDAYS if w not in runs and NEXT_DAY[w] not in runs]
    safe.sort(key=lambda w: w not in ctx.training_days)  # existing sessions first
    for placed in ctx.placed:
        if placed.slot.intensity != Intensity.HEAVY or not placed.lower:
            continue
        day = placed.weekday
        if day in runs:
            when = f"on {DAY_NAMES[day]}, a key run day"
        elif NEXT_DAY[day] in runs:
            when = f"on {DAY_NAMES[day]}, the day before {DAY_NAMES[NEXT_DAY[day]]}'s key run"
        else:
            continue
        move = f"Move it to {day_list(safe[:3], 'or')}, or" if safe else "Instead,"
        yield Finding(
            "HEAVY_BEFORE_KEY_RUN", Severity.WARNING,
            f"Heavy {placed.exercise.name} {when}.",
            days=(day,),
            slots=(placed.where,),
            hint=f"{move} lower it to moderate.",
        )


RULES: tuple[Rule, ...] = (
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
