// Reads a training history spreadsheet in a worker: SheetJS on a big or hostile file would otherwise
// hold the side panel's main thread (issue 14: a 466 KB bomb froze it for seconds).
import { parseTrainingHistory, type HistoryResult } from './history';
import type { DateOrder } from '@/utils/dates/parse';

export interface HistoryJob {
  bytes: Uint8Array;
  fileName: string;
  order: DateOrder;
}

self.onmessage = (event: MessageEvent<HistoryJob>) => {
  const { bytes, fileName, order } = event.data;
  // parseTrainingHistory never throws: every file gives a result in words.
  const result: HistoryResult = parseTrainingHistory(bytes, fileName, order);
  (self as unknown as Worker).postMessage(result);
};
