/*
 * Maps, only when asked: the 「地図を表示する」 button appears once this file runs (without JavaScript the
 * list stays as it is) and Leaflet itself (static/vendor/leaflet, vendored from npm) is fetched on the first click.
 * Each map reads its points from a <script type="application/json"> block written by the server.
 */
(function () {
  "use strict";

  // A page may include the panel's script more than once: bind the buttons only once.
  if (window.nerimaMapsBound) return;
  window.nerimaMapsBound = true;
  var leafletReady = null;

  function loadLeaflet(panel) {
    if (leafletReady) return leafletReady;
    leafletReady = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = panel.dataset.leafletCss;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = panel.dataset.leafletJs;
      script.onload = function () { resolve(window.L); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return leafletReady;
  }

  function popupContent(point) {
    // Built from text nodes: names typed by organizations never become markup.
    var box = document.createElement("div");
    var title = document.createElement(point.url ? "a" : "strong");
    title.textContent = point.name;
    if (point.url) title.href = point.url;
    box.appendChild(title);
    (point.lines || []).forEach(function (line) {
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(line));
    });
    return box;
  }

  function draw(L, panel) {
    var points = JSON.parse(document.getElementById(panel.id + "-points").textContent);
    var map = L.map(panel, { scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: panel.dataset.zoomIn, zoomOutTitle: panel.dataset.zoomOut }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    L.tileLayer(panel.dataset.tiles, { attribution: panel.dataset.attribution, maxZoom: 18, minZoom: 10 }).addTo(map);
    L.Icon.Default.imagePath = panel.dataset.leafletImages;
    var bounds = [];
    (points.places || []).forEach(function (point) {
      var marker = L.marker([point.lat, point.lng], { title: point.name, alt: point.name, keyboard: true });
      marker.bindPopup(popupContent(point)).addTo(map);
      bounds.push([point.lat, point.lng]);
    });
    if (points.origin) {
      var origin = points.origin;
      L.circleMarker([origin.lat, origin.lng], { radius: 10, color: "#000", weight: 3, fillColor: "#ffd43d", fillOpacity: 1 })
        .bindTooltip(origin.name, { permanent: true, direction: "right" })
        .addTo(map);
      bounds.push([origin.lat, origin.lng]);
    }
    if (bounds.length > 1) map.fitBounds(bounds, { padding: [32, 32], maxZoom: 16 });
    else if (bounds.length === 1) map.setView(bounds[0], 16);
    panel.dataset.drawn = "true";
  }

  document.querySelectorAll("[data-map-toggle]").forEach(function (button) {
    var panel = document.getElementById(button.dataset.mapToggle);
    if (!panel) return;
    var showLabel = button.textContent;
    button.hidden = false;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", panel.id);
    button.addEventListener("click", function () {
      var opening = panel.hidden;
      panel.hidden = !opening;
      button.setAttribute("aria-expanded", String(opening));
      button.textContent = opening ? button.dataset.hideLabel : showLabel;
      if (opening && !panel.dataset.drawn) {
        loadLeaflet(panel).then(function (L) { draw(L, panel); }, function () {
          panel.textContent = panel.dataset.failed;
        });
      }
    });
  });
})();
