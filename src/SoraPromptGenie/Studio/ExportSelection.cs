using System.Text.Json;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Studio;

/// <summary>
/// The export panel's choices: a target, and only the sizes and durations that target accepts. Changing the target keeps a
/// size or duration the new target also accepts and falls back to its default otherwise, so an invalid pair is never chosen.
/// </summary>
public sealed class ExportSelection
{
    private static readonly JsonSerializerOptions BodyJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TargetCatalog _targets;
    private readonly VideoRequestBuilder _builder;

    public ExportSelection(TargetCatalog targets, VideoRequestBuilder builder)
    {
        _targets = targets;
        _builder = builder;
        Target = targets.Find("sora-2") ?? builder.SoraShapedTargets[0];
        Size = DefaultOf("size");
        Seconds = DefaultOf("seconds");
    }

    public IReadOnlyList<TargetProfile> Targets => _builder.SoraShapedTargets;

    public TargetProfile Target { get; private set; }

    public string Status => _builder.StatusOf(Target);

    public string? Size { get; private set; }

    public string? Seconds { get; private set; }

    public IReadOnlyList<string> Sizes => Target.FindParameter("size")?.Values ?? [];

    public IReadOnlyList<string> SecondsOptions => Target.FindParameter("seconds")?.Values ?? [];

    public void SelectTarget(string? id)
    {
        if (_targets.Find(id) is not { } target || !Targets.Contains(target))
        {
            return;
        }

        Target = target;
        Size = Keep(Size, "size");
        Seconds = Keep(Seconds, "seconds");
    }

    public void SelectSize(string? size) => Size = Sizes.Contains(size) ? size : Size;

    public void SelectSeconds(string? seconds) => Seconds = SecondsOptions.Contains(seconds) ? seconds : Seconds;

    public VideoRequestResult Build(string prompt) => _builder.Build(new VideoRequestInput(prompt, Target.Id, Size, Seconds));

    /// <summary>The request body as indented JSON (every value a string, in wire order).</summary>
    public static string BodyJsonText(IReadOnlyDictionary<string, string> body) => JsonSerializer.Serialize(body, BodyJson);

    private string? Keep(string? value, string parameter) =>
        Target.FindParameter(parameter) is { } p ? (value is not null && p.Values.Contains(value) ? value : p.Default) : null;

    private string? DefaultOf(string parameter) => Target.FindParameter(parameter)?.Default;
}
