/* The "My progress" page (book/progress.md), inlined by belonging.pages.progress.progress_page.
 * Reads window.BelongingProgress (book/_static/belonging-progress.js) and the chapters' data
 * written at build time; export and import are one click each, erase asks first. Nothing is sent anywhere. */
(function () {
  "use strict";
  var root = document.getElementById("belonging-my-progress");
  var chapters = JSON.parse(document.getElementById("belonging-my-progress-data").textContent);
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function startsWith(key, slug) { return key.indexOf(slug + ":") === 0; }

  function setup(store) {
    var status = el("p", { id: "belonging-progress-state" });
    var summary = el("div", { id: "belonging-progress-summary" });
    var list = el("ol", { id: "belonging-progress-chapters", "class": "belonging-progress-chapters" });
    var message = el("p", { id: "belonging-progress-message", role: "status", "aria-live": "polite", "aria-atomic": "true",
                            "class": "belonging-progress-message" });
    message.appendChild(document.createTextNode(""));
    function say(text) { message.firstChild.data = text; }

    var exportButton = el("button", { type: "button", "class": "belonging-button", id: "belonging-progress-export",
                                      text: "Export my progress (.json)" });
    var importInput = el("input", { type: "file", id: "belonging-progress-import", accept: "application/json,.json",
                                    "aria-describedby": "belonging-progress-import-help" });
    var eraseButton = el("button", { type: "button", "class": "belonging-button belonging-button-danger",
                                     id: "belonging-progress-erase", text: "Erase everything" });
    var tools = el("div", { "class": "belonging-progress-tools" }, [
      el("h2", { text: "Keep, move or erase your progress" }),
      el("p", {}, [exportButton, " ",
        el("span", { text: "Saves a file you can import in another browser or on another device." })]),
      el("p", {}, [el("label", { "for": "belonging-progress-import", text: "Import a progress file: " }), importInput]),
      el("p", { id: "belonging-progress-import-help", "class": "belonging-progress-help",
                text: "Importing replaces what this browser has for the course with the file's contents. " +
                      "A file that is not a progress file from this edition of the course is refused, and nothing changes." }),
      el("p", {}, [eraseButton, " ",
        el("span", { text: "Erases every answer, prediction and review date kept for the course (it asks first)." })]),
      message
    ]);

    root.textContent = "";
    [status, summary, el("h2", { text: "Chapter by chapter" }), list, tools].forEach(function (n) { root.appendChild(n); });

    function render() {
      var snap = store.snapshot(), quiz = snap.quiz;
      var predictions = Object.keys(snap.predictions), reflections = Object.keys(snap.reflections);
      // The review page's own count (BelongingProgress.reviewPlan), so the two pages agree.
      var review = store.reviewPlan(chapters.map(function (c) { return { chapter: c.slug, keys: c.questions }; }));
      var waiting = {};
      review.chapters.forEach(function (c) { waiting[c.chapter] = c; });
      status.textContent = store.enabled()
        ? "Remember my answers on this device is on: what you do in the course is kept in this browser (local " +
          "storage, entry " + store.storageKey + ") until you erase it or turn the switch off."
        : "Remember my answers on this device is off, so nothing is kept: answers you give on a page are " +
          "forgotten when you leave it. This page can show only what you do here, such as importing a file. " +
          "Turn the switch on, at the top of the page, to keep your progress in this browser.";

      var answered = 0, right = 0, total = 0;
      list.textContent = "";
      chapters.forEach(function (chapter) {
        var got = chapter.questions.filter(function (k) { return quiz[k]; });
        var good = got.filter(function (k) { return quiz[k].correct; });
        var made = chapter.predictions.filter(function (k) { return snap.predictions[chapter.slug + ":" + k]; });
        var wrote = reflections.filter(function (k) { return startsWith(k, chapter.slug); });
        var here = waiting[chapter.slug];
        var missed = here && !review.all ? here.missed.length : 0;
        var dueHere = here && !review.all ? here.due.length : 0;
        answered += got.length; right += good.length; total += chapter.questions.length;
        var facts = [
          "Quiz: " + (got.length ? got.length + " of " + chapter.questions.length + " answered, " + good.length + " right"
                                 : "not started (" + plural(chapter.questions.length, "question", "questions") + ")"),
          "Predictions: " + made.length + " of " + chapter.predictions.length + " made"
        ];
        if (wrote.length) { facts.push("Reflection: " + plural(wrote.length, "prompt", "prompts") + " written in"); }
        if (missed) { facts.push("To practise again: " + missed); }
        if (dueHere) { facts.push("Due for review: " + dueHere); }
        var item = el("li", { "data-chapter": chapter.slug }, [
          el("a", { href: chapter.href, text: chapter.title }),
          el("p", { "class": "belonging-progress-facts", text: facts.join(" · ") })
        ]);
        if (made.length) {
          item.appendChild(el("ul", { "class": "belonging-progress-predictions" }, made.map(function (k) {
            return el("li", { text: "You predicted: " + snap.predictions[chapter.slug + ":" + k].label });
          })));
        }
        list.appendChild(item);
      });
      summary.textContent = "";
      summary.appendChild(el("p", { id: "belonging-progress-totals", text:
        "Quiz questions answered: " + answered + " of " + total + ", " + right + " right. Predictions made: " +
        predictions.length + "." }));
      var reviewLink = el("a", { href: store.rootHref("review.html"), text: "review page" });
      summary.appendChild(el("p", { id: "belonging-progress-due" }, dueText(review, reviewLink)));
    }

    // What the review page has for today, in the same numbers it shows.
    function dueText(review, link) {
      var sum = function (part) { return review.chapters.reduce(function (n, c) { return n + c[part].length; }, 0); };
      if (review.all) {
        return ["You have not answered a quiz question yet, so the ", link, " offers all " +
                plural(review.count, "question", "questions") + " from every chapter."];
      }
      if (!review.count) {
        return ["Nothing is waiting on the ", link, " today" +
                (review.next ? "; the next question is due on " + store.longDate(review.next + "T12:00:00") + "." : ".")];
      }
      var parts = [[sum("missed"), "you missed"], [sum("unseen"), "not yet answered"], [sum("due"), "due again"]]
        .filter(function (p) { return p[0]; }).map(function (p) { return p[0] + " " + p[1]; });
      return [plural(review.count, "question is", "questions are") + " waiting on the ", link,
              " today, from the chapters you have started: " + parts.join(", ") + "."];
    }

    exportButton.addEventListener("click", function () {
      var name = "belonging-progress-" + store.edition + "-" + today() + ".json";
      var url = URL.createObjectURL(new Blob([JSON.stringify(store.exportData(), null, 2)], { type: "application/json" }));
      var link = el("a", { href: url, download: name });
      link.click();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say("Your progress was saved by your browser as " + name + ", usually in your downloads folder. Nothing was sent anywhere.");
    });
    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        var result = store.importText(String(reader.result));
        importInput.value = "";
        say(result.ok
          ? "Imported " + file.name + ". " + (store.enabled()
              ? "It replaced what this browser had kept for the course."
              : "Remember my answers is off, so it is shown here only until you leave the page; turn the switch on to keep it.")
          : result.message);
      };
      reader.onerror = function () { importInput.value = ""; say("Nothing was imported: the file could not be read."); };
      reader.readAsText(file);
    });
    eraseButton.addEventListener("click", function () {
      store.confirmErase(function (yes) {
        if (yes) {
          store.erase();
          say(store.enabled()
            ? "Erased: no answers, predictions or review dates are kept in this browser now. The switch is still on, so new answers will be kept."
            : "Erased. Nothing from the course is kept in this browser.");
        } else {
          say("Nothing was erased.");
        }
        eraseButton.focus();
      });
    });

    render();
    document.addEventListener("belonging-progress-change", render);
  }

  if (window.BelongingProgress) { setup(window.BelongingProgress); }
  else { document.addEventListener("belonging-progress-ready", function () { setup(window.BelongingProgress); }); }
})();
