using SoraPromptGenie.Library;

namespace SoraPromptGenie.Studio;

/// <summary>The studio's editor as the library panel reads it.</summary>
public sealed class StudioPromptEditor(StudioSession session) : IPromptEditor
{
    public string Text => session.Prompt;

    public bool IsBusy => session.Busy is not null;

    public TargetChoice? Target => null;
}
