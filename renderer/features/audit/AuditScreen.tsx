import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { AnswerResult } from '../../../shared/domain/enums.ts';
import {
  answerId,
  type Answer,
  type CheckItem,
  type Device,
} from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { saveAnswer } from '../../db/repositories/audits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useAction } from '../../ui/use-action.ts';

type Subject = { roomId: string; device: Device | null };

function ItemRow(props: {
  auditId: string;
  subject: Subject;
  item: CheckItem;
  answer: Answer | undefined;
  locked: boolean;
}) {
  const t = useT();
  const { auditId, subject, item, answer, locked } = props;
  const [note, setNote] = useState(answer?.note ?? '');
  const { run } = useAction((result: AnswerResult, text: string) =>
    saveAnswer(db(), {
      auditId,
      roomId: subject.roomId,
      deviceId: subject.device?.id ?? null,
      itemId: item.id,
      result,
      note: text,
      by: '',
    }),
  );
  const text = item.text[t.lang];
  const rowId = `item-${subject.device?.id ?? 'room'}-${item.id}`;
  return (
    <li className={`item item-${answer?.result ?? 'unchecked'}`} aria-labelledby={`${rowId}-text`}>
      <span className="item-id mono">{item.id}</span>
      <span className="item-text" id={`${rowId}-text`}>
        {text}
      </span>
      <span className={`badge sev-${item.severity}`}>{t.label('severity', item.severity)}</span>
      <span className="segmented" role="group" aria-label={t('audit.answerFor', { item: item.id })}>
        {(['pass', 'fail', 'na'] as const).map((r) => (
          <button
            key={r}
            type="button"
            className={`seg seg-${r}`}
            aria-pressed={answer?.result === r}
            disabled={locked}
            onClick={() => void run(r, note)}
          >
            {t(`audit.${r}`)}
          </button>
        ))}
      </span>
      <span className="item-note">
        <label className="visually-hidden" htmlFor={`${rowId}-note`}>
          {t('audit.note')} {item.id}
        </label>
        <input
          id={`${rowId}-note`}
          value={note}
          placeholder={t('audit.notePlaceholder')}
          disabled={locked}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (answer && note !== answer.note) void run(answer.result, note);
          }}
        />
      </span>
    </li>
  );
}

export function AuditScreen({ auditId }: { auditId: string }) {
  const t = useT();
  const data = useLiveQuery(async () => {
    const audit = await db().audits.get(auditId);
    if (!audit) return null;
    const [template, rooms, devices, answers] = await Promise.all([
      db().templates.get(audit.templateId),
      db().rooms.bulkGet(audit.roomIds),
      db().devices.where('roomId').anyOf(audit.roomIds).sortBy('name'),
      db().answers.where('auditId').equals(auditId).toArray(),
    ]);
    return { audit, template, rooms: rooms.filter((r) => r !== undefined), devices, answers };
  }, [auditId]);
  if (data === undefined) return <p>{t('common.loading')}</p>;
  if (data === null || !data.template) return <p>{t('audit.notFound')}</p>;
  const { audit, template, rooms, devices, answers } = data;
  const byId = new Map(answers.map((a) => [a.id, a]));
  const locked = audit.status === 'completed' || audit.status === 'signed';
  const roomItems = template.items.filter((i) => i.scope === 'room');
  const itemsFor = (d: Device) =>
    template.items.filter(
      (i) => i.scope === 'device' && (i.appliesTo.length === 0 || i.appliesTo.includes(d.type)),
    );
  const total =
    rooms.length * roomItems.length + devices.reduce((n, d) => n + itemsFor(d).length, 0);
  const answered = answers.filter((a) => a.result !== 'unchecked').length;
  return (
    <div className="screen">
      <div className="title-row">
        <h1>{audit.title}</h1>
        <span className={`badge audit-${audit.status}`}>
          {t.label('auditStatus', audit.status)}
        </span>
        <span className="muted">{t('audit.progress', { answered, total })}</span>
      </div>
      {rooms.map((room) => (
        <section key={room.id} aria-label={room.name}>
          <h2>{t('audit.roomItems')}</h2>
          <ul className="items">
            {roomItems.map((item) => (
              <ItemRow
                key={item.id}
                auditId={audit.id}
                subject={{ roomId: room.id, device: null }}
                item={item}
                answer={byId.get(answerId(audit.id, room.id, null, item.id))}
                locked={locked}
              />
            ))}
          </ul>
          {devices
            .filter((d) => d.roomId === room.id)
            .map((device) => (
              <section key={device.id} aria-label={device.name}>
                <h3>{t('audit.deviceItems', { device: device.name })}</h3>
                <ul className="items">
                  {itemsFor(device).map((item) => (
                    <ItemRow
                      key={item.id}
                      auditId={audit.id}
                      subject={{ roomId: room.id, device }}
                      item={item}
                      answer={byId.get(answerId(audit.id, room.id, device.id, item.id))}
                      locked={locked}
                    />
                  ))}
                </ul>
              </section>
            ))}
        </section>
      ))}
    </div>
  );
}
