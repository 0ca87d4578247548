"""Models for the training area (filled in by its issue)."""
