import type { StepId, StepReport, StepState } from '@/utils/evidence/flow-collect';

const STATE_WORDS: Record<StepState, string> = { waiting: 'Waiting', working: 'Working…', done: 'Done', reused: 'Reused', problem: 'Problem' };

export const STEP_TITLES: Record<StepId | 'completion', string> = {
  'learnupon-certificates': 'Certificates from LearnUpon',
  'learnupon-history': 'Training history file from LearnUpon',
  'cybsafe-certificate': 'CCSA certificate from CybSafe',
  completion: 'Completion record',
};

export type ShownStep = Omit<StepReport, 'id'> & { id: StepId | 'completion' };

/** Each step of the collection with its state in words (never colour alone) and what came of it. */
export function CollectSteps({ steps }: { steps: ShownStep[] }) {
  return (
    <ol class="steps" data-mtc-flow="steps">
      {steps.map((step) => (
        <li key={step.id} data-mtc-step={step.id} data-mtc-step-state={step.state}>
          <span class={`step-mark ${step.state}`}>{STATE_WORDS[step.state]}</span>
          <span>
            <strong>{STEP_TITLES[step.id]}</strong>: {step.text}
          </span>
        </li>
      ))}
    </ol>
  );
}
