// Starts DKFDS's components: the mobile menu, and the error summary, which takes the focus so
// that screen-reader users hear what went wrong first. No other behaviour lives here: pages
// work without it.
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) {
    window.DKFDS.init();
    // DKFDS names its overflow menu "Mere" in every language; the page gives the right word.
    var menu = document.querySelector(".navigation-menu[data-more-label]");
    var more = menu && menu.querySelector(".more-option .more-button span");
    if (more) {
      more.textContent = menu.getAttribute("data-more-label");
    }
  }
});
