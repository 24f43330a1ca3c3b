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

  // The slider is an ARIA slider, not <input type="range">: Chromium reads a native range
  // input's value as its step number ("6" of 0-8) and ignores aria-valuetext, so a screen
  // reader would hear "6" instead of "33%". Here the value is the number the reader sees (33)
  // and the value text is the label itself ("33%"). It behaves like a range input for scripts
  // (value, min, max, an "input" event) and is driven by keys, mouse and touch.
  function shownNumbers(steps) {
    var numbers = steps.map(function (step) { return parseFloat(step.label); });
    // A word after the numbers ("never") sits one step past the last number.
    numbers.forEach(function (n, i) {
      if (!isFinite(n) && i > 1) { numbers[i] = 2 * numbers[i - 1] - numbers[i - 2]; }
    });
    var rising = numbers.every(function (n, i) { return isFinite(n) && (i === 0 || n > numbers[i - 1]); });
    return rising ? numbers : steps.map(function (step, i) { return i; });
  }

  function makeSlider(id, nameId, steps, active, onChange) {
    var slider = document.createElement("div");
    slider.className = "belonging-slider";
    slider.id = id;
    slider.tabIndex = 0;
    slider.setAttribute("role", "slider");
    slider.setAttribute("aria-labelledby", nameId);
    slider.setAttribute("aria-orientation", "horizontal");
    var numbers = shownNumbers(steps);
    slider.setAttribute("aria-valuemin", String(numbers[0]));
    slider.setAttribute("aria-valuemax", String(numbers[numbers.length - 1]));
    slider.innerHTML = '<span class="belonging-slider-track"><span class="belonging-slider-fill"></span>' +
      '<span class="belonging-slider-thumb"></span></span>';
    var last = steps.length - 1, current = -1;
    function set(i, notify) {
      i = Math.max(0, Math.min(last, Math.round(i)));
      if (i === current) { return; }
      current = i;
      var at = last ? (100 * i / last) + "%" : "0%";
      slider.querySelector(".belonging-slider-fill").style.width = at;
      slider.querySelector(".belonging-slider-thumb").style.left = at;
      slider.setAttribute("aria-valuenow", String(numbers[i]));
      slider.setAttribute("aria-valuetext", steps[i].label);
      onChange(i);
      if (notify) { slider.dispatchEvent(new Event("input", { bubbles: true })); }
    }
    Object.defineProperty(slider, "value", { get: function () { return String(current); },
      set: function (v) { set(Number(v), false); } });
    Object.defineProperty(slider, "min", { get: function () { return "0"; } });
    Object.defineProperty(slider, "max", { get: function () { return String(last); } });
    Object.defineProperty(slider, "type", { get: function () { return "range"; } });
    var page = Math.max(1, Math.round(steps.length / 5));
    var keys = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: page, PageDown: -page };
    slider.addEventListener("keydown", function (event) {
      var to = event.key === "Home" ? 0 : event.key === "End" ? last :
        (event.key in keys ? current + keys[event.key] : null);
      if (to === null || event.altKey || event.ctrlKey || event.metaKey) { return; }
      event.preventDefault();
      set(to, true);
    });
    function fromPointer(event) {
      var box = slider.querySelector(".belonging-slider-track").getBoundingClientRect();
      set(last * (event.clientX - box.left) / Math.max(1, box.width), true);
    }
    slider.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      slider.focus();
      slider.setPointerCapture(event.pointerId);
      fromPointer(event);
    });
    slider.addEventListener("pointermove", function (event) {
      if (slider.hasPointerCapture(event.pointerId)) { fromPointer(event); }
    });
    set(active, false);
    return slider;
  }

  // "Share of throws you received: 33%" is one status, so a change is announced with its name.
  // The slider is built when the page loads, before plotly draws the figure (only when it nears
  // the screen): a keyboard reader tabbing past a figure not yet drawn still meets its slider.
  // A step chosen before the drawing is applied once the figure is drawn (applyStep).
  function addRange(div, steps, active) {
    var wrap = document.createElement("div");
    wrap.className = "belonging-range";
    var id = div.id + "-range";
    var output = document.createElement("output");
    output.id = id + "-value";
    output.className = "belonging-range-label";
    output.setAttribute("aria-labelledby", id + "-name");
    var name = document.createElement("span");
    name.id = id + "-name";
    name.textContent = div.getAttribute("data-slider-label") || "Setting";
    var value = document.createElement("span");
    output.appendChild(name);
    output.appendChild(document.createTextNode(": "));
    output.appendChild(value);
    var slider = makeSlider(id, name.id, steps, active, function (i) {
      value.textContent = steps[i].label;
      if (div.getAttribute("data-state") === "rendered") { applyStep(div, steps[i]); }
    });
    wrap.appendChild(output);
    wrap.appendChild(slider);
    div.parentNode.insertBefore(wrap, div);
    return slider;
  }

  function applyStep(div, step) {
    var args = step.args || [];
    if (step.method === "restyle") { return window.Plotly.restyle(div, args[0] || {}); }
    return window.Plotly.update(div, args[0] || {}, args[1] || {});
  }

  // A fresh copy of a figure's data each time (fitting changes it in place), its plotly slider
  // (replaced by the page's own) taken out.
  function figureOf(div) {
    var fig = JSON.parse(document.getElementById(div.id + "-data").textContent);
    fig.layout = fig.layout || {};
    fig.slider = fig.layout.sliders && fig.layout.sliders[0];
    delete fig.layout.sliders;
    return fig;
  }

  // The dark theme: the figures are made for white paper (palette.py), so on a dark page each
  // colour made for white is swapped for its dark-panel twin (the same map as palette.DARK):
  // black and the template's near-black ink turn light, the reference grey lightens (7:1 on the
  // panel), light greys (grid, shading) darken and white (panel, marker rims) becomes the panel.
  // The data colours keep at least 3:1 on the panel and stay as they are.
  var DARK_PANEL = "#1e2328";
  var DARK = {
    "#000000": "#eef1f4", "black": "#eef1f4", "#1a1a1a": "#eef1f4", "rgb(36,36,36)": "#eef1f4",
    "#595959": "#aab4be", "#e6e6e6": "#3a434d", "rgb(232,232,232)": "#3a434d",
    "white": DARK_PANEL, "#ffffff": DARK_PANEL, "#fff": DARK_PANEL
  };
  function darkTheme() { return document.documentElement.getAttribute("data-theme") === "dark"; }
  // Only colour settings change (keys such as color, bgcolor, gridcolor), never a label that
  // happens to read "white".
  function recolour(value, isColour) {
    if (typeof value === "string") {
      var twin = isColour && DARK[value.toLowerCase().replace(/\s+/g, "")];
      return twin || value;
    }
    if (Array.isArray(value)) { return value.map(function (v) { return recolour(v, isColour); }); }
    if (value && typeof value === "object") {
      Object.keys(value).forEach(function (key) { value[key] = recolour(value[key], /colou?r$/i.test(key)); });
    }
    return value;
  }
  function themed(fig) {
    if (!darkTheme()) { return; }
    recolour(fig.data);
    recolour(fig.layout);
    fig.layout.paper_bgcolor = DARK_PANEL;
    fig.layout.plot_bgcolor = DARK_PANEL;
    fig.layout.font = Object.assign({}, fig.layout.font, { color: "#eef1f4" });
  }

  function buildSlider(div) {
    var slider;
    try { slider = figureOf(div).slider; } catch (error) { return; }  // draw() reports it
    if (slider && !document.getElementById(div.id + "-range")) { addRange(div, slider.steps, slider.active || 0); }
  }

  // Break a long text into lines of at most `max` characters (plotly does not wrap).
  function wrap(text, max) {
    text = plain(text);
    if (!text || text.length <= max) { return text; }
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > max) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    lines.push(line);
    return lines.join("<br>");
  }

  // Fitting a figure to its width. Text is measured in characters: a character of the
  // figures' sans-serif font is about 0.6 of the font size wide.
  var CHAR = 0.6;
  function plain(text) { return text === undefined || text === null ? text : String(text).replace(/<br\s*\/?>/gi, " "); }
  function charsFor(px, size) { return Math.max(6, Math.floor(px / (CHAR * size))); }
  function isCategory(values) {
    return Array.isArray(values) && values.some(function (v) { return typeof v === "string" && isNaN(Number(v)); });
  }
  function categories(data, key) {
    var seen = [];
    data.forEach(function (trace) {
      if (isCategory(trace[key])) {
        trace[key].forEach(function (v) { if (seen.indexOf(v) < 0) { seen.push(v); } });
      }
    });
    return seen;
  }
  function longestWord(labels) {
    return Math.max.apply(null, labels.map(function (label) {
      return Math.max.apply(null, plain(label).split(" ").map(function (w) { return w.length; }));
    }));
  }
  function relabel(data, key, max) {
    data.forEach(function (trace) {
      if (isCategory(trace[key])) { trace[key] = trace[key].map(function (v) { return wrap(v, max); }); }
    });
  }
  function title(axis) {
    if (!axis || !axis.title) { return null; }
    if (typeof axis.title === "string") { axis.title = { text: axis.title }; }
    if (axis.title.plain === undefined) { axis.title.plain = plain(axis.title.text) || ""; }
    return axis.title;
  }

  // Category bars whose labels cannot sit side by side turn on their side: the labels then
  // read horizontally, beside their bars. (Not when shapes or notes are placed on the axes.)
  function turn(layout, data) {
    data.forEach(function (trace) {
      if (!isCategory(trace.x)) { return; }
      var x = trace.x; trace.x = trace.y; trace.y = x;
      if (trace.type === "bar") { trace.orientation = "h"; }
      var errorX = trace.error_x; trace.error_x = trace.error_y; trace.error_y = errorX;
      if (trace.error_x === undefined) { delete trace.error_x; }
      if (trace.error_y === undefined) { delete trace.error_y; }
      if (trace.hovertemplate) {
        trace.hovertemplate = trace.hovertemplate.replace(/%\{x/g, "%{\u0001").replace(/%\{y/g, "%{x")
          .replace(/%\{\u0001/g, "%{y");
      }
    });
    var x = layout.xaxis; layout.xaxis = layout.yaxis; layout.yaxis = x;
    layout.yaxis.autorange = "reversed";
    if (/^x/.test(layout.hovermode || "")) { layout.hovermode = layout.hovermode.replace("x", "y"); }
    var range = layout.xaxis.range;
    if (range && data.some(function (t) { return t.textposition === "outside"; })) {
      layout.xaxis.range = [range[0], range[1] + 0.2 * (range[1] - range[0])];  // room for the values
    }
  }

  function lineCount(text) { return String(text).split(/<br\s*\/?>/i).length; }
  function neededHeight(layout, data, size, margin) {
    var rows = categories(data, "y");
    var lines = Math.max.apply(null, rows.map(lineCount));
    var row = Math.max(lines * size * 1.3 + 10, 28);
    var legend = data.filter(function (t) { return t.name && t.visible !== false && t.showlegend !== false; })
      .reduce(function (sum, t) { return sum + lineCount(t.name) * size * 1.45; }, 10);
    var top = Math.max(margin.t === undefined ? 90 : margin.t, legend + 20);
    return Math.ceil(rows.length * row + top + (margin.b === undefined ? 60 : margin.b) + 4 * size);
  }

  // Before drawing: type size, category labels, axis titles for a figure `width` pixels wide.
  function fitFigure(layout, data, width) {
    var narrow = width < 600;
    if (narrow) {
      layout.font = Object.assign({}, layout.font, { size: 12 });
      data.forEach(function (trace) { if (trace.name) { trace.name = wrap(trace.name, 40); } });
    }
    var size = (layout.font && layout.font.size) || 14;
    layout.xaxis = Object.assign({}, layout.xaxis);
    layout.yaxis = Object.assign({}, layout.yaxis);
    var margin = layout.margin || {};
    var plotWidth = width - (margin.l === undefined ? 60 : margin.l) - (margin.r === undefined ? 20 : margin.r);
    var xs = categories(data, "x");
    if (xs.length) {
      var slot = plotWidth / xs.length - 8;
      var fits = longestWord(xs) <= charsFor(slot, size);
      if (!fits && !(layout.shapes || []).length && !(layout.annotations || []).length) { turn(layout, data); }
      else { relabel(data, "x", charsFor(slot, size)); layout.xaxis.tickangle = 0; }
    }
    // Labels beside the plot take at most about 40% of the figure's width, and the figure grows
    // tall enough for every one of them (plotly would otherwise leave some rows unlabelled).
    if (categories(data, "y").length) {
      relabel(data, "y", charsFor(0.38 * width, size));
      layout.height = Math.max(layout.height || 450, neededHeight(layout, data, size, margin));
    }
    ["xaxis", "yaxis"].forEach(function (key) {
      var axis = layout[key];
      axis.automargin = true;
      if (axis.ticktext && axis.tickvals && key === "xaxis") {
        axis.ticktext = axis.ticktext.map(function (t) { return wrap(t, charsFor(plotWidth / axis.ticktext.length - 8, size)); });
        axis.tickangle = 0;
      }
      // plotly writes a log axis's in-between labels (2, 5) at 3/4 size: keep them >= 10 px.
      if (axis.type === "log" && !axis.tickvals) { axis.tickfont = Object.assign({}, axis.tickfont, { size: Math.max(14, size) }); }
      var t = title(axis);
      if (t) { t.text = wrap(t.plain, charsFor(key === "xaxis" ? plotWidth : (layout.height || 450) - 200, size)); }
    });
  }

  // After drawing: titles wrapped to the plot's real size, and tick labels that still collide
  // thinned out (every other one), until nothing overlaps.
  function overlapping(div, selector) {
    var boxes = Array.prototype.map.call(div.querySelectorAll(selector), function (t) { return t.getBoundingClientRect(); })
      .filter(function (r) { return r.width > 0; });
    return boxes.some(function (r, i) {
      return boxes.slice(0, i).some(function (o) {
        return Math.min(r.right, o.right) - Math.max(r.left, o.left) > 1 && Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top) > 1;
      });
    });
  }
  function settle(div, Plotly, rounds) {
    var full = div._fullLayout, layout = div.layout, update = {};
    if (!full || !full._size) { return Promise.resolve(); }
    var size = (layout.font && layout.font.size) || 14;
    [["xaxis", full._size.w], ["yaxis", full._size.h]].forEach(function (pair) {
      var t = title(layout[pair[0]]);
      if (!t) { return; }
      var text = wrap(t.plain, charsFor(pair[1], size));
      if (text !== t.text) { update[pair[0] + ".title.text"] = text; }
    });
    ["xaxis", "yaxis"].forEach(function (key) {
      var axis = layout[key] || {}, fullAxis = full[key];
      if (!fullAxis || !overlapping(div, "." + key.charAt(0) + "tick text")) { return; }
      if (axis.tickvals) {
        var keep = function (v, i) { return i % 2 === 0; };
        update[key + ".tickvals"] = axis.tickvals.filter(keep);
        if (axis.ticktext) { update[key + ".ticktext"] = axis.ticktext.filter(keep); }
      } else {
        var shown = div.querySelectorAll("." + key.charAt(0) + "tick text").length;
        update[key + ".nticks"] = Math.max(2, Math.floor(shown / 2));
      }
      update[key + ".tickangle"] = 0;
    });
    if (!Object.keys(update).length || rounds <= 0) { return Promise.resolve(); }
    return Plotly.relayout(div, update).then(function () { return settle(div, Plotly, rounds - 1); });
  }

  // The build exports the same fitted figure as a picture for print (book/_ext/belonging_figures.py).
  window.BelongingFigures = { fit: fitFigure, settle: settle };

  function draw(div) {
    if (div.getAttribute("data-state")) { return; }
    div.setAttribute("data-state", "loading");
    var fig = figureOf(div);
    themed(fig);
    var layout = fig.layout, slider = fig.slider;
    // The page shows the title as text above the figure; inside the plot it would collide
    // with the legend on a phone.
    layout.title = { text: "" };
    if (slider) { layout.margin = Object.assign({}, layout.margin, { b: 50 }); }
    layout.autosize = true;
    div._fittedWidth = div.clientWidth;
    fitFigure(layout, fig.data, div.clientWidth);
    var theme = darkTheme() ? "dark" : "light";
    loadPlotly().then(function (Plotly) {
      var config = { responsive: true, displaylogo: false, displayModeBar: false };
      return Plotly.newPlot(div, fig.data, layout, config).then(function () {
        return settle(div, Plotly, 3);
      }).then(function () {
        var range = document.getElementById(div.id + "-range");
        var chosen = range ? Number(range.value) : -1;
        div.setAttribute("data-state", "rendered");
        div.setAttribute("data-theme-drawn", theme);
        if (slider && chosen !== (slider.active || 0) && slider.steps[chosen]) {
          return applyStep(div, slider.steps[chosen]);
        }
      }).then(function () {
        redraw(div);  // the theme or the width changed while it was being drawn
      });
    }).catch(function (error) {
      div.setAttribute("data-state", "failed");
      div.textContent = "The interactive figure could not be drawn; its description follows.";
      console.error(error);
    });
  }

  function start() {
    var plots = Array.prototype.slice.call(document.querySelectorAll(".belonging-plot"));
    plots.forEach(buildSlider);
    if (!("IntersectionObserver" in window)) { plots.forEach(draw); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target); }
      });
    }, { rootMargin: "400px 0px" });
    plots.forEach(function (div) { observer.observe(div); });
    // The reader can switch the theme, turn the phone or narrow the window at any time: a drawn
    // figure is then fitted and drawn again (fitted once for a laptop, a figure seen on a phone
    // had its labels and axis title cut off).
    if ("MutationObserver" in window) {
      new MutationObserver(function () { plots.forEach(redraw); })
        .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    }
    // A figure's width changes with the window, and also without it (the theme's sidebars
    // appear and hide), so each figure's own width is watched.
    var pending = null;
    function later() {
      clearTimeout(pending);
      pending = setTimeout(function () { plots.forEach(redraw); }, 200);
    }
    if ("ResizeObserver" in window) {
      var watcher = new ResizeObserver(later);
      plots.forEach(function (div) { watcher.observe(div.parentNode); });
    } else {
      window.addEventListener("resize", later);
    }
  }

  function redraw(div) {
    if (div.getAttribute("data-state") !== "rendered" || !window.Plotly) { return; }
    var theme = darkTheme() ? "dark" : "light";
    // (A few pixels, a scrollbar coming and going, plotly's own resizing absorbs.)
    if (div.getAttribute("data-theme-drawn") === theme && Math.abs(div._fittedWidth - div.clientWidth) < 24) { return; }
    window.Plotly.purge(div);
    div.removeAttribute("data-state");
    draw(div);
  }

  // Paper (belonging-print.css): nobody can press "Reveal" on paper, so before printing each
  // predict-first prompt gets its reveal in a block that only print shows. Figures print as the
  // picture the build made of each (book/_ext/belonging_figures.py), drawn on screen or not.
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
  }
  window.addEventListener("beforeprint", preparePrint);
  // The pictures are loading="lazy" (a screen never shows them), and a lazy picture the screen
  // has not scrolled near would print blank: printing asks for all of them now.
  function loadPictures() {
    Array.prototype.forEach.call(document.querySelectorAll("img.belonging-print-figure[loading='lazy']"),
      function (img) { img.loading = "eager"; });
  }
  window.addEventListener("beforeprint", loadPictures);
  var printMedia = window.matchMedia && window.matchMedia("print");
  if (printMedia && printMedia.addEventListener) {
    printMedia.addEventListener("change", function (event) { if (event.matches) { loadPictures(); } });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
