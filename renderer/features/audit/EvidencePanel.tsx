import { useLiveQuery } from 'dexie-react-hooks';
import type { EvidenceRef } from '../../../shared/domain/schemas.ts';
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { EVIDENCE_MAX_BYTES } from '../../../shared/evidence/image-check.ts';
import { db } from '../../db/instance.ts';
import { listEvidenceByDigest } from '../../db/repositories/evidence.ts';
import {
  addFindingEvidence,
  listFindingEvidence,
  removeEvidence,
} from '../../db/repositories/evidence.ts';
import type { EvidenceRow } from '../../db/types.ts';
import type { Translator } from '../../i18n/translate.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import type { MetadataKind } from '../../../shared/evidence/strip-metadata.ts';
import { EvidenceFileError, prepareEvidence, type AttachedPhoto } from './evidence-file.ts';
import { errorText } from '../../ui/error-text.ts';

const MB = 1024 * 1024;

function problemText(t: Translator, err: unknown, fallbackName: string): string {
  if (err instanceof EvidenceFileError) {
    const name = err.fileName || fallbackName;
    switch (err.problem) {
      case 'too_large':
        return t('findings.photoTooLarge', {
          name,
          size: (err.size / MB).toFixed(1),
          max: EVIDENCE_MAX_BYTES / MB,
        });
      case 'empty':
        return t('findings.photoEmpty', { name });
      case 'not_an_image':
        return t('findings.photoNotImage', { name });
      case 'unreadable':
        return t('findings.photoUnreadable', { name });
    }
  }
  return errorText(t, err);
}

/** What was done to a photo before it was stored, in a sentence or two (none when nothing). */
function cleaningNotes(t: Translator, photo: AttachedPhoto): string[] {
  const name = photo.fileName;
  const notes: string[] = [];
  if (photo.removed.length > 0) {
    const what = photo.removed
      .map((kind: MetadataKind) => t(`findings.metadata.${kind}`))
      .join(t('findings.metadata.separator'));
    notes.push(t('findings.photoCleaned', { name, what }));
  }
  if (photo.turned) notes.push(t('findings.photoTurned', { name }));
  return notes;
}

/** An object URL for a Blob, revoked when the Blob changes or the component goes. */
function useObjectUrl(blob: Blob | null): string | null {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

function Thumb(props: { row: EvidenceRow; onOpen: () => void; onRemove: (() => void) | null }) {
  const t = useT();
  const url = useObjectUrl(props.row.thumbnail ?? props.row.blob);
  return (
    <li className="thumb">
      <button
        type="button"
        className="thumb-open"
        onClick={props.onOpen}
        title={props.row.fileName}
      >
        {url && <img src={url} alt={t('findings.photoAlt', { name: props.row.fileName })} />}
      </button>
      <span className="thumb-meta">
        <span className="thumb-name">{props.row.fileName}</span>
        <span className="mono muted" title={props.row.sha256}>
          SHA-256 {props.row.sha256.slice(0, 12)}…
        </span>
      </span>
      {props.onRemove && (
        <button
          type="button"
          className="link thumb-remove"
          onClick={props.onRemove}
          aria-label={t('findings.photoRemove', { name: props.row.fileName })}
        >
          {t('common.delete')}
        </button>
      )}
    </li>
  );
}

function PhotoViewer({ row, onClose }: { row: EvidenceRow; onClose: () => void }) {
  const t = useT();
  const url = useObjectUrl(row.blob);
  return (
    <FormDialog
      title={row.fileName}
      submitLabel={t('common.close')}
      cancelLabel={t('common.close')}
      onSubmit={onClose}
      onCancel={onClose}
      wide
    >
      {url && (
        <img
          className="photo-full"
          src={url}
          alt={t('findings.photoAlt', { name: row.fileName })}
        />
      )}
      <p className="mono muted">
        {row.mimeType} · {(row.size / 1024).toFixed(0)} KB · SHA-256 {row.sha256}
      </p>
    </FormDialog>
  );
}

/** Photos of one finding: file picker and drag-and-drop, thumbnails, full view. */
export function EvidencePanel(props: {
  findingId: string;
  locked: boolean;
  /** Photos of earlier sightings of a carried finding, found by SHA-256 (never copied). */
  refs?: readonly EvidenceRef[];
}) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const shas = (props.refs ?? []).map((r) => r.sha256).join(',');
  const rows = useLiveQuery(async () => {
    const own = await listFindingEvidence(db(), props.findingId);
    if (!shas) return own;
    const seen = new Set(own.map((r) => r.sha256));
    const earlier = await listEvidenceByDigest(db(), shas.split(','));
    const refs = earlier.filter((r) => !seen.has(r.sha256) && seen.add(r.sha256));
    return [...refs, ...own];
  }, [props.findingId, shas]);
  const isRef = (row: EvidenceRow) => row.findingId !== props.findingId;
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [viewing, setViewing] = useState<EvidenceRow | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const addFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    const found: string[] = [];
    const cleaned: string[] = [];
    for (const file of files) {
      try {
        const prepared = await prepareEvidence(file);
        const { duplicate } = await addFindingEvidence(db(), props.findingId, prepared);
        if (duplicate) found.push(t('findings.photoDuplicate', { name: file.name }));
        else cleaned.push(...cleaningNotes(t, prepared));
      } catch (err) {
        found.push(problemText(t, err, file.name));
      }
    }
    setProblems(found);
    setNotes(cleaned);
    setBusy(false);
    if (found.length === 0) notify('info', t('findings.photoAdded', { count: files.length }));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (props.locked) return;
    void addFiles([...e.dataTransfer.files]);
  };
  return (
    <section className="evidence" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{t('findings.photos', { count: rows?.length ?? 0 })}</h3>
      {!props.locked && (
        <div
          className={`dropzone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <label htmlFor={inputId} className="dropzone-label">
            {busy
              ? t('findings.photoWorking')
              : t('findings.photoDrop', { max: EVIDENCE_MAX_BYTES / MB })}
          </label>
          <input
            id={inputId}
            ref={inputRef}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void addFiles(files);
            }}
          />
        </div>
      )}
      {problems.length > 0 && (
        <ul className="photo-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="photo-notes" role="status">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {rows && rows.length > 0 && (
        <ul className="thumbs">
          {rows.map((row) => (
            <Thumb
              key={row.id}
              row={row}
              onOpen={() => setViewing(row)}
              onRemove={
                props.locked || isRef(row)
                  ? null
                  : () =>
                      void removeEvidence(db(), row.id).catch((err: unknown) =>
                        notify('error', problemText(t, err, row.fileName)),
                      )
              }
            />
          ))}
        </ul>
      )}
      {viewing && <PhotoViewer row={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}
