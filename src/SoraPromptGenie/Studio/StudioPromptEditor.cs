using SoraPromptGenie.Library;

namespace SoraPromptGenie.Studio;

/// <summary>The studio's editor as the library panel reads it.</summary>
public sealed class StudioPromptEditor(StudioSession session) : IPromptEditor
{
    public string Text => session.Prompt;

    public bool IsBusy => session.Busy is not null;

    /// <summary>The chosen target and the parameters chosen for it (a copy: later choices do not change what was read).</summary>
    public TargetChoice? Target => new(
        session.Target.Id,
        new Dictionary<string, string>(session.Selection.Parameters, StringComparer.OrdinalIgnoreCase));
}
