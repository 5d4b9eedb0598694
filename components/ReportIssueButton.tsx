import { useState } from 'preact/hooks';
import { openFlowTab, type FlowStart } from '@/utils/evidence/flow-tab';
import { errorText } from '@/utils/errors';
import { inToolbarPopup } from './toolbar';

/**
 * "My completion isn't recorded" beside a course (docs/contract.md, "Completion-issue flow"): opens the
 * flow page for it, where the evidence is collected, checked and downloaded.
 */
export function ReportIssueButton({ course, from }: { course: string; from: FlowStart }) {
  const [problem, setProblem] = useState<string | null>(null);
  const start = async () => {
    try {
      await openFlowTab({ courses: [course], from });
      // The toolbar popup has done its part; the flow has a tab of its own.
      if (from === 'popup' && inToolbarPopup()) window.close();
    } catch (error) {
      setProblem(`The page could not be opened (${errorText(error)}). Try again.`);
    }
  };
  return (
    <>
      <button type="button" class="link" style={{ display: 'inline', padding: 0 }} data-mtc-action="report-issue" data-mtc-course={course} onClick={() => void start()}>
        My completion isn’t recorded<span class="visually-hidden"> for {course}</span>
      </button>
      {problem && <span class="error" role="alert" style={{ display: 'block' }}>{problem}</span>}
    </>
  );
}
