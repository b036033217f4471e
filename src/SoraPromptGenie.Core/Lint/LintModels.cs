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
}

/// <summary>A range of the linted prompt, in UTF-16 code units, as <see cref="string.Substring(int, int)"/> takes it.</summary>
public sealed record TextSpan(int Start, int Length);

public sealed record LintFinding(string Rule, string Severity, string Message, TextSpan? Span = null);

/// <summary>The outcome of linting one prompt: a 0-100 score and the findings in rule order, then text order.</summary>
public sealed record LintReport(int Score, IReadOnlyList<LintFinding> Findings);
