/* The review page (review.html): cumulative retrieval practice from every chapter's public quiz.

   Questions come from review-questions.json, written next to this file at build time by
   belonging.pages.review (never from the exam banks). Order: questions the reader missed, then
   ones not yet seen, then ones due again, each group interleaved across chapters, so that
   neighbouring questions come from different chapters. Schedule (a Leitner box per question, the
   same for every question): a right answer moves it up a box and brings it back after 1, 3 or 7
   days; a wrong one puts it in box 0, due again today, so it comes back after the others.
   State goes through window.BelongingProgress (belonging-progress.js): put() keeps it in memory
   for this page view and stores it only if the reader turned "Remember my answers" on. This
   script never touches storage itself; without that script it keeps everything in memory. */
(function () {
  "use strict";
  var script = document.currentScript;
  var source = script && script.src ? new URL("review-questions.json", script.src).href : null;
  var INTERVALS = [0, 1, 3, 7];  // days until due again, by box
  var memory = { quiz: {}, review: {} };  // only when belonging-progress.js is missing
  var uid = 0;

  function progress() { return window.BelongingProgress || null; }

  function getSection(name) {
    var p = progress();
    return p ? (p.get(name) || {}) : JSON.parse(JSON.stringify(memory[name]));
  }

  function putEntry(section, key, value) {
    var p = progress();
    if (p) p.put(section, key, value); else memory[section][key] = value;
  }

  function keyFor(chapter, text, index) {
    var p = progress();
    return p ? p.questionKey(chapter, text) : chapter + ":q" + index;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dayOf(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function daysFromToday(n) {
    var d = new Date();
    d.setHours(12, 0, 0, 0);  // noon: a daylight-saving change cannot move the date
    d.setDate(d.getDate() + n);
    return dayOf(d);
  }

  /* An option in quotes, ending as a sentence: options mostly end with a full stop already. */
  function quoted(text) {
    return "\u201c" + text + (/[.?!]$/.test(text) ? "" : ".") + "\u201d";
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Round-robin across chapters: one from each chapter in turn, while any are left. */
  function interleave(lists) {
    var out = [], i = 0, left = true;
    while (left) {
      left = false;
      lists.forEach(function (list) {
        if (i < list.length) { out.push(list[i]); left = true; }
      });
      i += 1;
    }
    return out;
  }

  /* Today's queue and the next date due after today. BelongingProgress.reviewPlan sorts the
     questions (missed, not yet seen, due again), the same count the My progress page shows;
     without that script every question is new. */
  function plan(bank) {
    var keyed = bank.chapters.map(function (c) {
      return { chapter: c.chapter, keys: c.questions.map(function (q, i) { return keyFor(c.chapter, q.question, i); }) };
    });
    var p = progress();
    var shared = p && p.reviewPlan ? p.reviewPlan(keyed) : {
      all: true, next: null,
      chapters: keyed.map(function (c) { return { chapter: c.chapter, missed: [], due: [],
                                                  unseen: c.keys.map(function (k, i) { return i; }) }; })
    };
    var byName = {}, keysOf = {};
    bank.chapters.forEach(function (c, n) { byName[c.chapter] = c; keysOf[c.chapter] = keyed[n].keys; });
    var missed = [], unseen = [], due = [];
    function items(slug, indices) {
      return indices.map(function (i) { return { chapter: byName[slug], question: byName[slug].questions[i], key: keysOf[slug][i] }; });
    }
    shared.chapters.forEach(function (c) {
      missed.push(items(c.chapter, c.missed)); unseen.push(items(c.chapter, c.unseen)); due.push(items(c.chapter, c.due));
    });
    return {
      queue: interleave(missed).concat(interleave(unseen), interleave(due)),
      chapters: shared.chapters.map(function (c) { return byName[c.chapter]; }), all: shared.all, next: shared.next,
    };
  }

  function shuffled(n) {
    var order = [];
    for (var i = 0; i < n; i++) order.push(i);
    for (var j = n - 1; j > 0; j--) {
      var k = Math.floor(Math.random() * (j + 1)), t = order[j];
      order[j] = order[k]; order[k] = t;
    }
    return order;
  }

  function schedule(key, correct) {
    var before = getSection("review")[key];
    var box = correct ? Math.min(3, (before ? Number(before.box) || 0 : 0) + 1) : 0;
    var entry = { box: box, due: daysFromToday(INTERVALS[box]), last: new Date().toISOString(), correct: correct };
    putEntry("review", key, entry);
    return entry;
  }

  function whenWillReturn(entry) {
    if (entry.box === 0) return "It will come back later in this session, after the others.";
    var days = INTERVALS[entry.box];
    return "It will come back in " + days + (days === 1 ? " day" : " days") + " (" + entry.due + ").";
  }

  function privacyNote() {
    var p = progress();
    if (p && p.enabled()) return "Your schedule is kept in this browser, because \u201cRemember my answers on this device\u201d is on.";
    return "Your answers are kept only while this page is open: \u201cRemember my answers on this device\u201d is off.";
  }

  function chapterList(plan) {
    if (plan.all) return "from every chapter";
    return "from chapter" + (plan.chapters.length > 1 ? "s " : " ") +
      plan.chapters.map(function (c) { return c.number; }).join(", ");
  }

  function start(root, bank) {
    var state = plan(bank);
    var current = null, answered = 0;
    root.textContent = "";
    root.setAttribute("data-state", "ready");

    var status = el("p", { "class": "belonging-review-status" });
    var form = el("form", { "class": "belonging-review-card", novalidate: "novalidate" });
    var sourceLine = el("p", { "class": "belonging-review-source" });
    // Named by the question (legend), as a radiogroup or, for select-all, a group.
    var fieldset = el("fieldset", { "aria-labelledby": "belonging-review-question" });
    var legend = el("legend", { id: "belonging-review-question" });
    var options = el("div", { "class": "belonging-review-options" });
    var actions = el("div", { "class": "belonging-review-actions" });
    var check = el("button", { type: "submit", "class": "belonging-button" }, "Check");
    var next = el("button", { type: "button", "class": "belonging-button belonging-review-next" }, "Next question");
    var feedback = el("div", { "class": "belonging-review-feedback", "aria-live": "polite" });
    var done = el("div", { "class": "belonging-review-done", tabindex: "-1" });
    next.hidden = true;
    done.hidden = true;
    fieldset.appendChild(legend);
    fieldset.appendChild(options);
    actions.appendChild(check);
    actions.appendChild(next);
    [sourceLine, fieldset, feedback, actions].forEach(function (n) { form.appendChild(n); });
    [status, form, done].forEach(function (n) { root.appendChild(n); });

    function showStatus() {
      var left = state.queue.length + 1;  // the one on screen and those after it
      status.textContent = left + (left === 1 ? " question" : " questions") + " left to practise today, " +
        chapterList(state) + ". " + privacyNote();
    }

    function render(item) {
      current = item;
      var q = item.question, many = q.type === "many_choice";
      sourceLine.textContent = "From chapter " + item.chapter.number + ": ";
      sourceLine.appendChild(el("a", { href: new URL("../" + item.chapter.url, source).href }, item.chapter.title));
      legend.textContent = q.question;
      fieldset.setAttribute("role", many ? "group" : "radiogroup");
      if (many) legend.appendChild(el("span", { "class": "belonging-review-hint" }, " Select every answer that applies."));
      options.textContent = "";
      item.order = shuffled(q.answers.length);
      item.order.forEach(function (i) {
        var id = "belonging-review-option-" + (uid += 1);
        var row = el("div", { "class": "belonging-review-option" });
        var input = el("input", { type: many ? "checkbox" : "radio", name: "belonging-review-answer", id: id, value: String(i) });
        var label = el("label", { "for": id }, q.answers[i].answer);
        row.appendChild(input);
        row.appendChild(label);
        options.appendChild(row);
      });
      feedback.textContent = "";
      check.hidden = false;
      next.hidden = true;
      showStatus();
    }

    function chosen() {
      return Array.prototype.slice.call(options.querySelectorAll("input:checked"))
        .map(function (input) { return Number(input.value); });
    }

    function verdictFor(answer, picked, many) {
      if (answer.correct && picked) return "Your answer, and right: ";
      if (answer.correct) return many ? "Also right, and you left it out: " : "The right answer: ";
      if (picked) return "Your answer, but not right: ";
      return "Not right: ";
    }

    function explain(item, picks) {
      var q = item.question, many = q.type === "many_choice";
      var rightOnes = q.answers.map(function (a, i) { return a.correct ? i : -1; }).filter(function (i) { return i >= 0; });
      var correct = picks.length === rightOnes.length && rightOnes.every(function (i) { return picks.indexOf(i) >= 0; });
      var entry = schedule(item.key, correct);
      answered += 1;
      feedback.textContent = "";
      feedback.appendChild(el("p", { "class": "belonging-review-verdict" },
        correct ? "Correct." : (many ? "Not quite: the answers that apply are marked below." : "Not quite.")));
      var list = el("ul", { "class": "belonging-review-reasons" });
      // The reader's own choices first, then the rest, in the order shown.
      var shown = item.order.filter(function (i) { return picks.indexOf(i) >= 0; })
        .concat(item.order.filter(function (i) { return picks.indexOf(i) < 0; }));
      shown.forEach(function (i) {
        var a = q.answers[i], li = el("li", { "class": a.correct ? "is-right" : "is-wrong" });
        li.appendChild(el("strong", {}, verdictFor(a, picks.indexOf(i) >= 0, many)));
        li.appendChild(document.createTextNode(quoted(a.answer) + " " + a.feedback));
        list.appendChild(li);
      });
      feedback.appendChild(list);
      feedback.appendChild(el("p", {}, whenWillReturn(entry)));
      options.querySelectorAll("input").forEach(function (input) {
        var a = q.answers[Number(input.value)];
        input.disabled = true;
        var tag = el("span", { "class": "belonging-review-tag " + (a.correct ? "is-right" : "is-wrong") },
          a.correct ? "right" : (input.checked ? "not right" : ""));
        if (tag.textContent) input.parentNode.appendChild(tag);
      });
      if (!correct) state.queue.push(item);  // due again today: after the others
    }

    function finish(quietly) {
      form.hidden = true;
      status.textContent = "";
      done.textContent = "";
      done.appendChild(el("p", {}, answered
        ? "That is everything due today " + chapterList(state) + ". Well done for practising."
        : "Nothing is due today " + chapterList(state) + "."));
      var later = plan(bank).next;
      if (later) done.appendChild(el("p", {}, "The next question is due on " + later + "."));
      if (!state.all) done.appendChild(el("p", {}, "Answer the quiz at the end of another chapter to add its questions here."));
      done.appendChild(el("p", {}, privacyNote()));
      done.hidden = false;
      if (!quietly) done.focus();  // not on page load: the reader has not started
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!current || check.hidden) return;  // already checked: Next is the way on
      var picks = chosen();
      if (!picks.length) {
        feedback.textContent = "Choose an answer first" + (current.question.type === "many_choice" ? " (one or more)." : ".");
        return;
      }
      explain(current, picks);
      check.hidden = true;
      next.hidden = false;
      next.textContent = state.queue.length ? "Next question" : "Finish";
      next.focus();
    });

    // Arrows move between the options and choose nothing, as in the chapters' quizzes
    // (belonging-quiz.js); Space chooses, and Check (or Enter) answers.
    options.addEventListener("keydown", function (event) {
      var input = event.target;
      if (input.type !== "radio" || !/^(ArrowDown|ArrowRight|ArrowUp|ArrowLeft)$/.test(event.key)) return;
      event.preventDefault();
      var all = Array.prototype.slice.call(options.querySelectorAll("input:not(:disabled)"));
      var step = /Down|Right/.test(event.key) ? 1 : -1;
      if (all.length) all[(all.indexOf(input) + step + all.length) % all.length].focus();
    });

    next.addEventListener("click", function () {
      var item = state.queue.shift();
      if (!item) return finish();
      render(item);
      var first = options.querySelector("input");
      if (first) first.focus();
    });

    var first = state.queue.shift();
    if (first) render(first); else finish(true);
  }

  /* Start once the questions are here and belonging-progress.js has set up (or is absent). */
  function whenProgressReady(go) {
    var started = false;
    function once() { if (!started) { started = true; go(); } }
    if (progress()) return once();
    document.addEventListener("belonging-progress-ready", once);
    if (document.readyState === "complete") once(); else window.addEventListener("load", once);
  }

  function setUp() {
    var root = document.getElementById("belonging-review");
    if (!root || !source || !window.fetch) return;
    root.setAttribute("data-state", "loading");
    root.appendChild(el("p", {}, "Loading the questions\u2026"));
    fetch(source, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (bank) { whenProgressReady(function () { start(root, bank); }); })
      .catch(function () {
        root.setAttribute("data-state", "failed");
        root.textContent = "";
        root.appendChild(el("p", {}, "The questions could not be loaded. Each chapter's quiz has the same questions."));
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
