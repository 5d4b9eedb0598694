import { render } from 'preact';
import '@/components/theme.css';
import '@/components/team/team.css';
import { TeamPage } from '@/components/team/TeamPage';

render(<TeamPage />, document.getElementById('app')!);
