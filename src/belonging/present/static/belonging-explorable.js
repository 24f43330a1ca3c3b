/* Draws the course's explorables on the static site.
 *
 * Each figure's JSON sits in the page; plotly.js (served by the site itself) is fetched
 * only when the first figure nears the viewport, so the text shows first. Plotly's own
 * slider is not keyboard-operable, so it is replaced by a native <input type="range">
 * that applies the same precomputed steps.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var plotlySrc = me && me.getAttribute("data-plotly");
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (loading) { return loading; }
    loading = new Promise(function (resolve, reject) {
      // plotly.js is UMD: with require.js on the page it would register as a module
      // instead of setting window.Plotly, so hide `define` while it loads.
      var savedDefine = window.define;
      window.define = undefined;
      var script = document.createElement("script");
      script.src = plotlySrc;
      script.async = true;
      script.onload = function () { window.define = savedDefine; resolve(window.Plotly); };
      script.onerror = function () { window.define = savedDefine; reject(new Error("could not load " + plotlySrc)); };
      document.head.appendChild(script);
    });
    return loading;
  }

  function addRange(div, steps, active, Plotly) {
    var wrap = document.createElement("div");
    wrap.className = "belonging-range";
    var id = div.id + "-range";
    var name = div.getAttribute("data-slider-label") || "Setting";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = name + ": ";
    var output = document.createElement("output");
    output.htmlFor = id;
    output.id = id + "-value";
    label.appendChild(output);
    var input = document.createElement("input");
    input.type = "range";
    input.id = id;
    input.min = 0;
    input.max = steps.length - 1;
    input.step = 1;
    input.value = active;
    function apply(i) {
      var step = steps[i];
      output.textContent = step.label;
      input.setAttribute("aria-valuetext", step.label);
      var args = step.args || [];
      if (step.method === "restyle") { return Plotly.restyle(div, args[0] || {}); }
      return Plotly.update(div, args[0] || {}, args[1] || {});
    }
    input.addEventListener("input", function () { apply(Number(input.value)); });
    wrap.appendChild(label);
    wrap.appendChild(input);
    div.parentNode.insertBefore(wrap, div);
    output.textContent = steps[active].label;
    input.setAttribute("aria-valuetext", steps[active].label);
  }

  // Break a long axis title into lines of at most `max` characters (plotly does not wrap).
  function wrap(text, max) {
    if (!text || text.length <= max) { return text; }
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > max) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    lines.push(line);
    return lines.join("<br>");
  }

  // Phones: smaller type, wrapped axis titles, and margins that grow to fit them.
  function fitNarrow(layout, data, width) {
    if (width >= 600) { return; }
    data.forEach(function (trace) { if (trace.name) { trace.name = wrap(trace.name, 40); } });
    layout.font = Object.assign({}, layout.font, { size: 12 });
    Object.keys(layout).forEach(function (key) {
      if (!/^[xy]axis\d*$/.test(key)) { return; }
      var axis = layout[key];
      axis.automargin = true;
      if (axis.title) {
        var title = typeof axis.title === "string" ? { text: axis.title } : axis.title;
        title.text = wrap(title.text, key.charAt(0) === "x" ? 32 : 30);
        axis.title = title;
      }
    });
  }

  function draw(div) {
    if (div.getAttribute("data-state")) { return; }
    div.setAttribute("data-state", "loading");
    var fig = JSON.parse(document.getElementById(div.id + "-data").textContent);
    var layout = fig.layout || {};
    var slider = layout.sliders && layout.sliders[0];
    delete layout.sliders;
    // The page shows the title as text above the figure; inside the plot it would collide
    // with the legend on a phone.
    layout.title = { text: "" };
    if (slider) { layout.margin = Object.assign({}, layout.margin, { b: 50 }); }
    layout.autosize = true;
    fitNarrow(layout, fig.data, div.clientWidth);
    loadPlotly().then(function (Plotly) {
      var config = { responsive: true, displaylogo: false, displayModeBar: false };
      return Plotly.newPlot(div, fig.data, layout, config).then(function () {
        if (slider) { addRange(div, slider.steps, slider.active || 0, Plotly); }
        div.setAttribute("data-state", "rendered");
      });
    }).catch(function (error) {
      div.setAttribute("data-state", "failed");
      div.textContent = "The interactive figure could not be drawn; its description follows.";
      console.error(error);
    });
  }

  function start() {
    var plots = Array.prototype.slice.call(document.querySelectorAll(".belonging-plot"));
    if (!("IntersectionObserver" in window)) { plots.forEach(draw); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target); }
      });
    }, { rootMargin: "400px 0px" });
    plots.forEach(function (div) { observer.observe(div); });
  }

  // Paper (belonging-print.css): nobody can press "Reveal" on paper, so before printing each
  // predict-first prompt gets its reveal in a block that only print shows; and figures not yet
  // drawn are drawn if plotly.js is already here (those still loading print as their summary).
  // A drawn figure is as wide as the screen's column, often wider than the paper's, and plotly's
  // SVG would be cut off: a viewBox lets print scale it to the paper (removed after printing,
  // because plotly redraws at new sizes on screen).
  function fitToPaper(on) {
    Array.prototype.forEach.call(document.querySelectorAll(".belonging-plot[data-state=rendered] .svg-container"),
      function (box) {
        var width = box.offsetWidth, height = box.offsetHeight;
        if (on) { box.style.setProperty("--belonging-plot-ratio", width + " / " + height); }
        Array.prototype.forEach.call(box.querySelectorAll("svg.main-svg"), function (svg) {
          if (on) { svg.setAttribute("viewBox", "0 0 " + width + " " + height); }
          else { svg.removeAttribute("viewBox"); }
        });
      });
  }

  function preparePrint() {
    Array.prototype.forEach.call(document.querySelectorAll(".belonging-predict"), function (box) {
      var template = box.querySelector("template");
      if (!template || box.querySelector(".belonging-predict-print")) { return; }
      var reveal = document.createElement("div");
      reveal.className = "belonging-predict-print";
      reveal.hidden = true;
      reveal.innerHTML = "<p><strong>Reveal</strong> (predict first, then read on):</p>" + template.innerHTML;
      box.appendChild(reveal);
    });
    if (window.Plotly) { Array.prototype.forEach.call(document.querySelectorAll(".belonging-plot"), draw); }
    fitToPaper(true);
  }
  window.addEventListener("beforeprint", preparePrint);
  window.addEventListener("afterprint", function () { fitToPaper(false); });

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
