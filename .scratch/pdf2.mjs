import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { findChromium } from '../scripts/chromium.mjs';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 300 300]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF');
const page = `<!doctype html><body><script>
const b = new Blob([Uint8Array.from(atob('${pdf.toString('base64')}'), c=>c.charCodeAt(0))], {type:'application/pdf'});
const u = URL.createObjectURL(b); setTimeout(()=>{ location.href = u; }, 200);
</script>`;
const s = createServer((req, res) => { res.writeHead(200, {'content-type':'text/html', 'content-security-policy':"sandbox allow-scripts"}); res.end(page); }).listen(8766);
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
const p = await browser.newPage();
await p.goto('http://localhost:8766/sb'); await p.waitForTimeout(2500);
await p.screenshot({ path: `/tmp/flowtest/nav.png` });
console.log(p.url(), p.frames().map(f=>f.url()));
await browser.close(); s.close();
