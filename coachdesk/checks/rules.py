"""The balance rules: one small function each, reading a :class:`Context`, yielding findings.

Each docstring names the rule's source: the coaching blog in ``shared/seed`` ("Strength
Training for Runners") or a study it cites. Adding a check means adding a function here,
listing it in ``RULES`` and adding a row to ``tests/checks/test_rules.py``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence

from coachdesk.checks.report import Context, Finding, Fix, FixKind, PlacedSlot, Severity
from coachdesk.checks.week import COMPOUND_LEG_PATTERNS, ExerciseInfo
from coachdesk.vocab import (
    WEEKDAYS,
    CorePlane,
    ExternalLoad,
    Goal,
    Injury,
    Intensity,
    Muscle,
    Pattern,
    Phase,
    RaceDistance,
    Season,
    Side,
    Stage,
    Weekday,
    day_name,
    phrase,
    short_day_name,
)

Rule = Callable[[Context], Iterable[Finding]]
Wanted = Callable[[ExerciseInfo], bool]

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
    return and_list([day_name(d) for d in ordered_days(days)], word)


def days_of(placed: Iterable[PlacedSlot]) -> tuple[Weekday, ...]:
    return ordered_days(p.weekday for p in placed)


def slot_list(placed: Sequence[PlacedSlot], limit: int = 4) -> str:
    """``Goblet Squat (Mon) and Romanian Deadlift (Thu)``, shortened after ``limit``."""
    return short_list((f"{p.exercise.name} ({short_day_name(p.weekday)})" for p in placed), limit)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def client_name(ctx: Context) -> str:
    return ctx.client.name if ctx.client and ctx.client.name else "this client"


def possessive(ctx: Context) -> str:
    return f"{ctx.client.name}'s" if ctx.client and ctx.client.name else "The client's"


# --- library suggestions -----------------------------------------------------------------------


def stage_of(ctx: Context) -> Stage:
    return ctx.client.stage if ctx.client and ctx.client.stage else Stage.STRENGTH


def fitting(ctx: Context, wanted: Wanted, prefer: frozenset[Muscle] = frozenset(),
            patterns: frozenset[Pattern] = frozenset()) -> list[ExerciseInfo]:
    """Library exercises that satisfy ``wanted``, suit the client's stage and are not in the
    week yet: the same movement pattern as ``patterns`` first, then most muscles shared
    with ``prefer``, then best phase; jumps only ever for a power-stage client, loaded
    work never for a stability-stage one."""
    if not ctx.library:
        return []
    used = {p.exercise.name.casefold() for p in ctx.placed}
    stage = stage_of(ctx)
    phases = STAGE_PHASES[stage]
    found = [
        e for e in ctx.library
        if e.phase in phases and not ((e.plyometric or e.is_jump) and stage != Stage.POWER)
        and not (e.is_loaded and stage == Stage.STABILITY)
        and e.name.casefold() not in used and wanted(e)
    ]
    found.sort(key=lambda e: (e.pattern not in patterns, -len(e.muscles & prefer),
                              phases.index(e.phase), e.name.casefold()))
    return found


def suggestions(ctx: Context, wanted: Wanted, count: int = MAX_SUGGESTIONS,
                prefer: frozenset[Muscle] = frozenset(),
                patterns: frozenset[Pattern] = frozenset()) -> list[str]:
    return list(dict.fromkeys(e.name for e in fitting(ctx, wanted, prefer, patterns)))[:count]


def patterns_of(placed: Iterable[PlacedSlot]) -> frozenset[Pattern]:
    return frozenset(p.exercise.pattern for p in placed if p.exercise.pattern is not None)


def muscles_of(placed: Iterable[PlacedSlot]) -> frozenset[Muscle]:
    return frozenset().union(*(p.exercise.muscles for p in placed))


def library_hint(ctx: Context, wanted: Wanted, lead: str, fallback: str,
                 prefer: frozenset[Muscle] = frozenset(),
                 patterns: frozenset[Pattern] = frozenset()) -> str:
    """``{lead} A, B or C.`` from the library, or the fallback when nothing fits."""
    names = suggestions(ctx, wanted, prefer=prefer, patterns=patterns)
    return f"{lead} {and_list(names, 'or')}." if names else fallback


# --- one-click fixes ---------------------------------------------------------------------------


def add_fix(name: str, day: Weekday) -> Fix:
    return Fix(FixKind.ADD, f"Add {name} to {day_name(day)}", exercise=name, day=day)


def swap_fix(placed: PlacedSlot, name: str) -> Fix:
    return Fix(FixKind.SWAP, f"Swap {placed.exercise.name} ({short_day_name(placed.weekday)}) for "
               f"{name}", exercise=name, slot=placed.where)


def move_fix(placed: PlacedSlot, day: Weekday) -> Fix:
    return Fix(FixKind.MOVE, f"Move {placed.exercise.name} to {day_name(day)}",
               day=day, slot=placed.where)


def lighten_fix(placed: PlacedSlot) -> Fix:
    return Fix(FixKind.LIGHTEN, f"Make {placed.exercise.name} ({short_day_name(placed.weekday)}) "
               "light", slot=placed.where)


def swaps(ctx: Context, placed: Sequence[PlacedSlot], wanted: Wanted, limit: int = 2
          ) -> tuple[Fix, ...]:
    """For each of the first slots, the best library exercise to put in its place: same
    pattern, same prime movers, the client's stage, not in the week yet."""
    fixes: list[Fix] = []
    taken: set[str] = set()
    for item in placed[:limit]:
        pool = [e for e in fitting(ctx, wanted, item.exercise.muscles,
                                   frozenset({item.exercise.pattern}))
                if e.name not in taken]
        if pool:
            taken.add(pool[0].name)
            fixes.append(swap_fix(item, pool[0].name))
    return tuple(fixes)


def lightest_day(ctx: Context) -> Weekday | None:
    """The session with the fewest sets: where an added exercise fits best."""
    days = ctx.training_days or ctx.active_days
    return min(days, key=lambda d: (sum(p.slot.sets for p in ctx.on(d)), DAY_INDEX[d]),
               default=None)


def adds(names: Sequence[str], days: Sequence[Weekday | None]) -> tuple[Fix, ...]:
    return tuple(add_fix(name, day) for name, day in zip(names, days, strict=False)
                 if day is not None)


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
    Hansen 2011), so extra jumping comes last. Only high-impact jumps and landings are an
    error here; running drills get their own, milder finding."""
    if ctx.client is None or ctx.client.stage != Stage.STABILITY:
        return
    jumps = [p for p in ctx.placed if p.exercise.is_jump]
    if not jumps:
        return
    yield Finding(
        "PLYO_BEFORE_STRENGTH", Severity.ERROR,
        f"{slot_list(jumps)} {'is' if len(jumps) == 1 else 'are'} jumping or landing work, "
        f"but {client_name(ctx)} is still at the stability stage.",
        days=days_of(jumps),
        slots=tuple(p.where for p in jumps),
        hint=library_hint(
            ctx, lambda e: e.phase == Phase.STABILITY and e.is_lower_body and not e.is_jump,
            "Until a strength base is built, replace the jumps with",
            "Until a strength base is built, replace the jumps with single-leg balance and "
            "control work (single-leg toe touch, lateral step-down).", muscles_of(jumps),
            frozenset({Pattern.SINGLE_LEG_STANCE, Pattern.STEP, Pattern.CALF_ANKLE})),
        fixes=swaps(ctx, jumps, lambda e: e.phase == Phase.STABILITY and e.is_lower_body
                    and not e.is_jump),
    )


def drills_before_strength(ctx: Context) -> Iterator[Finding]:
    """Running drills (A-skips) are rhythmic, low hops: far gentler than bounds or depth
    drops, but still springy work that the blog's order puts after stability and load."""
    if ctx.client is None or ctx.client.stage != Stage.STABILITY:
        return
    drills = [p for p in ctx.placed if p.exercise.is_drill]
    if not drills:
        return
    yield Finding(
        "DRILL_BEFORE_STRENGTH", Severity.WARNING,
        f"{slot_list(drills)} {'is a running drill' if len(drills) == 1 else 'are running drills'}"
        f"; at the stability stage keep drills short, low and easy, or save them for the "
        f"warm-up of a run.",
        days=days_of(drills),
        slots=tuple(p.where for p in drills),
        hint=library_hint(
            ctx, lambda e: e.pattern in (Pattern.SINGLE_LEG_STANCE, Pattern.FOOT,
                                         Pattern.CALF_ANKLE) and e.phase == Phase.STABILITY,
            "Or build the same foot and ankle control with",
            "Or build the same foot and ankle control with single-leg balance work."),
        fixes=swaps(ctx, drills, lambda e: e.phase == Phase.STABILITY and e.pattern in (
            Pattern.SINGLE_LEG_STANCE, Pattern.FOOT, Pattern.CALF_ANKLE), limit=1),
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
        hint=library_hint(ctx, lambda e: e.is_unilateral and e.is_lower_body and not e.is_jump,
                          lead,
                          f"{lead} a split squat, lateral step-down or single-leg toe touch.",
                          muscles_of(bilateral), patterns_of(bilateral)),
        fixes=swaps(ctx, sorted(bilateral, key=lambda p: -p.slot.sets),
                    lambda e: e.is_unilateral and e.is_lower_body and not e.is_jump),
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
    listed = short_list(f"{p.exercise.name} ({short_day_name(p.weekday)}, {p.slot.side})"
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
    names = round_robin(ctx, [lambda e, p=p: e.plane == p for p in planes]) or \
        suggestions(ctx, lambda e: e.is_core)
    yield Finding(
        "CORE_MISSING_DAY", Severity.WARNING,
        f"{day_list(days)} {'has' if len(days) == 1 else 'have'} no dedicated core exercise"
        f"{elsewhere}.",
        days=tuple(days),
        hint=(f"Add a core exercise to {day_list(days)}, such as {and_list(names, 'or')}."
              if names else
              f"Add a plank, dead bug, Pallof press or side plank to {day_list(days)}."),
        fixes=adds([names[i % len(names)] for i in range(len(days))] if names else [],
                   list(days)),
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
    names = round_robin(ctx, [lambda e, p=p: e.plane == p for p in missing])
    wanted = and_list([phrase(p) for p in missing], "or")
    yield Finding(
        "CORE_PLANES_NARROW", Severity.INFO, message,
        days=days_of(core) or ctx.training_days,
        slots=tuple(p.where for p in core),
        hint=(f"Add {wanted} work, such as {and_list(names, 'or')}." if names
              else f"Add {wanted} work (a plank, Pallof press or side plank)."),
        fixes=adds(names[:1], [lightest_day(ctx)]),
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
        f"Nothing in this week's sessions ({day_list(ctx.active_days)}) has the {groups} as "
        f"a prime mover.",
        hint=f"Add {and_list([*picks, rest] if rest else picks)}.",
        fixes=adds([p.split(" (")[0] for p in picks[:2]], [lightest_day(ctx)] * 2),
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
    if ctx.client.goal == Goal.RACE and ctx.client.season in MAINTENANCE_SEASONS:
        low = 1  # in season and in the taper, one session a week keeps strength
        goal = f"a racer {phrase(ctx.client.season)}"
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
        f"This week has {plural(sessions, 'strength session')}"
        f"{f' ({day_list(ctx.training_days)})' if sessions else ''}, {word} than the "
        f"{low}–{high} that suit {goal}.",
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
        tests = {"upper-body": lambda e: e.is_upper_body, "core": lambda e: e.is_core,
                 "lower-body": lambda e: e.is_lower_body}
        yield Finding(
            "NOT_FULL_BODY", Severity.INFO,
            f"{day_name(day)}'s session ({names}) has no {and_list(missing)} work; with "
            f"{len(ctx.training_days)} sessions a week each one should be full body.",
            days=(day,),
            hint=library_hint(
                ctx, lambda e, m=missing: ("upper-body" in m and e.is_upper_body)
                or ("core" in m and e.is_core) or ("lower-body" in m and e.is_lower_body),
                f"On {day_name(day)}, add", f"Add {and_list(missing)} work to {day_name(day)}."),
            fixes=adds([n for part in missing for n in suggestions(ctx, tests[part], 1)],
                       [day] * len(missing)),
        )


def _loaded_too_soon(placed: PlacedSlot) -> str:
    """Why a slot is load a stability-stage runner is not ready for, or ''."""
    exercise = placed.exercise
    if placed.slot.intensity == Intensity.HEAVY:
        return "set heavy"
    if exercise.is_jump or exercise.is_drill:
        return ""  # the jump and drill rules speak for these
    if exercise.is_loaded and exercise.phase in (Phase.STRENGTH, Phase.POWER):
        return "loaded strength work"
    if exercise.phase == Phase.POWER:
        return "ballistic power work"
    return ""


def load_before_stability(ctx: Context) -> Iterator[Finding]:
    """Blog: in every movement, master stability and balance first, then add load. A barbell
    RDL at "moderate" is still load: the exercise's own loading counts, not only the label."""
    if ctx.client is None or ctx.client.stage != Stage.STABILITY:
        return
    loaded = [(p, why) for p in ctx.placed if (why := _loaded_too_soon(p))]
    if not loaded:
        return
    slots = [p for p, _why in loaded]
    reasons = and_list(dict.fromkeys(why for _p, why in loaded))
    names = short_list(p.exercise.name for p in slots)
    swap = library_hint(
        ctx, lambda e: e.phase == Phase.STABILITY and not e.is_loaded and not e.is_jump,
        "Unloaded stability work in the same patterns:", "", muscles_of(slots),
        patterns_of(slots))
    yield Finding(
        "LOAD_BEFORE_STABILITY", Severity.WARNING,
        f"{slot_list(slots)} {'is' if len(slots) == 1 else 'are'} {reasons}, but "
        f"{client_name(ctx)} is at the stability stage.",
        days=days_of(slots),
        slots=tuple(p.where for p in slots),
        hint=f"Keep {names} light and unloaded until balance and control are solid, then "
             f"move {client_name(ctx)} on to the strength stage. {swap}".strip(),
        fixes=swaps(ctx, slots, lambda e: e.phase == Phase.STABILITY and not e.is_loaded
                    and not e.is_jump),
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
           else f"nothing in this week's sessions ({day_list(ctx.active_days)}) works them")
    yield Finding(
        "ECCENTRIC_HAMSTRING_MISSING", Severity.WARNING,
        f"With {why}, {client_name(ctx)} needs eccentric hamstring work; {now}.",
        days=days_of(hamstrings),
        slots=tuple(p.where for p in hamstrings),
        hint=f"Add {and_list(names or fallback, 'or')} to {day_list(ctx.active_days, 'or')}.",
        fixes=adds(names[:1], [_clear_day(ctx)]),
    )


def _has(muscle: Muscle) -> Wanted:
    return lambda e: muscle in e.muscles


def _unilateral_with(muscle: Muscle) -> Wanted:
    return lambda e: e.is_unilateral and e.is_lower_body and muscle in e.muscles


def _single_leg_balance(e: ExerciseInfo) -> bool:
    return e.pattern == Pattern.SINGLE_LEG_STANCE or (
        e.is_unilateral and e.is_lower_body and Muscle.FEET_ANKLES in e.muscles)


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
        ("single-leg balance work for the feet and ankles", _single_leg_balance,
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
        f"sessions ({day_list(ctx.active_days)}) have none.",
        hint=(f"Add {and_list(names, 'or')} to {day_list(ctx.active_days, 'or')}." if names
              else f"Add {wanted} to {day_list(ctx.active_days, 'or')}."),
        fixes=adds(names[:1], [lightest_day(ctx)]),
    )


HARD_ECCENTRIC_CALF_REPS = 30  # eccentric calf lowers at or above this many reps a day


def _taxing(placed: PlacedSlot) -> str:
    """What makes a slot hard on the legs for the next day or two, or ''."""
    slot, exercise = placed.slot, placed.exercise
    if exercise.is_jump:
        return "high-impact jumping"
    if not placed.lower or slot.intensity == Intensity.LIGHT:
        return ""
    if slot.intensity == Intensity.HEAVY:
        return "heavy"
    if exercise.eccentric and exercise.pattern == Pattern.KNEE_FLEXION:
        return "hard eccentric"
    if exercise.eccentric and exercise.pattern == Pattern.CALF_ANKLE and \
            slot.sets * (slot.reps or 0) >= HARD_ECCENTRIC_CALF_REPS:
        return "high-volume eccentric"
    return ""


def heavy_before_key_run(ctx: Context) -> Iterator[Finding]:
    """Strength work is there to make the running better (running economy: Støren 2008,
    Beattie 2016), so heavy leg work, jumps and hard eccentric work (Nordics: marked
    soreness for days) stay off the day before a key run. On the key run's own day they are
    fine after the run: hard days together keep the easy days easy."""
    if ctx.client is None or not ctx.client.key_run_days:
        return
    runs = ctx.client.key_run_days
    safe = [w for w in WEEKDAYS if w not in runs and NEXT_DAY[w] not in runs]
    safe.sort(key=lambda w: w not in ctx.training_days)  # existing sessions first
    same_day: dict[Weekday, list[PlacedSlot]] = {}
    for placed in ctx.placed:
        what = _taxing(placed)
        if not what:
            continue
        day = placed.weekday
        if day in runs:
            same_day.setdefault(day, []).append(placed)
            continue
        if NEXT_DAY[day] not in runs:
            continue
        move = f"Move it to {day_list(safe[:3], 'or')}, or" if safe else "Instead,"
        lower = "drop it this week" if placed.exercise.is_jump else "lower it to light"
        fixes = ((move_fix(placed, safe[0]),) if safe else ()) + (
            () if placed.exercise.is_jump else (lighten_fix(placed),))
        yield Finding(
            "HEAVY_BEFORE_KEY_RUN", Severity.WARNING,
            f"{what[:1].upper()}{what[1:]} {placed.exercise.name} on {day_name(day)}, the day "
            f"before {day_name(NEXT_DAY[day])}'s key run.",
            days=(day,),
            slots=(placed.where,),
            hint=f"{move} {lower}.",
            fixes=fixes,
        )
    for day, placed in same_day.items():
        yield Finding(
            "HEAVY_ON_KEY_RUN_DAY", Severity.INFO,
            f"{slot_list(placed)} on {day_name(day)}, a key run day.",
            days=(day,),
            slots=tuple(p.where for p in placed),
            hint="Lift after the run, the same day (a few hours later if possible), so the "
                 "key run gets fresh legs and the next day stays easy.",
        )




def _clear_day(ctx: Context) -> Weekday | None:
    """The lightest session that is not the day before a key run (for new eccentric work)."""
    runs = ctx.client.key_run_days if ctx.client else frozenset()
    days = [d for d in (ctx.training_days or ctx.active_days) if NEXT_DAY[d] not in runs]
    return min(days, key=lambda d: (sum(p.slot.sets for p in ctx.on(d)), DAY_INDEX[d]),
               default=lightest_day(ctx))


def power_without_strength(ctx: Context) -> Iterator[Finding]:
    """Blog: strength must be present in order to produce power. A power-stage week keeps
    loaded leg strength work beside the jumps, or the strength that feeds them fades."""
    if ctx.client is None or ctx.client.stage != Stage.POWER:
        return
    jumps = [p for p in ctx.placed if p.exercise.is_jump]
    if not jumps or any(p.slot.builds_leg_strength for p in ctx.placed):
        return
    yield Finding(
        "POWER_WITHOUT_STRENGTH", Severity.WARNING,
        f"This week has jumps ({slot_list(jumps)}) but no loaded strength work for the legs.",
        days=days_of(jumps),
        slots=tuple(p.where for p in jumps),
        hint=library_hint(
            ctx, lambda e: e.pattern in COMPOUND_LEG_PATTERNS and
            e.external_load != ExternalLoad.BODYWEIGHT and e.phase == Phase.STRENGTH,
            "Keep strength in the week with",
            "Keep a loaded squat, split squat or hinge in the week beside the jumps.",
            patterns=frozenset({Pattern.LUNGE, Pattern.HINGE, Pattern.SQUAT})),
        fixes=adds(suggestions(ctx, lambda e: e.pattern in COMPOUND_LEG_PATTERNS
                               and e.external_load != ExternalLoad.BODYWEIGHT
                               and e.phase == Phase.STRENGTH, 1,
                               patterns=frozenset({Pattern.LUNGE, Pattern.HINGE,
                                                   Pattern.SQUAT})),
                   [jumps[0].weekday]),
    )


def _heavy_leg_day(ctx: Context, day: Weekday) -> bool:
    return any(p.lower and p.slot.intensity == Intensity.HEAVY for p in ctx.on(day))


def heavy_days_back_to_back(ctx: Context) -> Iterator[Finding]:
    """Heavy leg sessions need a day between them: strength gains come from the recovery,
    and the runner still has to run on those legs (the week repeats, so Sunday meets
    Monday)."""
    heavy = [d for d in ctx.active_days if _heavy_leg_day(ctx, d)]
    pairs = [(d, NEXT_DAY[d]) for d in heavy if NEXT_DAY[d] in heavy and NEXT_DAY[d] != d]
    for first, second in pairs:
        slots = [p for d in (first, second) for p in ctx.on(d)
                 if p.lower and p.slot.intensity == Intensity.HEAVY]
        yield Finding(
            "HEAVY_DAYS_BACK_TO_BACK", Severity.WARNING,
            f"{day_name(first)} and {day_name(second)} both have heavy leg work, on "
            f"consecutive days: {slot_list(slots)}.",
            days=(first, second),
            slots=tuple(p.where for p in slots),
            fixes=tuple(lighten_fix(p) for p in slots if p.weekday == second)[:2],
            hint=f"Make {day_name(second)}'s leg work moderate, or move it so a day lies "
                 f"between the heavy sessions.",
        )


TAPER_DAYS = 10


def taper_load(ctx: Context) -> Iterator[Finding]:
    """In the last days before a race the legs should arrive fresh: keep some light strength
    work, but nothing heavy and no new jumping in the final ten days."""
    client = ctx.client
    if client is None or client.season != Season.TAPER:
        return
    if client.race_date is not None and ctx.today is not None:
        days_left = (client.race_date - ctx.today).days
        if not 0 <= days_left <= TAPER_DAYS:
            return
    hard = [p for p in ctx.placed if p.exercise.is_jump or p.slot.intensity == Intensity.HEAVY]
    if not hard:
        return
    when = (f"race on {client.race_date:%d %B %Y}".replace(" 0", " ")
            if client.race_date else "race")
    yield Finding(
        "TAPER_LOAD", Severity.WARNING,
        f"{slot_list(hard)} {'is' if len(hard) == 1 else 'are'} heavy or high-impact, in the "
        f"last {TAPER_DAYS} days before the {when}.",
        days=days_of(hard),
        slots=tuple(p.where for p in hard),
        fixes=tuple(lighten_fix(p) for p in hard if not p.exercise.is_jump)[:2],
        hint="In the taper keep the movements but make them light: fewer sets, no jumps, "
             "nothing to max out.",
    )


MAINTENANCE_SEASONS = frozenset({Season.IN_SEASON, Season.TAPER})


RULES: tuple[Rule, ...] = (
    empty_week,
    plyometrics_before_strength,
    drills_before_strength,
    unilateral_share_low,
    sides_uneven,
    core_missing_day,
    muscle_uncovered,
    frequency_fits_goal,
    load_before_stability,
    eccentric_hamstring_missing,
    injury_focus_missing,
    heavy_before_key_run,
    power_without_strength,
    heavy_days_back_to_back,
    taper_load,
    core_planes_narrow,
    not_full_body,
)
