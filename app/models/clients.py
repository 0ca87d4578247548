"""Models for the clients area (filled in by its issue)."""
