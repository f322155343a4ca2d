import { useLiveQuery } from 'dexie-react-hooks';
import type { ScopeChange } from '../../../shared/audit/scope.ts';
import { db } from '../../db/instance.ts';
import {
  bringIntoScope,
  readScopeState,
  recordAsUnexpected,
  removeFromScope,
} from '../../db/repositories/scope.ts';
import { useT } from '../../i18n/use-t.ts';
import { useAction } from '../../ui/use-action.ts';

const KIND_TEXT = {
  added: 'walk.scopeAdded',
  changed: 'walk.scopeChanged',
  removed: 'walk.scopeRemoved',
} as const;

const deviceOf = (c: ScopeChange) => (c.kind === 'removed' ? c.recorded : c.device);

function ChangeRow(props: {
  auditId: string;
  change: ScopeChange;
  by: string;
  onDecided: () => void;
}) {
  const t = useT();
  const { change, auditId, by } = props;
  const device = deviceOf(change);
  const decide = (action: typeof bringIntoScope) => async () => {
    await action(db(), auditId, device.id, by);
    props.onDecided();
  };
  const bring = useAction(decide(bringIntoScope));
  const unexpected = useAction(decide(recordAsUnexpected));
  const remove = useAction(decide(removeFromScope));
  const busy = bring.busy || unexpected.busy || remove.busy;
  return (
    <li>
      <span className="scope-change-name">{device.name || device.assetTag || device.id}</span>
      <span className="badge">{t(KIND_TEXT[change.kind])}</span>
      {change.kind !== 'removed' && (
        <button type="button" className="secondary small" disabled={busy} onClick={bring.run}>
          {t(change.kind === 'added' ? 'walk.scopeBringIn' : 'walk.scopeTakeUpdate')}
        </button>
      )}
      {change.kind === 'added' && (
        <button type="button" className="secondary small" disabled={busy} onClick={unexpected.run}>
          {t('walk.scopeUnexpected')}
        </button>
      )}
      {change.kind === 'removed' && (
        <button type="button" className="secondary small" disabled={busy} onClick={remove.run}>
          {t('walk.scopeRemove')}
        </button>
      )}
    </li>
  );
}

/**
 * The inventory's changes in the audit's rooms since it started, each with the decision that
 * takes it into the audit (recorded with who and when) or leaves the audit as it is. Live: an
 * edit or import in another window or tab shows here while the walk-through stays open.
 */
export function ScopeChanges(props: { auditId: string; by: string; onDecided: () => void }) {
  const t = useT();
  const changes = useLiveQuery(
    async () => (await readScopeState(db(), props.auditId))?.changes ?? [],
    [props.auditId],
  );
  if (!changes || changes.length === 0) return null;
  return (
    <section className="scope-changes" aria-labelledby="scope-changes-title">
      <h2 id="scope-changes-title">{t('walk.scopeChangesTitle', { count: changes.length })}</h2>
      <p>{t('walk.scopeChangesHelp')}</p>
      <ul>
        {changes.map((c) => (
          <ChangeRow
            key={deviceOf(c).id}
            auditId={props.auditId}
            change={c}
            by={props.by}
            onDecided={props.onDecided}
          />
        ))}
      </ul>
    </section>
  );
}
