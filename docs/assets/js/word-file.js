/* Word files in the page, shared by the briefing builder, the pilot planner and the results report
   on /briefing/: the vendored docx library is loaded once, on the first download, and a finished
   file is saved through a temporary link. */
(() => {
  "use strict";
  let loading = null;
  function load(src) {
    if (window.docx) return Promise.resolve(window.docx);
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = () => {
          resolve(window.docx);
        };
        script.onerror = () => {
          loading = null;
          reject(new Error("could not load the Word library"));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  function save(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }
  window.cbWord = { load: load, save: save };
})();
