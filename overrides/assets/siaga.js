/* What every page runs besides search, in a file of its own: the content security policy lets no inline
   script run. Registers the offline copy (sw.js at the site's root, written by siaga.site.offline; absent
   in `make serve`, where registering fails quietly), keeps situation reports' expiry true between builds,
   and makes each "Cetak" button print the page. */
(function () {
  "use strict";

  var script = document.currentScript;
  if ("serviceWorker" in navigator && location.protocol !== "file:" && script) {
    var worker = new URL("../sw.js", script.src).href;
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(worker).catch(function () {});
    });
  }

  /* A situation report stands until its time runs out (data-siaga-berlaku-sampai, ISO 8601): between builds the
     page stays true. A KSB's line becomes "no update since"; an active report on the home page disappears, and
     the block with it once none is left. */
  var now = Date.now();
  Array.prototype.forEach.call(document.querySelectorAll("[data-siaga-berlaku-sampai]"), function (item) {
    var until = Date.parse(item.getAttribute("data-siaga-berlaku-sampai"));
    if (isNaN(until) || until > now) {
      return;
    }
    if (item.hasAttribute("data-siaga-hilang")) {
      item.hidden = true;
    }
    Array.prototype.forEach.call(item.querySelectorAll("[data-siaga-saat-berlaku]"), function (line) { line.hidden = true; });
    Array.prototype.forEach.call(item.querySelectorAll("[data-siaga-sesudah-berlaku]"), function (line) { line.hidden = false; });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-siaga-laporan-aktif]"), function (block) {
    if (!block.querySelector("li:not([hidden])")) {
      block.hidden = true;
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-siaga-cetak]"), function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
