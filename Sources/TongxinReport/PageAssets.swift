/// The page's inline style sheet and script: the report needs no network access and no other file.
enum PageAssets {
    /// Screen and print styles. Print: no header colours or table of contents, each section on a new
    /// page, collapsed `<details>` shown open (`::details-content`, Chromium 131+; the script also
    /// opens them before printing for other browsers), backgrounds kept so bars and rate colours print.
    static let css = """
        :root{--fg:#1f2328;--muted:#59636e;--line:#d8dee4;--head:#f6f8fa;--accent:#a8201a;\
        --qz:#eceff2;--q0:#fdd9b5;--q1:#fdb863;--q2:#d9ef8b;--q3:#91cf60;--q4:#1a9850;--qn:#f6f8fa}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;color:var(--fg);background:#fff;line-height:1.55;font-size:15px;\
        font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",\
        system-ui,-apple-system,"Segoe UI",sans-serif}
        header.page{background:var(--accent);color:#fff;padding:1.4rem 2rem 1.2rem}
        header.page h1{margin:0 0 .3rem;font-size:1.7rem;font-weight:700}
        header.page p{margin:.1rem 0;opacity:.92}
        nav.toc{max-width:1180px;margin:0 auto;padding:.8rem 2rem;border-bottom:1px solid var(--line)}
        nav.toc ol{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;margin:0;padding:0;list-style:none}
        nav.toc a{color:var(--accent);text-decoration:none}
        nav.toc a:hover{text-decoration:underline}
        main{max-width:1180px;margin:0 auto;padding:0 2rem 3rem}
        section.report-section{margin-top:2.2rem}
        h2{font-size:1.4rem;margin:0 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--accent)}
        h3{font-size:1.12rem;margin:1.8rem 0 .5rem}
        h4{font-size:1rem;margin:1rem 0 .4rem}
        .sep{display:inline-block;width:1.5em}
        p.note,p.meta,p.hint{color:var(--muted);font-size:.88rem;margin:.3rem 0 .6rem}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;background:var(--head);\
        padding:0 .25em;border-radius:3px}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.7rem;margin:.6rem 0 1.2rem}
        .card{border:1px solid var(--line);border-radius:6px;padding:.55rem .8rem}
        .card .n{display:block;font-size:1.5rem;font-weight:700;font-variant-numeric:tabular-nums}
        .card .l{color:var(--muted);font-size:.85rem}
        .columns{display:flex;flex-wrap:wrap;gap:0 2.2rem;align-items:flex-start}
        .table-wrap{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;font-size:.88rem;margin:.4rem 0 1rem}
        caption{text-align:left;font-weight:600;padding:.2rem 0 .4rem}
        th,td{border-bottom:1px solid var(--line);padding:.28rem .6rem;text-align:left;vertical-align:top}
        thead th{background:var(--head);font-weight:600;white-space:nowrap}
        tbody th{font-weight:500}
        tfoot td,tfoot th{font-weight:600;border-top:2px solid var(--line);border-bottom:none}
        th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        table.sortable thead th{cursor:pointer;user-select:none}
        table.sortable thead th:hover{background:#eaeef2}
        table.sortable thead th::after{content:" \\2195";color:#9aa4ad;font-size:.8em}
        table.sortable thead th[aria-sort=ascending]::after{content:" \\25B2";color:var(--fg)}
        table.sortable thead th[aria-sort=descending]::after{content:" \\25BC";color:var(--fg)}
        td.rate{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
        .qz{background:var(--qz);color:var(--muted)}.q0{background:var(--q0)}.q1{background:var(--q1)}\
        .q2{background:var(--q2)}.q3{background:var(--q3)}.q4{background:var(--q4);color:#fff}.qn{background:var(--qn)}
        table.matrix tbody th{white-space:nowrap}
        .legend{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.8rem;color:var(--muted);margin:.2rem 0 .8rem}
        .legend span::before{content:"";display:inline-block;width:.8em;height:.8em;margin-right:.3em;\
        vertical-align:-.05em;border-radius:2px;background:var(--c)}
        figure.bars{margin:.5rem 0 1rem;max-width:760px}
        figure.bars figcaption{font-weight:600;margin-bottom:.35rem}
        .bar-rows{display:grid;grid-template-columns:max-content 1fr 4.2em;gap:.22rem .6rem;align-items:center;\
        font-size:.86rem}
        .bar-rows .track{background:#eef1f4;height:.95rem;border-radius:2px;overflow:hidden}
        .bar-rows .fill{display:block;height:100%}
        .bar-rows .v{text-align:right;font-variant-numeric:tabular-nums}
        details{margin:.35rem 0;border:1px solid var(--line);border-radius:5px;padding:.3rem .7rem}
        details details{border:none;padding:.1rem 0 .1rem .9rem}
        summary{cursor:pointer;font-weight:600}
        ul.units{columns:13rem;column-gap:1.5rem;margin:.3rem 0;padding-left:1.2rem;font-size:.86rem}
        ul.units li{break-inside:avoid}
        ul.units .path{color:var(--muted);font-size:.8rem}
        dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.88rem}
        dl.meta dt{font-weight:600}dl.meta dd{margin:0}
        figure.diagram{margin:1rem 0 2rem;border:1px solid var(--line);border-radius:6px;padding:.6rem}
        figure.diagram figcaption{margin-bottom:.4rem}
        figure.diagram figcaption strong{display:block;font-size:1.05rem}
        figure.diagram .svg{overflow:auto;max-height:80vh}
        figure.diagram svg{max-width:100%;height:auto}
        footer.page{max-width:1180px;margin:0 auto;padding:1rem 2rem 2rem;color:var(--muted);font-size:.82rem;\
        border-top:1px solid var(--line)}
        @media print{
        @page{margin:14mm 12mm}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{font-size:10.5pt}
        header.page{background:none;color:var(--fg);padding:0 0 .6rem;border-bottom:2px solid var(--accent)}
        nav.toc,p.hint{display:none}
        main,footer.page{max-width:none;padding:0}
        section.report-section{break-before:page;margin-top:0}
        main>section.report-section:first-child{break-before:auto;margin-top:1rem}
        h2,h3,h4,caption,figcaption{break-after:avoid}
        tr,li,.bar-rows>*{break-inside:avoid}
        thead{display:table-header-group}
        table.sortable thead th::after{content:none}
        details{border:none;padding:0}
        details::details-content{content-visibility:visible;display:block}
        summary{list-style:none}
        summary::-webkit-details-marker{display:none}
        figure.diagram{break-inside:avoid;border:none}
        figure.diagram .svg{max-height:none;overflow:visible}
        figure.diagram svg{width:auto;height:auto;max-width:100%;max-height:225mm}
        .table-wrap{overflow:visible}
        }
        """

    /// Sortable tables and print support. A click (or Enter/Space) on a header of a
    /// `table.sortable` sorts its body by that column: by the cells' `data-sort` numbers when the
    /// header says `data-type="number"` (empty keys last), else by text with a Chinese collator
    /// (`Intl.Collator('zh')`, what `localeCompare(…, 'zh')` uses: pinyin order); a second click
    /// reverses. The sort is stable, and `aria-sort` tells screen readers and the CSS the state.
    static let script = """
        (function () {
          'use strict';
          var collator = new Intl.Collator('zh', { numeric: true, sensitivity: 'base' });
          function key(cell) {
            if (!cell) { return ''; }
            return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
          }
          function sortBy(th) {
            var table = th.closest('table');
            var body = table.tBodies[0];
            if (!body) { return; }
            var column = Array.prototype.indexOf.call(th.parentNode.children, th);
            var numeric = th.getAttribute('data-type') === 'number';
            var direction = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
            var rows = Array.prototype.map.call(body.rows, function (row, index) {
              var text = key(row.cells[column]);
              return { row: row, index: index, text: text, number: text === '' ? NaN : Number(text) };
            });
            rows.sort(function (a, b) {
              var order = 0;
              if (numeric) {
                var aMissing = isNaN(a.number), bMissing = isNaN(b.number);
                if (aMissing || bMissing) {
                  order = aMissing === bMissing ? 0 : (aMissing ? 1 : -1);
                  return order || a.index - b.index;
                }
                order = direction * (a.number - b.number);
              } else {
                order = direction * collator.compare(a.text, b.text);
              }
              return order || a.index - b.index;
            });
            Array.prototype.forEach.call(th.parentNode.children, function (other) {
              other.removeAttribute('aria-sort');
            });
            th.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
            var fragment = document.createDocumentFragment();
            rows.forEach(function (entry) { fragment.appendChild(entry.row); });
            body.appendChild(fragment);
          }
          document.addEventListener('click', function (event) {
            var th = event.target.closest('table.sortable > thead th');
            if (th) { sortBy(th); }
          });
          document.addEventListener('keydown', function (event) {
            if (event.key !== 'Enter' && event.key !== ' ') { return; }
            var th = event.target.closest && event.target.closest('table.sortable > thead th');
            if (th) { event.preventDefault(); sortBy(th); }
          });
          var opened = [];
          window.addEventListener('beforeprint', function () {
            document.querySelectorAll('details:not([open])').forEach(function (details) {
              details.open = true;
              opened.push(details);
            });
          });
          window.addEventListener('afterprint', function () {
            opened.forEach(function (details) { details.open = false; });
            opened = [];
          });
        })();
        """
}
