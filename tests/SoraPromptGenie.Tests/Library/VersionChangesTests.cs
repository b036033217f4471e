using SoraPromptGenie.Library;

namespace SoraPromptGenie.Tests.Library;

public sealed class VersionChangesTests
{
    [Fact]
    public void Between_OneWordReplaced_MarksItRemovedAndAdded()
    {
        var changes = VersionChanges.Between("a red fox at dusk", "a grey fox at dusk");

        Assert.Equal(
            [new(ChangeKind.Same, "a", 1), new(ChangeKind.Removed, "red", 1), new(ChangeKind.Added, "grey", 1), new(ChangeKind.Same, "fox at dusk", 3)],
            changes);
    }

    [Fact]
    public void Between_LongUnchangedRuns_KeepsAFewWordsOfContext()
    {
        var before = string.Join(' ', Enumerable.Range(1, 30).Select(i => "w" + i));
        var after = before.Replace("w15", "changed", StringComparison.Ordinal);

        var changes = VersionChanges.Between(before, after);

        Assert.Equal(
            [
                new(ChangeKind.Skipped, "…", 10),
                new(ChangeKind.Same, "w11 w12 w13 w14", 4),
                new(ChangeKind.Removed, "w15", 1),
                new(ChangeKind.Added, "changed", 1),
                new(ChangeKind.Same, "w16 w17 w18 w19", 4),
                new(ChangeKind.Skipped, "…", 11),
            ],
            changes);
    }

    [Fact]
    public void Between_ChangesAtBothEnds_CollapsesTheMiddle()
    {
        var middle = string.Join(' ', Enumerable.Range(1, 20).Select(i => "m" + i));

        var changes = VersionChanges.Between("old " + middle + " end", "new " + middle + " finish");

        Assert.Equal(ChangeKind.Removed, changes[0].Kind);
        Assert.Equal(ChangeKind.Added, changes[1].Kind);
        Assert.Equal(new TextChange(ChangeKind.Same, "m1 m2 m3 m4", 4), changes[2]);
        Assert.Equal(new TextChange(ChangeKind.Skipped, "…", 12), changes[3]);
        Assert.Equal(new TextChange(ChangeKind.Same, "m17 m18 m19 m20", 4), changes[4]);
        Assert.Equal([new(ChangeKind.Removed, "end", 1), new TextChange(ChangeKind.Added, "finish", 1)], changes.Skip(5));
    }

    [Theory]
    [InlineData("a fox at dusk", "a fox at dusk")]
    [InlineData("a fox\nat  dusk", "a fox at dusk")]
    public void Between_SameWords_IsEmpty(string before, string after)
    {
        Assert.Empty(VersionChanges.Between(before, after));
    }

    [Fact]
    public void Between_TextAddedToAnEmptyOne_IsAllAdded()
    {
        var changes = VersionChanges.Between(string.Empty, "a fox");

        Assert.Equal([new TextChange(ChangeKind.Added, "a fox", 2)], changes);
    }

    [Fact]
    public void Of_EntriesNewestFirst_CompareEachWithTheOneBefore()
    {
        var versions = new[] { Version(3, "c d"), Version(2, "b d"), Version(1, "a") };

        var entries = VersionEntry.Of(versions, 2);

        Assert.Equal(2, entries.Count);
        Assert.Equal([new(ChangeKind.Removed, "b", 1), new(ChangeKind.Added, "c", 1), new(ChangeKind.Same, "d", 1)], entries[0].Changes!);
        Assert.Equal([new(ChangeKind.Removed, "a", 1), new(ChangeKind.Added, "b d", 2)], entries[1].Changes!);
        Assert.Null(VersionEntry.Of(versions, 3)[2].Changes);
    }

    private static VersionResponse Version(int number, string text) =>
        new(number, "t", text, null, null, null, VersionOperations.Manual, [], null, null, DateTime.UtcNow);
}
