/* The style sheet embedded in every HTML report (screen and print). */
#include "render/render_internal.h"

/* Colours meet WCAG AA contrast on white; print keeps them
 * (print-color-adjust) and drops what only makes sense on screen. */
const char skpi__html_css[] =
    ":root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--good:#1a7f37;"
    "--warn:#9a6700;--bad:#cf222e;--info:#0969da}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#fff;color:var(--fg);font:15px/1.5 system-ui,-apple-system,\"Segoe UI\","
    "Roboto,\"Helvetica Neue\",Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "main{max-width:62rem;margin:0 auto;padding:2rem 1.25rem;overflow-wrap:break-word}\n"
    "h1{font-size:1.9rem;line-height:1.2;margin:0 0 .25rem}\n"
    "h2{font-size:1.35rem;margin:2rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}\n"
    "h3{font-size:1.15rem;margin:1.5rem 0 .5rem}h4,h5{font-size:1rem;margin:1.25rem 0 .5rem}\n"
    ".subtitle{color:var(--muted);margin:0 0 1.5rem}\n"
    "p{margin:.5rem 0 1rem}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem;font-variant-numeric:tabular-nums}\n"
    "caption{text-align:left;font-weight:600;padding:.25rem 0}\n"
    "th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}\n"
    "thead th{border-bottom:2px solid var(--line);font-weight:600}\n"
    "tbody th{font-weight:500}\n"
    ".num{text-align:right;white-space:nowrap}\n"
    "tr.sub th{font-weight:400;padding-left:1.6rem;color:var(--muted)}\n"
    ".channel{color:var(--muted);font-weight:400}\n"
    ".good{color:var(--good)}.bad{color:var(--bad)}.warning{color:var(--warn)}.neutral,.na{color:var(--muted)}\n"
    ".spark{display:block}\n"
    "figure{margin:1rem 0 1.5rem}figcaption{font-weight:600;margin-bottom:.25rem}\n"
    "svg.chart{width:100%;height:auto;display:block}svg.chart.narrow{display:none}\n"
    ".legend{list-style:none;padding:0;margin:.25rem 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;"
    "font-size:.9rem;color:var(--muted)}\n"
    ".legend svg{vertical-align:middle;margin-right:.35rem}\n"
    ".desc,.footnote{color:var(--muted);font-size:.9rem;margin:.25rem 0}\n"
    "details{font-size:.9rem;margin:.25rem 0}summary{cursor:pointer;color:var(--muted)}\n"
    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.75rem;"
    "margin:.5rem 0 1.25rem}\n"
    ".okrs{display:grid;gap:.75rem;margin:.5rem 0 1.25rem}\n"
    ".card{border:1px solid var(--line);border-radius:6px;padding:.75rem .9rem;break-inside:avoid}\n"
    ".card h3,.card h4{margin:0 0 .35rem;font-size:1rem}\n"
    ".card table{margin:.5rem 0 0}\n"
    ".badge{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .55rem;border-radius:1rem;"
    "border:1px solid currentColor}\n"
    ".bar{display:block;width:100%;height:10px;margin:.6rem 0}\n"
    ".meta{font-size:.9rem;color:var(--muted);margin:.2rem 0}\n"
    ".caveat{font-size:.9rem;margin:.35rem 0;padding-left:.5rem;border-left:3px solid var(--warn)}\n"
    ".objective.aligned{margin-left:1.5rem;border-style:dashed}"
    ".objective.depth2{margin-left:3rem}.objective.depth3{margin-left:4.5rem}\n"
    ".callout{border-left:4px solid var(--info);background:var(--soft);padding:.6rem .9rem;margin:1rem 0;"
    "border-radius:0 6px 6px 0}\n"
    ".callout.win{border-color:var(--good);background:#dafbe1}"
    ".callout.alert{border-color:var(--bad);background:#ffebe9}\n"
    ".callout p{margin:.2rem 0}\n"
    "ol.posts{padding-left:1.5rem}ol.posts li{margin:.6rem 0}ol.posts p{margin:.1rem 0}\n"
    "a{color:var(--info)}\n"
    /* the executive page's top: KPI tiles, goals and OKRs at a glance */
    /* at most three tiles a row on a wide screen (six read as two rows of
     * three, not six cramped columns), one a row on a phone */
    ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(15rem,100%),1fr));gap:.75rem;"
    "margin:1.25rem 0 1.5rem}\n"
    ".tile{border:1px solid var(--line);border-top:4px solid var(--muted);border-radius:6px;padding:.6rem .75rem;"
    "break-inside:avoid}\n"
    ".tile.status-good{border-top-color:var(--good)}.tile.status-bad{border-top-color:var(--bad)}\n"
    ".tile-label{font-size:.9rem;font-weight:600;margin:0;color:var(--muted)}.tile-label .channel{display:block;"
    "font-size:.8rem;font-weight:400;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\n"
    ".tile-value{font-size:1.6rem;font-weight:700;line-height:1.2;margin:.2rem 0;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}.tile-value abbr{text-decoration:none}\n"
    ".tile-change{font-size:.85rem;margin:0}.tile .spark{width:100%;max-width:12rem;height:auto;margin-top:.4rem}\n"
    ".glance-list{list-style:none;padding:0;margin:.5rem 0 1.25rem;display:grid;"
    "grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem .75rem}\n"
    ".glance-item{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;break-inside:avoid}\n"
    ".glance-head{margin:0;font-weight:600;line-height:1.35}.glance-item .bar{margin:.45rem 0}\n"
    ".print-data{display:none}\n"
    /* phones: tables reflow into one block per row, each cell named by its
     * column; charts switch to their narrow drawing, whose text stays
     * above 10 px */
    "@media screen and (max-width:44rem){svg.chart.wide{display:none}svg.chart.narrow{display:block}}\n"
    "@media screen and (max-width:40rem){main{padding:1.25rem 1rem}h1{font-size:1.6rem}"
    "table.reflow,table.reflow tbody,table.reflow tr,table.reflow th,table.reflow td{display:block}"
    "table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    "table.reflow tr{border-bottom:1px solid var(--line);padding:.35rem 0}"
    "table.reflow th,table.reflow td{border:0;padding:.1rem 0;text-align:left}"
    "table.reflow caption{display:block}table.reflow td{text-align:right}"
    "table.reflow td::before{content:attr(data-label);float:left;margin-right:1rem;color:var(--muted);"
    "font-weight:400;text-align:left}"
    "table.reflow td.trend::before{content:none}"
    "tr.sub th{padding-left:1rem}.objective.aligned{margin-left:.75rem}.objective.depth2{margin-left:1.5rem}"
    /* two tiles a row on a phone: the six KPIs in three rows, not six screens */
    ".tiles{grid-template-columns:repeat(2,minmax(0,1fr));gap:.5rem}.tile{padding:.5rem .6rem}"
    ".tile-value{font-size:1.3rem}"
    ".objective.depth3{margin-left:2.25rem}.cards{grid-template-columns:1fr}}\n"
    "footer{margin-top:2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);"
    "padding-top:.5rem}\n"
    /* print: no card, tile, callout, top post or chart split across pages, but
     * figures and sections may break between their parts, so that a page
     * is not left half empty before a tall one */
    "@media print{@page{margin:12mm}body{font-size:10.5pt}main{max-width:none;padding:0}"
    "h2,h3,h4,figcaption,caption{break-after:avoid}"
    "tr,svg.chart,.card,.callout,.tile,.glance-item,.legend,ol.posts li{break-inside:avoid}details{display:none}"
    /* no paragraph leaves a lone line at the foot or the head of a page */
    "p,li{orphans:3;widows:3}"
    "a{color:inherit;text-decoration:none}.cards{grid-template-columns:repeat(2,1fr)}"
    ".tiles{grid-template-columns:repeat(3,1fr)}.glance-list{grid-template-columns:repeat(2,1fr)}"
    "svg.chart.narrow{display:none}svg.chart.wide{display:block}}\n";

/* Added with SKPI_RENDER_HTML_PRINT_DATA: the copies of the charts' data
 * tables are printed. */
const char skpi__html_css_print_data[] = "@media print{.print-data{display:block}}\n";
