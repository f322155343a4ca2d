import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { db } from '../../db/instance.ts';
import { countRooms, createSite, listSites } from '../../db/repositories/inventory.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/use-action.ts';

function NewSiteForm() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useAction(async () => {
    const site = await createSite(db(), {
      name: name.trim(),
      organisation: organisation.trim(),
      notes: '',
    });
    navigate({ name: 'site', siteId: site.id });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('common.required', { field: t('sites.name') }));
    setError(null);
    void run();
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('sites.new')}>
      <h2>{t('sites.new')}</h2>
      <Field id="site-name" label={t('sites.name')} error={error}>
        <input
          id="site-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!error}
        />
      </Field>
      <Field id="site-org" label={t('sites.organisation')}>
        <input
          id="site-org"
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t('common.create')}
      </button>
    </form>
  );
}

export function SitesScreen() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const sites = useLiveQuery(async () => {
    const all = await listSites(db());
    return Promise.all(
      all.map(async (site) => ({
        site,
        rooms: await countRooms(db(), site.id),
      })),
    );
  });
  return (
    <div className="screen two-col">
      <section aria-labelledby="sites-title">
        <h1 id="sites-title">{t('sites.title')}</h1>
        {sites === undefined ? (
          <p>{t('common.loading')}</p>
        ) : sites.length === 0 ? (
          <p className="empty">{t('sites.empty')}</p>
        ) : (
          <ul className="tiles">
            {sites.map(({ site, rooms }) => (
              <li key={site.id}>
                <button
                  type="button"
                  className="tile"
                  onClick={() => navigate({ name: 'site', siteId: site.id })}
                  aria-label={t('sites.open', { name: site.name })}
                >
                  <strong>{site.name}</strong>
                  <span>{site.organisation}</span>
                  <span className="muted">{t('sites.rooms', { count: rooms })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside>
        <NewSiteForm />
      </aside>
    </div>
  );
}
