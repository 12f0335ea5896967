"""Erlang B/C/A against published values, an exact rational implementation and theory."""
from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.design.erlang import (
    Target,
    agents_required,
    agents_required_a,
    average_speed_of_answer,
    erlang_a_figures,
    erlang_b,
    erlang_c,
    erlang_c_figures,
    service_level,
)


# ------------------------------------------------ an independent, exact implementation
def exact_terms(agents: int, traffic: Fraction) -> list[Fraction]:
    """A^k / k! for k = 0..agents, exactly."""
    terms = [Fraction(1)]
    for k in range(1, agents + 1):
        terms.append(terms[-1] * traffic / k)
    return terms


def exact_b(agents: int, traffic: Fraction) -> Fraction:
    """Erlang B by its defining sum: (A^n/n!) / Σ_{k≤n} A^k/k!."""
    terms = exact_terms(agents, traffic)
    return terms[-1] / sum(terms)


def exact_c(agents: int, traffic: Fraction) -> Fraction:
    """Erlang C by its direct summation formula, for agents > traffic."""
    terms = exact_terms(agents, traffic)
    top = terms[-1] * agents / (agents - traffic)
    return top / (sum(terms[:-1]) + top)


# --------------------------------------------------------------- published values
def test_call_centre_helper_worked_example() -> None:
    # Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
    # (callcentrehelper.com): 100 calls in 30 minutes, AHT 180 s → 10 Erlangs; target 80 %
    # answered in 20 s.  With 14 agents: probability of waiting 17.41 %, service level
    # 88.84 %, ASA 7.8 s, occupancy 71.43 %; 13 agents fall short (79.6 %).
    traffic = 100 * 180 / 1800
    assert traffic == 10
    f14 = erlang_c_figures(14, traffic, 180, 20)
    assert f14.wait_probability == pytest.approx(0.1741, abs=5e-5)
    assert f14.service_level == pytest.approx(0.8884, abs=5e-5)
    assert f14.asa == pytest.approx(7.8, abs=0.05)
    assert f14.occupancy == pytest.approx(0.7143, abs=5e-5)
    assert erlang_c_figures(13, traffic, 180, 20).service_level == pytest.approx(0.7956, abs=5e-4)
    assert agents_required(traffic, 180, Target(0.8, 20)).agents == 14


def test_erlang_b_table_values() -> None:
    # Erlang B tables (e.g. Cooper, "Introduction to Queueing Theory", table of E1,n(a);
    # the standard "Erlang B table"): 10 trunks at 5 Erlangs block 1.84 %, 10 at 10 block
    # 21.46 %, 1 at 1 blocks 50 %.
    assert erlang_b(10, 5) == pytest.approx(0.018385, abs=5e-6)
    assert erlang_b(10, 10) == pytest.approx(0.21458, abs=5e-5)
    assert erlang_b(1, 1) == 0.5


# -------------------------------------------------------- against exact arithmetic
@pytest.mark.parametrize("traffic", ["0.5", "1", "2.75", "10", "37.5", "99.9", "150"])
def test_erlang_b_and_c_equal_the_exact_sums(traffic: str) -> None:
    a = Fraction(traffic)
    low = math.floor(a) + 1
    for agents in range(low, low + 25):
        assert erlang_b(agents, float(a)) == pytest.approx(float(exact_b(agents, a)), rel=1e-12)
        assert erlang_c(agents, float(a)) == pytest.approx(float(exact_c(agents, a)), rel=1e-12)


def test_agents_required_is_the_fewest_meeting_the_target_exactly() -> None:
    for traffic, aht, share, seconds in [(10, 180, 0.8, 20), (2.5, 300, 0.9, 30),
                                         (47.3, 240, 0.8, 15), (120, 420, 0.95, 10)]:
        found = agents_required(traffic, aht, Target(share, seconds))
        a = Fraction(traffic)

        def exact_sl(n: int, a: Fraction = a, traffic: float = traffic, aht: float = aht,
                     seconds: float = seconds) -> float:
            if n <= traffic:
                return 0.0
            return 1 - float(exact_c(n, a)) * math.exp(-(n - traffic) * seconds / aht)

        assert exact_sl(found.agents) >= share
        assert exact_sl(found.agents - 1) < share
        assert found.service_level == pytest.approx(exact_sl(found.agents), rel=1e-12)


def test_asa_target_and_occupancy_cap() -> None:
    asa = agents_required(10, 180, Target(None, 20, asa=5.0))
    assert average_speed_of_answer(asa.agents, 10, 180) <= 5.0
    assert average_speed_of_answer(asa.agents - 1, 10, 180) > 5.0
    # 100 Erlangs at 80/20 need about 107 agents (occupancy above 93 %); an 85 % cap
    # asks for ⌈100 / 0.85⌉ = 118.
    free = agents_required(100, 180, Target(0.8, 20))
    assert free.occupancy > 0.85
    capped = agents_required(100, 180, Target(0.8, 20, max_occupancy=0.85))
    assert capped.agents == 118
    assert capped.occupancy <= 0.85


# -------------------------------------------------------------------- edge cases
def test_zero_traffic_needs_no_agent() -> None:
    assert erlang_c(5, 0) == 0
    figures = agents_required(0, 180, Target(0.8, 20))
    assert (figures.agents, figures.service_level, figures.asa) == (0, 1.0, 0.0)


@pytest.mark.parametrize("agents", [1, 5, 10])
def test_traffic_at_or_above_capacity_always_waits(agents: int) -> None:
    figures = erlang_c_figures(agents, 10, 180, 20)
    assert figures.wait_probability == 1.0
    assert figures.service_level == 0.0
    assert math.isinf(figures.asa)
    assert agents_required(10, 180, Target(0.8, 20)).agents > 10


def test_one_agent_is_m_m_1() -> None:
    # M/M/1: a contact waits with probability r = A; W > t with probability r·e^{-(1-r)t/s}.
    assert erlang_c(1, 0.5) == pytest.approx(0.5, rel=1e-15)
    assert service_level(1, 0.5, 100, 30) == pytest.approx(1 - 0.5 * math.exp(-0.15), rel=1e-14)
    assert average_speed_of_answer(1, 0.5, 100) == pytest.approx(100.0, rel=1e-14)


def test_five_thousand_erlangs_square_root_staffing() -> None:
    traffic, aht = 5000.0, 180.0
    found = agents_required(traffic, aht, Target(0.8, 20))
    assert traffic < found.agents <= traffic + 3 * math.sqrt(traffic)
    assert 0 < found.wait_probability < 1 and math.isfinite(found.asa)
    # Halfin–Whitt: with n = A + β√A, P(wait) → 1 / (1 + βΦ(β)/φ(β)): an independent check
    # that the recursion is right at a size the textbook sum overflows (A^n/n! for n ≈ 5000).
    beta = (found.agents - traffic) / math.sqrt(traffic)
    phi = math.exp(-beta * beta / 2) / math.sqrt(2 * math.pi)
    big_phi = 0.5 * (1 + math.erf(beta / math.sqrt(2)))
    assert found.wait_probability == pytest.approx(1 / (1 + beta * big_phi / phi), abs=0.01)
    assert erlang_b(20_000, 15_000) < 1e-100  # no overflow, no NaN
    assert erlang_c(15_010, 15_000) == pytest.approx(1.0, abs=0.1)


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ValueError):
        agents_required(-1, 180, Target())
    with pytest.raises(ValueError):
        agents_required(math.inf, 180, Target())
    with pytest.raises(ValueError):
        agents_required(10, 0, Target())


# ------------------------------------------------------------------------- Erlang A
def exact_chain(agents: int, traffic: Fraction, aht: int, patience: int, depth: int
                ) -> list[Fraction]:
    """M/M/n+M stationary probabilities, exactly, over `depth` states (tail negligible)."""
    rate, weights = traffic / aht, [Fraction(1)]
    for k in range(1, depth):
        out = Fraction(min(k, agents), aht) + Fraction(max(k - agents, 0), patience)
        weights.append(weights[-1] * rate / out)
    total = sum(weights)
    return [w / total for w in weights]


def tagged_answered_rk4(agents: int, aht: float, patience: float, threshold: float,
                        queued: list[float], steps: int = 800) -> float:
    """P(answered within t) for arrivals finding j queued, by integrating the tagged
    caller's chain with Runge–Kutta (independent of the uniformisation under test)."""
    serve, leave = agents / aht, 1 / patience
    depth = len(queued)

    def derivative(state: list[float]) -> list[float]:
        mass = state[:-1]
        change = [-(serve + m * leave + leave) * mass[m]
                  + (serve + (m + 1) * leave) * mass[m + 1] if m + 1 < depth else
                  -(serve + m * leave + leave) * mass[m] for m in range(depth)]
        return [*change, serve * mass[0]]

    state = [*queued, 0.0]
    h = threshold / steps
    for _ in range(steps):
        k1 = derivative(state)
        k2 = derivative([s + h / 2 * d for s, d in zip(state, k1, strict=True)])
        k3 = derivative([s + h / 2 * d for s, d in zip(state, k2, strict=True)])
        k4 = derivative([s + h * d for s, d in zip(state, k3, strict=True)])
        state = [s + h / 6 * (a + 2 * b + 2 * c + d)
                 for s, a, b, c, d in zip(state, k1, k2, k3, k4, strict=True)]
    return state[-1]


@pytest.mark.parametrize(("agents", "traffic", "patience"), [(6, 5, 120), (3, 4, 60),
                                                              (12, 10, 300), (1, 2, 30)])
def test_erlang_a_against_an_exact_chain_and_an_ode(agents: int, traffic: int,
                                                    patience: int) -> None:
    aht, threshold = 180, 20
    figures = erlang_a_figures(agents, traffic, aht, threshold, patience)
    chain = [float(p) for p in exact_chain(agents, Fraction(traffic), aht, patience, 400)]
    queued = chain[agents:]
    mean_queue = sum(j * p for j, p in enumerate(queued))
    assert figures.wait_probability == pytest.approx(sum(queued), rel=1e-9)
    assert figures.abandon_probability == pytest.approx(
        mean_queue / patience / (traffic / aht), rel=1e-9)
    answered = sum(chain[:agents]) + tagged_answered_rk4(agents, aht, patience, threshold,
                                                         queued[:80])
    assert figures.service_level == pytest.approx(answered, abs=1e-6)


def test_erlang_a_with_endless_patience_is_erlang_c() -> None:
    c = erlang_c_figures(14, 10, 180, 20)
    a = erlang_a_figures(14, 10, 180, 20, 1e9)
    assert a.wait_probability == pytest.approx(c.wait_probability, rel=1e-5)
    assert a.service_level == pytest.approx(c.service_level, rel=1e-5)
    assert a.asa == pytest.approx(c.asa, rel=1e-5)
    assert a.abandon_probability < 1e-6


def test_erlang_a_needs_fewer_agents_and_is_the_fewest() -> None:
    target = Target(0.8, 20)
    for traffic in (10.0, 50.0, 300.0):
        c = agents_required(traffic, 180, target)
        a = agents_required_a(traffic, 180, 120, target)
        assert a.agents <= c.agents
        assert a.service_level >= 0.8
        assert erlang_a_figures(a.agents - 1, traffic, 180, 20, 120).service_level < 0.8
    # Overloaded (fewer agents than Erlangs) Erlang A stays finite: callers hang up.
    over = erlang_a_figures(400, 500, 180, 20, 120)
    assert 0 < over.abandon_probability < 1 and math.isfinite(over.asa)


# --------------------------------------------------------------------- properties
traffics = st.floats(min_value=0.0, max_value=400.0, allow_nan=False)
ahts = st.floats(min_value=10.0, max_value=1200.0)
shares = st.floats(min_value=0.05, max_value=0.99)


@settings(max_examples=150, deadline=None)
@given(traffics, traffics, ahts, shares, st.floats(min_value=0, max_value=120))
def test_more_traffic_never_needs_fewer_agents(a: float, b: float, aht: float, share: float,
                                               seconds: float) -> None:
    low, high = sorted((a, b))
    target = Target(share, seconds)
    assert agents_required(low, aht, target).agents <= agents_required(high, aht, target).agents


@settings(max_examples=150, deadline=None)
@given(traffics, ahts, shares, shares, st.floats(min_value=0, max_value=120),
       st.floats(min_value=0, max_value=120))
def test_a_stricter_target_never_needs_fewer_agents(traffic: float, aht: float, s1: float,
                                                    s2: float, t1: float, t2: float) -> None:
    # Stricter: a higher share within a shorter time.
    loose = Target(min(s1, s2), max(t1, t2))
    strict = Target(max(s1, s2), min(t1, t2))
    assert agents_required(traffic, aht, loose).agents <= agents_required(traffic, aht,
                                                                          strict).agents


@settings(max_examples=100, deadline=None)
@given(traffics, ahts, st.floats(min_value=1, max_value=600), st.floats(min_value=1,
                                                                        max_value=600),
       st.floats(min_value=0.3, max_value=1.0), st.floats(min_value=0.3, max_value=1.0))
def test_a_stricter_asa_or_occupancy_never_needs_fewer_agents(
        traffic: float, aht: float, asa1: float, asa2: float, occ1: float, occ2: float
) -> None:
    loose = Target(None, 20, max(asa1, asa2), max(occ1, occ2))
    strict = Target(None, 20, min(asa1, asa2), min(occ1, occ2))
    assert agents_required(traffic, aht, loose).agents <= agents_required(traffic, aht,
                                                                          strict).agents


@pytest.mark.parametrize("traffic", [60.5, 151.0, 999.9, 4321.0, 20_000.0])
def test_the_warm_started_search_equals_the_full_recursion(traffic: float) -> None:
    # agents_required starts the B recursion 10√A below A; B from 0 must agree.
    def full_c(n: int) -> float:
        b = 1.0
        for k in range(1, n + 1):
            b = traffic * b / (k + traffic * b)
        return n * b / (n - traffic * (1 - b))

    for target in (Target(0.8, 20), Target(0.95, 5), Target(None, 20, asa=30.0)):
        found = agents_required(traffic, 180, target)
        assert found.wait_probability == pytest.approx(full_c(found.agents), rel=1e-12)
        n = found.agents - 1
        if n > traffic:
            before = 1 - full_c(n) * math.exp(-(n - traffic) * target.threshold / 180)
            asa = full_c(n) * 180 / (n - traffic)
            assert (target.service_level is not None and before < target.service_level) or (
                target.asa is not None and asa > target.asa)
