"""Green / blue / red code (赋码) from an app's scan history: a pure function (DOMAIN.md §3).

The rules, as DOMAIN.md §3 states them ([P], our proposal; Sichuan publishes only the three
definitions: 绿=备案无异常, 蓝=再次出现异化/僵尸运行→提醒, 红=反复多次异常拒不整改):

- Key = (platform, package/bundle id); the caller passes one app's scans, oldest first.
- *Blocking anomaly* = a finding ≥ high in FORM-*, PRIV-PRECONSENT/CONTACT, SEC-NET-002,
  SEC-DEBUG, or a ZOMB score ≥ threshold (RatingConfig). ID-FILING-002 is the identity
  condition below. *Same finding* = identity.normalised_identity (rule + evidence symbols,
  obfuscated names ignored). Rectification window W = RatingConfig.window_days (30).
- GREEN: no ID-FILING-002 AND the latest scan has no blocking anomaly AND not zombie.
- BLUE: the latest scan has ≥1 blocking anomaly (deadline = first_seen + W); or zombie
  indicators; or no new version for > 12 months with targetSdk below the store minimum; or
  an identity mismatch first seen.
- RED: the same blocking finding in ≥ 2 scans spanning > W; or ≥ 3 BLUE episodes in 12
  months; or a finding re-introduced twice after fixes; or an unfiled/mismatched identity for
  > W; or the manual "refused" flag.
- Hysteresis: RED→BLUE after one clean scan; BLUE→GREEN after two clean scans ≥ 14 d apart.

Two readings of ours, stated so they can be challenged:
- "Same blocking finding in ≥ 2 scans spanning > W" counts an unbroken run (the finding in
  every scan from its first to the latest): one that was fixed and came back starts a new
  run, and is covered by "re-introduced twice after fixes".
- RED conditions are checked on scans that are not clean (a clean scan is the way out of
  RED), except the refused flag and the identity mismatch, which also age with `now`. A
  blocking finding whose deadline passed without a new scan stays BLUE ("≥ 2 scans"), with
  the overdue deadline in the reasons.

The result carries the trace: every condition that decided the code with its rule ids,
finding fingerprints and scan ids (Rating.audit), as DOMAIN.md asks for audit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from scanner.ledger.config import RatingConfig
from scanner.model import Severity, Text

GREEN, BLUE, RED = "green", "blue", "red"
IDENTITY_RULE = "ID-FILING-002"
_CODE_ZH = {GREEN: "绿码", BLUE: "蓝码", RED: "红码"}


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingView:
    rule_id: str
    severity: str
    fingerprint: str
    identity: str  # sha256 of identity_text
    identity_text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanView:
    """One recorded scan, as the rating needs it."""

    id: int
    scanned_at: dt.datetime
    version: str  # a label: "1.2.0 (3)"
    version_first_seen: dt.datetime
    platform: str
    target_sdk: int | None
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """One condition behind a code, with what it rests on."""

    condition: str  # e.g. BLUE-BLOCKING, RED-PERSISTENT (README.md, "Ledger and rating")
    rule_ids: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    identities: tuple[str, ...] = ()
    scan_ids: tuple[int, ...] = ()
    first_seen: dt.datetime | None = None
    deadline: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "condition": self.condition,
            "rule_ids": list(self.rule_ids),
            "fingerprints": list(self.fingerprints),
            "identities": list(self.identities),
            "scan_ids": list(self.scan_ids),
            "first_seen": _iso(self.first_seen),
            "deadline": _iso(self.deadline),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Rating:
    code: str  # green | blue | red
    reasons: tuple[Text, ...]
    audit: tuple[AuditEntry, ...]
    window_days: int
    computed_at: dt.datetime
    scan_id: int | None = None  # the latest scan the code rests on

    def to_dict(self) -> dict[str, Any]:
        """The report's `rating` object (docs/schema/report-1.schema.json)."""
        return {
            "code": self.code,
            "reasons": [{"zh": r.zh, "en": r.en} for r in self.reasons],
            "window_days": self.window_days,
            "computed_at": _iso(self.computed_at),
            "audit": [a.to_dict() for a in self.audit],
        }


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat(timespec="seconds")


def _day(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).date().isoformat()


@dataclass(slots=True)
class _Problems:
    """What keeps one scan from being clean."""

    blocking: dict[str, list[FindingView]] = field(default_factory=dict)  # by identity
    identity: list[FindingView] = field(default_factory=list)
    zombie: list[FindingView] = field(default_factory=list)
    zombie_score: int = 0
    stale: bool = False

    def clean(self) -> bool:
        return not self.blocking and not self.identity and not self.stale and not self.zombie


def _is_stale(scan: ScanView, at: dt.datetime, cfg: RatingConfig) -> bool:
    """BLUE: "no new version > 12 months with targetSdk below store minimum" (Android: iOS
    reports carry no targetSdk)."""
    return (
        scan.target_sdk is not None
        and scan.target_sdk < cfg.store_min_target_sdk
        and at - scan.version_first_seen > dt.timedelta(days=cfg.stale_days)
    )


def problems(scan: ScanView, cfg: RatingConfig, at: dt.datetime | None = None) -> _Problems:
    floor = Severity(cfg.blocking_severity).rank
    out = _Problems()
    zomb: list[FindingView] = []
    for f in scan.findings:
        if f.rule_id == IDENTITY_RULE:
            out.identity.append(f)
        elif f.rule_id.startswith("ZOMB-"):
            zomb.append(f)
        elif f.rule_id.startswith(cfg.blocking_rules) and _rank(f.severity) >= floor:
            out.blocking.setdefault(f.identity, []).append(f)
    out.zombie_score = sum(cfg.points(f.severity) for f in zomb)
    if out.zombie_score >= cfg.zombie_threshold:
        out.zombie = [f for f in zomb if cfg.points(f.severity) > 0]
        # A zombie app is a blocking anomaly: its ZOMB findings age like the others.
        for f in out.zombie:
            out.blocking.setdefault(f.identity, []).append(f)
    out.stale = _is_stale(scan, at or scan.scanned_at, cfg)
    return out


def _rank(severity: str) -> int:
    try:
        return Severity(severity).rank
    except ValueError:
        return -1


@dataclass(slots=True)
class _Replay:
    """The state carried from scan to scan."""

    cfg: RatingConfig
    code: str | None = None
    red_since: dt.datetime | None = None
    streaks: dict[str, list[ScanView]] = field(default_factory=dict)  # blocking, unbroken
    ever: set[str] = field(default_factory=set)
    reintroduced: dict[str, list[int]] = field(default_factory=dict)  # identity -> scan ids
    identity_streak: list[ScanView] = field(default_factory=list)
    episodes: list[tuple[dt.datetime, int]] = field(default_factory=list)  # BLUE entries
    clean_streak: list[ScanView] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    reasons: list[Text] = field(default_factory=list)

    def step(self, scan: ScanView) -> None:
        cfg = self.cfg
        p = problems(scan, cfg)
        for ident in list(self.streaks):
            if ident not in p.blocking:
                del self.streaks[ident]
        for ident in p.blocking:
            if ident not in self.streaks:
                if ident in self.ever:
                    self.reintroduced.setdefault(ident, []).append(scan.id)
                self.streaks[ident] = []
            self.streaks[ident].append(scan)
        self.ever |= set(p.blocking)
        self.identity_streak = [*self.identity_streak, scan] if p.identity else []
        self.audit, self.reasons = [], []
        if p.clean():
            self._clean(scan)
            return
        self.clean_streak = []
        if self.code in (None, GREEN):
            self.episodes.append((scan.scanned_at, scan.id))
        red = self._red(scan, p)
        if red or self.code == RED:
            if self.code != RED:
                self.red_since = scan.scanned_at
            if not red:
                assert self.red_since is not None
                self._add(
                    AuditEntry(
                        condition="RED-HOLD", scan_ids=(scan.id,), first_seen=self.red_since
                    ),
                    zh=f"自 {_day(self.red_since)} 起为红码，此后尚无一次无阻断问题的复测"
                    "（一次合格复测后转为蓝码）",
                    en=f"red since {_day(self.red_since)}, with no clean scan since "
                    "(one clean scan turns it blue)",
                )
            self.code = RED
        else:
            self.code = BLUE
        self._blue(scan, p)

    def _clean(self, scan: ScanView) -> None:
        cfg = self.cfg
        self.clean_streak.append(scan)
        first = self.clean_streak[0]
        spaced = cfg.green_clean_scans < 2 or scan.scanned_at - first.scanned_at >= dt.timedelta(
            days=cfg.green_spacing_days
        )
        ids = tuple(s.id for s in self.clean_streak)
        if self.code == RED or (
            self.code == BLUE and not (len(self.clean_streak) >= cfg.green_clean_scans and spaced)
        ):
            self.code = BLUE
            n = len(self.clean_streak)
            self._add(
                AuditEntry(condition="BLUE-RECOVERING", scan_ids=ids, first_seen=first.scanned_at),
                zh=f"自 {_day(first.scanned_at)} 起 {n} 次复测无阻断问题；需 "
                f"{cfg.green_clean_scans} 次间隔不少于 {cfg.green_spacing_days} 天的合格复测"
                "方可转为绿码",
                en=f"{n} clean scan(s) since {_day(first.scanned_at)}; green after "
                f"{cfg.green_clean_scans} clean scans at least {cfg.green_spacing_days} days "
                "apart",
            )
            return
        self.code = GREEN
        self._add(
            AuditEntry(condition="GREEN-CLEAN", scan_ids=ids, first_seen=first.scanned_at),
            zh=f"最近一次扫描（{_day(scan.scanned_at)}，版本 {scan.version}）无阻断性问题，"
            "特征信息未见不一致（无 ID-FILING-002），无僵尸迹象",
            en=f"the latest scan ({_day(scan.scanned_at)}, version {scan.version}) has no "
            "blocking anomaly, no identity mismatch (ID-FILING-002) and no zombie indicator",
        )

    def _red(self, scan: ScanView, p: _Problems) -> bool:
        cfg, window = self.cfg, dt.timedelta(days=self.cfg.window_days)
        red = False
        for ident, found in sorted(p.blocking.items(), key=lambda kv: kv[1][0].rule_id):
            run = self.streaks[ident]
            start = run[0].scanned_at
            if len(run) >= 2 and scan.scanned_at - start > window:
                red = True
                self._add(
                    _entry("RED-PERSISTENT", found, run, start, start + window),
                    zh=f"阻断性问题 {found[0].rule_id} 超过整改窗口仍未整改：首次发现于 "
                    f"{_day(start)}，{_day(scan.scanned_at)} 复测仍存在（{len(run)} 次扫描，"
                    f"超过 {cfg.window_days} 天）",
                    en=f"blocking finding {found[0].rule_id} not rectified within the window: "
                    f"first seen {_day(start)}, still present on {_day(scan.scanned_at)} "
                    f"({len(run)} scans, more than {cfg.window_days} days)",
                )
            again = self.reintroduced.get(ident, [])
            if len(again) >= cfg.red_reintroductions:
                red = True
                self._add(
                    AuditEntry(
                        condition="RED-REINTRODUCED",
                        rule_ids=(found[0].rule_id,),
                        fingerprints=tuple(sorted({f.fingerprint for f in found})),
                        identities=(found[0].identity_text,),
                        scan_ids=tuple(again),
                    ),
                    zh=f"问题 {found[0].rule_id} 整改后又 {len(again)} 次重新出现",
                    en=f"finding {found[0].rule_id} re-introduced {len(again)} times after "
                    "being fixed",
                )
        period = dt.timedelta(days=cfg.episode_period_days)
        recent = [(t, i) for t, i in self.episodes if scan.scanned_at - t <= period]
        if len(recent) >= cfg.red_blue_episodes:
            red = True
            self._add(
                AuditEntry(
                    condition="RED-EPISODES",
                    scan_ids=tuple(i for _, i in recent),
                    first_seen=recent[0][0],
                ),
                zh=f"{cfg.episode_period_days} 天内 {len(recent)} 次进入蓝码"
                f"（自 {_day(recent[0][0])}）",
                en=f"{len(recent)} blue episodes within {cfg.episode_period_days} days "
                f"(since {_day(recent[0][0])})",
            )
        if p.identity and self._identity_overdue(scan.scanned_at):
            red = True
            self._identity_red(p.identity)
        return red

    def _identity_overdue(self, at: dt.datetime) -> bool:
        window = dt.timedelta(days=self.cfg.window_days)
        return bool(self.identity_streak) and at - self.identity_streak[0].scanned_at > window

    def _identity_red(self, found: list[FindingView]) -> None:
        start = self.identity_streak[0].scanned_at
        window = dt.timedelta(days=self.cfg.window_days)
        self._add(
            _entry("RED-IDENTITY", found, self.identity_streak, start, start + window),
            zh=f"特征信息不一致或未备案（ID-FILING-002）自 {_day(start)} 起超过 "
            f"{self.cfg.window_days} 天未解决",
            en=f"identity mismatch or unfiled identity (ID-FILING-002) unresolved for more "
            f"than {self.cfg.window_days} days since {_day(start)}",
        )

    def _blue(self, scan: ScanView, p: _Problems) -> None:
        """The BLUE conditions of a scan that is not clean: listed under RED too, since they
        say what must be fixed."""
        cfg, window = self.cfg, dt.timedelta(days=self.cfg.window_days)
        for ident, found in sorted(p.blocking.items(), key=lambda kv: kv[1][0].rule_id):
            if found[0].rule_id.startswith("ZOMB-"):
                continue  # listed with the zombie score below
            run = self.streaks[ident]
            start = run[0].scanned_at
            sev = found[0].severity
            self._add(
                _entry("BLUE-BLOCKING", found, run, start, start + window),
                zh=f"阻断性问题 {found[0].rule_id}（{sev}）首次发现于 {_day(start)}，"
                f"整改期限 {_day(start + window)}（整改窗口 {cfg.window_days} 天）",
                en=f"blocking finding {found[0].rule_id} ({sev}) first seen {_day(start)}; "
                f"rectify by {_day(start + window)} (window {cfg.window_days} days)",
            )
        if p.zombie:
            names = ", ".join(f"{f.rule_id} ({f.severity})" for f in p.zombie)
            start = min(self.streaks[f.identity][0].scanned_at for f in p.zombie)
            runs = {s.id: s for f in p.zombie for s in self.streaks[f.identity]}
            self._add(
                _entry("BLUE-ZOMBIE", p.zombie, list(runs.values()), start, start + window),
                zh=f"僵尸/空壳迹象：{names}，得分 {p.zombie_score} ≥ 阈值 {cfg.zombie_threshold}",
                en=f"zombie indicators: {names}, score {p.zombie_score} >= threshold "
                f"{cfg.zombie_threshold}",
            )
        if p.stale:
            self._stale(scan, scan.scanned_at)
        if p.identity:
            start = self.identity_streak[0].scanned_at
            self._add(
                _entry("BLUE-IDENTITY", p.identity, self.identity_streak, start, start + window),
                zh=f"特征信息不一致或未备案（ID-FILING-002），首次发现于 {_day(start)}，"
                f"整改期限 {_day(start + window)}",
                en=f"identity mismatch or unfiled identity (ID-FILING-002) first seen "
                f"{_day(start)}; resolve by {_day(start + window)}",
            )

    def _stale(self, scan: ScanView, at: dt.datetime) -> None:
        cfg = self.cfg
        self._add(
            AuditEntry(
                condition="BLUE-STALE", scan_ids=(scan.id,), first_seen=scan.version_first_seen
            ),
            zh=f"超过 {cfg.stale_days} 天无新版本（版本 {scan.version} 首次扫描于 "
            f"{_day(scan.version_first_seen)}），且 targetSdk {scan.target_sdk} 低于 "
            f"{cfg.store_min_target_sdk}",
            en=f"no new version for more than {cfg.stale_days} days (version {scan.version} "
            f"first scanned {_day(scan.version_first_seen)}) and targetSdk {scan.target_sdk} "
            f"below {cfg.store_min_target_sdk}",
        )

    def put_last_first(self) -> None:
        """Move the condition just added to the front: the reason for the code comes first."""
        self.audit.insert(0, self.audit.pop())
        self.reasons.insert(0, self.reasons.pop())

    def _add(self, entry: AuditEntry, *, zh: str, en: str) -> None:
        self.audit.append(entry)
        self.reasons.append(Text(zh=zh, en=en))


def _entry(
    condition: str,
    found: Sequence[FindingView],
    run: Sequence[ScanView],
    first_seen: dt.datetime,
    deadline: dt.datetime,
) -> AuditEntry:
    return AuditEntry(
        condition=condition,
        rule_ids=tuple(sorted({f.rule_id for f in found})),
        fingerprints=tuple(sorted({f.fingerprint for f in found})),
        identities=tuple(sorted({f.identity_text for f in found})),
        scan_ids=tuple(s.id for s in run),
        first_seen=first_seen,
        deadline=deadline,
    )


def compute_rating(
    scans: Sequence[ScanView],
    cfg: RatingConfig,
    *,
    now: dt.datetime,
    refused: bool = False,
    refused_note: str | None = None,
) -> Rating:
    """The code of one app at `now`, from its scans (oldest first, none after `now`)."""
    replay = _Replay(cfg)
    ordered = sorted((s for s in scans if s.scanned_at <= now), key=lambda s: (s.scanned_at, s.id))
    if not ordered:
        raise ValueError("no scan recorded at or before this time")
    for scan in ordered:
        replay.step(scan)
    latest = ordered[-1]
    # Conditions that age with time alone, without a new scan.
    if replay.code != RED and replay.identity_streak and replay._identity_overdue(now):
        found = list(problems(latest, cfg).identity)
        replay.code = RED
        replay._identity_red(found)
        replay.put_last_first()
    if replay.code == GREEN and _is_stale(latest, now, cfg):
        replay.code = BLUE
        replay.audit, replay.reasons = [], []
        replay._stale(latest, now)
    if replay.code == BLUE:
        overdue = [a for a in replay.audit if a.deadline is not None and a.deadline < now]
        if overdue and any(a.condition == "BLUE-BLOCKING" for a in overdue):
            first = min(a.deadline for a in overdue if a.deadline is not None)
            replay.reasons.append(
                Text(
                    zh=f"整改期限 {_day(first)} 已过：复测仍存在将转为红码",
                    en=f"the deadline {_day(first)} has passed: a new scan still showing the "
                    "finding turns the code red",
                )
            )
    if refused:
        replay.code = RED
        note = f": {refused_note}" if refused_note else ""
        replay._add(
            AuditEntry(condition="RED-REFUSED", scan_ids=(latest.id,)),
            zh=f"已人工标记为拒不整改{note}",
            en=f"marked by hand as refusing rectification{note}",
        )
        replay.put_last_first()
    assert replay.code is not None
    return Rating(
        code=replay.code,
        reasons=tuple(replay.reasons),
        audit=tuple(replay.audit),
        window_days=cfg.window_days,
        computed_at=now,
        scan_id=latest.id,
    )


def code_label(code: str) -> Text:
    return Text(zh=_CODE_ZH.get(code, code), en=code)
