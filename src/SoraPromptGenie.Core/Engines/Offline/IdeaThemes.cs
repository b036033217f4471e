using System.Collections.Frozen;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>What a basic idea is about, as far as choosing camera, light and style is concerned.</summary>
[Flags]
internal enum IdeaTheme
{
    None = 0,
    City = 1,
    Night = 2,
    SciFi = 4,
    Action = 8,
    Portrait = 16,
    Weather = 32,
    Water = 64,
    Forest = 128,
    Nature = 256,
}

/// <summary>Keyword lexicons that detect <see cref="IdeaTheme"/>s in an idea; words are compared as stems.</summary>
internal static class IdeaThemes
{
    private static readonly (IdeaTheme Theme, FrozenSet<string> Stems)[] Lexicons =
    [
        (IdeaTheme.City, WordForms.Stems(
            "neon", "city", "cities", "downtown", "street", "alley", "alleyway", "skyline", "urban", "cyberpunk",
            "metropolis", "nightclub", "arcade", "subway", "tokyo", "traffic")),
        (IdeaTheme.Night, WordForms.Stems(
            "night", "nighttime", "midnight", "moon", "moonlit", "moonlight", "starry", "stars", "dark", "darkness", "nocturnal")),
        (IdeaTheme.SciFi, WordForms.Stems(
            "space", "spaceship", "spacecraft", "starship", "astronaut", "alien", "robot", "android", "cyborg",
            "futuristic", "future", "mars", "planet", "galaxy", "hologram", "laser", "spacesuit")),
        (IdeaTheme.Action, Stemmed(
            WordForms.Verbs("run+", "chase", "fight", "race", "sprint", "jump", "leap", "battle", "escape", "flee",
                "dash", "pursue", "crash", "explode", "tackle", "dodge", "kick", "punch", "skate", "surf", "charge"),
            "runner", "explosion", "fighter", "racer", "skateboarder", "skateboard", "parkour", "stunt")),
        (IdeaTheme.Portrait, Stemmed(
            WordForms.Verbs("smile", "gaze", "cry", "weep", "blink"),
            "portrait", "face", "faces", "eyes", "expression", "headshot", "closeup", "tears")),
        (IdeaTheme.Weather, WordForms.Stems(
            "rain", "rainy", "raining", "rainstorm", "storm", "stormy", "snow", "snowy", "snowing", "snowstorm",
            "fog", "foggy", "mist", "misty", "blizzard", "thunder", "thunderstorm", "lightning", "drizzle", "hail")),
        (IdeaTheme.Water, WordForms.Stems(
            "water", "ocean", "sea", "seaside", "waves", "lake", "river", "beach", "shore", "coast", "coastal",
            "underwater", "whale", "boat", "harbor", "harbour", "waterfall", "pond", "reef", "dolphin")),
        (IdeaTheme.Forest, WordForms.Stems(
            "forest", "woods", "woodland", "jungle", "trees", "grove", "rainforest", "canopy")),
        (IdeaTheme.Nature, WordForms.Stems(
            "nature", "animal", "animals", "wildlife", "fox", "deer", "bird", "wolf", "bear", "lion", "tiger",
            "elephant", "horse", "owl", "eagle", "meadow", "field", "mountain", "valley", "landscape", "savanna",
            "desert", "prairie", "butterflies", "flower", "wildflowers")),
    ];

    public static IdeaTheme Detect(string idea)
    {
        var themes = IdeaTheme.None;
        foreach (var token in TextTokens.Tokenize(idea))
        {
            var stem = TextTokens.Stem(token);
            foreach (var (theme, stems) in Lexicons)
            {
                if (stems.Contains(stem))
                {
                    themes |= theme;
                }
            }
        }

        return themes;
    }

    private static FrozenSet<string> Stemmed(FrozenSet<string> forms, params string[] words) =>
        forms.Concat(words).Select(TextTokens.Stem).ToFrozenSet(StringComparer.Ordinal);
}
