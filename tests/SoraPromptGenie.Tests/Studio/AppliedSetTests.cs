using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class AppliedSetTests
{
    private static readonly StudioCard GoldenHour = new("lighting/golden-hour", "Golden Hour", "Warm low sun.", "lighting");
    private static readonly StudioCard NeonGlow = new("lighting/neon-glow", "Neon Glow", "Neon light.", "lighting");
    private static readonly StudioCard LowAngle = new("camera-angles/low-angle", "Low Angle", "From below.", "camera-angles");

    [Fact]
    public void Plan_NoCardInCategory_MergesIntoCurrentPrompt()
    {
        var applied = AppliedSet.Empty;

        var plan = applied.Plan([GoldenHour], "a fox on a road");

        Assert.Equal("a fox on a road", plan.BasePrompt);
        Assert.Same(applied, plan.Kept);
    }

    [Fact]
    public void Plan_CategoryAlreadyApplied_ReappliesToPromptBeforeThatCard()
    {
        var applied = AppliedSet.Apply(AppliedSet.Empty.Plan([GoldenHour], "a fox"));

        var plan = applied.Plan([NeonGlow], "a fox, golden hour");
        var replaced = AppliedSet.Apply(plan);

        Assert.Equal("a fox", plan.BasePrompt);
        Assert.True(replaced.IsApplied(NeonGlow.Id));
        Assert.False(replaced.IsApplied(GoldenHour.Id));
        Assert.Equal(1, replaced.Count);
    }

    [Fact]
    public void Plan_OtherCategory_KeepsEarlierCards()
    {
        var applied = AppliedSet.Apply(AppliedSet.Empty.Plan([GoldenHour], "a fox"));

        var both = AppliedSet.Apply(applied.Plan([LowAngle], "a fox, golden hour"));

        Assert.True(both.IsApplied(GoldenHour.Id));
        Assert.True(both.IsApplied(LowAngle.Id));
        Assert.Equal("a fox, golden hour", both.ForCategory("camera-angles")!.PromptBefore);
    }

    [Fact]
    public void Remove_AppliedCard_RestoresPromptBeforeIt()
    {
        var applied = AppliedSet.Apply(AppliedSet.Empty.Plan([GoldenHour], "a fox"));

        var (remaining, restored) = applied.Remove("lighting")!.Value;

        Assert.Equal("a fox", restored);
        Assert.Equal(0, remaining.Count);
    }

    [Fact]
    public void Remove_EarlierCategory_DropsCardsMergedAfterIt()
    {
        var first = AppliedSet.Apply(AppliedSet.Empty.Plan([GoldenHour], "a fox"));
        var second = AppliedSet.Apply(first.Plan([LowAngle], "a fox, golden hour"));

        var (remaining, restored) = second.Remove("lighting")!.Value;

        Assert.Equal("a fox", restored);
        Assert.False(remaining.IsApplied(LowAngle.Id));
    }

    [Fact]
    public void Remove_CategoryNotApplied_ReturnsNull()
    {
        var applied = AppliedSet.Empty;

        var removed = applied.Remove("lighting");

        Assert.Null(removed);
    }

    [Fact]
    public void Plan_TwoCardsOfOneCategory_Throws()
    {
        var applied = AppliedSet.Empty;

        var plan = () => applied.Plan([GoldenHour, NeonGlow], "a fox");

        Assert.Throws<ArgumentException>(plan);
    }
}
