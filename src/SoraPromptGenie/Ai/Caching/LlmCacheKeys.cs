using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Ai.Caching;

/// <summary>
/// Cache keys for LLM answers: the provider, the model chain, the prompt-spec version, the operation and the
/// normalized input, hashed. A new model or a reworded system prompt therefore never sees an old answer. An operation
/// written for a target also keys on the target's id and the target guide's version (<see cref="TargetGuide.Version"/>);
/// one without a target keys exactly as before targets existed.
/// </summary>
public sealed partial class LlmCacheKeys(string provider, IReadOnlyList<string> models, string promptVersion = PromptSpec.Version)
{
    public const string Prefix = "spg:llm:";

    /// <summary>
    /// Cards to take out (<paramref name="removing"/>) follow a marker part, so a request that swaps a card never shares
    /// a key with one that only adds cards (those have one part plus three per card; a swap has one more).
    /// </summary>
    public string Enhance(
        string currentPrompt, IReadOnlyList<EnhancementSpec> enhancements, IReadOnlyList<EnhancementSpec>? removing = null, TargetProfile? target = null)
    {
        var parts = new List<string> { Normalize(currentPrompt) };
        AddCards(parts, enhancements);
        if (removing is { Count: > 0 })
        {
            parts.Add("removing");
            AddCards(parts, removing);
        }

        return For(TextOperation.EnhanceOperation(enhancements.Count), target, parts);
    }

    public string Suggest(SuggestionRequest request) => For(
        PromptOperation.Suggest,
        request.Target,
        [request.Category.Id, request.Count.ToString(CultureInfo.InvariantCulture), Normalize(request.CurrentPrompt)]);

    public string Expand(string basicPrompt, TargetProfile? target = null) => For(PromptOperation.Expand, target, [Normalize(basicPrompt)]);

    public string Structure(string prompt, TargetProfile? target = null) => For(PromptOperation.Structure, target, [Normalize(prompt)]);

    public string For(EngineOperation operation) => operation switch
    {
        TextOperation.Enhance enhance => Enhance(enhance.CurrentPrompt, enhance.Enhancements, enhance.Removing, enhance.Target),
        TextOperation.Expand expand => Expand(expand.BasicPrompt, expand.Target),
        TextOperation.Structure structure => Structure(structure.Prompt, structure.Target),
        SuggestionRequest request => Suggest(request),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown prompt operation."),
    };

    /// <summary>
    /// Same text up to layout: Unicode NFC, Windows line ends, trailing spaces, runs of blanks and of empty lines do not
    /// change the key. Case and wording do, since they can change the answer.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        normalized = Blanks().Replace(normalized, " ");
        normalized = SpaceAroundNewline().Replace(normalized, "\n");
        normalized = EmptyLines().Replace(normalized, "\n\n");
        return normalized.Trim();
    }

    private static void AddCards(List<string> parts, IReadOnlyList<EnhancementSpec> cards)
    {
        foreach (var card in cards)
        {
            parts.Add(Normalize(card.Category).ToLowerInvariant());
            parts.Add(Normalize(card.Title));
            parts.Add(Normalize(card.Description));
        }
    }

    private string For(PromptOperation operation, TargetProfile? target, IEnumerable<string> parts)
    {
        // Length-prefixed so that no two different inputs can produce the same material. The target part sits where a
        // request without one has its operation name, which it can never equal, so the two kinds never share material.
        IEnumerable<string> header = target is null
            ? [provider, string.Join(',', models), promptVersion]
            : [provider, string.Join(',', models), promptVersion, $"target={target.Id}@{TargetGuide.Version}"];
        var material = new StringBuilder();
        foreach (var part in (IEnumerable<string>)[.. header, operation.ToString(), .. parts])
        {
            material.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString()));
        return $"{Prefix}{operation.ToString().ToLowerInvariant()}:{Convert.ToHexStringLower(hash)}";
    }

    // A lone space or line end matches nothing, so text that is already normalized comes back as it is, uncopied.
    [GeneratedRegex(@"[ \t\f\v\u00A0]{2,}|[\t\f\v\u00A0]")]
    private static partial Regex Blanks();

    [GeneratedRegex(@" \n ?|\n ")]
    private static partial Regex SpaceAroundNewline();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex EmptyLines();
}
