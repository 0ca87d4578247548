"""Models for the partners area (filled in by its issue)."""
