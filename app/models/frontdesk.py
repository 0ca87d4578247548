"""Models for the frontdesk area (filled in by its issue)."""
