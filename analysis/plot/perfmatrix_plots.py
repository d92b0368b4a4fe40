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


def draw_heatmap(plt, p):
    from matplotlib.colors import TwoSlopeNorm
    rows, cols = p["rows"], p["columns"]
    cells = [[(math.log2(v) if v is not None and v > 0 else float("nan")) for v in r] for r in p["speedup"]]
    finite = [abs(v) for r in cells for v in r if not math.isnan(v)]
    span = max(max(finite, default=0.1), 0.1)  # +-0.1 in log2 = 7 %: small changes stay pale
    # Room for the row labels, the cells and the colour bar; a single cell still gets a readable
    # colour bar and title.
    label_width = 0.07 * max(len(short(r)) for r in rows)
    fig, ax = plt.subplots(figsize=(max(6.0, 2.2 + label_width + 1.1 * len(cols)), max(3.0, 1.4 + 0.32 * len(rows))))
    cmap = plt.get_cmap("RdYlGn").copy()
    cmap.set_bad("#e8e8e8")  # no comparison: grey
    image = ax.imshow(cells, cmap=cmap, norm=TwoSlopeNorm(0, -span, span), aspect="auto")
    for i, row in enumerate(p["speedup"]):
        for j, v in enumerate(row):
            verdict = p["verdict"][i][j]
            if v is None:
                ax.text(j, i, verdict or "-", ha="center", va="center", fontsize=7, color="#666")
                continue
            # Bold when the verdict is significant; plain for "no significant change".
            significant = verdict in ("faster", "slower")
            dark = v > 0 and abs(math.log2(v)) > 0.7 * span  # the ends of the colour map
            ax.text(j, i, speedup_text(v), ha="center", va="center", fontsize=8,
                    fontweight="bold" if significant else "normal", color="#fff" if dark else "#111")
    tilt = len(cols) > 4
    ax.set_xticks(range(len(cols)), [short(c, 20) for c in cols], rotation=30 if tilt else 0,
                  ha="right" if tilt else "center")
    ax.set_yticks(range(len(rows)), [short(r) for r in rows])
    ax.set_title(p["title"])
    ax.set_xlabel("compared with %s; bold: significant (faster/slower)" % p["baseline"])
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    # A few round speed-ups within the colour range, not crowded near 1.
    steps = [k for k in (0.1, 0.25, 0.5, 1, 2, 3) if span / 6 <= k <= span] or [span]
    ticks = sorted({0.0} | {s * k for k in steps for s in (-1, 1)})
    bar.set_ticks(ticks, labels=[speedup_text(2 ** t) for t in ticks])
    bar.set_label("speed-up (log scale)")
    return fig


def draw_distribution(plt, p):
    import numpy as np
    labels, values = p["labels"], p["values"]
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.42 * len(labels)))
    positions = list(range(len(labels), 0, -1))  # first case on top
    ax.boxplot(values, positions=positions, vert=False, widths=0.55, showfliers=False,
               medianprops={"color": "#c0392b", "linewidth": 2}, boxprops={"color": "#34495e"},
               whiskerprops={"color": "#34495e"}, capprops={"color": "#34495e"})
    jitter = np.random.RandomState(0)  # fixed: the same data draw the same picture
    for pos, v in zip(positions, values):
        ax.scatter(v, pos + jitter.uniform(-0.18, 0.18, len(v)), s=9, alpha=0.55, color="#2471a3",
                   linewidths=0, zorder=3)
    ax.set_yticks(positions, ["%s  (n=%d)" % (short(label), n) for label, n in zip(labels, p["counts"])])
    flat = [x for v in values for x in v]
    if flat and min(flat) > 0 and max(flat) / min(flat) > 50:
        ax.set_xscale("log")
    ax.set_xlabel("%s [%s]" % (p["metric"], p["unit"]["label"]) if p["unit"]["label"] else p["metric"])
    ax.set_title(p["title"])
    ax.grid(axis="x", alpha=0.3)
    return fig


def draw_throughput(plt, p):
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    xs = [x for s in p["series"] for x in s["x"]]
    for s in p["series"]:
        low = [m - lo for m, lo in zip(s["median"], s["low"])]
        high = [h - m for m, h in zip(s["median"], s["high"])]
        ax.errorbar(s["x"], s["median"], yerr=[low, high], marker="o", capsize=3, linewidth=1.6,
                    label=s["label"] or p["metric"])
    if xs and min(xs) > 0 and max(xs) / min(xs) >= 8:
        ax.set_xscale("log", base=2)
        # The sizes the job ran, as written, rather than powers of two.
        ticks = sorted(set(xs))
        ax.set_xticks(ticks, ["%g" % x for x in ticks])
        ax.minorticks_off()
    ax.set_xlabel(p["x_axis"])
    ax.set_ylabel("%s [%s] (median, 95%% CI)" % (p["metric"], p["unit"]["label"]))
    ax.set_ylim(bottom=0)
    ax.set_title(p["title"])
    ax.grid(alpha=0.3)
    if len(p["series"]) > 1 or p["series"][0]["label"]:
        ax.legend(fontsize=8, frameon=False)
    return fig


def draw_imports(plt, p):
    import numpy as np
    cases, unit = p["cases"], p["unit"]["label"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 1.8 + 0.5 * max(len(cases), 4)))
    colours = plt.get_cmap("tab20").colors
    y = np.arange(len(cases))[::-1]
    start = np.zeros(len(cases))
    for m, module in enumerate(p["self_modules"]):
        widths = np.array([row[m] if row[m] is not None else 0.0 for row in p["self"]])
        colour = "#bdc3c7" if module.startswith("other (") else colours[m % len(colours)]
        left.barh(y, widths, left=start, color=colour, label=short(module, 32), edgecolor="white", linewidth=0.5)
        start += widths
    left.set_yticks(y, [short(c, 28) for c in cases])
    left.set_xlabel("self import time [%s], stacked" % unit)
    left.set_title("Self time of the top modules")
    left.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    modules = p["cumulative_modules"]
    height = 0.8 / max(len(cases), 1)
    ym = np.arange(len(modules))[::-1]
    for c, case in enumerate(cases):
        widths = [v if v is not None else 0.0 for v in p["cumulative"][c]]
        right.barh(ym + (len(cases) / 2 - c - 0.5) * height, widths, height=height, label=short(case, 28),
                   color=colours[(2 * c) % len(colours)])
    right.set_yticks(ym, [short(m, 28) for m in modules])
    right.set_xlabel("cumulative import time [%s]" % unit)
    right.set_title("Cumulative time of the top modules")
    right.legend(fontsize=7, frameon=False)
    fig.suptitle(p["title"], fontweight="bold")
    return fig


def draw_tax(plt, p):
    """Tax (Python / native median time) against n: small n show the cost of a Python call, large n
    how the libraries differ. 1 is parity; the y axis is logarithmic as ratios are."""
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    xs = [x for s in p["series"] for x in s["x"]]
    for s in p["series"]:
        low = [r - lo for r, lo in zip(s["ratio"], s["low"])]
        high = [h - r for r, h in zip(s["ratio"], s["high"])]
        ax.errorbar(s["x"], s["ratio"], yerr=[low, high], marker="o", capsize=3, linewidth=1.6, label=s["label"])
    ax.axhline(1.0, color="#555", linewidth=1, linestyle="--")
    ax.set_xscale("log", base=2)
    ticks = sorted(set(xs))
    ax.set_xticks(ticks, ["%g" % x for x in ticks])
    ax.minorticks_off()
    ax.set_yscale("log")
    from matplotlib.ticker import FuncFormatter
    ratio_label = FuncFormatter(lambda v, _: "%gx" % float("%.2g" % v))  # 0.5x, 1x, 2x rather than 5x10^-1
    ax.yaxis.set_major_formatter(ratio_label)
    ax.yaxis.set_minor_formatter(ratio_label)
    ax.set_xlabel("n (%s)" % ("rows = columns" if p["op"] == "matmul" else "elements"))
    ax.set_ylabel("tax = Python / native time (median, 95% CI)")
    ax.set_title(p["title"])
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, frameon=False)
    return fig


DRAW = {"heatmap": draw_heatmap, "distribution": draw_distribution,
        "throughput": draw_throughput, "imports": draw_imports, "tax": draw_tax}


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
    if doc.get("format_version") != 1:
        sys.stderr.write("plot data format_version %r; this script draws 1\n" % doc.get("format_version"))
        return 2
    extensions = ["png", "svg"] if args.format == "both" else [args.format]
    os.makedirs(args.out_dir, exist_ok=True)
    for plot in doc["plots"]:
        fig = DRAW[plot["type"]](plt, plot)
        fig.tight_layout()
        for ext in extensions:
            path = os.path.join(args.out_dir, plot["file"] + "." + ext)
            fig.savefig(path, dpi=110, metadata={"Date": None} if ext == "svg" else None)
            if ext == "svg":
                prepare_svg_for_inlining(path, re.sub(r"[^A-Za-z0-9_-]", "_", plot["file"]) + "-")
        plt.close(fig)
        print(plot["file"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
