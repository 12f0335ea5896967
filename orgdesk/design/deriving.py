"""How `derive_structure` walks an organisation: team leaders, then each centre's QA,
trainers and planners, then supervisors and managers over what the earlier steps
leave (a projection of the seats, moves and new positions so far).

Every line carries its explanation in English and Chinese, built here from the
figures: the plan is data, shown in the interface's language or the CLI's --lang.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from orgdesk.analysis.span_rules import RatioRule, RoleMatcher, SpanRules
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.design.plan import (
    PLANNER_ROLE,
    ROLE_NAMES,
    Action,
    CreatePosition,
    Edit,
    PlanLine,
    RemovePosition,
    Role,
    SetSeats,
    StructurePlan,
    ratio_range,
    span_range,
    team_range,
)
from orgdesk.design.templates import template_for


def _clamp(value: int, low: int, high: int) -> int:
    return min(max(value, low), high)


def _need(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def _seats(count: int, kind: str = "agent") -> str:
    return f"{count} {kind} seat" if count == 1 else f"{count} {kind} seats"


def _name(role: Role, count: int) -> str:
    singular, plural, _ = ROLE_NAMES[role]
    return singular if count == 1 else plural


class _Projection:
    """The organisation as the plan so far would leave it: seats, moves, new positions."""

    def __init__(self, org: Organisation, agent_seats: Mapping[PositionId, int]) -> None:
        self.org = org
        self.seats: dict[PositionId, int] = {p.id: p.planned_headcount for p in org.positions()}
        self.seats.update(agent_seats)
        self.moved: dict[PositionId, PositionId | None] = {}  # adopted: away from superior
        self.created_under: dict[PositionId | None, int] = defaultdict(int)
        self.removed: set[PositionId] = set()

    def report_seats(self, pid: PositionId) -> int:
        total = sum(self.seats[r.id] for r in self.org.direct_reports(pid)
                    if r.id not in self.moved and r.id not in self.removed)
        return total + self.created_under[pid]


def _floor(org: Organisation, position: Position) -> int:
    """The fewest seats a reduction leaves: the people in post (or named), and one to lead
    reports that have seats."""
    leads = any(r.planned_headcount for r in org.direct_reports(position.id))
    return max(position.filled_headcount, len(position.holders), 1 if leads else 0)


def _empty(org: Organisation, position: Position) -> bool:
    return (position.filled_headcount == 0 and not position.holders
            and not org.report_ids(position.id))


class Deriver:
    """One derivation: the organisation, its rules and marks, and the plan so far."""

    def __init__(self, org: Organisation, rules: SpanRules,
                 override: dict[PositionId, int], fixed: frozenset[PositionId],
                 planner: RatioRule | None) -> None:
        self.org, self.rules, self.fixed, self.planner = org, rules, fixed, planner
        roles = rules.roles
        self.order = list(org.positions())
        self.agent_ids = {p.id for p in self.order if roles.agent.matches(p.title)} | set(override)
        self.override = override
        self.project = _Projection(org, override)
        self.leaders = [p for p in self.order if p.id not in self.agent_ids
                        and roles.team_leader.matches(p.title)
                        and any(r in self.agent_ids for r in org.report_ids(p.id))]
        self.leader_ids = {p.id for p in self.leaders}
        self.lines: list[PlanLine] = []
        self.notes_en: list[str] = []
        self.notes_zh: list[str] = []
        # Superiors that get (or keep) team leaders below them: the supervisors.
        self.supervised: dict[PositionId, None] = {}
        # Top agent positions a new leader goes above, and that leader's stand-in id.
        self.new_top: dict[PositionId, PositionId] = {}
        # Team leaders the plan creates, by superior: (stand-in id, seats).
        self.new_leaders: dict[PositionId | None, list[tuple[PositionId, int]]] = {}
        # Positions whose seats a line has set: one role decides a position's seats.
        self.sized: set[PositionId] = set()
        self.stand_ins = 0

    def run(self) -> StructurePlan:
        if self.rules.team_leader.enabled:
            self._team_leaders()
        centres = self._centres()
        for role, rule, matcher, threshold in self._ratio_roles():
            for root, branch in centres:
                self._ratio(role, rule, matcher, threshold, root, branch)
        if self.rules.manager.enabled:
            self._spans()
        agents = sum(self.project.seats[pid] for pid in self.agent_ids)
        return StructurePlan(tuple(self.lines), agents, self.rules, self.fixed,
                             dict(sorted(self.override.items())),
                             tuple(self.notes_en), tuple(self.notes_zh))

    # ---------------------------------------------------------- team leaders
    def _agents_under(self, pid: PositionId) -> int:
        return sum(self.project.seats[r] for r in self.org.report_ids(pid) if r in self.agent_ids)

    def _team_leaders(self) -> None:
        rule = self.rules.team_leader
        for leader in self.leaders:
            agents = self._agents_under(leader.id)
            low, high = team_range(agents, rule)
            self._seat_line(Role.TEAM_LEADER, leader, agents, low, high,
                            self._team_reason(agents, low, high))
            if leader.superior_id is not None:
                self.supervised.setdefault(leader.superior_id)
        # Agent positions under no leader: one new leader per superior, over all of them.
        # Agents at the top of a centre each get their own leader, so centres stay apart.
        orphans: dict[tuple[PositionId | None, PositionId | None], list[Position]] = {}
        for position in self.order:
            if (position.id in self.agent_ids and position.superior_id not in self.leader_ids
                    and position.superior_id not in self.agent_ids):
                top = position.id if position.superior_id is None else None
                orphans.setdefault((position.superior_id, top), []).append(position)
        for (superior, _top), agents_list in orphans.items():
            self._new_team(superior, agents_list)

    def _team_reason(self, agents: int, low: int, high: int) -> tuple[str, str]:
        rule = self.rules.team_leader
        en = (f"{_seats(agents)} ÷ {rule.min_agents}–{rule.max_agents} per team leader → "
              f"{_need(low, high)} {_name(Role.TEAM_LEADER, high)}")
        zh = (f"{agents} 个座席 ÷ 每名组长 {rule.min_agents}–{rule.max_agents} 人 → "
              f"{_need(low, high)} 名组长")
        if agents and agents // rule.min_agents < low:
            en += f" (fewer than {rule.min_agents} agents per team whatever the split)"
            zh += f"（无论怎样分组，每组都不足 {rule.min_agents} 人）"
        return en, zh

    def _new_team(self, superior: PositionId | None, agents_list: list[Position]) -> None:
        rule = self.rules.team_leader
        movable = tuple(p.id for p in agents_list if p.id not in self.fixed)
        agents = sum(self.project.seats[p.id] for p in agents_list if p.id in movable)
        low, high = team_range(agents, rule)
        en, zh = self._team_reason(agents, low, high)
        titles = "、".join(p.title for p in agents_list)
        where = self.org.position(superior).title if superior is not None else titles
        if not movable:
            en += f"; “{titles}” is fixed, so no team leader is placed above it: keep."
            zh += f"；“{titles}”已标记为固定，不在其上设组长：保持。"
            self._line(Role.TEAM_LEADER, superior, where, agents, 0, low, high, low, 0,
                       Action.KEEP, (), (), en, zh, fixed=True)
            return
        if low == 0:
            en += f"; “{titles}” has no agent seats: no team leader needed."
            zh += f"；“{titles}”没有座席：无需组长。"
            self._line(Role.TEAM_LEADER, superior, where, agents, 0, 0, 0, 0, 0, Action.KEEP,
                       (), (), en, zh)
            return
        like = self.leaders[0].id if self.leaders else None
        title, key = self._description(Role.TEAM_LEADER, like)
        stand_in = self._stand_in()
        create = CreatePosition(Role.TEAM_LEADER, title, superior, low, like, key, movable,
                                self.org.row_of(movable[0]), stand_in)
        for pid in movable:
            self.project.moved[pid] = superior
            if superior is None:
                self.new_top[pid] = stand_in
        self.new_leaders.setdefault(superior, []).append((stand_in, low))
        self.project.created_under[superior] += low
        if superior is not None:
            self.supervised.setdefault(superior)
        en += f"; “{titles}” has no team leader: create {low} above it."
        zh += f"；“{titles}”没有组长：在其上新设 {low} 名。"
        self._line(Role.TEAM_LEADER, superior, where, agents, 0, low, high, low, low,
                   Action.CREATE, (), (create,), en, zh)

    # ------------------------------------------------------- seat adjustments
    def _seat_line(self, role: Role, position: Position, basis: int, low: int, high: int,
                   reason: tuple[str, str]) -> None:
        """A line about one position whose own seats are the role's count."""
        current = self.project.seats[position.id]  # as earlier lines of the plan leave it
        target = _clamp(current, low, high)
        en, zh = reason
        edits: tuple[Edit, ...] = ()
        title = position.title
        if position.id in self.fixed:
            after, action = current, Action.KEEP
            if target != current:
                en += f"; “{title}” is fixed by the consultant: kept at {current}."
                zh += f"；“{title}”已标记为固定：保持 {current} 名。"
            else:
                en += f"; “{title}” has {current}: keep."
                zh += f"；“{title}”现有 {current} 名：保持。"
        elif target == current:
            after, action = current, Action.KEEP
            en += f"; “{title}” has {current}: keep."
            zh += f"；“{title}”现有 {current} 名：保持。"
        elif target == 0 and _empty(self.org, position):
            after, action = 0, Action.REMOVE
            edits = (RemovePosition(position.id, current),)
            self.project.removed.add(position.id)
            en += f"; “{title}” is empty: remove it."
            zh += f"；“{title}”无人在岗：删除。"
        else:
            floor = _floor(self.org, position)
            after = max(target, min(floor, current)) if target < current else target
            action = Action.ADJUST if after != current else Action.KEEP
            if after != current:
                edits = (SetSeats(position.id, current, after),)
                en += f"; “{title}” has {current}: set to {after}"
                zh += f"；“{title}”现有 {current} 名：调整为 {after} 名"
            else:
                en += f"; “{title}” has {current}: keep"
                zh += f"；“{title}”现有 {current} 名：保持"
            if after > target:
                en += " (people in post or reports to lead, so not fewer)"
                zh += "（有人在岗或有下属，不再减少）"
        self.project.seats[position.id] = after
        self.sized.add(position.id)
        self._line(role, position.id, title, basis, current, low, high, target, after, action,
                   (position.id,), edits, en, zh, fixed=position.id in self.fixed)

    def _line(self, role: Role, scope: PositionId | None, scope_title: str, basis: int,
              current: int, low: int, high: int, required: int, after: int, action: Action,
              ids: tuple[PositionId, ...], edits: tuple[Edit, ...], en: str, zh: str,
              fixed: bool = False) -> None:
        if not en.endswith("."):
            en += "."
        if not zh.endswith("。"):
            zh += "。"
        self.lines.append(PlanLine(role, scope, scope_title, basis, current, low, high,
                                   required, after, action, ids, edits, en, zh, fixed))

    # ------------------------------------------------------------ ratio roles
    def _ratio_roles(self) -> list[tuple[Role, RatioRule, RoleMatcher, int]]:
        roles = self.rules.roles
        found = []
        if self.rules.qa.enabled:
            found.append((Role.QA, self.rules.qa, roles.qa, 0))
        if self.rules.trainer.enabled:
            found.append((Role.TRAINER, self.rules.trainer, roles.trainer, 0))
        if self.planner is not None and self.planner.enabled:
            found.append((Role.WORKFORCE_PLANNER, self.planner, PLANNER_ROLE,
                          self.planner.min_agents))
        return found

    def _centres(self) -> list[tuple[Position, list[Position]]]:
        centres = []
        for root in self.org.roots():
            branch = self.org.branch(root.id)
            if any(p.id in self.agent_ids for p in branch):
                centres.append((root, branch))
            else:
                self.notes_en.append(f"“{root.title}” has no agent positions, so no support "
                                     "structure is derived for it.")
                self.notes_zh.append(f"“{root.title}”没有座席岗位，不为其推算支持岗位。")
        return centres

    def _holders(self, matcher: RoleMatcher, branch: list[Position]) -> list[Position]:
        return [p for p in branch if p.id not in self.agent_ids and p.id not in self.leader_ids
                and matcher.matches(p.title)]

    def _ratio(self, role: Role, rule: RatioRule, matcher: RoleMatcher, threshold: int,
               root: Position, branch: list[Position]) -> None:
        agents = sum(self.project.seats[p.id] for p in branch if p.id in self.agent_ids)
        holders = self._holders(matcher, branch)
        current = sum(p.planned_headcount for p in holders)
        found = ratio_range(agents, rule, threshold)
        singular, _, chinese = ROLE_NAMES[role]
        ids = tuple(p.id for p in holders)
        if found is None:
            en = (f"{_seats(agents)} in “{root.title}”: below {threshold} agents no "
                  f"{singular} is called for (the supervisors plan the staffing)")
            zh = (f"“{root.title}”有 {agents} 个座席：不足 {threshold} 个座席时无需{chinese}"
                  "（由主管安排人力）")
            if current:
                en += f"; it has {current}: keep."
                zh += f"；现有 {current} 名：保持。"
            else:
                en += "."
            self._line(role, root.id, root.title, agents, current, 0, current, current, current,
                       Action.KEEP, ids, (), en, zh)
            return
        low, high = found
        target = _clamp(current, low, high)
        en = (f"{_seats(agents)} ÷ {rule.min_agents}–{rule.max_agents} per {singular} → "
              f"{_need(low, high)} {_name(role, high)}; the centre “{root.title}” has {current}")
        zh = (f"{agents} 个座席 ÷ 每名{chinese} {rule.min_agents}–{rule.max_agents} 个座席 → "
              f"{_need(low, high)} 名{chinese}；中心“{root.title}”现有 {current} 名")
        free = [p for p in holders if p.id not in self.fixed]
        self.sized.update(p.id for p in holders)
        edits: list[Edit] = []
        after = current
        if target > current:
            grow = target - current
            if free:
                position = free[0]
                seats = self.project.seats[position.id]
                edits.append(SetSeats(position.id, seats, seats + grow))
                self.project.seats[position.id] = seats + grow
                en += f": set “{position.title}” to {seats + grow}"
                zh += f"：“{position.title}”调整为 {seats + grow} 名"
            else:
                like = holders[0].id if holders else None
                superior = holders[0].superior_id if holders else None
                if superior is None:  # no holder, or one at the very top
                    superior = self._support_home(role, root, branch)
                title, key = self._description(role, like)
                edits.append(CreatePosition(role, title, superior, grow, like, key))
                self.project.created_under[superior] += grow
                en += f": create “{title}” ×{grow}"
                zh += f"：新设“{title}”×{grow}"
            after = target
        elif target < current:
            shrink = current - target
            pieces_en: list[str] = []
            pieces_zh: list[str] = []
            for position in reversed(free):
                if shrink == 0:
                    break
                seats = self.project.seats[position.id]
                new = max(seats - shrink, min(_floor(self.org, position), seats))
                if new == seats:
                    continue
                shrink -= seats - new
                if new == 0 and _empty(self.org, position):
                    edits.append(RemovePosition(position.id, seats))
                    self.project.removed.add(position.id)
                    pieces_en.append(f"remove “{position.title}”")
                    pieces_zh.append(f"删除“{position.title}”")
                else:
                    edits.append(SetSeats(position.id, seats, new))
                    pieces_en.append(f"set “{position.title}” to {new}")
                    pieces_zh.append(f"“{position.title}”调整为 {new} 名")
                self.project.seats[position.id] = new
            after = target + shrink
            if pieces_en:
                en += ": " + ", ".join(pieces_en)
                zh += "：" + "，".join(pieces_zh)
            if shrink:
                en += f" (kept {after}: people in post, reports to lead or marked fixed)"
                zh += f"（保留 {after} 名：有人在岗、有下属或已标记为固定）"
        else:
            en += ": keep"
            zh += "：保持"
        if any(isinstance(e, CreatePosition) for e in edits):
            action = Action.CREATE
        elif edits and all(isinstance(e, RemovePosition) for e in edits):
            action = Action.REMOVE
        elif edits:
            action = Action.ADJUST
        else:
            action = Action.KEEP
        self._line(role, root.id, root.title, agents, current, low, high, target, after,
                   action, ids, tuple(edits), en, zh,
                   fixed=bool(holders) and not free and target != current)

    def _description(self, role: Role, like: PositionId | None) -> tuple[str, str | None]:
        """The title of a new position and its library template's key (None when it
        copies `like`, a position of the same role in this organisation)."""
        if like is not None:
            return self.org.position(like).title, None
        template = template_for(role)
        if template is None:
            return _FALLBACK_TITLES[role], None
        return template.title, template.key

    def _stand_in(self) -> PositionId:
        self.stand_ins += 1
        return PositionId(-self.stand_ins)

    def _support_home(self, role: Role, root: Position, branch: list[Position]) -> PositionId:
        """Where a new QA inspector, trainer or planner goes: under the centre's head of
        that function (品质部主管, 培训经理, 质培主管), else beside its other support
        positions, else under its top position (or the leader created above it)."""
        if root.id in self.new_top:
            return self.new_top[root.id]
        roles = self.rules.roles
        function = _FUNCTIONS.get(role)
        heads = [p for p in branch if function is not None and function.matches(p.title)
                 and p.id not in self.agent_ids and p.id not in self.leader_ids
                 and p.id not in self.project.removed
                 and (roles.team_leader.matches(p.title) or roles.manager.matches(p.title))]
        if heads:  # the closest head: 品质部主管 rather than 品质部经理 above it
            return max(heads, key=lambda p: self.org.level_of(p.id)).id
        for position in branch:
            if position.id in self.project.removed or position.superior_id is None:
                continue
            if any(m.matches(position.title) for m in (roles.qa, roles.trainer, PLANNER_ROLE)) \
                    and position.id not in self.agent_ids and position.id not in self.leader_ids:
                return position.superior_id
        return root.id

    # ------------------------------------------------------ supervisors, managers
    def _spans(self) -> None:
        """Supervisors and managers, deepest first: a report's new seats count above it."""
        first = len(self.lines)
        roles = self.rules.roles
        for position in reversed(self.order):
            if position.id in self.leader_ids or position.id in self.agent_ids:
                continue
            if position.id in self.supervised:
                self._supervisor(position.id)
            elif roles.manager.matches(position.title):
                self._manager(position)
        # The arithmetic went bottom-up; the plan reads top-down.
        self.lines[first:] = self.lines[first:][::-1]

    def _resizable(self, position: Position) -> bool:
        """Whether a span may change this position's seats: not the top of a centre, not
        fixed, and not already sized by another role (a 质检员 leading a team)."""
        return (position.superior_id is not None and position.id not in self.fixed
                and position.id not in self.sized)

    def _supervisor(self, pid: PositionId) -> None:
        span = self.rules.manager.max_reports
        position = self.org.position(pid)
        reports = self.project.report_seats(pid)
        leaders = [r for r in self.org.direct_reports(pid) if r.id in self.leader_ids]
        leader_seats = sum(self.project.seats[r.id] for r in leaders
                           if r.id not in self.project.removed)
        leader_seats += sum(seats for _key, seats in self.new_leaders.get(pid, ()))
        low = span_range(reports, span)
        high = max(low, leader_seats)
        en = (f"{_seats(reports, 'report')} ÷ at most {span} per supervisor → at least {low} "
              f"{_name(Role.SUPERVISOR, low)}")
        zh = f"{reports} 个下属席位 ÷ 每名主管最多 {span} 个 → 至少 {low} 名主管"
        current = self.project.seats[pid]
        if self._resizable(position):
            # A supervisor position grows or shrinks by seats (主管 ×2).
            self._seat_line(Role.SUPERVISOR, position, reports, low, high, (en, zh))
        elif max(current, 1) * span >= reports:  # 0 seats count as one (the span check)
            en += f"; “{position.title}” has {current}: keep."
            zh += f"；“{position.title}”现有 {current} 名：保持。"
            self._line(Role.SUPERVISOR, pid, position.title, reports, current, low,
                       max(high, current), max(current, low), current, Action.KEEP, (pid,),
                       (), en, zh, fixed=pid in self.fixed)
        else:
            self._supervisor_level(position, reports, leaders, low, high, en, zh)

    def _supervisor_level(self, position: Position, reports: int, leaders: list[Position],
                          low: int, high: int, en: str, zh: str) -> None:
        """`position` cannot grow (the centre's top, or fixed): a supervisor level goes
        between it and its team leaders."""
        span = self.rules.manager.max_reports
        existing = tuple(r.id for r in leaders if r.id not in self.fixed
                         and r.id not in self.project.removed)
        created = self.new_leaders.get(position.id, [])
        movable = existing + tuple(key for key, _seats in created)  # new leaders move too
        seats = sum(self.project.seats[r] for r in existing) + sum(n for _k, n in created)
        if position.superior_id is None:
            why, why_zh = "is the top of its centre", "是中心的最高岗位"
        elif position.id in self.fixed:
            why, why_zh = "is fixed by the consultant", "已标记为固定"
        else:
            why, why_zh = "has its seats set by its other role", "的人数已按其另一角色确定"
        if not movable:
            en += f"; “{position.title}” {why} and its team leaders cannot move: keep."
            zh += f"；“{position.title}”{why_zh}，其组长也不能移动：保持。"
            self._line(Role.SUPERVISOR, position.id, position.title, reports, 0, low, high,
                       low, 0, Action.KEEP, (), (), en, zh, fixed=True)
            return
        need = span_range(seats, span)
        like = next((p.id for p in self.order if p.id in self.supervised
                     and p.superior_id is not None and p.id not in self.agent_ids
                     and self.rules.roles.team_leader.matches(p.title)), None)
        title, key = self._description(Role.SUPERVISOR, like)
        index = self.org.row_of(existing[0]) if existing else None
        create = CreatePosition(Role.SUPERVISOR, title, position.id, need, like, key, movable,
                                index)
        for pid in existing:
            self.project.moved[pid] = position.id
        self.project.created_under[position.id] += need - sum(n for _k, n in created)
        en += (f"; “{position.title}” {why}: create “{title}” ×{need} over its "
               f"{seats} team leader seats")
        zh += f"；“{position.title}”{why_zh}：新设“{title}”×{need}，管理其 {seats} 名组长"
        self._line(Role.SUPERVISOR, position.id, position.title, reports, 0, need, need, need,
                   need, Action.CREATE, (), (create,), en, zh)

    def _manager(self, position: Position) -> None:
        span = self.rules.manager.max_reports
        reports = self.project.report_seats(position.id)
        if reports == 0:
            return
        low = span_range(reports, span)
        current = self.project.seats[position.id]
        en = (f"{_seats(reports, 'report')} ÷ at most {span} per manager → at least {low} "
              f"{_name(Role.MANAGER, low)}")
        zh = f"{reports} 个下属席位 ÷ 每名经理最多 {span} 个 → 至少 {low} 个经理席位"
        if max(current, 1) >= low:
            en += f"; “{position.title}” has {current}: keep."
            zh += f"；“{position.title}”现有 {current} 个：保持。"
            self._line(Role.MANAGER, position.id, position.title, reports, current, low,
                       max(low, current), max(current, low), current, Action.KEEP,
                       (position.id,), (), en, zh, fixed=position.id in self.fixed)
        elif not self._resizable(position):
            en += (f"; “{position.title}” stays {current} (the top of its centre, fixed, "
                   f"or sized by its other role): add a level below it or move reports.")
            zh += (f"；“{position.title}”保持 {current} 个（中心的最高岗位、已固定或已按其另一"
                   "角色确定）：请在其下增设一层或调整下属。")
            self._line(Role.MANAGER, position.id, position.title, reports, current, low,
                       low, low, current, Action.KEEP, (position.id,), (), en, zh)
        else:
            self._seat_line(Role.MANAGER, position, reports, low, max(low, current),
                            (en, zh))


#: The words naming the function a support role belongs to, in the title of the
#: position that heads it (品质部主管, 质培主管, 培训经理, 排班组长).
_FUNCTIONS = {
    Role.QA: RoleMatcher(("品质", "质检", "质量", "质培", "质监", "quality", "qa")),
    Role.TRAINER: RoleMatcher(("培训", "质培", "training", "trainer")),
    Role.WORKFORCE_PLANNER: RoleMatcher(("排班", "人力规划", "workforce", "wfm")),
}

#: Titles of new positions when the library has no description of the role.
_FALLBACK_TITLES = {Role.TEAM_LEADER: "组长", Role.SUPERVISOR: "主管", Role.QA: "质检员",
                    Role.TRAINER: "培训师", Role.WORKFORCE_PLANNER: "排班计划员",
                    Role.MANAGER: "经理"}
