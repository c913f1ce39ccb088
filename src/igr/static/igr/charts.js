// Draw each chart whose Vega-Lite spec the server embedded in the page. The page does not depend on this:
// every chart also has a text summary and a table of its figures.
(function () {
  function draw() {
    if (typeof vegaEmbed !== "function") { return; }
    document.querySelectorAll("[data-vega-spec]").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-vega-spec"));
      if (!source) { return; }
      vegaEmbed(el, JSON.parse(source.textContent), { actions: false, renderer: "svg" }).catch(function () {});
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
