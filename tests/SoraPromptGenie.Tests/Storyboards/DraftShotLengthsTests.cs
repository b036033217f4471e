using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>Shot lengths from each target's duration parameter, and totals split across shots.</summary>
public sealed class DraftShotLengthsTests
{
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();

    [Theory]
    [InlineData(null, "2,3,4,5,6,7,8,9,10,11,12", 4)]
    [InlineData("veo-3.1", "4,6,8", 4)]
    [InlineData("runway-gen4.5", "2,3,4,5,6,7,8,9,10", 4)]
    [InlineData("luma-ray-3.2", "5,10", 5)]
    [InlineData("kling-v3", "1,2,3,4,5,6,7,8,9,10,11,12", 4)]
    [InlineData("gemini-omni-1.1-flash", "1,2,3,4,5,6,7,8,9,10", 4)]
    [InlineData("seedance-2.0", "1,2,3,4,5,6,7,8,9,10,11,12", 4)]
    [InlineData("sora-2", "4,8,12", 4)]
    [InlineData("generic", "2,3,4,5,6,7,8,9,10,11,12", 4)]
    public void For_Target_ReadsItsDurationParameter(string? target, string allowed, int defaultSeconds)
    {
        var lengths = ShotLengths.For(Targets.Find(target));

        Assert.Equal(allowed, string.Join(',', lengths.Allowed));
        Assert.Equal(defaultSeconds, lengths.Default);
    }

    [Theory]
    [InlineData(null, null, null, "4,4,4,4")]
    [InlineData("veo-3.1", 3, 18, "6,6,6")]
    [InlineData("veo-3.1", 3, 16, "6,6,4")]
    [InlineData("luma-ray-3.2", 3, 25, "10,10,5")]
    [InlineData("sora-2", 3, 20, "8,8,4")]
    [InlineData(null, null, 60, "12,12,12,12,12")]
    [InlineData(null, null, 6, "2,2,2")]
    [InlineData("veo-3.1", null, 10, "6,4")]
    [InlineData("kling-v3", 5, 15, "3,3,3,3,3")]
    [InlineData("kling-v3", null, null, "4,4,4,3")]
    [InlineData("gemini-omni-1.1-flash", null, null, "3,3,2,2")]
    [InlineData("seedance-2.0", 3, null, "4,4,4")]
    public void Plan_SplitsTheTotalWithAllowedLengths(string? target, int? shots, int? total, string seconds)
    {
        var plan = ShotLengths.For(Targets.Find(target)).Plan(shots, total);

        Assert.Null(plan.Error);
        Assert.Empty(plan.Warnings);
        Assert.Equal(seconds, string.Join(',', plan.Seconds));
    }

    [Theory]
    [InlineData("veo-3.1", 3, 15, "6,4,4", "totalSeconds 15 cannot be met exactly with 3 shots of 4, 6 or 8 seconds (veo-3.1); the storyboard lasts 14 seconds.")]
    [InlineData("luma-ray-3.2", 3, 23, "10,10,5", "totalSeconds 23 cannot be met exactly with 3 shots of 5 or 10 seconds (luma-ray-3.2); the storyboard lasts 25 seconds.")]
    public void Plan_TotalNotReachable_NearestWithAWarning(string target, int shots, int total, string seconds, string warning)
    {
        var plan = ShotLengths.For(Targets.Find(target)).Plan(shots, total);

        Assert.Equal(seconds, string.Join(',', plan.Seconds));
        Assert.Equal(warning, Assert.Single(plan.Warnings));
    }

    [Theory]
    [InlineData("veo-3.1", 3, 30, "totalSeconds 30 cannot be split into 3 shots: each shot of veo-3.1 lasts 4, 6 or 8 seconds, so 3 shots last 12 to 24 seconds.")]
    [InlineData(null, 4, 5, "totalSeconds 5 cannot be split into 4 shots: each shot of a storyboard lasts 2 to 12 seconds, so 4 shots last 8 to 48 seconds.")]
    [InlineData(null, null, 200, "totalSeconds must be from 4 to 144: a storyboard has 2 to 12 shots, and each shot of a storyboard lasts 2 to 12 seconds.")]
    [InlineData("luma-ray-3.2", null, 7, "totalSeconds must be from 10 to 120: a storyboard has 2 to 12 shots, and each shot of luma-ray-3.2 lasts 5 or 10 seconds.")]
    [InlineData("kling-v3", 7, 14, "shots 7 is more than kling-v3 takes in one request (6).")]
    [InlineData("gemini-omni-1.1-flash", 3, 12, "gemini-omni-1.1-flash makes at most 10 seconds in one request, so the storyboard's shots must add up to 10 seconds or less.")]
    public void Plan_TotalOutOfReach_IsAnError(string? target, int? shots, int total, string error)
    {
        Assert.Equal(error, ShotLengths.For(Targets.Find(target)).Plan(shots, total).Error);
    }
}
