/* Search with Pagefind, behind the box in the header. Pagefind's script and index are fetched only when
   the reader starts a search; it stems Indonesian (kebanjiran finds banjir) and fetches only the index
   pieces a query needs. Results show the page's title and its region; keys work as in Material:
   "/" or "s" to search, arrows to move, Enter to open, Escape to close. Every value is text, never HTML. */
(function () {
  "use strict";

  var box = document.querySelector(".siaga-cari");
  if (!box) {
    return;
  }
  var input = box.querySelector(".siaga-cari__masukan");
  var panel = box.querySelector(".siaga-cari__panel");
  var status = box.querySelector(".siaga-cari__status");
  var list = box.querySelector(".siaga-cari__hasil");
  /* The site's root as an absolute path (also under a sub-path such as /siaga-banten/): Pagefind's
     result addresses are built on it. */
  var base = new URL(box.getAttribute("data-dasar"), window.location.href).pathname;
  var engine = null;
  var attempts = 0;
  var latest = 0;

  function load() {
    if (!engine) {
      attempts += 1;
      /* KSB pages are indexed in bundles of their own (a single run for 10,000 needs too much memory):
         pagefind/siaga-bundel.json lists them, and Pagefind searches them all as one index. A retry asks
         for the engine under another address: a browser may keep a failed module import as failed. */
      engine = import(base + "pagefind/pagefind.js" + (attempts > 1 ? "?lagi=" + attempts : "")).then(function (pagefind) {
        return pagefind.options({ baseUrl: base }).then(function () {
          return fetch(base + "pagefind/siaga-bundel.json");
        }).then(function (response) {
          if (!response.ok) {
            throw new Error("siaga-bundel.json: " + response.status);
          }
          return response.json();
        }).then(function (bundles) {
          return Promise.all(bundles.map(function (bundle) {
            return pagefind.mergeIndex(base + "pagefind/" + bundle, { baseUrl: base });
          }));
        }).then(function () { return pagefind; });
      });
      /* A failed load (a dropped connection on a slow network) is not the end: the next search tries again. */
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function say(text) {
    status.textContent = text;
  }

  function close() {
    panel.hidden = true;
  }

  function excerpt(html) {
    /* Pagefind marks the matched words with <mark>; we show its words as plain text. */
    var holder = document.createElement("div");
    holder.innerHTML = html.replace(/<(?!\/?mark>)[^>]*>/g, "");
    return holder.textContent;
  }

  function show(results, query) {
    list.textContent = "";
    results.forEach(function (found) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = found.url;
      link.textContent = (found.meta && found.meta.title) || found.url;
      item.appendChild(link);
      if (found.meta && found.meta.wilayah) {
        var region = document.createElement("span");
        region.className = "siaga-cari__wilayah";
        region.textContent = found.meta.wilayah;
        item.appendChild(region);
      }
      var text = document.createElement("span");
      text.className = "siaga-cari__cuplikan";
      text.textContent = excerpt(found.excerpt || "");
      item.appendChild(text);
      list.appendChild(item);
    });
    say(results.length ? results.length + " hasil untuk \u201c" + query + "\u201d" : "Tidak ada hasil untuk \u201c" + query + "\u201d");
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    panel.hidden = false;
    if (query.length < 2) {
      list.textContent = "";
      say("Ketik paling sedikit dua huruf.");
      return;
    }
    say("Mencari\u2026");
    load().then(function (pagefind) {
      return pagefind.debouncedSearch(query, {}, 250);
    }).then(function (search) {
      if (!search || ticket !== latest) {
        return null;
      }
      return Promise.all(search.results.slice(0, 10).map(function (result) { return result.data(); }));
    }).then(function (results) {
      if (results && ticket === latest) {
        show(results, query);
      }
    }).catch(function () {
      say("Pencarian tidak bisa dimuat. Coba lagi, atau buka Panduan dan daftar KSB.");
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    var all = links();
    if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[0].focus();
    } else if (event.key === "Escape") {
      close();
      input.blur();
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < all.length - 1) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) {
      window.location.href = first.href;
    }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f") && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      input.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) {
      close();
    }
  });
}());
