// Grid editor: reorder questions by drag and drop. Without JavaScript the ↑ ↓ buttons
// do the same; this only adds dragging. The new order is posted with htmx.
(function () {
  "use strict";
  var dragged = null;

  function listOf(el) { return el && el.closest("ol.questions[data-order-url]"); }

  document.addEventListener("dragstart", function (e) {
    var item = e.target.closest && e.target.closest("li.question[draggable=true]");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", item.dataset.id);
  });

  document.addEventListener("dragover", function (e) {
    if (!dragged) return;
    var over = e.target.closest && e.target.closest("li.question");
    if (!over || over === dragged || listOf(over) !== listOf(dragged)) return;
    e.preventDefault();
    var box = over.getBoundingClientRect();
    var after = e.clientY > box.top + box.height / 2;
    over.parentNode.insertBefore(dragged, after ? over.nextSibling : over);
  });

  document.addEventListener("dragend", function () {
    if (!dragged) return;
    var list = listOf(dragged);
    dragged.classList.remove("dragging");
    dragged = null;
    if (!list || !window.htmx) return;
    var ids = Array.prototype.map.call(list.querySelectorAll("li.question"), function (li) {
      return li.dataset.id;
    });
    var section = list.closest("section.section");
    htmx.ajax("POST", list.dataset.orderUrl, {
      source: list, target: "#" + section.id, swap: "outerHTML", values: { order: ids }
    });
  });
})();
