// The dependency graph: filter by the search box, draw at most MAX_NODES with the layered layout, select a node.
(function (Sprig) {
  'use strict';

  var MAX_NODES = 300;
  var NODE_H = 38;
  var SERVICE_H = 26;
  var KINDS = ['type', 'name', 'lazy', 'collection', 'bean-factory', 'framework', 'cycle'];
  var COLOURS = { type: '#64748b', name: '#7c3aed', lazy: '#0891b2', collection: '#059669', 'bean-factory': '#d97706', framework: '#94a3b8', cycle: '#dc2626' };

  var model = null;     // { nodes, edges, byName, edgesOut, edgesIn }
  var drawn = null;     // { nodeElements: Map name -> g, edgeElements: [{ edge, element }] }
  var zoom = 1;
  var userZoomed = false;
  var lastLayout = null;
  var measure = null;

  // graph: { nodes, edges } as /graph?format=json has them. A link to a service every context provides (IConfiguration,
  // ILogger<T>, ...) has no node: such services are drawn as pills, next to the components that use them.
  Sprig.setGraph = function (graph) {
    var byName = new Map(), services = new Map(), edgesOut = new Map(), edgesIn = new Map();
    graph.nodes.forEach(function (node) { byName.set(node.name, node); edgesOut.set(node.name, []); edgesIn.set(node.name, []); });
    graph.edges.forEach(function (edge) {
      if (!byName.has(edge.to) && !services.has(edge.to)) {
        services.set(edge.to, { name: edge.to, service: true });
        edgesIn.set(edge.to, []);
      }
      if (edgesOut.has(edge.from)) { edgesOut.get(edge.from).push(edge); }
      edgesIn.get(edge.to).push(edge);
    });
    model = { nodes: graph.nodes, edges: graph.edges, byName: byName, services: services, edgesOut: edgesOut, edgesIn: edgesIn };
    Sprig.byId('sprig-framework-count').textContent = String(graph.nodes.filter(isFramework).length);
    Sprig.graphModel = model;
    drawLegend();
    Sprig.drawGraph();
  };

  Sprig.drawGraph = function () {
    if (!model) { return; }
    var svg = Sprig.byId('sprig-graph'), note = Sprig.byId('sprig-graph-note');
    var query = Sprig.byId('sprig-search').value.trim().toLowerCase();
    var hideFramework = Sprig.byId('sprig-hide-framework').checked;
    var matches = query || hideFramework ? model.nodes.filter(function (node) {
      return node.name.toLowerCase().indexOf(query) >= 0 && !(hideFramework && isFramework(node));
    }) : model.nodes;
    var shown = matches.length > MAX_NODES ? matches.slice(0, MAX_NODES) : matches;
    note.textContent = matches.length > MAX_NODES
      ? 'Showing ' + MAX_NODES + ' of ' + matches.length + ' components — type in the search box to narrow.'
      : matches.length === 0 ? (model.nodes.length === 0 ? 'The context has no components.' : 'No component name contains "' + query + '".') : '';

    var index = new Map();
    shown.forEach(function (node, i) { index.set(node.name, i); });
    var items = shown.slice();
    model.edges.forEach(function (edge) {
      if (index.has(edge.from) && !index.has(edge.to) && model.services.has(edge.to)) {
        index.set(edge.to, items.length);
        items.push(model.services.get(edge.to));
      }
    });
    var edges = [], layoutEdges = [];
    model.edges.forEach(function (edge) {
      if (index.has(edge.from) && index.has(edge.to)) {
        edges.push(edge);
        layoutEdges.push({ from: index.get(edge.from), to: index.get(edge.to), ignore: edge.cycle || edge.kind === 'lazy' });
      }
    });
    var boxes = items.map(function (node) {
      return node.service
        ? { width: textWidth(label(node.name), '11.5px') + 26, height: SERVICE_H }
        : { width: Math.max(textWidth(label(node.name), '600 12.5px'), textWidth(subtitle(node), '10.5px')) + 24, height: NODE_H };
    });
    var result = Sprig.layout(boxes, layoutEdges);
    lastLayout = result;

    Sprig.clear(svg);
    svg.appendChild(markers());
    var edgeLayer = Sprig.svg('g', { class: 'edges' }), nodeLayer = Sprig.svg('g', { class: 'nodes' });
    var edgeElements = [];
    edges.forEach(function (edge, i) {
      var style = edge.cycle ? 'cycle' : edge.kind;
      var classes = 'edge k-' + edge.kind + (edge.kind === 'lazy' ? ' lazy' : '') + (edge.cycle ? ' cycle' : '');
      var path = Sprig.svg('path', {
        class: classes, d: pathOf(result.edges[i]), 'data-from': edge.from, 'data-to': edge.to, 'data-kind': edge.kind,
        'marker-end': 'url(#sprig-arrow-' + (COLOURS[style] ? style : 'type') + ')'
      }, Sprig.svg('title', null, edge.from + ' → ' + edge.to + ' (' + edge.kind + (edge.cycle ? ', closes a cycle' : '') + ')'));
      edgeLayer.appendChild(path);
      edgeElements.push({ edge: edge, element: path });
    });
    var nodeElements = new Map();
    items.forEach(function (node, i) {
      var box = boxes[i], at = result.nodes[i];
      if (node.service) {
        var pill = Sprig.svg('g', { class: 'service', 'data-name': node.name, tabindex: 0, role: 'button', transform: 'translate(' + at.x + ',' + at.y + ')' },
          Sprig.svg('title', null, node.name + '\na service the context provides'),
          Sprig.svg('rect', { width: box.width, height: box.height, rx: box.height / 2, ry: box.height / 2 }),
          Sprig.svg('text', { x: 13, y: 17 }, label(node.name)));
        nodeLayer.appendChild(pill);
        nodeElements.set(node.name, pill);
        return;
      }
      var g = Sprig.svg('g', { class: 'node ' + (node.state || '').replace(/\s+/g, '-'), 'data-name': node.name, tabindex: 0, role: 'button', transform: 'translate(' + at.x + ',' + at.y + ')' },
        Sprig.svg('title', null, node.name + '\n' + node.type),
        Sprig.svg('rect', { width: box.width, height: box.height, rx: 7, ry: 7 }),
        Sprig.svg('text', { class: 'name', x: 12, y: 16 }, label(node.name)),
        Sprig.svg('text', { class: 'sub', x: 12, y: 30 }, subtitle(node)));
      nodeLayer.appendChild(g);
      nodeElements.set(node.name, g);
    });
    svg.appendChild(edgeLayer);
    svg.appendChild(nodeLayer);
    svg.setAttribute('viewBox', '0 0 ' + result.width + ' ' + result.height);
    drawn = { nodeElements: nodeElements, edgeElements: edgeElements };
    if (!userZoomed) { zoom = fitWidth(0.55); }
    applyZoom();
    highlight(Sprig.selected);
  };

  Sprig.zoomBy = function (factor) { userZoomed = true; zoom = Math.min(3, Math.max(0.1, zoom * factor)); applyZoom(); };

  Sprig.zoomToFit = function () {
    if (!lastLayout) { return; }
    userZoomed = true;
    zoom = Math.min(fitWidth(0.05), 636 / lastLayout.height);
    applyZoom();
  };

  // The zoom at which the graph is as wide as the viewport (never above 1, never below the floor).
  function fitWidth(floor) {
    var viewport = Sprig.byId('sprig-graph').parentNode;
    return Math.max(floor, Math.min(1, (viewport.clientWidth - 4) / lastLayout.width));
  }

  function applyZoom() {
    if (!lastLayout) { return; }
    var svg = Sprig.byId('sprig-graph');
    svg.setAttribute('width', Math.ceil(lastLayout.width * zoom));
    svg.setAttribute('height', Math.ceil(lastLayout.height * zoom));
  }

  // Marks the selected node, its neighbours and its edges; the rest is dimmed.
  function highlight(name) {
    if (!drawn) { return; }
    var svg = Sprig.byId('sprig-graph');
    drawn.nodeElements.forEach(function (g) { g.classList.remove('selected', 'near'); });
    var selected = name && drawn.nodeElements.get(name);
    svg.classList.toggle('has-selection', !!selected);
    drawn.edgeElements.forEach(function (item) {
      var on = !!selected && (item.edge.from === name || item.edge.to === name);
      item.element.classList.toggle('hl', on);
      if (on) {
        var other = item.edge.from === name ? item.edge.to : item.edge.from;
        drawn.nodeElements.get(other).classList.add('near');
      }
    });
    if (selected) { selected.classList.add('selected'); }
  }
  Sprig.highlight = highlight;

  // The drawn node (or service pill) of a name, or null when it is not drawn.
  Sprig.drawnElement = function (name) { return drawn ? drawn.nodeElements.get(name) || null : null; };

  // The services of the host (IServiceCollection descriptors): many, and rarely what one looks for.
  function isFramework(node) { return node.origin === 'service descriptor'; }

  function label(name) { return name.length > 40 ? name.slice(0, 39) + '…' : name; }

  function subtitle(node) {
    var origin = /^\[Bean\]/.test(node.origin) ? ' · [Bean]' : '';
    return node.scope + ' · ' + node.state + origin;
  }

  function textWidth(text, font) {
    if (!measure) { measure = document.createElement('canvas').getContext('2d'); }
    measure.font = font + ' system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    return Math.ceil(measure.measureText(text).width);
  }

  // Smooth horizontal curves through the routed points; a self link loops out on the right, a link within a layer bulges right.
  function pathOf(route) {
    var p = route.points;
    if (route.kind === 'self' || route.kind === 'same') {
      var bulge = route.kind === 'self' ? 28 : 36 + Math.abs(p[1].y - p[0].y) / 6;
      return 'M' + p[0].x + ',' + p[0].y + ' C' + (p[0].x + bulge) + ',' + p[0].y + ' ' + (p[1].x + bulge) + ',' + p[1].y + ' ' + (p[1].x + 3) + ',' + p[1].y;
    }
    var d = 'M' + p[0].x + ',' + p[0].y;
    for (var i = 1; i < p.length; i++) {
      var mx = (p[i - 1].x + p[i].x) / 2;
      d += ' C' + mx + ',' + p[i - 1].y + ' ' + mx + ',' + p[i].y + ' ' + p[i].x + ',' + p[i].y;
    }
    return d;
  }

  function markers() {
    var defs = Sprig.svg('defs');
    KINDS.forEach(function (kind) {
      defs.appendChild(Sprig.svg('marker', { id: 'sprig-arrow-' + kind, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' },
        Sprig.svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLOURS[kind] })));
    });
    return defs;
  }

  function drawLegend() {
    var legend = Sprig.clear(Sprig.byId('sprig-graph-legend'));
    KINDS.forEach(function (kind) {
      var dash = kind === 'lazy' ? '5 3' : null;
      legend.appendChild(Sprig.el('span', null,
        Sprig.svg('svg', { width: 26, height: 8 }, Sprig.svg('line', { x1: 0, y1: 4, x2: 26, y2: 4, stroke: COLOURS[kind], 'stroke-width': 2, 'stroke-dasharray': dash })),
        kind === 'cycle' ? 'closes a cycle' : kind));
    });
    legend.appendChild(Sprig.el('span', null,
      Sprig.svg('svg', { width: 22, height: 12 }, Sprig.svg('rect', { x: 1, y: 1, width: 20, height: 10, rx: 5, fill: '#f8fafc', stroke: '#94a3b8', 'stroke-dasharray': '3 3' })),
      'service the context provides'));
  }
})(window.Sprig = window.Sprig || {});
