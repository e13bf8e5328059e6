// jixiao web: a little plain JavaScript. Pages work without it; with it, a click on an indicator
// shows its explanation in place (from the same /api/v1 the API documents). Text is inserted with
// textContent only, never as HTML.
'use strict';
document.addEventListener('click', function (event) {
  var link = event.target.closest('a[data-explain]');
  if (!link) return;
  event.preventDefault();
  var row = link.closest('tr');
  var next = row.nextElementSibling;
  if (next && next.classList.contains('explain-row')) { next.remove(); return; }
  var shown = document.createElement('tr');
  shown.className = 'explain-row';
  var cell = document.createElement('td');
  cell.colSpan = row.children.length;
  var pre = document.createElement('pre');
  pre.className = 'explain-text';
  pre.textContent = '正在读取得分说明…';
  cell.appendChild(pre);
  shown.appendChild(cell);
  row.after(shown);
  fetch(link.getAttribute('data-explain'), { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      pre.textContent = data.text || (data.error && data.error.message) || '无法读取得分说明';
    })
    .catch(function () { pre.textContent = '无法读取得分说明，请刷新页面后重试'; });
});
