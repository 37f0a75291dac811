"""CoachDesk: an offline program-design desk for strength coaches who train runners."""

__version__ = "0.1.0"
