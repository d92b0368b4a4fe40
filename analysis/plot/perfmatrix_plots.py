"""Draws perfmatrix's plots with matplotlib from the data `perfmatrix` computed.

    perfmatrix_plots.py DATA.json OUT_DIR [--format png|svg|both]

DATA.json is written by analysis/plot/plot_json.cpp: every number here was computed in C++
(one implementation of the statistics); this script only draws. Each plot is written as
OUT_DIR/<file>.png and/or .svg. Exit codes: 0 drawn, 2 bad input, 3 matplotlib missing.
"""

import argparse
import json
import math
import os
import re
import sys

MISSING_MATPLOTLIB = 3
FORMAT_VERSION = 2  # of the data (analysis/plot/plot_json.hpp)


def import_pyplot():
    try:
        import matplotlib
    except ImportError:
        sys.stderr.write(
            "perfmatrix plots need the Python package matplotlib, which %s cannot import: install it "
            "(Debian/Ubuntu: apt-get install python3-matplotlib; else: pip install matplotlib), or set "
            "PERFMATRIX_PLOTS_PYTHON to an interpreter that has it\n" % sys.executable)
        sys.exit(MISSING_MATPLOTLIB)
    matplotlib.use("Agg")  # no display: files only
    # Reproducible SVGs (same data, same file), text kept as paths so they render anywhere.
    matplotlib.rcParams.update({"svg.hashsalt": "perfmatrix", "svg.fonttype": "path",
                                "font.size": 9, "axes.titlesize": 11, "axes.titleweight": "bold",
                                "axes.spines.top": False, "axes.spines.right": False})
    import matplotlib.pyplot as plt
    return plt


def short(text, width=48):
    return text if len(text) <= width else text[:width // 2 - 1] + "…" + text[-(width // 2 - 1):]


def speedup_text(v):
    return "%.2f×" % v if v < 10 else "%.1f×" % v


def speedup_tick(v):
    return "%g×" % float("%.2g" % v)  # 0.5×, 1×, 2× rather than 5×10^-1


def plain_number(v):
    return "%g" % float("%.3g" % v)  # 12.5, 0.002, 3e+04: three significant digits, no trailing zeros


def plain_formatter():
    from matplotlib.ticker import FuncFormatter
    return FuncFormatter(lambda v, _: plain_number(v))


def label_log_axis(axis, low, high, text=plain_number):
    """Plain numbers on a log axis; minor ticks labelled only at 2 and 5 (and only within two
    decades), so the labels never overlap."""
    from matplotlib.ticker import FuncFormatter
    axis.set_major_formatter(FuncFormatter(lambda v, _: text(v)))
    few = high / max(low, 1e-300) <= 100

    def minor(v, _):
        lead = round(v / 10 ** math.floor(math.log10(v) + 1e-9)) if v > 0 else 0
        return text(v) if few and lead in (2, 5) else ""
    axis.set_minor_formatter(FuncFormatter(minor))


def wrap(text, width=90):
    """Long titles and axis labels (interpreter paths) on several lines rather than cut off."""
    import textwrap
    return "\n".join(textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)) or text


def unit_label(name, unit):
    return "%s [%s]" % (name, unit["label"]) if unit["label"] else name


# Colour-blind-safe colours, all from the viridis and cividis maps: series (interpreters,
# rounds, modules) take evenly spaced viridis colours short of its pale yellow end; verdicts
# take the two ends of cividis (navy: faster, gold: slower) and a shape each, so they read
# without colour too.
def series_colours(plt, n):
    cmap = plt.get_cmap("viridis")
    if n <= 1:
        return [cmap(0.3)]
    return [cmap(0.85 * i / (n - 1)) for i in range(n)]


def verdict_styles(plt):
    cividis = plt.get_cmap("cividis")
    return {"faster": {"color": cividis(0.05), "marker": "^", "label": "faster"},
            "slower": {"color": cividis(0.8), "marker": "v", "label": "slower"},
            "no significant change": {"color": "#7f7f7f", "marker": "o", "label": "no significant change"},
            "no verdict": {"color": "#b0b0b0", "marker": "o", "label": "no verdict"}}


def verdict_style(styles, verdict):
    return styles.get(verdict, styles["no verdict"])


def readable_text_colour(rgba):
    r, g, b = rgba[:3]
    return "#111" if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "#fff"


def draw_summary(plt, p):
    """The version story: per category, one dot per compared value at its geomean speed-up with
    the 95 % CI, on a log axis around a line at 1×."""
    groups, values = p["groups"], p["values"]
    colours = series_colours(plt, len(values))
    width = 0.8 / max(len(values), 1)
    fig, ax = plt.subplots(figsize=(max(6.5, 2.0 + len(groups) * max(1.3, 0.45 * len(values))), 4.6))
    shown = [1.0]
    for j, value in enumerate(values):
        xs, ys, lo, hi = [], [], [], []
        for i in range(len(groups)):
            g = p["geomean"][i][j]
            if g is None:
                continue
            low, high = p["low"][i][j], p["high"][i][j]
            xs.append(i + (j - (len(values) - 1) / 2) * width)
            ys.append(g)
            lo.append(g - low if low is not None else 0)
            hi.append(high - g if high is not None else 0)
            shown += [g, low if low is not None else g, high if high is not None else g]
        ax.errorbar(xs, ys, yerr=[lo, hi], fmt="o", markersize=7, capsize=4, linewidth=1.6, color=colours[j],
                    label=short(value, 32), zorder=3)
        for x, y in zip(xs, ys) if len(values) <= 4 else ():  # more would overlap
            ax.annotate(speedup_text(y), (x, y), xytext=(5, 0), textcoords="offset points", fontsize=7,
                        va="center", color="#333")
    ax.axhline(1.0, color="#555", linewidth=1, linestyle="--", zorder=1)
    if len(groups) > 1:
        ax.axvline(len(groups) - 1.5, color="#bbb", linewidth=0.8)  # overall apart from the categories
    ax.set_yscale("log")
    low, high = min(shown), max(shown)
    ax.set_ylim(low / 1.2, high * 1.2)
    label_log_axis(ax.yaxis, low, high, speedup_tick)
    counts = [max(c for c in row) for row in p["cases"]]
    ax.set_xticks(range(len(groups)), ["%s\n(%d case%s)" % (g, n, "" if n == 1 else "s")
                                       for g, n in zip(groups, counts)])
    ax.get_xticklabels()[-1].set_fontweight("bold")
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylabel(wrap("speed-up vs %s" % p["baseline"], 50) + "\n(geometric mean, 95% CI; > 1: faster)")
    ax.set_title(wrap(p["title"], 64))
    ax.grid(axis="y", which="both", alpha=0.25)
    ax.legend(title=p["axis"] or "compared", fontsize=8, frameon=False, loc="upper left",
              bbox_to_anchor=(1.0, 1.0))
    return fig


def draw_forest(plt, p):
    """Every case's speed-up with its 95 % CI, coloured and shaped by verdict, a category header
    above each group, log axis, a line at 1×."""
    styles = verdict_styles(plt)
    rows = p["rows"]
    labels, positions, bold = [], [], []
    y = 0
    category = None
    placed = []
    for row in rows:
        if row["category"] != category:
            category = row["category"]
            labels.append(category or "(no category)")
            positions.append(y)
            bold.append(True)
            y -= 1
        labels.append(short(row["label"], 44))
        positions.append(y)
        bold.append(False)
        placed.append((y, row))
        y -= 1
    fig, ax = plt.subplots(figsize=(8.5, 1.3 + 0.27 * len(labels)))
    seen = set()
    for at, row in placed:
        st = verdict_style(styles, row["verdict"])
        label = st["label"] if st["label"] not in seen else None
        seen.add(st["label"])
        ax.errorbar([row["speedup"]], [at], xerr=[[row["speedup"] - row["low"]], [row["high"] - row["speedup"]]],
                    fmt=st["marker"], color=st["color"], markersize=6, capsize=2.5, linewidth=1.3, label=label,
                    mfc="white" if row["verdict"] == "no verdict" else st["color"])
        ax.annotate(speedup_text(row["speedup"]), (1.0, at), xycoords=("axes fraction", "data"), xytext=(4, 0),
                    textcoords="offset points", fontsize=7, va="center", color="#333")
    ax.axvline(1.0, color="#555", linewidth=1, linestyle="--")
    ax.set_xscale("log")
    xs = [v for _, r in placed for v in (r["low"], r["high"])] + [1.0]
    ax.set_xlim(min(xs) / 1.1, max(xs) * 1.1)
    label_log_axis(ax.xaxis, min(xs), max(xs), speedup_tick)
    ax.tick_params(axis="x", which="both", labelsize=7)
    ax.set_yticks(positions, labels)
    for tick, is_header in zip(ax.get_yticklabels(), bold):
        if is_header:
            tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(y + 0.5, 0.5)
    ax.set_xlabel(wrap("speed-up of %s vs %s (ratio of medians, 95%% CI; > 1: faster; log scale)"
                       % (p["compared"], p["baseline"])))
    ax.set_title(wrap(p["title"], 64))
    ax.grid(axis="x", which="both", alpha=0.25)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.06, 1.0))
    return fig


def suptitle(fig, title, subtitle):
    """A figure's title and a line on how to read it, wrapped to the figure's width."""
    width = max(40, int(fig.get_figwidth() * 10))
    fig.suptitle(wrap(title, width) + "\n" + wrap(subtitle, width), fontsize=10, fontweight="bold")


def grid_of(plt, count, columns, panel_width, panel_height, **kwargs):
    """count panels in rows of `columns`; the axes left over are hidden."""
    cols = max(1, min(columns, count))
    rows = (count + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(cols * panel_width, 0.9 + rows * panel_height), squeeze=False,
                             **kwargs)
    flat = [a for row in axes for a in row]
    for ax in flat[count:]:
        ax.set_visible(False)
    return fig, flat[:count]


def draw_distribution(plt, p):
    """Small multiples: a panel per combination of the other axes, on its own scale (log only past
    a decade), the compared axis's values side by side: box = quartiles, line = median, dots =
    samples."""
    import numpy as np
    panels = p["panels"]
    widest = max(len(panel["labels"]) for panel in panels)
    panel_width = max(2.8, 1.1 + 0.62 * widest)
    fig, axes = grid_of(plt, len(panels), max(1, min(4, int(16 / panel_width))), panel_width, 2.9)
    jitter = np.random.RandomState(0)  # fixed: the same data draw the same picture
    for ax, panel in zip(axes, panels):
        k = len(panel["labels"])
        colours = series_colours(plt, k)
        positions = list(range(1, k + 1))
        boxes = ax.boxplot(panel["values"], positions=positions, widths=0.6, showfliers=False, patch_artist=True,
                           medianprops={"color": "#111", "linewidth": 1.8})
        for box, colour in zip(boxes["boxes"], colours):
            box.set_facecolor(colour[:3] + (0.25,))
            box.set_edgecolor(colour)
        for pos, v, colour in zip(positions, panel["values"], colours):
            ax.scatter(pos + jitter.uniform(-0.2, 0.2, len(v)), v, s=7, alpha=0.6, color=colour, linewidths=0,
                       zorder=3)
        names = ["%s\nn=%d" % (short(label, 14), n) if label else "n=%d" % n
                 for label, n in zip(panel["labels"], panel["counts"])]
        ax.set_xticks(positions, names, fontsize=7, rotation=30 if k > 4 else 0, ha="right" if k > 4 else "center")
        if panel["log_scale"]:
            ax.set_yscale("log")
            flat = [x for v in panel["values"] for x in v]
            label_log_axis(ax.yaxis, min(flat), max(flat))
        else:
            ax.yaxis.set_major_formatter(plain_formatter())
        ax.tick_params(axis="y", which="both", labelsize=7)
        ax.set_ylabel(unit_label(p["metric"], panel["unit"]) + (" (log)" if panel["log_scale"] else ""), fontsize=8)
        ax.set_title(short(panel["title"], 40), fontsize=9, fontweight="bold")
        ax.grid(axis="y", which="major", alpha=0.3)
    suptitle(fig, p["title"], "each panel on its own scale%s; box: quartiles, line: median, dots: samples"
             % (", side by side by " + p["axis"] if p["axis"] else ""))
    return fig


def draw_timeline(plt, p):
    """Each case's samples against the run's time (one axis for every panel and every timeline
    plot of the run), coloured by round; a round's median as a line over its span."""
    import matplotlib.cm
    import matplotlib.colors
    panels = p["panels"]
    columns = 1 if len(panels) <= 6 else 2
    rows = (len(panels) + columns - 1) // columns
    fig, axes = grid_of(plt, len(panels), columns, 6.2, 1.45 if rows > 2 else 2.1, sharex=True,
                        layout="constrained")
    last_round = max(max(panel["round"]) for panel in panels)
    norm = matplotlib.colors.Normalize(vmin=0, vmax=max(last_round, 1))
    cmap = plt.get_cmap("viridis")
    for ax, panel in zip(axes, panels):
        ax.set_gid(panel["anchor"])  # the id the HTML report links the case's row to
        ax.scatter(panel["time"], panel["value"], c=[cmap(norm(r) * 0.85) for r in panel["round"]], s=8,
                   linewidths=0, zorder=3)
        for r in panel["rounds"]:
            ax.hlines(r["median"], r["start"], r["end"], color="#111", linewidth=1.4, zorder=4)
            ax.axvspan(r["start"], r["end"], color="#000", alpha=0.04, linewidth=0)
        ax.set_title(short(panel["label"], 70), fontsize=8, loc="left")
        ax.set_ylabel(panel["unit"]["label"] or p["metric"], fontsize=8)
        ax.yaxis.set_major_formatter(plain_formatter())
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.25)
    axes[0].set_xlim(0, max(p["duration"], 1e-3) * 1.01)
    bottom = axes[-columns:] if len(axes) >= columns else axes
    for ax in bottom:
        ax.set_xlabel("seconds since the run's first round began", fontsize=8)
        ax.xaxis.set_tick_params(labelbottom=True)
    bar = fig.colorbar(matplotlib.cm.ScalarMappable(norm=matplotlib.colors.Normalize(0, max(last_round, 1) / 0.85),
                                                    cmap=cmap), ax=axes, shrink=0.6, pad=0.01)
    bar.set_label("round")
    bar.set_ticks(range(0, last_round + 1, max(1, (last_round + 1) // 8)))
    bar.ax.set_ylim(0, max(last_round, 1))
    suptitle(fig, p["title"], "a dot per measured sample, coloured by round and spread evenly over it (its "
             "process, start to end); grey bands: rounds; black lines: round medians")
    return fig


def draw_heatmap(plt, p):
    from matplotlib.colors import TwoSlopeNorm
    rows, cols = p["rows"], p["columns"]
    cells = [[(math.log2(v) if v is not None and v > 0 else float("nan")) for v in r] for r in p["speedup"]]
    finite = [abs(v) for r in cells for v in r if not math.isnan(v)]
    span = max(max(finite, default=0.1), 0.1)  # +-0.1 in log2 = 7 %: small changes stay near the middle
    # Room for the row labels, the cells and the colour bar; a single cell still gets a readable
    # colour bar and title.
    label_width = 0.07 * max(len(short(r)) for r in rows)
    fig, ax = plt.subplots(figsize=(max(6.0, 2.2 + label_width + 1.1 * len(cols)), max(3.0, 1.4 + 0.32 * len(rows))))
    # cividis reversed: faster is navy and slower gold, as in the forest plots.
    cmap = plt.get_cmap("cividis_r").copy()
    cmap.set_bad("#f0f0f0")  # no comparison: pale grey
    norm = TwoSlopeNorm(0, -span, span)
    image = ax.imshow(cells, cmap=cmap, norm=norm, aspect="auto")
    for i, row in enumerate(p["speedup"]):
        for j, v in enumerate(row):
            verdict = p["verdict"][i][j]
            if v is None:
                ax.text(j, i, verdict or "-", ha="center", va="center", fontsize=7, color="#666")
                continue
            # Bold when the verdict is significant; plain for "no significant change".
            significant = verdict in ("faster", "slower")
            colour = readable_text_colour(cmap(norm(math.log2(v)))) if v > 0 else "#111"
            ax.text(j, i, speedup_text(v), ha="center", va="center", fontsize=8,
                    fontweight="bold" if significant else "normal", color=colour)
    tilt = len(cols) > 4
    ax.set_xticks(range(len(cols)), [short(c, 20) for c in cols], rotation=30 if tilt else 0,
                  ha="right" if tilt else "center")
    ax.set_yticks(range(len(rows)), [short(r) for r in rows])
    ax.set_title(p["title"])
    ax.set_xlabel(wrap("compared with %s; bold: significant (faster/slower); navy: faster, gold: slower"
                       % p["baseline"]))
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    # A few round speed-ups within the colour range, not crowded near 1.
    steps = [k for k in (0.1, 0.25, 0.5, 1, 2, 3) if span / 6 <= k <= span] or [span]
    ticks = sorted({0.0} | {s * k for k in steps for s in (-1, 1)})
    bar.set_ticks(ticks, labels=[speedup_text(2 ** t) for t in ticks])
    bar.set_label("speed-up (log scale)")
    return fig


def draw_lines(plt, ax, series, key, fallback_label):
    """A line per series through s[key] against s["x"], bars from s["low"] to s["high"]; a
    viridis colour and a marker shape each."""
    markers = "os^vDP"
    for k, (s, colour) in enumerate(zip(series, series_colours(plt, len(series)))):
        low = [v - lo for v, lo in zip(s[key], s["low"])]
        high = [hi - v for v, hi in zip(s[key], s["high"])]
        ax.errorbar(s["x"], s[key], yerr=[low, high], marker=markers[k % len(markers)], capsize=3, linewidth=1.6,
                    color=colour, label=s["label"] or fallback_label)


def draw_throughput(plt, p):
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    xs = [x for s in p["series"] for x in s["x"]]
    draw_lines(plt, ax, p["series"], "median", p["metric"])
    if xs and min(xs) > 0 and max(xs) / min(xs) >= 8:
        ax.set_xscale("log", base=2)
        # The sizes the job ran, as written, rather than powers of two.
        ticks = sorted(set(xs))
        ax.set_xticks(ticks, ["%g" % x for x in ticks])
        ax.minorticks_off()
    ax.set_xlabel(p["x_axis"])
    ax.set_ylabel("%s (median, 95%% CI)" % unit_label(p["metric"], p["unit"]))
    ax.set_ylim(bottom=0)
    ax.set_title(p["title"])
    ax.grid(alpha=0.3)
    if len(p["series"]) > 1 or p["series"][0]["label"]:
        ax.legend(fontsize=8, frameon=False)
    return fig


def draw_imports(plt, p):
    """Left: each case's self import time stacked by module, the larger segments labelled in
    place, so a module can be followed from one interpreter to the next. Right: cumulative time
    of the top modules, a bar per case."""
    import numpy as np
    cases, unit = p["cases"], p["unit"]["label"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(15, 2.8 + 0.55 * max(len(cases), 4)),
                                      gridspec_kw={"width_ratios": [1.5, 1]})
    modules = p["self_modules"]
    palette = series_colours(plt, len(modules))
    y = np.arange(len(cases))[::-1]
    start = np.zeros(len(cases))
    totals = [sum(v for v in row if v is not None) for row in p["self"]]
    widest = max(totals, default=0) or 1
    header = []  # (x, module): names over the top bar for segments too narrow to hold one
    for m, module in enumerate(modules):
        widths = np.array([row[m] if row[m] is not None else 0.0 for row in p["self"]])
        colour = (0.82, 0.82, 0.82, 1.0) if module.startswith("other (") else palette[m]
        # A legend leaves out labels that start with "_" (_ssl, _io): a space keeps them.
        left.barh(y, widths, left=start, color=colour, label=" " + short(module, 32), edgecolor="white", linewidth=0.6,
                  height=0.7)
        name = module.split(" (")[0]
        for k, (yi, x0, w) in enumerate(zip(y, start, widths)):
            if w >= 0.012 * len(name) * widest:  # room for the name
                left.text(x0 + w / 2, yi, name, ha="center", va="center", fontsize=6.5,
                          color=readable_text_colour(colour))
            elif k == 0 and w > 0:
                header.append((x0 + w / 2, name))
        start += widths
    for x, name in header:
        left.annotate(short(name, 24), (x, y[0] + 0.36), xytext=(0, 3), textcoords="offset points", rotation=50,
                      ha="left", va="bottom", fontsize=6.5, color="#222")
    left.set_ylim(-0.6, len(cases) - 0.4 + (0.9 if header else 0))
    left.set_yticks(y, [short(c, 28) for c in cases])
    left.set_xlabel("self import time [%s], stacked by module (median over the runs)" % unit)
    left.set_title("Self time of the top modules")
    left.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    top = p["cumulative_modules"]
    colours = series_colours(plt, len(cases))
    height = 0.8 / max(len(cases), 1)
    ym = np.arange(len(top))[::-1]
    for c, case in enumerate(cases):
        widths = [v if v is not None else 0.0 for v in p["cumulative"][c]]
        right.barh(ym + (len(cases) / 2 - c - 0.5) * height, widths, height=height, label=short(case, 28),
                   color=colours[c])
    right.set_yticks(ym, [short(m, 28) for m in top])
    right.set_xlabel("cumulative import time [%s] (median over the runs)" % unit)
    right.set_title("Cumulative time of the top modules")
    right.legend(fontsize=7, frameon=False)
    fig.suptitle(p["title"], fontweight="bold")
    return fig


def draw_tax(plt, p):
    """Tax (Python / native median time) against n: small n show the cost of a Python call, large n
    how the libraries differ. 1 is parity; the y axis is logarithmic as ratios are."""
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    xs = [x for s in p["series"] for x in s["x"]]
    draw_lines(plt, ax, p["series"], "ratio", "")
    ax.axhline(1.0, color="#555", linewidth=1, linestyle="--")
    ax.set_xscale("log", base=2)
    ticks = sorted(set(xs))
    ax.set_xticks(ticks, ["%g" % x for x in ticks])
    ax.minorticks_off()
    ax.set_yscale("log")
    ratios = [v for s in p["series"] for v in s["low"] + s["high"] if v is not None and v > 0] or [1.0]
    label_log_axis(ax.yaxis, min(ratios), max(ratios), speedup_tick)
    ax.set_xlabel("n (%s)" % ("rows = columns" if p["op"] == "matmul" else "elements"))
    ax.set_ylabel("tax = Python / native time (median, 95% CI)")
    ax.set_title(p["title"])
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, frameon=False)
    return fig


DRAW = {"summary": draw_summary, "heatmap": draw_heatmap, "forest": draw_forest,
        "distribution": draw_distribution, "timeline": draw_timeline, "throughput": draw_throughput,
        "imports": draw_imports, "tax": draw_tax}


def prepare_svg_for_inlining(path, prefix):
    """Make the ids of one SVG unique to it: the HTML report inlines several SVGs in one page,
    where matplotlib's ids (glyphs, clip paths) of different plots would otherwise collide.
    Drop the RDF metadata (creator credits with web addresses): the page has no external URL."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    if ids:
        pattern = re.compile(r'(\bid="|#)(%s)\b' % "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)))
        text = pattern.sub(lambda m: m.group(1) + prefix + m.group(2), text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("out_dir")
    parser.add_argument("--format", choices=["png", "svg", "both"], default="png")
    args = parser.parse_args(argv)
    plt = import_pyplot()
    try:
        with open(args.data, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write("cannot read the plot data %s: %s\n" % (args.data, e))
        return 2
    if doc.get("format_version") != FORMAT_VERSION:
        sys.stderr.write("plot data format_version %r; this script draws %d\n"
                         % (doc.get("format_version"), FORMAT_VERSION))
        return 2
    extensions = ["png", "svg"] if args.format == "both" else [args.format]
    os.makedirs(args.out_dir, exist_ok=True)
    for plot in doc["plots"]:
        fig = DRAW[plot["type"]](plt, plot)
        if fig.get_layout_engine() is None:  # the timelines lay themselves out (constrained)
            fig.tight_layout()
        for ext in extensions:
            path = os.path.join(args.out_dir, plot["file"] + "." + ext)
            fig.savefig(path, dpi=110, metadata={"Date": None} if ext == "svg" else None)
            if ext == "svg":
                prepare_svg_for_inlining(path, plot["id_prefix"])
        plt.close(fig)
        print(plot["file"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
