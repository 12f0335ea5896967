"""Queueing formulas for answering contacts: Erlang C, and Erlang A with abandonment.

Erlang C (M/M/n) is computed from the Erlang B recursion
B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), which only ever holds a probability
in [0, 1]: no factorial and no power of A is formed, so traffic of thousands of
Erlangs neither overflows nor loses precision (the textbook sum of A^k/k!
overflows a float at about 170 Erlangs).  C follows from B:
C = n·B / (n − A·(1 − B)) for n > A; with n ≤ A the queue grows without end, so
every contact waits (C = 1), the service level is 0 and ASA is infinite.

Erlang A (M/M/n+M: callers hang up after an exponential patience) is a
birth-death chain; its stationary probabilities are built in log space and
the chain is cut where the remaining terms are below 1e-22 of the largest, so
it is exact to double precision at any traffic.  Its service level (answered
within t seconds, as a share of all offered contacts; a caller who hangs up
first counts as not answered) follows a tagged arrival through the queue ahead
of it by uniformisation.

Times are in seconds, traffic in Erlangs (contacts per second × handle time).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

#: Terms of a chain below this share of the largest are dropped (e^-50 ≈ 2e-22).
_LOG_NEGLIGIBLE = 50.0
#: Poisson terms of the uniformisation beyond mean ± this many deviations (+20) are dropped
#: (their mass is below 1e-15).
_POISSON_SPREAD = 8.0


@dataclass(frozen=True, slots=True)
class QueueFigures:
    """How a queue of `traffic` Erlangs behaves with `agents` agents answering it."""

    agents: int
    traffic: float
    wait_probability: float  # share of contacts that wait at all
    service_level: float  # share answered within the threshold, 0..1
    asa: float  # average speed of answer, seconds (inf when the queue never empties)
    occupancy: float  # share of the agents' time spent handling contacts, 0..1
    abandon_probability: float = 0.0  # Erlang A only


@dataclass(frozen=True, slots=True)
class Target:
    """What the answer must achieve: a service level and/or an ASA, under an occupancy cap.

    `service_level` is a share (0.8 for 80 %) answered within `threshold`
    seconds; `asa` a most average speed of answer in seconds; `max_occupancy`
    a share (0.85), 1 for no cap.  At least one of service level and ASA.
    """

    service_level: float | None = 0.8
    threshold: float = 20.0
    asa: float | None = None
    max_occupancy: float = 1.0

    def met_by(self, figures: QueueFigures) -> bool:
        if self.service_level is not None and figures.service_level < self.service_level:
            return False
        if self.asa is not None and not figures.asa <= self.asa:
            return False
        return figures.traffic == 0 or figures.occupancy <= self.max_occupancy + 1e-12


# ------------------------------------------------------------------ Erlang B / C
def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability of `agents` servers offered `traffic` Erlangs (Erlang B)."""
    if agents < 0 or traffic < 0:
        raise ValueError("agents and traffic must not be negative")
    b = 1.0
    for k in range(1, agents + 1):
        b = traffic * b / (k + traffic * b)
    return b


def _c_from_b(agents: int, traffic: float, b: float) -> float:
    if traffic == 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    return agents * b / (agents - traffic * (1.0 - b))


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a contact waits (Erlang C); 1 when agents ≤ traffic."""
    return _c_from_b(agents, traffic, erlang_b(agents, traffic))


def _figures_c(agents: int, traffic: float, aht: float, threshold: float,
               c: float) -> QueueFigures:
    if traffic == 0:
        return QueueFigures(agents, 0.0, 0.0, 1.0, 0.0, 0.0)
    if agents <= traffic:
        return QueueFigures(agents, traffic, 1.0, 0.0, math.inf, 1.0)
    spare = agents - traffic
    sl = 1.0 - c * math.exp(-spare * threshold / aht)
    return QueueFigures(agents, traffic, c, min(max(sl, 0.0), 1.0), c * aht / spare,
                        traffic / agents)


def erlang_c_figures(agents: int, traffic: float, aht: float, threshold: float
                     ) -> QueueFigures:
    """Wait probability, service level within `threshold` s, ASA and occupancy (Erlang C)."""
    _check(traffic, aht)
    return _figures_c(agents, traffic, aht, threshold, erlang_c(agents, traffic))


def service_level(agents: int, traffic: float, aht: float, threshold: float) -> float:
    """Share of contacts answered within `threshold` seconds (Erlang C)."""
    return erlang_c_figures(agents, traffic, aht, threshold).service_level


def average_speed_of_answer(agents: int, traffic: float, aht: float) -> float:
    """Mean wait in seconds over all contacts (Erlang C); inf when agents ≤ traffic."""
    return erlang_c_figures(agents, traffic, aht, 0.0).asa


def _check(traffic: float, aht: float) -> None:
    if not (math.isfinite(traffic) and traffic >= 0):
        raise ValueError("traffic must be a finite number of Erlangs, not negative")
    if not (math.isfinite(aht) and aht > 0):
        raise ValueError("the handle time must be a positive number of seconds")


#: The B recursion is started this many √A below A (see _warm_start).
_WARM_DEVIATIONS = 10.0


def _warm_start(traffic: float) -> tuple[int, float]:
    """(k, B(k)) to continue the recursion from: (0, 1) for small traffic, else
    k = A − 10√A with B(k) ≈ 1 − k/A, the fluid limit.

    The recursion forgets its start: near the true value each step multiplies
    an error by about k/A, and from A − 10√A up to A those factors multiply to
    about e^(−10²/2) ≈ 2e−22, so B from A on is exact to double precision,
    while the search costs O(√A) steps instead of O(A).  (A test compares
    with the full recursion from 0 up to 20,000 Erlangs.)
    """
    start = math.floor(traffic - _WARM_DEVIATIONS * math.sqrt(traffic) - 10)
    if start < 50:
        return 0, 1.0
    return start, 1.0 - start / traffic


def _search_limit(traffic: float) -> int:
    # Far beyond any answer: square-root staffing needs A + c·√A with c below 6
    # for every target short of 100 %.
    return int(traffic + 60.0 * math.sqrt(traffic) + 1000)


def agents_required(traffic: float, aht: float, target: Target) -> QueueFigures:
    """The fewest agents meeting `target` under Erlang C, with the figures they achieve.

    One pass of the B recursion upward from one agent: linear in the answer,
    and each step is a few float operations.
    """
    _check(traffic, aht)
    if traffic == 0:
        return QueueFigures(0, 0.0, 0.0, 1.0, 0.0, 0.0)
    first = max(math.floor(traffic) + 1, math.ceil(traffic / target.max_occupancy - 1e-9))
    warm, b = _warm_start(traffic)
    for k in range(warm + 1, first):
        b = traffic * b / (k + traffic * b)
    limit = max(_search_limit(traffic), first)
    share, asa, decay = target.service_level, target.asa, target.threshold / aht
    for n in range(first, limit + 1):
        b = traffic * b / (n + traffic * b)
        # The checks inline (this loop is the whole cost of sizing a week of intervals);
        # the figures of the answer are built once, by the same formulas.
        spare = n - traffic
        c = n * b / (n - traffic * (1.0 - b))
        if share is not None and 1.0 - c * math.exp(-spare * decay) < share:
            continue
        if asa is not None and not c * aht / spare <= asa:
            continue
        figures = _figures_c(n, traffic, aht, target.threshold, c)
        if target.met_by(figures):
            return figures
    raise ValueError("the target cannot be met: it asks for a service level of 100 %")


# ----------------------------------------------------------------------- Erlang A
def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(math.fsum(math.exp(v - top) for v in values))


def _chain(agents: int, traffic: float, aht: float, patience: float) -> list[float]:
    """Stationary probabilities of M/M/n+M, states 0, 1, …, cut where negligible."""
    rate, serve, leave = traffic / aht, 1.0 / aht, 1.0 / patience
    logs = [0.0]
    top = 0.0
    k = 0
    while True:
        k += 1
        out = min(k, agents) * serve + max(k - agents, 0) * leave
        step = math.log(rate) - math.log(out)
        value = logs[-1] + step
        logs.append(value)
        top = max(top, value)
        if step < 0 and value < top - _LOG_NEGLIGIBLE and k > agents:
            break
    total = _logsumexp(logs)
    return [math.exp(v - total) for v in logs]


def _poisson_weights(mean: float) -> tuple[int, list[float]]:
    """Poisson(mean) probabilities from the first index that matters (log space)."""
    spread = _POISSON_SPREAD * math.sqrt(mean) + 20
    start = max(0, int(mean - spread))
    end = int(mean + spread) + 1
    log_mean = math.log(mean) if mean > 0 else -math.inf
    weights = []
    for k in range(start, end + 1):
        if mean == 0:
            weights.append(1.0 if k == 0 else 0.0)
        else:
            weights.append(math.exp(k * log_mean - mean - math.lgamma(k + 1)))
    return start, weights


def _answered_within(agents: int, aht: float, patience: float, threshold: float,
                     queued: list[float]) -> float:
    """Share answered within `threshold` among arrivals finding j = 0, 1, … in queue
    (`queued[j]` their probabilities): each waits for the j ahead (served at n/aht,
    each hanging up at 1/patience) while possibly hanging up itself."""
    serve, leave = agents / aht, 1.0 / patience
    if threshold == 0 or not queued:
        return 0.0
    # The far end of the queue holds almost no arrivals: dropping a tail of less than
    # 1e-14 of them changes the share by less than that, and shortens every step.
    tail, depth = 0.0, len(queued)
    while depth > 1 and tail + queued[depth - 1] < 1e-14:
        tail += queued[depth - 1]
        depth -= 1
    queued = queued[:depth]
    # An arrival with j ahead is answered within t only if j + 1 removals (services at
    # n/aht, hang-ups at 1/patience each) happen by then: a Poisson count of mean at most
    # m = (serve + (j + 1)·leave)·t reaching j + 1.  Where the Chernoff bound
    # e^−m (e·m / k)^k of that is below 1e−17, the arrival (and every one further back)
    # adds nothing measurable: the chain stops there.
    if leave * threshold < 0.5:
        for j in range(depth):
            k = j + 1
            mean = (serve + k * leave) * threshold
            if k > mean and -mean + k * (1.0 + math.log(mean / k)) < -39.0:
                queued = queued[:k]
                depth = k
                break
    fastest = serve + depth * leave  # the highest total rate out of any state
    mean = fastest * threshold
    start, weights = _poisson_weights(mean)
    last = start + len(weights) - 1
    mass = list(queued)
    served = 0.0
    answered = 0.0
    down = [(serve + m * leave) / fastest for m in range(depth + 1)]
    stay = [1.0 - (serve + m * leave + leave) / fastest for m in range(depth)]
    for step in range(last + 1):
        if step >= start:
            answered += weights[step - start] * served
        served += mass[0] * serve / fastest
        mass = [*(mass[m] * stay[m] + mass[m + 1] * down[m + 1] for m in range(depth - 1)),
                mass[depth - 1] * stay[depth - 1]]
        # Mass only moves towards the head and the states at the back drain fastest:
        # dropping what is left there (under 1e-18 a step) keeps the vector short.
        while depth > 1 and mass[depth - 1] < 1e-18:
            mass.pop()
            depth -= 1
    # Beyond the last weighted step the Poisson tail is negligible; what was served by
    # then counts with the remaining weight.
    answered += max(0.0, 1.0 - math.fsum(weights)) * served
    return answered


def erlang_a_figures(agents: int, traffic: float, aht: float, threshold: float,
                     patience: float) -> QueueFigures:
    """Erlang A: callers hang up after an exponential patience of mean `patience` s.

    `asa` is the mean wait of all callers (answered or not), `service_level` the
    share answered within `threshold` of all offered.
    """
    _check(traffic, aht)
    if not (math.isfinite(patience) and patience > 0):
        raise ValueError("the patience must be a positive number of seconds")
    if traffic == 0:
        return QueueFigures(agents, 0.0, 0.0, 1.0, 0.0, 0.0)
    if agents == 0:
        return QueueFigures(0, traffic, 1.0, 0.0, patience, 0.0, 1.0)
    probabilities = _chain(agents, traffic, aht, patience)
    queued = probabilities[agents:]
    wait = math.fsum(queued)
    mean_queue = math.fsum(j * p for j, p in enumerate(queued))
    rate = traffic / aht
    abandon = min(mean_queue / patience / rate, 1.0)
    answered = math.fsum(probabilities[:agents])  # answered at once
    answered += _answered_within(agents, aht, patience, threshold, queued)
    return QueueFigures(agents, traffic, min(wait, 1.0), min(max(answered, 0.0), 1.0),
                        mean_queue / rate, traffic * (1.0 - abandon) / agents, abandon)


def agents_required_a(traffic: float, aht: float, patience: float, target: Target,
                      hint: int | None = None) -> QueueFigures:
    """The fewest agents meeting `target` under Erlang A.

    Service level and ASA fall as agents are removed, so the answer is
    bracketed by galloping from `hint` (Erlang C's answer is close: callers
    hanging up make the queue shorter) and then bisected.
    """
    _check(traffic, aht)
    if traffic == 0:
        return QueueFigures(0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def figures(n: int) -> QueueFigures:
        return erlang_a_figures(n, traffic, aht, target.threshold, patience)

    high = max(1, hint if hint is not None else math.ceil(traffic))
    best = figures(high)
    limit = max(_search_limit(traffic), 2, high)
    low = 0  # never enough (unless traffic is 0, handled above)
    while not target.met_by(best):
        if high >= limit:
            raise ValueError("the target cannot be met: it asks for a service level of 100 %")
        low, high = high, min(high * 2, limit)
        best = figures(high)
    step = 1
    while high - step > low:
        trial = figures(high - step)
        if not target.met_by(trial):
            low = high - step
            break
        high, best, step = high - step, trial, step * 2
    while high - low > 1:
        middle = (low + high) // 2
        trial = figures(middle)
        if target.met_by(trial):
            high, best = middle, trial
        else:
            low = middle
    return best
