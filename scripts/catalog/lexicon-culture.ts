/** Lexicon: travel, tech, entertainment, hobbies, money, knowledge and local news. */
import type { TopicLex } from './lexicon-types';

export const CULTURE_TOPICS: TopicLex[] = [
  {
    id: 'travel', label: 'Travel', related: ['photography', 'cooking', 'hiking', 'surfing'],
    tags: ['travel', 'traveltok'],
    places: ['Tokyo, Japan', 'Lisbon, Portugal', 'Mexico City, Mexico', 'Honolulu, HI', 'New York, NY'],
    slots: {
      dest: ['Tokyo', 'Lisbon', 'Oaxaca', 'Kyoto', 'Iceland', 'Big Sur', 'Vancouver', 'Seoul'],
    },
    subtopics: [
      { id: 'city-guides', label: 'city guides', tags: ['cityguide', 'thingstodo'], titles: [
        '{n} days in {dest}: the full itinerary',
        'What I would skip in {dest}',
        'First time in {dest}? Watch this first',
      ] },
      { id: 'budget', label: 'budget travel', tags: ['budgettravel', 'backpacker'], titles: [
        '{dest} on $50 a day',
        'How I fly cheap from SFO',
        'Hostel vs hotel in {dest}: real costs',
      ] },
      { id: 'hidden-gems', label: 'hidden gems', tags: ['hiddengems', 'offthebeatenpath'], titles: [
        'A hidden beach near {dest} with nobody on it',
        '{n} places locals in {dest} do not want you to find',
        'The best meal I had in {dest} cost $4',
      ] },
    ],
    descriptions: [
      '{creator} spends {n} days in {dest} and shares the plan, the costs and the surprises.',
      'Practical {sub} notes for your next trip to {dest}.',
      'Packed bags and good food: a short film from {dest}.',
    ],
    creators: ['Carry-On Camila', 'SFO Departures', 'Slow Travel Sam', 'Passport Pablo'],
  },
  {
    id: 'tech', label: 'Tech', related: ['gaming', 'science', 'finance', 'f1'],
    tags: ['tech', 'techtok'],
    places: ['San Francisco, CA', 'San Jose, CA', 'Palo Alto, CA', 'Seattle, WA', 'Berkeley, CA'],
    slots: {
      gadget: ['a folding phone', 'the new MacBook', 'a $30 smartwatch', 'AR glasses', 'a mechanical keyboard', 'a home server'],
    },
    subtopics: [
      { id: 'gadgets', label: 'gadgets', tags: ['gadgets', 'unboxing'], titles: [
        'I used {gadget} for {n} days',
        'Unboxing {gadget}: first impressions',
        '{n} gadgets under $50 that are actually useful',
      ] },
      { id: 'ai', label: 'AI', tags: ['ai', 'machinelearning'], titles: [
        'I let an AI plan my week in {city}',
        'How recommendation algorithms decide what you see',
        '{n} AI tools I use every day at work',
      ] },
      { id: 'programming', label: 'programming', tags: ['coding', 'softwareengineer'], titles: [
        'Day in the life of a software engineer in {city}',
        'I built an app in {min} minutes with TypeScript',
        '{n} coding habits senior engineers have',
      ] },
    ],
    descriptions: [
      '{creator} tests {gadget} in daily life and says whether it is worth it.',
      'A clear, short explainer on {sub} from someone who works in it.',
      'Tech news without the hype: {sub} in {min} minutes.',
    ],
    creators: ['Byte Size Bay', 'Gadget Gabe', 'Dev Diaries Divya', 'The Silicon Valley Skeptic'],
  },
  {
    id: 'gaming', label: 'Gaming', related: ['tech', 'anime', 'comedy'],
    tags: ['gaming', 'gamer'],
    places: ['Los Angeles, CA', 'Seoul, South Korea', 'San Francisco, CA'],
    slots: {
      game: ['an open-world RPG', 'a soulslike', 'a tactical shooter', 'a cozy farming sim', 'a battle royale', 'a roguelike'],
    },
    subtopics: [
      { id: 'esports', label: 'esports', tags: ['esports', 'competitive'], titles: [
        'Esports finals in {city}: the comeback',
        'The {n}-minute round that won the championship',
        'Pro player reacts to my gameplay',
      ] },
      { id: 'speedruns', label: 'speedruns', tags: ['speedrun', 'worldrecord'], titles: [
        'New world record in {game} explained',
        'Speedrunning {game} in under {min} minutes',
        '{n} glitches speedrunners rely on',
      ] },
      { id: 'reviews', label: 'game reviews', tags: ['gamereview', 'indiegames'], titles: [
        'Is {game} worth $70?',
        '{n} hours into {game}: my honest review',
        'Hidden indie gem: {game} from a two-person studio',
      ] },
    ],
    descriptions: [
      '{creator} plays {game} and shares the highlights and the frustrations.',
      'Quick {sub} content for players who want to get better.',
      'Controller in hand: {sub} with a bit of commentary.',
    ],
    creators: ['Pixel Pilot', 'Speedrun Sofia', 'Couch Co-op Crew', 'GG Gary'],
  },
  {
    id: 'music', label: 'Music', related: ['dance', 'comedy', 'photography'],
    tags: ['music', 'musician'],
    places: ['Los Angeles, CA', 'Nashville, TN', 'Oakland, CA', 'London, UK'],
    slots: {
      instrument: ['guitar', 'piano', 'drums', 'violin', 'bass', 'a drum machine'],
      genre: ['Bay Area hip-hop', 'lo-fi', 'jazz', 'indie rock', 'R&B', 'bluegrass'],
    },
    subtopics: [
      { id: 'covers', label: 'covers', tags: ['cover', 'acoustic'], titles: [
        'Acoustic cover on {instrument} at {hour}',
        'Playing {genre} on {instrument} for strangers in {city}',
        '{n} songs you can learn in a weekend',
      ] },
      { id: 'live', label: 'live music', tags: ['livemusic', 'concert'], titles: [
        'Front row at a {genre} show in {city}',
        'Small venue, huge sound: {genre} night',
        'Busking in {city} for {n} hours: what I made',
      ] },
      { id: 'production', label: 'music production', tags: ['producer', 'beatmaking'], titles: [
        '{genre} beat from scratch in {min} minutes',
        'Sampling a vinyl from a {city} record store',
        'Mixing tips that fixed my {genre} tracks',
      ] },
    ],
    descriptions: [
      '{creator} plays {genre} on {instrument} and talks about how it came together.',
      'A short slice of {sub}, recorded in {city}.',
      'Headphones on: {sub} for people who love {genre}.',
    ],
    creators: ['Lo-Fi Luis', 'Oakland Beat Lab', 'Piano Pia', 'Busker Ben'],
  },
  {
    id: 'comedy', label: 'Comedy', related: ['pets', 'gaming', 'music', 'basketball'],
    tags: ['comedy', 'funny'],
    places: ['Los Angeles, CA', 'New York, NY', 'San Francisco, CA', 'Chicago, IL'],
    slots: {
      bit: ['tech bros', 'Bay Area landlords', 'group chats', 'dating apps', 'parents on FaceTime', 'airport security'],
    },
    subtopics: [
      { id: 'standup', label: 'stand-up', tags: ['standup', 'standupcomedy'], titles: [
        'Stand-up in {city}: my set about {bit}',
        'Open mic night, {n} minutes, one heckler',
        'Crowd work at a comedy club in {city}',
      ] },
      { id: 'sketches', label: 'sketches', tags: ['sketch', 'skit'], titles: [
        'POV: {bit} in {city}',
        'If {bit} were honest',
        '{n} types of people in every {bit} story',
      ] },
      { id: 'reactions', label: 'reactions', tags: ['reaction', 'relatable'], titles: [
        'Reacting to the worst {bit} takes',
        'My mom reviews {bit}',
        'Rating {bit} out of ten',
      ] },
    ],
    descriptions: [
      '{creator} riffs on {bit}; no one is safe.',
      'A quick laugh: {sub} about {bit}.',
      'Short, silly and a little too real: {bit}.',
    ],
    creators: ['Sketchy Steve', 'Mission Comedy Club', 'Aunty Reacts', 'Deadpan Dana'],
  },
  {
    id: 'diy', label: 'DIY', related: ['gardening', 'cars', 'baking'],
    tags: ['diy', 'maker'],
    places: ['Portland, OR', 'Oakland, CA', 'Austin, TX'],
    slots: {
      project: ['a floating shelf', 'a walnut desk', 'a garden bed', 'a tiny house loft', 'a bathroom vanity', 'a bike rack'],
    },
    subtopics: [
      { id: 'woodworking', label: 'woodworking', tags: ['woodworking', 'woodshop'], titles: [
        'Building {project} from one sheet of plywood',
        '{n} joinery tricks without expensive tools',
        'Hand-cut dovetails in {min} minutes',
      ] },
      { id: 'home-repair', label: 'home repair', tags: ['homeimprovement', 'renovation'], titles: [
        'Fixing a leaky faucet in {min} minutes',
        'Renter-friendly upgrade: {project}',
        'Old Oakland bungalow: week {n} of the renovation',
      ] },
      { id: 'crafts', label: 'crafts', tags: ['crafts', 'handmade'], titles: [
        'Making {project} from scrap',
        'Cozy craft night: {n} gift ideas',
        'Ceramic mug from wheel to glaze',
      ] },
    ],
    descriptions: [
      '{creator} builds {project} step by step with a materials list.',
      'Practical {sub} for beginners with basic tools.',
      'Sawdust and good music: {sub} on a weekend.',
    ],
    creators: ['Scrap Wood Sal', 'Bungalow Rehab', 'Makers of Fruitvale', 'Glue & Clamps'],
  },
  {
    id: 'gardening', label: 'Gardening', related: ['diy', 'cooking', 'hiking'],
    tags: ['gardening', 'plants'],
    places: ['Berkeley, CA', 'Portland, OR', 'Sacramento, CA'],
    slots: {
      plant: ['tomatoes', 'monstera', 'California poppies', 'figs', 'succulents', 'peppers', 'lemon trees'],
    },
    subtopics: [
      { id: 'vegetables', label: 'vegetable gardening', tags: ['growyourownfood', 'veggiegarden'], titles: [
        'Growing {plant} on a tiny balcony',
        'Harvest day: {n} pounds of {plant}',
        'Fall planting guide for the Bay Area',
      ] },
      { id: 'houseplants', label: 'houseplants', tags: ['houseplants', 'plantcare'], titles: [
        'Saving my dying {plant} in {n} weeks',
        '{n} houseplants that survive low light',
        'Repotting {plant} without killing it',
      ] },
      { id: 'native', label: 'native plants', tags: ['nativeplants', 'pollinators'], titles: [
        'Replacing my lawn with {plant}',
        'Native garden in {city}: one year later',
        'Attracting hummingbirds with {n} plants',
      ] },
    ],
    descriptions: [
      '{creator} grows {plant} in {city} and shares what actually worked.',
      'Dirt under the nails: a calm guide to {sub}.',
      'Small space, big harvest: {sub} for beginners.',
    ],
    creators: ['Berkeley Backyard Farm', 'Plant Dad Pete', 'Native Garden Nora', 'Balcony Greens'],
  },
  {
    id: 'finance', label: 'Personal finance', related: ['tech', 'history'],
    tags: ['personalfinance', 'money'],
    places: ['New York, NY', 'San Francisco, CA', 'Chicago, IL'],
    slots: {
      money: ['a $75K salary', 'RSUs', 'a Roth IRA', 'an emergency fund', 'index funds', 'student loans'],
    },
    subtopics: [
      { id: 'investing', label: 'investing', tags: ['investing', 'indexfunds'], titles: [
        '{money} explained in {min} seconds',
        'What I did with my first {money}',
        '{n} investing mistakes I made in my twenties',
      ] },
      { id: 'budgeting', label: 'budgeting', tags: ['budgeting', 'savemoney'], titles: [
        'Living on {money} in {city}: my real budget',
        'The {n}-bucket budget that finally stuck',
        'No-spend month: how it went',
      ] },
      { id: 'real-estate', label: 'housing', tags: ['realestate', 'renting'], titles: [
        'Rent vs buy in {city}, with real numbers',
        'What $3,000 rents in {city} right now',
        'First-time buyer in the Bay Area: {n} lessons',
      ] },
    ],
    descriptions: [
      '{creator} explains {money} in plain words, no hype.',
      'A short, practical take on {sub} for people who hate spreadsheets.',
      'Real numbers from {city}: {sub} without the guilt.',
    ],
    creators: ['Frugal in Fremont', 'Index Fund Ivy', 'Rent vs Own', 'Paycheck Pauline'],
  },
  {
    id: 'photography', label: 'Photography', related: ['travel', 'hiking', 'fashion', 'tech'],
    tags: ['photography', 'photooftheday'],
    places: ['San Francisco, CA', 'New York, NY', 'Tokyo, Japan', 'Yosemite, CA'],
    slots: {
      camera: ['a 35mm film camera', 'a phone', 'a $200 used DSLR', 'a medium-format camera', 'a drone'],
      subject: ['the Golden Gate in fog', 'Chinatown at night', 'Yosemite Valley', 'Lands End sunsets', 'strangers on Market Street'],
    },
    subtopics: [
      { id: 'street', label: 'street photography', tags: ['streetphotography', 'filmphotography'], titles: [
        'Street photography in {city} with {camera}',
        'Shooting {subject} with {camera}',
        '{n} street photos and the stories behind them',
      ] },
      { id: 'landscape', label: 'landscape photography', tags: ['landscapephotography', 'goldenhour'], titles: [
        'Chasing {subject} for {n} mornings',
        'Golden hour settings in {min} seconds',
        'The shot I waited {n} hours for',
      ] },
      { id: 'editing', label: 'photo editing', tags: ['lightroom', 'photoediting'], titles: [
        'Editing {subject} from flat to finished',
        '{n} editing tricks for moody photos',
        'Raw vs edited: {subject}',
      ] },
    ],
    descriptions: [
      '{creator} photographs {subject} with {camera} and explains every setting.',
      'A short lesson on {sub} with before-and-after examples.',
      'Light, patience and {camera}: {sub} in {city}.',
    ],
    creators: ['Fog City Frames', 'Film Roll Felix', 'Golden Hour Gwen', 'Drone Over Bay'],
  },
  {
    id: 'anime', label: 'Anime', related: ['gaming', 'comedy', 'travel'],
    tags: ['anime', 'manga'],
    places: ['Tokyo, Japan', 'Los Angeles, CA', 'San Jose, CA'],
    slots: {
      show: ['the new shonen hit', 'a 90s classic', 'a slice-of-life series', 'the season\'s surprise', 'a sports anime'],
    },
    subtopics: [
      { id: 'reviews', label: 'anime reviews', tags: ['animereview', 'animerecommendations'], titles: [
        '{show}: episode {n} reaction',
        '{n} anime to watch if you liked {show}',
        'Is {show} overrated?',
      ] },
      { id: 'cosplay', label: 'cosplay', tags: ['cosplay', 'animecon'], titles: [
        'Cosplay build: {min} hours of foam and glue',
        'Anime convention in {city}: best cosplays',
        'Cosplay transformation from {show}',
      ] },
      { id: 'news', label: 'anime news', tags: ['animenews', 'newseason'], titles: [
        'Fall anime season: {n} shows to watch',
        'Studio behind {show} announces a sequel',
        'Manga vs anime: what {show} left out',
      ] },
    ],
    descriptions: [
      '{creator} talks about {show} with minimal spoilers.',
      'A quick {sub} roundup for fans old and new.',
      'Otaku hours: {sub} with a lot of enthusiasm.',
    ],
    creators: ['Anime Corner Aki', 'Cosplay Cass', 'Manga Mondays', 'Sakura Reviews'],
  },
  {
    id: 'science', label: 'Science', related: ['tech', 'history', 'gardening'],
    tags: ['science', 'sciencetok'],
    places: ['Berkeley, CA', 'Palo Alto, CA', 'Boston, MA', 'Pasadena, CA'],
    slots: {
      thing: ['black holes', 'octopus brains', 'earthquake faults', 'the James Webb telescope', 'CRISPR', 'tide pools'],
    },
    subtopics: [
      { id: 'space', label: 'space', tags: ['space', 'astronomy'], titles: [
        '{thing}, explained in {min} seconds',
        'Stargazing from Mount Diablo: what we saw',
        '{n} photos from {thing} that broke my brain',
      ] },
      { id: 'biology', label: 'biology', tags: ['biology', 'marinebiology'], titles: [
        'Why {thing} are smarter than you think',
        'Tide pooling at Pillar Point: {n} species',
        'A biologist explains {thing}',
      ] },
      { id: 'experiments', label: 'experiments', tags: ['experiment', 'stem'], titles: [
        'Kitchen experiment: {thing} in a jar',
        '{n} experiments to do with kids this weekend',
        'What the Hayward fault is doing right now',
      ] },
    ],
    descriptions: [
      '{creator} explains {thing} with simple demos and no jargon.',
      'A short, curious look at {sub} from a Bay Area lab.',
      'Big ideas, small clips: {sub} for the curious.',
    ],
    creators: ['Lab Coat Lena', 'Cosmic Carlos', 'Tide Pool Tales', 'Quake Nerd'],
  },
  {
    id: 'history', label: 'History', related: ['science', 'travel', 'boxing', 'local-news'],
    tags: ['history', 'historytok'],
    places: ['San Francisco, CA', 'London, UK', 'Rome, Italy', 'Boston, MA'],
    slots: {
      event: ['the 1906 earthquake', 'the Gold Rush', 'the fall of Rome', 'the building of the Golden Gate Bridge', 'the Apollo program', 'the Silk Road'],
    },
    subtopics: [
      { id: 'ancient', label: 'ancient history', tags: ['ancienthistory', 'archaeology'], titles: [
        'What daily life was like during {event}',
        '{n} myths about {event}',
        'Archaeologists just found something about {event}',
      ] },
      { id: 'local-history', label: 'local history', tags: ['sfhistory', 'localhistory'], titles: [
        'San Francisco before and after {event}',
        'The Oakland building with a secret past',
        '{n} streets in {city} named after forgotten people',
      ] },
      { id: 'modern', label: 'modern history', tags: ['modernhistory', 'documentary'], titles: [
        'How {event} changed everything, in {min} minutes',
        'Rare footage from {event}',
        'The decision that almost stopped {event}',
      ] },
    ],
    descriptions: [
      '{creator} tells the story of {event} with maps and old photos.',
      'A short, well-sourced trip into {sub}.',
      'History you did not learn in school: {event}.',
    ],
    creators: ['History in a Minute', 'Old SF Photos', 'Map Nerd Mina', 'The Archive Room'],
  },
  {
    id: 'local-news', label: 'Bay Area local news', related: ['history', 'cooking', 'basketball', 'tech'],
    tags: ['bayarea', 'localnews'],
    places: ['San Francisco, CA', 'Oakland, CA', 'Berkeley, CA', 'San Jose, CA', 'Fremont, CA', 'Walnut Creek, CA'],
    slots: {
      place: ['BART', 'the Bay Bridge', 'Lake Merritt', 'the Mission', 'downtown San Jose', 'Telegraph Avenue', 'the Embarcadero'],
      event: ['a street fair', 'a night market', 'a farmers market', 'a free concert', 'a food festival', 'a protest march'],
    },
    subtopics: [
      { id: 'transit', label: 'transit and traffic', tags: ['bart', 'commute'], titles: [
        '{place} delays this week: what to know',
        'Commute update: {place} closure starts {day}',
        'Riding BART at {hour}: what it is like now',
      ] },
      { id: 'events', label: 'local events', tags: ['thingstodobayarea', 'weekend'], titles: [
        '{event} at {place} this {day}',
        '{n} free things to do in {city} this weekend',
        'Inside {event} near {place}',
      ] },
      { id: 'community', label: 'community news', tags: ['community', 'oakland'], titles: [
        'New housing plan for {city}: what it means',
        'Small businesses near {place} fight back',
        'City council in {city} votes on {n} new bike lanes',
      ] },
    ],
    descriptions: [
      '{creator} reports from {place} on what is changing in {city}.',
      'A quick Bay Area update on {sub} you can use today.',
      'Local stories from {city}: {sub}, in under a minute.',
    ],
    creators: ['Bay Brief', 'Oakland Now', 'SJ Street Report', 'The Berkeley Beat'],
  },
];
