import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { ApiError } from './api/client';
import { App } from './app';
import { I18nProvider } from './i18n';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) will not change by asking again; only unreachable moments are retried.
    queries: { retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500), refetchOnWindowFocus: true, staleTime: 5_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <I18nProvider>
        <Router base="/console">
          <App />
        </Router>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
