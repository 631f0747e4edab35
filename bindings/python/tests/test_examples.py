"""bindings/python/examples run and give what pandas computes from the same file."""
import importlib.util
import os

import numpy as np
import pandas as pd
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(os.path.dirname(HERE), "examples")
DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), "examples", "data",
                    "daily_metrics.csv")


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(EXAMPLES, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not os.path.exists(DATA), reason="examples/data/daily_metrics.csv not here")
def test_monthly_rates_are_ratios_of_monthly_sums(capsys):
    example = load("monthly_rates")
    frame = example.monthly_rates(DATA)
    daily = pd.read_csv(DATA, parse_dates=["date"])
    sums = daily.groupby([daily.date.dt.to_period("M"), "channel"])[["engagements", "impressions"]].sum()
    rates = frame[frame.metric == "engagement_rate_impressions"]
    assert len(rates) == len(sums)
    want = (sums.engagements / sums.impressions * 100).to_numpy()
    assert np.allclose(rates.value.to_numpy(), want, rtol=1e-12)
    assert example.main(["monthly_rates.py", DATA]) == 0
    assert "engagement_rate_impressions" in capsys.readouterr().out
