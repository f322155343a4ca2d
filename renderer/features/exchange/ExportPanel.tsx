import type { Lang } from '../../../shared/i18n/lang.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { csvFileBytes, findingsCsv, inventoryCsv } from '../../../shared/exchange/csv-export.ts';
import { db } from '../../db/instance.ts';
import { listFindings } from '../../db/repositories/findings.ts';
import { getRooms, listDevicesOfRooms, listSites } from '../../db/repositories/inventory.ts';
import { listAllAudits } from '../../db/repositories/audits.ts';
import { readSiteInventory } from '../../db/repositories/inventory-import.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { buildAuditBundleText } from './audit-bundle.ts';
import { appVersion } from './auto-backup.ts';
import { downloadBlob, fileSlug, localDay } from '../../ui/download.ts';
import { problemText } from './problem-text.ts';
import { EncryptionChoice, sealFile, useEncryptionState } from './EncryptionChoice.tsx';

/** Audit bundles, inventory CSV and findings CSV, saved through Blob links (no network). */
export function ExportPanel() {
  const t = useT();
  const audits = useLiveQuery(() => listAllAudits(db()), []);
  const sites = useLiveQuery(() => listSites(db()), []);
  const [chosenAudit, setAuditId] = useState('');
  const [chosenSite, setSiteId] = useState('');
  const [csvLang, setCsvLang] = useState<'' | Lang>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [encryption, setEncryption] = useEncryptionState();

  // The newest audit and the first site until the user picks others.
  const auditId = chosenAudit || audits?.[0]?.id || '';
  const siteId = chosenSite || sites?.[0]?.id || '';

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const audit = audits?.find((a) => a.id === auditId);
  const site = sites?.find((s) => s.id === siteId);

  const exportBundle = () =>
    run(async () => {
      if (!audit) return;
      const text = await buildAuditBundleText(db(), audit.id, await appVersion());
      const sealed = await sealFile(text, encryption, t);
      if ('problem' in sealed) return setError(sealed.problem);
      downloadBlob(
        new Blob([sealed.text], { type: 'application/json' }),
        `roomcheck-audit-${fileSlug(audit.title, 'audit')}-${localDay()}${sealed.encrypted ? '.encrypted' : ''}.json`,
      );
    });

  const exportFindings = () =>
    run(async () => {
      if (!audit) return;
      const [findings, devices, rooms] = await Promise.all([
        listFindings(db(), audit.id),
        listDevicesOfRooms(db(), audit.roomIds),
        getRooms(db(), audit.roomIds),
      ]);
      const text = findingsCsv(
        findings,
        { devices, rooms: rooms.filter((r) => r !== undefined) },
        t.lang,
      );
      downloadBlob(
        new Blob([csvFileBytes(text) as BlobPart], { type: 'text/csv' }),
        `roomcheck-findings-${fileSlug(audit.title, 'audit')}-${localDay()}.csv`,
      );
    });

  const exportInventory = () =>
    run(async () => {
      if (!site) return;
      const inv = await readSiteInventory(db(), site.id);
      const text = inventoryCsv(
        inv.devices,
        { rooms: inv.rooms, racks: inv.racks, sites: [site] },
        csvLang || undefined,
      );
      downloadBlob(
        new Blob([csvFileBytes(text) as BlobPart], { type: 'text/csv' }),
        `roomcheck-inventory-${fileSlug(site.name, 'site')}-${localDay()}.csv`,
      );
    });

  // The lists are read first: a select that renders empty and fills later invites a wrong pick.
  if (audits === undefined || sites === undefined)
    return <p className="muted">{t('common.loading')}</p>;

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('exchange.exportTitle')}</h2>
      <Field id="exp-audit" label={t('exchange.audit')}>
        <select id="exp-audit" value={auditId} onChange={(e) => setAuditId(e.target.value)}>
          {audits?.length === 0 && <option value="">{t('exchange.noAudits')}</option>}
          {audits?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title} · {t.label('auditStatus', a.status)}
            </option>
          ))}
        </select>
      </Field>
      <EncryptionChoice
        state={encryption}
        onChange={setEncryption}
        contents={t('exchange.encrypt.bundleContents')}
      />
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          disabled={!audit || busy}
          onClick={() => void exportBundle()}
        >
          {t('exchange.exportBundle')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!audit || busy}
          onClick={() => void exportFindings()}
        >
          {t('exchange.exportFindings')}
        </button>
      </div>
      <div className="row">
        <Field id="exp-site" label={t('exchange.site')}>
          <select id="exp-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            {sites?.length === 0 && <option value="">{t('exchange.noSites')}</option>}
            {sites?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="exp-lang" label={t('exchange.csvHeaders')}>
          <select
            id="exp-lang"
            value={csvLang}
            onChange={(e) => setCsvLang(e.target.value as '' | Lang)}
          >
            <option value="">{t('exchange.csvHeadersColumns')}</option>
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </Field>
      </div>
      <button
        type="button"
        className="secondary"
        disabled={!site || busy}
        onClick={() => void exportInventory()}
      >
        {t('exchange.exportInventory')}
      </button>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
