import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { formatArabicDate, formatChineseDate } from '../../electron/reports/chinese-date';
import { resolveReportFonts } from '../../electron/reports/fonts';
import { renderJointReport } from '../../electron/reports/joint-report';
import { renderRectificationNotice, type RectificationNoticeData } from '../../electron/reports/rectification-notice';
import { sampleJointReport } from '../../tests/reports/fixtures/sample-joint';
import { FIXED_CREATION, sampleNotice } from '../../tests/reports/fixtures/sample-notice';
import { median, timeMsAsync, type BenchResult, type BenchSuite } from '../harness';

const ROUNDS = 5;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The same notice content as an HTML page, styled like the pdfkit layout, with the same bundled fonts. */
function noticeHtml(data: RectificationNoticeData, fontsDir: string): string {
  const font = (file: string) => pathToFileURL(path.join(fontsDir, file)).href;
  const photos = data.hazards.filter((h) => h.photo);
  const rows = data.hazards
    .map(
      (
        h,
      ) => `<tr${h.isMajor ? ' class="major"' : ''}><td class="c">${h.seq}</td><td>${esc(h.location)}</td><td>${h.isMajor ? '<b class="red">【重大事故隐患】</b><br>' : ''}${esc(h.description)}</td>
      <td>${esc(h.rule.citation)}</td><td>${esc(h.requiredAction)}</td><td class="c">${h.deadline === '立即' ? '立即整改' : `${formatArabicDate(h.deadline)}前`}</td></tr>`,
    )
    .join('\n');
  const quotes = data.hazards
    .filter((h) => h.rule.articleText)
    .map((h) => `<p class="q">${esc(h.rule.citation)}：“${esc(h.rule.articleText ?? '')}”</p>`)
    .join('');
  const figures = photos
    .map(
      (h, i) =>
        `<figure><img src="data:image/jpeg;base64,${h.photo?.toString('base64') ?? ''}"><figcaption>照片${i + 1}（第${h.seq}项）：${esc(h.location)}——${esc(h.photoCaption ?? '')}</figcaption></figure>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face { font-family: NotoSC; src: url("${font('NotoSansSC-Regular.ttf')}"); font-weight: 400; }
@font-face { font-family: NotoSC; src: url("${font('NotoSansSC-Bold.ttf')}"); font-weight: 700; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: NotoSC; font-size: 16pt; line-height: 28pt; margin: 0; }
.organ { color: #D6000F; font-weight: 700; font-size: 36pt; text-align: center; line-height: 1.3; }
.num { text-align: center; border-bottom: 1.5pt solid #D6000F; padding-bottom: 2mm; margin-bottom: 28pt; }
h1 { font-size: 22pt; text-align: center; } h2 { font-size: 16pt; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; } p.q { font-size: 14pt; line-height: 22pt; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 15.75pt; }
thead { display: table-header-group; } tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 4pt; vertical-align: top; } th { background: #ededed; }
td.c { text-align: center; vertical-align: middle; } tr.major { background: #fff3f3; } .red { color: #D6000F; }
figure { display: inline-block; width: 48%; margin: 0 1% 6mm; break-inside: avoid; text-align: center; font-size: 12pt; line-height: 18pt; }
figure img { max-width: 100%; max-height: 230pt; }
.sig { text-align: right; margin-right: 4em; margin-top: 56pt; }
</style></head><body>
<div class="organ">${esc(data.issuingOrgan)}</div><div class="num">${esc(data.number)}</div>
<h1>整改通知书</h1><div>${esc(data.institution.name)}：</div>
<p>${formatArabicDate(data.inspection.date)}，我局依据${esc(data.inspection.basis)}，对你单位进行了现场检查，发现下列问题，现责令你单位按照下列要求予以整改。</p>
<h2>一、被检查单位基本情况</h2><p>单位名称：${esc(data.institution.name)}；统一社会信用代码：${esc(data.institution.code)}；地址：${esc(data.institution.address)}</p>
<h2>二、存在的问题及整改要求</h2>
<table><thead><tr><th>序号</th><th>隐患位置</th><th>问题描述</th><th>违反的规定</th><th>整改要求</th><th>整改期限</th></tr></thead><tbody>${rows}</tbody></table>
<h2>三、相关法律法规条文</h2>${quotes}
<h2>四、逾期未整改的后果</h2><p>${esc(data.consequences)}</p>
<h2>五、整改情况报告</h2><p>${esc(data.reportBack)}</p>
<div class="sig">${esc(data.issuingOrgan)}<br>${formatChineseDate(data.issueDate)}</div>
<div style="break-before: page"><b>附件</b><h1>隐患照片</h1>${figures}</div>
</body></html>`;
}

const JOINT_ROUNDS = 3;

/**
 * pdf.joint200.ms / pdf.joint200.mb: a 消防救援 joint report of 200 hazards, each with a 1600×1200 JPEG (five of
 * them missing, printed as placeholders), rendered from its data: photos shrunk for print, the summary, the
 * list and the photo attachment. Photos are generated before timing; median of three renders.
 */
async function jointReport200(fonts: ReturnType<typeof resolveReportFonts>): Promise<BenchResult[]> {
  const data = await sampleJointReport(200);
  const times: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let i = 0; i < JOINT_ROUNDS; i++) {
    times.push(
      await timeMsAsync(async () => {
        const out = await renderJointReport(data, { fonts, documentId: 'bench-joint', creationDate: FIXED_CREATION });
        bytes = out.pdf.length;
        pages = out.pageCount;
      }),
    );
  }
  const ms = Math.round(median(times));
  const mb = Number((bytes / 1024 / 1024).toFixed(2));
  const photos = data.hazards.filter((h) => h.photo).length;
  return [
    {
      key: 'pdf.joint200.ms',
      value: ms,
      unit: 'ms',
      target: '< 3000',
      what: `联合监管报告, 200 hazards, ${photos} photos 1600×1200 + 5 missing, render incl. photo shrinking`,
      ok: ms < 3000,
      detail: `${pages} pages; runs ${times.map((t) => Math.round(t)).join(' ')} ms`,
    },
    {
      key: 'pdf.joint200.mb',
      value: mb,
      unit: 'mb',
      target: '< 25',
      what: 'size of that PDF',
      ok: mb < 25,
      detail: `${bytes} bytes`,
    },
  ];
}

/**
 * pdf.notice.vs-chromium.ratio: the sample 整改通知书 (12 hazards, 5 photos) printed by Chromium `page.pdf()`
 * from the same content as HTML, browser start included as an Electron app's `printToPDF` peer pays it, divided
 * by the time pdfkit takes for the notice (fonts loaded, PDF bytes in memory). Alternating rounds, median ratio.
 */
export const reportsSuite: BenchSuite = {
  name: 'reports (pdfkit)',
  keys: ['pdf.notice.vs-chromium.ratio', 'pdf.joint200.ms', 'pdf.joint200.mb'],
  run: async () => {
    const root = path.resolve(__dirname, '../..');
    const fonts = resolveReportFonts(path.join(root, 'resources'));
    const data = await sampleNotice();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-bench-pdf-'));
    const htmlFile = path.join(dir, 'notice.html');
    let chromiumBytes = 0;
    let pdfkitBytes = 0;
    const viaChromium = () =>
      timeMsAsync(async () => {
        fs.writeFileSync(htmlFile, noticeHtml(data, path.join(root, 'resources', 'fonts')));
        const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
        try {
          const page = await browser.newPage();
          await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
          // Wait for the web fonts, as the app's printToPDF would; the string keeps DOM types out of this Node project.
          await page.evaluate('document.fonts.ready.then(() => true)');
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
          chromiumBytes = pdf.length;
        } finally {
          await browser.close();
        }
      });
    const viaPdfkit = () =>
      timeMsAsync(async () => {
        const out = await renderRectificationNotice(data, {
          fonts,
          documentId: 'bench-notice',
          creationDate: FIXED_CREATION,
        });
        pdfkitBytes = out.pdf.length;
      });
    try {
      await viaChromium();
      await viaPdfkit(); // warm-up pair
      const a: number[] = [];
      const b: number[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const ta = await viaChromium();
        const tb = await viaPdfkit();
        a.push(ta);
        b.push(tb);
        ratios.push(ta / tb);
      }
      const ratio = Number(median(ratios).toFixed(2));
      const joint = await jointReport200(fonts);
      return [
        ...joint,
        {
          key: 'pdf.notice.vs-chromium.ratio',
          value: ratio,
          unit: 'ratio',
          target: '>= 5',
          what: '整改通知书 (12 hazards, 5 photos): Chromium page.pdf() incl. browser start / pdfkit, same content, same run',
          ok: ratio >= 5,
          detail: `chromium median ${Math.round(median(a))} ms (${Math.round(chromiumBytes / 1024)} KB), pdfkit median ${Math.round(median(b))} ms (${Math.round(pdfkitBytes / 1024)} KB), ratios ${ratios.map((r) => r.toFixed(1)).join(' ')}`,
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
