/** Lexicon: combat sports, motorsport and ball sports. */
import type { TopicLex } from './lexicon-types';

export const SPORTS_TOPICS: TopicLex[] = [
  {
    id: 'ufc', label: 'UFC', related: ['bjj', 'boxing', 'mma-training'], weight: 1.5,
    tags: ['ufc', 'mma'],
    places: ['Las Vegas, NV', 'Abu Dhabi, UAE', 'Rio de Janeiro, Brazil', 'San Jose, CA'],
    slots: {
      fighter: ['the champ', 'the lightweight contender', 'the Brazilian southpaw', 'the Dagestani wrestler', 'the Bay Area prospect', 'the former champion'],
      card: ['UFC Fight Night', 'UFC 319', 'UFC 320', 'the Abu Dhabi card', 'the Vegas main card', 'Noche UFC'],
      weightclass: ['lightweight', 'welterweight', 'bantamweight', 'flyweight', 'heavyweight', 'middleweight'],
    },
    subtopics: [
      { id: 'fight-night', label: 'fight night', tags: ['ufcfightnight', 'fightnight'], titles: [
        'UFC Fight Night: main event breakdown',
        '{card}: every finish in {min} minutes',
        '{card} results and what comes next for the {weightclass} division',
        'Walkout to the octagon at {card}: the crowd was unreal',
        'Watch party in {city} for {card}',
      ] },
      { id: 'breakdowns', label: 'fight breakdowns', tags: ['fightbreakdown', 'mmaanalysis'], titles: [
        'How {fighter} wins this fight: a film study',
        'The {n} habits that got {fighter} knocked out',
        'Why {fighter} keeps landing the calf kick',
        '{weightclass} rankings after {card}, explained',
      ] },
      { id: 'weigh-ins', label: 'weigh-ins and press', tags: ['weighins', 'ufcpress'], titles: [
        'Weigh-in drama ahead of {card}',
        'Press conference face-off: {fighter} would not blink',
        'Missing weight by {n} pounds: what happens now',
      ] },
      { id: 'highlights', label: 'highlights', tags: ['knockout', 'ufchighlights'], titles: [
        'Spinning back fist KO from {card}, slowed down',
        '{n} submissions of the year so far',
        'Fastest finish in {weightclass} history?',
      ] },
    ],
    descriptions: [
      '{creator} breaks down {card}: the game plans, the key exchanges and what it means for the {weightclass} division.',
      'Every big moment from {sub}, with slow-motion replays and honest takes.',
      'Fight fans, this one is for you: {fighter} at {card}.',
      'Quick recap of {sub} for anyone who missed the live broadcast.',
    ],
    creators: ['Octagon Insider', 'Cage Side Carla', 'MMA Film Room', 'Fight Night Fam', 'Knockout Kenji'],
  },
  {
    id: 'bjj', label: 'Brazilian jiu-jitsu', related: ['ufc', 'mma-training', 'fitness'],
    tags: ['bjj', 'jiujitsu'],
    places: ['San Diego, CA', 'Rio de Janeiro, Brazil', 'Austin, TX'],
    slots: {
      position: ['closed guard', 'half guard', 'back mount', 'de la Riva', 'side control', 'the turtle'],
      submission: ['armbar', 'triangle', 'rear-naked choke', 'heel hook', 'kimura', 'bow-and-arrow choke'],
      belt: ['white belt', 'blue belt', 'purple belt', 'brown belt'],
    },
    subtopics: [
      { id: 'technique', label: 'BJJ technique', tags: ['bjjtechnique', 'grappling'], titles: [
        'A {submission} from {position} that works on bigger people',
        '{n} escapes from {position} every {belt} should know',
        'The {submission} detail my coach made me drill {n} hundred times',
      ] },
      { id: 'competition', label: 'BJJ competition', tags: ['bjjcomp', 'ibjjf'], titles: [
        'My first tournament as a {belt}: every match',
        'Gold at the {city} Open by {submission}',
        'Competition nerves and how I finally beat them',
      ] },
      { id: 'gym-life', label: 'gym life', tags: ['bjjlife', 'rolling'], titles: [
        'Types of people at every BJJ open mat',
        'Rolling with a black belt as a {belt}',
        'Getting my {belt} after {n} years',
      ] },
    ],
    descriptions: [
      '{creator} shows a clean {submission} from {position}, step by step.',
      'Honest {sub} notes from the mats: what worked, what did not, and why.',
      'A short lesson on {position} for anyone from {belt} up.',
    ],
    creators: ['Oakland Jiu-Jitsu Collective', 'Guard Game Gabi', 'Coach Tiago Rolls', 'Mat Notes'],
  },
  {
    id: 'boxing', label: 'Boxing', related: ['ufc', 'mma-training', 'fitness', 'history'],
    tags: ['boxing', 'boxer'],
    places: ['Las Vegas, NV', 'Philadelphia, PA', 'London, UK', 'Mexico City, Mexico'],
    slots: {
      punch: ['jab', 'left hook', 'uppercut', 'overhand right', 'body shot', 'check hook'],
      era: ['the 70s', 'the 80s', 'the 90s', 'the 2000s'],
    },
    subtopics: [
      { id: 'bouts', label: 'fights', tags: ['boxingnews', 'titlefight'], titles: [
        'Title fight recap: {n} rounds of war',
        'The {punch} that ended it, frame by frame',
        'Undercard gem from {city} you missed',
      ] },
      { id: 'training', label: 'boxing training', tags: ['boxingtraining', 'heavybag'], titles: [
        '{min}-minute heavy bag workout',
        'Fixing my {punch} with an old-school trainer',
        'Footwork drills for {n} rounds straight',
      ] },
      { id: 'history', label: 'boxing history', tags: ['boxinghistory', 'legends'], titles: [
        'The greatest {punch} of {era}',
        'Why the heavyweights of {era} were different',
        'Old gym in {city} that trained {n} champions',
      ] },
    ],
    descriptions: [
      '{creator} breaks down the {punch}: setup, timing and how to use it.',
      'A quick look at {sub}, from the gym floor to fight night.',
      'Gloves up: a short clip about {sub} and the people who live it.',
    ],
    creators: ['Ringside Rosa', 'Southpaw Sessions', 'Old School Boxing Gym', 'Jab Lab'],
  },
  {
    id: 'mma-training', label: 'MMA training', related: ['ufc', 'bjj', 'boxing', 'fitness'],
    tags: ['mmatraining', 'fightcamp'],
    places: ['Albuquerque, NM', 'San Jose, CA', 'Las Vegas, NV'],
    slots: {
      drill: ['sprawl drills', 'pad work', 'cage wrestling', 'clinch knees', 'sparring rounds', 'roadwork'],
    },
    subtopics: [
      { id: 'conditioning', label: 'fight conditioning', tags: ['conditioning', 'cardio'], titles: [
        'Fight-camp conditioning: {n} rounds of {drill}',
        'The {min}-minute circuit pros use before camp',
        'Weight cut week: what I eat, day by day',
      ] },
      { id: 'striking', label: 'striking', tags: ['muaythai', 'kickboxing'], titles: [
        '{drill} with a former UFC fighter',
        'Teep, jab, low kick: a {min}-minute combo class',
        '{n} Muay Thai habits that transfer to MMA',
      ] },
      { id: 'sparring', label: 'sparring', tags: ['sparring', 'fightgym'], titles: [
        'Hard sparring day at a {city} fight gym',
        'Rules of sparring nobody writes down',
        'First time doing {drill} and I was cooked',
      ] },
    ],
    descriptions: [
      '{creator} runs {drill} the way a real fight camp does.',
      'What {sub} looks like week by week in an amateur fight camp.',
      'Sweat, tape and {drill}: a day inside a fight gym.',
    ],
    creators: ['Camp Grind', 'Coach Mo Fights', 'Cage Cardio', 'The Fight Lab SJ'],
  },
  {
    id: 'f1', label: 'Formula 1', related: ['cars', 'tech', 'travel'], weight: 1.2,
    tags: ['f1', 'formula1'],
    places: ['Monaco', 'Austin, TX', 'Miami, FL', 'Silverstone, UK', 'Las Vegas, NV'],
    slots: {
      gp: ['the Monaco Grand Prix', 'the Italian Grand Prix', 'the Singapore Grand Prix', 'the US Grand Prix', 'the Dutch Grand Prix', 'the Las Vegas Grand Prix'],
      team: ['McLaren', 'Ferrari', 'Red Bull', 'Mercedes', 'Williams', 'Aston Martin'],
    },
    subtopics: [
      { id: 'race-weekend', label: 'race weekend', tags: ['grandprix', 'f1race'], titles: [
        'Every overtake from {gp} in {min} minutes',
        'Qualifying at {gp}: the lap that changed everything',
        'Race recap: {team} gambles on strategy at {gp}',
        'Grandstand view of {gp}: was it worth $1,200?',
      ] },
      { id: 'tech', label: 'F1 tech', tags: ['f1tech', 'aero'], titles: [
        'Why {team} brought a new floor to {gp}',
        'How a {n}-second pit stop actually works',
        'DRS, ground effect and dirty air, explained simply',
      ] },
      { id: 'drivers', label: 'drivers and teams', tags: ['f1drivers', 'paddock'], titles: [
        'Team radio from {gp} that broke the internet',
        'The {team} driver market is heating up',
        '{n} rookies who could be world champions',
      ] },
    ],
    descriptions: [
      '{creator} recaps {gp}: strategy calls, tyre choices and the moments that mattered.',
      'A quick, nerdy dive into {sub} for new and old F1 fans alike.',
      'Lights out and away we go: {team} at {gp}.',
    ],
    creators: ['Pit Wall Priya', 'Box Box Podcast', 'Apex Analysis', 'Grid Walk Giulia'],
  },
  {
    id: 'cars', label: 'Cars', related: ['f1', 'diy', 'tech'],
    tags: ['cars', 'carsoftiktok'],
    places: ['Los Angeles, CA', 'Detroit, MI', 'Tokyo, Japan', 'San Jose, CA'],
    slots: {
      car: ['an E30 BMW', 'a Miata', 'a Civic Type R', 'a Tacoma', 'a Model 3', 'a 1969 Camaro', 'an old Land Cruiser'],
    },
    subtopics: [
      { id: 'builds', label: 'car builds', tags: ['projectcar', 'carbuild'], titles: [
        'Project car: {car} gets a new heart',
        '${n},000 into {car}, was it worth it?',
        'Swapping the clutch on {car} in my driveway',
      ] },
      { id: 'reviews', label: 'car reviews', tags: ['carreview', 'testdrive'], titles: [
        'Living with {car} for {n} months',
        'Is {car} still worth buying in 2025?',
        '{n} things I hate about {car}',
      ] },
      { id: 'meets', label: 'car meets', tags: ['carmeet', 'carculture'], titles: [
        'Sunday car meet in {city}: best builds',
        'Canyon run at sunrise in {car}',
        'Cars and coffee in {city}: {n} cars you never see',
      ] },
    ],
    descriptions: [
      '{creator} spends a week with {car} and shares the good, the bad and the expensive.',
      'Grease, torque wrenches and {car}: {sub} done at home.',
      'A short tour of {sub} with the owners who love them.',
    ],
    creators: ['Driveway Garage', 'Torque Talk Tina', 'JDM Jay', 'Sunday Cars & Coffee'],
  },
  {
    id: 'basketball', label: 'Basketball', related: ['soccer', 'fitness', 'comedy'],
    tags: ['basketball', 'nba'],
    places: ['San Francisco, CA', 'Los Angeles, CA', 'New York, NY', 'Chicago, IL'],
    slots: {
      player: ['the Warriors\' point guard', 'a rookie big man', 'the MVP favourite', 'a 40-year-old legend', 'a G-League call-up'],
    },
    subtopics: [
      { id: 'nba', label: 'NBA', tags: ['warriors', 'nbahighlights'], titles: [
        'How {player} scored {n} points in a quarter',
        'Warriors film room: the play that won the game',
        'Trade deadline winners and losers',
      ] },
      { id: 'pickup', label: 'pickup basketball', tags: ['pickupgame', 'streetball'], titles: [
        'Pickup at the {city} rec center: {n} games, no subs',
        'I played 1v1 against a D1 guard',
        'Streetball handles in {min} seconds',
      ] },
      { id: 'skills', label: 'skills training', tags: ['hooper', 'shootingform'], titles: [
        'Fix your jump shot in {min} minutes',
        '{n} finishing moves every guard needs',
        'Footwork drill {player} swears by',
      ] },
    ],
    descriptions: [
      '{creator} breaks down {player} and the details that make the difference.',
      'A quick session on {sub} you can take to your next run.',
      'Hoops talk from {city}: highlights, hot takes and a little trash talk.',
    ],
    creators: ['Dub Nation Daily', 'Blacktop Brandon', 'Shot Doctor', 'Hoops Breakdown'],
  },
  {
    id: 'soccer', label: 'Soccer', related: ['basketball', 'fitness', 'travel'],
    tags: ['soccer', 'football'],
    places: ['London, UK', 'Madrid, Spain', 'San Jose, CA', 'Mexico City, Mexico'],
    slots: {
      club: ['Arsenal', 'the Earthquakes', 'Real Madrid', 'Liverpool', 'Bay FC', 'Club América'],
    },
    subtopics: [
      { id: 'leagues', label: 'league football', tags: ['premierleague', 'mls'], titles: [
        '{club} tactics: why the press works',
        '{n} goals from the weekend you need to see',
        'Matchday in {city} with {club} fans',
      ] },
      { id: 'skills', label: 'soccer skills', tags: ['footballskills', 'freestyle'], titles: [
        'Learn this {min}-second skill move',
        'First touch drills with one ball and a wall',
        '{n} freekick techniques, ranked',
      ] },
      { id: 'sunday-league', label: 'Sunday league', tags: ['sundayleague', 'grassroots'], titles: [
        'Sunday league in {city}: we lost {n}-0 and loved it',
        'Goalkeeper POV: a full Sunday league match',
        'Types of players in every Sunday league team',
      ] },
    ],
    descriptions: [
      '{creator} looks at {club} and the ideas behind the results.',
      'Short and practical: {sub} for players and fans.',
      'Muddy boots and big feelings: {sub} in {city}.',
    ],
    creators: ['Tactics Board Tom', 'Bay FC Fan Cam', 'Freestyle Fatima', 'Sunday League Stories'],
  },
];
