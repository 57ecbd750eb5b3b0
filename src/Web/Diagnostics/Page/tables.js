// The tables: condition report, endpoints, health, configuration.
(function (Sprig) {
  'use strict';

  var el = Sprig.el;
  var MAX_KEYS = 500;

  // conditions: the JSON of /conditions; out components first, each with its conditions and what they saw.
  Sprig.drawConditions = function (conditions) {
    Sprig.conditionsByName = new Map(conditions.map(function (entry) { return [entry.component, entry]; }));
    var sorted = conditions.slice().sort(function (a, b) { return (a.included === b.included) ? 0 : a.included ? 1 : -1; });
    Sprig.fillTable(Sprig.byId('sprig-conditions'), sorted.map(function (entry) {
      return el('tr', { class: entry.included ? 'in' : 'out', 'data-component': entry.component },
        el('td', null, entry.component),
        el('td', null, el('span', { class: 'badge ' + (entry.included ? 'in' : 'out') }, entry.included ? 'in' : 'out')),
        el('td', null, entry.conditions.map(function (c) {
          return el('span', { class: 'cond ' + (c.matched ? 'matched' : 'failed') },
            el('span', { class: 'mark' }, c.matched ? '✓' : '✗'), el('span', { class: 'mono' }, c.condition), ' ', c.message);
        })));
    }), 'No component has conditions.');
    var out = conditions.filter(function (c) { return !c.included; }).length;
    Sprig.byId('sprig-conditions-summary').textContent = conditions.length + ' conditional, ' + out + ' out';
    return out;
  };

  // mappings: the JSON of /mappings: HTTP routes, RPC endpoints, NATS subjects in one table.
  Sprig.drawMappings = function (mappings) {
    var rows = [];
    (mappings.http || []).forEach(function (m) {
      rows.push(row('HTTP', (m.methods || []).join(', ') || 'any', m.route, m.name || ''));
    });
    (mappings.rpc || []).forEach(function (m) {
      rows.push(row('RPC', m.streaming ? 'stream' : 'call', m.address, m.component + '.' + m.method));
    });
    (mappings.nats || []).forEach(function (m) {
      rows.push(row('NATS', 'request', m.subject, m.endpoint));
    });
    Sprig.fillTable(Sprig.byId('sprig-mappings'), rows, 'No endpoints are mapped.');

    function row(kind, method, address, handler) {
      return el('tr', { 'data-kind': kind.toLowerCase() }, el('td', null, el('span', { class: 'badge' }, kind)), el('td', null, method),
        el('td', { class: 'mono' }, address), el('td', null, handler));
    }
  };

  // health: the JSON of /health (also sent with 503 when unhealthy).
  Sprig.drawHealth = function (health) {
    var panel = Sprig.clear(Sprig.byId('sprig-health'));
    var status = String(health.status || 'Unknown');
    panel.appendChild(el('div', { class: 'health-head' },
      el('span', { class: 'badge ' + status.toLowerCase(), 'data-field': 'status' }, status),
      el('span', null, 'Context: ', el('strong', { 'data-field': 'context' }, health.context))));
    var table = el('table', { class: 'data' }, el('thead', null, el('tr', null, el('th', null, 'Check'), el('th', null, 'Status'), el('th', null, 'Description'), el('th', null, 'Duration'))), el('tbody'));
    panel.appendChild(table);
    Sprig.fillTable(table, (health.checks || []).map(function (check) {
      return el('tr', { 'data-check': check.name }, el('td', null, check.name),
        el('td', null, el('span', { class: 'badge ' + String(check.status).toLowerCase() }, check.status)),
        el('td', null, check.description || ''), el('td', null, Sprig.ms(check.durationMs || 0)));
    }), 'No health checks.');
    setBadge(status, status);
  };

  Sprig.healthFailed = function (error) {
    Sprig.fail(Sprig.byId('sprig-health'), 'health', error);
    setBadge('unknown', 'Health unknown');
  };

  function setBadge(status, text) {
    var badge = Sprig.byId('sprig-health-badge');
    badge.className = 'badge ' + status.toLowerCase();
    badge.textContent = text;
  }

  // config: the JSON of /config; the filter box narrows by key.
  Sprig.drawConfig = function (config) {
    var table = Sprig.byId('sprig-config'), filter = Sprig.byId('sprig-config-search');
    function draw() {
      var query = filter.value.trim().toLowerCase();
      var matches = config.filter(function (c) { return !query || c.key.toLowerCase().indexOf(query) >= 0; });
      var rows = matches.slice(0, MAX_KEYS).map(function (c) {
        return el('tr', { 'data-key': c.key }, el('td', { class: 'mono' }, c.key), el('td', { class: 'mono' }, c.value === null ? 'null' : c.value), el('td', null, c.source));
      });
      if (matches.length > MAX_KEYS) {
        rows.push(el('tr', null, el('td', { class: 'empty', colspan: 3 }, 'Showing ' + MAX_KEYS + ' of ' + matches.length + ' keys — type in the filter box to narrow.')));
      }
      Sprig.fillTable(table, rows, query ? 'No key contains "' + query + '".' : 'No configuration keys.');
    }
    filter.oninput = draw;
    draw();
  };
})(window.Sprig = window.Sprig || {});
