"""Together: practices for people at one screen (a listening pair, a small circle, touch with
consent). The turn logic is pure (pair, circle, touch); the pages are thin Qt."""
