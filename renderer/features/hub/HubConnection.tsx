import { useState, type FormEvent } from 'react';
import type { HubStatus } from '../../../shared/bridge/hub-schemas.ts';
import { call } from '../../bridge/client.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { refreshCounts, syncNow } from '../../sync/hub-service.ts';

type Joined = Extract<HubStatus, { state: 'ready' | 'locked' }>;

/** The hub this computer belongs to: who, where, how TLS is checked; unlock, sync, leave. */
export function HubConnection(props: { hub: Joined }) {
  const t = useT();
  const setHub = useStore((s) => s.setHub);
  const notify = useStore((s) => s.notify);
  const running = useStore((s) => s.sync.running);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { hub } = props;

  async function unlock(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    try {
      const status = await call('hubUnlock', { passphrase });
      setHub(status);
      setPassphrase('');
      await refreshCounts();
      void syncNow();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  }

  async function leave() {
    setHub(await call('hubLeave', {}));
    notify('info', t('hub.left'));
  }

  async function sync() {
    if (await syncNow()) notify('info', t('hub.synced'));
  }

  return (
    <div className="hub-connection">
      <p className="hub-who">{t('hub.connectedAs', { user: hub.user, origin: hub.origin })}</p>
      <ul className="hub-facts">
        <li>{t('hub.roles', { roles: hub.roles.join(', ') || t('hub.noSites') })}</li>
        <li>{t('hub.siteCodes', { sites: hub.siteCodes.join(', ') || t('hub.noSites') })}</li>
        <li>{hub.hasCa ? t('hub.caOwn') : t('hub.caSystem')}</li>
      </ul>
      {hub.state === 'locked' ? (
        <form className="hub-form" onSubmit={(e) => void unlock(e)}>
          <p>{t('hub.unlockIntro')}</p>
          <Field id="hub-unlock" label={t('hub.passphrase')} error={problem}>
            <input
              id="hub-unlock"
              type="password"
              autoComplete="current-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={passphrase.length === 0}>
              {t('hub.unlock')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="actions">
        {hub.state === 'ready' && (
          <button type="button" className="primary" disabled={running} onClick={() => void sync()}>
            {running ? t('hub.syncing') : t('hub.syncNow')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void leave()}>
          {t('hub.leave')}
        </button>
      </div>
    </div>
  );
}
