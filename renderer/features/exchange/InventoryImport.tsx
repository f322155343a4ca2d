import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DeviceSchema } from '../../../shared/domain/schemas.ts';
import { FIELD_INFO, IMPORT_FIELDS, type ImportField } from '../../../shared/import/fields.ts';
import {
  autoMapping,
  checkColumnMapping,
  type ColumnMapping,
} from '../../../shared/import/mapping.ts';
import { describeEncoding } from '../../../shared/import/decode-text.ts';
import { formatImportMessage } from '../../../shared/import/messages.ts';
import type { ParsedImportFile } from '../../../shared/import/detect.ts';
import {
  buildImportPreview,
  previewValidated,
  type ImportPreview,
} from '../../../shared/import/preview.ts';
import { PROFILE_IDS, PROFILES, type ProfileId } from '../../../shared/import/profiles.ts';
import { db } from '../../db/instance.ts';
import { listSites } from '../../db/repositories/inventory.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { listSavedMappings, saveMapping } from '../../db/repositories/import-mappings.ts';
import {
  applyInventoryImport,
  readSiteInventory,
  type SiteInventory,
} from '../../db/repositories/inventory-import.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import type { ImportLogRow } from '../../db/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import type { PickedFile } from './file-info.ts';
import { plannedWrite } from './planned-write.ts';
import { PreviewTables, type ConflictChoice } from './PreviewTables.tsx';
import { problemText } from './problem-text.ts';

/** A spreadsheet as parseImportFile read it, validated under its proposed mapping. */
export type SheetFile = Extract<ParsedImportFile, { format: 'csv' | 'xlsx' }>;

/** A profile, or a saved mapping by name. */
type MappingChoice = { kind: 'profile'; id: ProfileId | 'auto' } | { kind: 'saved'; name: string };

const choiceValue = (c: MappingChoice) => (c.kind === 'profile' ? `p:${c.id}` : `s:${c.name}`);

function useSites() {
  return useLiveQuery(() => listSites(db()), []);
}

export function InventoryImport(props: {
  file: PickedFile;
  parsed: SheetFile;
  onDone: (log: ImportLogRow) => void;
  onCancel: () => void;
  onSheet: (name: string) => void;
}) {
  const t = useT();
  const { file, parsed } = props;
  const sites = useSites();
  const saved = useLiveQuery(() => listSavedMappings(db()), []);
  const [chosenSiteId, setSiteId] = useState('');
  const [defaultRoomId, setDefaultRoomId] = useState('');
  const [choice, setChoice] = useState<MappingChoice>({ kind: 'profile', id: 'auto' });
  const [edited, setEdited] = useState<{ for: string; mapping: ColumnMapping } | null>(null);
  const [dateOrder, setDateOrder] = useState<'' | 'dmy' | 'mdy'>('');
  const [loaded, setLoaded] = useState<{ siteId: string; inventory: SiteInventory } | null>(null);
  const [decided, setDecided] = useState<{
    for: ImportPreview;
    choices: Record<number, ConflictChoice>;
  } | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The first site until the user picks another.
  const siteId = chosenSiteId || sites?.[0]?.id || '';
  const headers = parsed.sheet.headers;
  const auto = useMemo(
    () => autoMapping(headers, choice.kind === 'profile' ? choice.id : 'auto'),
    [headers, choice],
  );
  const base =
    choice.kind === 'saved' ? (saved?.find((m) => m.name === choice.name) ?? null) : auto.mapping;
  // Edits made in the mapping table belong to the profile or saved mapping they started from.
  const mapping = edited && edited.for === choiceValue(choice) ? edited.mapping : base;

  const reload = useCallback(async (id: string) => {
    const inventory = await readSiteInventory(db(), id);
    setLoaded({ siteId: id, inventory });
  }, []);
  useEffect(() => {
    let live = true;
    if (siteId)
      void readSiteInventory(db(), siteId).then((inventory) => {
        if (live) setLoaded({ siteId, inventory });
      });
    return () => {
      live = false;
    };
  }, [siteId]);
  const inventory = loaded && loaded.siteId === siteId ? loaded.inventory : null;

  const mappingProblems = useMemo(() => (mapping ? checkColumnMapping(mapping) : []), [mapping]);
  const preview = useMemo<ImportPreview | null>(() => {
    if (!mapping || !inventory || mappingProblems.length) return null;
    const options = {
      now: nowIso(),
      newId,
      siteId,
      defaultRoomId: defaultRoomId || null,
      dateOrder: dateOrder || null,
    };
    // The file was validated under its proposed mapping when it was read; only a changed
    // mapping or date order needs the rows validated again.
    return mapping === parsed.mapping && !dateOrder
      ? previewValidated(parsed.validation, inventory, options)
      : buildImportPreview(parsed.sheet, mapping, inventory, options);
  }, [mapping, inventory, mappingProblems, parsed, siteId, defaultRoomId, dateOrder]);

  // Decisions belong to the preview they were made on; a new preview starts undecided.
  const choices = decided && decided.for === preview ? decided.choices : {};
  const unresolved = preview
    ? preview.conflicts.filter((c) => c.proposed && !choices[c.row]).length
    : 0;

  const apply = async () => {
    if (!preview || !inventory) return;
    setBusy(true);
    setMessage(null);
    try {
      const write = plannedWrite(preview, choices);
      // Every record is checked against the domain schema before the transaction opens.
      DeviceSchema.array().parse([...write.add, ...write.update]);
      const rejectedRows = new Set(preview.rejected.map((r) => r.row)).size;
      const log = await applyInventoryImport(
        db(),
        {
          siteId,
          basis: inventory.basis,
          rooms: write.rooms,
          racks: write.racks,
          add: write.add,
          update: write.update,
        },
        {
          fileName: file.name,
          sha256: file.sha256,
          by: await getSetting(db(), 'inspectorName', ''),
          source: parsed.format === 'xlsx' ? 'inventory-xlsx' : 'inventory-csv',
          rejected: rejectedRows,
          skipped: preview.unchanged.length + write.skippedConflicts,
        },
      );
      props.onDone(log);
    } catch (err) {
      setMessage({ kind: 'error', text: problemText(t, err) });
      // The preview is out of date when the site changed: read it again.
      if (siteId) await reload(siteId);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!mapping) return;
    try {
      await saveMapping(db(), { ...mapping, name: mappingName, dateOrder: dateOrder || null });
      setChoice({ kind: 'saved', name: mappingName.trim() });
      setMessage({ kind: 'info', text: t('exchange.mappingSaved', { name: mappingName.trim() }) });
    } catch (err) {
      setMessage({ kind: 'error', text: problemText(t, err) });
    }
  };

  const setField = (header: string, field: ImportField | null) => {
    if (!mapping) return;
    setEdited({
      for: choiceValue(choice),
      mapping: {
        ...mapping,
        columns: mapping.columns.map((c) => (c.header === header ? { ...c, field } : c)),
      },
    });
  };

  const rooms = inventory?.rooms ?? [];
  // Nothing to choose from until the sites, saved mappings and the first site's rooms are read:
  // a select that renders empty and fills a moment later invites a wrong pick.
  if (sites === undefined || saved === undefined || (siteId !== '' && loaded === null))
    return <p className="muted">{t('common.loading')}</p>;
  if (sites.length === 0)
    return (
      <div className="card">
        <p role="alert">{t('exchange.needSite')}</p>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    );

  return (
    <section className="card import-flow" aria-labelledby="inv-import-title">
      <h2 id="inv-import-title">{t('exchange.inventoryTitle', { file: file.name })}</h2>
      <p className="muted">
        {parsed.format === 'xlsx'
          ? t('exchange.detectedXlsx', {
              sheet: parsed.sheet.sheetName,
              rows: parsed.sheet.rows.length,
            })
          : t('exchange.detectedCsv', {
              encoding: describeEncoding(parsed),
              delimiter: parsed.delimiter === '\t' ? 'Tab' : parsed.delimiter,
              rows: parsed.sheet.rows.length,
            })}{' '}
        {choice.kind === 'profile' &&
          choice.id === 'auto' &&
          t('exchange.detectedProfile', { profile: PROFILES[auto.detection.profile].name[t.lang] })}
      </p>

      <div className="option-grid">
        <Field id="imp-site" label={t('exchange.site')}>
          <select id="imp-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="imp-room" label={t('exchange.defaultRoom')}>
          <select
            id="imp-room"
            value={defaultRoomId}
            onChange={(e) => setDefaultRoomId(e.target.value)}
          >
            <option value="">{t('exchange.noDefaultRoom')}</option>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="imp-profile" label={t('exchange.profile')}>
          <select
            id="imp-profile"
            value={choiceValue(choice)}
            onChange={(e) => {
              const v = e.target.value;
              setChoice(
                v.startsWith('s:')
                  ? { kind: 'saved', name: v.slice(2) }
                  : { kind: 'profile', id: v.slice(2) as ProfileId | 'auto' },
              );
            }}
          >
            <option value="p:auto">{t('exchange.profileAuto')}</option>
            {PROFILE_IDS.map((id) => (
              <option key={id} value={`p:${id}`}>
                {PROFILES[id].name[t.lang]}
              </option>
            ))}
            {saved.map((m) => (
              <option key={m.name} value={`s:${m.name}`}>
                {t('exchange.savedMapping', { name: m.name })}
              </option>
            ))}
          </select>
        </Field>
        <Field id="imp-dates" label={t('exchange.dateOrder')}>
          <select
            id="imp-dates"
            value={dateOrder}
            onChange={(e) => setDateOrder(e.target.value as '' | 'dmy' | 'mdy')}
          >
            <option value="">{t('exchange.dateOrderStrict')}</option>
            <option value="dmy">{t('exchange.dateOrderDmy')}</option>
            <option value="mdy">{t('exchange.dateOrderMdy')}</option>
          </select>
        </Field>
        {parsed.format === 'xlsx' && parsed.sheet.sheetNames.length > 1 && (
          <Field id="imp-sheet" label={t('exchange.sheet')}>
            <select
              id="imp-sheet"
              value={parsed.sheet.sheetName}
              onChange={(e) => props.onSheet(e.target.value)}
            >
              {parsed.sheet.sheetNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>

      <details className="mapping">
        <summary>
          {t('exchange.mappingTitle', {
            mapped: mapping?.columns.filter((c) => c.field).length ?? 0,
            total: headers.length,
          })}
        </summary>
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('exchange.fileColumn')}</th>
              <th scope="col">{t('exchange.deviceField')}</th>
            </tr>
          </thead>
          <tbody>
            {mapping?.columns.map((c, i) => (
              <tr key={c.header}>
                <td>
                  <label htmlFor={`map-${i}`}>{c.header}</label>
                </td>
                <td>
                  <select
                    id={`map-${i}`}
                    value={c.field ?? ''}
                    onChange={(e) =>
                      setField(c.header, (e.target.value || null) as ImportField | null)
                    }
                  >
                    <option value="">{t('exchange.notImported')}</option>
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {FIELD_INFO[f].label[t.lang]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="inline-form">
          <Field id="imp-mapping-name" label={t('exchange.mappingName')}>
            <input
              id="imp-mapping-name"
              value={mappingName}
              onChange={(e) => setMappingName(e.target.value)}
              maxLength={100}
            />
          </Field>
          <button type="button" className="secondary" onClick={() => void save()}>
            {t('exchange.saveMapping')}
          </button>
        </div>
      </details>

      {mappingProblems.length > 0 && (
        <ul className="problems" role="alert">
          {mappingProblems.map((p, i) => (
            <li key={i}>{formatImportMessage(p, t.lang)}</li>
          ))}
        </ul>
      )}

      {message && (
        <p
          className={message.kind === 'error' ? 'error-box' : 'info-box'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}

      {preview ? (
        <PreviewTables
          preview={preview}
          rooms={rooms}
          choices={choices}
          onChoose={(row, c) => setDecided({ for: preview, choices: { ...choices, [row]: c } })}
          onChooseAll={(c) =>
            setDecided({
              for: preview,
              choices: Object.fromEntries(
                preview.conflicts.filter((x) => x.proposed).map((x) => [x.row, c]),
              ),
            })
          }
        />
      ) : (
        !mappingProblems.length && <p>{t('common.loading')}</p>
      )}

      <div className="flow-buttons">
        <button type="button" className="secondary" onClick={props.onCancel} disabled={busy}>
          {t('exchange.cancelImport')}
        </button>
        {unresolved > 0 && (
          <span className="muted">{t('exchange.decideConflicts', { count: unresolved })}</span>
        )}
        <button
          type="button"
          className="primary"
          disabled={!preview || busy || unresolved > 0}
          onClick={() => void apply()}
        >
          {busy ? t('exchange.applying') : t('exchange.applyImport')}
        </button>
      </div>
    </section>
  );
}
