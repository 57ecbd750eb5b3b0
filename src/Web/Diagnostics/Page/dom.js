// Small DOM helpers. Every text from the server goes through textContent or setAttribute: never through innerHTML.
(function (Sprig) {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  // el('td', { class: 'x', 'data-name': n }, 'text', childNode, ...)
  function build(element, attributes, children) {
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value !== undefined && value !== null && value !== false) { element.setAttribute(name, String(value)); }
      });
    }
    for (var i = 0; i < children.length; i++) { append(element, children[i]); }
    return element;
  }

  function append(parent, child) {
    if (child === undefined || child === null || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  Sprig.el = function (tag, attributes) {
    return build(document.createElement(tag), attributes, Array.prototype.slice.call(arguments, 2));
  };

  Sprig.svg = function (tag, attributes) {
    return build(document.createElementNS(SVG, tag), attributes, Array.prototype.slice.call(arguments, 2));
  };

  Sprig.byId = function (id) { return document.getElementById(id); };

  Sprig.clear = function (element) {
    while (element.firstChild) { element.removeChild(element.firstChild); }
    return element;
  };

  // Milliseconds with three decimals: "0.125 ms".
  Sprig.ms = function (value) { return Number(value).toFixed(3) + ' ms'; };

  // A table body's rows, or one row saying there is nothing.
  Sprig.fillTable = function (table, rows, emptyText) {
    var body = table.tBodies[0] || table.appendChild(document.createElement('tbody'));
    Sprig.clear(body);
    if (rows.length === 0) {
      body.appendChild(Sprig.el('tr', null, Sprig.el('td', { class: 'empty', colspan: table.tHead.rows[0].cells.length }, emptyText)));
      return;
    }
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  };

  // A section's message when its route could not be read.
  Sprig.fail = function (container, route, error) {
    Sprig.clear(container).appendChild(Sprig.el('p', { class: 'error' }, 'Could not read ' + route + ': ' + error.message));
  };
})(window.Sprig = window.Sprig || {});
