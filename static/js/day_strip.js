// The day strip of a service's page: a day's link shows that day's times in place, without
// loading the page again. Without this script, the link loads the page for that day.
document.querySelectorAll("[data-day-strip]").forEach(function (strip) {
  // The chosen day in sight in the strip, without scrolling the page itself.
  var shown = strip.querySelector("a[aria-current]");
  var days = strip.querySelector(".day-strip");
  if (shown && days) {
    var at = shown.getBoundingClientRect(), box = days.getBoundingClientRect();
    days.scrollBy({ left: at.left - box.left - (box.width - at.width) / 2 });
  }
  strip.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-day]");
    if (!link) return;
    event.preventDefault();
    var day = link.dataset.day;
    strip.querySelectorAll("a[data-day]").forEach(function (other) {
      if (other === link) other.setAttribute("aria-current", "date");
      else other.removeAttribute("aria-current");
    });
    strip.querySelectorAll("[data-times-for]").forEach(function (times) {
      times.hidden = times.dataset.timesFor !== day;
    });
    var url = new URL(window.location.href);
    url.searchParams.set("day", day);
    history.replaceState(null, "", url.pathname + url.search + "#time-choice");
    var first = strip.querySelector('[data-times-for="' + day + '"] input:not([disabled])');
    if (first && event.detail === 0) first.focus();  // chosen with the keyboard: go on to the times
  });
});
