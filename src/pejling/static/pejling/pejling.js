// Starts DKFDS components and moves focus to a form's error summary, so that screen-reader
// users hear what went wrong first. No other behaviour lives here: pages work without it.
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) {
    window.DKFDS.init();
  }
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});
