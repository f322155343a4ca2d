import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../db/instance.ts';
import { listDeviceEvidence } from '../../db/repositories/evidence.ts';
import type { EvidenceRow } from '../../db/types.ts';
import { useT } from '../../i18n/use-t.ts';

/**
 * Photos recorded for a device (its own and those of its findings), newest first. Adding photos
 * is the evidence feature's job (walk-through and findings); this shows what exists so the
 * inventory record and the evidence never disagree.
 */
export function DevicePhotos({ deviceId }: { deviceId: string }) {
  const t = useT();
  const photos = useLiveQuery(() => listDeviceEvidence(db(), deviceId), [deviceId]);
  if (photos === undefined) return <p>{t('common.loading')}</p>;
  if (photos.length === 0) return <p className="empty">{t('inventory.photos.none')}</p>;
  return (
    <ul className="inv-photos">
      {photos.map((photo) => (
        <Photo key={photo.id} photo={photo} />
      ))}
    </ul>
  );
}

function Photo({ photo }: { photo: EvidenceRow }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const blob = photo.thumbnail ?? photo.blob;
    const next = URL.createObjectURL(blob);
    // Created and revoked in one effect so StrictMode's second run gets a live URL of its own.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [photo]);
  const caption = photo.caption || photo.fileName;
  return (
    <li>
      <figure>
        {url && <img src={url} alt={t('inventory.photos.alt', { caption })} loading="lazy" />}
        <figcaption title={caption}>
          {caption}
          <span className="muted"> · {photo.createdAt.slice(0, 10)}</span>
        </figcaption>
      </figure>
    </li>
  );
}
