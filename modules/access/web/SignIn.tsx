import { ApiError } from '@renxing/ui/client';
import { Field } from '@renxing/ui/controls';
import { useT } from '@renxing/ui/i18n';
import { LanguageSwitch } from '@renxing/ui/LanguageSwitch';
import { useHome } from '@renxing/ui/sections';
import { useSession } from '@renxing/ui/session';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';

export function SignIn() {
  const t = useT();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(location.search).get('next');
  const homeOf = useHome();

  if (user) return <Navigate to={next?.startsWith('/') ? next : homeOf(user.role)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const u = await login(username, password);
      navigate(next?.startsWith('/') ? next : homeOf(u.role), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin-page">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <main id="main" className="signin-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            韧
          </span>
          <span>
            {t('app.name')} · {t('app.console')}
          </span>
        </div>
        <h1>{t('auth.title')}</h1>
        <form onSubmit={submit} aria-label={t('auth.title')}>
          <Field label={t('auth.username')}>
            {(id) => (
              <input
                id={id}
                name="username"
                autoComplete="username"
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('auth.password')}>
            {(id) => (
              <input
                id={id}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          {error ? (
            <p className="error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('auth.signingIn') : t('auth.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
