import { useEffect, useState } from 'react';

/** Whether the element is wider inside than it shows, kept up to date as it is resized. */
export function useOverflow(box: { current: HTMLElement | null }): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return overflows;
}
