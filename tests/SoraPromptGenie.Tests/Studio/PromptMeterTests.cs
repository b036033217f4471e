using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class PromptMeterTests
{
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();

    private static TargetProfile Target(string id) => Targets.Find(id)!;

    [Theory]
    [InlineData("luma-ray-3.2", "812 / 6,000 characters")]
    [InlineData("runway-gen4.5", "812 / 1,000 UTF-16 code units")]
    [InlineData("veo-3.1", "≈ 203 / 1,024 tokens")]
    [InlineData("generic", "812 characters")]
    public void For_TargetLimit_CountsInItsUnitAgainstItsLimit(string target, string expected)
    {
        var prompt = new string('a', 812);

        var meter = PromptMeter.For(prompt, Target(target));

        Assert.Equal(expected, meter.Text);
        Assert.False(meter.Over);
    }

    [Fact]
    public void For_WordLimit_CountsWords()
    {
        var meter = PromptMeter.For("A fox crosses   a snowy road.\n", Target("seedance-2.0"));

        Assert.Equal("6 / 1,000 words", meter.Text);
        Assert.Contains("unverified", meter.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void For_PromptOverLimit_IsOverAsTheBuilderMeasuresIt()
    {
        var over = PromptMeter.For(new string('a', 1_001), Target("runway-gen4.5"));
        var paddedButFits = PromptMeter.For("  " + new string('a', 1_000) + "\n", Target("runway-gen4.5"));

        Assert.True(over.Over);
        Assert.Equal("1,001 / 1,000 UTF-16 code units", over.Text);
        Assert.False(paddedButFits.Over);
    }

    [Fact]
    public void For_TargetWithoutLimit_IsNeverOver()
    {
        var meter = PromptMeter.For(new string('a', 9_000), Target("sora-2"));

        Assert.False(meter.Over);
        Assert.Null(meter.Explanation);
    }
}
