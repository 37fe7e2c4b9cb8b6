import { useI18n } from '../i18n/useI18n';
import type { MessageKey } from '../i18n/messages';
import { hrefOf, sectionOf, type Route } from '../ui/route';

const SECTIONS: { route: Route; label: MessageKey; facilitators?: true }[] = [
  { route: { name: 'directory' }, label: 'nav.directory' },
  { route: { name: 'flows' }, label: 'nav.flows' },
  { route: { name: 'synergies' }, label: 'nav.synergies' },
  { route: { name: 'dashboard' }, label: 'nav.dashboard' },
  { route: { name: 'report' }, label: 'nav.report' },
  { route: { name: 'projects' }, label: 'nav.projects' },
  { route: { name: 'import' }, label: 'nav.import', facilitators: true },
  { route: { name: 'apiTokens' }, label: 'nav.apiTokens' },
];

/** The main places of the app (the import page for facilitators only); the current one is marked for assistive technologies too. */
export function AppNav({ route, facilitator }: { route: Route; facilitator: boolean }) {
  const { t } = useI18n();
  const current = sectionOf(route);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {SECTIONS.filter((section) => facilitator || !section.facilitators).map(({ route: target, label }) => (
          <li key={target.name}>
            <a href={hrefOf(target)} aria-current={current === target.name ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
