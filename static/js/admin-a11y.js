// The admin's script-built widgets leave out names that screen readers (and axe-core) need. This file adds them
// wherever such a widget appears, now or later (a new inline row, select2 drawing its selection again):
// - an autocomplete (select2) box is named by its field's label, and its "×" no longer sits loose in its list;
// - the filter widget's magnifier icons, named with aria-label, get the image role that such a name needs;
// - a box typed into a list (list_editable) is named by its column and its row: 「表示順（NPO法人の設立相談）」.
(function () {
  "use strict";

  function labelId(select) {
    const label = select.id && document.querySelector('label[for="' + CSS.escape(select.id) + '"]');
    if (!label) return null;
    if (!label.id) label.id = select.id + "-label";
    return label.id;
  }

  function nameSelect2(select) {
    const container = select.nextElementSibling;
    const id = labelId(select);
    if (!id || !container || !container.classList.contains("select2")) return;
    const combobox = container.querySelector(".select2-selection");
    const current = (combobox && combobox.getAttribute("aria-labelledby")) || "";
    if (combobox && !current.split(" ").includes(id)) {
      combobox.setAttribute("aria-labelledby", (id + " " + current).trim());
    }
    // A single box shows its value in a span with role="textbox": it needs the name too.
    container.querySelectorAll(".select2-selection__rendered[role=textbox]:not([aria-labelledby])").forEach(function (text) {
      text.setAttribute("aria-labelledby", id);
    });
    container.querySelectorAll(".select2-search__field:not([aria-labelledby])").forEach(function (input) {
      input.setAttribute("aria-labelledby", id);
    });
    container.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach(function (clear) {
      clear.setAttribute("role", "listitem");
      clear.setAttribute("aria-hidden", "true");
    });
  }

  function nameListBoxes() {
    const table = document.getElementById("result_list");
    if (!table) return;
    const headings = [...table.querySelectorAll("thead th")];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      const title = row.querySelector("th, td a");
      row.querySelectorAll("td").forEach(function (cell) {
        const heading = headings[cell.cellIndex];
        cell.querySelectorAll("input:not([type=hidden]):not([aria-label]), select:not([aria-label]), textarea:not([aria-label])")
          .forEach(function (box) {
            if (box.labels && box.labels.length) return;
            const column = heading ? (heading.querySelector(".text") || heading).textContent.trim() : "";
            box.setAttribute("aria-label", title ? column + "（" + title.textContent.trim() + "）" : column);
          });
      });
    });
  }

  function fix() {
    nameListBoxes();
    document.querySelectorAll("select.admin-autocomplete").forEach(nameSelect2);
    document.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; fix(); });
  }

  function start() {
    fix();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
