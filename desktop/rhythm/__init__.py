"""The everyday half of the practice: a small daily rhythm, glimmers, and small invitations.

Rules are pure (anchors, reminders, invitations, glimmers); pages are thin Qt.
"""
