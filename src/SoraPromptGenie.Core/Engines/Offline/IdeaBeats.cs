using System.Text.RegularExpressions;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Paces an idea that holds several actions in beats: "a cat knocks a glass off the table and watches it fall" becomes
/// "a cat knocks a glass off the table, then watches it fall". The words of the idea stay; only the joint between its
/// last two actions changes.
/// </summary>
internal static partial class IdeaBeats
{
    public static string Pace(string idea)
    {
        var tokens = TextTokens.Tokenize(idea);
        if (tokens.Contains("then") || tokens.Count(StructureLexicons.ActionVerbs.Contains) < 2)
        {
            return idea;
        }

        Match? joint = null;
        foreach (Match match in ActionJoint().Matches(idea))
        {
            var verb = match.Groups["verb"].Value.ToLowerInvariant();
            var before = TextTokens.Tokenize(idea[..match.Index]);
            if (StructureLexicons.ActionVerbs.Contains(verb) && before.Any(StructureLexicons.ActionVerbs.Contains))
            {
                joint = match;
            }
        }

        return joint is null
            ? idea
            : string.Concat(idea.AsSpan(0, joint.Index), ", then ", idea.AsSpan(joint.Groups["verb"].Index));
    }

    /// <summary>" and walks", ", and walks": the joint before a later action.</summary>
    [GeneratedRegex(@"\s*,?\s+and\s+(?<verb>\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex ActionJoint();
}
