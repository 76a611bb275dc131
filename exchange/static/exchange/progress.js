// The export's progress bar: asks the progress URL every second until the export is done or failed.
(function () {
  "use strict";
  function follow(row) {
    var bar = row.querySelector("progress");
    var status = row.querySelector("[data-export-status]");
    var download = row.querySelector("[data-export-download]");
    function ask() {
      fetch(row.dataset.exportProgress, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (state) {
          bar.value = state.percent;
          bar.textContent = state.percent + "%";
          status.textContent = state.status_label + (state.status === "running" || state.status === "queued"
            ? " (" + state.done + "/" + state.total + ")" : "");
          if (state.download_url) {
            download.href = state.download_url;
            download.hidden = false;
          } else if (state.status !== "failed") {
            window.setTimeout(ask, 1000);
          }
        })
        .catch(function () { window.setTimeout(ask, 5000); });
    }
    ask();
  }
  document.querySelectorAll("[data-export-progress]").forEach(function (row) {
    if (!row.querySelector("[data-export-download]:not([hidden])")) follow(row);
  });
})();
