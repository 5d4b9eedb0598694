// @vitest-environment node
// The completion-issue flow's plan and review (issue 13, items 2–3 and 8): which sites to collect from and
// which collections to reuse; per course what was found and what is missing, in the words the email uses;
// and the pack built from the review says exactly that (read back with jszip and postal-mime).
import JSZip from 'jszip';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { EvidenceItem } from '@/utils/data/evidence';
import type { SiteRun } from '@/utils/data/meta';
import { buildEvidencePack, type Manifest } from '@/utils/evidence/pack';
import { flowPackInput } from '@/utils/evidence/flow-pack';
import { agoText, isFresh, REUSE_MS, sitesFor, sitesToCollect } from '@/utils/evidence/flow-plan';
import { completionOf, coursePageUrl, knownRoleSpecific, reviewCourse, reviewRoleSpecific, type LockerItem } from '@/utils/evidence/flow-review';
import { recordId, type CompletionRecord } from '@/utils/records';

const course = (name: string) => UCL_PROFILE.courses.find((c) => c.name === name)!;
const FIRE = course('UCL Fire Safety');
const INFOSEC = course('Information Security Training');
const EDI = course('Introduction to Equality, Diversity, and Inclusion');
const NOW = Date.parse('2026-11-28T10:00:00Z');

function record(over: Partial<CompletionRecord>): CompletionRecord {
  const r: CompletionRecord = {
    id: '', course: FIRE.name, title: FIRE.name, status: 'passed', completedOn: '2026-01-30', dueOn: null, certExpiresOn: '2029-01-30',
    enrollmentId: '109552810', certificateUrl: '/enrollments/109552810/certificate', source: 'learnupon', sourceUrl: 'https://ucl.learnupon.com/dashboard',
    seenAt: '2026-11-28T09:00:00.000Z', countsForCompliance: true, ...over,
  };
  return { ...r, id: recordId(r) };
}

function item(over: Partial<EvidenceItem> & Pick<EvidenceItem, 'kind' | 'name'>): EvidenceItem {
  const data = over.data ?? new Blob([new TextEncoder().encode('%PDF-1.7\nx')], { type: 'application/pdf' });
  return {
    id: over.name, course: null, completedOn: null, contentType: data.type, size: data.size, sourceUrl: '', addedAt: '2026-11-28T09:30:00.000Z',
    countsForCompliance: true, data, ...over,
  } as EvidenceItem;
}

const run = (over: Partial<SiteRun> = {}): SiteRun => ({ at: NOW - 5 * 60_000, history: true, historyProblem: null, certificateProblems: [], ...over });
const ctx = (items: LockerItem[], over: object = {}) => ({ items, runs: {}, siteProblems: {}, profile: UCL_PROFILE, ...over });

describe('the plan', () => {
  it('collects from the sites the courses are on, LearnUpon first, and reuses a collection of the last hour', () => {
    expect(sitesFor([INFOSEC, FIRE, EDI])).toEqual(['learnupon', 'cybsafe']);
    expect(sitesFor([INFOSEC])).toEqual(['cybsafe']);
    expect(sitesToCollect([FIRE, INFOSEC], { learnupon: run() }, NOW)).toEqual(['cybsafe']);
    expect(sitesToCollect([FIRE], { learnupon: run({ at: NOW - REUSE_MS - 1 }) }, NOW)).toEqual(['learnupon']);
    // A LearnUpon collection that did not ask for the history (the locker's CybSafe button, say) is not enough.
    expect(isFresh(run({ history: false }), 'learnupon', NOW)).toBe(false);
    expect(isFresh(run({ history: false }), 'cybsafe', NOW)).toBe(true);
    // A time in the future (a clock put back) is not trusted.
    expect(isFresh(run({ at: NOW + 60_000 }), 'learnupon', NOW)).toBe(false);
    expect(agoText(NOW - 12 * 60_000, NOW)).toBe('12 minutes ago');
    expect(agoText(NOW - 10_000, NOW)).toBe('just now');
  });
});

describe('the review', () => {
  it('says the completion date and every source that showed it, the certificate, the history file', () => {
    const history = [record({}), record({ source: 'training-history', certExpiresOn: null, certificateUrl: null, sourceUrl: 'https://ucl.learnupon.com/exports/x.xlsx' })];
    const items = [item({ kind: 'certificate', name: 'UCL Fire Safety certificate.pdf', course: FIRE.name, sourceUrl: 'https://ucl.learnupon.com/enrollments/109552810/certificate' }), item({ kind: 'history', name: 'training_history.xlsx' })];
    const review = reviewCourse(FIRE, { history, due: '2029-01-30' }, ctx(items));
    expect(review.completion).toEqual({ date: '2026-01-30', from: 'shown by LearnUpon and the LearnUpon training history file' });
    expect(review.certificates.map((c) => c.name)).toEqual(['UCL Fire Safety certificate.pdf']);
    expect(review.history?.name).toBe('training_history.xlsx');
    expect(review.missing).toEqual([]);
    expect(review.page).toBe('https://ucl.learnupon.com/enrollments/109552810/details');
  });

  it('says why each missing piece is missing, from what the sites showed and what the collection said', () => {
    const notStarted = [record({ course: EDI.name, title: EDI.name, status: 'not-started', completedOn: null, certExpiresOn: null, certificateUrl: null, enrollmentId: '112903346' })];
    const edi = reviewCourse(EDI, { history: notStarted, due: null }, ctx([]));
    expect(edi.missing).toEqual([
      { evidence: 'completion-record', reason: 'LearnUpon shows this course as not started, with no completion date' },
      { evidence: 'certificate', reason: 'LearnUpon shows no certificate for this course: it is not completed there' },
      { evidence: 'training-history', reason: 'the training history file was not fetched from LearnUpon' },
    ]);
    // Completed, but the site shows no certificate link.
    const noLink = reviewCourse(FIRE, { history: [record({ certificateUrl: null })], due: null }, ctx([]));
    expect(noLink.missing.find((m) => m.evidence === 'certificate')?.reason).toBe('LearnUpon shows no certificate for this course');
    // The collection's own words win: the fetch was refused, the history was not offered.
    const refused = reviewCourse(FIRE, { history: [record({})], due: null }, ctx([], {
      runs: { learnupon: run({ historyProblem: 'LearnUpon did not offer the training history file within 30 seconds. Try again in a minute.', certificateProblems: [{ course: FIRE.name, reason: 'the site answered 404 Not Found' }] }) },
    }));
    expect(refused.missing).toEqual([
      { evidence: 'certificate', reason: 'the certificate could not be kept from LearnUpon: the site answered 404 Not Found' },
      { evidence: 'training-history', reason: 'LearnUpon did not offer the training history file within 30 seconds. Try again in a minute' },
    ]);
    // The site could not be reached at all.
    const down = reviewCourse(INFOSEC, { history: [], due: null }, ctx([], { siteProblems: { cybsafe: 'CybSafe did not open in time.' } }));
    expect(down.missing.map((m) => m.reason)).toEqual([
      'no completion for this course was found on CybSafe or in your own entries',
      'the certificate could not be collected from CybSafe: CybSafe did not open in time.',
    ]);
    expect(down.historyApplies).toBe(false);
  });

  it('a screenshot for the course is used, and said to stand in for the certificate; evidence that does not count is left out', () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])], { type: 'image/png' });
    const items = [
      item({ kind: 'screenshot', name: 'page.png', course: FIRE.name, data: png, sourceUrl: 'https://ucl.learnupon.com/enrollments/1/details' }),
      item({ kind: 'certificate', name: 'moodle.pdf', course: FIRE.name, countsForCompliance: false }),
      item({ kind: 'screenshot', name: 'other-course.png', course: EDI.name, data: png }),
    ];
    const review = reviewCourse(FIRE, { history: [record({ certificateUrl: null })], due: null }, ctx(items));
    expect(review.screenshots.map((s) => s.name)).toEqual(['page.png']);
    expect(review.certificates).toEqual([]);
    expect(review.missing.find((m) => m.evidence === 'certificate')?.reason).toBe('LearnUpon shows no certificate for this course; a screenshot is attached instead');
  });

  it('a failed attempt is no completion; the latest dated pass counts', () => {
    expect(completionOf([record({ status: 'failed', completedOn: '2026-05-01' })])).toBeNull();
    expect(completionOf([record({ completedOn: '2023-01-01' }), record({ source: 'manual', completedOn: '2026-02-01', enrollmentId: null })])).toEqual({ date: '2026-02-01', from: 'shown by your own entry in this extension' });
  });

  it('the course page is on the organisation’s portal only; else its dashboard; CybSafe’s home', () => {
    const other = record({ sourceUrl: 'https://nhs-trust.learnupon.com/dashboard', enrollmentId: '999' });
    expect(coursePageUrl(FIRE, [other], UCL_PROFILE)).toBe('https://ucl.learnupon.com/dashboard');
    expect(coursePageUrl(FIRE, [record({ enrollmentId: '12/../x' })], UCL_PROFILE)).toBe('https://ucl.learnupon.com/dashboard');
    expect(coursePageUrl(INFOSEC, [], UCL_PROFILE)).toBe('https://app.cybsafe.com/');
  });

  it('role-specific training: the locker’s evidence for it, and names the records know outside the catalogue', () => {
    const name = 'Research Data Management Essentials';
    const records = [record({ course: name, title: name, source: 'training-history', completedOn: '2026-06-01', certificateUrl: null })];
    expect(knownRoleSpecific([...records, record({})], UCL_PROFILE.courses)).toEqual([name]);
    const review = reviewRoleSpecific(name, records, { items: [item({ kind: 'certificate', name: 'rdm.pdf', course: name })] });
    expect(review).toMatchObject({ roleSpecific: true, platform: 'other', completion: { date: '2026-06-01' }, historyApplies: false, missing: [] });
    expect(reviewRoleSpecific(name, [], { items: [] }).missing.map((m) => m.evidence)).toEqual(['completion-record', 'certificate']);
  });
});

describe('the pack from the review', () => {
  async function pack(reviews: ReturnType<typeof reviewCourse>[], items: EvidenceItem[], records: CompletionRecord[], to?: { address: string }) {
    const input = await flowPackInput({
      profile: UCL_PROFILE, records, today: '2026-11-28', person: { name: 'Alex Taylor', email: 'a.taylor@ucl.ac.uk' }, reviews,
      files: new Map(items.map((i) => [i.id, i])), ...(to ? { to } : {}),
    });
    const built = await buildEvidencePack(input);
    const zip = await JSZip.loadAsync(built.zip);
    return {
      names: Object.keys(zip.files),
      manifest: JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest,
      mail: await PostalMime.parse(await zip.file('completion-issue.eml')!.async('string')),
      summary: await zip.file('summary.html')!.async('string'),
    };
  }

  it('holds exactly what the review found, and says what it did not, with the review’s reasons', async () => {
    const xlsx = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const items = [item({ kind: 'certificate', name: 'UCL Fire Safety certificate.pdf', course: FIRE.name, completedOn: '2026-01-30' }), item({ kind: 'history', name: 'training_history.xlsx', data: xlsx })];
    const records = [record({}), record({ source: 'training-history', certificateUrl: null }), record({ course: EDI.name, title: EDI.name, status: 'not-started', completedOn: null, certExpiresOn: null, certificateUrl: null, enrollmentId: '112903346' })];
    const reviews = [FIRE, EDI].map((c) => reviewCourse(c, { history: records.filter((r) => r.course === c.name), due: c === FIRE ? '2029-01-30' : null }, ctx(items)));
    const out = await pack(reviews, items, records);
    expect(out.manifest.missing).toEqual([
      { course: EDI.name, evidence: 'completion-record', reason: 'LearnUpon shows this course as not started, with no completion date' },
      { course: EDI.name, evidence: 'certificate', reason: 'LearnUpon shows no certificate for this course: it is not completed there' },
    ]);
    expect(out.names).toEqual(expect.arrayContaining(['training-history.xlsx', 'certificates/UCL-Fire-Safety-2026-01-30.pdf']));
    expect(out.mail.text).toContain('Completed: 30 Jan 2026 (shown by LearnUpon and the LearnUpon training history file)');
    expect(out.mail.text).toContain('Certificate: none attached — LearnUpon shows no certificate for this course: it is not completed there');
    expect(out.mail.attachments.map((a) => a.filename).sort()).toEqual(['UCL-Fire-Safety-2026-01-30.pdf', 'training-history.xlsx']);
    expect(out.mail.from?.address).toBe('a.taylor@ucl.ac.uk');
    // One row per completion in the summary, with both sources.
    expect(out.summary.match(/<th scope="row">UCL Fire Safety<\/th>/g)).toHaveLength(2); // the course table, and one completion row
    expect(out.summary).toContain('LearnUpon, LearnUpon training history');
  });

  it('a file deleted since the review is a clear error, not a pack that claims it', async () => {
    const items = [item({ kind: 'certificate', name: 'gone.pdf', course: FIRE.name })];
    const reviews = [reviewCourse(FIRE, { history: [record({})], due: null }, ctx(items))];
    await expect(flowPackInput({ profile: UCL_PROFILE, records: [], today: '2026-11-28', person: { name: '', email: '' }, reviews, files: new Map() })).rejects.toThrow(/no longer in your evidence locker/);
  });

  it('role-specific training goes to the department, with a JPEG picture attached as taken', async () => {
    const name = 'Research Data Management Essentials';
    const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])], { type: 'image/jpeg' });
    const items = [item({ kind: 'other', name: 'photo of certificate.jpg', course: name, data: jpeg })];
    const review = reviewRoleSpecific(name, [], { items });
    const out = await pack([review], items, [], { address: 'research-data@ucl.ac.uk' });
    expect(out.mail.to?.[0]?.address).toBe('research-data@ucl.ac.uk');
    expect(out.mail.subject).toBe(`Mandatory Training (${name}) completion issue`);
    expect(out.mail.attachments.map((a) => a.mimeType)).toEqual(['image/jpeg', 'text/csv']);
    expect(out.names.some((n) => /^screenshots\/.+\.jpg$/.test(n))).toBe(true);
    expect(out.manifest.missing.map((m) => m.reason)).toContain('no certificate was added; a screenshot is attached instead');
  });
});
