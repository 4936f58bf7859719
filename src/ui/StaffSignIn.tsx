import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSignIn as StaffSignInActions } from '../backend/backend';
import { useErrorText } from './useErrorText';

interface StaffSignInProps {
  signIn: StaffSignInActions;
  /** After signing out: the roles change, so the app reloads what depends on them. */
  onSignedOut(): void;
}

// The simplest check that catches typing slips; the auth server checks for real.
const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254;

/**
 * "Inloggen voor begeleiders": facilitators, planners and admins sign in with a
 * link by e-mail (shared mode only). Residents never need this: they are signed
 * in anonymously. What a staff member may do comes from the database, not from here.
 */
export function StaffSignIn({ signIn, onSignedOut }: StaffSignInProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [signedInAs, setSignedInAs] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailId = useId();

  useEffect(() => {
    let current = true;
    signIn.email().then(
      (address) => current && setSignedInAs(address),
      () => current && setSignedInAs(null),
    );
    return () => {
      current = false;
    };
  }, [signIn]);

  async function sendLink(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (!looksLikeEmail(address)) {
      setError(t('staff.invalidEmail'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn.sendLink(address, window.location.href);
      setSentTo(address);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    try {
      await signIn.signOut();
      setSignedInAs(null);
      onSignedOut();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  if (signedInAs) {
    return (
      <div className="staff-sign-in">
        <p>{t('staff.signedInAs', { email: signedInAs })}</p>
        <button type="button" onClick={signOut} disabled={busy}>
          {t('staff.signOut')}
        </button>
        {error && <p role="alert">{error}</p>}
      </div>
    );
  }
  return (
    <details className="staff-sign-in">
      <summary>{t('staff.title')}</summary>
      {sentTo ? (
        <p role="status">{t('staff.sent', { email: sentTo })}</p>
      ) : (
        <form onSubmit={sendLink} noValidate>
          <p className="hint">{t('staff.explain')}</p>
          <label htmlFor={emailId}>{t('staff.email')}</label>
          <input id={emailId} type="email" autoComplete="email" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t('staff.send')}
          </button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
    </details>
  );
}
