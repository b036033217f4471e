using System.Collections.Frozen;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Builds lexicons of verb forms (base, -s, -ing, -ed) from base verbs, so the lexicons stay short and readable.
/// A trailing <c>+</c> marks a verb that doubles its final consonant ("run+" gives "running").
/// </summary>
internal static class WordForms
{
    public static FrozenSet<string> Verbs(params string[] baseVerbs) =>
        baseVerbs.SelectMany(Inflect).ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Words(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The stems of <paramref name="words"/>, to compare against stemmed tokens.</summary>
    public static FrozenSet<string> Stems(params string[] words) =>
        words.Select(TextTokens.Stem).ToFrozenSet(StringComparer.Ordinal);

    public static IEnumerable<string> Inflect(string verb)
    {
        var doubles = verb.EndsWith('+');
        var stem = doubles ? verb[..^1] : verb;
        yield return stem;
        yield return ThirdPerson(stem);

        if (doubles)
        {
            yield return stem + stem[^1] + "ing";
            yield return stem + stem[^1] + "ed";
        }
        else if (stem.EndsWith("ie", StringComparison.Ordinal))
        {
            yield return stem[..^2] + "ying";
            yield return stem + "d";
        }
        else if (stem.EndsWith('e') && !stem.EndsWith("ee", StringComparison.Ordinal) && !stem.EndsWith("ye", StringComparison.Ordinal))
        {
            yield return stem[..^1] + "ing";
            yield return stem + "d";
        }
        else if (EndsInConsonantY(stem))
        {
            yield return stem + "ing";
            yield return stem[..^1] + "ied";
        }
        else
        {
            yield return stem + "ing";
            yield return stem + "ed";
        }
    }

    private static string ThirdPerson(string stem)
    {
        if (stem.EndsWith('s') || stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith('o')
            || stem.EndsWith("sh", StringComparison.Ordinal) || stem.EndsWith("ch", StringComparison.Ordinal))
        {
            return stem + "es";
        }

        return EndsInConsonantY(stem) ? stem[..^1] + "ies" : stem + "s";
    }

    private static bool EndsInConsonantY(string stem) =>
        stem.Length > 1 && stem[^1] == 'y' && stem[^2] is not ('a' or 'e' or 'i' or 'o' or 'u');
}
