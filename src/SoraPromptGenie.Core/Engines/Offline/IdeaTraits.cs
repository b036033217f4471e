using System.Collections.Frozen;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// What an idea says about the shot it wants: when, the weather, where, who or what, the mood and genre. The last group
/// is mostly given by a card chosen for the shot (warm light, a close framing, a black-and-white style), so the cards
/// chosen after it agree with it; an idea can name one itself ("a neon alley").
/// </summary>
[Flags]
internal enum IdeaTrait : long
{
    None = 0,

    // When.
    Dawn = 1L << 0,
    Day = 1L << 1,
    Dusk = 1L << 2,
    Night = 1L << 3,

    // Weather; Wet is the moment after rain or a storm, when the light is fresh again.
    Rain = 1L << 4,
    Snow = 1L << 5,
    Fog = 1L << 6,
    Storm = 1L << 7,
    Wind = 1L << 8,
    Wet = 1L << 9,
    Heat = 1L << 10,

    // Where.
    Indoor = 1L << 11,
    City = 1L << 12,
    Water = 1L << 13,
    Forest = 1L << 14,
    Wilds = 1L << 15,
    SciFi = 1L << 16,
    Tight = 1L << 17,

    // Who or what.
    Child = 1L << 18,
    Animal = 1L << 19,
    Elder = 1L << 20,
    Food = 1L << 21,
    Sport = 1L << 22,
    Face = 1L << 23,
    Crowd = 1L << 24,
    Vehicle = 1L << 25,
    Craft = 1L << 26,
    Moving = 1L << 27,

    // Mood and genre.
    Calm = 1L << 28,
    Tense = 1L << 29,
    Joy = 1L << 30,
    Romance = 1L << 31,
    Sad = 1L << 32,
    Grand = 1L << 33,
    Period = 1L << 34,
    Fantasy = 1L << 35,
    Noir = 1L << 36,
    Retro = 1L << 37,
    Noon = 1L << 38,

    // Given by a chosen card.
    Warm = 1L << 40,
    Cool = 1L << 41,
    Neon = 1L << 42,
    Mono = 1L << 43,
    Muted = 1L << 44,
    Bright = 1L << 45,
    Dark = 1L << 46,
    Close = 1L << 47,
    Wide = 1L << 48,
}

/// <summary>Word lists that read an idea's <see cref="IdeaTrait"/>s; words are compared as stems, verbs in all their forms.</summary>
internal static class IdeaTraits
{
    /// <summary>Within this many words after "after", a storm or rain word means the weather has passed ("after a storm").</summary>
    private const int AfterWindow = 3;

    private static readonly (IdeaTrait Trait, FrozenSet<string> Stems)[] Lexicons =
    [
        (IdeaTrait.Dawn, Nouns("dawn", "sunrise", "daybreak", "morning", "sunup", "first light")),
        (IdeaTrait.Day, Nouns("noon", "midday", "afternoon", "sunny", "sunshine", "daylight", "daytime", "sunlit", "summer", "day")),
        (IdeaTrait.Noon, Nouns("noon", "midday", "noonday")),
        (IdeaTrait.Neon, Nouns("neon", "cyberpunk")),
        (IdeaTrait.Dusk, Nouns("dusk", "sunset", "twilight", "evening", "sundown", "nightfall")),
        (IdeaTrait.Night, Nouns(
            "night", "nighttime", "midnight", "moon", "moonlit", "moonlight", "starry", "stars", "dark", "darkness",
            "nocturnal", "neon", "nightclub", "streetlamp", "streetlight")),
        (IdeaTrait.Rain, Nouns("rain", "rainy", "raining", "rainstorm", "drizzle", "downpour", "umbrella", "raindrops", "monsoon")),
        (IdeaTrait.Snow, Nouns(
            "snow", "snowy", "snowing", "snowfall", "snowstorm", "blizzard", "ice", "icy", "frozen", "frost", "winter",
            "snowman", "sled", "glacier")),
        (IdeaTrait.Fog, Nouns("fog", "foggy", "mist", "misty", "haze", "hazy", "smoky", "smoke")),
        (IdeaTrait.Storm, Nouns("storm", "stormy", "thunder", "thunderstorm", "lightning", "hurricane", "gale", "tempest", "tornado")),
        (IdeaTrait.Wind, Nouns("wind", "windy", "windswept", "gust", "gusty", "breeze", "kite")),
        (IdeaTrait.Wet, Nouns("flooded", "flood", "puddle", "puddles", "soaked", "drenched", "dripping")),
        (IdeaTrait.Heat, Nouns("desert", "dune", "dunes", "scorching", "heatwave", "sweltering", "arid", "hot", "savanna", "dusty")),
        (IdeaTrait.Indoor, Nouns(
            "kitchen", "room", "bedroom", "cafe", "café", "restaurant", "bar", "diner", "library", "office", "studio",
            "classroom", "workshop", "apartment", "attic", "basement", "hallway", "corridor", "church", "cathedral",
            "museum", "gym", "theatre", "theater", "stage", "shop", "store", "bakery", "lab", "laboratory", "inside",
            "indoors", "home", "bathroom", "garage", "warehouse", "factory", "cabin", "barn", "greenhouse", "ballroom",
            "hall", "salon", "pub", "tavern", "speakeasy", "bookshop", "fireplace", "table", "oven", "mall", "cockpit",
            "elevator", "dinner", "living")),
        (IdeaTrait.City, Nouns(
            "city", "cities", "downtown", "street", "streets", "alley", "alleyway", "skyline", "urban", "metropolis",
            "rooftop", "subway", "traffic", "taxi", "crosswalk", "sidewalk", "avenue", "plaza", "tokyo", "paris",
            "london", "manhattan", "market", "tram", "neon", "streetlamp", "skyscraper", "skyscrapers")),
        (IdeaTrait.Water, Nouns(
            "water", "ocean", "sea", "seaside", "wave", "waves", "lake", "river", "beach", "shore", "coast", "coastal",
            "underwater", "whale", "boat", "boats", "harbor", "harbour", "pier", "dock", "waterfall", "pond", "reef",
            "dolphin", "canal", "fisherman", "fishermen", "pool", "surfer", "swimmer", "sailor")),
        (IdeaTrait.Forest, Nouns("forest", "woods", "woodland", "jungle", "trees", "tree", "grove", "rainforest", "canopy", "pines")),
        (IdeaTrait.Wilds, Nouns(
            "nature", "meadow", "field", "fields", "mountain", "mountains", "valley", "landscape", "savanna", "prairie",
            "hill", "hills", "cliff", "canyon", "countryside", "farm", "wheat", "ridge", "summit", "desert", "tundra",
            "airstrip", "island", "volcano", "backyard", "garden", "park")),
        (IdeaTrait.SciFi, Nouns(
            "space", "spaceship", "spacecraft", "starship", "astronaut", "alien", "robot", "android", "cyborg",
            "futuristic", "future", "mars", "planet", "galaxy", "hologram", "laser", "spacesuit", "cyberpunk",
            "spaceport", "orbit", "mech")),
        (IdeaTrait.Tight, Nouns("tiny", "cramped", "narrow", "closet", "cubicle", "booth", "cockpit", "elevator", "trench")),
        (IdeaTrait.Child, Nouns(
            "kid", "kids", "child", "children", "boy", "boys", "girl", "girls", "toddler", "baby", "babies",
            "schoolchildren", "son", "daughter", "playground", "birthday", "puppy", "kitten")),
        (IdeaTrait.Animal, Nouns(
            "animal", "animals", "wildlife", "fox", "deer", "bird", "birds", "wolf", "bear", "lion", "tiger", "elephant",
            "elephants", "horse", "owl", "eagle", "cat", "dog", "puppy", "kitten", "whale", "dolphin", "fish", "rabbit",
            "squirrel", "butterfly", "butterflies", "bee", "cow", "sheep", "goat", "penguin", "monkey", "hummingbird",
            "crow", "pigeons", "pigeon", "duck", "swan", "frog", "turtle", "octopus", "shark", "otter", "herd",
            "dragon", "giraffe", "zebra", "camel")),
        (IdeaTrait.Elder, Nouns(
            "old", "elderly", "grandmother", "grandfather", "grandma", "grandpa", "aged", "retired", "veteran", "widow")),
        (IdeaTrait.Food, Nouns(
            "chef", "cook", "cooking", "food", "dish", "dessert", "cake", "bread", "loaves", "pasta", "noodles", "ramen",
            "soup", "pizza", "coffee", "latte", "tea", "sushi", "baker", "bakery", "dough", "pancake", "meal", "dinner",
            "breakfast", "lunch", "plate", "plates", "steak", "chocolate", "fruit", "barista", "croissant", "cocktail",
            "wine", "wok", "oven")),
        (IdeaTrait.Sport, Stemmed(
            WordForms.Verbs("race", "chase", "sprint", "fight", "battle", "escape", "jump", "leap", "dash", "crash",
                "explode", "tackle", "dodge", "kick", "punch", "skate", "surf", "dive", "gallop", "speed"),
            "runner", "marathon", "racer", "fighter", "skateboarder", "skateboard", "parkour", "stunt", "football",
            "soccer", "basketball", "tennis", "boxer", "boxing", "ski", "snowboard", "athlete", "sprinter", "gymnast",
            "climber", "surfer", "firefighters", "blaze", "roller")),
        (IdeaTrait.Face, Stemmed(
            WordForms.Verbs("smile", "gaze", "cry", "weep", "blink", "stare"),
            "portrait", "face", "faces", "eyes", "expression", "headshot", "closeup", "tears")),
        (IdeaTrait.Crowd, Nouns(
            "crowd", "crowds", "crowded", "festival", "parade", "market", "concert", "audience", "fans", "protest",
            "commuters", "busy", "bustling", "stadium", "family", "herd", "team")),
        (IdeaTrait.Vehicle, Nouns(
            "car", "cars", "truck", "train", "motorcycle", "motorbike", "bus", "taxi", "tram", "bicycle", "bike", "bikes",
            "plane", "airplane", "jet", "helicopter", "tractor", "van", "ship", "pilot")),
        (IdeaTrait.Craft, Stemmed(
            WordForms.Verbs("mend", "knit", "sew", "carve", "paint", "sculpt", "weave", "write", "repair", "fix",
                "sketch", "shape", "type", "examine", "knead", "plate", "pour"),
            "potter", "pottery", "loom", "letter", "craftsman", "blacksmith", "forge", "tailor", "watchmaker",
            "calligraphy", "typewriter", "needle", "clay", "wheel")),
        (IdeaTrait.Moving, Stemmed(
            WordForms.Verbs("walk", "run+", "race", "ride", "drive", "cycle", "chase", "fly", "swim+", "sail", "march",
                "gallop", "skate", "surf", "ski", "wander", "stroll", "hike", "travel", "flee", "escape", "sprint",
                "dash", "cross", "trot+", "paddle", "row", "speed", "float", "drift", "circle", "glide", "soar"),
            "roller")),
        (IdeaTrait.Calm, Stemmed(
            WordForms.Verbs("meditate", "sleep", "rest", "read", "drink", "feed", "sweep", "knit", "mend"),
            "calm", "quiet", "peaceful", "serene", "still", "gentle", "tranquil", "lazy", "slowly", "monk", "temple")),
        (IdeaTrait.Tense, Stemmed(
            WordForms.Verbs("hide", "creep", "stalk", "flee", "escape", "tremble"),
            "tense", "suspense", "danger", "dangerous", "haunted", "ghost", "abandoned", "eerie", "ominous", "horror",
            "monster", "zombie", "threat", "heist", "hostage", "bomb", "interrogation", "fear", "scared", "furiously",
            "hacker", "blaze", "burning")),
        (IdeaTrait.Joy, Stemmed(
            WordForms.Verbs("laugh", "play", "celebrate", "dance", "giggle", "cheer"),
            "joy", "joyful", "happy", "party", "birthday", "celebration", "wedding", "festival", "fun", "confetti",
            "carnival", "fair", "balloon", "balloons", "picnic", "bubbles", "kite")),
        (IdeaTrait.Romance, Stemmed(
            WordForms.Verbs("kiss", "embrace", "propose"),
            "couple", "lovers", "romance", "romantic", "date", "proposal", "wedding", "honeymoon", "sweethearts")),
        (IdeaTrait.Sad, Stemmed(
            WordForms.Verbs("mourn", "grieve", "weep"),
            "sad", "alone", "lonely", "loneliness", "grief", "funeral", "grave", "cemetery", "farewell", "goodbye",
            "lost", "empty", "widow", "memories", "abandoned")),
        (IdeaTrait.Grand, Nouns(
            "battle", "army", "armies", "castle", "kingdom", "empire", "cathedral", "canyon", "vast", "huge", "giant",
            "towering", "colossal", "ancient", "temple", "pyramid", "dragon", "warrior", "warriors", "knight", "knights",
            "legion", "summit", "savanna", "herd", "volcano")),
        (IdeaTrait.Period, Nouns(
            "1920s", "1930s", "1940s", "1950s", "1960s", "victorian", "medieval", "renaissance",
            "vintage", "retro", "antique", "edwardian", "regency", "viking", "samurai", "knight", "speakeasy",
            "gramophone", "typewriter", "steampunk", "century", "wartime", "trench", "soldier", "jazz", "candlelight")),
        (IdeaTrait.Retro, Nouns(
            "1970s", "1980s", "1990s", "retro", "vhs", "arcade", "cassette", "disco", "camcorder", "walkman", "mall")),
        (IdeaTrait.Fantasy, Nouns(
            "fairy", "fairies", "magic", "magical", "wizard", "witch", "dragon", "enchanted", "elf", "elves", "unicorn",
            "mermaid", "spell", "potion", "goblin", "troll", "toy", "toys", "puppet", "dream", "castle")),
        (IdeaTrait.Noir, Nouns(
            "detective", "crime", "criminal", "gangster", "mobster", "noir", "murder", "heist", "investigator",
            "cigarette", "suspect", "thief", "hacker")),
    ];

    /// <summary>Every stem (and two-word phrase) of the lexicons with all the traits it reads, so a word costs one lookup.</summary>
    private static readonly FrozenDictionary<string, IdeaTrait> TraitsByStem = Lexicons
        .SelectMany(l => l.Stems.Select(stem => (Stem: stem, l.Trait)))
        .GroupBy(x => x.Stem, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Aggregate(IdeaTrait.None, (all, x) => all | x.Trait), StringComparer.Ordinal);

    private static readonly FrozenSet<string> StormStems = WordForms.Stems("storm", "rain", "rainstorm", "thunderstorm", "downpour", "blizzard");

    public static IdeaTrait Read(string idea)
    {
        var traits = IdeaTrait.None;
        var tokens = TextTokens.Tokenize(idea);
        var afterAt = int.MinValue;
        for (var i = 0; i < tokens.Count; i++)
        {
            var stem = TextTokens.Stem(tokens[i]);
            if (stem == "after")
            {
                afterAt = i;
                continue;
            }

            if (i - afterAt <= AfterWindow && StormStems.Contains(stem))
            {
                traits |= IdeaTrait.Wet;
                continue;
            }

            traits |= TraitsByStem.GetValueOrDefault(stem);
            if (i + 1 < tokens.Count)
            {
                traits |= TraitsByStem.GetValueOrDefault(stem + " " + TextTokens.Stem(tokens[i + 1]));
            }
        }

        return traits;
    }

    private static FrozenSet<string> Nouns(params string[] words) =>
        words.Select(w => string.Join(' ', w.Split(' ').Select(TextTokens.Stem))).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Stemmed(FrozenSet<string> forms, params string[] words) =>
        forms.Concat(words).Select(TextTokens.Stem).ToFrozenSet(StringComparer.Ordinal);
}
