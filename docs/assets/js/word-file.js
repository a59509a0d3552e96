/* Word files in the page, shared by the briefing builder, the pilot planner and the results report
   on /briefing/: the vendored docx library is loaded once, on the first download, and a finished
   file is saved through a temporary link. */
(function () {
  "use strict";
  var loading = null;
  function load(src) {
    if (window.docx) return Promise.resolve(window.docx);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.docx); };
        script.onerror = function () { loading = null; reject(new Error("could not load the Word library")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }
  window.cbWord = { load: load, save: save };
})();
