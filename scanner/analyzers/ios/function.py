"""FUNC-FEEDBACK-001, FUNC-POLICY-001 and ID-FILING-003 for iOS (scanner/analyzers/function.py
explains the rules). Places searched: the IPA's text files (.strings, nibs, storyboards,
plists, web pages: YARA) and the app executable's C, UTF-16 and CF strings (Mach-O facts:
Chinese Objective-C literals live in __ustring, which YARA's UTF-8 patterns cannot see)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.function import (
    ANY_FILING,
    KEYWORD_SETS,
    WORDS,
    Searched,
    absence,
    filing_findings,
    filing_hits,
    hits_in,
)
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.ios import BundleFacts
from scanner.model import Finding, Platform


def binary_strings(b: BundleFacts) -> tuple[str, ...]:
    s = b.code_slice
    if s is None:
        return ()
    return (*s.cstrings, *s.ustrings, *s.cfstrings)


def ios_searched(inputs: IosInputs, n_strings: int) -> Searched:
    app = inputs.app
    executable = app.bundle.executable or app.bundle.path
    root = app.location.split("!", 1)[0]
    return Searched(
        location=f"{root}!{executable}",
        zh="应用包内的 .strings、nib、storyboard、plist 与网页文件，"
        f"以及可执行文件的 {n_strings} 个字符串",
        en=f".strings, nib, storyboard, plist and web files of the IPA, and {n_strings} strings "
        "of the app executable",
    )


class IosFunctionAnalyzer:
    id: ClassVar[str] = "ios-function"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("FUNC-FEEDBACK-001", "FUNC-POLICY-001", "ID-FILING-003")

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        app = inputs.app
        if app.encrypted or app.code_slice is None:
            # FairPlay-encrypted or no executable: its strings are unknown, not absent.
            ctx.skipped.update(self.rule_ids)
            ctx.coverage_reasons.append(
                "feedback, privacy-policy and filing-number text: the executable is encrypted "
                "or missing, so absence is not reported"
            )
            return
        strings = binary_strings(app)
        searched = ios_searched(inputs, len(strings))
        for rule, keyword_set in KEYWORD_SETS.items():
            if hits_in(inputs.yara, keyword_set, lambda _loc: True):
                continue
            if any(w in s for s in strings for w in WORDS[rule]):
                continue
            yield absence(ctx, rule, searched, remote_note=False)
        found = filing_hits(inputs.yara, lambda _loc: True)
        for s in strings:
            for m in ANY_FILING.finditer(s):
                found.append((m.group(0), searched.location, 0))
        yield from filing_findings(ctx, sorted(set(found)), searched)
