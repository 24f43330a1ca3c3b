/* Glossary terms: the definition of a {term} link shows in a tooltip on hover, on keyboard
   focus and on a first tap (a second tap follows the link). Escape closes it; the pointer can
   move onto it; it stays until the reader moves on (WCAG 2.2, 1.4.13). The definitions come
   from glossary-terms.json, written next to this file at build time from the glossary page,
   so nothing is fetched from another host and nothing is stored. */
(function () {
  "use strict";
  var script = document.currentScript;
  var source = script && script.src ? new URL("glossary-terms.json", script.src).href : null;
  var SELECTOR = 'a.reference.internal[href*="glossary.html#term-"]';

  function start() {
    var links = Array.prototype.slice.call(document.querySelectorAll(SELECTOR))
      .filter(function (a) { return a.querySelector(".std-term"); });
    if (!links.length || !source || !window.fetch) return;
    fetch(source, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (definitions) { setUp(links, definitions); })
      .catch(function () { /* the links still work as plain links */ });
  }

  function setUp(links, definitions) {
    var tips = {};
    var open = null;       // {link, tip}
    var hideTimer = null;
    var lastPointer = "mouse";

    // Tooltips live in one labelled landmark at the end of the page, so that all content is in
    // a landmark (axe "region"); it is not positioned, so a tip's page coordinates still apply.
    var box = null;
    function holder() {
      if (!box) {
        box = document.createElement("aside");
        box.setAttribute("aria-label", "Glossary definitions");
        document.body.appendChild(box);
      }
      return box;
    }

    function tipFor(key) {
      if (tips[key]) return tips[key];
      var tip = document.createElement("div");
      tip.className = "belonging-term-tip";
      tip.id = "belonging-term-tip-" + Object.keys(tips).length;
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.textContent = definitions[key];
      tip.addEventListener("mouseenter", cancelHide);
      tip.addEventListener("mouseleave", scheduleHide);
      holder().appendChild(tip);
      tips[key] = tip;
      return tip;
    }

    function place(link, tip) {
      var r = link.getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      tip.style.left = "0px";
      tip.style.top = "0px";
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var left = Math.max(8, Math.min(r.left, width - w - 8));
      var below = r.bottom + 6;
      var top = (below + h > window.innerHeight && r.top - h - 6 > 0) ? r.top - h - 6 : below;
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (top + window.scrollY) + "px";
    }

    function show(link, tip) {
      cancelHide();
      if (open && open.tip !== tip) hide();
      tip.hidden = false;
      place(link, tip);
      open = { link: link, tip: tip };
    }

    function hide() {
      cancelHide();
      if (open) { open.tip.hidden = true; open = null; }
    }

    function cancelHide() { if (hideTimer) { clearTimeout(hideTimer); hideTimer = null; } }
    function scheduleHide() { cancelHide(); hideTimer = setTimeout(hide, 300); }

    links.forEach(function (link) {
      var key = decodeURIComponent(link.getAttribute("href").split("#")[1] || "");
      if (!definitions[key]) return;
      var tip = tipFor(key);
      link.setAttribute("aria-describedby", tip.id);
      link.classList.add("belonging-term");
      link.addEventListener("mouseenter", function () { if (lastPointer !== "touch") show(link, tip); });
      link.addEventListener("mouseleave", function () { if (lastPointer !== "touch") scheduleHide(); });
      link.addEventListener("focus", function () { if (lastPointer !== "touch") show(link, tip); });
      link.addEventListener("blur", function () { if (lastPointer !== "touch") scheduleHide(); });
      link.addEventListener("click", function (e) {
        // On a touch screen there is no hover: the first tap shows the definition, a second
        // tap on the same link follows it.
        if (lastPointer === "touch" && !(open && open.link === link)) {
          e.preventDefault();
          show(link, tip);
        }
      });
    });

    document.addEventListener("pointerdown", function (e) { lastPointer = e.pointerType || "mouse"; }, true);
    document.addEventListener("keydown", function (e) {
      lastPointer = "keyboard";
      if ((e.key === "Escape" || e.key === "Esc") && open) hide();
    });
    document.addEventListener("pointerdown", function (e) {
      if (open && !open.tip.contains(e.target) && !open.link.contains(e.target)) hide();
    });
    window.addEventListener("resize", function () { if (open) place(open.link, open.tip); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
