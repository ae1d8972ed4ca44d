import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import { setApiCredentials } from '../app/api-client';
import { initI18n } from '../app/i18n';
import { PortalApp } from './PortalApp';

setApiCredentials('omit');
initI18n();
const root = document.getElementById('root');
if (root) createRoot(root).render(<PortalApp />);
