namespace SoraPromptGenie.Library;

/// <summary>The editor the library panel sits beside, as the library reads it; the studio implements it.</summary>
public interface IPromptEditor
{
    /// <summary>The text in the editor: what saving stores.</summary>
    string Text { get; }

    /// <summary>An AI action is writing to the editor, so the library does not put text in it or save it meanwhile.</summary>
    bool IsBusy { get; }
}

/// <summary>Text the library hands to the editor (an opened prompt, a restored version) and the history entry's label.</summary>
public sealed record EditorText(string Text, string Label);
