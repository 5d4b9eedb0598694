// Runs code in our content scripts' isolated world on a page (through the DevTools protocol), as a
// content script would: what a compromised or curious content script could do.
import { expect } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Runs `expression` (an async function body's value) in our content scripts' isolated world on `page`. */
export async function inContentScript<T>(context: BrowserContext, page: Page, expression: string): Promise<T> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ours = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Mandatory Training Companion');
  await expect.poll(() => ours() !== undefined).toBe(true);
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { contextId: ours()!.id, awaitPromise: true, returnByValue: true, expression: `(async () => (${expression}))()` })) as {
    result: { value: T };
    exceptionDetails?: unknown;
  };
  await cdp.detach();
  if (exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(exceptionDetails)}`);
  return result.value;
}
