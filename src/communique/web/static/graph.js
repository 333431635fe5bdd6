// Relations graph: hovering an actor fades every edge and actor it is not connected to.
// The page is complete without this script; it only adds focus.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  if (!svg) { return; }
  var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node"));
  function focus(id) {
    var linked = {};
    linked[id] = true;
    edges.forEach(function (edge) {
      var on = edge.getAttribute("data-source") === id || edge.getAttribute("data-target") === id;
      edge.classList.toggle("lit", on);
      if (on) { linked[edge.getAttribute("data-source")] = true; linked[edge.getAttribute("data-target")] = true; }
    });
    nodes.forEach(function (node) { node.classList.toggle("lit", !!linked[node.getAttribute("data-id")]); });
    svg.classList.add("focused");
  }
  function clear() { svg.classList.remove("focused"); }
  nodes.forEach(function (node) {
    node.addEventListener("mouseenter", function () { focus(node.getAttribute("data-id")); });
    node.addEventListener("focus", function () { focus(node.getAttribute("data-id")); });
    node.addEventListener("mouseleave", clear);
    node.addEventListener("blur", clear);
  });
}());
