"""The whole data model, one module per area, importable from one place."""
from app.models.audit import AuditEvent
from app.models.base import Base
from app.models.frontdesk import Shift
from app.models.people import User, UserSession
from app.models.team import Supervision

__all__ = ["AuditEvent", "Base", "Shift", "Supervision", "User", "UserSession"]
