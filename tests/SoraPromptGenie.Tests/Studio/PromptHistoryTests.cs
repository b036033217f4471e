using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class PromptHistoryTests
{
    [Fact]
    public void Record_NewText_BecomesCurrentAndCanUndo()
    {
        var history = new PromptHistory(TimeProvider.System);

        var recorded = history.Record("a fox", AppliedSet.Empty, "Edited");

        Assert.True(recorded);
        Assert.Equal("a fox", history.Current.Text);
        Assert.True(history.CanUndo);
        Assert.False(history.CanRedo);
    }

    [Fact]
    public void Record_SameTextAndCards_AddsNothing()
    {
        var history = new PromptHistory(TimeProvider.System);
        history.Record("a fox", AppliedSet.Empty, "Edited");

        var recorded = history.Record("a fox", AppliedSet.Empty, "Edited");

        Assert.False(recorded);
        Assert.Equal(2, history.Entries.Count);
    }

    [Fact]
    public void UndoThenRedo_TwoEntries_WalksBackAndForth()
    {
        var history = new PromptHistory(TimeProvider.System);
        history.Record("one", AppliedSet.Empty, "Edited");
        history.Record("two", AppliedSet.Empty, "Edited");

        var undone = history.Undo();
        var redone = history.Redo();

        Assert.Equal("one", undone!.Text);
        Assert.Equal("two", redone!.Text);
        Assert.Null(history.Redo());
    }

    [Fact]
    public void Record_AfterUndo_DropsRedoBranch()
    {
        var history = new PromptHistory(TimeProvider.System);
        history.Record("one", AppliedSet.Empty, "Edited");
        history.Record("two", AppliedSet.Empty, "Edited");
        history.Undo();

        history.Record("three", AppliedSet.Empty, "Edited");

        Assert.Equal(["", "one", "three"], history.Entries.Select(e => e.Text));
        Assert.False(history.CanRedo);
    }

    [Fact]
    public void Record_OverCapacity_DropsOldestEntry()
    {
        var history = new PromptHistory(TimeProvider.System, capacity: 3);

        foreach (var text in new[] { "a", "b", "c", "d" })
        {
            history.Record(text, AppliedSet.Empty, "Edited");
        }

        Assert.Equal(["b", "c", "d"], history.Entries.Select(e => e.Text));
        Assert.Equal(2, history.CurrentIndex);
    }

    [Fact]
    public void Restore_Index_MakesThatEntryCurrent()
    {
        var history = new PromptHistory(TimeProvider.System);
        history.Record("one", AppliedSet.Empty, "Edited");
        history.Record("two", AppliedSet.Empty, "Edited");

        var restored = history.Restore(1);

        Assert.Equal("one", restored.Text);
        Assert.True(history.CanRedo);
    }

    [Fact]
    public void Reload_Entries_ReplacesHistoryAndCurrent()
    {
        var history = new PromptHistory(TimeProvider.System);
        history.Record("a fox", AppliedSet.Empty, "Edited");
        HistoryEntry[] entries = [new("", AppliedSet.Empty, "Start", DateTimeOffset.UnixEpoch), new("a hare", AppliedSet.Empty, "Edited", DateTimeOffset.UnixEpoch)];

        history.Reload(entries, 0);

        Assert.Equal(entries, history.Entries);
        Assert.Equal(0, history.CurrentIndex);
        Assert.True(history.CanRedo);
    }

    [Fact]
    public void Reload_MoreEntriesThanCapacity_Throws()
    {
        var history = new PromptHistory(TimeProvider.System, capacity: 1);
        HistoryEntry[] entries = [new("", AppliedSet.Empty, "Start", DateTimeOffset.UnixEpoch), new("a", AppliedSet.Empty, "Edited", DateTimeOffset.UnixEpoch)];

        var reload = () => history.Reload(entries, 0);

        Assert.Throws<ArgumentOutOfRangeException>(reload);
    }
}
