namespace SoraPromptGenie.Studio;

/// <summary>One state of the prompt: its text, the cards applied to it, and what made it.</summary>
public sealed record HistoryEntry(string Text, AppliedSet Applied, string Label, DateTimeOffset At);

/// <summary>
/// Linear undo/redo over prompt states. Recording after an undo drops the redo branch, as editors do; the oldest entries
/// go once the list is full.
/// </summary>
public sealed class PromptHistory(TimeProvider time, int capacity = PromptHistory.DefaultCapacity)
{
    public const int DefaultCapacity = 100;

    private readonly List<HistoryEntry> _entries = [new(string.Empty, AppliedSet.Empty, "Start", time.GetUtcNow())];

    public IReadOnlyList<HistoryEntry> Entries => _entries;

    public int CurrentIndex { get; private set; }

    public HistoryEntry Current => _entries[CurrentIndex];

    public bool CanUndo => CurrentIndex > 0;

    public bool CanRedo => CurrentIndex < _entries.Count - 1;

    /// <summary>Adds a state after the current one; nothing is added when text and cards are unchanged.</summary>
    public bool Record(string text, AppliedSet applied, string label)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(applied);
        if (Current.Text == text && ReferenceEquals(Current.Applied, applied))
        {
            return false;
        }

        _entries.RemoveRange(CurrentIndex + 1, _entries.Count - CurrentIndex - 1);
        _entries.Add(new HistoryEntry(text, applied, label, time.GetUtcNow()));
        if (_entries.Count > capacity)
        {
            _entries.RemoveAt(0);
        }

        CurrentIndex = _entries.Count - 1;
        return true;
    }

    /// <summary>Replaces every entry with <paramref name="entries"/> (a history kept in the browser) and makes one of them current.</summary>
    public void Reload(IReadOnlyList<HistoryEntry> entries, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfZero(entries.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries.Count, capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(currentIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(currentIndex, entries.Count);
        _entries.Clear();
        _entries.AddRange(entries);
        CurrentIndex = currentIndex;
    }

    public HistoryEntry? Undo() => CanUndo ? _entries[--CurrentIndex] : null;

    public HistoryEntry? Redo() => CanRedo ? _entries[++CurrentIndex] : null;

    public HistoryEntry Restore(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _entries.Count);
        CurrentIndex = index;
        return Current;
    }
}
