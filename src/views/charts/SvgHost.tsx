import { useLayoutEffect, useRef } from 'react';

/** Mounts an element built by a pure chart function (Plot or d3) into React's tree. */
export function SvgHost({ element, className }: { element: Element | null; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(...(element ? [element] : []));
  }, [element]);
  return <div ref={ref} className={className} />;
}
