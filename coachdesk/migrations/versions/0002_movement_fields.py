"""exercises described by movement; client season and race date; micro-sessions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

``exercise.muscles`` becomes ``primary_muscles`` (nothing is lost: every listed group
becomes a prime mover) beside a new, empty ``secondary_muscles``. The pattern, impact and
external load are guessed for every row (``coachdesk.movement``); a coach-made
exercise whose pattern could only be guessed from its muscles is marked ``needs_review``.
A built-in exercise the coach never edited (version 1) is marked for refreshing from the
newer starter library, which seeding does right after the upgrade.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

PATTERNS = ('squat', 'hinge', 'lunge', 'step', 'single_leg_stance', 'knee_flexion',
            'calf_ankle', 'foot', 'hip_abduction', 'hip_adduction', 'anti_extension',
            'anti_rotation', 'anti_lateral_flexion', 'trunk_flexion', 'carry', 'upper_push',
            'upper_pull', 'jump', 'running_drill', 'mobility')
LEGACY_SHIPPED = "legacy-1"


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def _list(value: object) -> list:
    if isinstance(value, str):
        return json.loads(value)
    return list(value or [])


def upgrade() -> None:
    from coachdesk.movement import infer_external_load, infer_impact, infer_pattern

    with op.batch_alter_table('exercise', schema=None) as batch_op:
        batch_op.alter_column('muscles', new_column_name='primary_muscles',
                              existing_type=sa.JSON(), existing_nullable=False)
        batch_op.add_column(sa.Column('secondary_muscles', sa.JSON(), nullable=False,
                                      server_default='[]'))
        batch_op.add_column(sa.Column('pattern', _enum('pattern', *PATTERNS), nullable=True))
        batch_op.add_column(sa.Column('impact', _enum('impact', 'none', 'low', 'high'),
                                      nullable=False, server_default='low'))
        batch_op.add_column(sa.Column(
            'external_load', _enum('external_load', 'bodyweight', 'light_implement', 'loaded'),
            nullable=False, server_default='bodyweight'))
        batch_op.add_column(sa.Column('needs_review', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('shipped_revision', sa.String(length=64), nullable=True))

    bind = op.get_bind()
    exercise = sa.table(
        'exercise', sa.column('id', sa.Integer), sa.column('name', sa.String),
        sa.column('builtin_key', sa.String), sa.column('version', sa.Integer),
        sa.column('primary_muscles', sa.JSON), sa.column('core_plane', sa.String),
        sa.column('plyometric', sa.Boolean), sa.column('load_type', sa.String),
        sa.column('equipment', sa.JSON), sa.column('pattern', sa.String),
        sa.column('impact', sa.String), sa.column('external_load', sa.String),
        sa.column('needs_review', sa.Boolean), sa.column('shipped_revision', sa.String),
    )
    rows = bind.execute(sa.select(
        exercise.c.id, exercise.c.name, exercise.c.builtin_key, exercise.c.version,
        exercise.c.primary_muscles, exercise.c.core_plane, exercise.c.plyometric,
        exercise.c.load_type, exercise.c.equipment)).all()
    for id_, name, key, version, muscles, plane, plyometric, load_type, equipment in rows:
        guess = infer_pattern(name, _list(muscles), plane, bool(plyometric))
        bind.execute(exercise.update().where(exercise.c.id == id_).values(
            pattern=guess.pattern.value,
            impact=infer_impact(guess.pattern, name).value,
            external_load=infer_external_load(load_type, _list(equipment)).value,
            needs_review=key is None and guess.needs_review,
            shipped_revision=LEGACY_SHIPPED if key is not None and version == 1 else None,
        ))
    with op.batch_alter_table('exercise', schema=None) as batch_op:
        batch_op.alter_column('pattern', existing_type=_enum('pattern', *PATTERNS),
                              nullable=False)

    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'season', _enum('season', 'off_season', 'pre_season', 'in_season', 'taper'),
            nullable=False, server_default='off_season'))
        batch_op.add_column(sa.Column('race_date', sa.Date(), nullable=True))

    with op.batch_alter_table('template_day', schema=None) as batch_op:
        batch_op.add_column(sa.Column('micro', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('template_day', schema=None) as batch_op:
        batch_op.drop_column('micro')
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_column('race_date')
        batch_op.drop_column('season')
    with op.batch_alter_table('exercise', schema=None) as batch_op:
        batch_op.drop_column('shipped_revision')
        batch_op.drop_column('needs_review')
        batch_op.drop_column('external_load')
        batch_op.drop_column('impact')
        batch_op.drop_column('pattern')
        batch_op.drop_column('secondary_muscles')
        batch_op.alter_column('primary_muscles', new_column_name='muscles',
                              existing_type=sa.JSON(), existing_nullable=False)
