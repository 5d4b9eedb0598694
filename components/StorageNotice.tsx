import { storageWarning, type StorageUse } from '@/utils/store/quota';

/** Says so before storage runs out (above 90% of what the browser allows); nothing otherwise. */
export function StorageNotice({ use }: { use: StorageUse | null }) {
  const text = storageWarning(use);
  return text ? <p class="notice" data-mtc-notice="storage">{text}</p> : null;
}
