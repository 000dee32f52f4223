// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../src/app/i18n/index.tsx';
import { isChunkLoadError, ViewErrorBoundary } from '../../src/app/ViewErrorBoundary.tsx';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken({ error }: { error: Error }): never {
  throw error;
}

describe('ViewErrorBoundary', () => {
  const dom = domHost();
  const show = (error: Error) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs the caught error
    act(() =>
      dom.root.render(
        <I18nProvider lang="nl">
          <nav>menu</nav>
          <ViewErrorBoundary>
            <Broken error={error} />
          </ViewErrorBoundary>
        </I18nProvider>,
      ),
    );
  };

  it('keeps the page: a render error shows a message and a reload button, the rest stays', () => {
    show(new Error('kapot'));
    expect(dom.host.querySelector('nav')?.textContent).toBe('menu');
    const alert = dom.host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Deze weergave kon niet worden getoond');
    expect(alert.textContent).toContain('kapot');
    expect(alert.querySelector('button')?.textContent).toBe('Pagina opnieuw laden');
  });

  it('says a new version is out when a lazily loaded view no longer exists on the server', () => {
    const error = new TypeError('Failed to fetch dynamically imported module: /assets/VerkennenPage-abc.js');
    expect(isChunkLoadError(error)).toBe(true);
    show(error);
    expect(dom.host.querySelector('[role="alert"]')?.textContent).toContain('nieuwe versie');
  });
});
