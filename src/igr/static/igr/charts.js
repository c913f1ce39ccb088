// Draw each chart whose Vega-Lite spec the server embedded in the page. The page does not depend on this:
// every chart also has a text summary and a table of its figures. A module, loaded after vega.min.js and
// vega-embed: expressions run in Vega's interpreter (no eval) and vega-embed adds no <style>, so the
// charts need nothing the Content-Security-Policy forbids.
import { expressionInterpreter } from "../vega/vega-interpreter.js";

const OPTIONS = {
  actions: false, renderer: "svg", ast: true, expr: expressionInterpreter, defaultStyle: false,
  tooltip: { disableDefaultStyle: true },  // its look is in charts.css
};

function draw() {
  if (typeof vegaEmbed !== "function") { return; }
  document.querySelectorAll("[data-vega-spec]").forEach((el) => {
    const source = document.getElementById(el.getAttribute("data-vega-spec"));
    if (!source) { return; }
    vegaEmbed(el, JSON.parse(source.textContent), OPTIONS).catch((error) => console.error(error));
  });
}

if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
