"""Breath-paced grounding: patterns and the pacer clock (pure), the pacer widget and tab (Qt)."""
