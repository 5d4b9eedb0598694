import { render } from 'preact';
import '@/components/theme.css';
import { Popup } from '@/components/Popup';

render(<Popup />, document.getElementById('app')!);
