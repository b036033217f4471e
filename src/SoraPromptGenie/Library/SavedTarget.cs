using System.Text.Json;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Library;

/// <summary>
/// The target a prompt is saved for and its export parameters: checked against the target's profile before saving, and
/// stored as the profile id plus a JSON object of the parameters by the profile's own names and values, in the profile's
/// order, so the same choice is always stored as the same text.
/// </summary>
public static class SavedTarget
{
    /// <summary>More values than any profile has parameters; a bigger map is refused before its names are looked at.</summary>
    public const int MaxParameters = 16;

    /// <summary>The most characters of a parameter name or value that is looked up (longer ones are refused unread).</summary>
    public const int MaxParameterTextLength = 64;

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    /// <summary>
    /// The choice a request or the editor names: none when no target is named, else the target with each given parameter by
    /// the profile's spelling (a null or blank value counts as not given), or the message saying which target, name or
    /// value the profile does not allow.
    /// </summary>
    public static (TargetChoice? Choice, string? Error) Check(
        TargetCatalog catalog, string? target, IReadOnlyDictionary<string, string?>? parameters)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var (profile, unknown) = catalog.Named(target);
        if (unknown is not null)
        {
            return (null, unknown);
        }

        var given = parameters?.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToList() ?? [];
        if (profile is null)
        {
            return given.Count == 0 ? (null, null) : (null, "parameters need a target; name the target they are for in target.");
        }

        if (given.Count > MaxParameters)
        {
            return (null, $"parameters may hold at most {MaxParameters} values.");
        }

        var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in given)
        {
            if (ParameterProblem(profile, name, raw!.Trim(), chosen) is { } problem)
            {
                return (null, problem);
            }
        }

        var ordered = profile.Parameters
            .Where(p => chosen.ContainsKey(p.Name))
            .ToDictionary(p => p.Name, p => chosen[p.Name], StringComparer.Ordinal);
        return (new TargetChoice(profile.Id, ordered), null);
    }

    /// <summary>The editor's choice, checked as a request's <c>target</c> and <c>parameters</c> are.</summary>
    public static (TargetChoice? Choice, string? Error) Check(TargetCatalog catalog, TargetChoice? choice) =>
        Check(catalog, choice?.Target, choice?.Parameters.ToDictionary(p => p.Key, string? (p) => p.Value, StringComparer.Ordinal));

    /// <summary>The choice an answer carries (<see cref="PromptResponse.Target"/>, <see cref="PromptResponse.Parameters"/>).</summary>
    public static TargetChoice? Of(string? target, IReadOnlyDictionary<string, string>? parameters) =>
        target is null ? null : new TargetChoice(target, parameters ?? NoParameters);

    /// <summary>The parameters column: null without a target or without parameters.</summary>
    public static string? ParametersJson(TargetChoice? choice) =>
        choice is { Parameters.Count: > 0 } ? JsonSerializer.Serialize(choice.Parameters) : null;

    /// <summary>The stored choice; a target saved without parameters has an empty map, and no target means no choice.</summary>
    public static TargetChoice? FromStored(string? target, string? parametersJson) =>
        target is null
            ? null
            : new TargetChoice(target, parametersJson is null ? NoParameters : JsonSerializer.Deserialize<Dictionary<string, string>>(parametersJson)!);

    /// <summary>Whether two choices store the same: same target and the same parameters.</summary>
    public static bool Same(TargetChoice? a, TargetChoice? b) =>
        a?.Target == b?.Target && ParametersJson(a) == ParametersJson(b);

    private static string? ParameterProblem(TargetProfile profile, string name, string value, Dictionary<string, string> chosen)
    {
        if (name.Length > MaxParameterTextLength)
        {
            return $"A parameter name must be at most {MaxParameterTextLength} characters.";
        }

        if (LibraryText.Problem("A parameter name", name) is { } badName)
        {
            return badName;
        }

        if (value.Length > MaxParameterTextLength)
        {
            return $"parameters.{name} must be at most {MaxParameterTextLength} characters.";
        }

        if (LibraryText.Problem("parameters." + name, value) is { } badValue)
        {
            return badValue;
        }

        var (parameter, allowed, problem) = profile.ResolveParameter(name, value, "parameters.");
        if (problem is not null)
        {
            return problem;
        }

        if (chosen.ContainsKey(parameter!.Name))
        {
            return $"parameters.{parameter.Name} is given twice; give it once.";
        }

        chosen[parameter.Name] = allowed!;
        return null;
    }
}
