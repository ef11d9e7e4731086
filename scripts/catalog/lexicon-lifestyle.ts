/** Lexicon: beauty, food, fitness, dance and pets. */
import type { TopicLex } from './lexicon-types';

export const LIFESTYLE_TOPICS: TopicLex[] = [
  {
    id: 'hairstyling', label: 'Hairstyling', related: ['makeup', 'fashion', 'skincare'], weight: 1.4,
    tags: ['hairstyling', 'hairtok'],
    places: ['Los Angeles, CA', 'Atlanta, GA', 'New York, NY', 'Oakland, CA'],
    slots: {
      season: ['summer', 'back-to-school', 'wedding-season', 'gym', 'rainy-day', 'festival'],
      hair: ['curly hair', 'fine hair', 'thick hair', 'short hair', 'box braids', 'a bob'],
      color: ['copper', 'ash blonde', 'espresso brown', 'pastel pink', 'balayage'],
    },
    subtopics: [
      { id: 'braids', label: 'braids', tags: ['braids', 'braidtutorial'], titles: [
        '{n} {season} braids you can do in {min} minutes',
        'Dutch braid vs French braid, side by side',
        'Knotless braids start to finish, sped up',
        'Braiding my own hair with no mirror',
      ] },
      { id: 'cuts', label: 'haircuts', tags: ['haircut', 'hairtransformation'], titles: [
        'Cutting {hair} into a shag: before and after',
        'I asked for a trim and got a transformation',
        'The {n} haircuts everyone in {city} is asking for',
        'Barber POV: a fresh fade in {min} minutes',
      ] },
      { id: 'color', label: 'hair color', tags: ['haircolor', 'balayage'], titles: [
        'Going {color} at home without ruining it',
        'Fixing a box-dye disaster with {color}',
        'Salon vs DIY {color}: the price difference',
      ] },
      { id: 'curls', label: 'curly hair care', tags: ['curlyhair', 'curlygirl'], titles: [
        'Wash day routine for {hair}',
        '{n} products my curls actually liked',
        'Heatless curls overnight: does it work on {hair}?',
      ] },
    ],
    descriptions: [
      '{creator} shows {sub} for {hair}, with every product and step on screen.',
      'A quick {season} look built around {sub}, doable before work.',
      'Real hair, real mistakes and a result worth saving for later.',
      'Step-by-step {sub} from a working stylist in {city}.',
    ],
    creators: ['Braids by Bree', 'The Curl Studio', 'Fade Masters SF', 'Salon Sofia', 'Hair by Jun'],
  },
  {
    id: 'makeup', label: 'Makeup', related: ['hairstyling', 'skincare', 'fashion'],
    tags: ['makeup', 'beauty'],
    places: ['Los Angeles, CA', 'New York, NY', 'Seoul, South Korea'],
    slots: {
      look: ['a soft glam', 'a no-makeup makeup', 'a graphic liner', 'a bridal', 'a 90s brown lip', 'a glazed-skin'],
    },
    subtopics: [
      { id: 'tutorials', label: 'makeup tutorials', tags: ['makeuptutorial', 'grwm'], titles: [
        'Get ready with me: {look} look in {min} minutes',
        '{look} look with only drugstore products',
        'The {n}-step routine I use every weekday',
      ] },
      { id: 'reviews', label: 'product reviews', tags: ['makeupreview', 'dupes'], titles: [
        'Testing {n} viral foundations on oily skin',
        'Dupe or dud? $8 vs $48 concealer',
        'Products I regret buying this year',
      ] },
      { id: 'looks', label: 'editorial looks', tags: ['makeupart', 'editorial'], titles: [
        'Recreating {look} look from the runway',
        'Halloween is early: {n} makeup looks',
        'Bold color for people who only wear mascara',
      ] },
    ],
    descriptions: [
      '{creator} builds {look} look step by step, with prices for every product.',
      'A short, honest take on {sub} for everyday wear.',
      'Brushes out: {sub} made simple and a little bit fun.',
    ],
    creators: ['Glow With Grace', 'Liner Lab', 'Beauty on a Budget', 'Makeup by Mateo'],
  },
  {
    id: 'fashion', label: 'Fashion', related: ['hairstyling', 'makeup', 'photography'],
    tags: ['fashion', 'ootd'],
    places: ['New York, NY', 'Paris, France', 'Tokyo, Japan', 'San Francisco, CA'],
    slots: {
      piece: ['a vintage denim jacket', 'wide-leg trousers', 'a linen shirt', 'chunky loafers', 'a thrifted blazer', 'a trench coat'],
    },
    subtopics: [
      { id: 'streetwear', label: 'streetwear', tags: ['streetwear', 'sneakers'], titles: [
        'Street style in {city}: what people actually wear',
        '{n} ways to wear {piece}',
        'Sneaker rotation for fall',
      ] },
      { id: 'thrift', label: 'thrifting', tags: ['thrifted', 'thriftflip'], titles: [
        'Thrift haul: {piece} for $6',
        'Thrift flip: turning {piece} into something new',
        'Best thrift stores in {city}, ranked',
      ] },
      { id: 'fits', label: 'outfit ideas', tags: ['outfitideas', 'capsulewardrobe'], titles: [
        'A {n}-piece capsule wardrobe for work',
        'What I wore this week in {city}',
        'Styling {piece} for every season',
      ] },
    ],
    descriptions: [
      '{creator} styles {piece} {n} ways for real life, not the runway.',
      'A fast look at {sub} with budget picks and a few splurges.',
      'Outfit notes from {city}: {sub} that works for work and weekends.',
    ],
    creators: ['Fit Check Fiona', 'Thrift Queen Tasha', 'Mission Street Style', 'Capsule Kai'],
  },
  {
    id: 'skincare', label: 'Skincare', related: ['makeup', 'hairstyling', 'fitness'],
    tags: ['skincare', 'skincareroutine'],
    places: ['Seoul, South Korea', 'Los Angeles, CA', 'New York, NY'],
    slots: {
      ingredient: ['retinol', 'vitamin C', 'niacinamide', 'azelaic acid', 'sunscreen', 'ceramides'],
      skin: ['dry skin', 'oily skin', 'acne-prone skin', 'sensitive skin', 'combination skin'],
    },
    subtopics: [
      { id: 'routines', label: 'routines', tags: ['nightroutine', 'morningroutine'], titles: [
        'My {n}-step night routine for {skin}',
        'Morning skincare in {min} minutes',
        'Skincare routine that finally cleared my {skin}',
      ] },
      { id: 'ingredients', label: 'ingredients', tags: ['skincareingredients', 'dermatologist'], titles: [
        'A dermatologist explains {ingredient}',
        'Do not mix {ingredient} with this',
        '{ingredient} for {skin}: {n} weeks of results',
      ] },
      { id: 'reviews', label: 'product reviews', tags: ['skincarereview', 'kbeauty'], titles: [
        'Testing {n} sunscreens so you do not have to',
        'K-beauty haul: what was worth it',
        'Cheap vs expensive {ingredient} serum',
      ] },
    ],
    descriptions: [
      '{creator} explains {ingredient} for {skin}, without the marketing.',
      'A gentle, no-nonsense guide to {sub}.',
      'Before, after and everything in between: {sub} for {skin}.',
    ],
    creators: ['Derm Notes Dr. Lee', 'Skin Diary Sana', 'SPF Every Day', 'Glass Skin Club'],
  },
  {
    id: 'cooking', label: 'Cooking', related: ['baking', 'seafood-cooking', 'coffee', 'travel'],
    tags: ['cooking', 'recipe'],
    places: ['San Francisco, CA', 'Oakland, CA', 'New Orleans, LA', 'Mexico City, Mexico', 'Tokyo, Japan'],
    slots: {
      dish: ['garlic noodles', 'birria tacos', 'chicken adobo', 'shakshuka', 'mapo tofu', 'smash burgers', 'pho', 'pasta alla vodka'],
    },
    subtopics: [
      { id: 'weeknight', label: 'weeknight dinners', tags: ['easyrecipes', 'dinnerideas'], titles: [
        '{dish} in {min} minutes on a Tuesday',
        '{n} weeknight dinners under $10',
        'One-pan {dish} for the whole family',
      ] },
      { id: 'street-food', label: 'street food', tags: ['streetfood', 'foodtour'], titles: [
        'Best {dish} in {city}? I tried {n} spots',
        'Taco truck tour of East Oakland',
        'Midnight street food run in {city}',
      ] },
      { id: 'meal-prep', label: 'meal prep', tags: ['mealprep', 'healthyeating'], titles: [
        'Sunday meal prep: {n} lunches in an hour',
        'High-protein {dish} for the week',
        'Meal prep mistakes that make food sad by Wednesday',
      ] },
    ],
    descriptions: [
      '{creator} cooks {dish} with what you already have in the pantry.',
      'A quick, no-fuss take on {sub} from a home kitchen in {city}.',
      'Big flavour, few dishes: {dish} made easy.',
    ],
    creators: ['Auntie Lin Cooks', 'The Taco Map', 'Weeknight Wok', 'Meal Prep Marcus'],
  },
  {
    id: 'baking', label: 'Baking', related: ['cooking', 'coffee', 'diy'],
    tags: ['baking', 'bakingtok'],
    places: ['San Francisco, CA', 'Paris, France', 'Portland, OR'],
    slots: {
      bake: ['sourdough', 'croissants', 'cinnamon rolls', 'basque cheesecake', 'focaccia', 'chocolate chip cookies', 'bagels'],
    },
    subtopics: [
      { id: 'bread', label: 'bread baking', tags: ['sourdough', 'breadtok'], titles: [
        'My {bake} starter is {n} years old',
        'San Francisco {bake}: the crumb shot',
        'Fixing flat {bake} in {n} steps',
      ] },
      { id: 'pastry', label: 'pastry', tags: ['pastry', 'lamination'], titles: [
        'Laminating dough for {bake} by hand',
        '{bake} from a Paris bakery vs mine',
        'I baked {bake} every day for a week',
      ] },
      { id: 'cakes', label: 'cakes and cookies', tags: ['cakedecorating', 'cookies'], titles: [
        'The only {bake} recipe you need',
        'Decorating a birthday cake in {min} minutes',
        '{n} cookie mistakes and how to fix them',
      ] },
    ],
    descriptions: [
      '{creator} bakes {bake} from scratch, with weights, temperatures and timings.',
      'A calm little guide to {sub}, flour everywhere.',
      'Warm from the oven: {bake} anyone can make at home.',
    ],
    creators: ['Crumb Shot Claire', 'Mission Sourdough Co.', 'Butter Layers', 'Cookie Science'],
  },
  {
    id: 'coffee', label: 'Coffee', related: ['baking', 'cooking', 'travel'],
    tags: ['coffee', 'coffeetok'],
    places: ['San Francisco, CA', 'Oakland, CA', 'Seattle, WA', 'Melbourne, Australia'],
    slots: {
      drink: ['a cortado', 'pour-over', 'cold brew', 'an oat latte', 'espresso tonic', 'a flat white'],
    },
    subtopics: [
      { id: 'latte-art', label: 'latte art', tags: ['latteart', 'barista'], titles: [
        'Latte art fails to swan in {n} days',
        'Pouring a tulip in slow motion',
        'Barista POV: morning rush in {city}',
      ] },
      { id: 'brewing', label: 'home brewing', tags: ['pourover', 'homebarista'], titles: [
        'Making {drink} at home for under $100',
        'Grind size explained with {n} cups',
        'I tried {drink} {n} ways',
      ] },
      { id: 'cafes', label: 'cafes', tags: ['cafehopping', 'coffeeshop'], titles: [
        'Best cafes in {city} for working',
        '{n} coffee shops in {city} worth the line',
        'Tiny {city} roaster makes the best {drink}',
      ] },
    ],
    descriptions: [
      '{creator} dials in {drink} and explains every variable.',
      'A short caffeine-fuelled tour of {sub} in {city}.',
      'Slow mornings and {drink}: {sub} for coffee people.',
    ],
    creators: ['Third Wave Theo', 'Oakland Roast House', 'Crema Crew', 'Latte Lucia'],
  },
  {
    id: 'fitness', label: 'Fitness', related: ['mma-training', 'hiking', 'dance', 'basketball'],
    tags: ['fitness', 'gymtok'],
    places: ['Los Angeles, CA', 'Miami, FL', 'San Francisco, CA', 'Austin, TX'],
    slots: {
      lift: ['deadlift', 'squat', 'bench press', 'pull-up', 'overhead press'],
      goal: ['a first marathon', 'a 300-pound deadlift', 'ten pull-ups', 'a faster 5K', 'the splits'],
    },
    subtopics: [
      { id: 'strength', label: 'strength training', tags: ['powerlifting', 'strengthtraining'], titles: [
        '{lift} form check: {n} common mistakes',
        'Training for {goal}: week {n}',
        'Full-body workout in {min} minutes',
      ] },
      { id: 'running', label: 'running', tags: ['running', 'runtok'], titles: [
        'Running across the Golden Gate Bridge at {hour}',
        'Couch to {goal}: the honest update',
        '{n} running shoes tested on the same route',
      ] },
      { id: 'yoga', label: 'yoga and mobility', tags: ['yoga', 'mobility'], titles: [
        '{min}-minute mobility routine for desk workers',
        'Morning yoga flow for stiff hips',
        'I stretched every day for {n} days',
      ] },
    ],
    descriptions: [
      '{creator} coaches the {lift} with cues you can use today.',
      'Short, doable {sub} for busy people working toward {goal}.',
      'Sweat now, thank yourself later: {sub} in {min} minutes.',
    ],
    creators: ['Lift With Lou', 'Run Club Oakland', 'Mobility Maya K.', 'Coach Dre Strength'],
  },
  {
    id: 'dance', label: 'Dance', related: ['music', 'fitness', 'comedy'],
    tags: ['dance', 'dancetok'],
    places: ['Los Angeles, CA', 'Seoul, South Korea', 'New York, NY', 'Oakland, CA'],
    slots: {
      style: ['hip-hop', 'K-pop', 'salsa', 'ballet', 'house', 'turfing'],
    },
    subtopics: [
      { id: 'choreo', label: 'choreography', tags: ['choreography', 'dancechallenge'], titles: [
        'Learn this {style} choreo in {min} minutes',
        'The viral dance challenge, slowed down',
        'Our {style} crew rehearsal in {city}',
      ] },
      { id: 'ballet', label: 'ballet', tags: ['ballet', 'ballerina'], titles: [
        'A day in the life of a ballet student',
        '{n} pirouettes in a row, first try',
        'Pointe shoe prep before a show',
      ] },
      { id: 'street', label: 'street dance', tags: ['streetdance', 'turfing'], titles: [
        'Oakland turfing on BART, one take',
        '{style} battle finals in {city}',
        'Freestyle {style} cypher at {hour}',
      ] },
    ],
    descriptions: [
      '{creator} breaks down a {style} routine count by count.',
      'Energy, rhythm and {sub}: a short clip from {city}.',
      'Grab some space and learn {sub} with us.',
    ],
    creators: ['Turf Feinz Tribute', 'K-Pop Cover Crew', 'Ballet Bay', 'Salsa Sundays'],
  },
  {
    id: 'pets', label: 'Pets', related: ['comedy', 'hiking', 'diy'],
    tags: ['pets', 'petsoftiktok'],
    places: ['San Francisco, CA', 'Portland, OR', 'Denver, CO'],
    slots: {
      pet: ['a corgi', 'a rescue greyhound', 'two orange cats', 'a golden retriever', 'a senior chihuahua', 'a parrot'],
    },
    subtopics: [
      { id: 'dogs', label: 'dogs', tags: ['dogsoftiktok', 'dogtraining'], titles: [
        'Teaching {pet} {n} new tricks',
        'Dog beach day at Fort Funston',
        '{pet} meets snow for the first time',
      ] },
      { id: 'cats', label: 'cats', tags: ['catsoftiktok', 'catlife'], titles: [
        '{pet} vs the new cat tree',
        'Things my cat does at {hour}',
        '{n} signs your cat actually likes you',
      ] },
      { id: 'rescue', label: 'animal rescue', tags: ['adoptdontshop', 'rescue'], titles: [
        'Day {n} of fostering {pet}',
        'Adopted from the {city} shelter: one year later',
        'The rescue that changed my mind about cats',
      ] },
    ],
    descriptions: [
      '{creator} spends a day with {pet} and the chaos is adorable.',
      'A short, wholesome clip about {sub}.',
      'If you need a smile today, {pet} has you covered.',
    ],
    creators: ['Corgi Crew SF', 'Foster Mom Fran', 'Two Orange Cats', 'Trainer Tomas'],
  },
];
