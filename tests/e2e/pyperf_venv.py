"""Makes (once) a virtual environment with pyperf from PyPI for tests/e2e/test_exports.py: the
fixture setup test of CTest. A venv that already imports pyperf is kept, so only the first run
of the test suite in a build directory needs the network.

    python3 pyperf_venv.py VENV_DIR
"""

import os
import shutil
import subprocess
import sys


def imports_pyperf(python):
    if not os.path.exists(python):
        return False
    r = subprocess.run([python, "-c", "import pyperf; print(pyperf.__version__)"], capture_output=True, text=True)
    if r.returncode == 0:
        print(f"pyperf {r.stdout.strip()} ready in {os.path.dirname(os.path.dirname(python))}")
    return r.returncode == 0


def main(venv):
    python = os.path.join(venv, "bin", "python")
    if imports_pyperf(python):
        return 0
    shutil.rmtree(venv, ignore_errors=True)  # a half-made one from an interrupted run
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    r = subprocess.run([python, "-m", "pip", "install", "--timeout", "30", "pyperf"],
                       capture_output=True, text=True, env=env, timeout=600)
    if r.returncode != 0:
        shutil.rmtree(venv, ignore_errors=True)
        print("could not install pyperf from PyPI into a venv (is the network down? the export tests need "
              f"PyPI once per build directory):\n{r.stdout[-2000:]}{r.stderr[-2000:]}", file=sys.stderr)
        return 1
    return 0 if imports_pyperf(python) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
