/**
 * Motion preferences for scripts: CSS handles transitions and animations
 * (styles/reduced-motion.css), but `scrollIntoView({ behavior: 'smooth' })` and
 * `scrollTo` take their behaviour from the caller.
 */

/** True when the person asked for reduced motion (system setting). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** 'auto' (instant) under reduced motion, else 'smooth': pass as `behavior` when scrolling. */
export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? 'auto' : 'smooth';
}
