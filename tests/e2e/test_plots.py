"""perfmatrix plot and report --html on a real small run under real mpirun: the plot files exist
and parse, and the HTML page, opened in Debian's headless chromium, has its tables and inline
SVG plots and does not render blank. Without matplotlib: a clear error naming the package."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

from e2e_support import E2ETest, benchmark, job_toml, perfmatrix, run_job, spawn

# Debian's python3 exists on every machine this runs on (pyenv's interpreters may not). One
# interpreter: the python axis does not vary, so the heatmap takes the first axis that does
# (flag), as `perfmatrix plot` does by default.
PYTHONS = ["/usr/bin/python3"]

JOB = job_toml(
    spawn("start", ["{python}", "{flag}", "-c", "pass"], {"python": PYTHONS, "flag": ["-S", "-I"]}),
    benchmark("imports", "python_workload", {"python": PYTHONS}, python="{python}", workload="importtime",
              sample_time=0.01, repetitions=5),
    benchmark("dot", "blas_dot", {"n": [4096, 65536]}, n="{n}", min_batch_time=0.005),
    spawn("broken", ["/bin/false"]),
    warmup=1, repetitions=8, timeout=60)

# The plots this job gives (file stems): the version story along flag (per-category summary,
# heatmap, the forest of -I against -S), a distribution and a timeline per benchmark with ok
# cases, GFLOP/s against n, the -X importtime breakdown.
PLOTS = ["summary-flag", "speedup-flag", "forest-flag--I", "distribution-start", "distribution-imports",
         "distribution-dot", "timeline-start", "timeline-imports", "timeline-dot", "throughput-dot",
         "imports-imports"]


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def png_colours(path):
    """Distinct colours of a PNG, read with matplotlib (Debian's python3-matplotlib)."""
    import matplotlib.image
    import numpy as np
    pixels = matplotlib.image.imread(path)
    flat = (pixels.reshape(-1, pixels.shape[-1]) * 255).astype(np.uint8)
    return len(np.unique(flat, axis=0)), pixels.shape


class Plots(E2ETest):
    @classmethod
    def setUpClass(cls):
        missing = [p for p in PYTHONS if not os.access(p, os.X_OK)]
        if missing:
            raise AssertionError("this test needs Debian's python3 as %s" % " and ".join(missing))
        cls.shared = tempfile.mkdtemp(prefix="perfmatrix-e2e-plots-")
        cls.results = run_job(cls.shared, "plots", JOB)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.shared, ignore_errors=True)

    def perfmatrix(self, *args, env=None):
        return perfmatrix(*args, env=dict(os.environ, **(env or {})))

    def test_plot_writes_every_plot_as_png_and_svg(self):
        out = os.path.join(self.dir, "plots")
        r = self.perfmatrix("plot", self.results, "--out-dir", out, "--format", "both")
        self.assertEqual(r.returncode, 0, r.stderr)
        expected = sorted(s + ext for s in PLOTS for ext in (".png", ".svg"))
        self.assertEqual(sorted(os.listdir(out)), expected)  # and nothing else (the data file is gone)
        self.assertEqual(sorted(os.path.basename(p) for p in r.stdout.split()), expected)
        for stem in PLOTS:
            colours, shape = png_colours(os.path.join(out, stem + ".png"))
            self.assertGreater(colours, 20, stem)  # drawn, not an empty canvas
            self.assertGreater(shape[0] * shape[1], 200 * 200, stem)
            root = ET.parse(os.path.join(out, stem + ".svg")).getroot()
            self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg", stem)
            self.assertGreater(len(list(root.iter("{http://www.w3.org/2000/svg}path"))), 10, stem)

    def test_bad_axis_and_format_are_refused(self):
        out = os.path.join(self.dir, "plots")
        r = self.perfmatrix("plot", self.results, "--out-dir", out, "--axis", "nope")
        self.assertEqual(r.returncode, 2)
        self.assertIn("nope", r.stderr)
        r = self.perfmatrix("plot", self.results, "--out-dir", out, "--format", "gif")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--format", r.stderr)

    def test_html_report_opens_in_headless_chromium_with_tables_and_plots(self):
        browser = chromium()
        if browser is None:
            self.fail("chromium not found on PATH: install Debian's chromium (scripts/install-deps.sh does)")
        page = os.path.join(self.dir, "report.html")
        r = self.perfmatrix("report", self.results, "--html", page)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("%d plots inlined" % len(PLOTS), r.stderr)
        with open(page, encoding="utf-8") as f:
            html = f.read()
        # Self-contained: no address but the SVG/XLink namespace names (identifiers, never fetched).
        addresses = set(re.findall(r"https?://[^\s\"'<>]+", html)) - {"http://www.w3.org/2000/svg",
                                                                     "http://www.w3.org/1999/xlink"}
        self.assertEqual(addresses, set())
        self.assertNotIn("<script", html)

        profile = os.path.join(self.dir, "chromium-profile")
        # --no-sandbox: this kernel (gVisor) and containers run as root offer no user namespaces;
        # --disable-gpu: no GPU; a profile of its own so parallel runs do not share one.
        base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=1280,2400"]
        url = "file://" + page
        dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
        self.assertEqual(dom.returncode, 0, dom.stderr[-2000:])
        doc = dom.stdout
        self.assertEqual(doc.count("<svg"), len(PLOTS), "inline SVG plots in the rendered DOM")
        self.assertGreaterEqual(doc.count("<table"), 8)
        for section in ('id="summary"', 'id="comparison"', 'id="bench-start"', 'id="bench-dot"',
                        'id="bench-imports"', 'id="problems"'):
            self.assertIn(section, doc)
        self.assertIn("/bin/false", doc.replace("&quot;", '"'))  # the failed case is listed, with its job text
        self.assertIn("nonzero_exit", doc)
        # The version story is the first picture; every plot is inlined, each with its own ids.
        figures = re.findall(r'<figure class="plot"><svg.*?<figcaption>(.*?)</figcaption>', doc, re.S)
        self.assertEqual(len(figures), len(PLOTS))
        self.assertTrue(figures[0].startswith("Geometric-mean speed-up per category against flag=-S"), figures[0])
        for stem in PLOTS:
            self.assertTrue('id="%s-' % stem in doc, "no SVG ids of %s in the page" % stem)
        for caption in ("Speed-up of every compared case with its 95% CI", "a panel per combination",
                        "on the run's one time axis"):
            self.assertIn(caption, doc)
        # Each ok case's statistics row links to its panel in the timeline, and the panel is there.
        links = re.findall(r'<a href="#(timeline-[^"]+)">samples</a>', doc)
        self.assertEqual(len(set(links)), 5)  # every ok case: start x2, imports, dot x2 (not broken)
        ids = set(re.findall(r'\bid="([^"]+)"', doc))
        self.assertEqual([link for link in links if link not in ids], [])

        shot = os.path.join(self.dir, "report.png")
        r = subprocess.run(base + ["--screenshot=" + shot, url], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        colours, shape = png_colours(shot)
        self.assertEqual(shape[:2], (2400, 1280))
        # A blank or unstyled page has a handful of colours; tables, cards and plots give hundreds.
        self.assertGreater(colours, 200, "the screenshot looks blank")

    def test_without_matplotlib_plot_fails_clearly_and_the_reports_still_work(self):
        # A matplotlib that cannot be imported, ahead of the real one on the path.
        fake = os.path.join(self.dir, "fake")
        os.makedirs(os.path.join(fake, "matplotlib"))
        with open(os.path.join(fake, "matplotlib", "__init__.py"), "w") as f:
            f.write("raise ImportError('No module named matplotlib (test double)')\n")
        env = {"PYTHONPATH": fake, "PERFMATRIX_PLOTS_PYTHON": "/usr/bin/python3"}
        r = self.perfmatrix("plot", self.results, "--out-dir", os.path.join(self.dir, "p"), env=env)
        self.assertEqual(r.returncode, 1)
        self.assertIn("matplotlib", r.stderr)
        self.assertIn("python3-matplotlib", r.stderr)
        page = os.path.join(self.dir, "report.html")
        r = self.perfmatrix("report", self.results, "--html", page, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("plots left out", r.stderr)
        with open(page, encoding="utf-8") as f:
            html = f.read()
        self.assertIn("Plots are missing from this report", html)
        self.assertNotIn("<svg", html)
        self.assertIn('id="bench-start"', html)
        text = self.perfmatrix("report", self.results, env=env)
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assertIn("start: wall_time", text.stdout)


if __name__ == "__main__":
    unittest.main()
