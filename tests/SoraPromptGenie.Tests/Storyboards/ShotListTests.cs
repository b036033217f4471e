using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Studio.StoryboardView;

namespace SoraPromptGenie.Tests.Storyboards;

public sealed class ShotListTests
{
    private static Storyboard Board(int count) => new(
        [.. Enumerable.Range(1, count).Select(n => new StoryboardShot($"Shot {n} text.", n))],
        new StoryboardContinuity([], Setting: "a windy pier", Look: "Lit by low dawn sun."));

    [Fact]
    public void Move_FirstToLast_KeepsEveryOtherShotInOrder()
    {
        var moved = ShotList.Move(Board(4), 0, 3);

        Assert.Equal(["Shot 2 text.", "Shot 3 text.", "Shot 4 text.", "Shot 1 text."], moved.Shots.Select(s => s.Prompt));
    }

    [Fact]
    public void Move_OutOfRange_ChangesNothing()
    {
        var board = Board(3);

        Assert.Same(board, ShotList.Move(board, 0, 3));
        Assert.Same(board, ShotList.Move(board, -1, 0));
        Assert.Same(board, ShotList.Move(board, 1, 1));
    }

    [Fact]
    public void AddAfter_NewShotCarriesSettingAndLookAndTheLengthOfTheShotBefore()
    {
        var added = ShotList.AddAfter(Board(2), 0);

        Assert.Equal(3, added.Shots.Count);
        Assert.Equal(new StoryboardShot("A windy pier. Lit by low dawn sun.", 1), added.Shots[1]);
    }

    [Fact]
    public void AddAndDuplicate_AtTwelveShots_ChangeNothing()
    {
        var full = Board(StoryboardLimits.MaxShots);

        Assert.Same(full, ShotList.AddAfter(full, 0));
        Assert.Same(full, ShotList.Duplicate(full, 0));
    }

    [Fact]
    public void Delete_AtTwoShots_ChangesNothing_AboveTwo_RemovesTheShot()
    {
        var two = Board(2);

        Assert.Same(two, ShotList.Delete(two, 0));
        Assert.Equal(["Shot 1 text.", "Shot 3 text."], ShotList.Delete(Board(3), 1).Shots.Select(s => s.Prompt));
    }

    [Fact]
    public void Duplicate_PutsTheCopyRightAfterTheShot()
    {
        var duplicated = ShotList.Duplicate(Board(2), 0);

        Assert.Equal(["Shot 1 text.", "Shot 1 text.", "Shot 2 text."], duplicated.Shots.Select(s => s.Prompt));
    }
}
