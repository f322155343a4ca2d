import { useEffect, useId, useState, type DragEvent } from 'react';
import { useT } from '../../i18n/use-t.ts';

/**
 * Where a PDF is dropped or chosen. The file input is the real control (keyboard and screen
 * reader reach it as "Choose a PDF"); the zone around it only adds dropping. While the zone is
 * on screen, a file dropped anywhere else is ignored instead of opening in the window.
 */
export function PdfDropZone(props: {
  label: string;
  hint: string;
  busy?: boolean;
  /** One line instead of a large target, once there is a result below to look at. */
  compact?: boolean;
  onFile: (file: File) => void;
}) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const stop = (e: globalThis.DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !props.busy) props.onFile(file);
  };
  return (
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}${props.busy ? ' dropzone-busy' : ''}${props.compact ? ' dropzone-compact' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <span className="dropzone-icon" aria-hidden="true">
        ⇩
      </span>
      <p className="dropzone-text">{t('verify.dropHere')}</p>
      <label htmlFor={inputId} className="button-like primary file-button">
        {props.label}
      </label>
      <input
        id={inputId}
        type="file"
        className="file-input-hidden"
        accept="application/pdf,.pdf"
        aria-describedby={hintId}
        disabled={props.busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so choosing the same file again (after fixing it) fires a change.
          e.currentTarget.value = '';
          if (file) props.onFile(file);
        }}
      />
      <p className="hint" id={hintId}>
        {props.hint}
      </p>
    </div>
  );
}
