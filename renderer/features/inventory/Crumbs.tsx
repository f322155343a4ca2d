import { useLiveQuery } from 'dexie-react-hooks';
import type { Room } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { getSite } from '../../db/repositories/inventory.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';

/** Sites › site › room: where this screen sits in the inventory, each step a link. */
export function Crumbs(props: { room: Room; current?: 'room' }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const site = useLiveQuery(() => getSite(db(), props.room.siteId), [props.room.siteId]);
  return (
    <nav className="crumbs" aria-label={t('inventory.breadcrumbs')}>
      <button type="button" className="link" onClick={() => navigate({ name: 'sites' })}>
        {t('sites.title')}
      </button>
      <span aria-hidden="true"> › </span>
      <button
        type="button"
        className="link"
        onClick={() => navigate({ name: 'site', siteId: props.room.siteId })}
      >
        {site?.name ?? '…'}
      </button>
      {props.current !== 'room' && (
        <>
          <span aria-hidden="true"> › </span>
          <button
            type="button"
            className="link"
            onClick={() => navigate({ name: 'room', roomId: props.room.id })}
          >
            {props.room.name}
          </button>
        </>
      )}
    </nav>
  );
}
