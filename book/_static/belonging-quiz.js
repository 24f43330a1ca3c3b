/* The chapters' quizzes on the site (issue 18): the markup is written at build time by
   belonging.pages.quiz.quiz_html from the same banks jupyterquiz shows in notebooks.

   Keyboard and screen reader: each question is a fieldset named by the question (a radiogroup,
   or a group for select-all). Arrow keys move between a question's options and choose nothing
   (native radios would choose, and so answer, on every arrow press). An answer is only a
   deliberate act: Space, Enter or a click on an option, or Check for a select-all question.
   The feedback goes into the question's polite live region and starts with "Correct" or
   "Not quite", and the chosen option gets the same word beside it: never colour alone.

   Each answer is announced to the page as a "belonging-quiz-answer" event (detail: chapter,
   question, correct); belonging-progress.js records it only if "Remember my answers" is on.
   This script stores nothing. */
(function () {
  "use strict";

  var RIGHT_OPENING = /^(Right|Correct|Yes)[.:!]\s*/;
  var WRONG_OPENING = /^Not quite[.:!,]\s*/;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The bank's feedback without a verdict of its own, so the reader hears one verdict.
  function explanation(feedback, correct) {
    return String(feedback || "").replace(correct ? RIGHT_OPENING : WRONG_OPENING, "");
  }

  // The options in a fresh order on each visit (as jupyterquiz did): the banks keep their order
  // for print and LMS exports, so position gives nothing away on either.
  function shuffle(container) {
    var rows = Array.prototype.slice.call(container.children);
    for (var i = rows.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = rows[i];
      rows[i] = rows[j]; rows[j] = t;
    }
    rows.forEach(function (row) { container.appendChild(row); });
  }

  function inputsOf(question) {
    return Array.prototype.slice.call(question.querySelectorAll(".belonging-quiz-options input"));
  }

  function clearMarks(question) {
    question.querySelectorAll(".belonging-quiz-mark").forEach(function (mark) { mark.remove(); });
    question.querySelectorAll(".belonging-quiz-option").forEach(function (row) {
      row.classList.remove("is-right", "is-wrong");
    });
  }

  function mark(input, correct) {
    var row = input.closest(".belonging-quiz-option");
    row.classList.add(correct ? "is-right" : "is-wrong");
    row.appendChild(el("span", "belonging-quiz-mark", correct ? "\u2713 Correct" : "\u2717 Not quite"));
  }

  function say(question, correct, parts) {
    var box = question.querySelector(".belonging-quiz-feedback");
    box.textContent = "";
    box.classList.toggle("is-right", correct === true);
    box.classList.toggle("is-wrong", correct === false);
    parts.forEach(function (part) { box.appendChild(part); });
  }

  function verdict(text) { return el("strong", "belonging-quiz-verdict", text); }

  function report(question, correct) {
    var quiz = question.closest(".belonging-quiz");
    question.setAttribute("data-answered", correct ? "right" : "wrong");
    question.dispatchEvent(new CustomEvent("belonging-quiz-answer", {
      bubbles: true,
      detail: {
        chapter: quiz.getAttribute("data-belonging-chapter"),
        question: question.querySelector(".belonging-quiz-text").textContent,
        correct: correct
      }
    }));
  }

  // One answer chosen: its verdict and its own explanation.
  function answerOne(question, input) {
    var correct = input.getAttribute("data-correct") === "true";
    clearMarks(question);
    mark(input, correct);
    var p = el("p");
    p.appendChild(verdict(correct ? "Correct. " : "Not quite. "));
    p.appendChild(document.createTextNode(explanation(input.getAttribute("data-feedback"), correct)));
    say(question, correct, [p]);
    report(question, correct);
  }

  // Select-all, on Check: right only when exactly the answers that apply are chosen.
  function checkMany(question) {
    var inputs = inputsOf(question);
    var picked = inputs.filter(function (i) { return i.checked; });
    if (!picked.length) {
      clearMarks(question);
      say(question, null, [el("p", "", "Choose one or more answers first, then Check.")]);
      return;
    }
    var rightOnes = inputs.filter(function (i) { return i.getAttribute("data-correct") === "true"; });
    var found = picked.filter(function (i) { return i.getAttribute("data-correct") === "true"; }).length;
    var wrong = picked.length - found, missed = rightOnes.length - found;
    var correct = wrong === 0 && missed === 0;
    clearMarks(question);
    var head = el("p");
    if (correct) {
      head.appendChild(verdict("Correct. "));
      head.appendChild(document.createTextNode("You chose every answer that applies, and only those."));
    } else {
      head.appendChild(verdict("Not quite. "));
      var counts = [];
      if (wrong) counts.push(wrong + (wrong === 1 ? " of your choices does not apply" : " of your choices do not apply"));
      if (missed) counts.push(missed + (missed === 1 ? " answer that applies is not chosen yet" : " answers that apply are not chosen yet"));
      head.appendChild(document.createTextNode(counts.join(", and ") + "."));
    }
    var list = el("ul", "belonging-quiz-reasons");
    picked.forEach(function (input) {
      var right = input.getAttribute("data-correct") === "true";
      mark(input, right);
      var label = question.querySelector("label[for='" + input.id + "']");
      var item = el("li", right ? "is-right" : "is-wrong");
      item.appendChild(el("strong", "", (right ? "\u2713 Applies: " : "\u2717 Does not apply: ") + label.textContent + " "));
      item.appendChild(document.createTextNode(explanation(input.getAttribute("data-feedback"), right)));
      list.appendChild(item);
    });
    say(question, correct, [head, list]);
    report(question, correct);
  }

  function onKey(question, event) {
    var input = event.target;
    if (!input.matches || !input.matches(".belonging-quiz-options input")) return;
    var radios = input.type === "radio";
    if (radios && /^(ArrowDown|ArrowRight|ArrowUp|ArrowLeft|Down|Right|Up|Left)$/.test(event.key)) {
      // Move, do not choose: the browser's own arrow handling would check the next radio.
      event.preventDefault();
      var inputs = inputsOf(question), step = /Down|Right/.test(event.key) ? 1 : -1;
      inputs[(inputs.indexOf(input) + step + inputs.length) % inputs.length].focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (radios) {
        input.checked = true;
        answerOne(question, input);
      } else {
        checkMany(question);
      }
    }
  }

  function setUp(question) {
    shuffle(question.querySelector(".belonging-quiz-options"));
    question.addEventListener("keydown", function (event) { onKey(question, event); });
    question.addEventListener("change", function (event) {
      var input = event.target;
      if (input.type === "radio" && input.checked) answerOne(question, input);
    });
    var check = question.querySelector(".belonging-quiz-check");
    if (check) check.addEventListener("click", function () { checkMany(question); });
  }

  function start() {
    document.querySelectorAll(".belonging-quiz[data-state='static']").forEach(function (quiz) {
      quiz.querySelectorAll(".belonging-quiz-question").forEach(setUp);
      quiz.setAttribute("data-state", "ready");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
