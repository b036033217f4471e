namespace SoraPromptGenie.Core.Lint;

/// <summary>The severities a <see cref="LintFinding"/> can carry; these strings are the wire values.</summary>
public static class LintSeverity
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Error = "error";
}

/// <summary>Stable rule ids; clients key help text and filters on them, so never rename one.</summary>
public static class LintRules
{
    public const string Empty = "empty";
    public const string Framing = "framing";
    public const string CameraMove = "camera-move";
    public const string SubjectAction = "subject-action";
    public const string ActionBeats = "action-beats";
    public const string Light = "light";
    public const string Palette = "palette";
    public const string VagueWords = "vague-words";
    public const string Dialogue = "dialogue";
    public const string Length = "length";
    public const string ProseParameters = "prose-parameters";

    // Target rules: only when a prompt is linted for a target (docs/api.md, "Lint rules").

    /// <summary>The prompt is over, or near, the target's prompt limit.</summary>
    public const string TargetLimit = "target-limit";

    /// <summary>A setting written in the prose that is a request parameter of the target (replaces <see cref="ProseParameters"/>).</summary>
    public const string TargetParameter = "target-parameter";

    /// <summary>Dialogue or sound for a target that makes silent video.</summary>
    public const string TargetSilent = "target-silent";

    /// <summary>No sound described for a target that always makes sound.</summary>
    public const string TargetAudioUnset = "target-audio-unset";

    /// <summary>Speech not in quotes where the target's advice puts dialogue in quotes.</summary>
    public const string TargetDialogueQuotes = "target-dialogue-quotes";

    /// <summary>Negative phrasing where the target's guide advises positive phrasing.</summary>
    public const string TargetNegativeAvoid = "target-negative-avoid";

    /// <summary>An exclusion that reads better as a "No ..." sentence on a target without a negative field.</summary>
    public const string TargetNegativeFold = "target-negative-fold";

    /// <summary>An exclusion in the prose of a target that takes them in a negative-prompt field.</summary>
    public const string TargetNegativeField = "target-negative-field";
}

/// <summary>A range of the linted prompt, in UTF-16 code units, as <see cref="string.Substring(int, int)"/> takes it.</summary>
public sealed record TextSpan(int Start, int Length);

public sealed record LintFinding(string Rule, string Severity, string Message, TextSpan? Span = null);

/// <summary>The outcome of linting one prompt: a 0-100 score and the findings in rule order, then text order.</summary>
public sealed record LintReport(int Score, IReadOnlyList<LintFinding> Findings);
