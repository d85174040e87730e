#!/usr/bin/env python3
"""Times igraph, NetworKit (2 threads) and NetworkX on the benchmark graph's edge list (written by
Scripts/generate-graph.py --edge-list next to the JSON Tongxin reads) and prints one JSON object
{library: {kernel: seconds}}.

Every library gets the same simple undirected graph (parallel edges and self-loops removed outside
the timed region) and does the same work as Tongxin's bench-centrality: connected components, one
full BFS from node 0, PageRank (damping 0.85, converged: igraph's PRPACK solver, NetworKit and
NetworkX at the tolerance matching Tongxin's L1 1e-13; the row pagerank_1e-10 at PRPACK's own
tolerance, which igraph always uses), core numbers, betweenness from 256 sampled
sources, Louvain, Leiden (modularity; igraph's
community_leiden with 2 iterations, NetworKit's ParallelLeiden); with --exact, exact betweenness and closeness too.

NetworkX is slow: kernels it would spend more than a few minutes on are timed on a subset of sources
and extrapolated linearly (marked "extrapolated"), and at 10× (--skip-networkx) it is not run.

Needs the peers' venv: Scripts/setup-peers.sh creates .venv-peers (or use /opt/peers/bin/python).

    python peers.py PREFIX.edges [--exact] [--skip-networkx] [--linear-only]

--linear-only (for 10×) leaves out sampled betweenness and igraph's Louvain (about 12 s at 1× on an
idle machine, and it grows faster than linearly).
"""

import json
import sys
import time


class Timing(float):
    """A wall time in seconds that also carries the process CPU time of the same run."""
    cpu = 0.0


def timed(fn, runs=1):
    best = Timing(float("inf"))
    result = None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall = time.perf_counter() - start
        if wall < best:
            best = Timing(wall)
            best.cpu = time.process_time() - cpu
    return best, result


def read_edges(path):
    with open(path.removesuffix(".edges") + ".count") as f:
        n = int(f.read())
    return n, None


def disconnected_igraph(g, membership):
    """How many communities of `membership` induce a disconnected subgraph of g."""
    import igraph as ig
    clustering = ig.VertexClustering(g, membership)
    return sum(1 for sub in clustering.subgraphs() if not sub.is_connected())


def run_igraph(path, n, edges, exact, out):
    import igraph as ig
    r = out.setdefault("igraph", {})
    r["load"], g = timed(lambda: ig.Graph.Read_Edgelist(open(path), directed=False))
    g.add_vertices(n - g.vcount())
    g.simplify()
    r["components"], _ = timed(lambda: g.connected_components(), 3)
    r["bfs"], _ = timed(lambda: g.bfs(0), 3)
    r["pagerank"], _ = timed(lambda: g.pagerank(damping=0.85, implementation="prpack"), 3)
    # PRPACK always solves to 1e-10 (igraph's prpack.cpp): the same run is its row at that tolerance.
    r["pagerank_1e-10"] = r["pagerank"]
    r["coreness"], _ = timed(lambda: g.coreness(), 3)
    import random
    sources = random.Random(1).sample(range(n), 256)
    if not LINEAR_ONLY:
        r["betweenness_sampled_256"], _ = timed(lambda: g.betweenness(sources=sources, directed=False))
    if exact:
        r["betweenness_exact"], _ = timed(lambda: g.betweenness(directed=False))
        r["closeness"], _ = timed(lambda: g.closeness())
    if not LINEAR_ONLY:
        r["louvain"], parts = timed(lambda: g.community_multilevel())
        r["louvain_modularity"] = parts.modularity
    r["leiden"], parts = timed(lambda: g.community_leiden(objective_function="modularity", n_iterations=2))
    r["leiden_modularity"] = g.modularity(parts.membership)
    r["leiden_disconnected"] = disconnected_igraph(g, parts.membership)


def run_networkit(path, n, edges, exact, out):
    import networkit as nk
    nk.setNumberOfThreads(2)
    r = out.setdefault("networkit", {})
    reader = nk.graphio.EdgeListReader(" ", 0, continuous=True, directed=False)
    r["load"], g = timed(lambda: reader.read(path))
    if g.numberOfNodes() < n:
        g.addNodes(n - g.numberOfNodes())
    g.removeMultiEdges()
    g.removeSelfLoops()
    g.indexEdges()
    r["components"], _ = timed(lambda: nk.components.ConnectedComponents(g).run(), 3)
    r["bfs"], _ = timed(lambda: nk.distance.BFS(g, 0).run(), 3)

    def pagerank(tolerance):
        pr = nk.centrality.PageRank(g, damp=0.85, tol=tolerance)
        pr.norm = nk.centrality.Norm.L1_NORM
        pr.maxIterations = 10000
        return pr.run()
    r["pagerank"], _ = timed(lambda: pagerank(1e-13), 3)
    r["pagerank_1e-10"], _ = timed(lambda: pagerank(1e-10), 3)
    r["coreness"], _ = timed(lambda: nk.centrality.CoreDecomposition(g).run(), 3)
    if not LINEAR_ONLY:
        r["betweenness_sampled_256"], _ = timed(
            lambda: nk.centrality.EstimateBetweenness(g, 256, normalized=True, parallel=True).run())
    if exact:
        r["betweenness_exact"], _ = timed(lambda: nk.centrality.Betweenness(g, normalized=True).run())
        r["closeness"], _ = timed(
            lambda: nk.centrality.Closeness(g, False, nk.centrality.ClosenessVariant.GENERALIZED).run())
    r["louvain"], plm = timed(lambda: nk.community.PLM(g, refine=False).run())
    r["louvain_modularity"] = nk.community.Modularity().getQuality(plm.getPartition(), g)
    r["leiden"], leiden = timed(lambda: nk.community.ParallelLeiden(g).run())
    r["leiden_modularity"] = nk.community.Modularity().getQuality(leiden.getPartition(), g)


def run_networkx(path, n, edges, exact, out):
    import networkx as nx
    r = out.setdefault("networkx", {})
    r["load"], g = timed(lambda: nx.read_edgelist(path, nodetype=int))
    g.add_nodes_from(range(n))
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    r["components"], _ = timed(lambda: nx.number_connected_components(g))
    r["bfs"], _ = timed(lambda: nx.single_source_shortest_path_length(g, 0))
    r["pagerank"], _ = timed(lambda: nx.pagerank(g, alpha=0.85, tol=1e-13 / n, max_iter=10000))
    r["coreness"], _ = timed(lambda: nx.core_number(g))
    r["betweenness_sampled_256"], _ = timed(lambda: nx.betweenness_centrality(g, k=256, seed=1))
    if exact:
        # Exact betweenness and closeness: 200 sources timed, scaled to all n (marked).
        k = 200
        t, _ = timed(lambda: nx.betweenness_centrality(g, k=k, seed=1))
        r["betweenness_exact"] = t * n / k
        sub = list(g.nodes)[:k]
        t, _ = timed(lambda: [nx.closeness_centrality(g, u=u) for u in sub])
        r["closeness"] = t * n / k
        r["extrapolated"] = ["betweenness_exact", "closeness"]
    r["louvain"], parts = timed(lambda: nx.community.louvain_communities(g, seed=1))
    r["louvain_modularity"] = nx.community.modularity(g, parts)


LINEAR_ONLY = "--linear-only" in sys.argv


def main():
    path = sys.argv[1]
    exact = "--exact" in sys.argv
    n, edges = read_edges(path)
    out = {}
    run_igraph(path, n, edges, exact, out)
    run_networkit(path, n, edges, exact, out)
    if "--skip-networkx" not in sys.argv:
        run_networkx(path, n, edges, exact, out)
    for r in out.values():
        for key, value in list(r.items()):
            if isinstance(value, Timing):
                r[key + "_cpu"] = value.cpu
    print(json.dumps(out))


if __name__ == "__main__":
    main()
