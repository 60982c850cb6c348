/* Siaga Banten offline copy. Written into the built site by siaga.site.offline; edit
   scripts/siaga/site/sw.js, not the copy in site/.

   After one visit, the guides, the emergency numbers and every page a reader opened stay readable
   with the network off. Three kinds of file, so that nothing is served stale after a deploy:
   - named by their content (Material's bundle.<hash>.min.js, Pagefind's index pieces): the saved copy
     first, for good, since a changed file gets a new name;
   - this site's own theme files and downloads (assets/, data/): the saved copy first, each saved with its
     fingerprint; a build that changes one lists another fingerprint below, so the new worker drops the
     old copy and fetches the file again;
   - everything else (pages, Pagefind's engine and entry file, posters' QR codes): the network first,
     revalidated; the saved copy when the network fails or answers with an error, marked with the time
     it was saved, so an old engine is never paired with a new index.
   This file changes whenever any file of the site changes (its version is a hash of them all), which is
   what makes a returning reader's browser install the new worker. */
"use strict";

/* SETELAN: written by the build (version, precache list, fingerprints, fallback page, size limit). */
var SETELAN = /*SETELAN*/{};

var CACHE = "siaga-" + SETELAN.versi;
var SAVED_AT = "X-Siaga-Disimpan";
var FINGERPRINT = "X-Siaga-Sidik";
var ROOT = new URL("./", self.location.href);
var NAMED_BY_CONTENT = new RegExp(SETELAN.nama_isi);
var PRECACHED = {};
SETELAN.simpan_dulu.forEach(function (path) { PRECACHED[new URL(path, ROOT).href] = true; });
/* The marker main.html leaves in every page; a saved copy gets the time it was saved there. */
var MARKER = '<p class="siaga-luring" data-siaga-luring hidden></p>';

function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/* A file's path from the site's root ("" for the home page), or null outside the site. */
function pathOf(url) {
  return url.origin === ROOT.origin && url.pathname.indexOf(ROOT.pathname) === 0 ? url.pathname.slice(ROOT.pathname.length) : null;
}

/* One saved copy per address: ?fbclid=..., Pagefind's ?ts=... and our ?lagi=... never add another. */
function keyOf(url) {
  var key = new URL(url.href);
  key.search = "";
  key.hash = "";
  return key.href;
}

function oldCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf("siaga-") === 0 && name !== CACHE; });
  });
}

/* A copy to keep: the time it was saved and the fingerprint it was saved under travel with it. Rebuilt from
   its body, so a redirect followed on the way leaves no mark a navigation would refuse. */
function stamped(response, fingerprint) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    headers.set(SAVED_AT, new Date().toISOString());
    if (fingerprint) {
      headers.set(FINGERPRINT, fingerprint);
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

/* At most SETELAN.batas copies besides the precached ones: the oldest saved go first. */
function trim(cache) {
  return cache.keys().then(function (requests) {
    var extra = requests.filter(function (request) { return !PRECACHED[request.url]; });
    var over = extra.length - SETELAN.batas;
    return Promise.all(extra.slice(0, Math.max(0, over)).map(function (request) { return cache.delete(request); }));
  });
}

function save(key, response, fingerprint) {
  return stamped(response, fingerprint).then(function (copy) {
    return caches.open(CACHE).then(function (cache) {
      return cache.put(key, copy).then(function () { return trim(cache); });
    });
  });
}

/* A precached file from an earlier copy, when its fingerprint shows it has not changed: no download. */
function unchanged(url, fingerprint) {
  return oldCaches().then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (response) {
        return response || caches.open(name).then(function (cache) { return cache.match(url); }).then(function (saved) {
          return saved && saved.headers.get(FINGERPRINT) === fingerprint ? saved : undefined;
        });
      });
    }, Promise.resolve(undefined));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(SETELAN.simpan_dulu.map(function (path) {
      var url = new URL(path, ROOT).href;
      var fingerprint = SETELAN.sidik[path];
      return unchanged(url, fingerprint).then(function (saved) {
        if (saved) {
          return cache.put(url, saved);
        }
        /* Past the browser's HTTP cache: a host may let it keep a file for minutes after a deploy. */
        return fetch(new Request(url, { cache: "reload" })).then(function (response) {
          if (!response.ok) {
            throw new Error(url + ": " + response.status);
          }
          return stamped(response, fingerprint).then(function (copy) { return cache.put(url, copy); });
        });
      });
    }));
  }).then(function () {
    return self.skipWaiting();
  }));
});

/* Whether a copy from the previous version may stay: pages and other network-first files (used only
   when the network fails, and marked with their age), files named by their content, and theme files
   whose fingerprint is still the one listed. */
function stillGood(request, response) {
  var path = pathOf(new URL(request.url));
  if (path === null) {
    return false;
  }
  if (has(SETELAN.sidik, path) && !isPage(path)) {
    return response.headers.get(FINGERPRINT) === SETELAN.sidik[path];
  }
  return has(SETELAN.sidik, path) || NAMED_BY_CONTENT.test(path) || !isVersioned(path);
}

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return oldCaches().then(function (names) {
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (old) {
          return old.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              return Promise.all([old.match(request), cache.match(request)]).then(function (pair) {
                if (pair[0] && !pair[1] && stillGood(request, pair[0])) {
                  return cache.put(request, pair[0]);
                }
                return undefined;
              });
            }));
          });
        }).then(function () {
          return caches.delete(name);
        });
      }));
    }).then(function () {
      return trim(cache);
    });
  }).then(function () {
    return self.clients.claim();
  }));
});

function isPage(path) {
  return path === "" || path.slice(-1) === "/" || path.slice(-5) === ".html";
}

/* Theme files and downloads without a content hash in their name: kept only under their fingerprint. */
function isVersioned(path) {
  return !isPage(path) && (path.indexOf("assets/") === 0 || path.indexOf("data/") === 0);
}

function escaped(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function savedWhen(response) {
  var saved = new Date(response.headers.get(SAVED_AT));
  if (isNaN(saved.getTime())) {
    return "sebelumnya";
  }
  return "pada " + saved.toLocaleString("id-ID", {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta"
  }) + " WIB";
}

/* A saved page as the reader gets it: with a line saying it is a saved copy, and since when. */
function marked(response, missing) {
  if ((response.headers.get("Content-Type") || "").indexOf("text/html") !== 0) {
    return Promise.resolve(response);
  }
  return response.text().then(function (html) {
    var note = "Salinan tersimpan di perangkat ini, disimpan " + savedWhen(response) +
      ". Situs tidak bisa dijangkau sekarang; isinya mungkin sudah berubah. Nomor darurat tetap bisa ditelepon.";
    if (missing) {
      note = "Halaman yang Anda buka belum tersimpan di perangkat ini, jadi yang tampil adalah nomor darurat. " + note;
    }
    var headers = new Headers(response.headers);
    headers.delete("Content-Length");
    return new Response(html.replace(MARKER, '<p class="siaga-luring" role="status">' + escaped(note) + "</p>"),
      { status: 200, headers: headers });
  });
}

function savedCopy(key) {
  return caches.open(CACHE).then(function (cache) { return cache.match(key); });
}

/* Files named by their content, and theme files under their fingerprint: the saved copy first. */
function savedFirst(event, request, key, fingerprint) {
  return savedCopy(key).then(function (saved) {
    if (saved && (!fingerprint || saved.headers.get(FINGERPRINT) === fingerprint)) {
      return saved;
    }
    var fresh = fingerprint ? new Request(request, { cache: "no-cache" }) : request;
    return fetch(fresh).then(function (response) {
      if (response.ok) {
        event.waitUntil(save(key, response.clone(), fingerprint));
      }
      return response;
    });
  });
}

/* Pages and everything else: the network first (revalidated, never a stale HTTP-cache copy), the saved copy
   when the network fails or the host answers with an error (an outage can look like a 404 or a 503). */
function networkFirst(event, request, key, path, page) {
  var fresh = page ? new Request(request.url, { cache: "no-cache", credentials: "same-origin" }) : new Request(request, { cache: "no-cache" });
  var missing = page && path === SETELAN.cadangan && new URL(request.url).searchParams.has("belum-tersimpan");
  function fallback(response) {
    return savedCopy(key).then(function (saved) {
      if (saved) {
        return page ? marked(saved, missing) : saved;
      }
      if (response && response.status < 500) {
        return response;  /* the site's own 404 page, which has the numbers too */
      }
      if (page && path !== SETELAN.cadangan) {
        /* A page never opened: the numbers to call, at their own address so their links and stylesheet work. */
        return Response.redirect(new URL(SETELAN.cadangan + "?belum-tersimpan=1", ROOT).href, 302);
      }
      return Response.error();
    });
  }
  return fetch(fresh).then(function (response) {
    if (page && response.redirected) {
      /* /darurat -> /darurat/: the browser goes to the final address itself, so relative links resolve there. */
      return Response.redirect(response.url, 302);
    }
    if (!response.ok) {
      return fallback(response);
    }
    event.waitUntil(save(key, response.clone(), null));
    return response;
  }, function () {
    return fallback(null);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.headers.has("Range")) {
    return;
  }
  var url = new URL(request.url);
  var path = pathOf(url);
  if (path === null || path === "sw.js") {
    return;
  }
  var key = keyOf(url);
  var page = request.mode === "navigate" || isPage(path);
  if (!page && NAMED_BY_CONTENT.test(path)) {
    event.respondWith(savedFirst(event, request, key, null));
  } else if (isVersioned(path) && has(SETELAN.sidik, path)) {
    event.respondWith(savedFirst(event, request, key, SETELAN.sidik[path]));
  } else {
    event.respondWith(networkFirst(event, request, key, path, page));
  }
});
