"""Catalog and Metric: the built-in catalog, host metrics, formulas and their errors."""
import math

import pytest

import socialkpi as sk


def test_builtin_catalog_describes_published_definitions():
    cat = sk.Catalog.builtin()
    assert cat is sk.Catalog.builtin()
    err = cat["engagement_rate_reach"]
    assert err.kind == sk.MetricKind.DERIVED and err.unit == sk.Unit.PERCENT
    assert err.direction == sk.Direction.HIGHER_IS_BETTER
    assert err.formula == "engagements / reach * 100"
    assert err.components == ("engagements", "reach")
    assert err.definition == "engagement_rate.by_reach"
    assert cat["followers"].kind == sk.MetricKind.STOCK
    assert cat["impressions"].formula is None and cat["impressions"].definition == "raw"
    assert cat["cpc"].direction == sk.Direction.LOWER_IS_BETTER
    assert "nps" in cat and "no_such_metric" not in cat
    keys = cat.keys()
    assert len(keys) == len(cat) and keys[0] == "impressions" and len(set(keys)) == len(keys)
    cat.close()  # the shared built-in catalog stays usable
    assert len(cat) > 50


def test_builtin_catalog_refuses_changes():
    with pytest.raises(sk.MisuseError) as e:
        sk.Catalog.builtin().add_metric("signups", "Sign-ups")
    assert e.value.code == -3 and "built-in" in str(e.value)


def test_host_catalog_adds_metrics_and_formulas():
    with sk.Catalog() as cat:
        n = len(cat)
        m = cat.add_metric("signups", "Sign-ups", kind=sk.MetricKind.FLOW)
        assert m.key == "signups" and m.definition == "host" and m.unit == sk.Unit.COUNT
        d = cat.add_derived("signup_rate", "Sign-up rate", "signups / link_clicks * 100",
                            unit=sk.Unit.PERCENT)
        assert d.components == ("signups", "link_clicks") and d.kind == sk.MetricKind.DERIVED
        assert len(cat) == n + 2 and cat.keys()[-1] == "signup_rate"
        cat.set_label("signups", "Newsletter sign-ups")
        cat.set_description("signups", "From the newsletter form")
        assert cat["signups"].label == "Newsletter sign-ups"
        assert cat["signups"].description == "From the newsletter form"
        cat.set_formula("engagement_rate_reach", "engagements_instagram / reach * 100")
        assert cat["engagement_rate_reach"].definition == "host"
        cat.check_formula("max(likes, comments) / days()")
        # the built-in catalog did not change
        assert sk.Catalog.builtin()["engagement_rate_reach"].definition == "engagement_rate.by_reach"
        copy = sk.Catalog(cat)
        assert "signup_rate" in copy
        copy.close()


def test_catalog_errors_say_what_and_where():
    cat = sk.Catalog()
    n = len(cat)
    with pytest.raises(sk.ParseError) as e:
        cat.add_derived("bad", "Bad", "likes / ")
    assert "column 9" in str(e.value) and e.value.code == -5
    with pytest.raises(sk.NotFoundError) as e:
        cat.add_derived("bad", "Bad", "likes / foo")
    assert "foo" in str(e.value)
    with pytest.raises(sk.AlreadyExistsError):
        cat.add_metric("likes", "Likes again")
    with pytest.raises(sk.InvalidArgumentError):
        cat.add_metric("Bad-Key", "Bad")
    with pytest.raises(sk.InvalidArgumentError) as e:
        cat.check_formula("first(likes)")
    with pytest.raises(sk.NotFoundError):
        cat.find("nothing_here")
    with pytest.raises(LookupError):
        cat["nothing_here"]
    assert len(cat) == n  # unchanged after every error
    cat.close()
    with pytest.raises(ValueError, match="closed"):
        len(cat)


def test_host_metric_flows_into_a_dataset_value():
    cat = sk.Catalog()
    cat.add_metric("signups", "Sign-ups")
    cat.add_derived("signup_rate", "Sign-up rate", "signups / link_clicks * 100", unit=sk.Unit.PERCENT)
    ds = sk.Dataset(cat)
    cat.close()  # the dataset copied it
    ds.append("signups", "web:site", [0, 86400], [3.0, 5.0])
    ds.append("link_clicks", "web:site", [0, 86400], [100.0, 60.0])
    # (3 + 5) / (100 + 60) * 100 = 5 %
    v = ds.value("signup_rate", (0, 2 * 86400))
    assert v == sk.Value(5.0, sk.Availability.AVAILABLE) and v.usable
    assert ds.catalog["signup_rate"].unit == sk.Unit.PERCENT
    borrowed = ds.catalog
    ds.close()
    with pytest.raises(ValueError, match="closed Dataset"):
        len(borrowed)
    assert math.isnan(sk.Value(math.nan, sk.Availability.MISSING).value)
