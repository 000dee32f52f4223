/**
 * Where the layout stacks the Kompas below the map (theme.css, `.layout` at this width), choosing an area on the map
 * or in the list would change a panel out of sight: a tablet user would not know anything happened.
 */
export const STACKED_LAYOUT = '(max-width: 1100px)';

/**
 * Brings the newly chosen area's Kompas to the user: on a stacked layout its heading gets focus (a screen reader
 * reads the area's name) and scrolls to the top unless it is in the upper half of the screen already.
 * Returns whether it did; beside the map (wide screens) focus stays where the user is choosing.
 */
export function revealKompas(): boolean {
  const heading = document.getElementById('kompas-title');
  if (!heading || !window.matchMedia(STACKED_LAYOUT).matches) return false;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  const top = heading.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight / 2) heading.scrollIntoView({ block: 'start' });
  return true;
}
