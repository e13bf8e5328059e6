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
// A job page polls its job until it is done or failed (the bar survives reloads: the state is
// on the server).
(function () {
  var box = document.getElementById('job');
  if (!box || box.getAttribute('data-state') !== 'running') return;
  var labels = { running: '进行中', done: '已完成', failed: '失败' };
  function poll() {
    fetch(box.getAttribute('data-job'), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        document.getElementById('job-state').textContent = labels[j.state] || j.state;
        var bar = document.getElementById('job-progress');
        if (bar) bar.value = j.progress;
        var percent = document.getElementById('job-percent');
        if (percent) percent.textContent = j.state === 'failed' ? '' : j.progress + '%';
        document.getElementById('job-message').textContent = j.message || '';
        if (j.state === 'done') document.getElementById('job-download').hidden = false;
        // 任务在服务器上继续 is true only while it runs.
        if (j.state !== 'running') document.getElementById('job-hint').hidden = true;
        if (j.state === 'running') setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
// The 自评表 page: after a pause in typing, the form is posted to the preview API (nothing is
// saved) and the 复核分, each row's 复核得分 and its explanation are updated; the save button
// still saves.
(function () {
  var form = document.getElementById('selfeval-form');
  if (!form || !form.getAttribute('data-preview')) return;
  var status = document.getElementById('preview-status');
  var timer = null, sent = 0;
  function run() {
    var mine = ++sent;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-preview'), {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'X-CSRF-Token': form.elements.csrf.value }
    })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (mine !== sent || !j.rows) return;
        document.getElementById('computed').textContent =
          j.state === 'blank' ? '待填写' : j.computed;
        var progress = document.getElementById('progress');
        if (progress) progress.textContent =
          j.state === 'partial' ? '（' + j.progress + '）' : '';
        var grade = document.getElementById('grade');
        if (grade) grade.textContent = j.grade;
        var gradeLine = document.getElementById('grade-line');
        if (gradeLine) gradeLine.hidden = !j.grade;
        var count = document.getElementById('count');
        if (count && j.count !== undefined) count.textContent = j.count;
        // Findings are rebuilt as text nodes: a message is never parsed as HTML.
        function fill(box, list) {
          if (!box || !list) return;
          while (box.firstChild) box.removeChild(box.firstChild);
          list.forEach(function (f) {
            var div = document.createElement('div');
            div.className = 'issue ' + f['class'];
            var tag = document.createElement('span');
            tag.className = 'tag';
            tag.textContent = f.severity;
            div.appendChild(tag);
            div.appendChild(document.createTextNode(' ' + f.message));
            box.appendChild(div);
          });
        }
        fill(document.getElementById('general-findings'), j.general);
        j.rows.forEach(function (row) {
          var cell = form.querySelector('td.computed[data-row="' + row.index + '"]');
          if (cell) cell.textContent = row.computed;
          // The row's explanation, computed by the server with the score (never stale).
          var how = form.querySelector('.row-how[data-row="' + row.index + '"]');
          if (how) how.textContent = row.how || '';
          fill(form.querySelector('.row-findings[data-row="' + row.index + '"]'), row.findings);
        });
        // 全角 figures typed: the 提示 at the field, as text (core/half_width.h).
        form.querySelectorAll('.width-note').forEach(function (n) { n.textContent = ''; });
        (j.width_notes || []).forEach(function (x) {
          var n = document.getElementById('note_' + x.field);
          if (n) n.textContent = x.message;
        });
        var note = '试算结果（尚未保存，点“保存并重新复核”保存）';
        if (j.refused.length) note += '；以下内容读不出，未计入：' +
          j.refused.map(function (x) { return x.message; }).join('；');
        status.textContent = note;
      })
      .catch(function () { status.textContent = '试算暂不可用，保存后可看到复核分'; });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 600);
  });
})();
// An error page's 返回上一页: back in the browser's history (the form keeps what was typed);
// without history, or without script, the link leads to the home page.
document.addEventListener('click', function (event) {
  var link = event.target.closest('a[data-back]');
  if (!link || window.history.length < 2) return;
  event.preventDefault();
  window.history.back();
});
// A file input is hidden behind its Chinese “选择文件” button: the chosen file's name shown beside it.
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.classList || !input.classList.contains('file-input')) return;
  var name = input.parentElement.querySelector('.file-name');
  if (!name) return;
  var names = [];
  for (var i = 0; i < input.files.length; i++) names.push(input.files[i].name);
  name.textContent = names.length ? names.join('、') : '未选择文件';
});
