// Packs a graph's connected parts: each laid out on its own by the layered layout (largest first) and stacked; nodes without
// links go in rows at the end, so that a few big parts and many loners do not stretch one layering over the whole page.
(function (Sprig) {
  'use strict';

  var S = Sprig.layoutSpacing;

  // nodes: [{ width, height }]; edges: [{ from, to, ignore }]; returns what Sprig.layoutLayered returns, for the whole graph.
  function packed(nodes, edges) {
    var n = nodes.length, parent = new Int32Array(n), linked = new Uint8Array(n), i;
    for (i = 0; i < n; i++) { parent[i] = i; }
    function find(v) { while (parent[v] !== v) { parent[v] = parent[parent[v]]; v = parent[v]; } return v; }
    edges.forEach(function (e) { linked[e.from] = 1; linked[e.to] = 1; parent[find(e.from)] = find(e.to); });
    var parts = new Map(), loners = [];
    for (i = 0; i < n; i++) {
      if (!linked[i]) { loners.push(i); continue; }
      var root = find(i);
      if (!parts.has(root)) { parts.set(root, { nodes: [], edges: [] }); }
      parts.get(root).nodes.push(i);
    }
    edges.forEach(function (e, index) { parts.get(find(e.from)).edges.push(index); });
    var ordered = Array.from(parts.values()).sort(function (a, b) { return b.nodes.length - a.nodes.length || a.nodes[0] - b.nodes[0]; });

    var placed = new Array(n), routed = new Array(edges.length), y = 0, width = 0;
    ordered.forEach(function (part) {
      var local = new Map();
      part.nodes.forEach(function (v, k) { local.set(v, k); });
      var result = Sprig.layoutLayered(part.nodes.map(function (v) { return nodes[v]; }), part.edges.map(function (index) {
        var e = edges[index];
        return { from: local.get(e.from), to: local.get(e.to), ignore: e.ignore };
      }));
      part.nodes.forEach(function (v, k) { placed[v] = { x: result.nodes[k].x, y: result.nodes[k].y + y }; });
      part.edges.forEach(function (index, k) {
        var route = result.edges[k];
        routed[index] = { kind: route.kind, points: route.points.map(function (p) { return { x: p.x, y: p.y + y }; }) };
      });
      y += result.height - S.margin;
      width = Math.max(width, result.width);
    });
    if (loners.length) {
      var rowWidth = Math.max(width, 900), x = S.margin, rowHeight = 0;
      y += ordered.length ? S.gap : S.margin;
      loners.forEach(function (v) {
        if (x > S.margin && x + nodes[v].width > rowWidth - S.margin) { x = S.margin; y += rowHeight + S.gap; rowHeight = 0; }
        placed[v] = { x: x, y: y };
        x += nodes[v].width + S.gap;
        rowHeight = Math.max(rowHeight, nodes[v].height);
        width = Math.max(width, x - S.gap + S.margin);
      });
      y += rowHeight + S.margin;
    } else {
      y += S.margin;
    }
    return { width: Math.max(width, 2 * S.margin), height: Math.max(y, 2 * S.margin), nodes: placed, edges: routed };
  }

  Sprig.layout = packed;
})(window.Sprig = window.Sprig || {});
