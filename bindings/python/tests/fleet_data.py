"""Generated fleet accounts for the fleet tests and tests/bench/bench_fleet.py: a long
export of a year of daily data on three channels, and one definitions document."""
import json
import os

import numpy as np
import pandas as pd

CHANNELS = ("instagram:@{a}", "x:@{a}", "linkedin:{a}")
YEAR = pd.date_range("2025-01-01", "2025-12-31", freq="D")
DAYS = YEAR.strftime("%Y-%m-%d")
DEFINITIONS = {
    "version": 1,
    "goals": [
        {"id": "reach", "name": "Reach 1.5 M a month", "metric": "reach", "channel": "*",
         "baseline": {"value": 0}, "target": {"kind": "absolute", "value": 1500000},
         "start": "2025-07-01", "deadline": "2026-01-01"},
        {"id": "rate", "name": "Engagement rate 4 %", "metric": "engagement_rate_reach",
         "channel": "instagram:*", "baseline": {"value": 3},
         "target": {"kind": "absolute", "value": 4},
         "start": "2025-07-01", "deadline": "2026-01-01"}],
    "objectives": [{"id": "brand", "title": "Be talked about",
                    "period": {"start": "2025-10-01", "end": "2026-01-01"},
                    "key_results": [
                        {"title": "Engagements a quarter", "kind": "metric",
                         "metric": "engagements", "channel": "*", "start": 10000,
                         "target": 40000}]}],
    "reports": [{"id": "monthly", "title": "Monthly review",
                 "kpis": ["engagements", "reach", "engagement_rate_reach"],
                 "sections": ["summary", "kpis", "goals", "okrs"]}],
}


def account_data(aid, seed):
    """A year of daily reach, engagements and followers on three channels (long layout)."""
    rng = np.random.default_rng(seed)
    frames = []
    for template in CHANNELS:
        channel = template.format(a=aid)
        reach = rng.integers(200, 5000, len(YEAR)).astype(float)
        engagements = np.floor(reach * rng.uniform(0.01, 0.08, len(YEAR)))
        followers = 1000 + np.cumsum(rng.integers(0, 20, len(YEAR)))
        for metric, values in (("reach", reach), ("engagements", engagements),
                               ("followers", followers)):
            frames.append(pd.DataFrame({"date": DAYS, "channel": channel, "metric": metric,
                                        "value": values}))
    return pd.concat(frames, ignore_index=True)


def write_account(folder, aid, seed):
    """The account's exports folder (folder/aid/daily.csv) and definitions file
    (folder/aid.json); returns the raw data."""
    data = account_data(aid, seed)
    exports = os.path.join(folder, aid)
    os.makedirs(exports)
    data.to_csv(os.path.join(exports, "daily.csv"), index=False)
    with open(os.path.join(folder, f"{aid}.json"), "w", encoding="utf-8") as f:
        json.dump(DEFINITIONS, f)
    return data
