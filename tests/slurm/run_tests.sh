#!/usr/bin/env bash
# CTest's entry to the SLURM tests: brings up a private cluster (cluster.sh), runs
# test_slurm.py against it with the perfmatrix binary under test, and tears the cluster down by
# PID whatever happens. Fails, never skips, when SLURM or munge is missing: CI installs them
# (scripts/install-deps.sh).
#   usage: run_tests.sh PERFMATRIX_BIN [unittest arguments, e.g. test_slurm.Slurm.test_cpu_job]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:?usage: run_tests.sh PERFMATRIX_BIN [unittest args]}
shift

missing=()
for b in sbatch squeue scancel scontrol sinfo slurmctld slurmd munged mungekey srun; do
    command -v "$b" >/dev/null || [ -x "/usr/sbin/$b" ] || missing+=("$b")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "FAIL: SLURM tests need ${missing[*]}: run scripts/install-deps.sh (slurm-wlm slurmctld slurmd slurm-client munge)" >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "FAIL: SLURM tests start slurmd and munged and must run as root" >&2
    exit 1
fi

dir=$(mktemp -d /tmp/perfmatrix-slurm.XXXXXX)
chmod 755 "$dir"
finish() {
    local rc=$?
    "$here/cluster.sh" down "$dir/cluster" || true
    if [ "$rc" -eq 0 ]; then
        rm -rf "$dir"
    else
        echo "SLURM tests failed (exit $rc): logs and results kept in $dir" >&2
        tail -n 20 "$dir"/cluster/log/*.log >&2 2>/dev/null || true
    fi
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$here/cluster.sh" up "$dir/cluster"
mkdir -p "$dir/work"
export SLURM_CONF=$dir/cluster/slurm.conf PERFMATRIX_BIN=$bin PERFMATRIX_SLURM_WORK=$dir/work PYTHONDONTWRITEBYTECODE=1
cd "$here"
/usr/bin/python3 -m unittest -v "${@:-test_slurm}"
