// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseTrainingHistory } from '@/utils/evidence/history';
import { parseHistoryOffThread } from '@/utils/evidence/history-off-thread';
import { bombWorkbook } from '../sheets/bomb';

describe('parseHistoryOffThread', () => {
  it('gives the same result as reading in place (here, where no worker starts)', async () => {
    const csv = new TextEncoder().encode('Course Name,Enrollment Completed Date\r\nUCL Fire Safety,12/03/2024\r\n');
    expect(await parseHistoryOffThread(csv, 'h.csv', 'day-first')).toEqual(parseTrainingHistory(csv, 'h.csv', 'day-first'));
    const { file } = bombWorkbook();
    const bomb = await parseHistoryOffThread(file, 'h.xlsx', 'day-first');
    expect(!bomb.ok && bomb.error).toMatch(/too big inside to be a training history/);
  });
});
