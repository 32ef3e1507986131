"""The call graph's entry points: what the manifest says the system may start.

Kept apart from the graph so that reading them needs no networkx.
"""

from __future__ import annotations

from dataclasses import dataclass

from scanner.facts.android import AndroidFacts


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """A way into the app that the system provides: a manifest component or the Application."""

    component: str  # class descriptor
    kind: str  # application | activity | service | receiver | provider
    exported: bool

    @property
    def primary(self) -> bool:
        """Started by the system or other apps without the app's own code asking: the
        Application, providers (created at start-up) and exported components. Internal
        components run only when the app's code starts them, which the graph follows."""
        return self.exported or self.kind in ("application", "provider")


def _descriptor(java_name: str) -> str:
    return "L" + java_name.replace(".", "/") + ";"


def entry_points(facts: AndroidFacts) -> list[EntryPoint]:
    """The manifest's enabled components and its Application class."""
    out = [
        EntryPoint(
            _descriptor(c.target_activity or c.name), c.kind.replace("-alias", ""), c.exported
        )
        for c in facts.components
        if c.name and c.enabled
    ]
    if facts.application_class:
        out.append(EntryPoint(_descriptor(facts.application_class), "application", False))
    return out
