import { useI18n } from '../i18n/useI18n';
import { hrefOf, type Route } from '../ui/route';

/** The main places of the app; the current one is marked for assistive technologies too. */
export function AppNav({ route }: { route: Route }) {
  const { t } = useI18n();
  const section = route.name === 'synergy' ? 'synergies' : route.name;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <a href={hrefOf({ name: 'directory' })} aria-current={section === 'directory' ? 'page' : undefined}>
            {t('nav.directory')}
          </a>
        </li>
        <li>
          <a href={hrefOf({ name: 'synergies' })} aria-current={section === 'synergies' ? 'page' : undefined}>
            {t('nav.synergies')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
