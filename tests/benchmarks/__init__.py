"""Benchmarks: plain scripts, each printing one JSON object on its last line."""
