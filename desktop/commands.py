"""Subcommands that work on the data without opening a window (export, import, backup, check)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

Command = Callable[[argparse.Namespace, Path], int]

COMMANDS: dict[str, Command] = {}


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    command = COMMANDS.get(args.command)
    if command is None:
        print(f"glimmers: unknown command {args.command}", file=sys.stderr)
        return 2
    return command(args, data_dir)
