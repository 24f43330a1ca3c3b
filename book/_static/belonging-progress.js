/* "Remember my answers on this device": the course's private progress store (issue 9).
 *
 * Off by default. While it is off nothing is written anywhere: answers live in this page's memory
 * and are gone when the page is left. When the reader turns it on, everything goes into ONE
 * localStorage entry, "belonging-progress-<edition>"; the entry existing is what "on" means, so
 * turning it off (after asking) removes the entry and nothing is left behind.
 *
 * window.BelongingProgress is the contract shared with the review page (belonging-review.js):
 * edition, enabled(), get(section), put(section, key, value), questionKey(chapter, text), plus
 * the methods the switch and the "My progress" page use. Components whose inline scripts run
 * before this deferred file wait for the "belonging-progress-ready" event on document.
 *
 * It also records the chapters' quiz answers (the site's quiz, belonging-quiz.js and
 * src/belonging/pages/quiz.py) and reflections' completion (never their text), and shows a
 * chapter's earlier answers when the store is on.
 */
(function () {
  "use strict";
  if (window.BelongingProgress) { return; }

  // The course edition (book/_config.yml, copyright): a new edition starts with a new entry.
  var EDITION = "2026";
  var KEY = "belonging-progress-" + EDITION;
  var FORMAT = "belonging-progress";
  var SECTIONS = ["quiz", "predictions", "reflections", "review"];
  var MAX_IMPORT_BYTES = 2000000;

  function emptyState() { return { quiz: {}, predictions: {}, reflections: {}, review: {} }; }
  function copy(value) { return JSON.parse(JSON.stringify(value)); }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  /* ---------- checking a record (a stored entry or an imported file) ---------- */

  var ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  var SLUG = "[a-z0-9][a-z0-9-]*";
  var KEYS = {
    quiz: new RegExp("^" + SLUG + ":[0-9a-f]{8}$"),
    predictions: new RegExp("^" + SLUG + ":" + SLUG + "$"),
    reflections: new RegExp("^" + SLUG + ":[A-Za-z0-9_-]+$"),
    review: new RegExp("^" + SLUG + ":[0-9a-f]{8}$")
  };
  function isDate(value) { return typeof value === "string" && ISO.test(value) && !isNaN(Date.parse(value)); }
  function isCount(value, low, high) {
    return typeof value === "number" && Math.floor(value) === value && value >= low && value <= high;
  }

  // What is wrong with one entry, in words a reader can act on ("" when it is sound).
  var ENTRY_RULES = {
    quiz: function (v, key) {
      if (typeof v.chapter !== "string" || key.indexOf(v.chapter + ":") !== 0) { return "chapter must be the chapter the question belongs to"; }
      if (typeof v.correct !== "boolean") { return "correct must be true or false"; }
      if (!isDate(v.answered)) { return "answered must be a date and time"; }
      if (!isCount(v.attempts, 1, 1e6)) { return "attempts must be a whole number of at least 1"; }
      return "";
    },
    predictions: function (v) {
      if (!isCount(v.choice, 0, 99)) { return "choice must be the number of an option"; }
      if (typeof v.label !== "string" || !v.label || v.label.length > 1000) { return "label must be the text of the option chosen"; }
      if (!isDate(v.at)) { return "at must be a date and time"; }
      return "";
    },
    reflections: function (v) {
      // Only completion is ever kept: an entry carrying anything else (such as text) is refused.
      var extra = Object.keys(v).filter(function (k) { return k !== "done" && k !== "at"; });
      if (extra.length) { return "a reflection keeps only done and at, not " + extra.join(", "); }
      if (v.done !== true) { return "done must be true"; }
      if (!isDate(v.at)) { return "at must be a date and time"; }
      return "";
    },
    review: function (v) {
      if (!isCount(v.box, 0, 3)) { return "box must be 0, 1, 2 or 3"; }
      if (typeof v.due !== "string" || !DAY.test(v.due) || isNaN(Date.parse(v.due))) { return "due must be a date (YYYY-MM-DD)"; }
      if (!isDate(v.last)) { return "last must be a date and time"; }
      if (typeof v.correct !== "boolean") { return "correct must be true or false"; }
      return "";
    }
  };

  // Why a record cannot be used ("" when it can).
  function problem(record) {
    if (!isObject(record)) { return "it does not hold a progress record"; }
    if (record.format !== FORMAT) { return "it is not a progress file from this course (its \"format\" is not \"" + FORMAT + "\")"; }
    if (record.edition !== EDITION) {
      return "it is from edition " + JSON.stringify(record.edition) + " of the course, and this is edition " + EDITION;
    }
    for (var s = 0; s < SECTIONS.length; s++) {
      var name = SECTIONS[s], section = record[name];
      if (!isObject(section)) { return "its \"" + name + "\" part is missing or is not a list of entries"; }
      var keys = Object.keys(section);
      for (var k = 0; k < keys.length; k++) {
        if (!KEYS[name].test(keys[k])) { return "\"" + name + "\" has an entry with a key this course does not use: " + JSON.stringify(keys[k].slice(0, 80)); }
        var entry = section[keys[k]];
        var why = isObject(entry) ? ENTRY_RULES[name](entry, keys[k]) : "it is not an entry";
        if (why) { return "\"" + name + "\" entry " + JSON.stringify(keys[k]) + ": " + why; }
      }
    }
    return "";
  }

  function sections(record) {
    var state = emptyState();
    SECTIONS.forEach(function (name) { state[name] = copy(record[name]); });
    return state;
  }

  /* ---------- the store ---------- */

  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }  // blocked storage throws
  }

  // The stored record, or null when there is none (the reader has not turned the store on).
  function readStored() {
    var local = storage(), raw = null;
    if (!local) { return null; }
    try { raw = local.getItem(KEY); } catch (e) { return null; }
    if (raw === null) { return null; }
    var record = null;
    try { record = JSON.parse(raw); } catch (e) { record = null; }
    return problem(record) ? emptyState() : sections(record);  // a damaged entry: on, but empty
  }

  var stored = readStored();
  var on = stored !== null;
  var state = stored || emptyState();
  var lastWriteFailed = false;

  function record() {
    var out = { format: FORMAT, edition: EDITION };
    SECTIONS.forEach(function (name) { out[name] = state[name]; });
    return out;
  }

  function write() {
    if (!on) { return; }
    var local = storage();
    try {
      local.setItem(KEY, JSON.stringify(record()));
      lastWriteFailed = false;
    } catch (e) {
      lastWriteFailed = true;  // full or blocked: the page keeps working from memory
    }
  }

  function changed(detail) {
    document.dispatchEvent(new CustomEvent("belonging-progress-change", { detail: detail || {} }));
  }

  function checkSection(section) {
    if (SECTIONS.indexOf(section) < 0) {
      throw new Error("BelongingProgress: section must be one of " + SECTIONS.join(", ") + "; got " + section);
    }
  }

  // FNV-1a, 32 bits, over the UTF-16 code units of the text (as charCodeAt reads them);
  // belonging.pages.progress.fnv1a computes the same in Python.
  function fnv1a(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ("0000000" + hash.toString(16)).slice(-8);
  }

  function pageChapter() {
    var name = window.location.pathname.split("/").pop() || "index.html";
    return name.replace(/\.html?$/, "") || "index";
  }

  var api = {
    edition: EDITION,
    storageKey: KEY,
    enabled: function () { return on; },
    get: function (section) { checkSection(section); return copy(state[section]); },
    put: function (section, key, value) {
      checkSection(section);
      if (typeof key !== "string" || !key) { throw new Error("BelongingProgress.put: key must be a non-empty string"); }
      state[section][key] = copy(value);
      write();
      changed({ section: section, key: key });
    },
    questionKey: function (chapter, text) {
      return chapter + ":" + fnv1a(String(text).replace(/\s+/g, " ").trim());
    },
    // Added for the switch, the chapters and the "My progress" page.
    pageChapter: pageChapter,
    snapshot: function () { return copy(record()); },
    lastWriteFailed: function () { return lastWriteFailed; },
    // Turning on keeps what was answered in this page view; turning off erases everything.
    setEnabled: function (wanted) {
      if (wanted && !on) {
        on = true;
        write();
        if (lastWriteFailed) { on = false; }
      } else if (!wanted && on) {
        on = false;
        state = emptyState();
        var local = storage();
        try { if (local) { local.removeItem(KEY); } } catch (e) { /* nothing was kept to remove */ }
      }
      changed({ enabled: on });
      return on;
    },
    // Erase every answer, prediction, reflection and review date; the switch stays as it is.
    erase: function () {
      state = emptyState();
      write();
      changed({ erased: true });
    },
    exportData: function () {
      var out = copy(record());
      out.exported = new Date().toISOString();
      return out;
    },
    // Replace the state with a file's text. Returns {ok, message}; a bad file changes nothing.
    importText: function (text) {
      if (typeof text !== "string" || text.length > MAX_IMPORT_BYTES) {
        return { ok: false, message: "Nothing was imported: the file is too large to be a progress file from this course." };
      }
      var parsed;
      try { parsed = JSON.parse(text); } catch (e) {
        return { ok: false, message: "Nothing was imported: the file is not valid JSON, so it cannot be a progress file exported from this course." };
      }
      var why = problem(parsed);
      if (why) { return { ok: false, message: "Nothing was imported: " + why + "." }; }
      state = sections(parsed);
      write();
      changed({ imported: true });
      return { ok: true, message: "" };
    },
    problem: problem
  };
  window.BelongingProgress = api;

  /* ---------- dates and the review schedule, shared by every page that shows them ---------- */

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  // "6 December 2026": the month in words, so no reader has to guess which number is the day.
  api.longDate = function (when) {
    var date = when instanceof Date ? when : new Date(when);
    return isNaN(date) ? "" : date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
  };
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dayOf(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  api.today = function (offset) {
    var d = new Date();
    d.setHours(12, 0, 0, 0);  // noon: a daylight-saving change cannot move the date
    d.setDate(d.getDate() + (offset || 0));
    return dayOf(d);
  };

  // What the review page asks today. The review page (belonging-review.js) and the My progress
  // page both count with this one function, so they cannot disagree. `chapters` is
  // [{chapter: slug, keys: [question key, ...]}] in course order. Only chapters the reader has
  // answered in are practised (all of them while none is). For each chapter it returns the
  // indices of its questions missed, not yet seen and due again, and the date of the next
  // question due after today.
  api.reviewPlan = function (chapters) {
    var quiz = state.quiz, review = state.review, today = api.today(0), tomorrow = api.today(1);
    var read = {};
    Object.keys(quiz).forEach(function (k) { read[(quiz[k] && quiz[k].chapter) || k.split(":")[0]] = true; });
    Object.keys(review).forEach(function (k) { read[k.split(":")[0]] = true; });
    var chosen = chapters.filter(function (c) { return read[c.chapter]; });
    var all = chosen.length === 0, later = [], count = 0;
    if (all) { chosen = chapters; }
    var plans = chosen.map(function (c) {
      var missed = [], unseen = [], due = [];
      c.keys.forEach(function (key, i) {
        var r = review[key], a = quiz[key];
        if (r) {
          if (!r.correct) { missed.push(i); }
          else if (String(r.due) <= today) { due.push(i); }
          else { later.push(String(r.due)); }
        } else if (a) {
          // Answered in the chapter but never reviewed: a miss comes first; a right answer is
          // due the day after, like box 1.
          if (!a.correct) { missed.push(i); }
          else if (String(a.answered).slice(0, 10) < today) { due.push(i); }
          else { later.push(tomorrow); }
        } else {
          unseen.push(i);
        }
      });
      count += missed.length + unseen.length + due.length;
      return { chapter: c.chapter, missed: missed, unseen: unseen, due: due };
    });
    later.sort();
    return { chapters: plans, all: all, count: count, next: later[0] || null };
  };

  // Another tab turned the store on or off, or changed it: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY && event.key !== null) { return; }
    var now = readStored();
    on = now !== null;
    state = now || emptyState();
    changed({ enabled: on, elsewhere: true });
  });

  /* ---------- the switch, in the top bar of every page ---------- */

  function text(tag, className, content) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (content) { el.textContent = content; }
    return el;
  }

  var announcer = text("p", "sr-only belonging-progress-announcer");
  announcer.setAttribute("role", "status");
  announcer.appendChild(document.createTextNode(""));
  function announce(message) { announcer.firstChild.data = message; }

  function summary() {
    var s = record(), n = 0;
    SECTIONS.forEach(function (name) { n += Object.keys(s[name]).length; });
    return n;
  }

  // One confirmation dialog for everything that erases: the safe choice, Cancel, has focus.
  // The answer is acted on in the button's own click, not in the dialog's later "close" event,
  // so the page has changed by the time the click is over.
  var dialog = null;
  function confirmChoice(options, done) {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "belonging-progress-dialog";
      dialog.setAttribute("aria-labelledby", "belonging-progress-dialog-title");
      dialog.setAttribute("aria-describedby", "belonging-progress-dialog-text");
      dialog.innerHTML =
        '<h2 id="belonging-progress-dialog-title"></h2>' +
        '<p id="belonging-progress-dialog-text"></p>' +
        '<div class="belonging-progress-dialog-buttons">' +
        '<button type="button" class="belonging-button belonging-button-danger" value="yes"></button> ' +
        '<button type="button" class="belonging-button belonging-button-quiet" value="cancel">Cancel</button>' +
        "</div>";
      document.body.appendChild(dialog);
    }
    if (typeof dialog.showModal !== "function") {  // a browser without <dialog>: its own confirm box
      done(window.confirm(options.title + " " + options.text));
      return;
    }
    var yes = dialog.querySelector("button[value='yes']"), cancel = dialog.querySelector("button[value='cancel']");
    dialog.querySelector("h2").textContent = options.title;
    dialog.querySelector("p").textContent = options.text;
    yes.textContent = options.yes;
    var settled = false;
    function finish(answer) {
      if (settled) { return; }
      settled = true;
      dialog.removeEventListener("close", onClose);
      if (dialog.open) { dialog.close(); }
      done(answer);
    }
    function onClose() { finish(false); }  // Escape
    yes.onclick = function () { finish(true); };
    cancel.onclick = function () { finish(false); };
    dialog.addEventListener("close", onClose);
    dialog.showModal();
    cancel.focus();
  }
  api.confirm = confirmChoice;

  function entries(count) {
    return count + " saved " + (count === 1 ? "entry" : "entries") +
      " (quiz answers, predictions, reflections you finished and review dates)";
  }
  var NOTHING_STORED = "Nothing is stored for the course in this browser yet: no quiz answers, predictions, " +
    "reflections or review dates.";
  function confirmOff(done) {
    var count = summary();
    // With nothing saved yet, the dialog must not speak of erasing answers (issue 18).
    confirmChoice({
      title: "Stop remembering your answers?",
      text: count ? "This erases everything this browser keeps for the course: " + entries(count) + ". " +
        "Nothing else of your answers is kept, so nothing is left behind. To keep a copy, choose Cancel and " +
        "use Export on the My progress page."
        : NOTHING_STORED + " Turning off removes only the switch's own setting; choose Cancel to keep it on.",
      yes: count ? "Erase and turn off" : "Turn off"
    }, done);
  }
  // "Erase everything" on the My progress page asks the same way before it erases.
  api.confirmErase = function (done) {
    var count = summary();
    confirmChoice({
      title: "Erase everything?",
      text: count ? "This erases " + entries(count) + " from this browser. " +
        "It cannot be undone. To keep a copy, choose Cancel and use Export first."
        : NOTHING_STORED + " There is nothing to erase; choose Cancel to close this.",
      yes: "Erase everything"
    }, done);
  };

  function pathToRoot() {
    var root = document.documentElement.getAttribute("data-content_root");
    if (root !== null) { return root; }
    var opts = window.DOCUMENTATION_OPTIONS;
    return (opts && opts.URL_ROOT) || "";
  }
  api.rootHref = function (page) { return pathToRoot() + page; };

  function buildSwitch() {
    var bar = document.querySelector(".header-article-items__start") || document.querySelector(".bd-header-article");
    var holder = text("div", "belonging-progress-switch header-article-item");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.id = "belonging-remember";
    input.setAttribute("role", "switch");
    input.setAttribute("aria-describedby", "belonging-remember-help");
    var label = text("label", "", "Remember my answers");
    label.setAttribute("for", input.id);
    label.appendChild(text("span", "belonging-progress-wide", " on this device"));
    var help = text("span", "sr-only", "Off by default. When on, your quiz answers, predictions, finished reflections " +
      "(never their text) and review dates are kept in this browser only. Turning it off erases them.");
    help.id = "belonging-remember-help";
    // On a phone the words do not fit the top bar: the link shows a small chart instead, and
    // keeps its words as its accessible name (belonging-progress.css).
    var link = text("a", "belonging-progress-link");
    link.innerHTML = '<svg class="belonging-progress-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
      '<path d="M4 20V10h4v10zm6 0V4h4v16zm6 0v-7h4v7z"/></svg><span class="belonging-progress-words">My progress</span>';
    link.title = "My progress";
    link.href = api.rootHref("progress.html");
    holder.appendChild(input);
    holder.appendChild(label);
    holder.appendChild(help);
    holder.appendChild(link);
    holder.appendChild(announcer);
    if (bar) { bar.appendChild(holder); } else { document.body.insertBefore(holder, document.body.firstChild); }
    input.checked = on;
    input.addEventListener("change", function () {
      if (input.checked) {
        if (api.setEnabled(true)) {
          announce("Your answers will now be remembered in this browser on this device.");
        } else {
          input.checked = false;
          announce("This browser does not let the course keep anything, so your answers cannot be remembered.");
        }
        return;
      }
      input.checked = true;  // stays on until the reader confirms
      confirmOff(function (yes) {
        if (yes) {
          api.setEnabled(false);
          announce("Turned off. Everything the course stored in this browser was erased.");
        }
        input.checked = on;
        input.focus();
      });
    });
    document.addEventListener("belonging-progress-change", function () { input.checked = on; });
  }

  /* ---------- quizzes: record each answer, show earlier ones ---------- */

  // The site's quiz (belonging-quiz.js) announces each deliberate answer (Space, Enter or a
  // click on an option; Check for select-all) as "belonging-quiz-answer"; moving between the
  // options with the arrow keys answers nothing. A question's first answer in this page view
  // counts.
  function quizOf(question) {
    var container = question && question.closest("[data-belonging-chapter]");
    var text = question && question.querySelector(".belonging-quiz-text");
    if (!container || !text) { return null; }
    var chapter = container.getAttribute("data-belonging-chapter");
    return { container: container, chapter: chapter, key: api.questionKey(chapter, text.textContent) };
  }

  document.addEventListener("belonging-quiz-answer", function (event) {
    var question = event.target, quiz = quizOf(question);
    if (!quiz || question.dataset.belongingRecorded || typeof event.detail.correct !== "boolean") { return; }
    question.dataset.belongingRecorded = "1";
    var before = state.quiz[quiz.key];
    api.put("quiz", quiz.key, {
      chapter: quiz.chapter, correct: event.detail.correct, answered: new Date().toISOString(),
      attempts: (before && before.attempts ? before.attempts : 0) + 1
    });
  });

  function day(iso) { return api.longDate(iso); }

  // With the store on, each question says how it went before, and the quiz says the totals.
  function showEarlierAnswers() {
    var containers = document.querySelectorAll("[data-belonging-chapter]");
    containers.forEach(function (container) {
      var wraps = container.querySelectorAll(".belonging-quiz-question"), answered = 0, right = 0;
      wraps.forEach(function (wrap) {
        var quiz = quizOf(wrap), kept = quiz && on ? state.quiz[quiz.key] : null;
        var note = wrap.querySelector(".belonging-quiz-earlier");
        if (!kept) { if (note) { note.remove(); } return; }
        answered += 1;
        right += kept.correct ? 1 : 0;
        if (!note) {
          note = text("p", "belonging-quiz-earlier");
          wrap.insertBefore(note, wrap.querySelector(".belonging-quiz-options"));
        }
        note.textContent = "Answered before, on " + day(kept.answered) + ": " + (kept.correct ? "right." : "not right.");
        note.classList.toggle("belonging-quiz-earlier-right", kept.correct);
      });
      var total = container.previousElementSibling;
      if (!total || !total.classList.contains("belonging-quiz-summary")) {
        total = text("p", "belonging-quiz-summary");
        container.parentNode.insertBefore(total, container);
      }
      total.hidden = !answered;
      if (answered) {
        total.textContent = "You answered " + answered + " of " + wraps.length + " questions; " + right + " right. ";
        var more = text("a", "", "See all your progress");
        more.href = api.rootHref("progress.html");
        total.appendChild(more);
        total.appendChild(document.createTextNode("."));
      }
    });
  }

  /* ---------- reflections: which prompts were written in, never the text ---------- */

  document.addEventListener("change", function (event) {
    var area = event.target;
    if (!area || !area.matches || !area.matches(".belonging-reflection textarea") || !area.value.trim()) { return; }
    api.put("reflections", pageChapter() + ":" + area.id, { done: true, at: new Date().toISOString() });
  });

  function start() {
    buildSwitch();
    showEarlierAnswers();
    document.addEventListener("belonging-progress-change", showEarlierAnswers);
    document.dispatchEvent(new CustomEvent("belonging-progress-ready"));
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
