using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Studio;

/// <summary>
/// The video model the studio writes for and the export parameters chosen for it, kept per target so that switching away
/// and back keeps them. Only allowed values can be chosen: a value outside a parameter's list is ignored, and while a rule
/// of the target holds (Kling's sound on needs mode pro) the parameter it constrains offers only the values the rule
/// allows and is moved onto one of them, so the request builder is never handed an invalid pair. A parameter without a
/// list of allowed values is left to the API's default: the builder accepts listed values only.
/// </summary>
public sealed class TargetSelection
{
    /// <summary>
    /// A new browser writes for any video model: nothing is known yet about which model the person uses, and this profile
    /// neither retires nor applies one vendor's limit, lint or paid API to the prompt.
    /// </summary>
    public const string DefaultTargetId = "generic";

    /// <summary>Where a browser keeps the chosen target and, as JSON, the export parameters chosen per target.</summary>
    public const string TargetPreference = "spg.target";
    public const string ParametersPreference = "spg.target-parameters";

    /// <summary>The most remembered-parameter JSON read back from the browser; far more than every target's choices take.</summary>
    public const int MaxRememberedChars = 16_384;

    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,

        // Shown and copied into a terminal or a script, never embedded in HTML: readable text beats \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TargetCatalog _catalog;
    private readonly VideoRequestBuilder _builder;
    private readonly Dictionary<string, Dictionary<string, string>> _chosen = new(StringComparer.OrdinalIgnoreCase);

    public TargetSelection(TargetCatalog catalog, VideoRequestBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _builder = builder;
        Target = catalog.Find(DefaultTargetId)
            ?? catalog.All.FirstOrDefault(t => t.Verified && catalog.StatusOf(t) == TargetStatus.Active)
            ?? catalog.All[0];
    }

    /// <summary>Every target of the catalog, retired ones included, in catalog order.</summary>
    public IReadOnlyList<TargetProfile> Targets => _catalog.All;

    public TargetProfile Target { get; private set; }

    /// <summary>The current target's status today.</summary>
    public string Status => _catalog.StatusOf(Target);

    /// <summary>The values chosen for the current target by the API's own names; a parameter left out takes its default.</summary>
    public IReadOnlyDictionary<string, string> Parameters => Chosen(Target);

    public string StatusOf(TargetProfile target) => _catalog.StatusOf(target);

    /// <summary>Switches to the target <paramref name="id"/>; returns false (and keeps the current one) for an unknown id.</summary>
    public bool Select(string? id)
    {
        if (_catalog.Find(id) is not { } target)
        {
            return false;
        }

        Target = target;
        Normalize(target);
        return true;
    }

    /// <summary>
    /// Switches to <paramref name="id"/> with exactly <paramref name="parameters"/> (those the target allows), as a prompt
    /// saved with them asks; returns false for an unknown target.
    /// </summary>
    public bool Apply(string? id, IReadOnlyDictionary<string, string>? parameters)
    {
        if (_catalog.Find(id) is not { } target)
        {
            return false;
        }

        _chosen.Remove(target.Id);
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            Choose(target, name, value);
        }

        return Select(target.Id);
    }

    /// <summary>Chooses a value of the current target's parameter; empty leaves it to its default where that is allowed.</summary>
    public void Choose(string name, string? value) => Choose(Target, name, value);

    /// <summary>The value the parameter has now: chosen, else its default; null leaves it to the API.</summary>
    public string? ValueOf(TargetParameter parameter) => Effective(Target, parameter);

    /// <summary>The values the parameter may take given the other choices (the target's rules), in the profile's order.</summary>
    public IReadOnlyList<string> OptionsFor(TargetParameter parameter) => Options(Target, parameter);

    /// <summary>Whether the parameter may be left out of the request: not required, no default, and no rule pins it now.</summary>
    public bool CanLeaveUnset(TargetParameter parameter) => CanLeaveUnset(Target, parameter);

    /// <summary>The request for the current target, or null when it has no API to send one to.</summary>
    public VideoExportResult? Export(string prompt)
    {
        if (Target.Request is null)
        {
            return null;
        }

        var parameters = Parameters.ToDictionary(p => p.Key, string? (p) => p.Value, StringComparer.OrdinalIgnoreCase);
        return _builder.Export(new VideoExportInput(Target.Id, prompt, parameters));
    }

    /// <summary>The parameters chosen for every target, as JSON for the browser to keep.</summary>
    public string RememberedJson() =>
        JsonSerializer.Serialize(_chosen.Where(c => c.Value.Count > 0).ToDictionary(c => c.Key, c => c.Value));

    /// <summary>
    /// Takes back parameters the browser kept (<see cref="RememberedJson"/>). The JSON is untrusted: anything malformed or
    /// too large is ignored as a whole, and unknown targets, unknown parameters and values not allowed are dropped.
    /// </summary>
    public void Remember(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxRememberedChars)
        {
            return;
        }

        Dictionary<string, Dictionary<string, string>>? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json);
        }
        catch (JsonException)
        {
            return;
        }

        foreach (var (id, parameters) in stored ?? [])
        {
            if (_catalog.Find(id) is not { } target || parameters is null)
            {
                continue;
            }

            foreach (var (name, value) in parameters)
            {
                Choose(target, name, value);
            }

            Normalize(target);
        }
    }

    /// <summary>A request body as indented JSON, as it is sent (multipart fields shown as their JSON equivalent).</summary>
    public static string BodyJsonText(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.ToJsonString(IndentedJson);
    }

    private Dictionary<string, string> Chosen(TargetProfile target)
    {
        if (!_chosen.TryGetValue(target.Id, out var chosen))
        {
            chosen = _chosen[target.Id] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        return chosen;
    }

    private void Choose(TargetProfile target, string name, string? value)
    {
        if (target.FindParameter(name) is not { } parameter)
        {
            return;
        }

        var chosen = Chosen(target);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (CanLeaveUnset(target, parameter))
            {
                chosen.Remove(parameter.Name);
            }

            return;
        }

        if (Options(target, parameter).FirstOrDefault(v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } allowed)
        {
            chosen[parameter.Name] = allowed;
            Normalize(target);
        }
    }

    /// <summary>Moves every parameter a rule now pins onto a value the rule allows (repeated, as one move can set off another).</summary>
    private void Normalize(TargetProfile target)
    {
        for (var pass = 0; pass <= target.Rules.Count; pass++)
        {
            var moved = false;
            foreach (var parameter in target.Parameters)
            {
                var value = Effective(target, parameter);
                var pinned = Pinned(target, parameter);
                if (pinned is not null && (value is null || !pinned.Contains(value, StringComparer.Ordinal)) && pinned.Count > 0)
                {
                    Chosen(target)[parameter.Name] = pinned[0];
                    moved = true;
                }
            }

            if (!moved)
            {
                return;
            }
        }
    }

    private IReadOnlyList<string> Options(TargetProfile target, TargetParameter parameter) =>
        Pinned(target, parameter) is { Count: > 0 } pinned ? pinned : parameter.Values;

    /// <summary>The values the rules that hold now leave to <paramref name="parameter"/>; null when no rule holds for it.</summary>
    private List<string>? Pinned(TargetProfile target, TargetParameter parameter)
    {
        List<string>? pinned = null;
        foreach (var rule in target.Rules.Where(r => string.Equals(r.Then, parameter.Name, StringComparison.OrdinalIgnoreCase)))
        {
            if (target.FindParameter(rule.When) is { } when && rule.HoldsFor(Effective(target, when)))
            {
                pinned = [.. (pinned ?? [.. parameter.Values]).Where(v => rule.MustBe.Contains(v, StringComparer.Ordinal))];
            }
        }

        return pinned;
    }

    private bool CanLeaveUnset(TargetProfile target, TargetParameter parameter) =>
        parameter is { Required: false, Default: null } && Pinned(target, parameter) is null;

    private string? Effective(TargetProfile target, TargetParameter parameter) =>
        Chosen(target).TryGetValue(parameter.Name, out var value) ? value : parameter.Default;
}
