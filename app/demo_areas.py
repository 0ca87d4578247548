"""Every area's demo data, imported so each registers itself. Areas add their module here."""

from app.admin import demo as admin_demo  # noqa: F401
from app.auth import demo as auth_demo  # noqa: F401
from app.care import demo as care_demo  # noqa: F401
from app.clients import demo as clients_demo  # noqa: F401
from app.frontdesk import demo as frontdesk_demo  # noqa: F401
from app.partners import demo as partners_demo  # noqa: F401
from app.team import demo as team_demo  # noqa: F401
from app.training import demo as training_demo  # noqa: F401
