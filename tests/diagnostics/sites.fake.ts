// Drive a demo site's handler without a server: a fake request/response pair (node environment).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_MODE, type DemoMode, type DemoSite } from '../fixtures/server';

export interface FakeResponse {
  handled: boolean;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

export async function fetchDemo(site: DemoSite, url: string, mode: Partial<DemoMode> = {}, today = new Date('2026-11-28T10:00:00Z')): Promise<FakeResponse> {
  const out: FakeResponse = { handled: false, status: 0, headers: {}, body: Buffer.alloc(0), text: '' };
  const chunks: Buffer[] = [];
  const res = {
    headersSent: false,
    writeHead(status: number, headers: Record<string, string> = {}) {
      out.status = status;
      out.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      this.headersSent = true;
      return this;
    },
    write(chunk: string | Uint8Array) {
      chunks.push(Buffer.from(chunk));
      return true;
    },
    end(chunk?: string | Uint8Array) {
      if (chunk) chunks.push(Buffer.from(chunk));
    },
  };
  const req = { method: 'GET', headers: { host: new URL(url).host } };
  out.handled = await site.handle({
    mode: { ...DEFAULT_MODE, ...mode },
    today,
    url: new URL(url),
    req: req as unknown as IncomingMessage,
    res: res as unknown as ServerResponse,
  });
  out.body = Buffer.concat(chunks);
  // HTML is UTF-8; binary bodies (the PDF) read byte for byte so offsets stay exact.
  out.text = out.body.toString((out.headers['content-type'] ?? '').includes('utf-8') ? 'utf8' : 'latin1');
  return out;
}
