namespace SoraPromptGenie.Library;

/// <summary>The editor the library panel sits beside, as the library reads it; the studio implements it.</summary>
public interface IPromptEditor
{
    /// <summary>The text in the editor: what saving stores.</summary>
    string Text { get; }

    /// <summary>An AI action is writing to the editor, so the library does not put text in it or save it meanwhile.</summary>
    bool IsBusy { get; }

    /// <summary>The video model the editor writes for and its export parameters: what saving stores beside the text.</summary>
    TargetChoice? Target { get; }
}

/// <summary>A target profile id and the export parameters chosen for it, by the names the target's API uses.</summary>
public sealed record TargetChoice(string Target, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// Text the library hands to the editor (an opened prompt, a restored version) and the history entry's label, with the
/// target the text was saved for, when it was saved with one.
/// </summary>
public sealed record EditorText(string Text, string Label, TargetChoice? Target = null);
