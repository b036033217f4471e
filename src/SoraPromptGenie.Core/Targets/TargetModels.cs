using System.Text.Json.Nodes;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Targets;

/// <summary>Lifecycle of a target model as the product reports it; computed from the profile's dates (<see cref="TargetProfile.StatusOn"/>).</summary>
public static class TargetStatus
{
    public const string Active = "active";
    public const string Preview = "preview";
    public const string Deprecated = "deprecated";
    public const string Retired = "retired";
}

/// <summary>How a target's request body is sent.</summary>
public static class TargetEncoding
{
    public const string MultipartForm = "multipart/form-data";
    public const string Json = "application/json";

    internal static readonly string[] All = [MultipartForm, Json];
}

/// <summary>The JSON type a parameter's value is written as.</summary>
public static class TargetParameterType
{
    public const string Text = "string";
    public const string WholeNumber = "integer";
    public const string TrueOrFalse = "boolean";

    internal static readonly string[] All = [Text, WholeNumber, TrueOrFalse];
}

/// <summary>What a prompt limit counts.</summary>
public static class PromptLimitUnit
{
    /// <summary>Unicode characters (a character outside the BMP counts once).</summary>
    public const string Characters = "characters";

    /// <summary>UTF-16 code units, as JavaScript's <c>length</c> and .NET's <see cref="string.Length"/> count.</summary>
    public const string Utf16Units = "utf16-units";

    /// <summary>Model tokens; the product can only estimate them.</summary>
    public const string Tokens = "tokens";

    /// <summary>Words separated by white space.</summary>
    public const string Words = "words";

    /// <summary>Tokens are estimated at this many characters each; no target publishes its tokenizer.</summary>
    public const int CharactersPerToken = 4;

    internal static readonly string[] All = [Characters, Utf16Units, Tokens, Words];

    /// <summary>The size of <paramref name="text"/> in <paramref name="unit"/> (tokens estimated).</summary>
    public static int Measure(string text, string unit) => unit switch
    {
        Utf16Units => text.Length,
        Tokens => (text.EnumerateRunes().Count() + CharactersPerToken - 1) / CharactersPerToken,
        Words => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
        _ => text.EnumerateRunes().Count(),
    };

    /// <summary>The unit as a sentence names it.</summary>
    public static string Name(string unit) => unit == Utf16Units ? "UTF-16 code units" : unit;
}

/// <summary>How a target takes what the video must not show.</summary>
public static class NegativeMode
{
    /// <summary>A request field of its own (<see cref="TargetNegatives.Path"/>).</summary>
    public const string Field = "field";

    /// <summary>No field: written into the prompt as "No ..." sentences, as the target's guide advises.</summary>
    public const string Fold = "fold";

    /// <summary>The target's guide advises against negatives: the export leaves them out and says so.</summary>
    public const string Avoid = "avoid";

    internal static readonly string[] All = [Field, Fold, Avoid];
}

/// <summary>Whether a target makes sound.</summary>
public static class AudioMode
{
    /// <summary>A request parameter turns audio on or off (<see cref="TargetAudio.Parameter"/>).</summary>
    public const string Switch = "switch";

    /// <summary>Every video has audio; it is steered only by the prompt.</summary>
    public const string Always = "always";

    /// <summary>Silent video.</summary>
    public const string None = "none";

    internal static readonly string[] All = [Switch, Always, None];
}

/// <summary>Whether the create call answers with the video or with something to poll.</summary>
public static class FlowMode
{
    public const string Sync = "sync";
    public const string Poll = "poll";

    internal static readonly string[] All = [Sync, Poll];
}

/// <summary>How a target takes a storyboard of several shots.</summary>
public static class StoryboardMode
{
    /// <summary>One request per shot, stitched afterwards.</summary>
    public const string PerShot = "per-shot";

    /// <summary>One request carrying a list of shots with their lengths (Kling's <c>multi_prompt</c>).</summary>
    public const string MultiPrompt = "multi-prompt";

    /// <summary>One prompt with each shot after its timecode: <c>[0-4s] ... [4-8s] ...</c> (Gemini Omni).</summary>
    public const string Timecodes = "timecodes";

    /// <summary>One prompt of timed beats: <c>0-4s: ... 4-8s: ...</c> (Seedance).</summary>
    public const string Beats = "beats";

    /// <summary>No API: a numbered shot list with times.</summary>
    public const string ShotList = "shot-list";

    internal static readonly string[] All = [PerShot, MultiPrompt, Timecodes, Beats, ShotList];

    /// <summary>Whether the whole storyboard goes in one request.</summary>
    public static bool IsSingleRequest(string mode) => mode is MultiPrompt or Timecodes or Beats;
}

/// <summary>
/// How the target takes a storyboard: <see cref="Mode"/>, and for one request carrying every shot, the most shots and the
/// longest total it takes.
/// </summary>
public sealed record TargetStoryboard(string Mode, string Source, int? MaxShots = null, int? MaxTotalSeconds = null, string? Advice = null, bool Verified = true);

/// <summary>
/// Where facts come from. <see cref="Date"/> is the source's own date (a commit, a release, a dated notice); for an
/// <see cref="Undated"/> page it is the date its copy was read. <see cref="Official"/> is false for third parties.
/// </summary>
public sealed record TargetSource(string Key, string Title, Uri? Url, DateOnly Date, bool Official, bool Undated = false);

/// <summary>A sentence and the source it comes from: <c>key</c> or <c>key locator</c>, several joined by <c>;</c>.</summary>
public sealed record TargetFact(string Text, string Source);

/// <summary>The API key, as the name of the environment variable that holds it, and the header that carries it.</summary>
public sealed record TargetAuth(string Header, string? Scheme, string Variable, string? Description = null);

/// <summary>
/// The create call. <see cref="Url"/> may hold <c>{VARIABLE}</c> placeholders (a project, a region) that the curl command
/// reads from the environment. <see cref="Body"/> is the body before the prompt and parameters are set: its constant fields
/// (the model id, a type) in wire order; <see cref="PromptPath"/> is where the prompt goes.
/// </summary>
public sealed record TargetRequest(
    string Method,
    string Url,
    string Encoding,
    TargetAuth Auth,
    IReadOnlyDictionary<string, string>? Headers,
    JsonObject Body,
    string PromptPath,
    string Source);

/// <summary>
/// A request parameter. <see cref="Path"/> is where it sits in the body (<c>video.duration</c>, <c>instances[0].prompt</c>);
/// its <see cref="Name"/> is the last segment, as the target's API names the field. Values are listed as strings and
/// written as <see cref="Type"/>; a boolean allows <c>true</c> and <c>false</c>. Without a <see cref="Default"/>, the field is
/// left out unless given (the API's own default applies), or refused when <see cref="Required"/>.
/// </summary>
public sealed record TargetParameter(
    string Path,
    string Type,
    string Source,
    IReadOnlyList<string>? Allowed = null,
    string? Default = null,
    string? Description = null,
    bool Required = false,
    bool Verified = true)
{
    public string Name => JsonBodyPath.LastName(Path);

    public IReadOnlyList<string> Values => Type == TargetParameterType.TrueOrFalse ? ["true", "false"] : Allowed ?? [];
}

/// <summary>When parameter <see cref="When"/> takes one of <see cref="Is"/>, parameter <see cref="Then"/> must be one of <see cref="MustBe"/>.</summary>
public sealed record TargetRule(string When, IReadOnlyList<string> Is, string Then, IReadOnlyList<string> MustBe, string Source)
{
    /// <summary>Whether the rule holds when its <see cref="When"/> parameter has <paramref name="value"/> (null: not set).</summary>
    public bool HoldsFor(string? value) => value is not null && Is.Contains(value, StringComparer.Ordinal);
}

/// <summary>The most prompt text the target takes. An unverified limit only warns; a verified one refuses.</summary>
public sealed record TargetPromptLimit(int Max, string Unit, string Source, bool Verified = true)
{
    /// <summary>The size of <paramref name="text"/> in this limit's unit.</summary>
    public int Measure(string text) => PromptLimitUnit.Measure(text, Unit);

    public bool Fits(string text) => Measure(text) <= Max;
}

public sealed record TargetNegatives(string Mode, string? Path, string Advice, string Source, bool Verified = true);

/// <summary>Audio and how dialogue and sound are written for the target.</summary>
public sealed record TargetAudio(string Mode, string? Parameter, string Advice, string Source, bool Verified = true);

/// <summary>The poll call; its URL and body may hold the <c>{VARIABLE}</c> named by <see cref="TargetFlow.IdVariable"/>.</summary>
public sealed record TargetPoll(string Method, string Url, JsonObject? Body = null);

/// <summary>
/// What happens after the create call: <see cref="FlowMode.Sync"/> answers with the video; <see cref="FlowMode.Poll"/> answers
/// with an id (<see cref="Id"/> says where) to poll until <see cref="Done"/>. <see cref="Result"/> says where the video is.
/// </summary>
public sealed record TargetFlow(
    string Mode,
    string Source,
    string? Result = null,
    string? Id = null,
    string? IdVariable = null,
    TargetPoll? Poll = null,
    string? Done = null);

/// <summary>
/// One video model a prompt can be written for: who serves it, its lifecycle dates, the request its API takes (none for
/// advice that holds for any model), and guidance for writing prompts for it, each fact with its source.
/// <see cref="Verified"/> is false when the request follows no official source.
/// </summary>
public sealed record TargetProfile(
    string Id,
    string DisplayName,
    string Provider,
    string Api,
    string? Model,
    bool Verified,
    IReadOnlyList<TargetFact> Guidance,
    TargetRequest? Request = null,
    IReadOnlyList<TargetParameter>? Parameters = null,
    IReadOnlyList<TargetRule>? Rules = null,
    TargetPromptLimit? PromptLimit = null,
    TargetNegatives? Negatives = null,
    TargetAudio? Audio = null,
    TargetFlow? Flow = null,
    bool Preview = false,
    DateOnly? RetiresOn = null,
    DateOnly? RetiredOn = null,
    string? StatusSource = null,
    string? Note = null,
    IReadOnlyList<TargetFact>? Unverified = null,
    TargetStoryboard? Storyboard = null)
{
    public IReadOnlyList<TargetParameter> Parameters { get; init; } = Parameters ?? [];

    public IReadOnlyList<TargetRule> Rules { get; init; } = Rules ?? [];

    public IReadOnlyList<TargetFact> Unverified { get; init; } = Unverified ?? [];

    /// <summary>How the target takes several shots; a profile that does not say takes one request per shot, or a shot list without an API.</summary>
    public TargetStoryboard Multishot => Storyboard
        ?? new TargetStoryboard(Request is null ? StoryboardMode.ShotList : StoryboardMode.PerShot, Source: string.Empty, Verified: false);

    /// <summary>
    /// The status on <paramref name="today"/>: retired once <see cref="RetiredOn"/> or <see cref="RetiresOn"/> has come,
    /// deprecated while a retirement date is ahead, else preview or active. A date in the data retires a target without a
    /// code change.
    /// </summary>
    public string StatusOn(DateOnly today) =>
        RetiredOn <= today || RetiresOn <= today ? TargetStatus.Retired
        : RetiresOn is not null ? TargetStatus.Deprecated
        : Preview ? TargetStatus.Preview
        : TargetStatus.Active;

    public TargetParameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A parameter and value as this profile spells them (names and values match ignoring case), or the message saying
    /// which name or value it does not take. <paramref name="field"/> goes before the name in messages
    /// (<c>parameters.</c> where the name sits in a <c>parameters</c> object).
    /// </summary>
    public (TargetParameter? Parameter, string? Value, string? Problem) ResolveParameter(string name, string value, string field = "")
    {
        if (FindParameter(name) is not { } parameter)
        {
            return (null, null, Parameters.Count == 0
                ? $"{field}{name} is not a parameter of {Id}, which takes none."
                : $"{field}{name} is not a parameter of {Id}; use {Phrases.JoinOr(Parameters.Select(p => p.Name))}.");
        }

        return parameter.Values.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) is { } allowed
            ? (parameter, allowed, null)
            : (parameter, null, $"{field}{parameter.Name} {value} is not available for {Id}; choose {Phrases.JoinOr(parameter.Values)}.");
    }
}
