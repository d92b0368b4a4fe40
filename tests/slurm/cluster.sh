#!/usr/bin/env bash
# A throw-away SLURM cluster on this one machine, for tests: munged, slurmctld, and two
# slurmd daemons emulating nodes n1 (partition cpu) and n2 (partition gpu, with a fake GPU
# gres: CUDA_VISIBLE_DEVICES=0 but no device); partition all has both. Everything lives under
# DIR; nothing in /etc is touched. Needs root (slurmd runs jobs as their submitting user).
#
#   cluster.sh up DIR     writes DIR/slurm.conf ..., starts the daemons, waits until both nodes
#                         are idle; clients then need SLURM_CONF=DIR/slurm.conf (DIR/env has it)
#   cluster.sh down DIR   stops every daemon it started, by the PIDs recorded under DIR/pids
set -euo pipefail

die() { echo "cluster.sh: $*" >&2; exit 1; }

require_binaries() {
    local missing=()
    for b in munged mungekey slurmctld slurmd sbatch squeue scontrol sinfo; do
        command -v "$b" >/dev/null || [ -x "/usr/sbin/$b" ] || missing+=("$b")
    done
    [ ${#missing[@]} -eq 0 ] ||
        die "SLURM/munge binaries missing: ${missing[*]} (scripts/install-deps.sh installs slurm-wlm slurmctld slurmd slurm-client munge)"
    [ "$(id -u)" -eq 0 ] || die "must run as root (slurmd starts jobs as their user; munged runs as user munge)"
}

# A free TCP port on 127.0.0.1, from the kernel (several clusters may run at once).
free_port() {
    /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

write_config() {
    local dir=$1 ctld_port n1_port n2_port
    ctld_port=$(free_port); n1_port=$(free_port); n2_port=$(free_port)
    # Both emulated nodes claim this machine's whole CPU set, as SLURM sees it (slurmd -C).
    local cpus cores sockets threads mem
    read -r cpus sockets cores threads mem < <(slurmd -C | head -1 | /usr/bin/python3 -c '
import sys
kv = dict(f.split("=", 1) for f in sys.stdin.read().split())
print(kv["CPUs"], kv["SocketsPerBoard"], kv["CoresPerSocket"], kv["ThreadsPerCore"], int(kv["RealMemory"]) // 4)')
    mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/pids"
    cat > "$dir/slurm.conf" <<CONF
ClusterName=perfmatrix-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/pids/slurmctld.pid
SlurmdPidFile=$dir/pids/slurmd-%n.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=pmix
ReturnToService=2
SchedulerParameters=bf_interval=2
GresTypes=gpu
# Quick turnaround for tests: no minimum job age, short kill waits.
MinJobAge=2
KillWait=5
NodeName=n1 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$n1_port CPUs=$cpus SocketsPerBoard=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$mem
NodeName=n2 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$n2_port CPUs=$cpus SocketsPerBoard=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$mem Gres=gpu:1
PartitionName=cpu Nodes=n1 Default=YES MaxTime=INFINITE State=UP
PartitionName=gpu Nodes=n2 MaxTime=INFINITE State=UP
PartitionName=all Nodes=n1,n2 MaxTime=INFINITE State=UP
CONF
    # A fake GPU: SLURM hands out /dev/null as the device and sets CUDA_VISIBLE_DEVICES=0.
    cat > "$dir/gres.conf" <<CONF
AutoDetect=off
NodeName=n2 Name=gpu File=/dev/null
CONF
    echo "export SLURM_CONF=$dir/slurm.conf" > "$dir/env"
    # Each slurmd reads its own copy that differs only in TmpFS: PMIx makes its client
    # directory under TmpFS, named after the job step only, so two emulated nodes sharing /tmp
    # collide ("Cannot create client cli tmpdir ... File exists") and every step spanning both
    # nodes fails, heterogeneous ones included. slurm.conf, gres.conf and mpi.conf are read
    # from the directory of the -f file.
    for n in n1 n2; do
        mkdir -p "$dir/node-$n" "$dir/tmp-$n"
        cp "$dir/gres.conf" "$dir/node-$n/"
        sed "s|^GresTypes=gpu\$|GresTypes=gpu\nTmpFS=$dir/tmp-$n|" "$dir/slurm.conf" > "$dir/node-$n/slurm.conf"
        grep -q "^TmpFS=$dir/tmp-$n\$" "$dir/node-$n/slurm.conf" || die "could not set TmpFS for $n"
    done
}

start_munge() {
    local dir=$1
    mkdir -p "$dir/munge"
    mungekey --create --keyfile="$dir/munge/munge.key" --force >/dev/null 2>&1 ||
        mungekey -c -k "$dir/munge/munge.key" -f
    chown -R munge:munge "$dir/munge"
    chmod 755 "$dir/munge"  # clients (any user) connect to the socket in it
    chmod 755 "$dir"  # munged (user munge) must reach its socket under it
    runuser -u munge -- /usr/sbin/munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" \
        --force
    wait_for_file "$dir/munge/munged.pid" munged
    cp "$dir/munge/munged.pid" "$dir/pids/munged.pid"
}

wait_for_file() {
    local file=$1 what=$2
    for _ in $(seq 100); do [ -s "$file" ] && return 0; sleep 0.1; done
    die "$what did not start (no $file)"
}

start_slurm() {
    local dir=$1
    SLURM_CONF=$dir/slurm.conf /usr/sbin/slurmctld -i -f "$dir/slurm.conf"
    wait_for_file "$dir/pids/slurmctld.pid" slurmctld
    for n in n1 n2; do
        mkdir -p "$dir/spool/$n"
        SLURM_CONF=$dir/node-$n/slurm.conf /usr/sbin/slurmd -N "$n" -f "$dir/node-$n/slurm.conf"
        wait_for_file "$dir/pids/slurmd-$n.pid" "slurmd $n"
    done
}

wait_for_idle_nodes() {
    local dir=$1 states
    for _ in $(seq 150); do
        states=$(SLURM_CONF=$dir/slurm.conf sinfo -h -N -o '%N %t' 2>/dev/null | sort -u | tr '\n' ' ')
        if [ "$(grep -o 'idle' <<<"$states" | wc -l)" -ge 2 ]; then return 0; fi
        sleep 0.2
    done
    die "nodes not idle after 30 s: ${states:-no answer from slurmctld} (logs in $dir/log)"
}

up() {
    local dir=$1
    require_binaries
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    write_config "$dir"
    start_munge "$dir"
    start_slurm "$dir"
    wait_for_idle_nodes "$dir"
    echo "cluster.sh: up in $dir (source $dir/env)"
}

# Stops each daemon by its recorded PID: TERM, then KILL after 10 s. Never by name: other
# clusters (other tests, other users) may be running on this machine.
down() {
    local dir=$1 pid pids=()
    [ -d "$dir/pids" ] || return 0
    for f in "$dir"/pids/slurmd-*.pid "$dir/pids/slurmctld.pid" "$dir/pids/munged.pid"; do
        [ -s "$f" ] || continue
        pid=$(cat "$f")
        kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
    done
    for _ in $(seq 100); do
        local alive=()
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
        [ ${#alive[@]} -eq 0 ] && return 0
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}

case "${1:-}" in
    up) up "${2:?usage: cluster.sh up DIR}" ;;
    down) down "${2:?usage: cluster.sh down DIR}" ;;
    *) die "usage: cluster.sh up|down DIR" ;;
esac
