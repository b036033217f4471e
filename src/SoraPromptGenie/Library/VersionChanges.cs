using DiffPlex;
using DiffPlex.Chunkers;

namespace SoraPromptGenie.Library;

public enum ChangeKind
{
    Same,
    Added,
    Removed,

    /// <summary>A long unchanged run, left out of what is shown.</summary>
    Skipped,
}

/// <summary>A run of words of one kind; words are joined by single spaces.</summary>
public sealed record TextChange(ChangeKind Kind, string Text, int Words);

/// <summary>
/// What changed between two versions' texts, word by word (DiffPlex's diff over whitespace-separated words), with long
/// unchanged runs cut to a few words of context on each side, so a one-word edit of a long prompt reads at a glance.
/// Line breaks and spacing are not compared: a version list shows what was said differently, not how it was laid out.
/// </summary>
public static class VersionChanges
{
    /// <summary>Unchanged words kept next to a change, on each side.</summary>
    public const int ContextWords = 4;

    private static readonly DelimiterChunker Words = new([' ', '\t', '\r', '\n', '\f', '\v', '\u00a0']);

    /// <summary>The runs from <paramref name="previous"/> to <paramref name="current"/>; empty when the words are the same.</summary>
    public static IReadOnlyList<TextChange> Between(string previous, string current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var diff = Differ.Instance.CreateDiffs(previous, current, ignoreWhiteSpace: true, ignoreCase: false, Words);
        var old = WordsOf(diff.PiecesOld);
        var now = WordsOf(diff.PiecesNew);
        if (diff.DiffBlocks.Count == 0)
        {
            return [];
        }

        var runs = new List<(ChangeKind Kind, List<string> Words)>();
        var position = 0;
        foreach (var block in diff.DiffBlocks.OrderBy(b => b.DeleteStartA))
        {
            Add(runs, ChangeKind.Same, Slice(diff.PiecesOld, old, position, block.DeleteStartA));
            Add(runs, ChangeKind.Removed, Slice(diff.PiecesOld, old, block.DeleteStartA, block.DeleteStartA + block.DeleteCountA));
            Add(runs, ChangeKind.Added, Slice(diff.PiecesNew, now, block.InsertStartB, block.InsertStartB + block.InsertCountB));
            position = block.DeleteStartA + block.DeleteCountA;
        }

        Add(runs, ChangeKind.Same, Slice(diff.PiecesOld, old, position, diff.PiecesOld.Count));
        return runs.Count == 0 || runs.All(r => r.Kind == ChangeKind.Same) ? [] : Collapse(runs);
    }

    private static List<TextChange> Collapse(List<(ChangeKind Kind, List<string> Words)> runs)
    {
        var changes = new List<TextChange>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (kind, words) = runs[i];
            if (kind != ChangeKind.Same)
            {
                changes.Add(Change(kind, words));
                continue;
            }

            var keepStart = i == 0 ? 0 : ContextWords;
            var keepEnd = i == runs.Count - 1 ? 0 : ContextWords;
            if (words.Count <= keepStart + keepEnd + 1)
            {
                changes.Add(Change(kind, words));
                continue;
            }

            if (keepStart > 0)
            {
                changes.Add(Change(kind, words[..keepStart]));
            }

            var skipped = words.Count - keepStart - keepEnd;
            changes.Add(new TextChange(ChangeKind.Skipped, "…", skipped));
            if (keepEnd > 0)
            {
                changes.Add(Change(kind, words[^keepEnd..]));
            }
        }

        return changes;
    }

    private static TextChange Change(ChangeKind kind, List<string> words) => new(kind, string.Join(' ', words), words.Count);

    /// <summary>Index of each piece among the words (whitespace pieces, which the chunker keeps, are not words).</summary>
    private static bool[] WordsOf(IReadOnlyList<string> pieces) => [.. pieces.Select(p => !string.IsNullOrWhiteSpace(p))];

    private static List<string> Slice(IReadOnlyList<string> pieces, bool[] isWord, int from, int to)
    {
        var words = new List<string>();
        for (var i = from; i < to; i++)
        {
            if (isWord[i])
            {
                words.Add(pieces[i]);
            }
        }

        return words;
    }

    private static void Add(List<(ChangeKind Kind, List<string> Words)> runs, ChangeKind kind, List<string> words)
    {
        if (words.Count == 0)
        {
            return;
        }

        if (runs.Count > 0 && runs[^1].Kind == kind)
        {
            runs[^1].Words.AddRange(words);
        }
        else
        {
            runs.Add((kind, words));
        }
    }
}

/// <summary>A version in the panel's list with the changes from the version before it (null for the first version).</summary>
public sealed record VersionEntry(VersionResponse Version, IReadOnlyList<TextChange>? Changes)
{
    /// <summary>The first <paramref name="count"/> of <paramref name="newestFirst"/>, each compared with the one after it.</summary>
    public static IReadOnlyList<VersionEntry> Of(IReadOnlyList<VersionResponse> newestFirst, int count)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var entries = new List<VersionEntry>();
        for (var i = 0; i < newestFirst.Count && i < count; i++)
        {
            var previous = i + 1 < newestFirst.Count && newestFirst[i + 1].Number == newestFirst[i].Number - 1 ? newestFirst[i + 1] : null;
            entries.Add(new VersionEntry(newestFirst[i], previous is null ? null : VersionChanges.Between(previous.Text, newestFirst[i].Text)));
        }

        return entries;
    }
}
