import { render } from 'preact';
import '@/components/theme.css';
import { ReportFlow } from '@/components/flow/ReportFlow';

render(<ReportFlow />, document.getElementById('app')!);
