/* Explainer: small progressive enhancements. Everything works without this script. */
(function () {
  "use strict";

  // Escape closes an open source preview (WCAG 1.4.13: dismissible without moving focus).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".ax-cite").forEach(function (cite) {
      if (cite.matches(":hover") || cite.matches(":focus-within")) cite.classList.add("ax-cite--dismissed");
    });
  });
  function reset(event) {
    var cite = event.target.closest && event.target.closest(".ax-cite");
    if (cite) cite.classList.remove("ax-cite--dismissed");
  }
  document.addEventListener("focusin", reset);
  document.addEventListener("mouseover", reset);
  document.addEventListener("focusout", function (event) {
    var cite = event.target.closest && event.target.closest(".ax-cite");
    if (cite && !cite.contains(event.relatedTarget)) cite.classList.remove("ax-cite--dismissed");
  });

  // Source previews stay inside the screen: shift a preview left (or right) when it would overflow.
  var MARGIN = 8;
  function place(cite) {
    var tip = cite && cite.querySelector(".ax-cite__tip");
    if (!tip) return;
    tip.style.left = "";
    var box = tip.getBoundingClientRect();
    if (!box.width) return;
    var width = document.documentElement.clientWidth;
    var shift = 0;
    if (box.right > width - MARGIN) shift = box.right - (width - MARGIN);
    if (box.left - shift < MARGIN) shift = box.left - MARGIN;
    if (shift) tip.style.left = (tip.offsetLeft - shift) + "px";
  }
  document.addEventListener("mouseover", function (event) { place(event.target.closest && event.target.closest(".ax-cite")); });
  document.addEventListener("focusin", function (event) { place(event.target.closest && event.target.closest(".ax-cite")); });

  // On a touch screen the first tap on a citation opens its preview; a second tap (or the preview's
  // own link) goes to the source. A tap anywhere else closes it.
  var touched = false;
  document.addEventListener("pointerdown", function (event) { touched = event.pointerType === "touch"; }, true);
  function closeAll(except) {
    document.querySelectorAll(".ax-cite--open").forEach(function (cite) {
      if (cite !== except) {
        cite.classList.remove("ax-cite--open");
        var link = cite.querySelector(".ax-cite__link");
        if (link) link.setAttribute("aria-expanded", "false");
      }
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".ax-cite__link");
    if (!link) {
      if (!(event.target.closest && event.target.closest(".ax-cite__tip"))) closeAll(null);
      return;
    }
    var cite = link.closest(".ax-cite");
    if (!touched || cite.classList.contains("ax-cite--open")) return;  // mouse, keyboard, or a second tap
    event.preventDefault();
    closeAll(cite);
    cite.classList.remove("ax-cite--dismissed");
    cite.classList.add("ax-cite--open");
    link.setAttribute("aria-expanded", "true");
    place(cite);
  });

  function absolute(href) {
    return new URL(href, window.location.href).href;
  }

  // Copy-link buttons copy the claim's absolute permanent URL.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-ax-copy]");
    if (!button) return;
    var url = absolute(button.getAttribute("data-ax-copy"));
    var done = function () {
      button.setAttribute("data-ax-copied", url);
      var label = button.textContent;
      button.textContent = "Link copied";
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, done);
    } else {
      var field = document.createElement("textarea");
      field.value = url;
      document.body.appendChild(field);
      field.select();
      try { document.execCommand("copy"); } catch (e) { /* ignore */ }
      document.body.removeChild(field);
      done();
    }
  });

  // Citations show the absolute URL and the reader's access date (nothing is baked in at build time).
  function today() {
    return new Date().toISOString().slice(0, 10);
  }
  document.querySelectorAll(".ax-claim").forEach(function (card) {
    var rel = card.getAttribute("data-ax-permalink");
    if (!rel) return;
    var url = absolute(rel);
    card.querySelectorAll("[data-ax-citation], .ax-cite-this__text, .ax-cite-this__bib code").forEach(function (el) {
      var text = el.textContent.split(rel).join(url);
      if (el.hasAttribute("data-ax-citation")) text += " Accessed " + today() + ".";
      el.textContent = text;
    });
  });

  // "Cite this page": the page's own address (without the #fragment) and today's date, from the browser.
  var here = window.location.href.split("#")[0];
  document.querySelectorAll("[data-ax-self]").forEach(function (box) {
    var token = box.getAttribute("data-ax-self");
    box.querySelectorAll("[data-ax-citation], .ax-cite-this__text, .ax-cite-this__bib code").forEach(function (el) {
      var text = token ? el.textContent.split(token).join(here) : el.textContent;
      if (el.hasAttribute("data-ax-citation")) text += " Accessed " + today() + ".";
      el.textContent = text;
    });
  });

  // A heading's one link control (¶) also copies the section's address, and says so.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-typeset a.headerlink");
    if (!link) return;
    var url = absolute(link.getAttribute("href"));
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).catch(function () {});
    link.setAttribute("data-ax-copied", url);
    link.setAttribute("title", "Link copied");
  });

  // The claim explorer: filters live in the URL query, counts update as you choose.
  var explorer = document.querySelector("[data-ax-explorer]");
  if (explorer) {
    var form = explorer.querySelector("[data-ax-explorer-form]");
    var items = Array.prototype.slice.call(explorer.querySelectorAll(".ax-explorer__item"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("[data-ax-filter]"));
    var status = explorer.querySelector("[data-ax-explorer-status]");
    var has = function (item, name, value) {
      if (!value) return true;
      if (name === "tag") return (" " + item.getAttribute("data-tags") + " ").indexOf(" " + value + " ") >= 0;
      if (name === "domain") return (" " + item.getAttribute("data-domains") + " ").indexOf(" " + value + " ") >= 0;
      return item.getAttribute("data-" + name) === value;
    };
    var chosen = function () {
      var state = {};
      selects.forEach(function (s) { state[s.name] = s.value; });
      return state;
    };
    var fits = function (item, state, skip) {
      return Object.keys(state).every(function (name) { return name === skip || has(item, name, state[name]); });
    };
    var apply = function () {
      var state = chosen();
      var shown = 0;
      items.forEach(function (item) {
        var ok = fits(item, state);
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.hasAttribute("data-label")) option.setAttribute("data-label", option.textContent);
          var n = items.filter(function (item) { return fits(item, state, select.name) && has(item, select.name, option.value); }).length;
          option.textContent = option.getAttribute("data-label") + " (" + n + ")";
        });
      });
      status.textContent = shown === items.length ? "All " + items.length + " claims." : "Showing " + shown + " of " + items.length + " claims.";
      var query = selects.filter(function (s) { return s.value; }).map(function (s) {
        return encodeURIComponent(s.name) + "=" + encodeURIComponent(s.value);
      }).join("&");
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    };
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
    });
    form.hidden = false;
    form.addEventListener("change", apply);
    form.querySelector("[data-ax-explorer-reset]").addEventListener("click", function () {
      selects.forEach(function (s) { s.value = ""; });
      apply();
    });
    apply();
  }

  // Quizzes: choose a verdict, check it, see ours; a running score, announced politely.
  document.querySelectorAll("[data-ax-quiz]").forEach(function (quiz) {
    var score = quiz.querySelector("[data-ax-quiz-score]");
    var total = quiz.querySelectorAll("[data-quiz-item]").length;
    var answered = 0, matched = 0;
    score.hidden = false;
    quiz.querySelectorAll("[data-ax-quiz-choices]").forEach(function (box) { box.hidden = false; });
    quiz.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-ax-quiz-check]");
      if (!button) return;
      var item = button.closest("[data-quiz-item]");
      var picked = item.querySelector("input[type=radio]:checked");
      var result = item.querySelector("[data-ax-quiz-result]");
      if (!picked) { result.textContent = "Choose a verdict first."; item.querySelector("details").open = true; return; }
      if (item.hasAttribute("data-answered")) return;
      item.setAttribute("data-answered", "");
      answered += 1;
      var ours = item.getAttribute("data-verdict");
      var label = picked.parentElement.textContent.trim();
      var same = picked.value === ours;
      if (same) matched += 1;
      item.classList.add(same ? "ax-quiz__item--match" : "ax-quiz__item--differs");
      result.textContent = "You chose " + label + ". " + (same ? "That matches our verdict." : "Our verdict is different:");
      item.querySelectorAll("input[type=radio]").forEach(function (input) { input.disabled = true; });
      button.disabled = true;
      item.querySelector("details").open = true;
      score.textContent = matched + " of " + answered + " answers match our verdicts (" + total + " questions).";
    });
  });

  // Printouts: each claim's permanent link and the address of every internal link, absolute.
  document.querySelectorAll("[data-ax-absolute]").forEach(function (el) {
    el.textContent = absolute(el.getAttribute("data-ax-absolute"));
  });
  // Internal links get their absolute address only when the page is printed (no work on a normal load).
  var printable = false;
  function printHrefs() {
    if (printable) return;
    printable = true;
    document.querySelectorAll(".md-content a[href]:not([href^='http']):not([href^='#']):not(.headerlink):not(.ax-cite__link):not(.ax-cite__tip-link)").forEach(function (link) {
      link.setAttribute("data-print-href", absolute(link.getAttribute("href")));
    });
  }
  window.addEventListener("beforeprint", printHrefs);
  var printMedia = window.matchMedia && window.matchMedia("print");
  if (printMedia && printMedia.addEventListener) printMedia.addEventListener("change", function (e) { if (e.matches) printHrefs(); });

  // Mark the claim a deep link points at.
  function markTarget() {
    document.querySelectorAll(".ax-claim--target").forEach(function (el) { el.classList.remove("ax-claim--target"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    if (target.classList.contains("ax-alias")) target = target.parentElement;
    var card = target.classList.contains("ax-claim") ? target : (target.nextElementSibling && target.nextElementSibling.classList.contains("ax-claim") ? target.nextElementSibling : target.closest(".ax-claim"));
    if (card) card.classList.add("ax-claim--target");
  }
  window.addEventListener("hashchange", markTarget);
  markTarget();
})();
