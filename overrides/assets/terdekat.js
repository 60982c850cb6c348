/* "KSB terdekat" on the home page: with the reader's permission, the phone's position is compared,
   in this browser only, with the KSB points the site already publishes (data/ksb.geojson).
   Nothing is sent anywhere: the only request is for that file, from this site. Every value from the
   file is written with textContent, never as HTML. */
(function () {
  "use strict";

  var box = document.querySelector(".siaga-terdekat");
  if (!box) {
    return;
  }
  var button = box.querySelector(".siaga-terdekat__tombol");
  var list = box.querySelector(".siaga-terdekat__hasil");
  var note = box.querySelector(".siaga-terdekat__catatan");
  var SHOWN = 3;

  function say(text) {
    note.textContent = text;
  }

  if (!("geolocation" in navigator) || !window.fetch) {
    button.disabled = true;
    say("Ponsel atau peramban ini tidak bisa membaca lokasi. Pilih kabupaten/kota di bawah.");
    return;
  }

  /* Great-circle distance in kilometres (haversine): plenty for "which posko is closest". */
  function kilometres(lat1, lon1, lat2, lon2) {
    var rad = Math.PI / 180;
    var dLat = (lat2 - lat1) * rad;
    var dLon = (lon2 - lon1) * rad;
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.sqrt(a));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function show(features, latitude, longitude) {
    var ranked = features.map(function (feature) {
      var point = feature.geometry.coordinates; /* GeoJSON: longitude first */
      return { ksb: feature.properties, km: kilometres(latitude, longitude, point[1], point[0]) };
    }).sort(function (a, b) { return a.km - b.km; }).slice(0, SHOWN);

    list.textContent = "";
    ranked.forEach(function (found) {
      var ksb = found.ksb;
      var item = element("li", "siaga-terdekat__ksb");
      var link = element("a", null, ksb.nama);
      link.href = "ksb/" + ksb.id + "/"; /* the id is <region>/<file>: the page's own address */
      item.appendChild(link);
      var villages = ksb.desa_kelurahan || [];
      var where = (villages.length ? villages.join(", ") + ", " : "") + "Kecamatan " + ksb.kecamatan + ", " + ksb.wilayah;
      /* A KSB known only by its kecamatan is placed at the kecamatan's centre: say the distance is rough. */
      var rough = ksb.ketepatan_lokasi === "kecamatan" ? " (perkiraan: titik tengah kecamatan)" : "";
      item.appendChild(element("span", "siaga-terdekat__jarak",
        "± " + found.km.toFixed(1).replace(".", ",") + " km" + rough + " · " + where));
      if (ksb.posko_telepon) {
        /* Shown as on every other page (0812-3456-7890); dialled in the international form. */
        var call = element("a", "siaga-terdekat__telepon", "Telepon posko " + (ksb.posko_telepon_lokal || ksb.posko_telepon));
        call.href = "tel:" + ksb.posko_telepon;
        item.appendChild(call);
      } else if (ksb.contoh) {
        item.appendChild(element("span", "siaga-terdekat__contoh", "Data contoh: tidak ada nomor yang bisa dihubungi."));
      } else {
        item.appendChild(element("span", "siaga-terdekat__contoh", "Nomor posko belum dipublikasikan: lihat halamannya."));
      }
      list.appendChild(item);
    });
    say(ranked.length ?
      "Jarak garis lurus dari lokasi Anda, bukan jarak jalan. Dalam keadaan darurat, telepon 112." :
      "Belum ada KSB dengan titik lokasi. Pilih kabupaten/kota di bawah.");
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    say("Meminta izin membaca lokasi ponsel…");
    navigator.geolocation.getCurrentPosition(function (position) {
      say("Mencari KSB terdekat…");
      fetch(box.getAttribute("data-sumber"))
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (collection) {
          show(collection.features || [], position.coords.latitude, position.coords.longitude);
        })
        .catch(function () {
          say("Daftar KSB tidak bisa dimuat. Coba lagi, atau pilih kabupaten/kota di bawah.");
        })
        .then(function () {
          button.disabled = false;
        });
    }, function () {
      button.disabled = false;
      say("Lokasi tidak bisa dipakai (izin ditolak atau GPS mati). Pilih kabupaten/kota di bawah.");
    }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 });
  });
}());
