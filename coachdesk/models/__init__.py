"""The ORM: SQLAlchemy 2 typed models. No Qt here, ever."""

from coachdesk.models.base import Base
from coachdesk.models.brand import AppSetting, BrandProfile
from coachdesk.models.client import Client
from coachdesk.models.exercise import Exercise, name_key
from coachdesk.models.program import Program
from coachdesk.models.season import SeasonRecord
from coachdesk.models.template import Slot, Template, TemplateDay

__all__ = [
    "AppSetting",
    "Base",
    "BrandProfile",
    "Client",
    "Exercise",
    "Program",
    "SeasonRecord",
    "Slot",
    "Template",
    "TemplateDay",
    "name_key",
]
