import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Room } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { listTemplates } from '../../db/repositories/templates.ts';
import { listRooms } from '../../db/repositories/inventory.ts';
import { listAuditsOfSite, startAudit } from '../../db/repositories/audits.ts';
import { startAuditFromPrior } from '../../db/repositories/carry-forward.ts';
import { getSetting, setSetting } from '../../db/repositories/settings.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useAction } from '../../ui/use-action.ts';
import { localToday } from './load-walk.ts';
import { BRIEF_LIMITS, readListLines, type AuditBrief } from '../../../shared/audit/brief.ts';
import { BriefFields } from './BriefFields.tsx';
import { listProblemText } from '../../ui/list-problem.ts';

/** The data the dialog needs, read once when it opens. */
function useStartData(siteId: string) {
  return useLiveQuery(async () => {
    const [rooms, templates, audits, inspector] = await Promise.all([
      listRooms(db(), siteId),
      listTemplates(db()),
      listAuditsOfSite(db(), siteId),
      getSetting(db(), 'inspectorName', ''),
    ]);
    return { rooms, templates, audits, inspector };
  }, [siteId]);
}

function StartAuditForm(props: {
  room: Room;
  data: NonNullable<ReturnType<typeof useStartData>>;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const { room, data } = props;
  const [roomIds, setRoomIds] = useState<string[]>([room.id]);
  const [templateId, setTemplateId] = useState(data.templates[0]?.id ?? '');
  const [inspector, setInspector] = useState(data.inspector);
  const [title, setTitle] = useState(
    t('walk.startDefaultTitle', { room: room.name, date: localToday() }),
  );
  const closed = data.audits.filter((a) => a.status === 'completed' || a.status === 'signed');
  const [priorId, setPriorId] = useState(closed.find((a) => a.roomIds.includes(room.id))?.id ?? '');
  const prior = closed.find((a) => a.id === priorId);
  // A follow-up audit covers the rooms of the audit it follows.
  const chosenRooms = prior
    ? data.rooms.filter((r) => prior.roomIds.includes(r.id)).map((r) => r.id)
    : roomIds;
  // The audit brief (ISO 19011): a follow-up keeps the client and auditees of the audit it follows.
  const [objectives, setObjectives] = useState('');
  const [auditClient, setAuditClient] = useState<string | null>(null);
  const [auditees, setAuditees] = useState<string | null>(null);
  const clientValue = auditClient ?? prior?.auditClient ?? '';
  const auditeesValue = auditees ?? prior?.auditees.join('\n') ?? '';
  const auditeeList = readListLines(auditeesValue, BRIEF_LIMITS.entries);
  const [errors, setErrors] = useState<{
    rooms?: string;
    inspector?: string;
    title?: string;
    auditees?: string;
  }>({});
  const brief: AuditBrief = {
    objectives: objectives.trim(),
    auditClient: clientValue.trim(),
    auditees: auditeeList.entries,
  };
  const { run, busy } = useAction(async () => {
    await setSetting(db(), 'inspectorName', inspector.trim());
    // Following a prior audit carries its rooms, inventory and open findings forward.
    const audit = priorId
      ? (
          await startAuditFromPrior(db(), {
            priorAuditId: priorId,
            title: title.trim(),
            inspectors: [inspector.trim()],
            templateId,
            brief,
          })
        ).audit
      : await startAudit(db(), {
          siteId: room.siteId,
          roomIds: data.rooms.filter((r) => roomIds.includes(r.id)).map((r) => r.id),
          templateId,
          title: title.trim(),
          inspectors: [inspector.trim()],
          priorAuditId: priorId || null,
          brief,
        });
    props.onClose();
    navigate({ name: 'audit', auditId: audit.id });
  });
  const submit = () => {
    const next = {
      rooms: chosenRooms.length ? undefined : t('walk.startNoRoom'),
      inspector: inspector.trim() ? undefined : t('walk.startInspectorRequired'),
      title: title.trim() ? undefined : t('common.required', { field: t('walk.startTitleField') }),
      auditees: auditeeList.problem ? listProblemText(t, auditeeList.problem) : undefined,
    };
    setErrors(next);
    if (!next.rooms && !next.inspector && !next.title && !next.auditees && templateId) void run();
  };
  const toggle = (id: string) =>
    setRoomIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  return (
    <FormDialog
      title={t('walk.startTitle')}
      submitLabel={t('walk.startSubmit')}
      cancelLabel={t('common.cancel')}
      onSubmit={submit}
      onCancel={props.onClose}
      busy={busy}
    >
      <fieldset aria-describedby={errors.rooms ? 'start-rooms-error' : undefined}>
        <legend>{t('walk.startRooms')}</legend>
        {prior && <p className="muted">{t('walk.startRoomsFromPrior')}</p>}
        {data.rooms.map((r) => (
          <label key={r.id} className="check">
            <input
              type="checkbox"
              checked={chosenRooms.includes(r.id)}
              disabled={!!prior}
              onChange={() => toggle(r.id)}
            />
            <span>{r.name}</span>
            <span className="muted">{t.label('classification', r.classification)}</span>
          </label>
        ))}
      </fieldset>
      {errors.rooms && (
        <span className="field-error" id="start-rooms-error" role="alert">
          {errors.rooms}
        </span>
      )}
      <Field id="start-title" label={t('walk.startTitleField')} error={errors.title}>
        <input id="start-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <div className="row">
        <Field id="start-template" label={t('walk.startTemplate')}>
          <select
            id="start-template"
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
          >
            {data.templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name} · v{tpl.version}
              </option>
            ))}
          </select>
        </Field>
        <Field id="start-inspector" label={t('walk.startInspector')} error={errors.inspector}>
          <input
            id="start-inspector"
            value={inspector}
            autoFocus
            onChange={(e) => setInspector(e.target.value)}
            aria-invalid={!!errors.inspector}
          />
        </Field>
      </div>
      <BriefFields
        idPrefix="start"
        value={{ objectives, auditClient: clientValue, auditees: auditeesValue }}
        onChange={(next) => {
          setObjectives(next.objectives);
          // Untouched, the client and auditees follow the chosen prior audit.
          if (next.auditClient !== clientValue) setAuditClient(next.auditClient);
          if (next.auditees !== auditeesValue) setAuditees(next.auditees);
        }}
        auditeesError={errors.auditees}
      />
      <Field id="start-prior" label={t('walk.startPrior')}>
        <select id="start-prior" value={priorId} onChange={(e) => setPriorId(e.target.value)}>
          <option value="">{t('walk.startNoPrior')}</option>
          {closed.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title} ({t.label('auditStatus', a.status)})
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}

/** "Start audit" for a room: opens the dialog that chooses rooms, checklist and inspector. */
export function StartAuditButton({ room }: { room: Room }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const data = useStartData(room.siteId);
  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => setOpen(true)}
        disabled={!data?.templates.length}
      >
        {t('walk.startButton')}
      </button>
      {open && data && <StartAuditForm room={room} data={data} onClose={() => setOpen(false)} />}
    </>
  );
}
