/**
 * The hand-written personas (everything but their generated 7-day history).
 * Interests are weights in [0, 1] over the catalog's topic ids; topics not listed are 0.
 * Traits: [timeBudgetSec, curiosity, activity, conformity, fatigueSensitivity, instructionPropensity].
 */
export interface PersonaLex {
  id: string;
  name: string;
  age: number;
  gender: string;
  location: string;
  occupation: string;
  bio: string;
  groups: string[];
  interests: Record<string, number>;
  traits: [number, number, number, number, number, number];
  /** Hours of the day the persona usually scrolls (applied as UTC hours to the catalog clock). */
  hours: number[];
}

export const PERSONAS: PersonaLex[] = [
  {
    id: 'persona-maya', name: 'Maya', age: 34, gender: 'female', location: 'Oakland, CA', occupation: 'marine electrician',
    bio: 'Grew up on her uncle\'s lobster boat in Maine, now wires yachts in Alameda. Never misses a UFC fight night; could not care less about hair tutorials.',
    groups: ['Alameda marina crew', 'Oakland BJJ open mat', 'high-school friends from Maine'],
    interests: { fishing: 0.92, ufc: 0.86, boating: 0.55, 'seafood-cooking': 0.45, boxing: 0.4, bjj: 0.35, 'mma-training': 0.3, hiking: 0.25, 'local-news': 0.3, hairstyling: 0.02 },
    traits: [600, 0.3, 0.55, 0.35, 0.6, 0.65], hours: [6, 12, 20, 21],
  },
  {
    id: 'persona-devon', name: 'Devon', age: 27, gender: 'male', location: 'San Francisco, CA', occupation: 'software engineer',
    bio: 'Backend engineer at a startup in SoMa who follows every F1 session, builds keyboards and plays too many roguelikes.',
    groups: ['F1 watch-party group chat', 'climbing gym regulars', 'college CS friends'],
    interests: { f1: 0.9, tech: 0.8, gaming: 0.6, cars: 0.55, coffee: 0.35, anime: 0.3, finance: 0.3, science: 0.25 },
    traits: [480, 0.45, 0.3, 0.5, 0.5, 0.55], hours: [8, 13, 22, 23],
  },
  {
    id: 'persona-alicia', name: 'Alicia', age: 22, gender: 'female', location: 'San Jose, CA', occupation: 'cosmetology student',
    bio: 'Training to be a stylist; practises braids on her cousins, films every transformation and follows three skincare dermatologists.',
    groups: ['cosmetology school cohort', 'cousins group chat', 'K-pop dance club'],
    interests: { hairstyling: 0.95, makeup: 0.8, skincare: 0.7, fashion: 0.65, dance: 0.45, music: 0.35, comedy: 0.3 },
    traits: [900, 0.35, 0.8, 0.7, 0.4, 0.5], hours: [10, 15, 21, 23],
  },
  {
    id: 'persona-raymond', name: 'Raymond', age: 58, gender: 'male', location: 'Gloucester, MA', occupation: 'retired commercial fisherman',
    bio: 'Fished cod and tuna for thirty years; now watches other people do it and argues in the comments about knots.',
    groups: ['Gloucester fishermen\'s association', 'church choir'],
    interests: { fishing: 0.95, boating: 0.7, 'seafood-cooking': 0.6, history: 0.5, boxing: 0.35, 'local-news': 0.15 },
    traits: [1200, 0.15, 0.5, 0.2, 0.3, 0.3], hours: [5, 9, 19],
  },
  {
    id: 'persona-jun', name: 'Jun', age: 31, gender: 'male', location: 'Berkeley, CA', occupation: 'BJJ coach',
    bio: 'Brown belt who runs the kids\' program at a Berkeley gym, studies every UFC grappling exchange and meal-preps on Sundays.',
    groups: ['Berkeley jiu-jitsu academy', 'competition team', 'Sunday hiking crew'],
    interests: { bjj: 0.95, ufc: 0.8, 'mma-training': 0.75, fitness: 0.6, cooking: 0.35, hiking: 0.3, boxing: 0.45 },
    traits: [420, 0.3, 0.6, 0.3, 0.55, 0.6], hours: [7, 14, 22],
  },
  {
    id: 'persona-priya', name: 'Priya', age: 29, gender: 'female', location: 'Palo Alto, CA', occupation: 'product manager',
    bio: 'PM at a big tech company who unwinds with cooking videos, plans trips in spreadsheets and tracks her index funds.',
    groups: ['Stanford alumni', 'book club', 'running club'],
    interests: { travel: 0.8, cooking: 0.75, finance: 0.6, tech: 0.55, fitness: 0.45, photography: 0.35, coffee: 0.4 },
    traits: [360, 0.55, 0.35, 0.45, 0.5, 0.75], hours: [7, 12, 21],
  },
  {
    id: 'persona-marcus', name: 'Marcus', age: 41, gender: 'male', location: 'Oakland, CA', occupation: 'high-school PE teacher',
    bio: 'Coaches the varsity basketball team, plays pickup twice a week and never misses a Warriors game.',
    groups: ['varsity coaching staff', 'Tuesday pickup run', 'church men\'s group'],
    interests: { basketball: 0.95, fitness: 0.6, comedy: 0.5, 'local-news': 0.45, soccer: 0.3, music: 0.35, boxing: 0.3 },
    traits: [540, 0.3, 0.55, 0.6, 0.45, 0.4], hours: [6, 16, 21],
  },
  {
    id: 'persona-lena', name: 'Lena', age: 36, gender: 'female', location: 'Santa Cruz, CA', occupation: 'nurse',
    bio: 'Night-shift ER nurse who surfs Steamer Lane on her days off and recovers with yoga and sourdough.',
    groups: ['ER night shift', 'Santa Cruz surf club', 'sourdough swap'],
    interests: { surfing: 0.9, fitness: 0.55, baking: 0.5, hiking: 0.45, camping: 0.4, boating: 0.3, skincare: 0.25 },
    traits: [300, 0.4, 0.45, 0.3, 0.6, 0.35], hours: [9, 14, 3],
  },
  {
    id: 'persona-tomas', name: 'Tomás', age: 45, gender: 'male', location: 'Fremont, CA', occupation: 'auto mechanic',
    bio: 'Runs a small shop in Fremont; restores old trucks on weekends and has strong opinions about F1 engine rules.',
    groups: ['Fremont car club', 'family WhatsApp', 'soccer dads'],
    interests: { cars: 0.9, f1: 0.7, diy: 0.6, soccer: 0.5, boxing: 0.4, cooking: 0.3, fishing: 0.25 },
    traits: [480, 0.25, 0.4, 0.45, 0.4, 0.3], hours: [6, 12, 20],
  },
  {
    id: 'persona-grace', name: 'Grace', age: 67, gender: 'female', location: 'Walnut Creek, CA', occupation: 'retired librarian',
    bio: 'Gardens native plants, volunteers at the historical society and watches cat videos with her grandchildren.',
    groups: ['historical society volunteers', 'garden club', 'grandkids'],
    interests: { gardening: 0.9, history: 0.8, pets: 0.6, baking: 0.45, science: 0.4, 'local-news': 0.5, travel: 0.3 },
    traits: [900, 0.35, 0.3, 0.25, 0.35, 0.45], hours: [8, 11, 15],
  },
  {
    id: 'persona-kai', name: 'Kai', age: 19, gender: 'non-binary', location: 'San Francisco, CA', occupation: 'art student',
    bio: 'First-year illustration student who cosplays at every con, dances K-pop covers and thrifts all their clothes.',
    groups: ['art school studio mates', 'cosplay discord', 'K-pop cover crew'],
    interests: { anime: 0.9, gaming: 0.65, fashion: 0.6, dance: 0.55, music: 0.5, photography: 0.35, comedy: 0.45 },
    traits: [1100, 0.7, 0.75, 0.65, 0.45, 0.5], hours: [13, 17, 23, 1],
  },
  {
    id: 'persona-hannah', name: 'Hannah', age: 33, gender: 'female', location: 'Seattle, WA', occupation: 'marine biologist',
    bio: 'Studies salmon runs, fly-fishes on weekends and watches space videos to fall asleep.',
    groups: ['university lab', 'women\'s fly-fishing club', 'climbing partners'],
    interests: { science: 0.9, fishing: 0.6, hiking: 0.6, camping: 0.5, photography: 0.4, coffee: 0.35, history: 0.3 },
    traits: [600, 0.6, 0.35, 0.2, 0.5, 0.55], hours: [7, 12, 22],
  },
  {
    id: 'persona-andre', name: 'Andre', age: 25, gender: 'male', location: 'Atlanta, GA', occupation: 'barber',
    bio: 'Cuts hair in a busy Atlanta shop, trades boxing takes with clients and makes beats after closing.',
    groups: ['barbershop crew', 'boxing gym', 'producer collective'],
    interests: { hairstyling: 0.8, boxing: 0.75, music: 0.7, fashion: 0.5, basketball: 0.45, comedy: 0.4, ufc: 0.35 },
    traits: [480, 0.4, 0.7, 0.6, 0.5, 0.45], hours: [9, 14, 22],
  },
  {
    id: 'persona-sofia', name: 'Sofia', age: 38, gender: 'female', location: 'San Francisco, CA', occupation: 'restaurant owner',
    bio: 'Runs a seafood place near the Embarcadero; scouts dishes on food videos and buys straight from the boats.',
    groups: ['restaurant staff', 'Ferry Building vendors', 'Italian-American club'],
    interests: { 'seafood-cooking': 0.9, cooking: 0.85, fishing: 0.45, coffee: 0.5, travel: 0.5, baking: 0.4, 'local-news': 0.4 },
    traits: [240, 0.4, 0.5, 0.4, 0.65, 0.6], hours: [9, 15, 23],
  },
  {
    id: 'persona-ethan', name: 'Ethan', age: 16, gender: 'male', location: 'Daly City, CA', occupation: 'high-school student',
    bio: 'Sophomore who plays soccer, speedruns platformers and sends every comedy skit to the group chat.',
    groups: ['JV soccer team', 'group chat', 'speedrun discord'],
    interests: { gaming: 0.9, soccer: 0.75, comedy: 0.7, basketball: 0.45, anime: 0.4, tech: 0.35, ufc: 0.3 },
    traits: [1200, 0.6, 0.85, 0.8, 0.55, 0.3], hours: [16, 20, 23, 0],
  },
  {
    id: 'persona-nora', name: 'Nora', age: 52, gender: 'female', location: 'Portland, OR', occupation: 'carpenter',
    bio: 'Builds custom cabinets, grows peppers in raised beds she built herself and camps out of her truck.',
    groups: ['women in trades network', 'community garden', 'camping friends'],
    interests: { diy: 0.9, gardening: 0.7, camping: 0.6, cars: 0.35, hiking: 0.45, cooking: 0.3, music: 0.25 },
    traits: [540, 0.3, 0.45, 0.3, 0.4, 0.4], hours: [6, 12, 20],
  },
  {
    id: 'persona-sam', name: 'Sam', age: 30, gender: 'male', location: 'Los Angeles, CA', occupation: 'personal trainer',
    bio: 'Trains clients in Venice, spars at a Muay Thai gym and watches every UFC card with his clients.',
    groups: ['Muay Thai gym', 'trainer collective', 'beach volleyball crew'],
    interests: { fitness: 0.95, 'mma-training': 0.8, ufc: 0.7, boxing: 0.6, surfing: 0.35, cooking: 0.3, skincare: 0.2 },
    traits: [360, 0.35, 0.65, 0.55, 0.5, 0.5], hours: [5, 13, 21],
  },
  {
    id: 'persona-mei', name: 'Mei', age: 26, gender: 'female', location: 'Berkeley, CA', occupation: 'PhD student in physics',
    bio: 'Studies quantum materials, bakes elaborate cakes when experiments fail and keeps up with every new anime season.',
    groups: ['physics department', 'baking club', 'anime watch night'],
    interests: { science: 0.85, baking: 0.7, anime: 0.6, coffee: 0.5, tech: 0.45, history: 0.3, gardening: 0.25 },
    traits: [720, 0.65, 0.4, 0.3, 0.45, 0.65], hours: [11, 16, 1],
  },
  {
    id: 'persona-luis', name: 'Luis', age: 48, gender: 'male', location: 'San Jose, CA', occupation: 'construction foreman',
    bio: 'Early riser who follows Club América and the Earthquakes, fishes the delta with his sons and cooks birria for the block.',
    groups: ['crew at work', 'Earthquakes supporters club', 'family'],
    interests: { soccer: 0.9, fishing: 0.6, cooking: 0.55, boxing: 0.5, cars: 0.4, 'local-news': 0.35, music: 0.3 },
    traits: [420, 0.25, 0.5, 0.5, 0.45, 0.35], hours: [5, 12, 20],
  },
  {
    id: 'persona-olivia', name: 'Olivia', age: 24, gender: 'female', location: 'New York, NY', occupation: 'fashion assistant',
    bio: 'Assists a stylist in Manhattan, films outfit videos on her commute and lives on oat lattes.',
    groups: ['fashion week interns', 'roommates', 'pilates studio'],
    interests: { fashion: 0.95, makeup: 0.7, hairstyling: 0.65, coffee: 0.55, skincare: 0.6, travel: 0.45, photography: 0.4 },
    traits: [600, 0.5, 0.7, 0.75, 0.55, 0.55], hours: [8, 13, 23],
  },
  {
    id: 'persona-walter', name: 'Walter', age: 71, gender: 'male', location: 'Alameda, CA', occupation: 'retired naval engineer',
    bio: 'Restores a wooden sailboat, reads everything about World War II and checks the tides every morning.',
    groups: ['Alameda yacht club', 'veterans association'],
    interests: { boating: 0.9, history: 0.85, fishing: 0.5, science: 0.4, 'local-news': 0.55, diy: 0.45 },
    traits: [1000, 0.2, 0.25, 0.2, 0.3, 0.25], hours: [6, 10, 18],
  },
  {
    id: 'persona-aisha', name: 'Aisha', age: 35, gender: 'female', location: 'Chicago, IL', occupation: 'financial analyst',
    bio: 'Budgets for fun, runs marathons and watches stand-up to decompress after quarter-end.',
    groups: ['running club', 'Muslim professionals network', 'college roommates'],
    interests: { finance: 0.85, fitness: 0.7, comedy: 0.6, travel: 0.5, skincare: 0.4, cooking: 0.35, tech: 0.3 },
    traits: [300, 0.45, 0.35, 0.4, 0.6, 0.7], hours: [6, 12, 21],
  },
  {
    id: 'persona-ben', name: 'Ben', age: 39, gender: 'male', location: 'Denver, CO', occupation: 'photographer',
    bio: 'Shoots weddings to fund backpacking trips; drives to trailheads before dawn for the light.',
    groups: ['photographers collective', 'backpacking partners', 'ski buddies'],
    interests: { photography: 0.9, hiking: 0.8, camping: 0.7, travel: 0.6, cars: 0.3, coffee: 0.35, fishing: 0.25 },
    traits: [660, 0.5, 0.45, 0.3, 0.45, 0.45], hours: [5, 13, 21],
  },
  {
    id: 'persona-rosa', name: 'Rosa', age: 44, gender: 'female', location: 'Oakland, CA', occupation: 'community organiser',
    bio: 'Organises tenants in East Oakland, dances salsa on Fridays and follows every city council vote.',
    groups: ['tenants union', 'salsa Fridays', 'neighbourhood mutual aid'],
    interests: { 'local-news': 0.9, dance: 0.65, cooking: 0.5, history: 0.5, music: 0.5, gardening: 0.35, comedy: 0.35 },
    traits: [480, 0.45, 0.6, 0.35, 0.5, 0.8], hours: [7, 13, 21],
  },
  {
    id: 'persona-felix', name: 'Felix', age: 28, gender: 'male', location: 'London, UK', occupation: 'motorsport engineer',
    bio: 'Works on a junior-formula team, sails on weekends and keeps a spreadsheet of every F1 pit stop.',
    groups: ['race team', 'sailing club', 'five-a-side football'],
    interests: { f1: 0.95, cars: 0.7, tech: 0.55, boating: 0.4, soccer: 0.45, science: 0.35, travel: 0.3 },
    traits: [420, 0.4, 0.4, 0.45, 0.5, 0.5], hours: [7, 12, 22],
  },
  {
    id: 'persona-dani', name: 'Dani', age: 32, gender: 'female', location: 'San Francisco, CA', occupation: 'veterinary technician',
    bio: 'Fosters senior dogs, hikes Lands End with them and keeps a houseplant jungle in a tiny Sunset apartment.',
    groups: ['animal shelter volunteers', 'dog park regulars', 'plant swap'],
    interests: { pets: 0.95, gardening: 0.55, hiking: 0.55, comedy: 0.45, baking: 0.35, photography: 0.3, 'local-news': 0.3 },
    traits: [720, 0.4, 0.7, 0.5, 0.4, 0.45], hours: [7, 12, 20],
  },
];
