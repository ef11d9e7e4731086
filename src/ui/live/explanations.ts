/**
 * What each number and colour of the live view and the leaderboard means, in one or two
 * sentences for a class (shown by the Explain popovers).
 */
export const EXPLAIN = {
  satisfaction:
    'How pleased the user is right now, from 0 (fed up) to 1 (delighted). Items she likes and engages with raise it; skips, repeats of a tired topic and items far from her interests drain it. Below about 0.35 she starts thinking about leaving.',
  timeLeft:
    'Time the user is willing to spend in this session: her time budget minus what she has spent watching (and a few seconds per skipped item). The context (time of day, device) changes the budget. At zero she leaves, content.',
  satisfactionChart: 'Satisfaction (green) and the share of the time budget left (teal) after each item, so you can see where the session turned.',
  interests:
    'Her interest in each topic (0 to 1). Numbers in green are above where she started (an item she enjoyed pulled them up), red below (she is tiring of the topic or skipped it). Grey: unchanged.',
  watchTime: 'Total seconds watched so far in this session, item after item: the main reward a platform optimises.',
  actions: 'What she did with the items of each list: watches, likes, comments, shares, clicks, skips. More engaged actions per list means the list fitted her better.',
  returns:
    'The simulated chance that she comes back for another session, and roughly when. It grows with satisfaction and engagement at the end of the session: a proxy for retention (daily active users).',
  engaged: 'Likes, comments, shares and clicks added up: actions beyond just watching.',
  sessionLength: 'Seconds in the session: watching plus a few seconds per skipped item.',
  rewards: 'The session\'s outcome as an evaluation would score it. The same numbers are stored in the history and used by Compare and the leaderboard.',
  timeline: 'One dot per item: teal watched, grey skipped, red where she left. A speech bubble marks an instruction, a cross the end.',
  watchBar: 'Seconds she watched, against the item\'s length.',
} as const;
