/* What every page runs besides search, in a file of its own: the content security policy lets no inline
   script run. Registers the offline copy (sw.js at the site's root, written by siaga.site.offline; absent
   in `make serve`, where registering fails quietly), and makes each "Cetak" button print the page. */
(function () {
  "use strict";

  var script = document.currentScript;
  if ("serviceWorker" in navigator && location.protocol !== "file:" && script) {
    var worker = new URL("../sw.js", script.src).href;
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(worker).catch(function () {});
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-siaga-cetak]"), function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
