"""A relations graph laid out on the server, so that the page draws it without JavaScript.

Nodes sit on a circle, the busiest first; each edge is a straight line whose width grows with its count and
whose class (cooperation or conflict) is the one with more events.
"""
from __future__ import annotations

import math

SIZE = 640
RADIUS = 250


def layout(graph: dict) -> dict:
    degree: dict[str, int] = {}
    for edge in graph["edges"]:
        for end in (edge["source"], edge["target"]):
            degree[end] = degree.get(end, 0) + edge["total"]
    order = sorted(graph["nodes"], key=lambda n: (-degree.get(n["id"], 0), n["name"]))
    centre = SIZE / 2
    points = {}
    nodes = []
    for i, node in enumerate(order):
        angle = 2 * math.pi * i / max(1, len(order)) - math.pi / 2
        x, y = centre + RADIUS * math.cos(angle), centre + RADIUS * math.sin(angle)
        points[node["id"]] = (x, y)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        nodes.append({**node, "x": round(x, 1), "y": round(y, 1), "degree": degree.get(node["id"], 0),
                      "label_x": round(centre + (RADIUS + 12) * math.cos(angle), 1),
                      "label_y": round(centre + (RADIUS + 12) * math.sin(angle) + 4, 1), "anchor": anchor})
    edges = []
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = points[edge["source"]], points[edge["target"]]
        kind = "conflict" if edge["by_class"]["conflict"] > edge["by_class"]["cooperation"] else \
            "cooperation" if edge["by_class"]["cooperation"] else "other"
        edges.append({**edge, "x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1),
                      "width": round(1 + math.log2(edge["total"]), 1), "kind": kind})
    return {"size": SIZE, "nodes": nodes, "edges": edges}
