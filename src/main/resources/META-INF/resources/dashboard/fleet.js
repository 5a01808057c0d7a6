// Keeps the fleet table current without reloading the page: polls /fleet.json (same filters as the page) every
// 2.5 s and updates rows and counts in place. No framework; the page is complete without this script. A row whose
// data did not change since the last poll is not touched (most of a large fleet, most of the time).
(function () {
  "use strict";
  var PERIOD_MS = 2500;
  var table = document.getElementById("fleet");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];

  function setText(el, text) {
    if (el && el.textContent !== text) {
      el.textContent = text;
    }
  }

  function setState(el, prefix, state) {
    if (!el) {
      return;
    }
    Array.prototype.slice.call(el.classList).forEach(function (c) {
      if (c.indexOf(prefix) === 0) {
        el.classList.remove(c);
      }
    });
    el.classList.add(prefix + state);
  }

  function newRow(r) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-router", r.router);
    var th = document.createElement("th");
    th.scope = "row";
    var a = document.createElement("a");
    a.href = r.href;
    a.textContent = r.router;
    th.appendChild(a);
    tr.appendChild(th);
    ["platform", "groups"].forEach(function (k) {
      var td = document.createElement("td");
      td.textContent = r[k];
      tr.appendChild(td);
    });
    var st = document.createElement("td");
    st.className = "state";
    st.innerHTML = '<span class="badge"><span class="sym" aria-hidden="true"></span> <span class="text"></span></span>';
    tr.appendChild(st);
    var rev = document.createElement("td");
    rev.className = "revision";
    tr.appendChild(rev);
    var lc = document.createElement("td");
    lc.className = "last-check";
    lc.appendChild(document.createElement("time"));
    tr.appendChild(lc);
    var dr = document.createElement("td");
    dr.className = "dropped";
    dr.innerHTML = '<span class="n"></span> <span class="hint"></span>';
    tr.appendChild(dr);
    return tr;
  }

  // quarantine is shown beside the state, not as one: a second badge, present only while the router is quarantined
  function setQuarantine(tr, r) {
    var cell = tr.querySelector("td.state");
    var badge = cell ? cell.querySelector(".badge.quarantine") : null;
    tr.classList.toggle("quarantined", !!r.quarantined);
    if (!cell) {
      return;
    }
    if (!r.quarantined) {
      if (badge) {
        var gap = badge.previousSibling;
        if (gap && gap.nodeType === 3) {
          cell.removeChild(gap);
        }
        cell.removeChild(badge);
      }
      return;
    }
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "badge quarantine";
      badge.innerHTML = '<span class="sym" aria-hidden="true">\u26d4</span> <span class="text">quarantined</span>';
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(badge);
    }
    if (badge.getAttribute("title") !== r.quarantine) {
      badge.setAttribute("title", r.quarantine);
    }
  }

  function update(tr, r) {
    var key = JSON.stringify(r);
    if (tr.__portcullis === key) {
      return;
    }
    tr.__portcullis = key;
    setState(tr, "state-", r.state);
    setState(tr.querySelector(".badge"), "state-", r.state);
    setText(tr.querySelector(".badge .sym"), r.stateSymbol);
    setText(tr.querySelector(".badge .text"), r.stateText);
    setQuarantine(tr, r);
    setText(tr.querySelector(".revision"), r.revision);
    var time = tr.querySelector(".last-check time");
    if (time) {
      time.setAttribute("datetime", r.lastCheckIso);
      setText(time, r.lastCheck);
    }
    setText(tr.querySelector(".dropped .n"), r.dropped);
    setText(tr.querySelector(".dropped .hint"), r.hint);
  }

  function render(view) {
    var existing = {};
    Array.prototype.forEach.call(body.rows, function (tr) {
      existing[tr.getAttribute("data-router")] = tr;
    });
    var seen = {};
    view.rows.forEach(function (r, i) {
      var tr = existing[r.router] || newRow(r);
      update(tr, r);
      seen[r.router] = true;
      if (body.rows[i] !== tr) {
        body.insertBefore(tr, body.rows[i] || null);
      }
    });
    Object.keys(existing).forEach(function (name) {
      if (!seen[name]) {
        body.removeChild(existing[name]);
      }
    });
    view.counts.forEach(function (c) {
      setText(document.querySelector('[data-count="' + c.state + '"]'), String(c.count));
    });
    setText(document.querySelector('[data-count="quarantined"]'), String(view.quarantined));
    setText(document.getElementById("updated"), view.generatedAt);
    shown(view);
  }

  // "showing 200 of 1000 · show all 1000" while the page lists the first rows only, else "N listed"
  function shown(view) {
    var el = document.getElementById("shown");
    if (!el) {
      return;
    }
    var text = view.showAllHref
      ? "showing " + view.rows.length + " of " + view.matching + " · "
      : view.matching + " listed";
    var link = el.querySelector("a");
    if (el.firstChild && el.firstChild.nodeValue === text
        && (view.showAllHref ? link && link.getAttribute("href") === view.showAllHref : !link)) {
      return;
    }
    el.textContent = text;
    if (view.showAllHref) {
      var a = document.createElement("a");
      a.href = view.showAllHref;
      a.textContent = "show all " + view.matching;
      el.appendChild(a);
    }
  }

  function poll() {
    fetch("/fleet.json" + window.location.search, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (res) {
        if (res.status === 401) {
          window.location.assign("/login");
          return null;
        }
        return res.ok ? res.json() : null;
      })
      .then(function (view) {
        if (view) {
          render(view);
        }
      })
      .catch(function () {
        // the service is restarting or the network hiccupped: the next poll tries again
      })
      .then(function () {
        window.setTimeout(poll, PERIOD_MS);
      });
  }

  window.setTimeout(poll, PERIOD_MS);
}());
