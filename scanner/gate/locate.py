"""Line numbers for keys in YAML and JSON files, so that a validation error can point at them.

PyYAML's composer keeps each node's position; JSON is (nearly) YAML, so the same walk finds a
key in a baseline that `json` has already accepted. A lookup that fails only costs the line
number, never the error.
"""

from __future__ import annotations

import yaml

Key = str | int


def node_line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def compose(text: str) -> yaml.Node | None:
    """The node tree of a single-document YAML text; raises yaml.YAMLError."""
    node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    return node


def find(root: yaml.Node | None, path: tuple[Key, ...]) -> yaml.Node | None:
    """The node at `path` (mapping keys and sequence indexes), or None."""
    node = root
    for key in path:
        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            node = node.value[key] if 0 <= key < len(node.value) else None
        else:
            return None
    return node


def line_in(text: str, path: tuple[Key, ...]) -> int | None:
    """Where `path` is in a JSON or YAML text, if the text parses as YAML at all."""
    try:
        node = find(compose(text), path)
    except yaml.YAMLError:
        return None
    return node_line(node) if node is not None else None
