#!/usr/bin/env python3
"""Write timesheet.csv: the invented hours of Acme Outdoor's social team
(three roles, five activities) over the first quarter of 2026, Monday 29
December 2025 to Tuesday 31 March 2026. Fixed seed: the same file each run.
The activities, people and capacity are in definitions.json ("team")."""
import csv
import datetime
import os
import random

rng = random.Random(22)
# activity, person, role, weekly hours around which weeks vary, cost per hour or None
WORK = [
    ("Video production", "Lena", "Content creator", 14.0, None),
    ("LinkedIn articles", "Tom", "Content creator", 8.0, None),
    ("Video production", "Tom", "Content creator", 6.0, None),
    ("Community management", "Maya", "Community manager", 14.0, None),
    ("Paid social", "Maya", "Community manager", 8.0, 55.0),
    ("Media monitoring", "Sam", "Analyst", 5.0, None),
]
start = datetime.date(2025, 12, 29)
end = datetime.date(2026, 3, 31)  # last day
rows = []
week = 0
day = start
while day <= end:
    monday = day
    # one factor per activity and week, so weekly hours vary (the slope
    # estimate needs that), then the week's hours spread over its weekdays
    factors = {w[0] + w[1]: rng.uniform(0.5, 1.5) for w in WORK}
    for k in range(5):
        d = monday + datetime.timedelta(days=k)
        if d > end:
            break
        for activity, person, role, weekly, rate in WORK:
            share = weekly * factors[activity + person] / 5.0
            hours = round(share * rng.uniform(0.6, 1.4) * 4) / 4  # quarter hours
            if hours <= 0:
                continue
            cost = "" if rate is None else f"{hours * rate:.2f}"
            rows.append((d.isoformat(), person, role, activity, f"{hours:g}", cost))
    day = monday + datetime.timedelta(days=7)
    week += 1

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "timesheet.csv")
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["date", "person", "role", "activity", "hours", "cost"])
    w.writerows(rows)
print(f"{path}: {len(rows)} rows")
