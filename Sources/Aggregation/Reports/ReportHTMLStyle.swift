/// The inline stylesheet and script of `report.html`.
enum ReportHTMLStyle {
    /// Colours per entity type, shared by the CSS and the SVG network.
    static let typeColors = [
        "PERSON": "#2f6fdf", "ORGANIZATION": "#d9822b", "LOCATION": "#2e9e5b", "MISC": "#8e5bd0",
    ]

    /// Colours per CAMEO quad class (0 unknown … 4 material conflict).
    static let quadColors = ["#9aa5b1", "#4c9be8", "#2e9e5b", "#e8a33d", "#d64545"]

    static let css = """
        :root{--fg:#1d2733;--muted:#5f6b7a;--line:#dde3ea;--bg:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        header{background:#18324f;color:#fff;padding:20px 32px}
        header h1{margin:0 0 6px;font-size:22px}
        header p{margin:0;opacity:.85}
        main{max-width:1200px;margin:0 auto;padding:16px 24px}
        section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
        h2{margin:0 0 12px;font-size:18px}
        .cards{display:flex;gap:12px;flex-wrap:wrap}
        .card{flex:1;min-width:120px;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
        .card b{display:block;font-size:24px}
        .card span{color:var(--muted)}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
        th{background:var(--bg);position:sticky;top:0}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        td.evidence{color:var(--muted);max-width:420px}
        td.d{white-space:nowrap}
        .ok{color:#2e7d32;font-weight:600}
        .failed{color:#c62828;font-weight:600}
        .empty{color:var(--muted)}
        .dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
        .t-PERSON{background:#2f6fdf}.t-ORGANIZATION{background:#d9822b}.t-LOCATION{background:#2e9e5b}.t-MISC{background:#8e5bd0}
        #entity-filter{margin:0 0 8px;padding:6px 10px;width:280px;border:1px solid var(--line);border-radius:6px}
        svg{max-width:100%;height:auto;display:block}
        #network-chart{margin:0 auto}
        svg text{font-family:system-ui,sans-serif}
        .legend{display:flex;gap:16px;flex-wrap:wrap;color:var(--muted);font-size:13px;margin-top:8px}
        dl.stats{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
        dt{color:var(--muted)}dd{margin:0}
        footer{text-align:center;color:var(--muted);font-size:12px;padding:16px}
        """

    static let script = """
        (function () {
          var input = document.getElementById("entity-filter");
          var table = document.getElementById("entity-table");
          if (!input || !table) { return; }
          input.addEventListener("input", function () {
            var query = input.value.toLowerCase();
            var rows = table.tBodies[0].rows;
            for (var i = 0; i < rows.length; i++) {
              rows[i].style.display = rows[i].textContent.toLowerCase().indexOf(query) >= 0 ? "" : "none";
            }
          });
        })();
        """
}
