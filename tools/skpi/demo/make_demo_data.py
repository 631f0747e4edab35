#!/usr/bin/env python3
"""Writes the sample exports `skpi demo` imports: fifteen months (January
2025 to March 2026) of a made-up brand, Acme Outdoor, on Instagram and
LinkedIn, with its website's social traffic and social-listening counts.

The numbers are synthetic but shaped like real accounts: weekday rhythms,
slow audience growth, reels reaching further than images, a spring campaign
with sponsored LinkedIn posts, a viral reel in November 2025, a quiet
holiday season. Each file is written in the layout of the tool that
exports it, quirks included (UTF-16 and `sep=,` for Meta's daily files, a
title row and US dates for LinkedIn, percent signs, thousands separators).

Run it to regenerate the files; the seed makes the output identical each
time. The files are committed, so the build never runs this script.
"""
import codecs
import datetime as dt
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
START = dt.date(2025, 1, 1)
END = dt.date(2026, 3, 31)
rng = random.Random(20260401)


def days():
    d = START
    while d <= END:
        yield d
        d += dt.timedelta(days=1)


def season(d):
    """Holiday dip, spring and autumn highs."""
    return 1.0 + 0.12 * math.sin((d.timetuple().tm_yday - 80) / 365.0 * 2 * math.pi) \
        - (0.25 if (d.month == 12 and d.day > 20) or (d.month == 1 and d.day < 4) else 0.0)


def noisy(x, spread=0.15):
    return max(0.0, x * rng.lognormvariate(0, spread))


# ---- Instagram: daily followers (a stock) and posts -----------------------

followers = {}
count = 11800.0
viral = dt.date(2025, 11, 18)
for d in days():
    growth = 0.0009 * season(d)
    if viral <= d < viral + dt.timedelta(days=6):
        growth += 0.012 / (1 + (d - viral).days)
    count *= 1 + noisy(growth, 0.5)
    if d.month == 1 and d.day < 10:
        count -= rng.randint(0, 6)  # the usual January unfollows
    followers[d] = int(round(count))

CAPTIONS = [
    "Trail-tested: the {p} goes where you go. #acmeoutdoor",
    "Behind the seams: how we make the {p}",
    "Your photos, our gear \U0001F3D5\ufe0f Tag #acmeoutdoor to be featured",
    "Five ways to pack the {p} for a weekend away",
    "New colours for the {p}, in stores Friday",
    "Meet Sam, who walked 1,000 km with the {p}",
    "Rain, wind, \"mild\" weather: the {p} review, honestly",
    "Q&A: your questions about the {p}\nAnswers in the comments",
    "Repairs, not replacements: our free fix service",
    "Sunrise at 2,400 m \u2014 thanks @trailfinder for the shot",
]
PRODUCTS = ["Ridge 40 pack", "Tarn jacket", "Scree boots", "Cairn tent", "Fell stove"]
TYPES = [("IG image", 0.8, 0), ("IG carousel", 1.0, 0), ("IG reel", 1.7, 1)]

posts = []
post_id = 17912000000000000
for d in days():
    wd = d.weekday()
    n = 1 if wd in (0, 2, 4) else (1 if wd == 5 and rng.random() < 0.3 else 0)
    if d.month in (4, 5) and wd == 3:
        n += 1  # spring campaign: an extra post on Thursdays
    for _ in range(n):
        kind, factor, reel = rng.choices(TYPES, weights=[3, 3, 4])[0]
        base = followers[d] * 0.28 * factor * season(d)
        if d == viral:
            kind, factor, reel, base = "IG reel", 1.7, 1, followers[d] * 6.5
        reach = int(noisy(base, 0.35))
        impressions = int(reach * rng.uniform(1.15, 1.45))
        likes = int(noisy(reach * 0.042, 0.25))
        comments = int(noisy(likes * 0.045, 0.4))
        shares = int(noisy(likes * (0.09 if reel else 0.04), 0.4))
        saves = int(noisy(likes * 0.08, 0.4))
        follows = int(noisy(reach * 0.0018, 0.5))
        plays = int(reach * rng.uniform(1.4, 1.9)) if reel else None
        visits = int(noisy(reach * 0.011, 0.3))
        hour = rng.choice([8, 12, 12, 17, 19])
        minute = rng.choice([0, 15, 30, 45])
        post_id += rng.randint(1000, 90000)
        caption = rng.choice(CAPTIONS).format(p=rng.choice(PRODUCTS))
        posts.append((post_id, d, hour, minute, kind, reel, caption, impressions, reach, likes,
                      shares, follows, comments, saves, plays, visits))


def q(v):
    if v is None:
        return '""'
    return '"' + str(v).replace('"', '""') + '"'


with open(os.path.join(HERE, "instagram-posts.csv"), "w", encoding="utf-8-sig", newline="") as f:
    cols = ["Post ID", "Account ID", "Account username", "Account name", "Description",
            "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
            "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves", "Plays",
            "Profile visits"]
    f.write(",".join(q(c) for c in cols) + "\r\n")
    for (pid, d, hh, mm, kind, reel, caption, imp, reach, likes, shares, follows, comments,
         saves, plays, visits) in posts:
        slug = format(pid % 36 ** 8, "x")
        row = [pid, 17841400000000000, "acmeoutdoor", "Acme Outdoor", caption,
               rng.randint(8, 45) if reel else 0, "%02d/%02d/%04d %02d:%02d" % (d.month, d.day, d.year, hh, mm),
               "https://www.instagram.com/%s/%s/" % ("reel" if reel else "p", slug), kind, "",
               "Lifetime", imp, reach, likes, shares, follows, comments, saves, plays, visits]
        f.write(",".join(q(v) for v in row) + "\r\n")

# Meta's daily files: UTF-16 with a byte order mark, `sep=,`, the metric's
# name above the header, thousands separators.
with open(os.path.join(HERE, "instagram-followers.csv"), "wb") as f:
    lines = ["sep=,", '"Instagram followers"', '"Date","Primary"']
    for d in days():
        lines.append('"%sT00:00:00","%s"' % (d.isoformat(), format(followers[d], ",")))
    f.write(codecs.BOM_UTF16_LE + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))

# ---- LinkedIn: the page's Metrics sheet saved as CSV ----------------------

li_followers = 3400.0
rows = []
for d in days():
    weekday = d.weekday() < 5
    li_followers *= 1 + noisy(0.0011 * (1.6 if d.month in (4, 5) and d.year == 2025 else 1.0), 0.6)
    organic = int(noisy((1150 if weekday else 380) * season(d) * (li_followers / 3400) ** 0.8, 0.25))
    sponsored = int(noisy(2600, 0.2)) if (d.year == 2025 and d.month in (4, 5) and weekday) else 0
    unique = int(organic * rng.uniform(0.62, 0.75))
    clicks_o = int(noisy(organic * 0.011, 0.35))
    clicks_s = int(noisy(sponsored * 0.007, 0.3))
    react_o = int(noisy(organic * 0.019, 0.3))
    react_s = int(noisy(sponsored * 0.006, 0.3))
    comm_o = int(noisy(react_o * 0.08, 0.6))
    comm_s = int(noisy(react_s * 0.03, 0.6))
    rep_o = int(noisy(react_o * 0.06, 0.6))
    rep_s = 0
    def rate(clicks, react, comm, rep, imp):
        return "%.2f%%" % (100.0 * (clicks + react + comm + rep) / imp) if imp else "0.00%"
    rows.append((d, organic, sponsored, organic + sponsored, unique, clicks_o, clicks_s,
                 clicks_o + clicks_s, react_o, react_s, react_o + react_s, comm_o, comm_s,
                 comm_o + comm_s, rep_o, rep_s, rep_o + rep_s,
                 rate(clicks_o, react_o, comm_o, rep_o, organic),
                 rate(clicks_s, react_s, comm_s, rep_s, sponsored),
                 rate(clicks_o + clicks_s, react_o + react_s, comm_o + comm_s, rep_o + rep_s,
                      organic + sponsored), int(li_followers)))

with open(os.path.join(HERE, "linkedin-metrics.csv"), "w", encoding="utf-8", newline="") as f:
    header = ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
              "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)",
              "Clicks (total)", "Reactions (organic)", "Reactions (sponsored)", "Reactions (total)",
              "Comments (organic)", "Comments (sponsored)", "Comments (total)", "Reposts (organic)",
              "Reposts (sponsored)", "Reposts (total)", "Engagement rate (organic)",
              "Engagement rate (sponsored)", "Engagement rate (total)"]
    title = "Aggregated content metrics for Acme Outdoor, %s - %s" % (
        START.strftime("%m/%d/%Y"), END.strftime("%m/%d/%Y"))
    f.write('"%s"' % title + "," * (len(header) - 1) + "\n")
    f.write(",".join(header) + "\n")
    for r in rows:
        f.write(",".join([r[0].strftime("%m/%d/%Y")] + [str(v) for v in r[1:20]]) + "\n")

# ---- Website and listening: the generic long layout -----------------------

with open(os.path.join(HERE, "web-and-listening.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("date,channel,metric,value\n")
    for i, d in enumerate(days()):
        li = rows[i]
        f.write("%s,linkedin:acme-outdoor,followers,%d\n" % (d, li[-1]))
        sessions = int(noisy((430 if d.weekday() < 5 else 260) * season(d), 0.2))
        if viral <= d < viral + dt.timedelta(days=4):
            sessions *= 3
        bounced = int(sessions * rng.uniform(0.38, 0.52))
        conversions = int(noisy(sessions * 0.021 * (1.25 if d >= dt.date(2026, 1, 15) else 1.0), 0.35))
        f.write("%s,web:acme-outdoor.example,sessions,%d\n" % (d, sessions))
        f.write("%s,web:acme-outdoor.example,bounced_sessions,%d\n" % (d, bounced))
        f.write("%s,web:acme-outdoor.example,conversions,%d\n" % (d, conversions))
        mentions = int(noisy(38 * season(d) * (1.0 + 0.4 * (d >= dt.date(2025, 11, 18))), 0.3))
        rivals = int(noisy(95 * season(d), 0.2))
        positive = int(mentions * rng.uniform(0.35, 0.55))
        negative = int(mentions * rng.uniform(0.05, 0.14))
        f.write("%s,listening:acme-outdoor,mentions,%d\n" % (d, mentions))
        f.write("%s,listening:acme-outdoor,competitor_mentions,%d\n" % (d, rivals))
        f.write("%s,listening:acme-outdoor,positive_mentions,%d\n" % (d, positive))
        f.write("%s,listening:acme-outdoor,negative_mentions,%d\n" % (d, negative))
        f.write("%s,listening:acme-outdoor,neutral_mentions,%d\n" % (d, mentions - positive - negative))
