"""Over time: read-only pictures of what the person has noticed. Queries live in store/patterns."""
