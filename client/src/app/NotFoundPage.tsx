import { useId } from 'react';
import { useI18n } from '../i18n/useI18n';
import { hrefOf } from '../ui/route';

/** An address that names no page says so, rather than showing another page as if it were the one asked for. */
export function NotFoundPage({ path }: { path: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="not-found">
      <h1 id={`${id}-title`}>{t('notFound.title')}</h1>
      <p>{t('notFound.text', { path })}</p>
      <p>
        <a href={hrefOf({ name: 'directory' })}>{t('notFound.home')}</a>
      </p>
    </section>
  );
}
