"""The library list's spec: columns, search text, facets, storage and import/export. The
shared list area and filter table do the rest (rows drag out as exercise ids in JSON)."""

from __future__ import annotations

from collections.abc import Sequence

from coachdesk.services import library as svc
from coachdesk.services import library_files as transfer
from coachdesk.services.library import ExerciseRow
from coachdesk.ui.common.filter_bar import Facet, Toggle, field_is
from coachdesk.ui.common.filter_table import Column
from coachdesk.ui.common.list_area import ListSpec, Store, Transfer
from coachdesk.ui.mime import EXERCISE_IDS_MIME
from coachdesk.vocab import Muscle, Pattern, Phase, label

EQUIPMENT_NONE = "__none__"


def equipment_text(row: ExerciseRow) -> str:
    return ", ".join(e.replace("_", " ") for e in row.data.equipment) or "none"


def name_text(row: ExerciseRow) -> str:
    flags = [" (archived)" if row.archived else "", " · needs review" if row.needs_review else ""]
    return row.name + "".join(flags)


def name_tooltip(row: ExerciseRow) -> str:
    lines = [f"Also called {', '.join(row.data.aliases)}"] if row.data.aliases else []
    if row.needs_review:
        lines.append("Its movement pattern was guessed when the library was upgraded: "
                     "open it to confirm the pattern and prime movers.")
    return "\n".join(lines)


COLUMNS: list[Column[ExerciseRow]] = [
    Column("Name", name_text, tooltip=name_tooltip, width=190),
    Column("Movement", lambda r: label(r.data.pattern), width=130),
    Column("Prime movers", lambda r: ", ".join(label(m) for m in r.data.primary_muscles),
           tooltip=lambda r: (f"Assisting: {', '.join(label(m) for m in r.data.secondary_muscles)}"
                              if r.data.secondary_muscles else ""), width=0),
    Column("Sides", lambda r: "Single-leg / one side" if r.data.laterality == "unilateral"
           else "Two-sided", width=125),
    Column("Phase", lambda r: label(r.data.phase) + (" · plyo" if r.data.plyometric else ""),
           width=95),
    Column("Equipment", equipment_text, width=115),
]


def search_text(row: ExerciseRow) -> str:
    d = row.data
    return " ".join([d.name, *d.aliases, *d.primary_muscles, *d.secondary_muscles,
                     label(d.pattern), d.notes, *d.equipment]).replace("_", " ")


def equipment_options(rows: Sequence[ExerciseRow]) -> list[tuple[str, str]]:
    return [(item.replace("_", " ").capitalize(), item)
            for item in sorted({e for r in rows for e in r.data.equipment})]


def has_equipment(row: ExerciseRow, value: str) -> bool:
    return not row.data.equipment if value == EQUIPMENT_NONE else value in row.data.equipment


def has_origin(row: ExerciseRow, value: str) -> bool:
    return row.needs_review if value == "review" else row.builtin == (value == "builtin")


FACETS: tuple[Facet, ...] = (
    Facet("muscle", "Any muscle", [(label(m), m.value) for m in Muscle],
          lambda r, v: v in r.data.primary_muscles or v in r.data.secondary_muscles),
    Facet("laterality", "Any sides", [("Single-leg / one side", "unilateral"),
                                      ("Two-sided", "bilateral")],
          field_is(lambda r: r.data.laterality)),
    Facet("pattern", "Any movement", [(label(p), p.value) for p in Pattern],
          field_is(lambda r: r.data.pattern)),
    Facet("phase", "Any phase", [(label(p), p.value) for p in Phase],
          field_is(lambda r: r.data.phase)),
    Facet("plyometric", "Plyo or not", [("Plyometric", "yes"), ("Not plyometric", "no")],
          lambda r, v: r.data.plyometric == (v == "yes")),
    Facet("equipment", "Any equipment", [("No equipment", EQUIPMENT_NONE)], has_equipment,
          options_of=equipment_options),
    Facet("origin", "Built-in or mine", [("Built-in", "builtin"), ("Coach-made", "coach"),
                                         ("Needs review", "review")], has_origin),
)

SPEC: ListSpec[ExerciseRow] = ListSpec(
    noun="exercise",
    title="Exercise library",
    placeholder="Search names, muscles, notes…",
    load=svc.list_exercises,
    columns=tuple(COLUMNS),
    search_text=search_text,
    facets=FACETS,
    toggles=(Toggle("archived", "Show archived", lambda r, on: on or not r.archived),),
    store=Store(get=svc.get_exercise, version=svc.exercise_version,
                create=svc.create_exercise, update=svc.update_exercise,
                # names and aliases are unique, so the copy keeps the name but no aliases
                copy=lambda d: d.with_changes(name=f"{d.name} (my copy)", aliases=())),
    stretch=2,  # prime movers take the room left
    multi=True,
    drag_mime=EXERCISE_IDS_MIME,
    transfer=Transfer(
        preview=transfer.preview_library_file,
        apply=transfer.apply_import, export=transfer.export_library,
        file_filter="Library files (*.json *.csv)", export_name="coachdesk-library.json",
        export_filter="JSON (*.json);;CSV for spreadsheets (*.csv)"),
)
