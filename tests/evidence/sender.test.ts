// @vitest-environment node
// Who is writing the evidence email (issue 13, item 4): what the sites showed, unless the user typed
// their own (field by field, remembered); an address that is not one is never kept from a page.
import { afterEach, describe, expect, it } from 'vitest';
import { mergeSeen, prefill, readTypedSender, saveSeenAccount, saveTypedSender } from '@/utils/evidence/sender';
import { readMeta } from '@/utils/store/meta';
import { deleteTestDatabase } from '../fixtures/db/wipe';

afterEach(async () => {
  await deleteTestDatabase();
});

describe('prefill', () => {
  it('per field: typed, else seen, else empty', () => {
    expect(prefill(null, null)).toEqual({ name: '', email: '' });
    expect(prefill({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' }, null)).toEqual({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' });
    expect(prefill({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' }, { name: 'Alex T.', email: null })).toEqual({ name: 'Alex T.', email: 'a.taylor@ucl.ac.uk' });
  });
});

describe('what a page showed', () => {
  it('keeps a usable address only, fills in what a page left out, and starts again for another person', () => {
    expect(mergeSeen(null, { name: null, email: 'not-an-email' })).toBeNull();
    expect(mergeSeen(null, { name: ' Alex Taylor ', email: 'not-an-email' })).toEqual({ name: 'Alex Taylor', email: null });
    expect(mergeSeen({ name: 'Alex Taylor', email: null }, { name: null, email: 'a.taylor@ucl.ac.uk' })).toEqual({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' });
    expect(mergeSeen({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' }, { name: null, email: 'a.taylor@ucl.ac.uk' })).toBeNull();
    expect(mergeSeen({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' }, { name: null, email: 'b.jones@ucl.ac.uk' })).toEqual({ name: null, email: 'b.jones@ucl.ac.uk' });
  });

  it('is stored, and says when it changed', async () => {
    expect(await saveSeenAccount({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' })).toBe(true);
    expect(await saveSeenAccount({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' })).toBe(false);
    expect(await readMeta('person')).toEqual({ name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' });
  });
});

describe('what the user typed', () => {
  it('is remembered; typed back to what the sites show, or emptied, it follows the sites again', async () => {
    const seen = { name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' };
    await saveTypedSender({ name: 'Alex Taylor', email: 'alex.taylor1987@outlook.com' }, seen);
    expect(await readTypedSender()).toEqual({ name: null, email: 'alex.taylor1987@outlook.com' });
    expect(prefill(seen, await readTypedSender())).toEqual({ name: 'Alex Taylor', email: 'alex.taylor1987@outlook.com' });
    await saveTypedSender({ name: 'Alex Taylor', email: '' }, seen);
    expect(prefill(seen, await readTypedSender())).toEqual(seen);
  });
});
