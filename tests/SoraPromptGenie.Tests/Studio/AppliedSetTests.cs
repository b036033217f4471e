using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class AppliedSetTests
{
    private static readonly StudioCard GoldenHour = new("lighting/golden-hour", "Golden Hour", "Warm low sun.", "lighting");
    private static readonly StudioCard NeonGlow = new("lighting/neon-glow", "Neon Glow", "Neon light.", "lighting");
    private static readonly StudioCard LowAngle = new("camera-angles/low-angle", "Low Angle", "From below.", "camera-angles");
    private static readonly StudioCard Grainy = new("texture/fine-film-grain", "Fine Film Grain", "Grain.", "texture");

    [Fact]
    public void With_CardOfAppliedCategory_ReplacesItInPlaceAndKeepsOthers()
    {
        var applied = AppliedSet.Of([GoldenHour, LowAngle]);

        var replaced = applied.With([NeonGlow]);

        Assert.Equal([NeonGlow, LowAngle], replaced.Cards);
        Assert.Equal([GoldenHour, LowAngle], applied.Cards);
    }

    [Fact]
    public void ReplacedBy_Cards_AreTheAppliedCardsOfTheirCategories()
    {
        var applied = AppliedSet.Of([GoldenHour, LowAngle]);

        var replaced = applied.ReplacedBy([NeonGlow, Grainy]);

        Assert.Equal([GoldenHour], replaced);
    }

    [Fact]
    public void Without_EarlierCategory_KeepsCardsAppliedAfterIt()
    {
        var applied = AppliedSet.Of([GoldenHour, LowAngle, Grainy]);

        var remaining = applied.Without("lighting");

        Assert.Equal([LowAngle, Grainy], remaining.Cards);
    }

    [Fact]
    public void Without_LastCard_IsTheSharedEmptySet()
    {
        var applied = AppliedSet.Of([GoldenHour]);

        var remaining = applied.Without("lighting");

        Assert.Same(AppliedSet.Empty, remaining);
        Assert.Same(applied, applied.Without("camera-angles"));
    }

    [Fact]
    public void With_TwoCardsOfOneCategory_Throws()
    {
        var applied = AppliedSet.Empty;

        var apply = () => applied.With([GoldenHour, NeonGlow]);

        Assert.Throws<ArgumentException>(apply);
    }
}
