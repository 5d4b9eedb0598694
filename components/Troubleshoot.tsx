import { hostOf } from './host';
import type { Profile } from '@/utils/catalogue/profile';
import { troubleshootMailto } from '@/utils/diagnostics/email';
import { useProblems } from './useStored';

/** The FAQ's own checklist (question 7), in its order, with the links ready to click. */
function checklist(profile: Profile) {
  return [
    { text: 'Check which account you are signed in with at My Apps', href: 'https://myapps.microsoft.com' },
    { text: `If it is not your ${profile.emailDomain} account: sign out, then sign in as username@${profile.emailDomain}`, href: undefined },
    { text: 'On the VPN? Disconnect it and refresh: the training does not need it', href: undefined },
    { text: 'Use Chrome, which best supports the online learning', href: undefined },
    { text: 'Check your device is an ISD-supported one', href: 'https://www.ucl.ac.uk/isd/services/computers/using-your-owndepartmental-device/computer-support-ucl' },
    { text: 'Open the courses from the mandatory learning page', href: 'https://www.ucl.ac.uk/human-resources/learning-development/mandatory-learning' },
  ];
}

export function Troubleshoot({ profile }: { profile: Profile }) {
  const { value, error } = useProblems();
  const problems = value ?? [];
  return (
    <section aria-labelledby="troubleshoot-heading" data-mtc-section="troubleshoot">
      <h2 id="troubleshoot-heading">Troubleshoot</h2>
      {error && <p class="error">{error}</p>}
      {problems.length ? (
        <>
          <h3>Problems seen lately</h3>
          <ul>
            {problems.map((p) => (
              <li key={p.id}>
                {new Date(p.at).toLocaleString('en-GB')}: {p.title} <span class="muted">({hostOf(p.pageUrl, 'unknown page')})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">No sign-in or connection problems seen.</p>
      )}
      <h3>If you cannot get in, or the training is slow</h3>
      <ol>
        {checklist(profile).map((item) => (
          <li key={item.text}>{item.href ? <a href={item.href} target="_blank" rel="noopener noreferrer">{item.text}</a> : item.text}</li>
        ))}
      </ol>
      <p>
        <a class="button secondary" href={troubleshootMailto(profile, problems[0] ?? null)} data-mtc-action="email-training-team">
          Email the training team about this
        </a>
      </p>
      <p class="muted">This opens an email in your own mail program for you to check and send. The extension sends nothing itself.</p>
    </section>
  );
}

