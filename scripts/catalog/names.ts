/** Names for friend suggestions (first name and last initial, as a feed shows them). */
export const FRIEND_NAMES: string[] = [
  'Jordan M.', 'Priya N.', 'Luis G.', 'Keisha W.', 'Tommy L.', 'Ana S.', 'Marcus J.', 'Mei C.',
  'Diego R.', 'Hannah K.', 'Omar F.', 'Grace P.', 'Ravi T.', 'Lupe H.', 'Chris O.', 'Nina B.',
  'Samir A.', 'Jess D.', 'Kenji Y.', 'Talia E.', 'Andre V.', 'Rosa Q.', 'Ben Z.', 'Ivy U.',
];
