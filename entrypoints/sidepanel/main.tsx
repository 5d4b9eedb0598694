import { render } from 'preact';
import '@/components/theme.css';
import { SidePanel } from '@/components/SidePanel';

render(<SidePanel />, document.getElementById('app')!);
