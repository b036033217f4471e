using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Engines;

/// <summary>Shortening to a target's limit in the limit's own unit, at a sentence boundary.</summary>
public sealed class PromptLengthTargetTests
{
    private const string Text = "A fox crosses the road. Snow falls on the asphalt. The camera holds still. A car passes far away.";

    [Theory]
    [InlineData(PromptLimitUnit.Words, 10, "A fox crosses the road. Snow falls on the asphalt.")]
    [InlineData(PromptLimitUnit.Utf16Units, 60, "A fox crosses the road. Snow falls on the asphalt.")]
    [InlineData(PromptLimitUnit.Characters, 30, "A fox crosses the road.")]
    [InlineData(PromptLimitUnit.Tokens, 19, "A fox crosses the road. Snow falls on the asphalt. The camera holds still.")]
    public void Shorten_OverTheLimit_EndsAtTheLastSentenceThatFitsInTheUnit(string unit, int max, string expected)
    {
        var limit = new TargetPromptLimit(max, unit, "test");

        var shortened = PromptLength.Shorten(Text, limit);

        Assert.Equal(expected, shortened);
        Assert.True(limit.Fits(shortened));
    }

    [Fact]
    public void Shorten_CharactersOutsideTheBmp_CountOnceAndAreNeverSplit()
    {
        var text = string.Concat(Enumerable.Repeat("🦊", 10));
        var limit = new TargetPromptLimit(4, PromptLimitUnit.Characters, "test");

        Assert.Equal("🦊🦊🦊🦊", PromptLength.Shorten(text, limit));
    }

    [Fact]
    public void Shorten_WithinTheLimit_ReturnsTheTextAsItIs() =>
        Assert.Same(Text, PromptLength.Shorten(Text, new TargetPromptLimit(100, PromptLimitUnit.Words, "test")));
}
