import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { SiteCodeSchema } from '../../../shared/hub/names.ts';
import { db } from '../../db/instance.ts';
import { linkSite, siteLinks } from '../../db/repositories/hub-mirror.ts';
import { listSites } from '../../db/repositories/inventory.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { refreshCounts } from '../../sync/hub-service.ts';

/**
 * Which hub site each local site is shared as. With a hub, the user's own site codes are
 * offered; an air-gapped laptop types the code its organisation gave the site.
 */
export function SiteLinks(props: { codes: string[] | null }) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const data = useLiveQuery(async () => ({
    sites: await listSites(db()),
    links: await siteLinks(db()),
  }));
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<string | null>(null);
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  if (data.sites.length === 0) return <p className="empty">{t('hub.linksEmpty')}</p>;

  async function choose(siteId: string, siteName: string, code: string | null) {
    if (code !== null && !SiteCodeSchema.safeParse(code).success) {
      setInvalid(siteId);
      return;
    }
    setInvalid(null);
    await linkSite(db(), siteId, code);
    if (code) notify('info', t('hub.linkSaved', { site: siteName, code }));
    await refreshCounts();
  }

  return (
    <table className="grid hub-links">
      <thead>
        <tr>
          <th scope="col">{t('overview.colSite')}</th>
          <th scope="col">{t('hub.linkCode')}</th>
        </tr>
      </thead>
      <tbody>
        {data.sites.map((site) => {
          const current = data.links[site.id] ?? '';
          return (
            <tr key={site.id}>
              <td>{site.name}</td>
              <td>
                {props.codes ? (
                  <select
                    aria-label={`${t('hub.linkCode')}: ${site.name}`}
                    value={current}
                    onChange={(e) => void choose(site.id, site.name, e.target.value || null)}
                  >
                    <option value="">{t('hub.linkNone')}</option>
                    {[...new Set([...props.codes, ...(current ? [current] : [])])].map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="hub-link-edit">
                    <input
                      aria-label={`${t('hub.linkCode')}: ${site.name}`}
                      value={typed[site.id] ?? current}
                      aria-invalid={invalid === site.id}
                      onChange={(e) => setTyped({ ...typed, [site.id]: e.target.value.trim() })}
                    />
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void choose(site.id, site.name, (typed[site.id] ?? current) || null)
                      }
                    >
                      {t('common.save')}
                    </button>
                    {invalid === site.id && (
                      <span className="field-error" role="alert">
                        {t('hub.linkInvalid')}
                      </span>
                    )}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
