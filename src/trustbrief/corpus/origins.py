"""An article's own outlet, kept apart from the origin whose copy or scoop it relays.

Own outlet, first found wins (the analyst's word first, then the address, then the text):
  sidecar    the story's sources.csv
  url        the address's domain, when data/outlets.yaml knows it
  domain     an unknown domain: the name the text prints for it ('Portview News' for
             portviewnews.com, 'Ministry of Foreign Affairs' for mfa.example.gov: its
             initials), else the domain itself; on a government's portal (gov.xx), the
             office its page names
  text       a known name alone atop the page (its logo), a credit or last line naming the
             site, the article speaking about itself ('X has learned'), an outlet's name
             printed where the byline goes
  html_meta  the page's site name (trafilatura)
  dateline   a wire dateline's agency when nothing else names the outlet (an agency's own copy)
Cited outlets ('told Agency', 'citing Outlet') never become the outlet: only the text's strong
self-references count ('X has learned').

Origin (whose text or reporting this is): the dateline agency ('PORTVIEW (Agency) -',
'/AGENCY/'), a credit line ('AGENCY/ gnews', 'Copyright ... The Example Press', 'This article
originally appeared on X'), a lede that credits a wire ('..., reports Example Press.'), an
agency's folder in the address ('/wires/afp/'), an outlet named as the byline on another
outlet's page ('By Agency' on a portal), else the outlet the lede attributes the news
to ('A-land officials tell Outlet', 'according to Agency') - anywhere in the text when a line says
the article relays another's ('Read the original') -, else the outlet itself (original
reporting). Syndicated copies of one wire story thus share one origin.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from trustbrief.corpus.datelines import Statement
from trustbrief.corpus.rules import SIDECAR_FILE

SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}
# subdomains that name an edition or a device, not a site of its own
GENERIC_SUBDOMAINS = {"www", "www2", "m", "en", "eng", "english", "amp", "mobile", "edition",
                      "news", "web", "beta", "blog", "blogs", "int", "international", "global"}
PRONOUNCEABLE = re.compile(r"[^aeiou][aeiou][^aeiou]|[^aeiou]{1,2}y")  # 'fox', 'sky': words
NAME_RUN = re.compile(r"(?:[Tt]he\s+)?[A-Z0-9][\w.&’'-]*(?:\s+[A-Z0-9][\w.&’'-]*){0,4}")
# the small words that join an institution's name, which its initials may skip ('mfa')
JOINERS = {"of", "for", "and", "the", "on", "de", "du", "des", "&"}
# a name with small joining words, as institutions are named ('Ministry of Foreign Affairs',
# 'Press Information Bureau'): sites named by its initials (mfa., pib.) print it in full
_JOINER = "|".join(re.escape(j) for j in sorted(JOINERS))
INITIALS_RUN = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:" + _JOINER + r")[ \t]+)*"
                          r"[A-Z][\w’'-]*){1,6}")


_FOLDED: dict[int, tuple] = {}  # id(names) -> (names, its size, case-folded copy, logo forms)


def canonical_lookup(names: dict[str, str]):
    """written name -> canonical outlet ('' when unknown); exact, then ignoring case and a
    trailing '.' (credit lines print 'AGENCY', 'Outlet.'), then a one-word logo form."""
    known = _FOLDED.get(id(names))
    if known is None or known[0] is not names or known[1] != len(names):
        # the folded copy is built once per loaded rules, not twice per document (it was
        # ~7 % of the corpus stage); the size is kept apart, as two names may fold alike
        if len(_FOLDED) > 32:  # rules loaded over and over (tests): keep only recent ones
            _FOLDED.clear()
        known = _FOLDED[id(names)] = (names, len(names),
                                      {k.lower(): v for k, v in names.items()},
                                      {_compact(k): v for k, v in names.items()})
    folded, compact = known[2], known[3]

    def lookup(name: str) -> str:
        name = name.strip().rstrip(".,;:")
        bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        # last, a name run together as a logo prints it ('PORTVIEWMEDIA', 'DAILYOUTLET')
        return (names.get(name) or folded.get(name.lower(), "")
                or names.get(bare) or folded.get(bare.lower(), "")
                or (compact.get(_compact(name), "") if " " not in name.strip() else ""))
    return lookup


def _compact(name: str) -> str:
    return re.sub(r"[\s.’'&-]+", "", name.lower())


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^0-9a-z]", "", name.lower())


def domain_labels(url: str) -> tuple[str, str]:
    """(host without 'www.', the site's own label): 'https://english.pravda.ru/x' ->
    ('english.pravda.ru', 'pravda'); 'news.az' -> ('news.az', 'news'); a site hosted under
    another's domain is named by its subdomain ('show.church.example.com' -> 'show')."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    parts = host.split(".")
    if len(parts) < 2:
        return host, host
    registered = 3 if len(parts) >= 3 and parts[-2] in SECOND_LEVEL else 2
    own = [p for p in parts[:-registered] if p not in GENERIC_SUBDOMAINS]
    return host, own[0] if own else parts[-registered]


def name_for_domain(url: str, text: str, name_words: tuple[str, ...] = ()) -> str:
    """The name the text prints for the site at `url` ('Portview News' for
    portviewnews.com, 'News.Pv' for news.pv), else the site's own label written as a name
    ('portview.com' -> 'Portview', 'chadnews.tv' -> 'Chad News', 'thesun.td' -> 'The Sun')."""
    host, label = domain_labels(url)
    if not host:
        return ""
    targets = {label, _fold(host.replace(".", "")), _fold(".".join(host.split(".")[-2:]))}
    best = ""
    for m in NAME_RUN.finditer(text):
        words = m.group().split()
        for i in range(len(words)):  # every run of words inside the capitalised run
            for j in range(i + 1, len(words) + 1):
                candidate = " ".join(words[i:j]).strip(".,;:’'")
                if _fold(candidate) in targets and len(candidate) > len(best):
                    best = candidate
    return (best or _initials_name(label, text)
            or "-".join(_as_name(part, name_words) for part in label.split("-") if part))


def _initials_name(label: str, text: str) -> str:
    """The longest name the text prints whose initials are the address's label ('mfa' ->
    'Ministry of Foreign Affairs', 'mofa' -> 'Ministry of Foreign Affairs' with its 'of'),
    else ''. Labels of two letters are too common to tell."""
    if not re.fullmatch(r"[a-z]{3,6}", label):
        return ""
    best = ""
    for m in INITIALS_RUN.finditer(text):
        words = m.group().split()
        whole = bool(re.fullmatch(r"[ \t]*", text[text.rfind("\n", 0, m.start()) + 1:m.start()])
                     and re.match(r"[ \t]*(?:\n|$)", text[m.end():]))  # a line of its own
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                part = words[i:j]
                if part[0].lower() in JOINERS or part[-1].lower() in JOINERS:
                    continue
                every = "".join(w[0] for w in part).lower()
                capitals = "".join(w[0] for w in part if w.lower() not in JOINERS).lower()
                name = " ".join(part)
                if label in (every, capitals) and len(name) > len(best):
                    # a masthead line naming the state first ('Republic of X Ministry of
                    # Foreign Affairs') or last ('... of X') is named in full
                    best = " ".join(words) if whole and (
                        j == len(words) or words[j].lower() == "of") else name
    return best


def _as_name(label: str, name_words: tuple[str, ...]) -> str:
    """'royanews' -> 'Roya News', 'ifpnews' -> 'IFP News', 'thesun' -> 'The Sun', 'ktbb' ->
    'KTBB' (no vowel: call letters or an acronym), 'gnews' -> 'GNews'."""
    if label.startswith("the") and len(label) >= 6:
        return "The " + _as_name(label[3:], name_words)
    tail: list[str] = []
    head = label
    for _ in range(3):
        word = next((w for w in name_words if head.endswith(w) and len(head) > len(w)), "")
        if not word:
            break
        tail.insert(0, word.capitalize())
        head = head[:-len(word)]
    # call letters and acronyms: 'ktbb', 'ifp' before 'News'; never a word like 'fox', 'sky'
    acronym = not PRONOUNCEABLE.fullmatch(head) and (
        not re.search(r"[aeiou]", head) or (bool(tail) and len(head) <= 3))
    first = head.upper() if acronym else head.capitalize()
    if tail and len(head) == 1:  # 'g' + 'News': one letter joins the word
        return first + " ".join(tail)
    return " ".join([first, *tail])


def _fuller_site_name(name: str, url: str) -> str:
    """A name a line prints as the site's own ('Published in The Example Tribune, ...') that
    holds the address's label and more ('tribune' -> 'The Example Tribune'), else ''."""
    label = domain_labels(url)[1]
    folded = _fold(name) if name else ""
    return name if len(label) >= 4 and label in folded and folded != label else ""


def own_outlet(*, side_outlet: str, url: str, url_outlet: str, statement: Statement,
               text_outlet: tuple[str, str], author_outlet: str, site_name: str,
               text: str, name_words: tuple[str, ...] = (),
               sidecar_file: str = SIDECAR_FILE) -> tuple[str, str, str]:
    """(outlet, basis, evidence); see the module docstring for the order."""
    if side_outlet:
        return side_outlet, "sidecar", sidecar_file
    if url_outlet:
        return url_outlet, "url", urlsplit(url).hostname or url
    if url and statement.outlet and domain_labels(url)[1] == "gov":
        # a government's portal (gov.xx) hosts many offices: the one its page names
        return statement.outlet, "domain", statement.outlet_evidence
    if url:  # the address is where it was published, even on a site the data does not know
        return (_fuller_site_name(statement.outlet, url) or name_for_domain(url, text, name_words),
                "domain", urlsplit(url).hostname or url)
    if statement.masthead:  # a known name atop the page, above its headline: its logo
        return statement.masthead, "text", statement.masthead
    if statement.outlet:
        # a site's handle printed in lower case ('agency/ gnews') is written as a name
        name = statement.outlet
        name = _as_name(name, name_words) if name.islower() and " " not in name else name
        return name, "text", statement.outlet_evidence
    if text_outlet[0]:
        return text_outlet[0], "text", text_outlet[1]
    if author_outlet:
        return author_outlet, "text", author_outlet
    if site_name:
        return site_name, "html_meta", site_name
    # 'PORTVIEW, July 31. /AGENCY/.', 'Oct. 2 (WIRE) --': a wire dateline at the top, the agency's
    # own copy (a 'Source: X' line at the top relays X instead; a place dateline with the
    # agency only in a credit line at the bottom, 'AGENCY/ portal', is a portal's copy)
    dateline = statement.place or not statement.relays
    if statement.origin and statement.origin_where == "head" and dateline:
        return statement.origin, "dateline", statement.origin_evidence
    return "unknown", "unknown", ""


def origin_of(statement: Statement, lede_cited: tuple[str, str], outlet: str,
              speaks_as: tuple[str, str] = ("", ""),
              url_wire: tuple[str, str] = ("", ""),
              byline: tuple[str, str] = ("", ""),
              carried: tuple[str, str] = ("", "")) -> tuple[str, str, str]:
    """(origin, basis, evidence): credit (a line of the text, then an agency's folder in the
    address, url_wire = (origin, address), then an outlet named as the byline on another's
    page, byline = (outlet, evidence): 'By Agency' on a portal; then a known outlet a line names
    as the site's own on another site's page, carried = (outlet, line)) > the outlet the text
    speaks as ('the Portview Post has learned' on another site) > a line saying the outlet compiled
    the report itself ('Information from X was used to compile this report': its own) > lede
    attribution > the outlet itself. An outlet's own dateline or copyright ('PORTVIEW
    (Outlet) -' on Outlet) credits nobody else, so the lede may still name the scoop it
    relays."""
    # the first origin a line names that is not the outlet itself (its own logo or dateline
    # credits nobody: an agency's credit further down may)
    credited = next(((name, line) for name, line in statement.origins if name != outlet),
                    (statement.origin, statement.origin_evidence))
    for name, evidence in (credited, url_wire, byline, carried, speaks_as):
        if name and name != outlet:
            return name, "credit", evidence
    if statement.compiled and outlet:
        # the outlet's own report, written from several sources: a scoop its lede cites is
        # one of them, not the text it relays
        return outlet, "self", statement.compiled
    if lede_cited[0] and lede_cited[0] != outlet:
        return lede_cited[0], "lede", lede_cited[1]
    if outlet:
        return outlet, "self", ""
    return "", "unknown", ""
