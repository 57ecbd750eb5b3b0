// The details panel of the selected component: what it is, its links, why it is in, its start-up time.
(function (Sprig) {
  'use strict';

  Sprig.selected = null;

  Sprig.select = function (name) {
    Sprig.selected = name;
    Sprig.highlight(name);
    Sprig.showDetails(name);
    var drawn = Sprig.drawnElement(name);
    if (drawn) { drawn.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  };

  Sprig.showDetails = function (name) {
    var panel = Sprig.clear(Sprig.byId('sprig-details'));
    var model = Sprig.graphModel;
    var service = model && name ? model.services.get(name) : null;
    if (service) {
      panel.setAttribute('data-name', service.name);
      panel.appendChild(Sprig.el('h3', { 'data-field': 'name' }, service.name));
      panel.appendChild(Sprig.el('p', { 'data-field': 'kind', class: 'muted' }, 'A service the context provides itself: no component, nothing to configure.'));
      panel.appendChild(links('Used by', 'in', model.edgesIn.get(service.name), function (edge) { return edge.from; }));
      return;
    }
    var node = model && name ? model.byName.get(name) : null;
    if (!node) {
      panel.appendChild(Sprig.el('p', { class: 'muted' }, 'Click a component in the graph or the timeline to see its links, why it is in and its start-up time.'));
      return;
    }
    panel.setAttribute('data-name', node.name);
    panel.appendChild(Sprig.el('h3', { 'data-field': 'name' }, node.name));
    panel.appendChild(Sprig.el('dl', null,
      field('Type', 'type', node.type, 'mono'),
      field('Scope', 'scope', node.scope),
      field('Namespace', 'namespace', node.namespace),
      field('Origin', 'origin', node.origin),
      field('State', 'state', node.state),
      field('Start-up', 'startup', startup(node.name))));
    panel.appendChild(links('Depends on', 'out', model.edgesOut.get(node.name), function (edge) { return edge.to; }));
    panel.appendChild(links('Used by', 'in', model.edgesIn.get(node.name), function (edge) { return edge.from; }));
    panel.appendChild(Sprig.el('h4', null, 'Why it is in'));
    panel.appendChild(Sprig.el('p', { 'data-field': 'why' }, why(node.name)));
  };

  function field(title, key, value, className) {
    return [Sprig.el('dt', null, title), Sprig.el('dd', { 'data-field': key, class: className }, value)];
  }

  function links(title, key, edges, other) {
    var list = Sprig.el('ul', { 'data-field': key });
    edges.forEach(function (edge) {
      var name = other(edge);
      var link = Sprig.el('a', { 'data-name': name }, name);
      link.addEventListener('click', function () { Sprig.select(name); });
      list.appendChild(Sprig.el('li', null, link, ' ', Sprig.el('span', { class: 'kind' }, edge.kind + (edge.cycle ? ', closes a cycle' : ''))));
    });
    if (edges.length === 0) { list.appendChild(Sprig.el('li', { class: 'muted' }, 'none')); }
    return Sprig.el('div', null, Sprig.el('h4', null, title + ' (' + edges.length + ')'), list);
  }

  // "create 0.120 ms at 3.401 ms; post-construct 0.010 ms at 3.521 ms", or "not created during start-up".
  function startup(name) {
    var steps = Sprig.stepsByName ? Sprig.stepsByName.get(name) : null;
    if (!Sprig.stepsByName) { return 'start-up steps not loaded'; }
    if (!steps || steps.length === 0) { return 'not created during start-up'; }
    return steps.map(function (step) { return step.phase + ' ' + Sprig.ms(step.durationMs) + ' at ' + Sprig.ms(step.startMs); }).join('; ');
  }

  function why(name) {
    if (!Sprig.conditionsByName) { return 'condition report not loaded'; }
    var entry = Sprig.conditionsByName.get(name);
    return entry ? entry.text : 'no conditions';
  }
})(window.Sprig = window.Sprig || {});
