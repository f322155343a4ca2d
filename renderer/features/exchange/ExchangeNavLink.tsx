import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';

/** The header entry for import, export and backup. */
export function ExchangeNavLink() {
  const t = useT();
  const current = useStore((s) => s.route.name === 'exchange');
  const navigate = useStore((s) => s.navigate);
  return (
    <button
      type="button"
      aria-current={current ? 'page' : undefined}
      onClick={() => navigate({ name: 'exchange' })}
    >
      {t('exchange.nav')}
    </button>
  );
}
