"""ID-FILING-002 for iOS: the bundle id or the signing certificate differs from the filing.

The filing records the bundle id and the distribution certificate's SHA-1 and public key
(MIIT APP备案, 2023-08); the certificate compared is the leaf of the executable's code
signature, or, when the executable is not signed, the profile's developer certificates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.filing import RULE, compare_identity
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.signing import code_signers
from scanner.model import Finding, Platform


class IosFiledIdentityAnalyzer:
    id: ClassVar[str] = "ios-filed-identity"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        if ctx.filed is None:
            ctx.skipped.add(RULE)  # nothing to compare with: not a pass
            return
        app = inputs.app
        root = app.location.split("!", 1)[0]
        signers = code_signers(app)[:1]  # the leaf; the rest are Apple's CAs
        where = f"{root}!{app.bundle.executable or app.bundle.path} (LC_CODE_SIGNATURE)"
        if not signers and app.profile is not None:
            signers = list(app.profile.developer_certificates)
            where = app.profile.location
        yield from compare_identity(
            rule_ctx=ctx,
            filed=ctx.filed,
            platform="ios",
            identifier=app.bundle.bundle_id,
            current=signers,
            former=(),
            location=app.info_location,
            signer_location=where,
        )
