"""The scale engine: hand-worked ceilings, steps and margins for each kind, and its invariants."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import models.evaluation
import models.formulas
import models.scale
from benchmarks.model import with_a_team
from models import Practitioner, Scenario, evaluate
from models.examples import example_names, load_example
from models.scale import (
    curve_quantities,
    plan_quantity,
    scale,
    scale_offer,
    scale_warnings,
    with_quantity,
)
from models.schema import (
    Contract,
    GroupProgram,
    Licensing,
    Mastermind,
    OnlineProgram,
    Retreat,
)
from tests.factories import coaching
from tests.strategies import scenarios

# 40 h × 46 weeks = 1,840 h a year, no fixed admin: every hour goes to the offer.
YEAR = Practitioner(hours_per_week=40, weeks_per_year=46, admin_hours_per_week=0)


def alone(offer, practitioner=YEAR):
    return Scenario(name="Alone", practitioner=practitioner, offers=[offer])


def test_one_to_one_ceiling_is_capacity_over_hours_per_client():
    lever = scale_offer(alone(coaching()), "Coaching")
    # each client is 24 h: ⌊1,840 / 24⌋ = 76 (76 × 24 = 1,824; 77 × 24 = 1,848 > 1,840)
    assert (lever.bound, lever.ceiling.quantity) == ("time", 76)
    assert lever.ceiling.revenue == pytest.approx(76 * 5000)
    assert lever.ceiling.total_hours == pytest.approx(1824)
    # the next client: 24 h, 5,000, 208.33 an hour
    assert lever.marginal.hours_per_unit == pytest.approx(24)
    assert lever.marginal.contribution_per_unit == pytest.approx(5000)
    assert lever.marginal.hourly_rate == pytest.approx(5000 / 24)
    assert (lever.quantity_field, lever.quantity) == ("clients", 10)


def test_a_market_cap_binds_before_time():
    lever = scale_offer(alone(coaching(max_sales_per_year=30)), "Coaching")
    assert (lever.bound, lever.ceiling.quantity) == ("market", 30)
    assert lever.ceiling.revenue == pytest.approx(150_000)


def test_group_program_steps_when_a_new_group_opens():
    group = GroupProgram(
        kind="group_program",
        name="Circle",
        groups=2,
        participants_per_group=8,
        price_per_participant=1000,
        sessions_per_group=10,
        session_hours=2,
    )
    lever = scale_offer(alone(group), "Circle")
    hours = {point.quantity: point.offer_hours for point in lever.points}
    # 16 participants fill 2 groups: 2 × 10 × 2 h = 40 h; the 17th opens a third: 60 h
    assert lever.quantity == 16
    assert evaluate_at(group, 16) == pytest.approx(40)
    assert evaluate_at(group, 17) == pytest.approx(60)
    assert evaluate_at(group, 24) == pytest.approx(60)
    # the margin from 16: a whole group's 20 h for one participant's 1,000
    assert lever.marginal.hours_per_unit == pytest.approx(20)
    assert lever.marginal.hourly_rate == pytest.approx(50)
    # at most 92 groups (92 × 20 = 1,840 h): 92 × 8 = 736 participants
    assert (lever.bound, lever.ceiling.quantity) == ("time", 736)
    assert lever.ceiling.revenue == pytest.approx(736_000)
    assert hours[0] == 0


def evaluate_at(offer, quantity):
    return models.evaluation.evaluate_offer(with_quantity(offer, quantity)).total_hours


def test_mastermind_ceiling_counts_whole_cohorts():
    mastermind = Mastermind(
        kind="mastermind",
        name="Circle",
        cohorts=1,
        members_per_cohort=8,
        fee_per_member_per_month=500,
        meetings_per_month=2,
        meeting_hours=2,
    )
    week = Practitioner(hours_per_week=10, weeks_per_year=46, admin_hours_per_week=0)
    lever = scale_offer(alone(mastermind, week), "Circle")
    # a cohort is 12 × 2 × 2 h = 48 h; 460 h hold 9 cohorts (432 h): 72 members
    assert (lever.bound, lever.ceiling.quantity) == ("time", 72)
    # 72 members × 500 × 12 months
    assert lever.ceiling.revenue == pytest.approx(432_000)


def test_retreat_venue_cost_steps_with_a_new_retreat():
    retreat = Retreat(
        kind="retreat",
        name="Retreat",
        retreats=1,
        attendees_per_retreat=10,
        price_per_attendee=3000,
        retreat_hours=24,
        prep_hours_per_retreat=16,
        travel_hours_per_retreat=8,
        venue_cost_per_retreat=12_000,
    )
    lever = scale_offer(alone(retreat), "Retreat")
    # the 11th attendee opens a second retreat: 48 h and a 12,000 venue for 3,000
    assert lever.marginal.hours_per_unit == pytest.approx(48)
    assert lever.marginal.contribution_per_unit == pytest.approx(3000 - 12_000)
    # 1,840 h hold 38 retreats (38 × 48 = 1,824): 380 attendees
    assert (lever.bound, lever.ceiling.quantity) == ("time", 380)
    # 380 × 3,000 − 38 × 12,000
    assert lever.ceiling.contribution == pytest.approx(1_140_000 - 456_000)


def test_online_program_grows_by_support_bd_and_admin_only():
    course = OnlineProgram(
        kind="online_program",
        name="Course",
        students=100,
        price_high_touch=1000,
        price_automated=200,
        automation=0.5,
        support_hours_per_student=2,
        creation_hours=300,
        bd_hours_per_sale=0.5,
    )
    lever = scale_offer(alone(course), "Course")
    # 0.5 × 2 h support + 0.5 h BD = 1.5 h a student; creation 300 / 3 = 100 h whatever the sales
    assert lever.marginal.hours_per_unit == pytest.approx(1.5)
    # (1,840 − 100) / 1.5 = 1,160 students
    assert (lever.bound, lever.ceiling.quantity) == ("time", 1160)
    # price 1,000 − 0.5 × 800 = 600
    assert lever.ceiling.revenue == pytest.approx(1160 * 600)


def test_the_ceiling_carries_the_offers_own_hours_beside_the_scenarios():
    example = load_example("course-creator")
    # Her list (15,000 at 2%) stops the program at 300 students: 318 + 300 × 0.95 = 603 h.
    at_market = scale_offer(example, "Career change program")
    assert (at_market.bound, at_market.ceiling.quantity) == ("market", 300)
    assert at_market.ceiling.offer_hours == pytest.approx(603.0)
    # Without the list's limit her hours stop it:
    offers = [
        offer.model_copy(update={"leads_per_year": None})
        if offer.name == "Career change program"
        else offer
        for offer in example.offers
    ]
    lever = scale_offer(example.model_copy(update={"offers": offers}), "Career change program")
    # The program's fixed hours: 474 / 3 creation + 40 upkeep + 2 launches × 60 h BD = 318 h.
    # A student: (1 − 0.8) × 3 h support + 0.25 h BD + 0.1 h admin = 0.95 h.
    # The rest of the year: 8 clients × (12 sessions + 3 h prep + 2 h admin) = 136 h, BD
    # 6 new × 8 h + 2 returning × 8/7 h = 50.29 h, fixed admin 4 × 46 = 184 h: 370.29 h.
    # ⌊(1,840 − 370.29 − 318) / 0.95⌋ = ⌊1,212.3⌋ = 1,212 students.
    assert (lever.bound, lever.ceiling.quantity) == ("time", 1212)
    # the program's own hours there: 318 + 1,212 × 0.95 = 1,469.4 h
    assert lever.ceiling.offer_hours == pytest.approx(1469.4)
    # the scenario's: 370.29 + 1,469.4 = 1,839.69 h, just inside 1,840
    assert lever.ceiling.total_hours == pytest.approx(370 + 2 / 7 + 1469.4)
    # contribution: 1,212 × 797 × (1 − 5% platform) − 1,212 × 40 = 869,185.8
    assert lever.ceiling.contribution == pytest.approx(869_185.8)


def test_the_plan_and_the_ceiling_are_exact_points_of_the_curve():
    lever = scale_offer(load_example("portfolio-every-lever"), "Manager essentials online")
    # ceiling 45, plan 250: the curve runs to ⌈250 × 1.25 + 2⌉ = 315 in steps of ⌈315 / 59⌉ = 6,
    # which pass 246 and 252 and 42 and 48 but neither 250 nor 45: both are added.
    assert (lever.quantity, lever.ceiling.quantity) == (250, 45)
    quantities = [point.quantity for point in lever.points]
    assert quantities[:10] == [0, 6, 12, 18, 24, 30, 36, 42, 45, 48]
    assert 250 in quantities and quantities[-1] == 315
    at_ceiling = lever.points[quantities.index(45)]
    assert at_ceiling.offer_hours == pytest.approx(lever.ceiling.offer_hours)
    assert at_ceiling.contribution == pytest.approx(lever.ceiling.contribution)


def test_curve_quantities_merge_the_exact_ones_sorted_and_once():
    # 0 to 315 by 6 is 53 quantities (0 … 312), then 315 itself; 250 and 45 added: 56
    merged = curve_quantities(315.0, (250.0, 45.0))
    assert len(merged) == 56 and merged == tuple(sorted(merged))
    # quantities already on the grid (4, and the end 10) are not repeated
    assert curve_quantities(10.0, (4.0, 10.0)) == tuple(float(q) for q in range(11))


def test_licensing_keeps_new_licensees_in_proportion():
    licence = Licensing(
        kind="licensing",
        name="Licence",
        licensees=10,
        new_licensees_per_year=4,
        royalty_rate=0.05,
        licensee_revenue_per_year=100_000,
        onboarding_hours_per_new_licensee=30,
        support_hours_per_licensee=20,
        bd_hours_per_sale=10,
    )
    grown = with_quantity(licence, 25)
    assert grown.new_licensees_per_year == pytest.approx(10)  # 25 × 4/10
    lever = scale_offer(alone(licence), "Licence")
    # a licensee: 20 h support + 0.4 × (30 h onboarding + 10 h BD) = 36 h; 51 × 36 = 1,836
    assert lever.marginal.hours_per_unit == pytest.approx(36)
    assert (lever.bound, lever.ceiling.quantity) == ("time", 51)


def test_contract_market_cap_on_a_consultants_year():
    contract = Contract(
        kind="contract",
        name="Hospital",
        contracts=2,
        hours_per_contract=300,
        hourly_rate=175,
        max_sales_per_year=3,
    )
    lever = scale_offer(alone(contract), "Hospital")
    # 6 contracts would fit in 1,840 h (1,800 h) but the market buys 3
    assert (lever.bound, lever.ceiling.quantity) == ("market", 3)


def test_an_offer_with_no_room_has_ceiling_zero_and_a_warning():
    busy = coaching(name="Busy", clients=80)  # 80 × 24 = 1,920 h > 1,840
    scenario = Scenario(name="Full", practitioner=YEAR, offers=[busy, coaching()])
    result = scale(scenario)
    lever = result.offers[1]
    assert (lever.bound, lever.ceiling.quantity) == ("time", 0)
    assert any('"Coaching"' in note and "no room" in note for note in scale_warnings(result))


def test_nothing_binds_within_the_range_looked_at():
    free = coaching(session_hours=0, sessions_per_client=0)  # a client costs no hours
    lever = scale_offer(alone(free), "Coaching")
    assert lever.bound == "none"
    assert lever.ceiling.quantity == 1000  # 100 × the plan's 10, at least 1,000
    assert lever.marginal.hourly_rate is None


def test_the_scale_engine_uses_the_one_evaluation(monkeypatch):
    assert models.scale.evaluate_offer is models.evaluation.evaluate_offer
    # Change the one formula: the scale results follow, so there is no second copy.
    original = models.formulas.one_to_one_delivery

    def doubled_price(clients, sessions_per_client, session_hours, price_per_client):
        return original(clients, sessions_per_client, session_hours, 2 * price_per_client)

    monkeypatch.setattr(models.formulas, "one_to_one_delivery", doubled_price)
    lever = scale_offer(alone(coaching()), "Coaching")
    assert lever.marginal.contribution_per_unit == pytest.approx(10_000)


@given(scenarios(min_offers=1, max_offers=4), st.data())
def test_hours_and_revenue_never_fall_as_quantity_grows(scenario, data):
    enabled = [offer for offer in scenario.offers if offer.enabled]
    if not enabled:
        return
    offer = data.draw(st.sampled_from(enabled))
    points = scale_offer(scenario, offer.name).points
    for before, after in itertools.pairwise(points):
        assert after.offer_hours >= before.offer_hours - 1e-9 * max(1.0, before.offer_hours)
        assert after.revenue >= before.revenue - 1e-9 * max(1.0, before.revenue)


@given(scenarios(min_offers=1, max_offers=4), st.data())
def test_at_a_time_ceiling_the_plan_fits_and_one_more_does_not(scenario, data):
    enabled = [offer for offer in scenario.offers if offer.enabled]
    if not enabled:
        return
    offer = data.draw(st.sampled_from(enabled))
    lever = scale_offer(scenario, offer.name)
    if lever.bound != "time":
        return
    capacity = evaluate(scenario).totals.capacity_hours

    def total_hours(quantity):
        offers = [
            with_quantity(o, quantity) if o.name == offer.name else o for o in scenario.offers
        ]
        return evaluate(scenario.model_copy(update={"offers": offers})).totals.total_hours

    assert total_hours(lever.ceiling.quantity + 1) > capacity
    if lever.ceiling.quantity > 0:
        assert total_hours(lever.ceiling.quantity) <= capacity * (1 + 1e-9)


@given(scenarios(min_offers=1, max_offers=4), st.data())
def test_the_current_plan_lies_on_the_curve(scenario, data):
    enabled = [offer for offer in scenario.offers if offer.enabled]
    if not enabled:
        return
    offer = data.draw(st.sampled_from(enabled))
    if isinstance(offer, GroupProgram | Mastermind | Retreat):
        groups = getattr(offer, offer.count_field)
        if offer.group_size < 1 or groups != int(groups):
            return  # the curve holds whole groups of at least one person
    regrown = with_quantity(offer, plan_quantity(offer))
    # the offer's own year (an assistant's share of its admin is the scenario's, not the curve's)
    planned = models.evaluation.evaluate_offer(offer)
    on_curve = models.evaluation.evaluate_offer(regrown)
    assert on_curve.revenue == pytest.approx(planned.revenue, rel=1e-9, abs=1e-6)
    assert on_curve.total_hours == pytest.approx(planned.total_hours, rel=1e-9, abs=1e-6)


@given(scenarios(min_offers=1, max_offers=4), st.data())
def test_the_plan_and_the_ceiling_always_lie_on_the_curve(scenario, data):
    enabled = [offer for offer in scenario.offers if offer.enabled]
    if not enabled:
        return
    offer = data.draw(st.sampled_from(enabled))
    lever = scale_offer(scenario, offer.name)
    by_quantity = {point.quantity: point for point in lever.points}
    assert len(by_quantity) == len(lever.points)  # no quantity twice
    assert [point.quantity for point in lever.points] == sorted(by_quantity)
    assert lever.quantity in by_quantity
    at_ceiling = by_quantity[lever.ceiling.quantity]
    assert at_ceiling.offer_hours == lever.ceiling.offer_hours
    assert at_ceiling.scenario_hours == lever.ceiling.total_hours
    assert at_ceiling.contribution == lever.ceiling.contribution


def test_scale_evaluates_each_offer_once_not_once_per_lever(count_calls):
    """Seven offers, each offer's planned year evaluated once: every lever reuses them."""
    scenario = load_example("portfolio-every-lever")
    years = count_calls(models.scale, "offer_years")
    result = scale(scenario)
    assert len(result.offers) == len(scenario.enabled_offers) > 2
    assert len(years) == 1
    # The same levers as when each offer evaluates the scenario on its own.
    assert result.offers == tuple(scale_offer(scenario, o.name) for o in scenario.enabled_offers)


def test_hours_for_offers_is_capacity_less_fixed_admin():
    """45 h × 46 weeks = 2,070 h available; 5 h admin × 46 = 230 h fixed; 1,840 h for offers."""
    practitioner = Practitioner(hours_per_week=45, weeks_per_year=46, admin_hours_per_week=5)
    assert models.evaluation.hours_for_offers(practitioner) == pytest.approx(1840.0)


# ---- Version 2: energy (the delivery cap) and the market from a funnel ----


def test_an_energy_bound_ceiling_stops_at_the_delivery_capacity():
    """15 client-facing hours a week × 46 weeks = 690 h of delivery. Each client is 24
    sessions × 1 h = 24 h, all of it delivery: ⌊690 / 24⌋ = 28 (28 × 24 = 672 h; 29 × 24 =
    696 h > 690). All the hours would hold ⌊1,840 / 24⌋ = 76, so energy binds first."""
    practitioner = YEAR.model_copy(update={"max_delivery_hours_per_week": 15})
    lever = scale_offer(alone(coaching(), practitioner), "Coaching")
    assert (lever.bound, lever.ceiling.quantity) == ("energy", 28)
    assert lever.ceiling.revenue == pytest.approx(28 * 5000)
    assert lever.ceiling.total_hours == pytest.approx(672)


def test_an_associate_moves_the_energy_ceiling_but_not_the_revenue_per_client():
    """Associates lead half the sessions: 12 h of your delivery a client, ⌊690 / 12⌋ = 57
    (57 × 12 = 684; 58 × 12 = 696 > 690). Your hours a client: 12 h + oversight 0.1 × 12 h
    = 13.2 h, so time would hold ⌊1,840 / 13.2⌋ = 139: energy still binds, at 57."""
    practitioner = YEAR.model_copy(update={"max_delivery_hours_per_week": 15})
    lever = scale_offer(alone(coaching(associate_share=0.5), practitioner), "Coaching")
    assert (lever.bound, lever.ceiling.quantity) == ("energy", 57)
    assert lever.ceiling.revenue == pytest.approx(57 * 5000)
    assert lever.ceiling.total_hours == pytest.approx(57 * 13.2)


def test_a_market_bound_ceiling_from_a_funnel():
    """100 discovery calls a year converting at 1 in 5 bring 20 new clients; a fifth of the
    year's clients return, so the year holds 20 / (1 − 0.2) = 25 clients. One hour a call:
    BD per new client 1 / 0.2 = 5 h, per returning client 5 / 7 h; each client costs
    24 + 0.8 × 5 + 0.2 × 5 / 7 = 28.14 h, so time would hold ⌊1,840 / 28.14⌋ = 65.
    The market binds at exactly 25."""
    offer = coaching(
        leads_per_year=100, conversion_rate=0.2, returning_share=0.2, bd_hours_per_lead=1
    )
    lever = scale_offer(alone(offer), "Coaching")
    assert (lever.bound, lever.ceiling.quantity) == ("market", 25)
    assert lever.ceiling.revenue == pytest.approx(25 * 5000)
    assert lever.ceiling.offer_hours == pytest.approx(25 * (24 + 0.8 * 5 + 0.2 * 5 / 7))


def test_a_market_limit_between_whole_clients_rounds_down():
    """75 calls × 0.2 = 15 new clients, / 0.8 = 18.75 in the year: 18 whole clients."""
    offer = coaching(leads_per_year=75, conversion_rate=0.2, returning_share=0.2)
    lever = scale_offer(alone(offer), "Coaching")
    assert (lever.bound, lever.ceiling.quantity) == ("market", 18)


def test_the_smaller_of_max_sales_and_the_funnel_binds():
    """max_sales_per_year 12 against a funnel of 100 × 0.2 = 20: 12."""
    offer = coaching(leads_per_year=100, conversion_rate=0.2, max_sales_per_year=12)
    assert scale_offer(alone(offer), "Coaching").ceiling.quantity == 12


def _drawn_offer(scenario, data):
    """One enabled offer of the scenario, drawn; None when none is enabled."""
    enabled = [offer for offer in scenario.offers if offer.enabled]
    return data.draw(st.sampled_from(enabled)) if enabled else None


def _with_offer(scenario, offer):
    return scenario.model_copy(
        update={"offers": [offer if o.name == offer.name else o for o in scenario.offers]}
    )


@given(scenarios(min_offers=1, max_offers=3), st.data())
def test_raising_leads_never_lowers_a_ceiling(scenario, data):
    offer = _drawn_offer(scenario, data)
    if offer is None:
        return
    conversion = offer.conversion_rate or data.draw(st.floats(0.001, 1.0))
    leads = data.draw(st.floats(0.0, 10_000.0))
    more = leads + data.draw(st.floats(0.0, 10_000.0))
    fewer = offer.model_copy(update={"leads_per_year": leads, "conversion_rate": conversion})
    raised = fewer.model_copy(update={"leads_per_year": more})
    before = scale_offer(_with_offer(scenario, fewer), offer.name).ceiling.quantity
    after = scale_offer(_with_offer(scenario, raised), offer.name).ceiling.quantity
    assert after >= before


@given(scenarios(min_offers=1, max_offers=3), st.data())
def test_a_market_bound_ceiling_sells_exactly_the_market_limit(scenario, data):
    """The ceiling's buyers are within the market limit, and one more would be past it."""
    offer = _drawn_offer(scenario, data)
    if offer is None:
        return
    lever = scale_offer(scenario, offer.name)
    if lever.bound != "market":
        return
    assert lever.ceiling.quantity == models.scale.market_quantity(offer)
    limit = offer.market_limit
    at = models.evaluation.offer_year(with_quantity(offer, lever.ceiling.quantity))
    past = models.evaluation.offer_year(with_quantity(offer, lever.ceiling.quantity + 1))
    assert at.buyers <= limit * (1 + 1e-9)
    assert past.buyers > limit * (1 - 1e-9)


@given(scenarios(min_offers=1, max_offers=3), st.data())
def test_at_an_energy_ceiling_delivery_fits_and_one_more_does_not(scenario, data):
    offer = _drawn_offer(scenario, data)
    if offer is None:
        return
    lever = scale_offer(scenario, offer.name)
    if lever.bound != "energy":
        return

    def delivery(quantity):
        grown = _with_offer(scenario, with_quantity(offer, quantity))
        return models.evaluation.scenario_sums(grown)

    cap = models.evaluation.delivery_capacity_hours(scenario.practitioner)
    assert delivery(lever.ceiling.quantity + 1).hours.delivery > cap
    if lever.ceiling.quantity > 0:
        assert delivery(lever.ceiling.quantity).hours.delivery <= cap * (1 + 1e-9)


@given(scenarios(min_offers=1, max_offers=3), st.data())
def test_raising_associate_share_never_raises_own_delivery_nor_changes_the_client(scenario, data):
    """Associates take sessions off you: your delivery hours never rise, the client's hours
    and the revenue never change (the client gets the same service)."""
    teams = [o for o in scenario.offers if o.enabled and getattr(o, "has_team", False)]
    if not teams:
        return
    offer = data.draw(st.sampled_from(teams))
    share = data.draw(st.floats(0.0, 1.0))
    more = data.draw(st.floats(share, 1.0))
    before = models.evaluation.scenario_sums(
        _with_offer(scenario, offer.model_copy(update={"associate_share": share}))
    )
    after = models.evaluation.scenario_sums(
        _with_offer(scenario, offer.model_copy(update={"associate_share": more}))
    )
    assert after.hours.delivery <= before.hours.delivery * (1 + 1e-12) + 1e-9
    assert after.client_hours == pytest.approx(before.client_hours, rel=1e-12, abs=1e-9)
    assert after.revenue == pytest.approx(before.revenue, rel=1e-12, abs=1e-9)


def test_an_assistants_admin_relief_counts_in_the_time_ceiling():
    """5 h a week of fixed admin (230 h) and 1 h of admin a client. An assistant for 10 h a
    week (460 h) takes max(0, 230 + q − 460) off: all of it up to 230 clients, so the coach's
    1,840 h hold ⌊1,840 / 24⌋ = 76 clients. With 5 h a week (230 h) they take only the fixed
    admin: 25 h a client, ⌊1,840 / 25⌋ = 73 (73 × 25 = 1,825). Without one:
    ⌊(1,840 − 230) / 25⌋ = 64."""
    offer = coaching(admin_hours_per_sale=1)
    for assistant, ceiling in ((10, 76), (5, 73), (0, 64)):
        practitioner = YEAR.model_copy(
            update={"admin_hours_per_week": 5, "assistant_hours_per_week": assistant}
        )
        lever = scale_offer(alone(offer, practitioner), "Coaching")
        assert (lever.bound, lever.ceiling.quantity) == ("time", ceiling)


def _levers_summed_offer_by_offer(scenario):
    """Every lever's points, each point's scenario hours summed as before issue 17: without an
    assistant the others' hours plus the offer's, else every other offer's year and the
    offer's at that quantity added up again (the old way)."""
    years = models.scale.offer_years(scenario)
    practitioner = scenario.practitioner
    for lever in scale(scenario).offers:
        offer = next(o for o in scenario.enabled_offers if o.name == lever.name)
        others = tuple(year for name, year in years.items() if name != lever.name)
        for point in lever.points:
            grown = models.evaluation.offer_year(with_quantity(offer, point.quantity))
            if models.evaluation.assistant_hours(practitioner):
                hours = models.evaluation.year_sums(practitioner, (*others, grown)).total_hours
            else:
                others_hours = models.evaluation.year_sums(practitioner, others).total_hours
                hours = others_hours + grown.hours.total
            yield point.scenario_hours, float(hours)


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("team", [False, True], ids=["as shipped", "with a team"])
def test_each_lever_adds_the_others_once_with_the_same_hours_as_summing_every_offer(name, team):
    """The others' years are added once per lever, then the offer's at each quantity: the
    same floats, bit for bit, as adding every offer's year again at each quantity."""
    scenario = load_example(name)
    if team:  # an assistant and a delivery cap: the hours no longer simply add up
        scenario = with_a_team(scenario)
    for once, again in _levers_summed_offer_by_offer(scenario):
        assert once == again


@given(scenarios(min_offers=1, max_offers=5))
def test_each_lever_sums_as_before_on_generated_scenarios(scenario):
    for once, again in _levers_summed_offer_by_offer(scenario):
        assert once == again
