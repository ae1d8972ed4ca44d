import 'antd/dist/reset.css';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp';
import { initI18n } from './i18n';

initI18n();
const root = document.getElementById('root');
if (root) createRoot(root).render(<ConsoleApp />);
