import { useMemo, useRef, useState } from 'preact/hooks';
import { META_KEYS } from '@/utils/data/keys';
import type { DepartmentAddresses } from '@/utils/data/meta';
import { flowPackInput } from '@/utils/evidence/flow-pack';
import { knownRoleSpecific, reviewRoleSpecific } from '@/utils/evidence/flow-review';
import { openFlowTab, type FlowRequest } from '@/utils/evidence/flow-tab';
import { isUsableAddress } from '@/utils/evidence/pack';
import { mailSubject } from '@/utils/evidence/subject';
import { listEvidence } from '@/utils/store/evidence';
import { readMeta, writeMeta } from '@/utils/store/meta';
import type { Overview } from '../useOverview';
import { useRead } from '../useRead';
import { useLockerItems } from '../useStored';
import { CourseReviewCard } from './CourseReviewCard';
import { PackDownload } from './PackDownload';
import { SenderFields } from './SenderFields';
import { useSender } from './useSender';

/** The course a name field's text names. */
const courseNamed = (text: string) => text.trim().slice(0, 500);

const readAddresses = async (): Promise<DepartmentAddresses> => (await readMeta(META_KEYS.departmentAddresses)) ?? {};

/**
 * Role-specific training (outside the catalogue): the FAQ sends its evidence to the department
 * responsible, not the central mailbox. The flow asks for that address (remembered per course), keeps
 * the subject pattern, attaches the certificate or screenshot from the locker, and says where it goes.
 */
export function RoleSpecificFlow({ overview, request }: { overview: Overview; request: FlowRequest }) {
  const { profile } = overview;
  const [name, setName] = useState(request.courses[0] ?? '');
  // The address typed, with the course it was typed for.
  const [typed, setTyped] = useState<{ course: string; address: string } | null>(null);
  const addresses = useRead(readAddresses, { what: 'Your department addresses' });
  const items = useLockerItems();
  const sender = useSender();
  const course = courseNamed(name);
  const remembered = addresses.value?.[course] ?? '';
  // The department's address for this course, as last used, until the user types another. Another course
  // sets aside what was typed for this one when it is named, not in an effect after the next render, which
  // could run after the address was typed and throw it away.
  const address = typed?.course === course ? typed.address : null;
  // The course as last named, before the render that follows: an address typed (or filled in) right after is its.
  const named = useRef(course);
  named.current = course;
  const to = (address ?? remembered).trim();
  const catalogueCourse = profile.courses.find((c) => c.name.toLowerCase() === course.toLowerCase());
  const suggestions = useMemo(() => knownRoleSpecific(overview.records, profile.courses), [overview.records, profile.courses]);
  const review = course && !catalogueCourse ? reviewRoleSpecific(course, overview.records, { items: items.value ?? [] }) : null;
  const unassigned = (items.value ?? []).filter((i) => i.course === null && i.kind !== 'history' && i.countsForCompliance);
  const addressOk = isUsableAddress(to);

  return (
    <>
      <p>
        Evidence of role-specific training (training outside {profile.organisation}’s mandatory courses) goes to the department responsible for it, not to{' '}
        {profile.mailbox}. Say which training it is and where to send it; the extension attaches the certificate or screenshot you keep for it.
      </p>
      <section aria-labelledby="role-heading" data-mtc-section="role">
        <h2 id="role-heading">The training, and where it goes</h2>
        <label for="role-course">Course name</label>
        <input
          id="role-course"
          list="role-courses"
          value={name}
          autocomplete="off"
          onInput={(e) => {
            named.current = courseNamed(e.currentTarget.value);
            setName(e.currentTarget.value);
          }}
        />
        <datalist id="role-courses">
          {suggestions.map((s) => <option key={s} value={s} />)}
        </datalist>
        {catalogueCourse && (
          <p class="notice">
            {catalogueCourse.name} is one of the mandatory courses: its evidence goes to {profile.mailbox}.{' '}
            <button type="button" class="link" onClick={() => void openFlowTab({ courses: [catalogueCourse.name], from: 'panel' })}>Report it there instead</button>
          </p>
        )}
        <label for="role-to">The department’s email address</label>
        <input id="role-to" type="email" autocomplete="off" value={address ?? remembered} aria-describedby="role-to-note" onInput={(e) => setTyped({ course: named.current, address: e.currentTarget.value })} />
        <p id="role-to-note" class={to && !addressOk ? 'notice' : 'muted'}>
          {to && !addressOk
            ? `“${to.slice(0, 80)}” is not an email address.`
            : remembered && address === null
              ? 'The address you used for this course last time.'
              : 'Ask your line manager or department administrator if you do not know it. It is remembered for this course.'}
        </p>
      </section>
      {review && (
        <section aria-labelledby="review-heading" data-mtc-section="review">
          <h2 id="review-heading">What the email will say</h2>
          <CourseReviewCard review={review} profile={profile} unassigned={unassigned} onChanged={() => items.reload()} />
        </section>
      )}
      <SenderFields person={sender.person} seen={sender.seen} profile={profile} onInput={sender.set} onCommit={() => void sender.remember()} />
      <PackDownload
        to={addressOk ? to : 'the department’s address (not given yet)'}
        toWords={`the department responsible for ${course || 'this training'}, not ${profile.mailbox}`}
        subject={mailSubject(profile.subjectTemplate, course ? [course] : [])}
        reviews={review ? [review] : []}
        ready={Boolean(review) && addressOk && items.value !== null}
        notReady="Fill in the course name and the department’s email address above."
        makeInput={async () => {
          await sender.remember();
          // Remembered before the pack is made, not after its download: a tab closed right after the click
          // keeps it, and a failure to store it cannot be reported as the pack failing after it downloaded.
          await writeMeta(META_KEYS.departmentAddresses, { ...(await readAddresses()), [course]: to.slice(0, 300) });
          void addresses.reload();
          const files = new Map((await listEvidence()).map((i) => [i.id, i]));
          return flowPackInput({
            profile, records: overview.records, today: overview.today, person: sender.person, reviews: [review!], files,
            to: { address: to, name: `the department responsible for ${course}` },
          });
        }}
      />
    </>
  );
}
