import { useState, type ChangeEvent } from 'react';
import {
  MAX_IMPORT_BYTES,
  parseImportFile,
  type ParsedImportFile,
} from '../../../shared/import/detect.ts';
import { formatSizeOverLimit, importError } from '../../../shared/import/messages.ts';
import type { AuditSnapshot } from '../../../shared/snapshot/schema.ts';
import type { DatabaseTables } from '../../db/repositories/database-dump.ts';
import type { ImportLogRow } from '../../db/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { AuditImport } from './AuditImport.tsx';
import { backupToTables } from './backup-document.ts';
import { CarryForwardButton } from './CarryForwardButton.tsx';
import { pickFile, sha256Hex, type PickedFile } from './file-info.ts';
import { InventoryImport, type SheetFile } from './InventoryImport.tsx';
import { problemText } from './problem-text.ts';
import { ReportImport } from './ReportImport.tsx';
import { RestoreFlow } from './RestoreFlow.tsx';
import { lockedEnvelope, UnlockFile } from './UnlockFile.tsx';
import type { Envelope } from '../../../shared/exchange/encrypted-envelope.ts';

type Stage =
  | { name: 'pick' }
  | { name: 'reading'; fileName: string }
  | { name: 'error'; fileName: string; message: string }
  | { name: 'sheet'; file: PickedFile; parsed: SheetFile }
  | { name: 'bundle'; file: PickedFile; snapshot: AuditSnapshot }
  | { name: 'report'; file: PickedFile }
  | { name: 'restore'; file: PickedFile; tables: DatabaseTables; createdAt: string }
  | { name: 'locked'; file: PickedFile; envelope: Envelope }
  | { name: 'done'; log: ImportLogRow; auditId: string | null };

/**
 * One file input for everything that can be imported. The file's bytes decide what it is;
 * each kind has its own preview, and nothing is written before the user applies it.
 */
export function ImportPanel() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const [stage, setStage] = useState<Stage>({ name: 'pick' });
  const [inputKey, setInputKey] = useState(0);

  const reset = () => {
    setStage({ name: 'pick' });
    setInputKey((k) => k + 1);
  };

  const fail = (fileName: string, err: unknown) =>
    setStage({ name: 'error', fileName, message: problemText(t, err) });

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    setStage({ name: 'reading', fileName: chosen.name });
    try {
      // Refused by its size before a byte of it is read.
      if (chosen.size > MAX_IMPORT_BYTES)
        throw importError('file_too_large', formatSizeOverLimit(chosen.size, MAX_IMPORT_BYTES));
      const file = await pickFile(chosen);
      const envelope = lockedEnvelope(file.bytes);
      if (envelope) return setStage({ name: 'locked', file, envelope });
      route(file, await parseImportFile(file.name, file.bytes, { sha256: sha256Hex }));
    } catch (err) {
      fail(chosen.name, err);
    }
  };

  /** Another sheet of the same workbook. */
  const openSheet = async (file: PickedFile, sheet: string) => {
    try {
      route(file, await parseImportFile(file.name, file.bytes, { sha256: sha256Hex, sheet }));
    } catch (err) {
      fail(file.name, err);
    }
  };

  const route = (file: PickedFile, parsed: ParsedImportFile) => {
    switch (parsed.format) {
      case 'csv':
      case 'xlsx':
        return setStage({ name: 'sheet', file, parsed });
      case 'pdf':
        return setStage({ name: 'report', file });
      case 'audit-bundle':
      case 'audit-snapshot':
        return setStage({ name: 'bundle', file, snapshot: parsed.snapshot });
      case 'backup':
        return setStage({
          name: 'restore',
          file,
          tables: backupToTables(parsed.backup),
          createdAt: parsed.backup.createdAt,
        });
    }
  };

  const done = (log: ImportLogRow, auditId: string | null = null) =>
    setStage({ name: 'done', log, auditId });

  /** The inner file of an encrypted one, read as if it had been picked (same name and hash). */
  const unlocked = async (file: PickedFile, text: string) => {
    const inner = new TextEncoder().encode(text);
    route(file, await parseImportFile(file.name, inner, { sha256: sha256Hex }));
  };

  switch (stage.name) {
    case 'locked':
      return (
        <UnlockFile
          file={stage.file}
          envelope={stage.envelope}
          onOpen={(text) => unlocked(stage.file, text)}
          onCancel={reset}
        />
      );
    case 'sheet':
      return (
        <InventoryImport
          key={stage.parsed.format === 'xlsx' ? stage.parsed.sheet.sheetName : 'csv'}
          file={stage.file}
          parsed={stage.parsed}
          onDone={(log) => done(log)}
          onCancel={reset}
          onSheet={(name) => void openSheet(stage.file, name)}
        />
      );
    case 'bundle':
      return (
        <AuditImport
          file={stage.file}
          snapshot={stage.snapshot}
          source="export"
          onDone={done}
          onCancel={reset}
        />
      );
    case 'report':
      return <ReportImport file={stage.file} onDone={done} onCancel={reset} />;
    case 'restore':
      return (
        <RestoreFlow
          file={stage.file}
          tables={stage.tables}
          createdAt={stage.createdAt}
          onDone={(log) => done(log)}
          onCancel={reset}
        />
      );
    case 'done':
      return (
        <section className="card import-flow" aria-labelledby="import-done-title">
          <h2 id="import-done-title">{t('exchange.doneTitle')}</h2>
          <p role="status">
            {t('exchange.doneText', {
              file: stage.log.fileName,
              added: stage.log.counts.added,
              updated: stage.log.counts.updated,
              rejected: stage.log.counts.rejected,
              skipped: stage.log.counts.skipped,
            })}
          </p>
          <div className="flow-buttons">
            <button type="button" className="secondary" onClick={reset}>
              {t('exchange.importAnother')}
            </button>
            {stage.auditId && (
              <>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => navigate({ name: 'audit', auditId: stage.auditId! })}
                >
                  {t('exchange.openImportedAudit')}
                </button>
                <CarryForwardButton priorAuditId={stage.auditId} />
              </>
            )}
          </div>
        </section>
      );
    default:
      return (
        <section className="card" aria-labelledby="import-title">
          <h2 id="import-title">{t('exchange.importTitle')}</h2>
          <p className="muted">{t('exchange.importHelp')}</p>
          <label className="file-pick" htmlFor="import-file">
            <span>{t('exchange.chooseFile')}</span>
          </label>
          <input
            key={inputKey}
            id="import-file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.json,.pdf"
            onChange={(e) => void open(e)}
            disabled={stage.name === 'reading'}
          />
          {stage.name === 'reading' && (
            <p role="status">{t('exchange.reading', { file: stage.fileName })}</p>
          )}
          {stage.name === 'error' && (
            <p className="error-box" role="alert">
              {t('exchange.cannotImport', { file: stage.fileName })} {stage.message}
            </p>
          )}
        </section>
      );
  }
}
