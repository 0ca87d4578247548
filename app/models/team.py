"""Models for the team area (filled in by its issue)."""
