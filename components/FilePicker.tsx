import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

interface Props {
  children: ComponentChildren;
  /** What the file chooser offers (the `accept` attribute); the files are still checked by content. */
  accept: string;
  /** The hidden input's accessible name (tests and assistive tech find it by this). */
  label: string;
  onPick: (files: File[]) => unknown;
  multiple?: boolean;
  disabled?: boolean;
  secondary?: boolean;
  /** `data-mtc-action` of the button and `data-mtc-input` of the input, where tests use them. */
  action?: string;
  input?: string;
}

/**
 * A button that opens the file chooser. The chosen files are handed on and the input is emptied at
 * once, so choosing the same file again (after fixing it, say) still counts as a choice.
 */
export function FilePicker({ children, accept, label, onPick, multiple, disabled, secondary, action, input }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class={secondary ? 'secondary' : undefined} data-mtc-action={action} disabled={disabled} onClick={() => ref.current?.click()}>
        {children}
      </button>
      <input
        ref={ref}
        hidden
        multiple={multiple}
        type="file"
        accept={accept}
        aria-label={label}
        data-mtc-input={input}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void onPick(files);
        }}
      />
    </>
  );
}
