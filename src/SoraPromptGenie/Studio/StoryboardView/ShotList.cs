using SoraPromptGenie.Core.Storyboards;

namespace SoraPromptGenie.Studio.StoryboardView;

/// <summary>
/// The shot edits of the storyboard view, each returning the storyboard as it becomes. Every shot keeps a stable key so
/// the page can keep focus on a shot while it moves; the count never leaves 2 to 12.
/// </summary>
public static class ShotList
{
    public const int DefaultSeconds = 5;

    public static bool CanAdd(Storyboard board) => board.Shots.Count < StoryboardLimits.MaxShots;

    public static bool CanDelete(Storyboard board) => board.Shots.Count > StoryboardLimits.MinShots;

    /// <summary>A new shot after <paramref name="index"/> that already carries the setting and the look, ready to be written.</summary>
    public static Storyboard AddAfter(Storyboard board, int index)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (!CanAdd(board))
        {
            return board;
        }

        var carried = string.Join(' ', new[] { board.Continuity.Setting, board.Continuity.Look }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(EndSentence));
        var shot = new StoryboardShot(carried, board.Shots.Count > 0 ? board.Shots[Math.Clamp(index, 0, board.Shots.Count - 1)].Seconds : DefaultSeconds);
        return Insert(board, Math.Clamp(index + 1, 0, board.Shots.Count), shot);
    }

    public static Storyboard Duplicate(Storyboard board, int index)
    {
        ArgumentNullException.ThrowIfNull(board);
        return CanAdd(board) && InRange(board, index) ? Insert(board, index + 1, board.Shots[index]) : board;
    }

    public static Storyboard Delete(Storyboard board, int index)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (!CanDelete(board) || !InRange(board, index))
        {
            return board;
        }

        var shots = board.Shots.ToList();
        shots.RemoveAt(index);
        return board with { Shots = shots };
    }

    /// <summary>Takes the shot at <paramref name="from"/> out and puts it at position <paramref name="to"/>.</summary>
    public static Storyboard Move(Storyboard board, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (!InRange(board, from) || !InRange(board, to) || from == to)
        {
            return board;
        }

        var shots = board.Shots.ToList();
        var shot = shots[from];
        shots.RemoveAt(from);
        shots.Insert(to, shot);
        return board with { Shots = shots };
    }

    public static Storyboard Edit(Storyboard board, int index, Func<StoryboardShot, StoryboardShot> change)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(change);
        if (!InRange(board, index))
        {
            return board;
        }

        var shots = board.Shots.ToList();
        shots[index] = change(shots[index]);
        return board with { Shots = shots };
    }

    private static Storyboard Insert(Storyboard board, int index, StoryboardShot shot)
    {
        var shots = board.Shots.ToList();
        shots.Insert(index, shot);
        return board with { Shots = shots };
    }

    private static bool InRange(Storyboard board, int index) => index >= 0 && index < board.Shots.Count;

    private static string EndSentence(string? text)
    {
        var trimmed = text!.Trim();
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : char.ToUpperInvariant(trimmed[0]) + trimmed[1..] + ".";
    }
}
