"""Models for the care area (filled in by its issue)."""
