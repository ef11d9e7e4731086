/**
 * SVG icon paths (24x24, stroked with currentColor), so no icon depends on a colour-emoji
 * font being installed. Each entry is one or more path `d` strings.
 */
export const ICONS = {
  play: ['M7 5v14l12-7z'],
  pause: ['M8 5v14', 'M16 5v14'],
  step: ['M6 5v14l9-7z', 'M18 5v14'],
  restart: ['M4 12a8 8 0 1 0 2.4-5.7', 'M4 4v4h4'],
  logo: ['M4 6h16v10H4z', 'M9 20h6', 'M12 16v4', 'M10 9v4l4-2z'],
  sun: ['M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8', 'M12 2v2', 'M12 20v2', 'M2 12h2', 'M20 12h2', 'M4.9 4.9l1.4 1.4', 'M17.7 17.7l1.4 1.4', 'M4.9 19.1l1.4-1.4', 'M17.7 6.3l1.4-1.4'],
  moon: ['M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z'],
  like: ['M7 11v9H4v-9z', 'M7 11l4-7c1.5 0 2.5 1 2 3l-1 3h6a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 16.8 20H7'],
  share: ['M14 5l6 6-6 6', 'M20 11H10a6 6 0 0 0-6 6v2'],
  comment: ['M4 5h16v11H9l-5 4z'],
  watch: ['M2 12s3.5-6 10-6 10 6 10 6-3.5 6-10 6S2 12 2 12z', 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6'],
  skip: ['M5 5l8 7-8 7z', 'M13 5l8 7-8 7z'],
  leave: ['M14 4h5v16h-5', 'M10 8l-4 4 4 4', 'M6 12h10'],
  user: ['M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8', 'M4 21c0-4 3.6-7 8-7s8 3 8 7'],
  robot: ['M5 8h14v11H5z', 'M12 4v4', 'M9 13h.01', 'M15 13h.01', 'M9 16h6'],
  settings: ['M4 6h10', 'M18 6h2', 'M4 12h4', 'M12 12h8', 'M4 18h12', 'M20 18h0', 'M16 4v4', 'M10 10v4', 'M18 16v4'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  dice: ['M5 5h14v14H5z', 'M9 9h.01', 'M15 15h.01', 'M12 12h.01'],
  mic: ['M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  info: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M12 11v6', 'M12 7.5v.01'],
  menu: ['M4 6h16', 'M4 12h16', 'M4 18h16'],
  back: ['M15 5l-7 7 7 7'],
  next: ['M9 5l7 7-7 7'],
  trash: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13'],
  download: ['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14'],
  warn: ['M12 3l10 18H2z', 'M12 10v5', 'M12 18v.01'],
  end: ['M6 6l12 12', 'M18 6L6 18'],
} as const;

/** Names of the available icons. */
export type IconName = keyof typeof ICONS;
