import { useState } from 'react';
import { db } from '../../db/instance.ts';
import { getAudit } from '../../db/repositories/audits.ts';
import { startAuditFromPrior } from '../../db/repositories/carry-forward.ts';
import { getSetting, setSetting } from '../../db/repositories/settings.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { localDay } from '../../ui/download.ts';
import { problemText } from './problem-text.ts';

/** "Start the next audit from this one": inventory and open findings carried forward. */
export function CarryForwardButton(props: { priorAuditId: string; className?: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [inspector, setInspector] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const prior = await getAudit(db(), props.priorAuditId);
    setTitle(t('exchange.nextAuditTitle', { title: prior?.title ?? '', date: localDay() }));
    setInspector(await getSetting(db(), 'inspectorName', ''));
    setError(null);
    setOpen(true);
  };

  const submit = async () => {
    if (!title.trim())
      return setError(t('common.required', { field: t('exchange.newAuditTitle') }));
    setBusy(true);
    try {
      if (inspector.trim()) await setSetting(db(), 'inspectorName', inspector.trim());
      const result = await startAuditFromPrior(db(), {
        priorAuditId: props.priorAuditId,
        title: title.trim(),
        inspectors: inspector.trim() ? [inspector.trim()] : [],
      });
      setOpen(false);
      notify('info', t('exchange.carriedForward', { count: result.recheck }));
      navigate({ name: 'audit', auditId: result.audit.id });
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className={props.className ?? 'secondary'} onClick={() => void start()}>
        {t('exchange.carryForward')}
      </button>
      {open && (
        <FormDialog
          title={t('exchange.carryForwardTitle')}
          submitLabel={t('exchange.carryForwardSubmit')}
          cancelLabel={t('common.cancel')}
          onSubmit={() => void submit()}
          onCancel={() => setOpen(false)}
          busy={busy}
        >
          <p className="muted">{t('exchange.carryForwardHelp')}</p>
          <Field id="cf-title" label={t('exchange.newAuditTitle')} error={error}>
            <input
              id="cf-title"
              value={title}
              autoFocus
              onChange={(e) => setTitle(e.target.value)}
            />
          </Field>
          <Field id="cf-inspector" label={t('exchange.inspector')}>
            <input
              id="cf-inspector"
              value={inspector}
              onChange={(e) => setInspector(e.target.value)}
            />
          </Field>
        </FormDialog>
      )}
    </>
  );
}
