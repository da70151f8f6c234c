// A live character counter for the client's page. Progressive enhancement only: the page and
// its forms work without it, and the server counts (and decides) either way. Characters are
// counted as a person counts them (grapheme clusters), like the server does.
(function () {
  var segmenter =
    typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  function count(text) {
    var trimmed = text.replace(/\r\n?/g, '\n').trim();
    if (!segmenter) return Array.from(trimmed).length;
    var n = 0;
    for (var it = segmenter.segment(trimmed)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) n += 1;
    return n;
  }
  function format(n) {
    return n.toLocaleString('en-US');
  }
  document.querySelectorAll('textarea[data-max-characters]').forEach(function (area) {
    var max = Number(area.getAttribute('data-max-characters'));
    var out = document.getElementById(area.id + '-count');
    if (!out || !max) return;
    var timer = null;
    function update() {
      var n = count(area.value);
      out.textContent =
        n > max
          ? format(n) + ' of ' + format(max) + ' characters: ' + format(n - max) + ' over the limit'
          : format(n) + ' of ' + format(max) + ' characters';
      out.classList.toggle('over', n > max);
    }
    // Screen readers hear the count when typing pauses, not on every key.
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    update();
  });
})();
