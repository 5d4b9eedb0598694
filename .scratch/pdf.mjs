import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { findChromium } from '/work/wt/flow/scripts/chromium.mjs';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 300 300]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF');
const page = (sandbox) => `<!doctype html><body><script>
const b = new Blob([Uint8Array.from(atob('${pdf.toString('base64')}'), c=>c.charCodeAt(0))], {type:'application/pdf'});
const u = URL.createObjectURL(b); const e=document.createElement('embed'); e.type='application/pdf'; e.src=u; e.width=400; e.height=400; document.body.append(e);
const f=document.createElement('iframe'); f.src=u; f.width=400; f.height=400; document.body.append(f);
</script>`;
const s = createServer((req, res) => { const sb = req.url.includes('sb'); res.writeHead(200, {'content-type':'text/html', ...(sb?{'content-security-policy':"sandbox allow-scripts"}:{})}); res.end(page(sb)); }).listen(8765);
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
const p = await browser.newPage();
for (const u of ['http://localhost:8765/plain', 'http://localhost:8765/sb']) {
  await p.goto(u); await p.waitForTimeout(2000);
  await p.screenshot({ path: `/tmp/flowtest/${u.endsWith('sb')?'sb':'plain'}.png` });
  console.log(u, p.frames().map(f=>f.url()));
}
await browser.close(); s.close();
