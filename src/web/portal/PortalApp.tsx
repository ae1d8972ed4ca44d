import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Providers } from '../app/Providers';
import { PortalLayout } from './PortalLayout';
import { ReceiptPage } from './ReceiptPage';
import { SubmitPage } from './SubmitPage';
import { TrackPage } from './TrackPage';

/** The customer portal (issue 4): no login; submit, receipt and tracking, mobile first. */
export const PortalApp = () => (
  <Providers>
    <BrowserRouter basename="/portal">
      <PortalLayout>
        <Routes>
          <Route path="/" element={<SubmitPage />} />
          <Route path="/receipt" element={<ReceiptPage />} />
          <Route path="/track" element={<TrackPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </PortalLayout>
    </BrowserRouter>
  </Providers>
);
