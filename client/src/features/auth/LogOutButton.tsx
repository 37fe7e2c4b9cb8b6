import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';

const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

/** Ends the session; `onLoggedOut` then drops everything this session loaded. */
export function LogOutButton({ onLoggedOut }: { onLoggedOut: () => void }) {
  const { t } = useI18n();
  const [{ fetching }, logOut] = useMutation(LogOutMutation);
  return (
    <button
      type="button"
      className="secondary"
      disabled={fetching}
      onClick={async () => {
        await logOut({});
        onLoggedOut();
      }}
    >
      {t('auth.logOut')}
    </button>
  );
}
