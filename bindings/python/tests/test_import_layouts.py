"""Export layouts as the platforms write them (X 2024+ content, YouTube Studio
tables by video, TikTok Studio and TikTok business files), each imported from
a fixture of our own and checked against an independent reading of the same
file with Python's csv module: the preset chosen by detection, every post and
every daily point."""
import collections
import csv
import datetime
import math
import os

import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "import")


def fixture(name):
    return os.path.join(FIXTURES, name)


def rows(name):
    with open(fixture(name), newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def number(text):
    """The missing tokens the importer documents are None, never zero."""
    text = text.strip()
    if text.lower() in ("", "-", "--", "undefined", "nan", "na", "n/a", "null", "none"):
        return None
    return float(text.replace(",", ""))


def points(ds, metric, channel):
    """A stored series as {date: value}, NaN as None."""
    s = ds.series(metric, channel)
    return {sk.format_date(int(t)): (None if math.isnan(v) else float(v))
            for t, v in zip(s.times, s.values)}


def day_sums(pairs):
    """Sum (date, value) pairs per date; a date whose values are all missing is None."""
    out = {}
    for d, v in pairs:
        if v is None:
            out.setdefault(d, None)
        else:
            out[d] = (out.get(d) or 0.0) + v
    return out


def post_figures(ds, metrics):
    """{(channel, id): (publish date, link, {metric: value or None})}."""
    out = {}
    for p in ds.posts:
        vals = {}
        for m in metrics:
            v = p.value(m)
            vals[m] = None if math.isnan(v.value) else v.value
        out[(p.channel, p.id)] = (sk.format_date(p.published), p.link, vals)
    return out


# ---- X 2024+ content export ------------------------------------------------

X_COLUMNS = {"Impressions": "impressions", "Likes": "likes", "Engagements": "engagements",
             "Bookmarks": "saves", "Share": "private_shares", "New follows": "new_followers",
             "Replies": "comments", "Reposts": "shares", "Url clicks": "link_clicks"}


def test_x_content_2025_export_matches_csv_module():
    # "Share" goes to a metric the host adds; the built-in catalog lacks it.
    cat = sk.Catalog()
    cat.add_metric("private_shares", "Private shares")
    ds = sk.Dataset(cat)
    summary = sk.import_file(ds, fixture("x_content_2025.csv"))
    assert summary.preset == sk.Preset.X_CONTENT
    want_rows = rows("x_content_2025.csv")
    assert summary.posts == len(want_rows)
    assert "Link" not in summary.ignored_columns and "Share" not in summary.ignored_columns

    got = post_figures(ds, X_COLUMNS.values())
    for r in want_rows:
        handle = r["Link"].split("/")[3]
        day = datetime.datetime.strptime(r["Date"], "%a %b %d %Y").date().isoformat()
        date, link, vals = got[("x:@" + handle, r["Post id"])]
        assert date == day and link == r["Link"]
        for col, metric in X_COLUMNS.items():
            assert vals[metric] == number(r[col]), (r["Post id"], col)
    # Daily flows by publish day: the sums of the day's posts.
    for col, metric in X_COLUMNS.items():
        want = day_sums((datetime.datetime.strptime(r["Date"], "%a %b %d %Y").date().isoformat(),
                         number(r[col])) for r in want_rows)
        have = points(ds, metric, "x:@acme")
        assert {d: have[d] for d in want} == want, col
    posts_per_day = collections.Counter(
        datetime.datetime.strptime(r["Date"], "%a %b %d %Y").date().isoformat() for r in want_rows)
    have = points(ds, "posts_published", "x:@acme")
    assert {d: have[d] for d in posts_per_day} == dict(posts_per_day)


# ---- YouTube Studio table grouped by video ---------------------------------

YT_COLUMNS = {"Views": "video_views", "Watch time (hours)": "watch_time",
              "Impressions": "impressions"}


def test_youtube_table_by_video_matches_csv_module():
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("youtube_videos.csv"))
    assert summary.preset == sk.Preset.YOUTUBE_VIDEOS
    all_rows = rows("youtube_videos.csv")
    videos = [r for r in all_rows if r["Content"] != "Total"]
    assert summary.skipped.get(sk.Skip.TOTAL) == len(all_rows) - len(videos) == 1
    assert summary.posts == len(videos)
    # Subscribers go to a metric the built-in catalog lacks: reported by name.
    assert "Subscribers" in summary.ignored_columns

    def publish_day(r):
        return datetime.datetime.strptime(r["Video publish time"], "%b %d, %Y").date().isoformat()

    def want(r, col):
        v = number(r[col])
        return v * 3600 if col == "Watch time (hours)" else v

    got = post_figures(ds, YT_COLUMNS.values())
    for r in videos:
        date, _, vals = got[("youtube:default", r["Content"])]
        assert date == publish_day(r)
        for col, metric in YT_COLUMNS.items():
            assert vals[metric] == pytest.approx(want(r, col), rel=1e-12), (r["Content"], col)
    for col, metric in YT_COLUMNS.items():
        sums = day_sums((publish_day(r), want(r, col)) for r in videos)
        have = points(ds, metric, "youtube:default")
        for d, v in sums.items():
            assert have[d] == pytest.approx(v, rel=1e-12), (col, d)
    # The Total row agrees with the videos, so nothing was lost or doubled.
    total = next(r for r in all_rows if r["Content"] == "Total")
    period = (min(publish_day(r) for r in videos), "2025-03-05")
    assert ds.value("video_views", period).value == number(total["Views"])
    # Average view duration is recomputed: watch time over views.
    assert ds.value("average_view_duration", period).value == pytest.approx(
        number(total["Watch time (hours)"]) * 3600 / number(total["Views"]), rel=1e-12)


# ---- TikTok Studio and TikTok business exports --------------------------------

# Month names as the fixtures write them, one language per file.
MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"],
}


def month_day(text, lang):
    """(month, day) of "February 28", "8 de marzo", "8. März", "26 déc.", "8 marzo"."""
    words = text.lower().replace(" de ", " ").split()
    if words[0][0].isdigit():
        day, month = words[0].rstrip("."), " ".join(words[1:])
    else:
        month, day = words[0], words[1]
    return MONTHS[lang].index(month) + 1, int(day)


def latest_on_or_before(month, day, bound):
    """The latest date with this month and day that is not after bound."""
    year = bound.year
    while True:
        try:
            d = datetime.date(year, month, day)
        except ValueError:  # February 29 of a common year
            year -= 1
            continue
        if d <= bound:
            return d
        year -= 1


def studio_days(dates, lang, export):
    """Dates of rows that run in order (oldest or newest first), the latest on
    or before the export date: each row is the latest date not after the row
    that follows it in time."""
    md = [month_day(t, lang) for t in dates]
    ascending = sum(b > a for a, b in zip(md, md[1:])) >= sum(b < a for a, b in zip(md, md[1:]))
    order = range(len(md) - 1, -1, -1) if ascending else range(len(md))
    out, bound = [None] * len(md), export
    for i in order:
        out[i] = bound = latest_on_or_before(*md[i], bound)
    return [d.isoformat() for d in out]


def check_daily(ds, name, columns, days, channel="tiktok:default"):
    """Every row's values are the points of its day; days of missing values only are absent."""
    for col, metric in columns.items():
        have = points(ds, metric, channel)
        for r, d in zip(rows(name), days):
            want = number(r[col])
            if all(number(r[c]) is None for c in columns):
                assert d not in have, (name, col, d)
            else:
                assert have.get(d, "absent") == want, (name, col, d)


STUDIO = [
    # file, language, export date, preset, columns
    ("tiktok_overview_365.csv", "en", "2026-02-28", sk.Preset.TIKTOK_OVERVIEW,
     {"Video Views": "video_views", "Likes": "likes", "Comments": "comments", "Shares": "shares"}),
    ("tiktok_viewers_es.csv", "es", "2026-01-06", sk.Preset.TIKTOK_VIEWERS,
     {"Total Viewers": "reach"}),
    ("tiktok_overview_pt.csv", "pt", "2024-03-06", sk.Preset.TIKTOK_OVERVIEW,
     {"Video Views": "video_views", "Likes": "likes"}),
    ("tiktok_followers_fr.csv", "fr", "2026-01-10", sk.Preset.TIKTOK_FOLLOWERS,
     {"Followers": "followers"}),
    ("tiktok_overview_de.csv", "de", "2026-01-02", sk.Preset.TIKTOK_OVERVIEW,
     {"Video Views": "video_views", "Shares": "shares"}),
    ("tiktok_overview_it.csv", "it", "2026-03-09", sk.Preset.TIKTOK_OVERVIEW,
     {"Video Views": "video_views", "Comments": "comments"}),
]


@pytest.mark.parametrize("name,lang,export,preset,columns", STUDIO, ids=[s[0] for s in STUDIO])
def test_tiktok_studio_years_and_languages(name, lang, export, preset, columns):
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture(name), export_date=export)
    assert summary.preset == preset
    want = rows(name)
    days = studio_days([r["Date"] for r in want], lang, datetime.date.fromisoformat(export))
    # in order, and never after the export date
    assert days == sorted(days) or days == sorted(days, reverse=True)
    assert max(days) <= export
    check_daily(ds, name, columns, days)
    assert summary.rows == len(want)


def test_tiktok_overview_of_365_days_ends_before_the_export():
    ds = sk.Dataset()
    sk.import_file(ds, fixture("tiktok_overview_365.csv"), export_date="2026-02-28")
    # February 28 opens the file in 2025; the last row with figures is February 26, 2026.
    have = points(ds, "video_views", "tiktok:default")
    assert min(have) == "2025-02-28" and max(have) == "2026-02-26"
    assert len(have) == 364


BUSINESS = [
    ("tiktok_business_daily.csv", sk.Preset.TIKTOK_OVERVIEW,
     {"Video views": "video_views", "Reached audience": "reach", "Likes": "likes",
      "Shares": "shares", "Comments": "comments", "New followers": "new_followers",
      "Lost followers": "lost_followers"}),
    ("tiktok_business_audience.csv", sk.Preset.TIKTOK_AUDIENCE,
     {"New followers": "new_followers", "Total followers": "followers",
      "Reached audience": "reach"}),
]


@pytest.mark.parametrize("name,preset,columns", BUSINESS, ids=[b[0] for b in BUSINESS])
def test_tiktok_business_daily_files(name, preset, columns):
    ds = sk.Dataset()
    # Business exports write years: no export date is needed.
    summary = sk.import_file(ds, fixture(name))
    assert summary.preset == preset
    days = [datetime.date.fromisoformat(r["Date"].replace("/", "-")).isoformat()
            for r in rows(name)]
    check_daily(ds, name, columns, days)


CONTENT = [
    ("tiktok_content.csv", "Video title", "Post time",
     {"Total likes": "likes", "Total comments": "comments", "Total shares": "shares",
      "Total views": "video_views"}),
    ("tiktok_business_videos.csv", "Video title\n", "Post time",
     {"Video views": "video_views", "Likes": "likes", "Comments": "comments",
      "Shares": "shares"}),
]


@pytest.mark.parametrize("name,title,when,columns", CONTENT, ids=[c[0] for c in CONTENT])
def test_tiktok_videos_are_posts(name, title, when, columns):
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture(name))
    assert summary.preset == sk.Preset.TIKTOK_CONTENT
    want = rows(name)
    assert summary.posts == len(want)
    got = post_figures(ds, columns.values())
    sums = collections.defaultdict(list)
    for r in want:
        link = r["Video link"]
        account = link.split("/")[3]          # "@name"
        vid = link.split("/")[5].split("?")[0]
        published = datetime.datetime.strptime(r[when].replace("/", "-"), "%Y-%m-%d %H:%M")
        date, got_link, vals = got[("tiktok:" + account, vid)]
        assert date == published.date().isoformat() and got_link == link
        for col, metric in columns.items():
            assert vals[metric] == number(r[col]), (vid, col)
            sums[(metric, "tiktok:" + account, date)].append(number(r[col]))
    assert {p.text for p in ds.posts} == {r[title] for r in want}
    for (metric, channel, date), vals in sums.items():
        assert points(ds, metric, channel)[date] == sum(vals)


def test_tiktok_studio_needs_the_export_date():
    ds = sk.Dataset()
    with pytest.raises(sk.InvalidArgumentError) as e:
        sk.import_file(ds, fixture("tiktok_viewers_es.csv"))
    assert "export date" in str(e.value)
    assert ds.channels == []


# ---- TikTok Studio headers in the account's language ---------------------

# The localized names, written out here from TikTok's interface wording
# (independently of lib/import/tiktok_headers.c), with the English column
# each stands for.
LOCALIZED = {
    "Datum": "Date", "Videoaufrufe": "Video Views", "Profilaufrufe": "Profile Views",
    "Kommentare": "Comments", "Geteilt": "Shares",
    "Fecha": "Date", "Espectadores totales": "Total Viewers",
    "Espectadores nuevos": "New Viewers", "Espectadores recurrentes": "Returning Viewers",
    "Abonnés": "Followers",
    "Différence d'abonnés par rapport à la veille": "Difference in followers from previous day",
    "Data": "Date", "Visualizações de vídeo": "Video Views",
    "Visualizações do perfil": "Profile Views", "Curtidas": "Likes",
    "Comentários": "Comments", "Compartilhamentos": "Shares",
    "Hora": "Time", "Título do vídeo": "Video title", "Link do vídeo": "Video link",
    "Horário da publicação": "Post time", "Total de curtidas": "Total likes",
    "Total de comentários": "Total comments", "Total de compartilhamentos": "Total shares",
    "Total de visualizações": "Total views",
}

LOCALIZED_DAILY = [
    # file, date language, export date, preset, columns (English name: metric)
    ("tiktok_overview_header_de.csv", "de", "2026-01-02", sk.Preset.TIKTOK_OVERVIEW,
     {"Video Views": "video_views", "Profile Views": "profile_visits", "Likes": "likes",
      "Comments": "comments", "Shares": "shares"}),
    ("tiktok_viewers_header_es.csv", "es", "2026-01-06", sk.Preset.TIKTOK_VIEWERS,
     {"Total Viewers": "reach"}),
    ("tiktok_followers_header_fr.csv", "fr", "2026-01-10", sk.Preset.TIKTOK_FOLLOWERS,
     {"Followers": "followers"}),
    ("tiktok_overview_header_pt.csv", "pt", "2024-03-06", sk.Preset.TIKTOK_OVERVIEW,
     {"Video Views": "video_views", "Profile Views": "profile_visits", "Likes": "likes",
      "Comments": "comments", "Shares": "shares"}),
]


def english_rows(name):
    return [{LOCALIZED.get(k, k): v for k, v in r.items()} for r in rows(name)]


@pytest.mark.parametrize("name,lang,export,preset,columns", LOCALIZED_DAILY,
                         ids=[s[0] for s in LOCALIZED_DAILY])
def test_tiktok_localized_headers(name, lang, export, preset, columns):
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture(name), export_date=export)
    assert summary.preset == preset
    assert summary.ignored_columns == [] or all(
        LOCALIZED.get(c, c) not in columns for c in summary.ignored_columns)
    want = english_rows(name)
    days = studio_days([r["Date"] for r in want], lang, datetime.date.fromisoformat(export))
    for col, metric in columns.items():
        have = points(ds, metric, "tiktok:default")
        for r, d in zip(want, days):
            if all(number(r[c]) is None for c in columns):
                assert d not in have
            else:
                assert have.get(d, "absent") == number(r[col]), (name, col, d)
    assert summary.rows == len(want)


def test_tiktok_localized_content_header():
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("tiktok_content_header_pt.csv"))
    assert summary.preset == sk.Preset.TIKTOK_CONTENT
    want = english_rows("tiktok_content_header_pt.csv")
    columns = {"Total likes": "likes", "Total comments": "comments", "Total shares": "shares",
               "Total views": "video_views"}
    got = post_figures(ds, columns.values())
    assert len(got) == len(want)
    for r in want:
        vid = r["Video link"].split("/")[5]
        date, link, vals = got[("tiktok:@acme.studio", vid)]
        assert date == r["Post time"][:10].replace("/", "-") and link == r["Video link"]
        assert {m: vals[m] for m in columns.values()} == {
            m: number(r[c]) for c, m in columns.items()}
    assert {p.text for p in ds.posts} == {r["Video title"] for r in want}
