"""The shared act of noticing: body regions, sensations, feeling words (pure) and their widgets."""
