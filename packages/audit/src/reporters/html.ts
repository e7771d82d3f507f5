import type { Risk } from '../finding.js';
import { countByDirectory, countByRisk, countByRule, countFiles, formatLocation, getVerdict, type CountRow } from '../report-data.js';
import type { AuditResult } from '../audit-result.js';

const RISK_COLORS: Readonly<Record<Risk, string>> = { high: '#c62828', medium: '#ef6c00', low: '#0277bd' };
const RISK_ORDER: Readonly<Record<Risk, number>> = { high: 0, medium: 1, low: 2 };
const BAR_HEIGHT = 22;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 320;
const MAX_BARS = 15;

function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

function truncate(value: string, length: number): string {
  return value.length > length ? `…${value.slice(value.length - length + 1)}` : value;
}

/** A horizontal stacked bar chart (high, medium, low) drawn as inline SVG: no script, no network. */
function renderChart(id: string, title: string, rows: readonly CountRow[]): string {
  const shown = rows.slice(0, MAX_BARS);
  const max = Math.max(1, ...shown.map((row) => row.total));
  const height = Math.max(1, shown.length) * (BAR_HEIGHT + 6) + 6;
  const width = LABEL_WIDTH + BAR_WIDTH + 50;
  const bars = shown.map((row, index) => {
    const y = 6 + index * (BAR_HEIGHT + 6);
    let x = LABEL_WIDTH;
    const segments = (['high', 'medium', 'low'] as const)
      .filter((risk) => row.byRisk[risk] > 0)
      .map((risk) => {
        const segmentWidth = Math.max(2, Math.round((row.byRisk[risk] / max) * BAR_WIDTH));
        const rect = `<rect x="${x}" y="${y}" width="${segmentWidth}" height="${BAR_HEIGHT}" fill="${RISK_COLORS[risk]}"><title>${escapeHtml(`${row.label}: ${row.byRisk[risk]} ${risk}`)}</title></rect>`;
        x += segmentWidth;
        return rect;
      })
      .join('');
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 6}" text-anchor="end">${escapeHtml(truncate(row.label, 36))}</text>` +
      `${segments}<text x="${x + 6}" y="${y + BAR_HEIGHT - 6}">${row.total}</text>`
    );
  });
  const body = shown.length === 0 ? `<text x="10" y="22">No findings</text>` : bars.join('');
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg id="${id}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>` +
    `</figure>`
  );
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1b1b;background:#fafafa}
h1{font-size:1.5rem;margin:0 0 .25rem}
.meta{color:#555;margin:0 0 1.5rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap;margin-bottom:1.5rem}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.75rem 1.25rem;min-width:8rem}
.card b{display:block;font-size:1.6rem}
.charts{display:flex;gap:1.5rem;flex-wrap:wrap}
.chart{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.75rem;margin:0}
.chart figcaption{font-weight:600;margin-bottom:.5rem}
.chart text{font-size:12px;fill:#333}
table{border-collapse:collapse;width:100%;background:#fff;margin-top:1.5rem}
th,td{border:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}
td code{font-size:12px}
.risk-high{color:${RISK_COLORS.high};font-weight:600}
.risk-medium{color:${RISK_COLORS.medium};font-weight:600}
.risk-low{color:${RISK_COLORS.low}}
.verdict{font-weight:600}
small{color:#666}
`;

// Sorts the findings table by the clicked column; cells carry data-sort values where text would sort wrong.
const SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-sort') || a.cells[column].textContent;
        var y = b.cells[column].getAttribute('data-sort') || b.cells[column].textContent;
        var result = x.localeCompare(y, undefined, { numeric: true });
        return ascending ? result : -result;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
`;

/**
 * The HTML report: one self-contained file (inline CSS, inline SVG charts, a few lines of inline
 * script to sort the table) that opens offline. Charts: findings by rule, by risk and by directory.
 *
 * @param result - the audit result
 * @example
 * writeFileSync('audit.html', html(result));
 */
export default function html(result: AuditResult): string {
  const { summary } = result;
  const rows = result.findings.map((finding, index) => {
    const money = finding.moneyPath ? `<br><small>money path: ${escapeHtml(finding.moneyPath.route)} → ${escapeHtml(finding.moneyPath.tables.join(', '))}</small>` : '';
    const chain = (finding.chain ?? []).map((step) => `<br><small>${escapeHtml(step)}</small>`).join('');
    const rule = finding.helpUri === undefined ? escapeHtml(finding.ruleId) : `<a href="${escapeHtml(finding.helpUri)}">${escapeHtml(finding.ruleId)}</a>`;
    const status = finding.baseline === undefined ? '' : `<br><small>${finding.baseline}</small>`;
    return (
      `<tr><td data-sort="${String(index).padStart(6, '0')}"><code>${escapeHtml(formatLocation(finding))}</code></td>` +
      `<td>${rule}</td>` +
      `<td class="risk-${finding.risk}" data-sort="${RISK_ORDER[finding.risk]}">${finding.risk}${status}</td>` +
      `<td>${escapeHtml(finding.message)}${money}${chain}</td>` +
      `<td>${escapeHtml(finding.impact)}</td><td>${escapeHtml(finding.fix)}</td></tr>`
    );
  });
  const baseline =
    result.baseline === undefined
      ? ''
      : `<div class="card"><b>${result.baseline.new}</b>new against the baseline (${result.baseline.known} known, ${result.baseline.fixed} fixed)</div>`;
  const problems =
    result.problems.length === 0
      ? ''
      : `<h2>Problems</h2><ul>${result.problems.map((problem) => `<li>${problem.file === undefined ? '' : `<code>${escapeHtml(problem.file)}</code>: `}${escapeHtml(problem.message)}</li>`).join('')}</ul>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Faultline audit: ${summary.total} findings</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Faultline audit</h1>
<p class="meta">${result.stats.files} files, ${result.stats.lines} lines audited · ${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)} · <span class="verdict">${escapeHtml(getVerdict(result))}</span></p>
<div class="cards">
<div class="card"><b>${summary.total}</b>findings in ${countFiles(result.findings)} files</div>
<div class="card"><b class="risk-high">${summary.byRisk.high}</b>high</div>
<div class="card"><b class="risk-medium">${summary.byRisk.medium}</b>medium</div>
<div class="card"><b class="risk-low">${summary.byRisk.low}</b>low</div>
${baseline}
</div>
<div class="charts">
${renderChart('chart-by-rule', 'Findings by rule', countByRule(result.findings))}
${renderChart('chart-by-risk', 'Findings by risk', countByRisk(result.findings))}
${renderChart('chart-by-directory', 'Findings by directory', countByDirectory(result.findings))}
</div>
<table class="sortable" id="findings">
<thead><tr><th>Location</th><th>Rule</th><th>Risk</th><th>Finding</th><th>Impact</th><th>Fix</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${problems}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
