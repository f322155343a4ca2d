import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';

/** The header entry for the templates screens, marked current on either of them. */
export function TemplatesNavLink() {
  const t = useT();
  const current = useStore((s) => s.route.name === 'templates' || s.route.name === 'template');
  const navigate = useStore((s) => s.navigate);
  return (
    <button
      type="button"
      aria-current={current ? 'page' : undefined}
      onClick={() => navigate({ name: 'templates' })}
    >
      {t('templates.nav')}
    </button>
  );
}
