/* AI Race, Annotated: small progressive enhancements. Everything works without this script. */
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

  // Every heading with a permalink also gets a copy-link button next to it.
  document.querySelectorAll(".md-typeset a.headerlink").forEach(function (link) {
    var heading = link.parentElement;
    if (!heading || !heading.id || heading.querySelector(".ax-copy--heading")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ax-copy ax-copy--heading";
    button.setAttribute("data-ax-copy", "#" + heading.id);
    var label = heading.textContent.replace(link.textContent, "").trim();
    button.setAttribute("aria-label", "Copy link to “" + label + "”");
    button.setAttribute("title", "Copy link");
    // An inline icon (no icon font or emoji font needed): two overlapping squares, "copy".
    button.innerHTML = '<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false"><path fill="currentColor" d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>';
    link.insertAdjacentElement("afterend", button);
  });

  // Printouts: each claim's permanent link and the address of every internal link, absolute.
  document.querySelectorAll("[data-ax-absolute]").forEach(function (el) {
    el.textContent = absolute(el.getAttribute("data-ax-absolute"));
  });
  document.querySelectorAll(".md-content a[href]:not([href^='http']):not([href^='#']):not(.headerlink):not(.ax-cite__link):not(.ax-cite__tip-link)").forEach(function (link) {
    link.setAttribute("data-print-href", absolute(link.getAttribute("href")));
  });

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
