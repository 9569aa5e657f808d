"""Music with body-response check-ins: the library (pure), the one player and the tab (Qt)."""
