/**
 * Up to this width (theme.css, `.layout`) the Kompas stands beside the map on a tablet or below it on a phone, both
 * long panels whose heading a choice on the map or in the list may leave out of sight: a tablet or phone user would not
 * know anything happened.
 */
export const STACKED_LAYOUT = '(max-width: 1100px)';

/**
 * Brings the newly chosen area's Kompas to the user: on a tablet or phone its heading gets focus (a screen reader
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
