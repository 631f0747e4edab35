"""Monthly engagement rate by impressions per channel, from a daily CSV, through pandas.

usage: python3 monthly_rates.py [daily.csv]   (default: the repository's examples/data)

The CSV has a date, a channel and one column per metric. The rate of a month is the
month's engagements over its impressions (a ratio of sums, never a mean of daily rates).
"""
import os
import sys
from typing import List

import pandas as pd

import socialkpi as sk

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "examples", "data", "daily_metrics.csv")


def monthly_rates(path: str) -> pd.DataFrame:
    """One row per month and channel: engagements, impressions and the rate, as a tidy frame."""
    daily = pd.read_csv(path, parse_dates=["date"])
    long = daily.melt(id_vars=["date", "channel"], var_name="metric", value_name="value")
    period = (daily["date"].min(), daily["date"].max() + pd.Timedelta(days=1))
    with sk.Dataset.from_frame(long) as ds:
        frame: pd.DataFrame = ds.to_frame(
            ["engagements", "impressions", "engagement_rate_impressions"], period,
            cadence=sk.Cadence.MONTH)
    return frame


def main(argv: List[str]) -> int:
    """Print the monthly table of the CSV named in argv (or of the bundled one)."""
    path = argv[1] if len(argv) > 1 else DEFAULT
    table = monthly_rates(path).pivot_table(index=["period", "channel"], columns="metric",
                                            values="value")
    print(table.round(3).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
