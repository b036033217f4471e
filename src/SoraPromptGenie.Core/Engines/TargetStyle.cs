using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines;

/// <summary>How a prompt for a target is laid out.</summary>
public enum TargetLayout
{
    /// <summary>The Sora 2 template: scene prose, Cinematography (Camera shot, Mood), Actions as beats, Dialogue.</summary>
    SoraTemplate,

    /// <summary>Plain prose that opens with the motion (subject, then camera, then scene), style last: Runway's Gen-4 guide.</summary>
    MotionFirst,

    /// <summary>Plain prose for the picture, then an <c>Audio:</c> line with dialogue in quotes, effects and ambience.</summary>
    SceneThenAudio,

    /// <summary>Plain prose for the picture only.</summary>
    Scene,
}

/// <summary>Whether and how sound is written for a target.</summary>
public enum TargetSound
{
    /// <summary>Silent video: no dialogue, no sound.</summary>
    None,

    /// <summary>The target makes sound: a short audio section with dialogue in quotes.</summary>
    Section,

    /// <summary>Unknown (a profile without audio facts): quoted dialogue may stay in the prose, no audio section.</summary>
    Inline,
}

/// <summary>
/// The writing facts of a target that both engines follow, read from its profile: the layout family, sound, how
/// negatives are written, whether the model cuts between shots unless told not to, and the prompt limit. The family is
/// chosen by model id: Sora models keep the Sora 2 template, Runway's Gen-4 models open with motion, every other target
/// with sound gets an audio section, and the rest plain prose.
/// </summary>
public sealed record TargetStyle(TargetProfile Target)
{
    /// <summary>The opening a model that cuts between shots by default needs to keep one continuous shot (Gemini Omni's guide).</summary>
    public const string SingleShotOpening = "In a single continuous shot";

    /// <summary>The line that opens the audio section.</summary>
    public const string AudioLabel = "Audio:";

    public string Name => Target.Model is null ? "any video model" : Target.DisplayName;

    public TargetSound Sound => Target.Audio?.Mode switch
    {
        AudioMode.None => TargetSound.None,
        AudioMode.Always or AudioMode.Switch => TargetSound.Section,
        _ => TargetSound.Inline,
    };

    public TargetLayout Layout =>
        ModelStarts("sora-") ? TargetLayout.SoraTemplate
        : ModelStarts("gen4") ? TargetLayout.MotionFirst
        : Sound == TargetSound.Section ? TargetLayout.SceneThenAudio
        : TargetLayout.Scene;

    /// <summary><see cref="NegativeMode"/> of the target; a profile without negatives facts is written positively.</summary>
    public string Negatives => Target.Negatives?.Mode ?? NegativeMode.Avoid;

    /// <summary>Whether the model makes several shots unless the prompt asks for one (Gemini Omni).</summary>
    public bool CutsByDefault => ModelStarts("gemini-omni");

    public TargetPromptLimit? Limit => Target.PromptLimit;

    private bool ModelStarts(string prefix) => Target.Model?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true;
}
