// The page a first install opens (utils/background/welcome.ts): what the extension does, how to keep
// it in sight, what it promises about data, and the one thing to do now. Short enough to read in a
// minute; every step is a link or plain words, nothing to fill in.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Profile } from '@/utils/catalogue/profile';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { CYBSAFE_HOME, CYBSAFE_HOST, portalDashboardUrl } from '@/utils/hosts';
import { loadProfile } from '@/utils/store/profile';

/** The stored profile; the defaults until it is read, and if it cannot be (the links still work). */
function useProfile(): Profile {
  const [profile, setProfile] = useState<Profile>(UCL_PROFILE);
  useEffect(() => {
    loadProfile().then(setProfile, () => undefined);
  }, []);
  return profile;
}

export function WelcomePage() {
  const profile = useProfile();
  const dashboard = portalDashboardUrl(profile.portalHost);
  return (
    <main class="welcome" data-mtc-welcome="">
      <h1>Welcome to Mandatory Training Companion</h1>
      <p class="lead">
        It keeps your mandatory training in view. Beside each course on your LearnUpon dashboard and on CybSafe
        it shows when you must renew it, the toolbar icon counts what needs doing, sign-in problems are explained
        in plain words, and when you are asked to redo a course you have already done it gathers your evidence
        into a ready-to-send email.
      </p>

      <ol class="steps">
        <li>
          <h2>Pin it to the toolbar</h2>
          <p>
            Click the Extensions button (the puzzle piece) at the top right of the browser, then the pin beside
            Mandatory Training Companion. In Microsoft Edge, click the eye beside it instead (“Show in toolbar”).
            Its icon then shows how many courses are due soon or overdue.
          </p>
        </li>
        <li>
          <h2>Open your LearnUpon dashboard and CybSafe once</h2>
          <p>The dates are read from these pages; after one visit to each, the toolbar and the reminders know them.</p>
          <p class="links">
            <a class="button" href={dashboard} target="_blank" rel="noopener noreferrer" data-mtc-welcome-link="learnupon">
              Open your LearnUpon dashboard <span class="host">({profile.portalHost})</span>
            </a>
            <a class="button" href={CYBSAFE_HOME} target="_blank" rel="noopener noreferrer" data-mtc-welcome-link="cybsafe">
              Open CybSafe <span class="host">({CYBSAFE_HOST})</span>
            </a>
          </p>
        </li>
      </ol>

      <h2>Your data stays with you</h2>
      <p data-mtc-welcome-privacy="">
        Everything the extension keeps stays in this browser, on this computer.
        <br />
        Nothing is sent anywhere: no account, no tracking, and the only emails are the ones you send yourself.
      </p>

      <p class="muted">
        Set up for {profile.organisation}’s courses and portal. Another organisation, or different renewal periods?{' '}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener noreferrer">Change the settings</a>.
        You can close this tab now.
      </p>
    </main>
  );
}
