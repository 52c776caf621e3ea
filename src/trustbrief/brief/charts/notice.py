"""The notice ledger chart (Altair): operation by operation, the notice reported.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from trustbrief.brief.charts.common import no_data_chart
from trustbrief.brief.style import (
    CHAR_PX,
    FONT,
    FONT_PX,
    GRID,
    LIGHT_GREY,
    MUTED,
    NOTICE_COLORS,
    PLOT_WIDTH,
    color_scale,
)
from trustbrief.brief.views.cells import (
    as_list,
    event_span,
    short,
    short_day,
    text_column,
    unique_row_labels,
)
from trustbrief.brief.views.notice import (
    NOTICE_X,
    account_groups,
    accounts_text,
    parse_accounts,
)

NARROW_BELOW = 420  # px: narrower charts are a phone's variant
LABEL_LINES = 4  # an operation's label wraps to at most this many lines (a phone needs four)
LINE_PX = round(FONT_PX * 1.2)  # one line of an axis label at the theme's font size


def notice_ledger_chart(notice_ledger: pd.DataFrame | None, documents: pd.DataFrame | None = None,
                        *, width: int = PLOT_WIDTH, label_chars: int = 48
                        ) -> alt.LayerChart | alt.Chart:
    """Operation by operation (sorted by date, undated last), how much notice the observer got,
    as reported; the tooltip lists the accounts by outlet."""
    if notice_ledger is None or notice_ledger.empty:
        return no_data_chart("No operations with a notice account in this period.", width)
    narrow = width < NARROW_BELOW  # a phone: angled notice names, a title on two lines
    room_px = width * (0.4 if narrow else 0.5)  # the labels' share of the chart's width
    data = ledger_rows(notice_ledger, documents,
                       min(label_chars, int((room_px - 8) // CHAR_PX)))
    order = list(data["row"])
    longest = max(len(line) for t in order for line in t.split("\n"))
    label_px = min(longest * CHAR_PX + 8, room_px)
    lines = max(t.count("\n") + 1 for t in order)
    plot_w = width - label_px - (40 if narrow else 0)  # room for the last angled name
    y = alt.Y("row:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False, labelPadding=6,
                            labelExpr="split(datum.value, '\\n')"))  # one text line each
    xs = alt.Scale(domain=[-0.5, NOTICE_X["unknown"] + 0.6], nice=False, zero=False)
    x_axis = alt.Axis(values=list(NOTICE_X.values()), labelExpr=_notice_label_expr(),
                      title=["advance notice as reported", "(beside each dot: accounts)"]
                      if narrow else "advance notice as reported (beside each dot: accounts)",
                      grid=False, domain=False, ticks=False, orient="top",
                      labelAngle=-40 if narrow else 0, labelAlign="left" if narrow else "center",
                      labelOverlap=not narrow)  # angled names do not collide
    base = alt.Chart(data).encode(y=y)
    guide = pd.DataFrame({"x": [(NOTICE_X["days"] + NOTICE_X["unknown"]) / 2]})
    tooltip = [alt.Tooltip("row:N", title="operation"), alt.Tooltip("notice:N"),
               alt.Tooltip("accounts:Q"), alt.Tooltip("by_outlet:N", title="accounts by outlet"),
               alt.Tooltip("outlets:N"), alt.Tooltip("evidence:N")]
    layers = [
        base.mark_rule(color=GRID, strokeWidth=1).encode(
            x=alt.X("lo:Q", scale=xs, axis=x_axis), x2="hi:Q").transform_calculate(
            lo=f"{NOTICE_X['none']}", hi=f"{NOTICE_X['unknown']}"),
        alt.Chart(guide).mark_rule(color=LIGHT_GREY, strokeDash=[3, 3]).encode(
            x=alt.X("x:Q", scale=xs, axis=x_axis)),
        base.mark_point(filled=True, size=140, opacity=1).encode(
            x=alt.X("x:Q", scale=xs, axis=x_axis),
            color=alt.Color("notice:N", scale=color_scale(NOTICE_COLORS), legend=None),
            tooltip=tooltip),
        base.mark_text(align="left", baseline="middle", font=FONT, fontSize=FONT_PX,
                       color=MUTED, dx=10).encode(
            x=alt.X("x:Q", scale=xs, axis=x_axis), text="accounts_text:N"),
    ]
    row_px = max(26, LINE_PX * lines + 6)
    return alt.layer(*layers).properties(width=plot_w, height=max(row_px * len(order), 40))


def ledger_rows(notice_ledger: pd.DataFrame, documents: pd.DataFrame | None,
                label_chars: int) -> pd.DataFrame:
    """One row per operation, by date: its notice, x position, accounts and tooltip texts."""
    rows = []
    for r in notice_ledger.assign(**{c: text_column(notice_ledger, c) for c in
                                     ("event_id", "label", "date", "notice", "accounts",
                                      "n_accounts", "evidence", "outlets",
                                      "date_precision", "date_earliest",
                                      "date_latest")}).itertuples():
        notice = r.notice if r.notice in NOTICE_X else "unknown"
        total, split = parse_accounts(r.n_accounts or r.accounts)
        # a month-dated operation: 'Feb', no day; one dated to a few days: '8–9 Oct'
        when = short_day(r.date, r.date_precision, event_span(r))
        rows.append({"event_id": r.event_id, "sort": r.date or "9999", "notice": notice,
                     "row": f"{when} · {r.label or r.event_id}",
                     "x": NOTICE_X[notice], "accounts": total,
                     "accounts_text": (str(total) + _dissent(r.accounts, notice))
                     if total else "",
                     "split": ", ".join(f"{k}: {v}" for k, v in split.items()),
                     "by_outlet": short(accounts_text(r.accounts, documents), 240) or "-",
                     "evidence": short(r.evidence, 240),
                     "outlets": ", ".join(as_list(r.outlets)) or "unknown outlet"})
    data = pd.DataFrame(rows).sort_values(["sort", "event_id"]).reset_index(drop=True)
    # whole labels on up to LABEL_LINES lines (a label cut at the chart's edge told the reader
    # half an operation); unique first, so two operations of one wording stay two rows
    data["row"] = [wrapped(text, label_chars) for text in
                   unique_row_labels(list(data["row"]), label_chars * LABEL_LINES)]
    return data


def _dissent(accounts: str, notice: str) -> str:
    """' (1 says minutes)': the accounts that give another notice than the dot's, so an
    operation whose sources differ shows it beside the dot, not only in the tooltip."""
    other = [f"{len(names)} {'says' if len(names) == 1 else 'say'} {level}"
             for level, names in account_groups(accounts) if level and level != notice]
    return f" ({', '.join(other)})" if other else ""


def wrapped(text: str, width: int) -> str:
    """The text on lines of at most `width` characters joined by newlines (the axis draws
    each line), at most LABEL_LINES of them."""
    return "\n".join(textwrap.wrap(text, width, max_lines=LABEL_LINES, placeholder="…"))


def _notice_label_expr() -> str:
    parts = [f"datum.value == {x} ? '{name}'" for name, x in NOTICE_X.items()]
    return " : ".join(parts) + " : ''"
