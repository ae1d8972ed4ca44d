/**
 * The shared shape of the printed forms (R-RPT-3): an A4 page in Simplified Chinese with English subtitles, a
 * bordered table of labelled rows, and signature lines. Every text that reaches a form goes through `esc`: names,
 * descriptions and reasons are typed by people.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const esc = (text: string | null | undefined): string =>
  (text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** One labelled row; `value` is HTML the caller has escaped. */
export const row = (zh: string, en: string, value: string): string =>
  `<tr><th>${zh}<br><span class="en">${en}</span></th><td>${value}</td></tr>`;

export const signature = (zh: string, en: string): string =>
  `<div class="sig"><div>${zh} <span class="en">${en}</span></div><div class="line">签字 Signature</div><div class="line">日期 Date</div></div>`;

const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#111}
.form{max-width:760px;margin:0 auto}
h1{text-align:center;font-size:24px;letter-spacing:4px;margin:0}
h2{text-align:center;font-size:14px;font-weight:normal;color:#444;margin:4px 0 16px}
h3{font-size:14px;margin:16px 0 6px}
.meta{display:flex;justify-content:space-between;font-size:13px;margin-bottom:8px}
.intro{font-size:13px;margin:8px 0 12px}
table{width:100%;border-collapse:collapse;font-size:14px}
table+table{margin-top:12px}
th,td{border:1px solid #333;padding:6px 8px;vertical-align:top;text-align:left}
th{width:28%;background:#f4f4f4;font-weight:600}
table.list th{width:auto}
.en{color:#555;font-size:11px;font-weight:normal}
.amount{font-size:16px;font-weight:700}
.sigs{display:flex;gap:16px;margin-top:28px}
.sig{flex:1;font-size:13px}
.line{border-bottom:1px solid #333;height:28px;margin-top:10px;font-size:11px;color:#777}
.foot{margin-top:20px;font-size:11px;color:#666}
@media print{body{margin:0}.foot{position:fixed;bottom:0}}
`;

export type PrintedPage = {
  readonly titleZh: string;
  readonly titleEn: string;
  readonly formNo: string;
  readonly date: string;
  /** HTML, already escaped. */
  readonly intro: string;
  /** HTML blocks (tables, headings), already escaped. */
  readonly body: readonly string[];
  readonly signatures: readonly string[];
  readonly preparedBy: string | null;
};

/** The whole HTML document of one printed form. */
export const printedPage = (p: PrintedPage): string =>
  [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${esc(p.titleZh)} ${esc(p.formNo)}</title>`,
    `<style>${STYLE}</style></head><body><div class="form">`,
    `<h1>${esc(p.titleZh)}</h1><h2>${esc(p.titleEn)}</h2>`,
    `<div class="meta"><span>编号 No.: <strong>${esc(p.formNo)}</strong></span><span>日期 Date: ${esc(p.date)}</span></div>`,
    `<p class="intro">${p.intro}</p>`,
    ...p.body,
    `<div class="sigs">${p.signatures.join('')}</div>`,
    `<p class="foot">制单人 Prepared by: ${esc(p.preparedBy) || '—'}</p>`,
    '</div></body></html>',
  ].join('\n');
