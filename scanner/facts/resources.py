"""The text a screen shows: string resources and layout attributes, by resource id.

Code loads a layout or a string by its id (`setContentView(R.layout.main)` compiles to a
constant 0x7f…); the call graph records those ids per method, and this turns them into the
words a user sees, so that a component's own UI can corroborate a feature (E4).
"""

from __future__ import annotations

from typing import Any

from scanner.errors import ScannerError
from scanner.unpack.apk import ApkContents

_TEXT_ATTRS = ("text", "hint", "title", "contentDescription", "summary", "label")
_ANDROID = "{http://schemas.android.com/apk/res/android}"
# `<include>` nests layouts; real screens go two or three deep, and a cycle must end.
MAX_INCLUDE_DEPTH = 4


class ResourceTexts:
    def __init__(self, contents: ApkContents) -> None:
        self._contents = contents
        self._cache: dict[int, tuple[str, ...]] = {}
        self._clicks: dict[int, tuple[str, ...]] = {}

    def texts(self, res_id: int) -> tuple[str, ...]:
        found = self._cache.get(res_id)
        if found is None:
            found = self._cache[res_id] = self._resolve(res_id, depth=0)
        return found

    def click_handlers(self, res_id: int) -> tuple[str, ...]:
        """Method names a layout's `android:onClick` attributes name (the activity showing
        the layout has them called on a tap); empty for anything but a layout."""
        found = self._clicks.get(res_id)
        if found is None:
            names: list[str] = []
            table = self._contents.resources()
            for _locale, value in table.resolve(res_id) if table is not None else ():
                if value.startswith("res/layout") and value.endswith(".xml"):
                    names.extend(self._handlers(value, depth=0))
            found = self._clicks[res_id] = tuple(dict.fromkeys(names))
        return found

    def _root(self, path: str) -> Any:
        """The decoded XML file, or None when it is missing or broken (nothing to read)."""
        try:
            return self._contents.xml(path)
        except ScannerError:
            return None

    def _handlers(self, path: str, depth: int) -> list[str]:
        root = self._root(path)
        if root is None:
            return []
        out = []
        for el in root.iter():
            value = el.get(_ANDROID + "onClick")
            if value and value.isidentifier():
                out.append(value)
            for included in self._included(el, depth):
                out.extend(self._handlers(included, depth + 1))
        return out

    def _included(self, el: Any, depth: int) -> list[str]:
        """The layout files an `<include layout="@layout/x"/>` element pulls in (its views are
        the screen's: their texts and onClick handlers count); none past MAX_INCLUDE_DEPTH."""
        if el.tag != "include" or depth >= MAX_INCLUDE_DEPTH:
            return []
        ref = el.get("layout") or ""
        table = self._contents.resources()
        if table is None or not (ref.startswith("@") and len(ref) == 9):
            return []
        try:
            res_id = int(ref[1:], 16)
        except ValueError:
            return []
        return [v for _, v in table.resolve(res_id) if v.startswith("res/") and v.endswith(".xml")]

    def _resolve(self, res_id: int, depth: int) -> tuple[str, ...]:
        table = self._contents.resources()
        if table is None or depth > 2:
            return ()
        out: list[str] = []
        for _locale, value in table.resolve(res_id):
            if value.startswith("res/") and value.endswith(".xml"):
                out.extend(self._layout(value, depth))
            else:
                out.append(value)
        return tuple(dict.fromkeys(out))

    def _layout(self, path: str, depth: int) -> list[str]:
        root = self._root(path)
        if root is None:
            return []
        out: list[str] = []
        for el in root.iter():
            for included in self._included(el, depth):
                out.extend(self._layout(included, depth + 1))
            for attr in _TEXT_ATTRS:
                value = el.get(_ANDROID + attr)
                if not value:
                    continue
                if value.startswith("@") and len(value) == 9:
                    try:
                        out.extend(self._resolve(int(value[1:], 16), depth + 1))
                    except ValueError:
                        continue
                elif not value.startswith("@"):
                    out.append(value)
        return out
