import { type FormEvent, useId, useState } from 'react';
import { navigate } from '../app/navigation.js';
import { useServices } from '../app/services.js';
import { errorText } from '../app/use-async.js';
import { t } from '../i18n/t.js';
import { Status } from '../ui/Status.js';

export function LoginPage(props: { readonly returnTo: string | null }) {
  const { rest } = useServices();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailId = useId();
  const passwordId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await rest.signIn(email, password);
      navigate(props.returnTo ?? '/hub', { replace: true });
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <form className="login-form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <label htmlFor={emailId}>{t('login.email')}</label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={passwordId}>{t('login.password')}</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        {error !== null && <Status tone="error" message={t('login.failed', { message: error })} />}
      </form>
    </main>
  );
}
