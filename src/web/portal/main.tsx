import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import { setApiCredentials } from '../app/api-client';
import { initI18n, registerMessages } from '../app/i18n';
import { portalMessages } from './portal.i18n';
import { PortalApp } from './PortalApp';

setApiCredentials('omit');
initI18n();
registerMessages('portal', portalMessages);
const root = document.getElementById('root');
if (root) createRoot(root).render(<PortalApp />);
