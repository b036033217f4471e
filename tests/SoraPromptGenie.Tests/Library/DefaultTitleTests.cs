using SoraPromptGenie.Library;

namespace SoraPromptGenie.Tests.Library;

public sealed class DefaultTitleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 14, 3, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("A fox crossing a snowy road.", "A fox crossing a snowy road")]
    [InlineData("  Neon alley\nin the rain, handheld  ", "Neon alley in the rain, handheld")]
    [InlineData("One two three four five six seven eight nine ten", "One two three four five six seven eight…")]
    [InlineData("Wide shot, then: a long slow push-in toward the lighthouse keeper's weathered hands", "Wide shot, then: a long slow push-in toward…")]
    public void For_Text_TakesItsFirstWordsCutAtAWord(string text, string expected)
    {
        var title = DefaultTitle.For(text, Now);

        Assert.Equal(expected, title);
        Assert.True(title.Length <= DefaultTitle.MaxLength);
    }

    [Fact]
    public void For_OneVeryLongWord_IsCutToTheLimit()
    {
        var title = DefaultTitle.For(new string('x', 300) + " fox", Now);

        Assert.Equal(DefaultTitle.MaxLength, title.Length);
        Assert.EndsWith("x…", title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("— … !!")]
    [InlineData("   ")]
    public void For_NoWordToTake_IsUntitledWithTheDate(string text)
    {
        var title = DefaultTitle.For(text, Now);

        Assert.Equal("Untitled prompt — 5 Dec 2026", title);
    }
}
