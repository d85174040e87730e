"""The one output path of the generators: a graph streamed as Tongxin's native JSON (one node or edge
a line, `within` written as `parent`) or as a CSV folder (`nodes.csv`, `edges.csv`, `within` edges
included), and optionally the peers' integer edge list beside it. Every file is written under a
temporary name and renamed into place, so an interrupted run leaves no partial graph.
Python 3 standard library only.
"""
import csv
import json
import os

# Compact, key order kept, CJK as is: the byte form of every node and edge line.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_BUFFER = 65536


class GraphWriter:
    """Writes nodes and edges as they are generated.

    - `path`: a `.json` file (fmt "json") or a folder (fmt "csv").
    - `metadata`: the native format's `metadata` object (JSON only; a CSV folder has no place for it).
    - `node_columns`: the CSV folder's `nodes.csv` header (JSON writes every key of the node).
    - `edge_list`: a path prefix; writes PREFIX.edges (`u v` 0-based node indices in the order the
      nodes were written, one edge a line, `within` included) and PREFIX.count (the node count) for
      the peers of the centrality benchmark.

    A node is a dict with `id`, `kind`, `name`, optionally `parent` and any other keys; an edge a dict
    with `source`, `target`, `kind` and optionally `attrs`. `node_count` and `edge_count` count what
    was written, `within` edges included.
    """

    def __init__(self, path, fmt, name, metadata, node_columns=("id", "kind", "name"), edge_list=None):
        self.path, self.fmt = path, fmt
        self.node_columns = node_columns
        self.node_count = self.edge_count = 0
        self.node_lines, self.edge_lines = [], []
        self.first_node = self.first_edge = True
        self.index = {} if edge_list else None
        self.edge_list = edge_list
        if edge_list:
            self.pairs = open(edge_list + ".edges.tmp", "w", encoding="utf-8")
            self.pair_lines = []
        if fmt == "json":
            self.nodes = open(path + ".tmp", "w", encoding="utf-8")
            self.edges = open(path + ".edges.tmp", "w", encoding="utf-8")
            header = ['{"format": "tongxin-graph", "version": 1, "name": %s,' % json.dumps(name, ensure_ascii=False),
                      '"metadata": {',
                      ",\n".join("  %s: %s" % (_dumps(k), _dumps(v)) for k, v in metadata.items()),
                      '},\n"nodes": [\n']
            self.nodes.write("\n".join(header))
        else:
            os.makedirs(path, exist_ok=True)
            self.nodes = open(os.path.join(path, "nodes.csv.tmp"), "w", encoding="utf-8", newline="")
            self.edges = open(os.path.join(path, "edges.csv.tmp"), "w", encoding="utf-8", newline="")
            self.node_rows = csv.writer(self.nodes, lineterminator="\n")
            self.edge_rows = csv.writer(self.edges, lineterminator="\n")
            self.node_rows.writerow(node_columns)
            self.edge_rows.writerow(("source", "target", "kind"))

    def node(self, record):
        self.node_count += 1
        if self.index is not None:
            self.index[record["id"]] = len(self.index)
        parent = record.get("parent")
        if self.fmt == "json":
            self.node_lines.append(_dumps(record))
            if parent is not None:
                self.edge_count += 1
                self._pair(record["id"], parent)
        else:
            self.node_lines.append([record.get(column, "") for column in self.node_columns])
            if parent is not None:
                self.edge({"source": record["id"], "target": parent, "kind": "within"})
        if len(self.node_lines) >= _BUFFER:
            self._flush_nodes()

    def edge(self, record):
        self.edge_count += 1
        self._pair(record["source"], record["target"])
        if self.fmt == "json":
            self.edge_lines.append(_dumps(record))
        else:
            self.edge_lines.append((record["source"], record["target"], record["kind"]))
        if len(self.edge_lines) >= _BUFFER:
            self._flush_edges()

    def _pair(self, source, target):
        if self.index is not None:
            self.pair_lines.append("%d %d\n" % (self.index[source], self.index[target]))
            if len(self.pair_lines) >= _BUFFER:
                self.pairs.write("".join(self.pair_lines))
                self.pair_lines = []

    def _flush_nodes(self):
        if self.node_lines:
            if self.fmt == "json":
                self.nodes.write(("" if self.first_node else ",\n") + ",\n".join(self.node_lines))
            else:
                self.node_rows.writerows(self.node_lines)
            self.first_node = False
            self.node_lines = []

    def _flush_edges(self):
        if self.edge_lines:
            if self.fmt == "json":
                self.edges.write(("" if self.first_edge else ",\n") + ",\n".join(self.edge_lines))
            else:
                self.edge_rows.writerows(self.edge_lines)
            self.first_edge = False
            self.edge_lines = []

    def close(self):
        """Finishes every file and renames it into place; returns (nodes, edges)."""
        self._flush_nodes()
        self._flush_edges()
        if self.fmt == "json":
            self.nodes.write('\n],\n"edges": [\n')
            self.edges.close()
            with open(self.path + ".edges.tmp", encoding="utf-8") as edges:
                while True:
                    chunk = edges.read(1 << 24)
                    if not chunk:
                        break
                    self.nodes.write(chunk)
            self.nodes.write("\n]\n}\n")
            self.nodes.close()
            os.remove(self.path + ".edges.tmp")
            os.replace(self.path + ".tmp", self.path)
        else:
            self.nodes.close()
            self.edges.close()
            for name in ("nodes.csv", "edges.csv"):
                os.replace(os.path.join(self.path, name + ".tmp"), os.path.join(self.path, name))
        if self.edge_list:
            self.pairs.write("".join(self.pair_lines))
            self.pairs.close()
            os.replace(self.edge_list + ".edges.tmp", self.edge_list + ".edges")
            with open(self.edge_list + ".count.tmp", "w", encoding="utf-8") as count:
                count.write("%d\n" % self.node_count)
            os.replace(self.edge_list + ".count.tmp", self.edge_list + ".count")
        return self.node_count, self.edge_count
