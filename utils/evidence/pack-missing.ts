// Per course in the email: what is attached for it and what is missing and why (docs/contract.md,
// "Completion-issue flow"). The collector's reasons come first; where it gave none, the builder says
// what the files show. Nothing is "missing" without a reason, and nothing attached is called missing.
import type { CollectedFiles, NamedCertificate } from './pack-files';
import type { EvidenceCourse, EvidenceFailure, EvidencePackInput, EvidencePiece, EvidenceScreenshot, MissingEvidence, MissingPiece } from './pack-input';

export interface CourseFindings {
  course: EvidenceCourse;
  certificates: NamedCertificate[];
  screenshots: (EvidenceScreenshot & { name: string })[];
  /** In the order completion record, certificate, training history. */
  missing: MissingPiece[];
}

export interface Findings {
  courses: CourseFindings[];
  missing: MissingEvidence[];
  /** Failures already said beside a course: the email does not list them twice. */
  said: Set<EvidenceFailure>;
}

/**
 * A certificate belongs to the course of the same name; the file name links it only when its course
 * is none of the courses in the issue (file names such as "certificate.pdf" are often shared).
 */
export function certificatesFor(course: EvidenceCourse, certificates: NamedCertificate[], courses: readonly EvidenceCourse[]): NamedCertificate[] {
  return certificates.filter(
    (c) =>
      c.cert.course === course.name ||
      (course.certificateFiles.includes(c.cert.fileName) && !courses.some((other) => other.name === c.cert.course)),
  );
}

/** The LearnUpon training history is evidence for LearnUpon courses in the catalogue only. */
export const historyApplies = (course: EvidenceCourse) => (course.platform ?? 'learnupon') === 'learnupon' && !course.roleSpecific;

const PLATFORM_NAME = { learnupon: 'LearnUpon', cybsafe: 'CybSafe' } as const;

function defaultCertificateReason(course: EvidenceCourse, hasScreenshot: boolean): string {
  if (hasScreenshot) return 'no certificate is held; a screenshot is attached instead';
  const platform = course.platform ?? 'learnupon';
  if (platform === 'other' || course.roleSpecific) return 'no certificate or screenshot for this course was added to the evidence locker';
  return `no certificate for this course is held: none was fetched from ${PLATFORM_NAME[platform]} or added to the evidence locker`;
}

export function findMissing(input: EvidencePackInput, collected: CollectedFiles): Findings {
  const said = new Set<EvidenceFailure>();
  const failureFor = (test: (what: string) => boolean): string | null => {
    const found = input.failures.filter((f) => test(f.what));
    found.forEach((f) => said.add(f));
    return found[0]?.reason ?? null;
  };
  // Failures this builder found itself (unusable files) are said with the course too.
  const builderFailures = collected.failures.slice(input.failures.length);

  const courses = input.courses.map((course): CourseFindings => {
    const given = (piece: EvidencePiece) => course.missing?.find((m) => m.evidence === piece)?.reason ?? null;
    const certificates = certificatesFor(course, collected.certificates, input.courses);
    const screenshots = collected.screenshots.filter((s) => s.course === course.name);
    const missing: MissingPiece[] = [];

    if (course.completedOn === null) {
      missing.push({ evidence: 'completion-record', reason: given('completion-record') ?? 'no completion date for this course is on record in the extension' });
    }

    if (certificates.length === 0) {
      const isCertFor = (what: string) => what === `Certificate for ${course.name}` || what.startsWith(`Certificate for ${course.name} (`);
      builderFailures.filter((f) => isCertFor(f.what)).forEach((f) => said.add(f));
      const reason =
        given('certificate') ?? collected.certificateProblems.get(course.name) ?? failureFor(isCertFor) ?? defaultCertificateReason(course, screenshots.length > 0);
      missing.push({ evidence: 'certificate', reason });
    }

    if (historyApplies(course) && !collected.history) {
      const isHistory = (what: string) => /^training history/i.test(what);
      builderFailures.filter((f) => isHistory(f.what)).forEach((f) => said.add(f));
      const why = given('training-history') ?? collected.historyProblem ?? input.historyMissing ?? failureFor(isHistory) ?? 'the training history spreadsheet was not fetched from LearnUpon';
      missing.push({ evidence: 'training-history', reason: `${why}; training-history.csv, the records the extension holds, is attached in its place` });
    }
    return { course, certificates, screenshots, missing };
  });

  return { courses, missing: courses.flatMap((c) => c.missing.map((m) => ({ course: c.course.name, ...m }))), said };
}
