"""An import-linter contract of our own: Qt only in the rooms that draw, every other module pure.

A module of the package is pure unless pyproject lists it as a room; a pure module imports
neither Qt nor a room, so Qt cannot reach it through one. A new module is therefore pure until
someone decides it draws, and the list cannot fall behind: a module that imports Qt without
being listed breaks the contract, and so does a listed room that no longer needs Qt.

Registered in pyproject.toml ([tool.importlinter] contract_types); lint-imports runs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True)
class _Link:
    importer: str
    imported: str
    lines: tuple[int, ...]


class QtRooms(Contract):
    type_name = "qt_rooms"

    package = fields.StringField()
    qt = fields.ListField(subfield=fields.StringField())  # the top-level names of Qt packages
    rooms = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        # The fields have checked the options; the options themselves are plainly typed.
        package = str(self.contract_options["package"])
        qt = {str(name) for name in self.contract_options["qt"]}
        rooms = {str(name) for name in self.contract_options["rooms"]}
        modules = {m for m in graph.modules if m == package or m.startswith(package + ".")}
        illegal: list[_Link] = []
        idle_rooms: list[str] = []
        for module in sorted(modules):
            imported = graph.find_modules_directly_imported_by(module)
            drawing = {name for name in imported if name.split(".")[0] in qt or name in rooms}
            if module in rooms:
                if not drawing:
                    idle_rooms.append(module)
                continue
            for name in sorted(drawing):
                details = graph.get_import_details(importer=module, imported=name)
                lines = tuple(sorted({int(d["line_number"]) for d in details}))
                illegal.append(_Link(module, name, lines))
        missing = sorted(rooms - modules)
        return ContractCheck(
            kept=not (illegal or idle_rooms or missing),
            metadata={"illegal": illegal, "idle": idle_rooms, "missing": missing},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        illegal: list[_Link] = check.metadata["illegal"]
        if illegal:
            output.print_error("Pure modules that import Qt or a room that draws:", bold=False)
            output.new_line()
            for link in illegal:
                lines = ", ".join(map(str, link.lines))
                output.print_error(f"- {link.importer} -> {link.imported} (l.{lines})", bold=False)
            output.new_line()
            output.print("Keep Qt out of them, or list them as rooms if they draw.")
            output.new_line()
        for title, names in (
            ("Listed as rooms but import no Qt (take them off the list):", check.metadata["idle"]),
            ("Listed as rooms but not in the package:", check.metadata["missing"]),
        ):
            if names:
                output.print_error(title, bold=False)
                output.new_line()
                for name in names:
                    output.print_error(f"- {name}", bold=False)
                output.new_line()
