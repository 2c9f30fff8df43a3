#!/usr/bin/env python3
"""cold-start.py OUT.json LABEL=COMMAND... : the cold start of each command-line tool.

Each COMMAND (a shell word list) is run REPEAT times (default 15) as a new process, the commands interleaved round by round
so that a change in the machine's load touches them all alike, after one untimed run each (so the files are in the page
cache: a cold process, not a cold disk). Wall time from fork to exit, in milliseconds. Writes OUT.json with, per label,
the command, the median, min and max, the size of the executable it starts (for a .NET tool: the tool's folder) and the
machine, and prints a Markdown table."""
import json, os, platform, shlex, statistics, subprocess, sys, time
from datetime import datetime, timezone

out, specs = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
repeat = int(os.environ.get("REPEAT", "15"))
sizes = dict(a.split("=", 1) for a in os.environ.get("SIZES", "").split(";") if a)

def run(words):
    start = time.perf_counter()
    done = subprocess.run(words, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        sys.exit(f"{shlex.join(words)} exited {done.returncode}: {done.stderr.decode().strip()}")
    return elapsed

def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs if not os.path.islink(os.path.join(d, f)))
    return os.path.getsize(path)

commands = {label: shlex.split(command) for label, command in specs}
for words in commands.values():
    run(words)
times = {label: [] for label in commands}
for _ in range(repeat):
    for label, words in commands.items():
        times[label].append(run(words))

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
results = {
    "measured": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
    "kind": "cold process: a new process per run, files in the page cache",
    "machine": {"cpu": cpu, "cores": os.cpu_count(), "os": platform.platform()},
    "repeat": repeat,
    "tools": {label: {"command": shlex.join(commands[label]), "medianMs": round(statistics.median(t), 1), "minMs": round(min(t), 1),
                      "maxMs": round(max(t), 1),
                      **({"sizeBytes": size_of(sizes[label]), "sizeOf": os.path.basename(sizes[label].rstrip("/"))} if label in sizes else {})}
              for label, t in times.items()},
}
with open(out, "w") as f:
    json.dump(results, f, indent=2)
    f.write("\n")
print("| tool | command | median | min | max | size |\n| --- | --- | ---: | ---: | ---: | ---: |")
for label, r in results["tools"].items():
    size = f"{r['sizeBytes'] / 2**20:.1f} MiB" if "sizeBytes" in r else "-"
    print(f"| {label} | `{r['command']}` | {r['medianMs']} ms | {r['minMs']} ms | {r['maxMs']} ms | {size} |")
