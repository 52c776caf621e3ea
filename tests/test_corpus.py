"""Unit tests for trustbrief.corpus with short invented articles in several outlets' styles."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustbrief import corpus
from trustbrief.knowledge import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"
STORY_FILES = DATA / "stories" / "us-israel"  # the default story's sidecar


@functools.lru_cache(maxsize=1)
def cached_rules() -> corpus.CorpusRules:
    return corpus.load_rules(DATA)


@pytest.fixture(scope="module")
def rules() -> corpus.CorpusRules:
    return cached_rules()


def raw_frame(articles: dict[str, str]) -> pd.DataFrame:
    rows = [{"file": name, "sha256": hashlib.sha256(text.encode()).hexdigest(), "text": text,
             "encoding": "utf-8", "n_bytes": len(text.encode())}
            for name, text in articles.items()]
    return pd.DataFrame(rows, columns=corpus.RAW_COLUMNS)


def build(rules, articles: dict[str, str], sidecar=None):
    return corpus.build_corpus(raw_frame(articles), rules, sidecar)


def one(rules, text: str, sidecar=None):
    docs, sents = build(rules, {"a.txt": text}, sidecar)
    return docs.iloc[0], sents


def assert_offsets(raw: pd.DataFrame, sents: pd.DataFrame) -> None:
    texts = dict(zip(raw["file"], raw["text"], strict=True))
    docs_file = {}
    for file, sha in zip(raw["file"], raw["sha256"], strict=True):
        docs_file["d" + sha[:10]] = file
    for row in sents.itertuples():
        original = texts[docs_file[row.doc_id.split("-")[0]]]
        assert original[row.start:row.end] == row.text


# ------------------------------------------------------------------ loading the data files


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for name in ("boilerplate.yaml", "outlets.yaml", "time_expressions.yaml", "datelines.yaml"):
        shutil.copy(DATA / name, target / name)
    shutil.copy(STORY_FILES / "sources.csv", target / "sources.csv")
    return target


@pytest.mark.parametrize("old, new, reason", [
    ("name: most_read", "name: read_more", "duplicate rule name"),
    ("captures: [url]\n", "captures: [link]\n", "unknown capture"),
    ("followed_by: [published_stamp,", "followed_by: [no_such_rule,", "unknown rule"),
    ("pattern: '^exit\\s+mobile\\s+version$'", "pattern: '^exit(mobile'", "bad pattern"),
    ("  max_bytes: 2000000", "  max_bytes: lots", "non-negative number"),
])
def test_malformed_boilerplate_names_file_and_place(tmp_path, old, new, reason):
    data = copy_data(tmp_path)
    path = data / "boilerplate.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=reason) as err:
        corpus.load_rules(data)
    assert "boilerplate.yaml" in str(err.value)


def test_outlets_file_rejects_a_name_given_to_two_outlets(tmp_path):
    data = copy_data(tmp_path)
    path = data / "outlets.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("variants: [AXIOS]", "variants: [AXIOS, Reuters]"), "utf-8")
    with pytest.raises(DataFileError, match="already names"):
        corpus.load_rules(data)


def test_sidecar_header_only_gives_empty_frame():
    side = corpus.load_sidecar(STORY_FILES)
    assert list(side.columns) == corpus.SIDECAR_COLUMNS


def test_sidecar_bad_date_names_line(tmp_path):
    data = copy_data(tmp_path)
    with open(data / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("a.txt,Reuters,,2024-10-3,,,\n")
    with pytest.raises(DataFileError, match=r"sources.csv, line \d+: date"):
        corpus.load_sidecar(data)


# ------------------------------------------------------------------ reading files


def test_bad_files_are_skipped_with_one_warning_each(tmp_path, rules, caplog):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    good = "Israel weighs its response\nOfficials met on Tuesday. They did not decide.\n"
    (seeds / "good story.txt").write_text(good, encoding="utf-8")
    (seeds / "über café.md").write_text(good.replace("Tuesday", "Monday"), encoding="utf-8")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blob.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (seeds / "big.txt").write_text("word " * 400, encoding="utf-8")
    (seeds / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (seeds / "latin.txt").write_bytes("Caf\xe9 talks \x93stalled\x94 on Monday.".encode("latin-1"))
    (seeds / "bom.txt").write_bytes("\ufeffHeadline here\nA body line.".encode())
    (seeds / "wide.txt").write_bytes("Headline\nWide text, “quoted”.".encode("utf-16"))
    (seeds / ".DS_Store").write_bytes(b"\x00\x00")
    (seeds / ".gitkeep").write_bytes(b"")
    (seeds / "README.md").write_text("how to add articles", encoding="utf-8")
    small = dataclasses.replace(rules, limits={**rules.limits, "max_bytes": 1000})
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        raw = corpus.read_seeds(seeds, small)
    assert list(raw.columns)[:5] == corpus.RAW_COLUMNS
    assert list(raw["file"]) == ["bom.txt", "good story.txt", "latin.txt", "wide.txt",
                                 "über café.md"]
    messages = [r.getMessage() for r in caplog.records]
    for name, what in [("empty.txt", "empty"), ("blob.txt", "binary"), ("big.txt", "limit"),
                       ("photo.jpg", "unknown file type"), ("latin.txt", "cp1252")]:
        hits = [m for m in messages if m.startswith(f"{name}: ")]
        assert len(hits) == 1 and what in hits[0], (name, messages)
    assert not any(m.startswith((".DS_Store", ".gitkeep", "README")) for m in messages)
    assert len(messages) == 5
    by_file = raw.set_index("file")
    assert by_file.loc["latin.txt", "text"] == "Café talks “stalled” on Monday."
    assert by_file.loc["latin.txt", "encoding"] == "cp1252"
    assert by_file.loc["bom.txt", "text"].startswith("Headline")
    assert by_file.loc["wide.txt", "text"] == "Headline\nWide text, “quoted”."
    data = (seeds / "good story.txt").read_bytes()
    assert by_file.loc["good story.txt", "sha256"] == hashlib.sha256(data).hexdigest()
    docs, sents = corpus.build_corpus(raw, rules, None)
    assert list(docs["file"]) == sorted(docs["file"])
    assert all(d == "d" + s[:10] for d, s in zip(docs["doc_id"], docs["sha256"], strict=True))
    assert_offsets(raw, sents)


HTML_PAGE = """<!doctype html><html><head><title>Site | Story</title>
<link rel="canonical" href="https://www.timesofisrael.com/us-fumes/">
<meta property="article:published_time" content="2024-10-08T21:00:00Z">
<style>body { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World News Menu</a></nav>
<header><h1>US officials fume over <em>late</em> notice</h1></header>
<article><p>By Dana Cole</p><p>October 9, 2024</p>
<p>Israel told Washington about the strike minutes before it began, officials said.
The Pentagon was &quot;blindsided&quot; &amp; angry.</p>
<img src="x.png" onerror="alert('pwned')">
<p>Officials said the <b>trust</b> gap had widened &lt;script&gt;alert(1)&lt;/script&gt;.</p>
<aside>Sign up for our newsletter</aside><script>track('view')</script></article>
<footer>Copyright 2024</footer></body></html>"""


def test_html_article_text_is_safe_and_offsets_index_it(tmp_path, rules):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    raw = corpus.read_seeds(seeds, rules)
    text = raw.loc[0, "text"]
    for leftover in ("<", ">", "onerror", "alert('pwned')", "color: red", "var x", "track(",
                     "World News Menu", "newsletter", "Copyright"):
        assert leftover not in text
    assert '"blindsided" & angry' in text
    docs, sents = corpus.build_corpus(raw, rules, None)
    doc = docs.iloc[0]
    assert doc["title"] == "US officials fume over late notice"
    assert doc["author"] == "Dana Cole"
    assert (doc["published"], doc["published_basis"]) == ("2024-10-09", "stated")
    assert (doc["outlet"], doc["outlet_basis"]) == ("The Times of Israel", "url")
    assert sents["text"].str.startswith("Israel told Washington").iloc[0]
    assert_offsets(raw, sents)


def test_html_meta_date_used_when_the_text_states_none(tmp_path, rules):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    page = HTML_PAGE.replace("<p>October 9, 2024</p>", "")
    (seeds / "page.htm").write_text(page, encoding="utf-8")
    docs, _ = corpus.build_corpus(corpus.read_seeds(seeds, rules), rules, None)
    doc = docs.iloc[0]
    assert (doc["published"], doc["published_basis"]) == ("2024-10-08", "html_meta")
    assert doc["published_evidence"] == "htmldate: 2024-10-08"


# ------------------------------------------------------------------ boilerplate and metadata


def test_wire_dateline_gives_outlet_and_is_not_in_the_sentence(rules):
    text = ("Israel weighs strike on Iran oil sites\n"
            "JERUSALEM (Reuters) - Israel's security cabinet met on Tuesday. It did not decide.\n"
            "Reporting by Maayan Lubell; Editing by Alex Richardson\n")
    doc, sents = one(rules, text)
    # Nothing else names the outlet: the agency's own copy; the agency is also the origin.
    assert (doc["outlet"], doc["outlet_basis"]) == ("Reuters", "dateline")
    assert (doc["origin"], doc["origin_basis"]) == ("Reuters", "self")
    assert doc["author"] == "Maayan Lubell"
    assert list(sents["text"]) == ["Israel's security cabinet met on Tuesday.",
                                   "It did not decide."]


def test_published_on_line_is_a_stated_date(rules):
    doc, sents = one(rules, "Gallant trip called off\nPublished on October 3, 2024\n"
                            "The defence minister stayed home. Talks moved to a call.\n")
    assert (doc["published"], doc["published_earliest"], doc["published_latest"]) == (
        "2024-10-03", "2024-10-03", "2024-10-03")
    assert doc["published_basis"] == "stated"
    assert doc["published_evidence"] == "Published on October 3, 2024"
    assert len(sents) == 2


def test_updated_stamp_alone_bounds_the_article_from_above(rules):
    # Updated on Oct. 9: published then or before; the day itself is left to dating.
    doc, sents = one(rules, "Biden and Netanyahu speak\nBy Alex Ward\n"
                            "Updated Oct. 9, 2024 at 10:02 a.m. ET\n"
                            "The leaders spoke for 30 minutes, officials said.\n")
    assert (doc["published"], doc["published_latest"]) == ("", "2024-10-09")
    assert doc["author"] == "Alex Ward"
    assert list(sents["text"]) == ["The leaders spoke for 30 minutes, officials said."]


def test_day_month_year_dateline(rules):
    doc, _ = one(rules, "Iran warns Israel\n9 October 2024\nTehran said it would respond.\n")
    assert doc["published"] == "2024-10-09"


def test_times_of_israel_byline_and_self_reference(rules):
    text = ("Israel kept US in dark on Beirut strike, official says\n"
            "By Jacob Magid and Lazar Berman\n9 October 2024, 3:37 pm\n"
            "A senior US official told The Times of Israel that Washington was not warned.\n"
            "The official spoke on condition of anonymity.\n")
    doc, sents = one(rules, text)
    assert doc["author"] == "Jacob Magid and Lazar Berman"
    assert doc["published"] == "2024-10-09"
    # 'told X' may be said to any outlet: X is what the lede relays, never the outlet itself
    assert (doc["outlet"], doc["outlet_basis"]) == ("unknown", "unknown")
    assert (doc["origin"], doc["origin_basis"]) == ("The Times of Israel", "lede")
    assert not sents["text"].str.contains("Magid|3:37").any()


def test_allcaps_author_above_dateline_and_long_first_line_is_title(rules):
    text = ("The US has asked Israel several times to scale back its operations in Lebanon.\n"
            "DANA COLE\nOCTOBER 1, 2024 08:15\n"
            "Washington is frustrated, the Jerusalem Post has learned.\n")
    doc, sents = one(rules, text)
    assert doc["title_basis"] == "headline" and doc["title"].startswith("The US has asked")
    assert doc["author"] == "Dana Cole"
    assert (doc["outlet"], doc["outlet_basis"]) == ("The Jerusalem Post", "text")
    assert list(sents["text"]) == ["Washington is frustrated, the Jerusalem Post has learned."]


@pytest.mark.parametrize("text, expected", [
    # AP wire copy with a contributor line at the end
    ("Biden presses Netanyahu on Iran\nWASHINGTON (AP) — Biden spoke with Netanyahu on "
     "Wednesday. It was their first call in weeks.\nAP writer Zeke Miller contributed to this "
     "report.\n", {"outlet": "Associated Press", "author": "", "published": "",
                    "sentences": 2}),
    # NYT: a deck between headline and byline, 'Reporting from', an 'Updated' clock time
    ("U.S. Officials Say Israel Kept Them in the Dark\nThe White House was told late.\n"
     "By Patrick Kingsley and Ronen Bergman\nReporting from Jerusalem\nOct. 9, 2024\n"
     "Updated 5:04 p.m. ET\nIsraeli officials told their counterparts about the strike.\n",
     {"outlet": "unknown", "author": "Patrick Kingsley and Ronen Bergman",
      "published": "2024-10-09", "sentences": 1}),
    # Haaretz: author in title case above a dateline
    ("Gallant's Washington trip is off\nAmos Harel\nOct 9, 2024\nThe visit was canceled.\n",
     {"outlet": "unknown", "author": "Amos Harel", "published": "2024-10-09", "sentences": 1}),
    # Reuters web page: run-together timestamp, dated wire dateline, photo credit
    ("Israel delays Gallant trip\nBy Steven Scheer\nOctober 9, 20244:55 PM GMT+3Updated 2 "
     "hours ago\nJERUSALEM, Oct 9 (Reuters) - Israel postponed the visit, officials said.\n"
     "(Photo by Amir Levy/Getty Images)\nStory continues below advertisement\n",
     {"outlet": "Reuters", "author": "Steven Scheer", "published": "2024-10-09",
      "sentences": 1}),
    # MEE: the outlet's name printed where a byline goes; 'understands' self-reference
    ("Israel did not warn US, sources say\nMiddle East Eye\n9 October 2024 15:22 BST\n"
     "Israel gave no warning, sources said.\n",
     {"outlet": "Middle East Eye", "author": "", "published": "2024-10-09", "sentences": 1}),
    # Markdown: '#' headline and '##' section heading
    ("# Trust at a low ebb\n\nOfficials are frustrated. They said so.\n\n## What next\n\n"
     "Talks continue.\n", {"outlet": "unknown", "title": "Trust at a low ebb",
                            "sentences": 3}),
])
def test_other_outlet_styles(rules, text, expected):
    doc, sents = one(rules, text)
    for key, value in expected.items():
        if key == "sentences":
            assert len(sents) == value, list(sents["text"])
        else:
            assert doc[key] == value, (key, doc[key])
    assert_offsets(raw_frame({"a.txt": text}), sents)


@pytest.mark.parametrize("text", [
    "Israel to strike Iran soon: Axios\nIsrael will strike within days, Axios reported.\n",
    "US fumes\nIsrael kept the US in the dark, citing Axios, the outlet said today.\n",
    "US fumes\nAccording to the Wall Street Journal, officials were stunned.\n",
    "US fumes\nA US official told Axios that trust is low. Axios also reported more.\n",
    "Report: trust is low\nThe WSJ report said that trust is low.\n",
])
def test_cited_outlet_never_becomes_the_articles_outlet(rules, text):
    doc, _ = one(rules, text)
    assert doc["outlet"] == "unknown"
    assert doc["cited_outlets"], "the cited outlet is recorded"


def test_self_reference_wins_over_cited_source(rules):
    doc, _ = one(rules, "Axios: trust is low\nTrust is low, Anadolu reports, citing Axios.\n")
    assert doc["outlet"] == "Anadolu"
    assert doc["cited_outlets"] == ["Axios"]


@pytest.mark.parametrize("text, outlet", [
    # an agency's own copy names its staff as the one who reports
    ("Talks stall\nThe talks stalled on Friday, a TASS correspondent reports from the venue.\n",
     "TASS"),
    # Russian-language outlets put their own name in quotes: read even when no data file
    # knows the outlet
    ("Leader skips parade\nThe president will not attend the parade, a “Mountain Knot” "
     "blogger notes. Officials did not comment.\n", "Mountain Knot"),
])
def test_a_staff_member_reporting_names_the_outlet(rules, text, outlet):
    doc, _ = one(rules, text)
    assert (doc["outlet"], doc["outlet_basis"]) == (outlet, "text")


@pytest.mark.parametrize("text", [
    # someone talking TO an outlet's reporter: maybe not this outlet (its copy, or a citation)
    "Talks stall\nAn official told a Reuters reporter that the talks had stalled.\n",
    # the outlet's reporter is the news, not its author
    "Reporter hurt\nA Reuters reporter was injured in the strike, officials said.\n",
])
def test_a_reporter_spoken_to_or_reported_on_is_no_self_reference(rules, text):
    doc, _ = one(rules, text)
    assert doc["outlet"] == "unknown"


@pytest.mark.parametrize("masthead, outlet", [("DAILYSABAH", "Daily Sabah"),
                                              ("Middle East Eye", "Middle East Eye"),
                                              ("World", "unknown")])
def test_a_known_outlets_name_atop_the_page_is_its_masthead(rules, masthead, outlet):
    # the site's name among its date bar and weather lines; a section label is no outlet
    doc, _ = one(rules, f"09 Oct\n2025\n22° c YEREVAN\n{masthead}\nTalks stall in the capital"
                        "\n\nThe talks stalled on Friday after a long night, officials said.\n")
    assert doc["outlet"] == outlet


def test_one_word_outlet_needs_its_article(rules):
    doc, _ = one(rules, "US angry\nRep. French Hill said on Capitol Hill that trust was low.\n")
    assert (doc["outlet"], doc["cited_outlets"]) == ("unknown", [])
    doc, _ = one(rules, "US angry\nA senior official told the Hill that trust was low.\n")
    assert (doc["outlet"], doc["origin"]) == ("unknown", "The Hill")


def test_unknown_domain_is_the_outlet_and_the_text_its_origin(rules):
    # A site the data does not know still published it; the text speaks as another outlet,
    # whose copy this is.
    doc, _ = one(rules, "US angry\nTrust is low, the Jerusalem Post has learned.\n"
                        "Content retrieved from: https://news.example.org/a/1\n")
    assert (doc["outlet"], doc["outlet_basis"]) == ("Example", "domain")
    assert (doc["origin"], doc["origin_basis"]) == ("The Jerusalem Post", "credit")
    assert doc["url"] == "https://news.example.org/a/1"


@pytest.mark.parametrize("url, outlet", [
    ("https://www.timesofisrael.com/liveblog-entry/x/", "The Times of Israel"),
    ("https://english.almayadeen.net/news/politics/x", "Al Mayadeen"),
    ("http://edition.cnn.com/2024/10/09/x.html", "CNN"),
])
def test_outlet_from_url_domain(rules, url, outlet):
    doc, sents = one(rules, f"Headline here\nBody sentence one.\nContent retrieved from: {url}\n")
    assert (doc["outlet"], doc["outlet_basis"], doc["url"]) == (outlet, "url", url)
    assert list(sents["text"]) == ["Body sentence one."]


def test_sidecar_fills_gaps_and_disagreements_are_warned(rules, caplog):
    text_long = ("Officials in Washington say they were told of the strike only minutes before "
                 "it happened, which left no time to move forces in the region or to object.\n"
                 "They said trust was low.\n")
    side = pd.DataFrame([
        {"file": "a.txt", "outlet": "Politico", "url": "", "published": "2024-10-02",
         "author": "", "title": "US caught off guard", "notes": ""},
        {"file": "b.txt", "outlet": "", "url": "", "published": "2024-10-05",
         "author": "", "title": "", "notes": ""},
    ], columns=corpus.SIDECAR_COLUMNS)
    dated = "Iran warns\nPublished on October 3, 2024\nTehran said it would respond.\n"
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        docs, _ = build(rules, {"a.txt": text_long, "b.txt": dated}, side)
    a, b = docs.iloc[0], docs.iloc[1]
    assert (a["title"], a["title_basis"]) == ("US caught off guard", "sidecar")
    assert (a["published"], a["published_basis"], a["outlet"], a["outlet_basis"]) == (
        "2024-10-02", "sidecar", "Politico", "sidecar")
    assert (b["published"], b["published_basis"]) == ("2024-10-03", "stated")
    warned = [r.getMessage() for r in caplog.records if r.getMessage().startswith("b.txt")]
    assert len(warned) == 1 and "2024-10-05" in warned[0]


def test_sidecar_row_for_a_missing_file_is_warned(rules, caplog):
    side = pd.DataFrame([{"file": "gone.txt", "outlet": "", "url": "", "published": "",
                          "author": "", "title": "", "notes": ""}], columns=corpus.SIDECAR_COLUMNS)
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        build(rules, {"a.txt": "Title\nText."}, side)
    assert [r.getMessage()[:10] for r in caplog.records] == ["gone.txt: "]


def test_first_sentence_title_is_short(rules):
    text = ("Recent days have seen officials in Washington grow frustrated with their Israeli "
            "counterparts over a lack of warning before several operations, two officials said.\n"
            "The White House declined to comment.\n")
    doc, sents = one(rules, text)
    assert doc["title_basis"] == "first-sentence"
    assert len(doc["title"].split()) <= rules.limits["derived_title_max_words"]
    assert doc["title"].endswith("…") and text.startswith(doc["title"].rstrip("…"))
    assert len(sents) == 2


def test_section_label_standfirst_headings_and_labels_are_not_sentences(rules):
    text = ("WORLD\n\nUS frustrated by Israeli secrecy\n\n"
            "Israeli leaders kept Washington waiting for details of the strike plans\n\n"
            "Officials said on Monday that Israeli leaders kept Washington waiting for details "
            "of the strike plans. The delay angered the Pentagon.\n\n"
            "What comes next for the alliance\n\n"
            "Why it matters: The two allies depend on each other.\n\n"
            "Dive deeper\n\nRead more: Iran vows revenge\n\nMOST READ\n\n"
            "Ten things to know about this week.\n")
    doc, sents = one(rules, text)
    assert doc["title"] == "US frustrated by Israeli secrecy"
    assert list(sents["text"]) == [
        "Officials said on Monday that Israeli leaders kept Washington waiting for details "
        "of the strike plans.", "The delay angered the Pentagon.",
        "The two allies depend on each other."]


def test_a_trending_list_above_the_story_is_navigation_not_its_end(rules):
    text = ("Trending\n\nWorld News\n\nOct. 2, 2024 / 9:27 PM\n\n"
            "Minister opposes strike on nuclear sites\n\nBy A Reporter\n\n"
            "The minister said Wednesday that he would not support a strike. "
            "He urged restraint.\n\nTrending\n\nTen things to know about this week.\n")
    doc, sents = one(rules, text)
    assert doc["title"] == "Minister opposes strike on nuclear sites"
    assert list(sents["text"]) == [
        "The minister said Wednesday that he would not support a strike.", "He urged restraint."]


def test_hard_wrapped_paragraphs_are_joined(rules):
    text = ("US and Israel at odds\n\n"
            "The Biden administration has grown increasingly frustrated with the pace\n"
            "of information coming from Israel, according to officials familiar with\n"
            "the talks. They spoke on condition of anonymity.\n\n"
            "A second paragraph follows here with more detail about the phone call\n"
            "between the two leaders on Wednesday morning.\n")
    doc, sents = one(rules, text)
    assert doc["title"] == "US and Israel at odds"
    assert len(sents) == 3
    assert sents["text"].iloc[0].startswith("The Biden") and sents["text"].iloc[0].endswith(
        "the talks.")
    assert sents["paragraph"].tolist() == [2, 2, 3]


# ------------------------------------------------------------------ sentence splitting


@pytest.mark.parametrize("paragraph, expected", [
    ("Gen. Michael Kurilla met Lt. Gen. Herzi Halevi on Sept. 30. He left on Tuesday.", 2),
    ("Mr. Austin called Dr. Smith. The U.S. Army was not told.", 2),
    ("U.S. officials said trust was low. The U.S. Secretary of Defense agreed.", 2),
    ("Talks were held in the U.S. The next round is in Cairo.", 2),
    ("Oil rose 2.5 percent to $78.45 a barrel. Stocks fell.", 2),
    ('He said, "We will act." Then he hung up.', 2),
    ("He said, “We will act.” Then he hung up.", 2),
    ("Austin asked, “What did you say?” Gallant repeated it.", 2),
    ("John F. Kennedy and George W. Bush faced similar crises.", 1),
    ("The call ended at 3 p.m. It was their first in weeks.", 2),
    ("The call ended at 3 p.m. ET on Wednesday.", 1),
    ("Why? Because nobody was told! Officials were furious.", 3),
    ("The strike (which killed Nasrallah.) Was it planned?", 2),
    ("Officials said 125 calls took place. In 2024. Not more.", 3),
])
def test_sentence_splitting(rules, paragraph, expected):
    spans = corpus.split_sentences(paragraph, 0, len(paragraph), rules)
    assert len(spans) == expected, [paragraph[s:e] for s, e in spans]
    assert "".join(paragraph[s:e] for s, e in spans).replace(" ", "") == paragraph.replace(" ", "")


# ------------------------------------------------------------------ duplicates


def test_exact_and_near_duplicates_point_at_the_first_file(rules):
    story = ("Israel withholds plans\n"
             "Israel has refused to share the details of its planned retaliation against Iran "
             "with the Biden administration, three US officials said on Wednesday. The officials "
             "said Washington was repeatedly caught off guard by Israeli operations in Lebanon and "
             "Gaza, including the killing of Hezbollah's leader in Beirut. Defense Secretary "
             "Lloyd Austin was told only minutes before the strike began, they said.\n")
    spaced = story.upper().replace(" ", "   ")
    edited = story.replace("three US officials", "3 American officials").replace(
        "Wednesday", "Tuesday")
    other = ("Markets rally\nStocks rose sharply on Thursday as investors bet on lower rates, "
             "while oil prices slipped and the dollar weakened against the euro.\n")
    docs, _ = build(rules, {"b.txt": spaced, "a.txt": story, "c.txt": edited, "d.txt": other})
    by_file = docs.set_index("file")
    first = by_file.loc["a.txt", "doc_id"]
    assert by_file.loc["a.txt", "duplicate_of"] == ""
    assert by_file.loc["b.txt", "duplicate_of"] == first
    assert by_file.loc["c.txt", "duplicate_of"] == first
    assert by_file.loc["d.txt", "duplicate_of"] == ""


def test_identical_bytes_still_get_unique_ids(rules):
    same = "Title\nSame text here."
    docs, sents = build(rules, {"a.txt": same, "b.txt": same})
    assert docs["doc_id"].is_unique and sents["sent_id"].is_unique
    assert docs["duplicate_of"].iloc[1] == docs["doc_id"].iloc[0]


def test_duplicates_scale_to_many_distinct_documents(rules):
    texts = [f"story {i} " + " ".join(f"w{i}x{j}" for j in range(60)) for i in range(2000)]
    found = corpus.find_duplicates(texts, rules.limits)
    assert found == [None] * 2000


def _near_copies(n: int) -> list[str]:
    """Stories, each retold with a word or two changed: near copies of one another."""
    texts = []
    for i in range(n):
        story = i // 3
        words = [f"s{story}w{j}" for j in range(40)]
        words[(i * 7) % 40] = f"changed{i}"
        texts.append(" ".join(words))
    return texts


@pytest.mark.parametrize("earlier_texts", ["shorter", "other-middle", "same"])
def test_earlier_matches_give_the_matches_of_a_fresh_run(rules, earlier_texts):
    from trustbrief.corpus.dedupe import fingerprint, match_duplicates

    texts = _near_copies(30)
    before = {"shorter": texts[:-2], "same": texts,
              "other-middle": [*texts[:10], "another story entirely " * 5, *texts[11:]]}
    limits = rules.limits
    prints = [fingerprint(t.split(), limits) for t in texts]
    earlier_prints = [fingerprint(t.split(), limits) for t in before[earlier_texts]]
    fresh = match_duplicates(prints, limits)
    assert sum(m is not None for m in fresh) >= 10  # near copies found
    earlier = ([fp.key for fp in earlier_prints], match_duplicates(earlier_prints, limits))
    assert match_duplicates(prints, limits, earlier) == fresh
    # a (wrong) earlier match is taken as is for the same keys: the prefix is not compared
    wrong = (earlier[0], [None] * len(earlier[1]))
    assert match_duplicates(prints, limits, wrong)[:10] == [None] * 10


def test_shared_count_counts_common_values():
    from trustbrief.corpus.dedupe import shared_count

    rng = np.random.default_rng(3)
    for _ in range(200):
        a = np.unique(rng.integers(0, 60, size=rng.integers(0, 30)).astype(np.uint64))
        b = np.unique(rng.integers(0, 60, size=rng.integers(0, 30)).astype(np.uint64))
        assert shared_count(a, b) == len(np.intersect1d(a, b)) == shared_count(b, a)


# ------------------------------------------------------------------ frames and ids


def test_output_frames_follow_schema_and_ids(rules):
    docs, sents = build(rules, {"z.txt": "Title\nOne. Two.", "a b.txt": "Title\nThree."})
    assert list(docs.columns) == list(corpus.SCHEMA["documents"])
    assert list(sents.columns) == list(corpus.SCHEMA["sentences"])
    assert list(docs["file"]) == ["a b.txt", "z.txt"]
    doc_z = docs.set_index("file").loc["z.txt", "doc_id"]
    assert list(sents.loc[sents["doc_id"] == doc_z, "sent_id"]) == [f"{doc_z}-s001",
                                                                      f"{doc_z}-s002"]
    assert docs.set_index("file").loc["z.txt", "n_words"] == 2


def test_build_corpus_does_not_mutate_input(rules):
    raw = raw_frame({"b.txt": "Title\nOne.", "a.txt": "Title\nTwo."})
    before = raw.copy()
    corpus.build_corpus(raw, rules, None)
    pd.testing.assert_frame_equal(raw, before)


def test_empty_raw_frame_gives_empty_tables(rules):
    docs, sents = corpus.build_corpus(pd.DataFrame(columns=corpus.RAW_COLUMNS), rules, None)
    assert docs.empty and sents.empty
    assert list(docs.columns) == list(corpus.SCHEMA["documents"])


# ------------------------------------------------------------------ properties


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) | st.lists(
    st.sampled_from(["U.S.", "Gen.", "Mr.", "3.5", '."', ".”", "?", "\n", "\r\n", "\n\n", " ",
                     "By Jane Roe", "MOST READ", "Published", "on", "Axios", "(Reuters) -",
                     "OCTOBER 3, 2024", "Word", "word.", "A", "“Quote.”", "http://x.com/a.",
                     "Content retrieved from: https://jpost.com/a", "\t", "\ufeff", "#"]),
    max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_property_splitting_and_segmenting_never_crash_and_offsets_hold(text):
    rules = cached_rules()
    for seg in corpus.segment(text, rules):
        assert 0 <= seg.start <= seg.end <= len(text)
        for s, e in corpus.split_sentences(text, seg.start, seg.end, rules):
            assert seg.start <= s < e <= seg.end
    raw = raw_frame({"x.txt": text})
    docs, sents = corpus.build_corpus(raw, rules, None)
    for row in sents.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.text == row.text.strip() and row.text
    assert len(docs) == 1


def test_binary_is_told_by_the_share_of_control_characters():
    text = b"A plain line of text.\tTabbed.\r\n\x0cNext page.\n" * 10
    assert not corpus.read._is_binary(text, 0.10)
    assert corpus.read._is_binary(text + b"\x01\x1b" * 60, 0.10)
    assert not corpus.read._is_binary("Café – “quoted”".encode() * 20, 0.10)  # UTF-8 is not control


def test_rule_prefilter_lets_through_every_rule_match(rules):
    """The one-search prefilter must never turn away a paragraph some rule matches."""
    assert rules.any_rule is not None
    samples = ["Content retrieved from: https://www.example.com/story.",
               "Published on October 8, 2024", "Photo: Reuters", "Advertisement",
               "Read more: how the talks stalled", "By Jane Doe, Reuters"]
    matched = 0
    for text in samples:
        if any(r.regex.match(text) if r.kind == "prefix" else r.regex.fullmatch(text)
               for r in rules.rules):
            matched += 1
            assert rules.any_rule.match(text), text
    assert matched >= 3
    body = "US officials said Israel gave only minutes of notice before the strike in Beirut."
    assert rules.any_rule.match(body) is None


def test_rule_prefilter_keeps_each_rules_case_and_drops_when_uncombinable():
    strict = corpus.Rule("strict", re.compile("ADVERT"), (), "anywhere", "line", (), False,
                         False)
    loose = corpus.Rule("loose", re.compile("photo", re.I), (), "anywhere", "line", (), False,
                        False)
    combined = corpus.rules._any_rule((strict, loose))
    assert combined.match("ADVERT") and not combined.match("advert")
    assert combined.match("PHOTO")
    backref = corpus.Rule("twice", re.compile(r"(?P<w>\w+) (?P=w)"), ("w",), "anywhere",
                          "line", (), False, False)
    assert corpus.rules._any_rule((backref,)) is None


@pytest.mark.parametrize("furniture", [
    "Subscribe", "Edit post", "Skip to content", "12 Mar", "+ ↺ − 16 px", "Asia - Pacific",
    "Live update from the liveblog of", "Home Politics Economy Culture Sport Science",
    "3 Feb. 10:45 (UTC+2 EET)",
])
def test_page_furniture_above_the_headline_is_neither_title_nor_text(rules, furniture):
    """Short headlines stay headlines ('Talks to resume': test_corpus_datelines)."""
    text = (f"{furniture}\n\nNorthland recalls its envoy from Southland over border shooting\n\n"
            "Northland recalled its ambassador on Monday after a border shooting.\n")
    doc, sents = one(rules, text)
    assert (doc["title"], doc["title_basis"]) == (
        "Northland recalls its envoy from Southland over border shooting", "headline")
    assert list(sents["text"]) == [
        "Northland recalled its ambassador on Monday after a border shooting."]


@pytest.mark.parametrize("dateline", ["OSLO, March 3. /NTB/. ", "OSLO: ", "OSLO — "])
def test_a_dateline_is_no_title_nor_sentence(rules, dateline):
    """A house dateline ahead of the first sentence ('MOSCOW, July 31. /TASS/.', 'BEIRUT:',
    'WASHINGTON —') is page furniture: the title cut from the first sentence starts after it,
    and no sentence is the dateline alone."""
    text = (f"{dateline}The foreign ministers of Norway and Sweden met on Tuesday in Oslo to "
            "discuss fishing quotas for the coming season.\n\nThey agreed to meet again.\n")
    doc, sents = one(rules, text)
    assert doc["title_basis"] == "first-sentence"
    assert doc["title"].startswith("The foreign ministers of Norway and Sweden met")
    assert sents["text"].iloc[0].startswith("The foreign ministers")
    assert not any("OSLO" in s for s in sents["text"])


def test_a_title_cut_from_the_first_sentence_skips_captions_above_the_dateline(rules):
    """A page saved without its headline may open with photo captions; the story begins at its
    dateline, so the title is cut from the sentence after it. Without a dateline the first
    sentence stays the title's source."""
    captions = ("Subscribe\nA frigate fires its gun during an exercise in the North Sea on "
                "July 19, 2024.\n\nThe frigate was one of two ships that escorted the convoy "
                "on Tuesday. (Royal Navy)\n\n")
    story = ("OSLO — Two Norwegian frigates escorted a Swedish convoy through the strait on "
             "Tuesday, the defence ministry said.\n\nThe convoy reached port safely.\n")
    doc, sents = one(rules, captions + story)
    assert doc["title_basis"] == "first-sentence"
    assert doc["title"].startswith("Two Norwegian frigates escorted a Swedish convoy")
    assert sents["text"].iloc[0].startswith("A frigate fires its gun")  # still text
    bare = one(rules, captions.replace("Subscribe\n", "") + story.replace("OSLO — ", ""))[0]
    assert bare["title"].startswith("A frigate fires its gun during an exercise")


@pytest.mark.parametrize("caption", [
    "Two ministers shake hands in Oslo. (March 9, 2016) (Reuters)",
    "The ministers at the harbour in Bergen (U.S. Navy)",
    "The ministers at the harbour in Bergen (AFP)"])
def test_a_credited_photo_caption_above_the_headline_is_no_title(rules, caption):
    """A caption ending with its credit in brackets sits above the headline on many sites:
    the headline is the line after it; a headline's own '(VIDEO)' stays a headline."""
    text = (f"{caption}\n\nNorway and Sweden agree on fishing quotas\n\n"
            "The foreign ministers of Norway and Sweden met on Tuesday in Oslo.\n")
    doc, sents = one(rules, text)
    assert (doc["title"], doc["title_basis"]) == (
        "Norway and Sweden agree on fishing quotas", "headline")
    video = one(rules, "Norway and Sweden agree on fishing quotas (VIDEO)\n\n"
                       "The foreign ministers of Norway and Sweden met on Tuesday.\n")[0]
    assert video["title"] == "Norway and Sweden agree on fishing quotas (VIDEO)"


def test_an_asterisk_inside_a_word_is_the_texts_own_not_emphasis(rules):
    doc, _ = one(rules, "**Minister tells envoy to ‘stop bullsh*tting’**\n\n"
                        "The foreign minister of Norway spoke on Tuesday.\n")
    assert doc["title"] == "Minister tells envoy to ‘stop bullsh*tting’"
