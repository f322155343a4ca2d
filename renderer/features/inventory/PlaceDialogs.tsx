import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Site } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import {
  deleteRoom,
  deleteSite,
  renameSite,
  roomImpact,
  siteImpact,
} from '../../db/repositories/places.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/use-action.ts';

/**
 * Asks before a room or a site goes: what is deleted with it (racks, devices), that its
 * completed audits keep their records, and (refusing) which audit in progress still needs it.
 */
export function DeletePlaceDialog(props: {
  kind: 'room' | 'site';
  id: string;
  name: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const impact = useLiveQuery(
    () => (props.kind === 'room' ? roomImpact(db(), props.id) : siteImpact(db(), props.id)),
    [props.kind, props.id],
  );
  const { run, busy } = useAction(async () => {
    await (props.kind === 'room' ? deleteRoom(db(), props.id) : deleteSite(db(), props.id));
    notify('info', t('places.deleted', { name: props.name }));
    props.onDeleted();
  });
  const blocked = (impact?.inProgress.length ?? 0) > 0;
  const completed = (impact?.audits.length ?? 0) - (impact?.inProgress.length ?? 0);
  return (
    <ConfirmDialog
      title={t(props.kind === 'room' ? 'places.deleteRoomTitle' : 'places.deleteSiteTitle', {
        name: props.name,
      })}
      confirmLabel={t('common.delete')}
      cancelLabel={t('common.cancel')}
      onConfirm={() => {
        if (impact && !blocked) void run();
      }}
      onCancel={props.onClose}
      busy={busy || !impact || blocked}
      danger
    >
      {impact && blocked && (
        <p className="error-box" role="alert">
          {t('places.deleteBlocked', {
            audits: impact.inProgress.map((a) => a.title || a.id).join(', '),
          })}
        </p>
      )}
      {impact && !blocked && (
        <>
          <p>{t('places.deleteInventory', { racks: impact.racks, devices: impact.devices })}</p>
          {completed > 0 && <p>{t('places.deleteKeepsAudits', { count: completed })}</p>}
        </>
      )}
    </ConfirmDialog>
  );
}

/** Renames a site (name and organisation). */
export function EditSiteDialog(props: { site: Site; onClose: () => void }) {
  const t = useT();
  const [name, setName] = useState(props.site.name);
  const [organisation, setOrganisation] = useState(props.site.organisation);
  const [error, setError] = useState<string | undefined>();
  const { run, busy } = useAction(async () => {
    await renameSite(db(), props.site.id, { name, organisation });
    props.onClose();
  });
  return (
    <ConfirmDialog
      title={t('places.editSiteTitle', { name: props.site.name })}
      confirmLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      onConfirm={() => {
        const problem = name.trim() ? undefined : t('common.required', { field: t('sites.name') });
        setError(problem);
        if (!problem) void run();
      }}
      onCancel={props.onClose}
      busy={busy}
      focusContent
    >
      <Field id="site-edit-name" label={t('sites.name')} error={error}>
        <input
          id="site-edit-name"
          autoFocus
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!error}
        />
      </Field>
      <Field id="site-edit-org" label={t('sites.organisation')}>
        <input
          id="site-edit-org"
          value={organisation}
          maxLength={200}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}
