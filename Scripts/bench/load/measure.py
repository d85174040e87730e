#!/usr/bin/env python3
"""The load benchmark's runner (Scripts/bench/load.sh prepares the binaries and files and calls it).

Times each reader in its own process under /usr/bin/time -v, so peak resident memory (RSS) is the
process's own: `tongxin info --no-cache` on the graph (native JSON or a CSV folder: read, build the
CSR adjacency and hierarchy, count), `tongxin info` on its `.txg` binary file (with the `binary`
flag), igraph's Graph.Read_Ncol and NetworkX's read_edgelist (into a MultiDiGraph, like Tongxin's
directed multigraph) on the same edge list, and NetworKit's own binary format (NetworkitBinary,
`readGraph`) written from that list beforehand (with the `binary` flag). Prints one table row per
reader and graph, with ratios to Tongxin's text read.

Time, wall and CPU: Tongxin's whole process (CPU summed over its threads); for the peers, the
reading call alone (measured inside the process, so the interpreter's start and imports are not
counted against them). Memory: peak RSS per edge, gross, and net of the same program's
baseline (Tongxin's `--help`, the peer's interpreter after importing its library). Each measurement is the
fastest of --repeat runs, its RSS from that run.

  python3 Scripts/bench/load/measure.py --tongxin BIN --python PEER_PYTHON \
      --graph NAME:TONGXIN_PATH:EDGE_LIST:EDGES[:networkx|:alone|:binary] ...

With `binary`, EDGE_LIST minus its extension names the binary files: `.txg` (tongxin convert) and
`.nkbg` (NetworKit), both made by Scripts/bench/load.sh.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def measure(command):
    """Runs `command` under /usr/bin/time -v: (wall seconds, CPU seconds, peak RSS bytes, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + command,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit("bench-load: %s failed (exit %d):\n%s" % (" ".join(command), result.returncode,
                                                                 result.stderr[-2000:]))
        text = report.read()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = sum(float(re.search(r"%s time \(seconds\): ([0-9.]+)" % kind, text).group(1)) for kind in ("User", "System"))
    return wall, cpu, rss_kb * 1024, result.stdout


def best(command, repeat):
    runs = [measure(command) for _ in range(repeat)]
    return min(runs, key=lambda run: run[0])


def peer(library, path):
    """Inside a peer process: reads `path` (nothing for "-": the baseline), prints the reading call's
    wall and CPU seconds."""
    seconds = cpu = 0.0
    if library == "igraph":
        import igraph
        if path == "-":
            return print(json.dumps({"seconds": seconds, "cpu": cpu}))
        started, cpu_started = time.perf_counter(), time.process_time()
        graph = igraph.Graph.Read_Ncol(path, names=True, weights=False, directed=True)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        assert graph.ecount() > 0
    elif library == "networkit":
        import networkit
        if path == "-":
            return print(json.dumps({"seconds": seconds, "cpu": cpu}))
        networkit.setNumberOfThreads(2)
        started, cpu_started = time.perf_counter(), time.process_time()
        graph = networkit.readGraph(path, networkit.Format.NetworkitBinary)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        assert graph.numberOfEdges() > 0
    else:
        import networkx
        if path == "-":
            return print(json.dumps({"seconds": seconds, "cpu": cpu}))
        started, cpu_started = time.perf_counter(), time.process_time()
        graph = networkx.read_edgelist(path, create_using=networkx.MultiDiGraph)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        assert graph.number_of_edges() > 0
    print(json.dumps({"seconds": seconds, "cpu": cpu}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tongxin", help="the release tongxin binary")
    parser.add_argument("--python", help="the peers' python (.venv-peers/bin/python)")
    parser.add_argument("--graph", action="append", default=[],
                        help="NAME:TONGXIN_PATH:EDGE_LIST:EDGES[:networkx|:alone] (networkx: also time NetworkX; "
                             "alone: Tongxin only, the peers' rows being those of an earlier graph on the same list)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement on graphs under 1M edges")
    parser.add_argument("--peer", nargs=2, metavar=("LIBRARY", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        peer(*args.peer)
        return

    me = os.path.abspath(__file__)
    tongxin_base = measure([args.tongxin, "--help"])[2]
    peer_base = {library: measure([args.python, me, "--peer", library, "-"])[2] for library in ("igraph", "networkx", "networkit")}
    rows = []
    for spec in args.graph:
        name, graph_path, edge_list, edges, *flags = spec.split(":")
        edges = int(edges)
        repeat = args.repeat if edges < 1_000_000 else 1
        wall, cpu, rss, _ = best([args.tongxin, "info", "--no-cache", graph_path], repeat)
        rows.append((name, edges, "tongxin info", os.path.basename(graph_path.rstrip("/")), wall, cpu, rss, tongxin_base))
        print("bench-load: %s tongxin %.2f s" % (name, wall), file=sys.stderr)
        stem = os.path.splitext(edge_list)[0]
        if "binary" in flags:
            wall, cpu, rss, _ = best([args.tongxin, "info", stem + ".txg"], max(repeat, 3))
            rows.append((name, edges, "tongxin info (.txg)", os.path.basename(stem) + ".txg", wall, cpu, rss, tongxin_base))
            wall, cpu, rss, _ = best([args.tongxin, "validate", stem + ".txg"], max(repeat, 3))
            rows.append((name, edges, "tongxin validate (.txg)", os.path.basename(stem) + ".txg", wall, cpu, rss, tongxin_base))
            print("bench-load: %s tongxin .txg %.3f s" % (name, wall), file=sys.stderr)
            _, _, rss, out = best([args.python, me, "--peer", "networkit", stem + ".nkbg"], max(repeat, 3))
            times = json.loads(out)
            rows.append((name, edges, "NetworKit readGraph (binary)", os.path.basename(stem) + ".nkbg", times["seconds"],
                         times["cpu"], rss, peer_base["networkit"]))
            print("bench-load: %s networkit binary %.3f s" % (name, times["seconds"]), file=sys.stderr)
        libraries = [] if "alone" in flags else ["igraph"] + (["networkx"] if "networkx" in flags else [])
        for library in libraries:
            _, _, rss, out = best([args.python, me, "--peer", library, edge_list], repeat)
            times = json.loads(out)
            label = "igraph Read_Ncol" if library == "igraph" else "NetworkX read_edgelist"
            rows.append((name, edges, label, os.path.basename(edge_list), times["seconds"], times["cpu"], rss,
                         peer_base[library]))
            seconds = times["seconds"]
            print("bench-load: %s %s %.2f s" % (name, library, seconds), file=sys.stderr)
    report(rows)


def report(rows):
    header = ("graph", "edges", "reader", "file", "load s", "load CPU s", "peak RSS MiB", "B/edge",
              "net B/edge", "wall ×", "CPU ×", "memory ×")
    lines = []
    reference = {}
    for name, edges, reader, file, seconds, cpu, rss, base in rows:
        per_edge, net = rss / edges, (rss - base) / edges
        if reader == "tongxin info":
            reference[name] = (seconds, cpu, net)
        ref_wall, ref_cpu, ref_net = reference[name]
        lines.append((name, "{:,}".format(edges), reader, file, "%.3f" % seconds, "%.3f" % cpu,
                      "%.0f" % (rss / 2**20), "%.0f" % per_edge, "%.0f" % net,
                      "%.2f" % (seconds / ref_wall), "%.2f" % (cpu / ref_cpu), "%.2f" % (net / ref_net)))
    widths = [max(len(str(r[i])) for r in [header] + lines) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths)) + " |")
    print()
    print("wall ×, CPU × and memory × are each reader's load wall time, load CPU time and net bytes per edge "
          "divided by Tongxin's text read on the same graph (above 1: Tongxin is faster / smaller). Tongxin's times are "
          "its whole process (read, build CSR and hierarchy, count; CPU summed over its threads; the .txg rows map "
          "and validate the binary file, `info` then counting components, `validate` nothing more); the peers' are the reading call alone. On a shared machine CPU time is "
          "the steadier of the two. Load average during the run: %s." % " ".join("%.1f" % x for x in os.getloadavg()))


if __name__ == "__main__":
    main()
