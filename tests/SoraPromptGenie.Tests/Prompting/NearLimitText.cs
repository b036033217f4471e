using System.Text;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>
/// Seeded generators of prompt-like text of a chosen length: scene sentences, action beats, labelled card lines,
/// template headings, dialogue, tabs and non-ASCII letters, so every path of the engines is exercised. The same seed
/// always gives the same text.
/// </summary>
internal static class NearLimitText
{
    private static readonly string[] Subjects =
    [
        "A red fox", "The old lighthouse keeper", "Two cyclists", "A child in a yellow raincoat", "The night train",
        "Maria Lopez", "A paper lantern", "Une vieille horloge", "東京の猫", "The astronaut",
    ];

    private static readonly string[] Verbs =
    [
        "trots across", "climbs", "walks slowly through", "turns toward", "runs along", "pauses beside", "drifts over",
        "looks up at", "jumps over", "glides past",
    ];

    private static readonly string[] Places =
    [
        "the snowy road", "a neon-lit alley", "the misty harbour", "a field of wheat", "the spiral stairs",
        "a rain-soaked platform", "the desert ridge", "a quiet café", "the frozen lake", "an abandoned greenhouse",
    ];

    private static readonly string[] Extras =
    [
        "Low angle, slow dolly in.", "The mood is tense and quiet.", "Warm tungsten light spills from a window.",
        "\"Wait for me,\" she whispers.", "Shot on 35mm film with soft grain.", "Handheld close-up on the hands.",
        "Colours: teal, amber, rust and cream.", "It feels nostalgic and calm.", "Rain taps on the glass.",
    ];

    private static readonly string[] Lines =
    [
        "Lighting: Golden Hour — warm, low-angle sunlight.", "Camera Motion: Slow Dolly In — the camera creeps forward.",
        "Mood: melancholic", "Weather: light drizzle", "Cinematography:", "Camera shot: wide shot, eye level",
        "Actions:", "- The fox takes four steps, pauses.", "Dialogue:", "- Maria: \"Not yet.\"", "Texture: Film Grain — fine 35mm grain.",
        "Atmosphere: Haze — thin haze\twith tabs inside.",
    ];

    /// <summary>Prompt-like text of exactly <paramref name="length"/> characters, never ending in half a surrogate pair.</summary>
    public static string Prompt(Random random, int length)
    {
        var builder = new StringBuilder(length + 200);
        while (builder.Length < length)
        {
            builder.Append(random.Next(10) switch
            {
                < 5 => $"{Pick(random, Subjects)} {Pick(random, Verbs)} {Pick(random, Places)}. ",
                < 7 => Pick(random, Extras) + " ",
                < 9 => "\n" + Pick(random, Lines) + "\n",
                _ => "\n\n",
            });
        }

        return Cut(builder.ToString(), length);
    }

    /// <summary>An idea of at least three words and exactly <paramref name="length"/> characters.</summary>
    public static string Idea(Random random, int length)
    {
        var builder = new StringBuilder(length + 100);
        while (builder.Length < length)
        {
            builder.Append($"{Pick(random, Subjects)} {Pick(random, Verbs)} {Pick(random, Places)} ");
        }

        return Cut(builder.ToString(), length);
    }

    /// <summary>
    /// A model answer of roughly <paramref name="length"/> characters with the wrappers and hazards models produce: a
    /// preamble, code fences, CRLF, ANSI escapes, bell, bidi overrides and a closing offer.
    /// </summary>
    public static string ModelAnswer(Random random, int length)
    {
        var builder = new StringBuilder();
        if (random.Next(3) == 0)
        {
            builder.Append("Here is the enhanced prompt:\n\n");
        }

        var fenced = random.Next(4) == 0;
        if (fenced)
        {
            builder.Append("```text\n");
        }

        var body = Prompt(random, length);
        foreach (var c in body)
        {
            builder.Append(c);
            switch (random.Next(400))
            {
                case 0: builder.Append("\u001b[31m"); break;
                case 1: builder.Append('\u0007'); break;
                case 2: builder.Append('\u202e'); break;
                case 3: builder.Append("\r\n"); break;
                case 4: builder.Append('\u0003'); break;
                case 5: builder.Append('\u0085'); break;
            }
        }

        if (fenced)
        {
            builder.Append("\n```");
        }

        if (random.Next(3) == 0)
        {
            builder.Append("\n\nLet me know if you want another version!");
        }

        return builder.ToString();
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Cut(string text, int length)
    {
        var cut = text[..length];
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] + "x" : cut;
    }
}
