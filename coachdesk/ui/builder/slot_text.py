"""How a slot's prescription reads on a card: ``3 × 8 / side · 3-1-1-0 · 20 kg · heavy``."""

from __future__ import annotations

from coachdesk.services.templates import SlotFields


def volume_text(fields: SlotFields) -> str:
    amount = f"{fields.reps}" if fields.reps is not None else f"{fields.seconds} s"
    text = f"{fields.sets} × {amount}"
    if fields.per_side:
        text += " / side"
    elif fields.side:
        text += f" ({fields.side} only)"
    return text


def prescription_text(fields: SlotFields) -> str:
    parts = [volume_text(fields)]
    parts += [p for p in (fields.tempo, fields.load, fields.intensity or "") if p]
    if fields.rest_s:
        parts.append(f"rest {fields.rest_s} s")
    return " · ".join(parts)
