// Starts DKFDS's components: the mobile menu, and the error summary, which takes the focus so
// that screen-reader users hear what went wrong first. No other behaviour lives here: pages
// work without it.
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) {
    window.DKFDS.init();
  }
});
