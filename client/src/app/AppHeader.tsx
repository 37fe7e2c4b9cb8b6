import { LogOutButton } from '../features/auth/LogOutButton';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n } from '../i18n/useI18n';

interface AppHeaderProps {
  viewer: { name: string } | null;
  onLoggedOut: () => void;
}

export function AppHeader({ viewer, onLoggedOut }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="header-tools">
        <LanguageSwitch />
        {viewer && (
          <>
            <p className="viewer">
              <span className="visually-hidden">{t('auth.signedInAs')} </span>
              {viewer.name}
            </p>
            <LogOutButton onLoggedOut={onLoggedOut} />
          </>
        )}
      </div>
    </header>
  );
}
