import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import { initI18n } from '../app/i18n';
import { PortalApp } from './PortalApp';

initI18n();
const root = document.getElementById('root');
if (root) createRoot(root).render(<PortalApp />);
