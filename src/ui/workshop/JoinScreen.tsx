import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import { isPossibleJoinCode, joinCodeLength, normaliseJoinCode } from '../../domain/workshop';
import { ErrorNote } from '../ErrorNote';
import { useAction } from '../useAction';
import { sessionHash } from './workshopRoute';
import './workshop.css';

/**
 * `#meedoen=<CODE>`, on a phone: the code from the QR code already filled in
 * (still editable, for who types it), a first name if you like, one big button.
 */
export function JoinScreen({ api, initialCode }: { api: WijkkrachtApi; initialCode: string }) {
  const { t } = useTranslation();
  const ids = { code: useId(), name: useId(), nameHint: useId() };
  const [code, setCode] = useState(() => normaliseJoinCode(initialCode));
  const [firstName, setFirstName] = useState('');
  const { busy, error, setError, run } = useAction();

  async function join(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // A code that cannot be one is not sent: it would cost one of the ten tries.
    if (!isPossibleJoinCode(code)) {
      setError(t('workshop.join.notACode'));
      return;
    }
    await run(async () => {
      const session = await api.joinSession(code, firstName.trim() || undefined);
      // Replace, not push: "back" should not lead to the join form again.
      window.location.replace(sessionHash(session.id));
    });
  }

  return (
    <div className="workshop workshop-phone join-screen">
      <header className="workshop-header">
        <div className="workshop-title">
          <h1>{t('app.title')}</h1>
          <p>{t('app.tagline')}</p>
        </div>
      </header>
      <main>
        <form className="join-form" onSubmit={join} noValidate>
          <h2>{t('workshop.join.title')}</h2>
          <p>{t('workshop.join.intro')}</p>
          <label htmlFor={ids.code}>{t('workshop.join.code')}</label>
          <input
            id={ids.code}
            className="join-code-input"
            value={code}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={joinCodeLength + 4}
            onChange={(event) => setCode(normaliseJoinCode(event.target.value))}
          />
          <label htmlFor={ids.name}>{t('workshop.join.firstName')}</label>
          <input
            id={ids.name}
            value={firstName}
            maxLength={40}
            autoComplete="given-name"
            aria-describedby={ids.nameHint}
            onChange={(event) => setFirstName(event.target.value)}
          />
          <p className="hint" id={ids.nameHint}>
            {t('workshop.join.firstNameHint')}
          </p>
          <ErrorNote message={error} />
          <button type="submit" className="primary big" disabled={busy}>
            {busy ? t('workshop.join.joining') : t('workshop.join.button')}
          </button>
        </form>
      </main>
    </div>
  );
}
