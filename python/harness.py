# perfmatrix Python harness: runs one workload and reports its samples over an inherited pipe fd.
# The contract is python/README.md ("Protocol"). This file is only the entry point: it must parse under
# Python 2.7 so that an old interpreter gets a clear one-line message instead of a SyntaxError, which is
# why everything else lives in harness_core/ (imported only once the version check has passed).
import os
import sys

if sys.version_info < (3, 6):
    sys.stderr.write("perfmatrix harness needs Python 3.6+\n")
    sys.exit(2)

# Under -I (and, from 3.11, -P) the script's directory is not on sys.path; the harness and its workloads
# live beside this file, so put that directory first (ahead of any same-named installed package).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness_core.cli import main  # after the path is set above

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
