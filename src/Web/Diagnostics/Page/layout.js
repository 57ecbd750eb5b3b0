// A layered (Sugiyama-style) layout, left to right: layers by longest path from the sources, dummy vertices on long edges,
// barycenter ordering sweeps that keep the order with the fewest crossings, then coordinates straightened by averaging
// neighbours. Every pass is linear in vertices and edges (plus sorting one layer), so a few hundred nodes lay out at once.
(function (Sprig) {
  'use strict';

  var GAP_X = 90;        // between two layers' columns: room for the curves
  var GAP_Y = 14;        // between two nodes of a layer
  var DUMMY_H = 6;       // height a long edge takes where it crosses a layer
  var MARGIN = 20;
  var MAX_DUMMIES = 4000;
  var SWEEPS = 8;
  var BACK_OFFSET = 7;
  var MAX_BAND = 48;

  // nodes: [{ width, height }]; edges: [{ from, to, ignore }] with node indices; ignore = not used to rank (lazy, cycle).
  // Returns { width, height, nodes: [{ x, y }] (top-left), edges: [{ points: [{ x, y }], kind: 'forward'|'back'|'same'|'self' }] }.
  function layout(nodes, edges) {
    var n = nodes.length;
    var i, k, e;
    var out = [];
    for (i = 0; i < n; i++) { out.push([]); }
    for (i = 0; i < edges.length; i++) {
      e = edges[i];
      if (!e.ignore && e.from !== e.to) { out[e.from].push(i); }
    }

    // 1. Depth-first search: edges to a vertex still on the stack close a cycle the data did not mark; they do not rank.
    var state = new Uint8Array(n);
    var back = new Uint8Array(edges.length);
    var post = [];
    var stackV = [], stackI = [];
    for (var root = 0; root < n; root++) {
      if (state[root]) { continue; }
      stackV.push(root); stackI.push(0); state[root] = 1;
      while (stackV.length) {
        var top = stackV.length - 1, v = stackV[top], idx = stackI[top];
        if (idx < out[v].length) {
          stackI[top] = idx + 1;
          var ei = out[v][idx], w = edges[ei].to;
          if (state[w] === 1) { back[ei] = 1; } else if (state[w] === 0) { state[w] = 1; stackV.push(w); stackI.push(0); }
        } else {
          state[v] = 2; post.push(v); stackV.pop(); stackI.pop();
        }
      }
    }

    // 2. Longest path from the sources, in topological order (reverse post-order).
    var layer = new Int32Array(n);
    var hasIn = new Uint8Array(n);
    for (i = post.length - 1; i >= 0; i--) {
      var u = post[i];
      for (k = 0; k < out[u].length; k++) {
        if (back[out[u][k]]) { continue; }
        var t = edges[out[u][k]].to;
        hasIn[t] = 1;
        if (layer[t] < layer[u] + 1) { layer[t] = layer[u] + 1; }
      }
    }
    // A source sits just before the nearest of its dependencies rather than at the far left.
    for (i = 0; i < n; i++) {
      if (hasIn[i]) { continue; }
      var min = Infinity;
      for (k = 0; k < out[i].length; k++) { if (!back[out[i][k]]) { min = Math.min(min, layer[edges[out[i][k]].to]); } }
      if (min !== Infinity) { layer[i] = min - 1; }
    }
    var layerCount = 0;
    for (i = 0; i < n; i++) { layerCount = Math.max(layerCount, layer[i] + 1); }

    // 3. Vertices: the nodes, then one dummy per layer a long edge crosses. Segments join vertices of neighbouring layers.
    var vLayer = Array.prototype.slice.call(layer);
    var vHeight = nodes.map(function (node) { return node.height; });
    var pred = [], succ = [];
    for (i = 0; i < n; i++) { pred.push([]); succ.push([]); }
    var chains = [];
    var dummies = 0;
    for (i = 0; i < edges.length; i++) {
      e = edges[i];
      var a = layer[e.from], b = layer[e.to];
      if (e.from === e.to) { chains.push({ kind: 'self', vertices: [e.from] }); continue; }
      if (a === b) { chains.push({ kind: 'same', vertices: [e.from, e.to] }); continue; }
      var lo = Math.min(a, b), hi = Math.max(a, b);
      var left = a < b ? e.from : e.to, right = a < b ? e.to : e.from;
      var chain = [left];
      if (dummies + (hi - lo - 1) <= MAX_DUMMIES) {
        for (k = lo + 1; k < hi; k++) {
          var d = vLayer.length;
          vLayer.push(k); vHeight.push(DUMMY_H); pred.push([]); succ.push([]);
          chain.push(d);
          dummies++;
        }
      }
      chain.push(right);
      for (k = 0; k + 1 < chain.length; k++) {
        if (vLayer[chain[k + 1]] === vLayer[chain[k]] + 1) { succ[chain[k]].push(chain[k + 1]); pred[chain[k + 1]].push(chain[k]); }
      }
      chains.push({ kind: a < b ? 'forward' : 'back', vertices: chain });
    }
    var vCount = vLayer.length;

    // 4. Ordering: vertices start in the order they were found; sweeps sort each layer by its neighbours' mean position.
    var layers = [];
    for (k = 0; k < layerCount; k++) { layers.push([]); }
    for (i = post.length - 1; i >= 0; i--) { layers[layer[post[i]]].push(post[i]); }
    for (i = n; i < vCount; i++) { layers[vLayer[i]].push(i); }
    var pos = new Float64Array(vCount);
    setPositions(layers, pos);
    var best = layers.map(function (l) { return l.slice(); });
    var bestCrossings = crossings(layers, succ, pos);
    for (var sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
      var down = sweep % 2 === 0;
      for (var s = 1; s < layerCount; s++) {
        k = down ? s : layerCount - 1 - s;
        sortByBarycenter(layers[k], down ? pred : succ, pos);
      }
      var c = crossings(layers, succ, pos);
      if (c < bestCrossings) { bestCrossings = c; best = layers.map(function (l) { return l.slice(); }); }
    }
    layers = best;
    setPositions(layers, pos);

    // 5. Coordinates: columns per layer; within a column, centres pulled towards their neighbours, overlaps pushed apart.
    var colX = [], colW = [], x = MARGIN;
    for (k = 0; k < layerCount; k++) {
      var width = 40;
      for (i = 0; i < layers[k].length; i++) { if (layers[k][i] < n) { width = Math.max(width, nodes[layers[k][i]].width); } }
      colX.push(x); colW.push(width);
      x += width + GAP_X;
    }
    var cy = new Float64Array(vCount);
    for (k = 0; k < layerCount; k++) {
      var yy = 0;
      for (i = 0; i < layers[k].length; i++) { var vv = layers[k][i]; cy[vv] = yy + vHeight[vv] / 2; yy += vHeight[vv] + GAP_Y; }
    }
    for (var round = 0; round < 6; round++) {
      for (s = 0; s < layerCount; s++) {
        k = round % 2 === 0 ? s : layerCount - 1 - s;
        straighten(layers[k], pred, succ, vHeight, cy);
      }
    }
    var minY = Infinity, maxY = -Infinity;
    for (i = 0; i < vCount; i++) { minY = Math.min(minY, cy[i] - vHeight[i] / 2); maxY = Math.max(maxY, cy[i] + vHeight[i] / 2); }
    if (vCount === 0) { minY = 0; maxY = 0; }
    var shift = MARGIN - minY;
    // Straightening can leave tall empty bands between the nodes (only long edges cross them): each is cut to MAX_BAND.
    var squeeze = squeezer(nodes, cy, shift, n);
    for (i = 0; i < vCount; i++) { cy[i] = squeeze(cy[i] + shift) - shift; }
    maxY = squeeze(maxY + shift) - shift;

    var placed = [];
    for (i = 0; i < n; i++) {
      placed.push({ x: colX[layer[i]] + (colW[layer[i]] - nodes[i].width) / 2, y: cy[i] + shift - nodes[i].height / 2 });
    }
    function leftOf(v) { return v < n ? placed[v].x : colX[vLayer[v]]; }
    function rightOf(v) { return v < n ? placed[v].x + nodes[v].width : colX[vLayer[v]] + colW[vLayer[v]]; }
    function midY(v) { return cy[v] + shift; }

    var routed = chains.map(function (chain) {
      var vs = chain.vertices, points = [];
      if (chain.kind === 'self') {
        var sv = vs[0];
        return { kind: 'self', points: [{ x: rightOf(sv), y: midY(sv) - 6 }, { x: rightOf(sv), y: midY(sv) + 6 }] };
      }
      if (chain.kind === 'same') {
        return { kind: 'same', points: [{ x: rightOf(vs[0]), y: midY(vs[0]) }, { x: rightOf(vs[1]), y: midY(vs[1]) }] };
      }
      for (var j = 0; j < vs.length; j++) {
        var vx = vs[j];
        if (j > 0) { points.push({ x: leftOf(vx), y: midY(vx) }); }
        if (j < vs.length - 1) { points.push({ x: rightOf(vx), y: midY(vx) }); }
      }
      // A back edge is drawn from its source (on the right) to its target (on the left), a little below the centres so
      // that it does not hide a forward edge between the same two nodes.
      if (chain.kind === 'back') {
        points.reverse();
        points[0].y += BACK_OFFSET;
        points[points.length - 1].y += BACK_OFFSET;
      }
      return { kind: chain.kind, points: points };
    });

    var width = layerCount === 0 ? 2 * MARGIN : x - GAP_X + MARGIN + 40;
    return { width: width, height: maxY - minY + 2 * MARGIN, nodes: placed, edges: routed };
  }

  // A function of y that leaves the nodes' bands alone and shrinks each empty band taller than MAX_BAND to MAX_BAND.
  function squeezer(nodes, cy, shift, n) {
    var spans = [], i;
    for (i = 0; i < n; i++) { var top = cy[i] + shift - nodes[i].height / 2; spans.push([top, top + nodes[i].height]); }
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var starts = [], ends = [], before = [], cut = 0, bottom = -Infinity;
    for (i = 0; i < spans.length; i++) {
      if (bottom !== -Infinity && spans[i][0] - bottom > MAX_BAND) {
        starts.push(bottom); ends.push(spans[i][0]); before.push(cut);
        cut += spans[i][0] - bottom - MAX_BAND;
      }
      bottom = Math.max(bottom, spans[i][1]);
    }
    return function (y) {
      var lo = 0, hi = starts.length;     // the first band that starts after y
      while (lo < hi) { var mid = (lo + hi) >> 1; if (starts[mid] <= y) { lo = mid + 1; } else { hi = mid; } }
      if (lo === 0) { return y; }
      var k = lo - 1;
      if (y >= ends[k]) { return y - before[k] - (ends[k] - starts[k] - MAX_BAND); }
      return starts[k] - before[k] + (y - starts[k]) * MAX_BAND / (ends[k] - starts[k]);
    };
  }

  function setPositions(layers, pos) {
    for (var k = 0; k < layers.length; k++) { for (var i = 0; i < layers[k].length; i++) { pos[layers[k][i]] = i; } }
  }

  function sortByBarycenter(layerVertices, neighbours, pos) {
    var keyed = layerVertices.map(function (v) {
      var list = neighbours[v], sum = 0;
      for (var i = 0; i < list.length; i++) { sum += pos[list[i]]; }
      return { v: v, key: list.length ? sum / list.length : pos[v], tie: pos[v] };
    });
    keyed.sort(function (p, q) { return p.key - q.key || p.tie - q.tie; });
    for (var i = 0; i < keyed.length; i++) { layerVertices[i] = keyed[i].v; pos[keyed[i].v] = i; }
  }

  // Crossings between each pair of neighbouring layers: inversions of the segments' lower ends, counted with a Fenwick tree.
  function crossings(layers, succ, pos) {
    var total = 0;
    for (var k = 0; k + 1 < layers.length; k++) {
      var ends = [];
      for (var i = 0; i < layers[k].length; i++) {
        var list = succ[layers[k][i]].map(function (w) { return pos[w]; }).sort(function (p, q) { return p - q; });
        for (var j = 0; j < list.length; j++) { ends.push(list[j]); }
      }
      var size = layers[k + 1].length, tree = new Int32Array(size + 1);
      for (i = ends.length - 1; i >= 0; i--) {
        for (var q = ends[i]; q > 0; q -= q & -q) { total += tree[q]; }
        for (var p = ends[i] + 1; p <= size; p += p & -p) { tree[p]++; }
      }
    }
    return total;
  }

  // Moves a layer's centres towards the mean of their neighbours' centres, keeping the order and the gaps: the mean of the
  // layout pushed down from the top and the one pushed up from the bottom (both keep the gaps, so their mean does too).
  function straighten(layerVertices, pred, succ, vHeight, cy) {
    var m = layerVertices.length;
    if (m === 0) { return; }
    var want = new Float64Array(m), down = new Float64Array(m), up = new Float64Array(m), i;
    for (i = 0; i < m; i++) {
      var v = layerVertices[i], sum = 0, count = 0, j;
      for (j = 0; j < pred[v].length; j++) { sum += cy[pred[v][j]]; count++; }
      for (j = 0; j < succ[v].length; j++) { sum += cy[succ[v][j]]; count++; }
      want[i] = count ? sum / count : cy[v];
    }
    for (i = 0; i < m; i++) {
      down[i] = i === 0 ? want[0] : Math.max(want[i], down[i - 1] + space(i - 1, i));
    }
    for (i = m - 1; i >= 0; i--) {
      up[i] = i === m - 1 ? want[i] : Math.min(want[i], up[i + 1] - space(i, i + 1));
    }
    for (i = 0; i < m; i++) { cy[layerVertices[i]] = (down[i] + up[i]) / 2; }

    function space(p, q) { return (vHeight[layerVertices[p]] + vHeight[layerVertices[q]]) / 2 + GAP_Y; }
  }

  Sprig.layoutLayered = layout;
  Sprig.layoutSpacing = { margin: MARGIN, gap: GAP_Y };
})(window.Sprig = window.Sprig || {});
