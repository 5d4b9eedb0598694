import { render } from 'preact';
import '@/components/theme.css';
import '@/components/welcome/welcome.css';
import { WelcomePage } from '@/components/welcome/WelcomePage';

render(<WelcomePage />, document.getElementById('app')!);
