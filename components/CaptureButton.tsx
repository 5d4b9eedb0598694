import { useState } from 'preact/hooks';
import { captureActiveTab } from '@/utils/evidence/capture';
import { errorText } from '@/utils/errors';

/** For role-specific training done elsewhere: keep what the page shows as evidence. */
export function CaptureButton() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const capture = async () => {
    try {
      const item = await captureActiveTab(null);
      setMessage({ ok: true, text: `Saved “${item.name}” in your evidence locker${item.course ? `, for ${item.course}` : ''}.` });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };
  return (
    <div>
      <button type="button" class="secondary" data-mtc-action="capture" onClick={() => void capture()}>Capture this page as evidence</button>
      <div aria-live="polite">{message && <p class={message.ok ? 'ok' : 'error'}>{message.text}</p>}</div>
    </div>
  );
}
