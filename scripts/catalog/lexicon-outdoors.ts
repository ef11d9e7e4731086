/** Lexicon: the sea and the outdoors (the paper's lobster / deep-sea fishing scenario). */
import type { TopicLex } from './lexicon-types';

export const OUTDOORS_TOPICS: TopicLex[] = [
  {
    id: 'fishing', label: 'Fishing', related: ['boating', 'seafood-cooking', 'hiking', 'camping'], weight: 1.5,
    tags: ['fishing', 'fishtok'],
    places: ['Bar Harbor, ME', 'Gloucester, MA', 'Portland, ME', 'Half Moon Bay, CA', 'Key West, FL', 'Bozeman, MT'],
    slots: {
      harbor: ['Bar Harbor', 'Stonington', 'Gloucester', 'Half Moon Bay', 'Bodega Bay', 'Montauk', 'Key West'],
      fish: ['bluefin tuna', 'swordfish', 'mahi-mahi', 'halibut', 'yellowtail', 'lingcod', 'striped bass', 'king salmon'],
      river: ['the Madison', 'the Yuba', 'the Truckee', 'the Deschutes', 'the McCloud', 'a nameless creek'],
      hour: ['4am', '5am', 'first light', 'sunrise', 'dusk', 'midnight'],
    },
    subtopics: [
      { id: 'lobster', label: 'lobster fishing', tags: ['lobster', 'lobstering', 'commercialfishing'], titles: [
        'Hauling {n} lobster traps off {harbor} at {hour}',
        'What a $2,000 lobster haul actually looks like',
        'Banding claws in a storm: a day on a {harbor} lobster boat',
        'Why we throw back every egg-bearing lobster',
        'Lobster season opener: {n} traps, one very tired crew',
        'First time pulling traps with my dad in {harbor}',
      ] },
      { id: 'deep-sea', label: 'deep-sea fishing', tags: ['deepseafishing', 'offshore', 'sportfishing'], titles: [
        'Six-hour fight with a {fish} {n} miles offshore',
        'Deep-sea fishing for {fish}: what nobody tells you',
        'We hooked a {fish} at {hour} and the reel started smoking',
        'Offshore trip out of {harbor}: full day in {min} minutes',
        'Rigging a kite for {fish} like the pros',
        'When the {fish} bite turns on all at once',
      ] },
      { id: 'fly', label: 'fly fishing', tags: ['flyfishing', 'trout', 'flytying'], titles: [
        'Dry-fly magic on {river} at {hour}',
        'Tying the fly that saved my trip to {river}',
        '{n} casting mistakes every beginner makes',
        'Euro-nymphing {river} in high water',
        'Catch and release done right: a {min}-second guide',
      ] },
      { id: 'kayak', label: 'kayak fishing', tags: ['kayakfishing', 'bassfishing'], titles: [
        'Kayak vs {fish}: it towed me for {min} minutes',
        'My $400 kayak fishing setup, piece by piece',
        'Launching before {hour} for topwater bass',
        'Pier fishing in {city}: {n} fish in one morning',
      ] },
    ],
    descriptions: [
      '{creator} takes you along for {sub} out of {harbor}, from the first cast to the last fish on ice.',
      'An honest look at {sub}: the gear, the weather and the long quiet hours between bites.',
      'Cold hands, good crew and a {fish} story worth telling twice.',
      'Everything we learned this season about {sub}, in one short clip.',
    ],
    creators: ['Salt & Traps Lobster Co.', 'Captain Rae Okafor', 'Reel Deal Sam', 'Madison Fly Shop', 'Kayak Kev'],
  },
  {
    id: 'boating', label: 'Boating', related: ['fishing', 'surfing', 'travel'],
    tags: ['boating', 'boatlife'],
    places: ['Sausalito, CA', 'Newport, RI', 'Annapolis, MD', 'Bar Harbor, ME', 'Alameda, CA'],
    slots: {
      boat: ['a 1978 sloop', 'our center console', 'a wooden dory', 'a 32-foot trawler', 'a tiny catamaran'],
      water: ['the Golden Gate', 'Penobscot Bay', 'the Chesapeake', 'Richardson Bay', 'the San Juans'],
    },
    subtopics: [
      { id: 'sailing', label: 'sailing', tags: ['sailing', 'sailboat'], titles: [
        'Sailing under {water} in 30 knots of wind',
        'Singlehanding {boat} for the first time',
        '{n} knots I use every single day on the boat',
        'Night passage across {water}: the honest version',
      ] },
      { id: 'boat-repair', label: 'boat repair', tags: ['boatrepair', 'fiberglass'], titles: [
        'Restoring {boat}: week {n}',
        'Fixing a leaking through-hull before it sinks us',
        'Re-bedding deck hardware in {min} minutes',
      ] },
      { id: 'harbor-life', label: 'harbor life', tags: ['liveaboard', 'harborlife'], titles: [
        'A week living aboard {boat} in {city}',
        'What liveaboard life costs in {city}',
        'Fog rolls over {water}: morning coffee on deck',
      ] },
    ],
    descriptions: [
      '{creator} shares a slice of life on {boat}: wind, tides and small repairs.',
      'A short tour of {sub} on {water}, with tips for anyone thinking of getting on the water.',
      'Salt spray, sore hands and a lot of rope: {sub} as it really is.',
    ],
    creators: ['Sausalito Sail Log', 'Two Hulls Travel', 'Harborwright Restorations', 'Liveaboard Lena'],
  },
  {
    id: 'seafood-cooking', label: 'Seafood cooking', related: ['fishing', 'cooking', 'travel'],
    tags: ['seafood', 'seafoodlover'],
    places: ['Portland, ME', 'Boston, MA', 'New Orleans, LA', 'San Francisco, CA'],
    slots: {
      dish: ['lobster rolls', 'cioppino', 'a crab boil', 'grilled swordfish', 'fish tacos', 'clam chowder', 'poke bowls'],
    },
    subtopics: [
      { id: 'lobster-rolls', label: 'lobster rolls', tags: ['lobsterroll', 'maine'], titles: [
        'Maine vs Connecticut lobster roll: the final answer',
        'The $45 lobster roll in {city}: worth it?',
        'Cooking the lobsters we caught this morning',
      ] },
      { id: 'crab', label: 'crab and shellfish', tags: ['dungenesscrab', 'shellfish'], titles: [
        'Dungeness crab season starts now: cleaning and cracking in {min} minutes',
        'Backyard crab boil for {n} people',
        'Shucking {n} oysters without stabbing yourself',
      ] },
      { id: 'fish-dishes', label: 'fish dishes', tags: ['fishrecipes', 'sushi'], titles: [
        'How to fillet a whole {dish} fish (and what to cook next)',
        'Weeknight {dish} in {min} minutes',
        'Cioppino like the Fisherman\'s Wharf grandmas make it',
        'Dry-aged fish: {n} days in the fridge, worth it?',
      ] },
    ],
    descriptions: [
      '{creator} cooks {dish} from scratch, from the dock to the table.',
      'Fresh {sub} made simple, with a few tricks from working fishermen.',
      'A quick recipe for {dish} that feeds a crowd without fuss.',
    ],
    creators: ['Dockside Kitchen', 'Chef Nalu Kahale', 'The Chowder House Girls', 'Fishmonger Frank'],
  },
  {
    id: 'hiking', label: 'Hiking', related: ['camping', 'photography', 'travel', 'fitness'],
    tags: ['hiking', 'trails'],
    places: ['Mill Valley, CA', 'Yosemite, CA', 'Boulder, CO', 'Seattle, WA', 'Moab, UT'],
    slots: {
      trail: ['Mount Tam', 'the Dipsea', 'Half Dome', 'Mission Peak', 'the Lost Coast', 'Angels Landing', 'Mount Diablo'],
      season: ['wildflower season', 'the first rain', 'a heat wave', 'fog season', 'early spring'],
    },
    subtopics: [
      { id: 'day-hikes', label: 'day hikes', tags: ['dayhike', 'bayareahikes'], titles: [
        'Hiking {trail} during {season}',
        '{n} Bay Area hikes with ocean views',
        'Sunrise on {trail}: worth the 4am alarm',
        'The {trail} loop nobody tells you about',
      ] },
      { id: 'gear', label: 'hiking gear', tags: ['hikinggear', 'ultralight'], titles: [
        'My {n}-item day pack for {trail}',
        'Trail runners vs boots after {n} hundred miles',
        'Cheap gear that actually lasted a whole season',
      ] },
      { id: 'parks', label: 'national parks', tags: ['nationalparks', 'yosemite'], titles: [
        'Yosemite in one day: what to skip',
        '{n} national park rules people keep breaking',
        'Permits, crowds and {season}: planning Half Dome',
      ] },
    ],
    descriptions: [
      '{creator} walks {trail} during {season}, with distances, water stops and the best viewpoint.',
      'A practical guide to {sub}: what to pack, when to go and where to park.',
      'Quiet trails, steep climbs and a view that makes it all worth it.',
    ],
    creators: ['Trailhead Tess', 'Bay Area Hikers Club', 'Summit Sanjay', 'Dirt & Switchbacks'],
    weight: 0.9,
  },
  {
    id: 'camping', label: 'Camping', related: ['hiking', 'fishing', 'cooking', 'cars'],
    tags: ['camping', 'outdoors'],
    places: ['Big Sur, CA', 'Lake Tahoe, CA', 'Bend, OR', 'Moab, UT'],
    slots: {
      site: ['Big Sur', 'Lake Tahoe', 'the Sierra', 'Point Reyes', 'the desert', 'a forest road'],
      meal: ['campfire nachos', 'dutch-oven bread', 'foil-pack salmon', 'one-pot chili', 'pancakes'],
    },
    subtopics: [
      { id: 'car-camping', label: 'car camping', tags: ['carcamping', 'vanlife'], titles: [
        'Car camping at {site}: full setup in {min} minutes',
        'My Subaru sleeping platform cost ${n}0',
        'Free campsites near {site} (and how to find them)',
      ] },
      { id: 'backpacking', label: 'backpacking', tags: ['backpacking', 'thruhike'], titles: [
        '{n} nights in {site} with a 20-pound pack',
        'Bear canisters, explained in {min} seconds',
        'What I would never backpack without again',
      ] },
      { id: 'camp-food', label: 'camp cooking', tags: ['campfood', 'campfirecooking'], titles: [
        '{meal} on a single burner',
        'Camp breakfast for {n}: {meal}',
        'Cast iron over coals: {meal} done right',
      ] },
    ],
    descriptions: [
      '{creator} sets up camp at {site} and shows what worked and what did not.',
      'Simple {sub} tips for a first trip, from gear to {meal}.',
      'Stars, smoke and {meal}: a weekend at {site}.',
    ],
    creators: ['Campfire Carlos', 'Roof Tent Rachel', 'Dutch Oven Dave', 'Sierra Nights'],
    weight: 0.9,
  },
  {
    id: 'surfing', label: 'Surfing', related: ['boating', 'travel', 'fitness'],
    tags: ['surfing', 'surf'],
    places: ['Santa Cruz, CA', 'Half Moon Bay, CA', 'San Diego, CA', 'Honolulu, HI', 'Pacifica, CA'],
    slots: {
      spot: ['Mavericks', 'Ocean Beach', 'Steamer Lane', 'Pipeline', 'Linda Mar', 'Trestles'],
      swell: ['a 20-foot swell', 'knee-high mush', 'a clean groundswell', 'a winter storm swell'],
    },
    subtopics: [
      { id: 'big-waves', label: 'big-wave surfing', tags: ['bigwave', 'mavericks'], titles: [
        '{spot} breaks for the first time this winter',
        'Paddling into {swell} at {spot}',
        'Wipeout of the season at {spot}',
      ] },
      { id: 'lessons', label: 'learning to surf', tags: ['learntosurf', 'surflesson'], titles: [
        'Pop-up drill you can do at home in {min} minutes',
        '{n} things I wish I knew before my first surf lesson',
        'Duck dive vs turtle roll, slowed down',
      ] },
      { id: 'surf-spots', label: 'surf spots', tags: ['surfspot', 'surftrip'], titles: [
        'Surfing {spot} in {swell}',
        'Cold-water surfing in {city}: wetsuit guide',
        'Dawn patrol at {spot} before work',
      ] },
    ],
    descriptions: [
      '{creator} paddles out at {spot} in {swell} and breaks down every wave.',
      'A quick lesson on {sub} for anyone who wants to catch more waves.',
      'Cold water, heavy sets and a few perfect rides.',
    ],
    creators: ['Steamer Lane Locals', 'Kai Nakamura Surf', 'Ocean Beach Dawn Patrol', 'Surf Coach Bri'],
    weight: 0.9,
  },
];
