/* Narrowing a long list of KSB by typing (a region page can list hundreds): every word typed must
   appear in the KSB's line or its kecamatan heading, accents and case ignored. Sections left empty are
   hidden, and the count is announced. The list stays whole without JavaScript, where the kecamatan
   links narrow it instead. */
(function () {
  "use strict";

  var box = document.querySelector("[data-saring]");
  if (!box) {
    return;
  }
  var input = box.querySelector("input");
  var count = box.querySelector(".siaga-saring__jumlah");
  /* The sections to narrow are those the "Pilih kecamatan" line, right after the box, links to: not the
     page's sources or anything else with a heading and a list. */
  var jumps = box.nextElementSibling ? box.nextElementSibling.querySelectorAll("a[href^='#']") : [];
  var sections = Array.prototype.slice.call(jumps).map(function (link) {
    return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  }).filter(function (heading) {
    return heading && heading.nextElementSibling && heading.nextElementSibling.tagName === "UL";
  }).map(function (heading) {
    var items = Array.prototype.slice.call(heading.nextElementSibling.children);
    return {
      heading: heading,
      list: heading.nextElementSibling,
      items: items.map(function (item) {
        return { element: item, text: plain(item.textContent + " " + heading.textContent) };
      })
    };
  });
  var total = sections.reduce(function (sum, section) { return sum + section.items.length; }, 0);

  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  }

  function narrow() {
    var words = plain(input.value).split(" ").filter(Boolean);
    var shown = 0;
    sections.forEach(function (section) {
      var inSection = 0;
      section.items.forEach(function (item) {
        var match = words.every(function (word) { return item.text.indexOf(word) !== -1; });
        item.element.hidden = !match;
        inSection += match ? 1 : 0;
      });
      section.heading.hidden = section.list.hidden = inSection === 0;
      shown += inSection;
    });
    count.textContent = words.length ? shown + " dari " + total + " KSB cocok" : "";
  }

  box.hidden = false;
  input.addEventListener("input", narrow);
})();
