// The start-up timeline as a Gantt chart: the refresh phases first, then one row per component with its create,
// post-construct and on-start bars; an axis in milliseconds.
(function (Sprig) {
  'use strict';

  var ROW_H = 20, BAR_H = 12, AXIS_H = 26, LABEL_W = 230, PAD_RIGHT = 24;
  var COMPONENT_PHASES = { create: '#3b82f6', 'post-construct': '#8b5cf6', 'on-start': '#10b981' };
  var REFRESH_COLOURS = ['#f59e0b', '#ef4444', '#ec4899', '#14b8a6', '#6366f1', '#84cc16', '#f97316', '#06b6d4'];

  // steps: the JSON of /startup, in the order they started.
  Sprig.drawTimeline = function (steps) {
    var svg = Sprig.clear(Sprig.byId('sprig-timeline'));
    var byName = new Map(), rows = [], phaseColours = {}, refreshIndex = 0, end = 0;
    steps.forEach(function (step) {
      end = Math.max(end, step.startMs + step.durationMs);
      if (COMPONENT_PHASES[step.phase]) {
        if (!byName.has(step.name)) { byName.set(step.name, []); rows.push({ name: step.name, phase: false, steps: byName.get(step.name) }); }
        byName.get(step.name).push(step);
      } else {
        if (!phaseColours[step.phase]) { phaseColours[step.phase] = REFRESH_COLOURS[refreshIndex++ % REFRESH_COLOURS.length]; }
        rows.push({ name: step.name, phase: true, steps: [step] });
      }
    });
    // Refresh phases on top, components below in the order they started.
    rows.sort(function (a, b) { return (a.phase === b.phase) ? 0 : a.phase ? -1 : 1; });
    Sprig.stepsByName = byName;

    var width = Math.max(640, svg.parentNode.clientWidth - 2);
    var plot = width - LABEL_W - PAD_RIGHT;
    var scale = end > 0 ? plot / end : 0;
    var height = AXIS_H + rows.length * ROW_H + 8;
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);

    var fragment = document.createDocumentFragment();
    rows.forEach(function (row, i) {
      if (i % 2 === 1) { fragment.appendChild(Sprig.svg('rect', { class: 'row-alt', x: 0, y: AXIS_H + i * ROW_H, width: width, height: ROW_H })); }
    });
    var step = niceStep(end / 8);
    for (var t = 0; step > 0 && t <= end * 1.000001; t += step) {
      var x = LABEL_W + t * scale;
      fragment.appendChild(Sprig.svg('line', { class: 'grid', x1: x, y1: AXIS_H - 6, x2: x, y2: height }));
      fragment.appendChild(Sprig.svg('text', { class: 'tick', x: x, y: AXIS_H - 10, 'text-anchor': 'middle' }, round(t) + ' ms'));
    }
    rows.forEach(function (row, i) {
      var y = AXIS_H + i * ROW_H;
      var text = row.name.length > 34 ? row.name.slice(0, 33) + '…' : row.name;
      fragment.appendChild(Sprig.svg('text', { class: 'label' + (row.phase ? ' phase' : ''), x: 10, y: y + ROW_H / 2 + 4 }, row.phase ? 'refresh: ' + text : text));
      row.steps.forEach(function (s) {
        var colour = COMPONENT_PHASES[s.phase] || phaseColours[s.phase];
        var bar = Sprig.svg('rect', {
          class: 'bar', 'data-name': s.name, 'data-phase': s.phase, x: LABEL_W + s.startMs * scale, y: y + (ROW_H - BAR_H) / 2,
          width: Math.max(2, s.durationMs * scale), height: BAR_H, rx: 2, fill: colour
        }, Sprig.svg('title', null, s.name + ' — ' + s.phase + ': ' + Sprig.ms(s.durationMs) + ' at ' + Sprig.ms(s.startMs)));
        fragment.appendChild(bar);
      });
      // The durations beside the row's last bar (before its first one when there is no room on the right).
      var first = row.steps[0], last = row.steps[row.steps.length - 1];
      var after = LABEL_W + (last.startMs + last.durationMs) * scale + 5;
      var text = row.steps.map(function (s) { return Number(s.durationMs).toFixed(3); }).join(' + ') + ' ms';
      var room = after + text.length * 6.5 < width;
      fragment.appendChild(Sprig.svg('text', {
        class: 'dur', x: room ? after : LABEL_W + first.startMs * scale - 5, y: y + ROW_H / 2 + 4, 'text-anchor': room ? 'start' : 'end'
      }, text));
    });
    svg.appendChild(fragment);
    svg.onclick = function (event) {
      var bar = event.target.closest('rect.bar');
      if (bar && !COMPONENT_PHASES[bar.getAttribute('data-phase')]) { return; }
      if (bar) { Sprig.select(bar.getAttribute('data-name')); }
    };

    var legend = Sprig.clear(Sprig.byId('sprig-timeline-legend'));
    var all = Object.assign({}, phaseColours, COMPONENT_PHASES);
    Object.keys(all).forEach(function (phase) {
      legend.appendChild(Sprig.el('span', null, Sprig.svg('svg', { width: 12, height: 12 }, Sprig.svg('rect', { width: 12, height: 12, rx: 2, fill: all[phase] })), phase));
    });
    var created = steps.filter(function (s) { return s.phase === 'create'; }).length;
    Sprig.byId('sprig-timeline-summary').textContent = steps.length === 0 ? 'No start-up steps recorded.' :
      'Refresh took ' + Sprig.ms(end) + '; ' + created + ' component' + (created === 1 ? '' : 's') + ' created.';
    return end;
  };

  function niceStep(raw) {
    if (!(raw > 0)) { return 0; }
    var power = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / power;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
  }

  function round(value) { return Number(value.toPrecision(6)); }
})(window.Sprig = window.Sprig || {});
