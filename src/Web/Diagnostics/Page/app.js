// Reads the diagnostics routes next to the page ({prefix}/graph, /startup, ...; relative URLs against the page's
// <base href="{prefix}/">) and draws each section as its data arrives.
(function (Sprig) {
  'use strict';

  // The JSON of one route; health answers 503 with its JSON when unhealthy, so its body is read whatever the status.
  function read(route, anyStatus) {
    return fetch(route, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok && !anyStatus) { throw new Error(response.status + ' ' + response.statusText); }
      return response.json();
    });
  }

  // The components (what each is) from /components, the links from /graph (which marks those that close a cycle); when one
  // of them cannot be read, the other alone (the links of /components carry no cycle marks).
  function readGraph() {
    var failed = null;
    function note(error) { failed = error; return null; }
    return Promise.all([read('components').catch(note), read('graph?format=json').catch(note)]).then(function (both) {
      var components = both[0], graph = both[1];
      if (!components && !graph) { throw failed; }
      var edges = graph ? graph.edges : [];
      if (!graph) {
        components.forEach(function (c) {
          c.dependencies.forEach(function (d) { edges.push({ from: c.name, to: d.component, kind: d.kind, cycle: false }); });
        });
      }
      return { nodes: components || graph.nodes, edges: edges };
    });
  }

  function start() {
    Sprig.byId('sprig-search').addEventListener('input', Sprig.drawGraph);
    Sprig.byId('sprig-hide-framework').addEventListener('change', Sprig.drawGraph);
    Sprig.byId('sprig-graph').addEventListener('click', function (event) {
      var node = event.target.closest('g.node, g.service');
      if (node) { Sprig.select(node.getAttribute('data-name')); }
    });
    Sprig.byId('sprig-graph').addEventListener('keydown', function (event) {
      var node = event.target.closest('g.node, g.service');
      if (node && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); Sprig.select(node.getAttribute('data-name')); }
    });
    Sprig.byId('sprig-zoom-in').addEventListener('click', function () { Sprig.zoomBy(1.25); });
    Sprig.byId('sprig-zoom-out').addEventListener('click', function () { Sprig.zoomBy(0.8); });
    Sprig.byId('sprig-zoom-fit').addEventListener('click', Sprig.zoomToFit);
    Sprig.showDetails(null);
    // The page has a <base href>: "#graph" would load {prefix}/#graph, so the header's links scroll instead.
    document.querySelectorAll('header nav a').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        Sprig.byId(link.getAttribute('href').slice(1)).scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
    });

    var summary = {};
    function showSummary() {
      var parts = [];
      if (summary.components !== undefined) { parts.push(summary.components + ' components'); }
      if (summary.out !== undefined) { parts.push(summary.out + ' conditional out'); }
      if (summary.refresh !== undefined) { parts.push('refresh ' + Sprig.ms(summary.refresh)); }
      Sprig.byId('sprig-summary').textContent = parts.join(' · ');
    }
    function redrawDetails() { if (Sprig.selected) { Sprig.showDetails(Sprig.selected); } }

    var loads = [
      readGraph().then(function (graph) {
        summary.components = graph.nodes.length; showSummary();
        Sprig.setGraph(graph);
      }, function (error) { Sprig.fail(Sprig.byId('sprig-graph-note'), 'graph', error); }),
      read('startup').then(function (steps) {
        summary.refresh = Sprig.drawTimeline(steps); showSummary(); redrawDetails();
        // The chart is as wide as its box: drawn again when the window's width changes.
        var width = window.innerWidth, pending = false;
        window.addEventListener('resize', function () {
          if (pending || window.innerWidth === width) { return; }
          pending = true;
          requestAnimationFrame(function () { pending = false; width = window.innerWidth; Sprig.drawTimeline(steps); });
        });
      }, function (error) { Sprig.fail(Sprig.byId('sprig-timeline-summary'), 'startup', error); }),
      read('conditions').then(function (conditions) {
        summary.out = Sprig.drawConditions(conditions); showSummary(); redrawDetails();
      }, function (error) { Sprig.fail(Sprig.byId('sprig-conditions-summary'), 'conditions', error); }),
      read('mappings').then(Sprig.drawMappings, function (error) { Sprig.fail(Sprig.byId('sprig-mappings-error'), 'mappings', error); }),
      read('health', true).then(Sprig.drawHealth, Sprig.healthFailed),
      read('config').then(Sprig.drawConfig, function (error) { Sprig.fail(Sprig.byId('sprig-config-error'), 'config', error); })
    ];
    // Every section drawn (or its error shown): tests and screenshots wait for this.
    Promise.all(loads).then(function () { document.body.setAttribute('data-ready', 'true'); });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})(window.Sprig = window.Sprig || {});
