"""The typed facts of each bundle of an IPA: its Info.plist identity (from the unpacker), its
executable's Mach-O slices, code signature and provisioning profile."""

from __future__ import annotations

from dataclasses import dataclass

from scanner.errors import ScannerError
from scanner.facts.codesign import BundleSignature, check_bundle
from scanner.facts.macho import MachOFile, MachOSlice, read_macho
from scanner.facts.provisioning import Profile, read_profile
from scanner.unpack.ipa import Bundle, IpaContents

# The slice whose code the analyzers read when a binary has several: what current devices run.
PREFERRED_ARCHS = ("arm64e", "arm64", "arm64_32", "armv7s", "armv7", "x86_64")


@dataclass(frozen=True, slots=True)
class BundleFacts:
    bundle: Bundle
    location: str  # `app.ipa!Payload/App.app/`
    macho: MachOFile | None
    signature: BundleSignature | None
    profile: Profile | None
    errors: tuple[str, ...] = ()

    @property
    def code_slice(self) -> MachOSlice | None:
        """The slice to analyse: arm64 where there is one."""
        if self.macho is None or not self.macho.slices:
            return None
        by_arch = {s.arch: s for s in self.macho.slices}
        for arch in PREFERRED_ARCHS:
            if arch in by_arch:
                return by_arch[arch]
        return self.macho.slices[0]

    @property
    def info_location(self) -> str:
        """Where the bundle's Info.plist is: `app.ipa!Payload/App.app/Info.plist`."""
        plist = self.bundle.info_path or self.bundle.path + "Info.plist"
        return f"{self.location.split('!', 1)[0]}!{plist}"

    @property
    def encrypted(self) -> bool:
        s = self.code_slice
        return bool(s and s.encryption and s.encryption.cryptid)

    @property
    def entitlements(self) -> dict[str, object]:
        """The executable's signed entitlements (the first slice that has them)."""
        if self.signature is not None:
            for s in self.signature.slices:
                if s.entitlements is not None:
                    return dict(s.entitlements)
        return {}


def read_executable(contents: IpaContents, bundle: Bundle) -> tuple[bytes | None, str | None]:
    """The bundle's executable, inflated once for every reader (Mach-O, signature, YARA), or
    the reason it cannot be read."""
    if bundle.executable is None:
        return None, None
    try:
        return contents.read(bundle.executable), None
    except ScannerError as exc:
        return None, str(exc)


def read_bundle(contents: IpaContents, bundle: Bundle, data: bytes | None) -> BundleFacts:
    """`data`: the executable's bytes (read_executable), None when it has none."""
    errors: list[str] = list(bundle.problems)
    macho: MachOFile | None = None
    if bundle.executable is not None and data is not None:
        try:
            macho = read_macho(contents.location(bundle.executable), data)
        except ScannerError as exc:
            errors.append(str(exc))
    signature: BundleSignature | None = None
    try:
        signature = check_bundle(contents, bundle, data=data)
    except ScannerError as exc:
        errors.append(str(exc))
    profile: Profile | None = None
    if bundle.provision_path is not None:
        try:
            profile = read_profile(
                contents.read(bundle.provision_path), contents.location(bundle.provision_path)
            )
        except ScannerError as exc:
            errors.append(str(exc))
    return BundleFacts(
        bundle=bundle,
        location=contents.location(bundle.path),
        macho=macho,
        signature=signature,
        profile=profile,
        errors=tuple(dict.fromkeys(errors)),
    )
