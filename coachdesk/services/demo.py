"""A demo studio for a first look: three runners, two weeks, one program."""

from __future__ import annotations

from datetime import date, timedelta

from coachdesk.dates import next_monday
from coachdesk.db import Database
from coachdesk.services import clients, programs
from coachdesk.services import templates as tpl

CLIENTS = [
    clients.ClientData(name="Ana Río", email="ana@example.com", goal="race",
                       race_distance="marathon", stage="strength", season="in_season",
                       key_run_days=("wed", "sat"),
                       injuries=("shin_splints",), notes="Spring marathon; long runs on Saturday."),
    clients.ClientData(name="Ben Okafor", email="ben@example.com", goal="hobby",
                       race_distance="10k", stage="stability", key_run_days=("sun",),
                       injuries=("itbs",), injury_notes="Outer-knee pain after long downhills."),
    clients.ClientData(name="Chloé Martin", email="chloe@example.com", goal="body_composition",
                       stage="power", key_run_days=("wed",)),
]
WEEKS = {
    "In-season 2× full body": {
        "mon": ("Full body A", ["Nordic Curl", "ATG Split Squat", "Side-Lying Hip Abduction",
                                "Calf Raise", "Dead Bug", "Push-Up"]),
        "thu": ("Full body B", ["Single-Leg Toe Touch", "Bulgarian Split Squat",
                                "Tibialis Raise", "Single-Leg Balance", "Pallof Press",
                                "Inverted Row"]),
    },
    "Stability base 3×": {
        "mon": ("Balance and hips", ["Single-Leg Balance", "Lateral Step-Down", "Clamshell",
                                     "Bird Dog", "Push-Up"]),
        "wed": ("Feet and core", ["Short Foot", "Heel Walk", "Eccentric Calf Lower",
                                  "Glute Bridge", "Side Plank", "Inverted Row"]),
        "fri": ("Single leg", ["Single-Leg Toe Touch", "Stationary Lunge", "Banded Lateral Walk",
                               "Dead Bug", "Push-Up"]),
    },
}


def load_demo_studio(db: Database) -> dict[str, int]:
    ids = {c.name: c.id for c in tpl.exercise_choices(db)}
    client_ids = [clients.create_client(db, data) for data in CLIENTS]
    template_ids = []
    for name, days in WEEKS.items():
        template_id = tpl.create_template(db, name)
        template_ids.append(template_id)
        for weekday, (title, names) in days.items():
            tpl.set_day_title(db, template_id, weekday, title)
            tpl.add_slots(db, template_id, weekday, [ids[n] for n in names if n in ids])
    start = next_monday(date.today()) - timedelta(weeks=1)
    programs.assign_program(db, template_ids[0], client_ids[0], start, 8,
                            "Marathon block 1")
    return {"clients": len(client_ids), "templates": len(template_ids), "programs": 1}
